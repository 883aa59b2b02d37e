// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "runtimeclient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cdeck {

QString ApiReply::message() const
{
    if (unreachable())
        return QCoreApplication::translate("cdeck::RuntimeClient", "Runtime unreachable: %1").arg(error);
    if (ok())
        return QCoreApplication::translate("cdeck::RuntimeClient", "OK");
    return detail.isEmpty() ? u"%1 (HTTP %2)"_s.arg(error).arg(httpStatus)
                            : u"%1: %2 (HTTP %3)"_s.arg(error, detail).arg(httpStatus);
}

QString encodePathSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

RuntimeClient::RuntimeClient(const QUrl &baseUrl, const QByteArray &token, QObject *parent)
    : QObject(parent)
    , m_baseUrl(baseUrl)
    , m_token(token)
    , m_network(new QNetworkAccessManager(this))
{
}

void RuntimeClient::request(const QByteArray &verb, const QString &path, const QJsonObject &body, Callback done)
{
    const QByteArray payload =
        (verb == "POST" || verb == "PUT") ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray();
    send(verb, path, payload, std::move(done), 0);
}

void RuntimeClient::send(const QByteArray &verb, const QString &path, const QByteArray &payload, Callback done,
                         int attempt)
{
    QUrl url = m_baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/api/v1"_s + path, QUrl::TolerantMode);
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + m_token);
    req.setRawHeader("Accept", "application/json");
    req.setTransferTimeout(m_timeoutMs);
    if (!payload.isEmpty() || verb == "POST" || verb == "PUT")
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = m_network->sendCustomRequest(req, verb, payload);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxResponseBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, verb, path, payload, done, attempt] {
        reply->deleteLater();
        ApiReply r;
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->bytesAvailable() <= kMaxResponseBytes ? reply->readAll() : QByteArray();
        if (r.httpStatus == 0) {
            r.error = reply->error() == QNetworkReply::OperationCanceledError
                ? u"no answer within %1 s or answer larger than 64 MiB"_s.arg(m_timeoutMs / 1000.0)
                : reply->errorString();
            // Only reads are retried: a POST that timed out may still have happened.
            if (verb == "GET" && attempt < 2) {
                QTimer::singleShot(200 * (1 << attempt), this,
                                   [this, verb, path, payload, done, attempt] { send(verb, path, payload, done, attempt + 1); });
                return;
            }
            done(r);
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            r.error = u"malformed answer from the runtime"_s;
            r.detail = parseError.errorString();
            if (r.ok())
                r.httpStatus = 502; // an answer we cannot read is not a success
            done(r);
            return;
        }
        if (doc.isArray())
            r.body = doc.array();
        else
            r.body = doc.object();
        if (!r.ok()) {
            const QJsonObject o = doc.object();
            r.error = o.value(u"error"_s).toString(u"HTTP %1"_s.arg(r.httpStatus));
            r.detail = o.value(u"detail"_s).toString();
            r.fields = o.value(u"fields"_s).toObject();
        }
        done(r);
    });
}

ApiReply RuntimeClient::requestBlocking(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QEventLoop loop;
    ApiReply result;
    bool finished = false;
    request(verb, path, body, [&](const ApiReply &r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

void RuntimeClient::cluster(const QString &id, Callback done)
{
    request("GET", u"/clusters/"_s + encodePathSegment(id), {}, std::move(done));
}

void RuntimeClient::launch(const ClusterSpec &spec, Callback done)
{
    request("POST", u"/clusters"_s, spec.toJson(), std::move(done));
}

void RuntimeClient::scale(const QString &id, int workers, Callback done)
{
    request("POST", u"/clusters/"_s + encodePathSegment(id) + u"/scale"_s, {{u"workers"_s, workers}}, std::move(done));
}

void RuntimeClient::setProtection(const QString &id, bool on, Callback done)
{
    request("PUT", u"/clusters/"_s + encodePathSegment(id) + u"/protection"_s, {{u"enabled"_s, on}}, std::move(done));
}

void RuntimeClient::terminate(const QString &id, Callback done)
{
    request("DELETE", u"/clusters/"_s + encodePathSegment(id), {}, std::move(done));
}

void RuntimeClient::executors(const QString &id, Callback done)
{
    request("GET", u"/clusters/"_s + encodePathSegment(id) + u"/executors"_s, {}, std::move(done));
}

void RuntimeClient::jobs(const QString &id, Callback done)
{
    request("GET", u"/clusters/"_s + encodePathSegment(id) + u"/jobs"_s, {}, std::move(done));
}

void RuntimeClient::job(const QString &id, const QString &jobId, Callback done)
{
    request("GET", u"/clusters/"_s + encodePathSegment(id) + u"/jobs/"_s + encodePathSegment(jobId), {},
            std::move(done));
}

void RuntimeClient::submitJob(const QString &id, const JobRequest &jobRequest, Callback done)
{
    request("POST", u"/clusters/"_s + encodePathSegment(id) + u"/jobs"_s, jobRequest.toJson(), std::move(done));
}

void RuntimeClient::cancelJob(const QString &id, const QString &jobId, Callback done)
{
    request("DELETE", u"/clusters/"_s + encodePathSegment(id) + u"/jobs/"_s + encodePathSegment(jobId), {},
            std::move(done));
}

} // namespace cdeck
