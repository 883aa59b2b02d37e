// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/apiroutes.h"
#include "core/backend/runtime/metricswire.h"
#include "core/backend/runtime/runtimetransport.h"
#include "core/backend/runtime/sseparser.h"
#include "core/model/clusterspec.h"
#include "core/model/job.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkReply;
class QUrlQuery;

namespace cdeck {

// One answer from the runtime: a JSON body with an HTTP status, or why there is none.
struct ApiReply
{
    int httpStatus = 0; // 0: no HTTP answer (connection refused, timeout, too large, certificate refused)
    QJsonValue body; // the object or array on success
    QString error; // the runtime's "error", or the network error
    QString detail; // the runtime's "detail"
    QJsonObject fields; // per-field messages for a refused spec
    bool certificateRefused = false; // the runtime's HTTPS certificate was refused (detail says why and what to do)

    bool ok() const { return httpStatus >= 200 && httpStatus < 300; }
    bool unreachable() const { return httpStatus == 0; }
    QString message() const; // one line for a status bar or stderr
};

// A followed /clusters/{id}/metrics/stream: one batchReceived per "samples" event, one clusterReceived per
// "cluster" event (the cluster as GET /clusters/{id} answers it and its executors' {id, status}: sent when
// the stream opens and on each change, so a client can wait for a state without polling). It ends with exactly one
// of ended (the runtime said the cluster ended) or failed (connection lost, refused, silent for
// silenceTimeoutMs, malformed stream); after either, the object only waits to be deleted. Deleting it
// closes the connection. Lives on the thread of the RuntimeClient that opened it.
class MetricsStream : public QObject
{
    Q_OBJECT
public:
    ~MetricsStream() override;
    bool isOpen() const { return m_open; } // the runtime answered 200 and the stream runs

Q_SIGNALS:
    void opened();
    void batchReceived(const cdeck::MetricBatch &batch);
    void clusterReceived(const QJsonObject &cluster, const QJsonArray &executors);
    void ended(const QString &clusterState);
    void failed(const QString &reason, int httpStatus);

private:
    friend class RuntimeClient;
    explicit MetricsStream(QNetworkReply *reply, QString tokenWithheld, QObject *parent);
    void onData();
    void onFinished();
    void finish();

    QNetworkReply *m_reply;
    QString m_tokenWithheld; // why the token was not sent, for a 401's reason
    SseParser m_parser;
    bool m_open = false;
    bool m_done = false;
};

// Asynchronous client of clusterdeck-runtime's /api/v1 over http or https (RuntimeTransport: the token only over
// https or to loopback, no redirects followed, the runtime's certificate pinned or checked against a CA). Every
// request has a timeout and a response size limit; idempotent GETs retry twice with backoff on network errors. Thread
// contract: use it from the thread it was created in (the console creates it on its network thread; the CLI on its main
// thread).
class RuntimeClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiReply &)>;

    RuntimeClient(const QUrl &baseUrl, const QByteArray &token, QObject *parent = nullptr);

    static constexpr qint64 kMaxResponseBytes = 64 * 1024 * 1024;
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    QUrl baseUrl() const { return m_transport->baseUrl(); }
    // How the runtime's certificate is trusted (RuntimeTrust::fromEnvironment() unless set).
    void setTrust(const RuntimeTrust &trust) { m_transport->setTrust(trust); }

    // One route of api::routes() with its {parameters} in order (percent-encoded here); body is sent for
    // POST/PUT; query is without its '?', already encoded.
    void call(api::RouteId route, const QStringList &parameters, const QJsonObject &body, Callback done,
              const QString &query = {});
    // For the CLI only: runs a local event loop until the answer arrives. Never on a GUI thread.
    ApiReply callBlocking(api::RouteId route, const QStringList &parameters = {}, const QJsonObject &body = {},
                          const QString &query = {});

    // A path outside the route table (tests that probe the server with raw paths); relative to /api/v1, e.g.
    // "/clusters"; body is sent for POST/PUT.
    void request(const QByteArray &verb, const QString &path, const QJsonObject &body, Callback done);
    // For the CLI only: runs a local event loop until the answer arrives. Never on a GUI thread.
    ApiReply requestBlocking(const QByteArray &verb, const QString &path, const QJsonObject &body = {});

    void health(Callback done) { call(api::RouteId::Health, {}, {}, std::move(done)); }
    void listClusters(Callback done) { call(api::RouteId::Clusters, {}, {}, std::move(done)); }
    void cluster(const QString &id, Callback done);
    void launch(const ClusterSpec &spec, Callback done);
    void scale(const QString &id, int workers, Callback done);
    void setProtection(const QString &id, bool on, Callback done);
    void setScalingPolicy(const QString &id, const ScalingPolicy &policy, Callback done);
    void events(const QString &id, qint64 afterSeq, Callback done); // the cluster's event list
    void terminate(const QString &id, Callback done);
    void executors(const QString &id, Callback done);
    void jobs(const QString &id, Callback done);
    void job(const QString &id, const QString &jobId, Callback done);
    void submitJob(const QString &id, const JobRequest &request, Callback done);
    void cancelJob(const QString &id, const QString &jobId, Callback done);
    // History of a cluster's metrics (docs/runtime-api.md); the body is the array parseMetricSeries reads.
    void metrics(const QString &id, const MetricsQuery &query, Callback done);
    // Follows the live stream; the caller owns the returned object (parent it or delete it).
    MetricsStream *openMetricsStream(const QString &id, int silenceTimeoutMs = 15000);
    void jobDag(const QString &id, const QString &jobId, Callback done); // body: the DAG object
    void samples(Callback done) { call(api::RouteId::Samples, {}, {}, std::move(done)); }
    void engines(Callback done) { call(api::RouteId::Engines, {}, {}, std::move(done)); }
    void instanceTypes(Callback done) { call(api::RouteId::InstanceTypes, {}, {}, std::move(done)); }
    // Cost (see docs/runtime-api.md): query is "" or "from=...&to=...&by=...".
    void costMeters(Callback done) { call(api::RouteId::CostMeters, {}, {}, std::move(done)); }
    void clusterCost(const QString &id, Callback done);
    void costSummary(const QString &query, Callback done);
    void budgets(Callback done) { call(api::RouteId::Budgets, {}, {}, std::move(done)); }
    void pricing(Callback done) { call(api::RouteId::Pricing, {}, {}, std::move(done)); }

private:
    void send(const QByteArray &verb, const QString &path, const QByteArray &payload, Callback done, int attempt,
              const QString &query = {});

    RuntimeTransport *m_transport;
    int m_timeoutMs = 10000;
};

// Path segments from user input are percent-encoded so an id cannot reach another endpoint.
QString encodePathSegment(const QString &segment);

} // namespace cdeck
