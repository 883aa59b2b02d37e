// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/yarn/yarnclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace cdeck::yarn {

namespace {

QString segment(const QString &s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); }

QString msText(const QDateTime &d) { return QString::number(d.toMSecsSinceEpoch()); }

} // namespace

QUrlQuery AppFilter::toQuery() const
{
    QUrlQuery q;
    if (!states.isEmpty())
        q.addQueryItem(u"states"_s, states.join(u','));
    if (!finalStatus.isEmpty())
        q.addQueryItem(u"finalStatus"_s, finalStatus);
    if (!user.isEmpty())
        q.addQueryItem(u"user"_s, user);
    if (!queue.isEmpty())
        q.addQueryItem(u"queue"_s, queue);
    if (!applicationTypes.isEmpty())
        q.addQueryItem(u"applicationTypes"_s, applicationTypes.join(u','));
    if (!applicationTags.isEmpty())
        q.addQueryItem(u"applicationTags"_s, applicationTags.join(u','));
    if (limit > 0)
        q.addQueryItem(u"limit"_s, QString::number(limit));
    if (startedTimeBegin.isValid())
        q.addQueryItem(u"startedTimeBegin"_s, msText(startedTimeBegin));
    if (startedTimeEnd.isValid())
        q.addQueryItem(u"startedTimeEnd"_s, msText(startedTimeEnd));
    if (finishedTimeBegin.isValid())
        q.addQueryItem(u"finishedTimeBegin"_s, msText(finishedTimeBegin));
    if (finishedTimeEnd.isValid())
        q.addQueryItem(u"finishedTimeEnd"_s, msText(finishedTimeEnd));
    if (!withResourceRequests)
        q.addQueryItem(u"deSelects"_s, u"resourceRequests"_s);
    return q;
}

YarnClient::YarnClient(const QUrl &rmUrl, QObject *parent)
    : QObject(parent), m_baseUrl(rmUrl), m_network(new QNetworkAccessManager(this))
{
}

void YarnClient::get(const QString &path, const QUrlQuery &query, Callback done)
{
    send("GET", path, query, {}, std::move(done), 0);
}

void YarnClient::nodes(const QStringList &states, Callback done)
{
    QUrlQuery q;
    if (!states.isEmpty())
        q.addQueryItem(u"states"_s, states.join(u','));
    get(u"nodes"_s, q, std::move(done));
}

void YarnClient::node(const QString &nodeId, Callback done) { get(u"nodes/"_s + segment(nodeId), {}, std::move(done)); }

void YarnClient::apps(const AppFilter &filter, Callback done) { get(u"apps"_s, filter.toQuery(), std::move(done)); }

void YarnClient::app(const QString &appId, Callback done) { get(u"apps/"_s + segment(appId), {}, std::move(done)); }

void YarnClient::appState(const QString &appId, Callback done)
{
    get(u"apps/"_s + segment(appId) + u"/state"_s, {}, std::move(done));
}

void YarnClient::cluster(ClusterCallback done)
{
    clusterInfo([this, done](const YarnReply &ir) {
        if (!ir.ok()) {
            done(std::nullopt, ir.error);
            return;
        }
        QString error;
        const auto info = parseClusterInfo(ir.body, &error);
        if (!info) {
            done(std::nullopt, error);
            return;
        }
        clusterMetrics([done, info](const YarnReply &mr) {
            if (!mr.ok()) {
                done(std::nullopt, mr.error);
                return;
            }
            QString metricsError;
            const auto metrics = parseClusterMetrics(mr.body, &metricsError);
            if (!metrics) {
                done(std::nullopt, metricsError);
                return;
            }
            done(YarnCluster{*info, *metrics}, QString());
        });
    });
}

void YarnClient::killApplication(const QString &appId, Callback done) { putKill(appId, std::move(done), 0); }

void YarnClient::putKill(const QString &appId, Callback done, int poll)
{
    // Repeating the PUT is what the RM's doc asks for: it is idempotent and reports the state it reached.
    send("PUT", u"apps/"_s + segment(appId) + u"/state"_s, {}, R"({"state":"KILLED"})"_ba,
         [this, appId, done, poll](const YarnReply &r) {
             if (r.ok() && r.httpStatus == 202) {
                 if (poll + 1 < m_killTries) {
                     QTimer::singleShot(m_killIntervalMs, this, [this, appId, done, poll] { putKill(appId, done, poll + 1); });
                     return;
                 }
                 YarnReply late = r;
                 late.error = tr("the ResourceManager has not killed %1 yet (state %2)")
                                  .arg(appId, r.body.toObject().value("state"_L1).toString());
                 done(late);
                 return;
             }
             done(r);
         },
         0);
}

void YarnClient::send(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                      Callback done, int attempt)
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + u"/ws/v1/cluster/"_s + path, QUrl::TolerantMode);
    QUrlQuery q = query;
    if (!m_userName.isEmpty())
        q.addQueryItem(u"user.name"_s, m_userName); // Hadoop's pseudo authentication
    if (!q.isEmpty())
        url.setQuery(q);
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    req.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = nullptr;
    if (verb == "PUT") {
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        reply = m_network->put(req, body);
    } else {
        reply = m_network->get(req);
    }
    auto tooLarge = std::make_shared<bool>(false);
    const qint64 maxBytes = m_maxBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge, maxBytes](qint64 received, qint64 total) {
        if (received > maxBytes || total > maxBytes) {
            *tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, verb, path, query, body, done, attempt, tooLarge] {
        reply->deleteLater();
        YarnReply r;
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (*tooLarge) {
            r.httpStatus = 0;
            r.error = tr("the ResourceManager's answer is larger than %1 MiB: not read").arg(m_maxBytes >> 20);
            done(r);
            return;
        }
        const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
        if (reply->error() != QNetworkReply::NoError && r.httpStatus == 0) {
            r.error = reply->error() == QNetworkReply::OperationCanceledError
                ? tr("no answer from the ResourceManager within %1 s").arg(m_timeoutMs / 1000.0)
                : reply->errorString();
            r.unreachable = true;
            if (attempt < 2) { // GETs and the kill PUT are both safe to repeat
                QTimer::singleShot(200 * (1 << attempt), this, [this, verb, path, query, body, done, attempt] {
                    send(verb, path, query, body, done, attempt + 1);
                });
                return;
            }
            done(r);
            return;
        }
        if (r.httpStatus < 200 || r.httpStatus >= 300) {
            // The RM's errors are {"RemoteException": {...}}; a proxy or Jetty itself may send HTML instead.
            const QJsonDocument doc = QJsonDocument::fromJson(data);
            QString text = parseRemoteException(doc.object());
            if (!text.isEmpty())
                r.body = doc.object();
            else if (!data.trimmed().startsWith('<'))
                text = QString::fromUtf8(data.left(300)).simplified();
            r.error = tr("the ResourceManager answered HTTP %1: %2")
                          .arg(r.httpStatus)
                          .arg(text.isEmpty() ? reply->errorString() : text);
            done(r);
            return;
        }
        if (reply->error() != QNetworkReply::NoError) { // e.g. the connection closed before the whole body
            r.httpStatus = 0;
            r.error = tr("the ResourceManager's answer was cut off: %1").arg(reply->errorString());
            done(r);
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            r.error = parseError.error != QJsonParseError::NoError
                ? tr("the ResourceManager's answer is not valid JSON: %1").arg(parseError.errorString())
                : tr("the ResourceManager's answer is not a JSON object");
            done(r);
            return;
        }
        r.body = doc.object();
        done(r);
    });
}

} // namespace cdeck::yarn
