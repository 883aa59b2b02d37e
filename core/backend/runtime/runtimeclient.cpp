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
#include <QUrlQuery>

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

QUrl RuntimeClient::urlFor(const QString &path, const QString &query) const
{
    QUrl url = m_baseUrl;
    // A path may carry its query ("/cost?by=tag"): setPath alone would encode the '?'.
    const qsizetype queryAt = path.indexOf(u'?');
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/api/v1"_s
                    + (queryAt < 0 ? path : path.left(queryAt)),
                QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query, QUrl::StrictMode);
    else if (queryAt >= 0)
        url.setQuery(path.mid(queryAt + 1), QUrl::TolerantMode);
    return url;
}

void RuntimeClient::send(const QByteArray &verb, const QString &path, const QByteArray &payload, Callback done,
                         int attempt, const QString &query)
{
    QNetworkRequest req(urlFor(path, query));
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
    connect(reply, &QNetworkReply::finished, this, [this, reply, verb, path, payload, done, attempt, query] {
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
                                   [this, verb, path, payload, done, attempt, query] {
                                       send(verb, path, payload, done, attempt + 1, query);
                                   });
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

void RuntimeClient::call(api::RouteId route, const QStringList &parameters, const QJsonObject &body, Callback done,
                         const QString &query)
{
    const api::Route &r = api::route(route);
    const QByteArray verb(r.method);
    const QByteArray payload
        = (verb == "POST" || verb == "PUT") ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray();
    send(verb, api::path(route, parameters), payload, std::move(done), 0, query);
}

ApiReply RuntimeClient::callBlocking(api::RouteId route, const QStringList &parameters, const QJsonObject &body,
                                     const QString &query)
{
    QEventLoop loop;
    ApiReply result;
    bool finished = false;
    call(
        route, parameters, body,
        [&](const ApiReply &r) {
            result = r;
            finished = true;
            loop.quit();
        },
        query);
    if (!finished)
        loop.exec();
    return result;
}

void RuntimeClient::cluster(const QString &id, Callback done)
{
    call(api::RouteId::Cluster, {id}, {}, std::move(done));
}

void RuntimeClient::launch(const ClusterSpec &spec, Callback done)
{
    call(api::RouteId::ClusterLaunch, {}, spec.toJson(), std::move(done));
}

void RuntimeClient::setScalingPolicy(const QString &id, const ScalingPolicy &policy, Callback done)
{
    call(api::RouteId::ClusterPolicySet, {id}, policy.toJson(), std::move(done));
}

void RuntimeClient::events(const QString &id, qint64 afterSeq, Callback done)
{
    call(api::RouteId::ClusterEvents, {id}, {}, std::move(done), u"after="_s + QString::number(afterSeq));
}

void RuntimeClient::scale(const QString &id, int workers, Callback done)
{
    call(api::RouteId::ClusterScale, {id}, {{u"workers"_s, workers}}, std::move(done));
}

void RuntimeClient::setProtection(const QString &id, bool on, Callback done)
{
    call(api::RouteId::ClusterProtection, {id}, {{u"enabled"_s, on}}, std::move(done));
}

void RuntimeClient::terminate(const QString &id, Callback done)
{
    call(api::RouteId::ClusterTerminate, {id}, {}, std::move(done));
}

void RuntimeClient::executors(const QString &id, Callback done)
{
    call(api::RouteId::ClusterExecutors, {id}, {}, std::move(done));
}

void RuntimeClient::jobs(const QString &id, Callback done)
{
    call(api::RouteId::Jobs, {id}, {}, std::move(done));
}

void RuntimeClient::job(const QString &id, const QString &jobId, Callback done)
{
    call(api::RouteId::Job, {id, jobId}, {}, std::move(done));
}

void RuntimeClient::jobDag(const QString &id, const QString &jobId, Callback done)
{
    call(api::RouteId::JobDag, {id, jobId}, {}, std::move(done));
}

void RuntimeClient::submitJob(const QString &id, const JobRequest &jobRequest, Callback done)
{
    call(api::RouteId::JobSubmit, {id}, jobRequest.toJson(), std::move(done));
}

void RuntimeClient::cancelJob(const QString &id, const QString &jobId, Callback done)
{
    call(api::RouteId::JobCancel, {id, jobId}, {}, std::move(done));
}

void RuntimeClient::metrics(const QString &id, const MetricsQuery &q, Callback done)
{
    QUrlQuery query; // it percent-encodes what would end a value ('&', '#', ...)
    if (!q.series.isEmpty())
        query.addQueryItem(u"series"_s, q.series.join(u','));
    if (!q.executors.isEmpty())
        query.addQueryItem(u"executors"_s, q.executors.join(u','));
    if (q.fromMs > 0)
        query.addQueryItem(u"from"_s, QString::number(q.fromMs));
    if (q.toMs > 0)
        query.addQueryItem(u"to"_s, QString::number(q.toMs));
    if (q.stepMs > 0)
        query.addQueryItem(u"step"_s, QString::number(q.stepMs));
    call(api::RouteId::ClusterMetrics, {id}, {}, std::move(done), query.toString(QUrl::FullyEncoded));
}

MetricsStream *RuntimeClient::openMetricsStream(const QString &id, int silenceTimeoutMs)
{
    QNetworkRequest req(urlFor(api::path(api::RouteId::ClusterMetricsStream, {id}), {}));
    req.setRawHeader("Authorization", "Bearer " + m_token);
    req.setRawHeader("Accept", "text/event-stream");
    // The runtime writes an event every second while it samples: this long without a byte is a dead stream.
    req.setTransferTimeout(silenceTimeoutMs);
    return new MetricsStream(m_network->get(req), nullptr);
}

MetricsStream::MetricsStream(QNetworkReply *reply, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
{
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::readyRead, this, &MetricsStream::onData);
    connect(m_reply, &QNetworkReply::finished, this, &MetricsStream::onFinished);
}

MetricsStream::~MetricsStream()
{
    m_done = true; // no signal from the abort below
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void MetricsStream::onData()
{
    if (m_done)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the error body is read in onFinished
    if (!m_open) {
        m_open = true;
        Q_EMIT opened();
    }
    const QList<SseEvent> events = m_parser.feed(m_reply->readAll());
    for (const SseEvent &e : events) {
        if (m_done)
            return;
        if (e.type == "samples") {
            QString error;
            const MetricBatch batch = parseMetricBatch(e.data, &error);
            if (batch.timestampMs <= 0) {
                finish();
                Q_EMIT failed(u"malformed samples event: %1"_s.arg(error), status);
                return;
            }
            Q_EMIT batchReceived(batch);
        } else if (e.type == "cluster") {
            const QJsonObject o = QJsonDocument::fromJson(e.data).object();
            if (o.value(u"cluster"_s).isObject())
                Q_EMIT clusterReceived(o.value(u"cluster"_s).toObject(), o.value(u"executors"_s).toArray());
        } else if (e.type == "job") {
            const QJsonObject job = QJsonDocument::fromJson(e.data).object();
            if (job.value(u"id"_s).isString())
                Q_EMIT jobReceived(job);
        } else if (e.type == "end") {
            const QJsonObject o = QJsonDocument::fromJson(e.data).object();
            finish();
            Q_EMIT ended(o.value(u"state"_s).toString());
            return;
        }
    }
    if (m_parser.failed()) {
        finish();
        Q_EMIT failed(m_parser.error(), status);
    }
}

void MetricsStream::onFinished()
{
    if (m_done)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString reason;
    if (status != 0 && status != 200) {
        const QJsonObject o = QJsonDocument::fromJson(m_reply->readAll()).object();
        reason = o.value(u"error"_s).toString(u"HTTP %1"_s.arg(status));
        if (o.contains(u"detail"_s))
            reason += u": "_s + o.value(u"detail"_s).toString();
    } else {
        onData(); // the last bytes may hold the end event
        if (m_done)
            return;
        reason = m_reply->error() == QNetworkReply::OperationCanceledError ? u"no data from the stream for too long"_s
            : m_reply->error() != QNetworkReply::NoError                   ? m_reply->errorString()
                                                                           : u"the runtime closed the stream"_s;
    }
    finish();
    Q_EMIT failed(reason, status);
}

void MetricsStream::finish()
{
    m_done = true;
    m_open = false;
}

void RuntimeClient::clusterCost(const QString &id, Callback done)
{
    call(api::RouteId::ClusterCost, {id}, {}, std::move(done));
}

void RuntimeClient::costSummary(const QString &query, Callback done)
{
    call(api::RouteId::CostSummary, {}, {}, std::move(done), query);
}

} // namespace cdeck
