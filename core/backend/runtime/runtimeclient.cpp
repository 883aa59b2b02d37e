// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "runtimeclient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cdeck {

QString ApiReply::message() const
{
    if (certificateRefused)
        return QCoreApplication::translate("cdeck::RuntimeClient", "Runtime's certificate refused: %1").arg(detail);
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
    , m_transport(new RuntimeTransport(baseUrl, token, RuntimeTrust::fromEnvironment(), this))
{
}

void RuntimeClient::request(const QByteArray &verb, const QString &path, const QJsonObject &body, Callback done)
{
    const QByteArray payload =
        (verb == "POST" || verb == "PUT") ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray();
    send(verb, path, payload, std::move(done), 0);
}

void RuntimeClient::send(const QByteArray &verb, const QString &path, const QByteArray &payload, Callback done,
                         int attempt, const QString &query)
{
    QNetworkRequest req = m_transport->request(m_transport->urlFor(path, query));
    req.setTransferTimeout(m_timeoutMs);
    if (!payload.isEmpty() || verb == "POST" || verb == "PUT")
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = m_transport->send(req, verb, payload);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxResponseBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, verb, path, payload, done, attempt, query] {
        reply->deleteLater();
        ApiReply r;
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->bytesAvailable() <= kMaxResponseBytes ? reply->readAll() : QByteArray();
        if (const QString refusal = RuntimeTransport::tlsRefusal(reply); !refusal.isEmpty()) {
            // Never retried: the same certificate would be refused again.
            r.httpStatus = 0;
            r.certificateRefused = true;
            r.error = u"certificate refused"_s;
            r.detail = refusal;
            done(r);
            return;
        }
        if (const QString location = RuntimeTransport::unfollowedRedirect(reply); !location.isEmpty()) {
            r.error = u"redirect not followed"_s;
            r.detail = u"the runtime answered HTTP %1 to %2; ClusterDeck does not follow redirects (the token would "
                       "go along): connect to that address directly if you trust it"_s.arg(r.httpStatus)
                           .arg(location);
            done(r);
            return;
        }
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
            if (r.httpStatus == 401 && !m_transport->sendsToken())
                r.detail = m_transport->tokenWithheldReason();
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
    QNetworkRequest req = m_transport->request(m_transport->urlFor(api::path(api::RouteId::ClusterMetricsStream, {id})),
                                               "text/event-stream");
    // The runtime writes an event every second while it samples: this long without a byte is a dead stream.
    req.setTransferTimeout(silenceTimeoutMs);
    return new MetricsStream(m_transport->send(req, "GET"), m_transport->tokenWithheldReason(), nullptr);
}

MetricsStream::MetricsStream(QNetworkReply *reply, QString tokenWithheld, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_tokenWithheld(std::move(tokenWithheld))
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
    if (const QString refusal = RuntimeTransport::tlsRefusal(m_reply); !refusal.isEmpty()) {
        reason = u"certificate refused: "_s + refusal;
    } else if (status != 0 && status != 200) {
        const QJsonObject o = QJsonDocument::fromJson(m_reply->readAll()).object();
        reason = o.value(u"error"_s).toString(u"HTTP %1"_s.arg(status));
        if (status == 401 && !m_tokenWithheld.isEmpty())
            reason += u": "_s + m_tokenWithheld;
        else if (o.contains(u"detail"_s))
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
