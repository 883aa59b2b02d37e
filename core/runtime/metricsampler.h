// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/telemetry/metricstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace cdeck {

class ClusterController;
struct RuntimeConfig;

namespace detail {
class MetricWorker;
}

// What one second of sampling gave for one cluster: the points just stored (gaps are absent).
struct SampleBatch
{
    QString clusterId;
    qint64 timestampMs = 0;
    QList<telemetry::MetricPoint> points;
};

// Samples every live cluster once a second: the scheduler's /metrics and every live worker's /metrics
// (Prometheus text), plus what the identity poll already knows (memory limit, the preload's bytes-in
// counter). Writes per-executor series and per-cluster totals to DATA/metrics.sqlite, the store of record.
//
// Thread contract: the object lives on the runtime's main thread and only starts network reads there
// (asynchronous, each with a deadline and a size limit). Parsing, rates, SQLite writes, roll-ups and
// queries run on its own storage thread, so a slow disk or a thousand workers never stall the API.
// Results come back to the main thread (sampled(), query callbacks).
class MetricSampler : public QObject
{
    Q_OBJECT
public:
    using ClusterSource = std::function<QList<ClusterController *>()>;

    // What one tick scrapes for one cluster: the scheduler's and each live worker's /metrics, plus what
    // the identity poll knows about each worker.
    struct SourceExecutor
    {
        QString id;
        QString metricsUrl;
        qint64 memoryLimitBytes = 0;
        // The preload's counters from the identity poll, only when that poll is fresh (a stale identity
        // must not read as "no traffic"); identityAtMs: when the poll last reported on this executor.
        std::optional<qint64> bytesInTotal;
        std::optional<qint64> bytesOutTotal;
        qint64 identityAtMs = 0;
        // An engine without a /metrics endpoint per worker (Spark: metricsUrl empty) is sampled from what the
        // executor poll read (the driver's REST API), when fresh: the same series, no engine branch downstream.
        struct Polled
        {
            qint64 managedBytes = 0;
            qint64 unmanagedBytes = 0;
            qint64 spilledBytes = 0;
            int tasksExecuting = 0;
        };
        std::optional<Polled> polled;
    };
    struct Source
    {
        QString clusterId;
        QString schedulerMetricsUrl;
        QList<SourceExecutor> executors;
        // Spot interruptions in the trailing hour (ClusterController::spotInterruptionsLastHour): written as
        // the cluster's spot_interruptions_per_h series; absent for a cluster without spot capacity.
        std::optional<double> spotInterruptionsPerHour;
    };
    // Called once a tick on the main thread.
    using SourceList = std::function<QList<Source>(qint64 nowMs)>;

    MetricSampler(const RuntimeConfig &config, ClusterSource clusters, QObject *parent = nullptr);
    // The same, fed by a plain list (tests serve saved scrapes from loopback servers).
    MetricSampler(const RuntimeConfig &config, SourceList sources, QObject *parent = nullptr);
    // The sources of the clusters a runtime holds: active ones, their live workers.
    static QList<Source> sourcesOf(const QList<ClusterController *> &clusters, const RuntimeConfig &config, qint64 nowMs);
    ~MetricSampler() override;

    // Opens DATA/metrics.sqlite on the storage thread and starts the 1 s tick. Blocks only for the open.
    bool start(QString *error);

    // The series stored for a cluster and ranges of them, answered on the storage thread; done runs on
    // context's thread (dropped when context is gone). An empty names list means every series.
    struct QueryResult
    {
        QList<telemetry::SeriesKey> available;
        QList<telemetry::SeriesRange> ranges;
        qint64 firstTimestampMs = -1;
        QString error;
    };
    struct Query
    {
        QString clusterId;
        QStringList names; // empty: list the available series only
        QStringList executors; // empty: every executor and the total ("total" selects the total)
        std::optional<qint64> fromMs; // default: the oldest stored point
        std::optional<qint64> toMs; // default: now
        qint64 stepMs = telemetry::MetricStore::kRawResolutionMs;
    };
    void query(const Query &q, QObject *context, std::function<void(const QueryResult &)> done);

    // Series names, documented in docs/runtime-api.md.
    static QStringList executorSeriesNames();
    static QStringList clusterSeriesNames();

Q_SIGNALS:
    // One per cluster per tick, once every source answered or timed out (main thread), in tick order.
    void sampled(const cdeck::SampleBatch &batch);

private:
    friend class detail::MetricWorker;
    struct Round;
    void tick();
    void scrape(const std::shared_ptr<Round> &round, int slot, const QString &url);
    void finishSource(const std::shared_ptr<Round> &round);
    void submit(const std::shared_ptr<Round> &round);

    const RuntimeConfig &m_config;
    SourceList m_sources;
    QNetworkAccessManager m_network;
    QTimer m_tick;
    QElapsedTimer m_sinceMaintain;
    QThread m_thread;
    detail::MetricWorker *m_worker = nullptr; // lives on m_thread
    QHash<QString, bool> m_inFlight; // url -> a scrape still running: skip it this second (a gap)
    // Each cluster's rounds not yet stored, oldest first. A round waiting for a slow scrape holds back
    // the later ones that finished first: stored out of order, a counter's rate would skip the late
    // round's sample (and the identity's polled rate would lose a heartbeat), and the stream would go
    // back in time.
    QHash<QString, std::deque<std::shared_ptr<Round>>> m_unsubmitted;
};

} // namespace cdeck

Q_DECLARE_METATYPE(cdeck::SampleBatch)
