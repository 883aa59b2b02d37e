// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "metricsampler.h"

#include "core/runtime/clustercontroller.h"
#include "core/runtime/runtimeconfig.h"
#include "core/telemetry/executormetrics.h"
#include "core/telemetry/prometheusparser.h"
#include "core/telemetry/samplering.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QUrl>

#include <spdlog/spdlog.h>

#include <cmath>
#include <future>
#include <map>

using namespace Qt::StringLiterals;

namespace cdeck {

using telemetry::MetricPoint;

// What one tick collected for one cluster, handed to the storage thread as a value.
struct MetricSampler::Round
{
    struct Exec
    {
        QString id;
        qint64 memoryLimitBytes = 0;
        // From the identity poll (the preload's counters, with earlier incarnations' bases), when fresh.
        std::optional<qint64> bytesInTotal;
        std::optional<qint64> bytesOutTotal;
        qint64 identityAtMs = 0; // when the identity poll last reported on this executor
        std::optional<MetricSampler::SourceExecutor::Polled> polled; // no /metrics: the poll's figures
        std::optional<QByteArray> body; // the worker's /metrics; empty: failed, late or too big (a gap)
    };
    QString clusterId;
    qint64 timestampMs = 0;
    std::optional<QByteArray> scheduler;
    QList<Exec> executors;
    std::optional<double> spotInterruptionsPerHour; // the controller's trailing-hour count (spot clusters)
    int pending = 0; // scrapes not finished yet (main thread only)
    bool finished = false; // every scrape answered or timed out; stored once the earlier rounds are
};

namespace detail {

// The storage thread's half: parsing, counter rates, the MetricStore (opened and used on this thread only).
class MetricWorker : public QObject
{
public:
    telemetry::MetricStore store;

    SampleBatch ingest(const MetricSampler::Round &round);
    MetricSampler::QueryResult query(const MetricSampler::Query &q) const;

private:
    // Rate of a counter that the identity poll refreshes on its own schedule: computed between the poll's
    // own timestamps so a tick that saw no new poll does not read as zero, then twice the truth.
    struct PolledCounter
    {
        telemetry::CounterRate rate;
        qint64 lastAtMs = -1;
        std::optional<double> lastRate;
    };
    std::optional<double> counterRate(const QString &key, qint64 timestampMs, double value);
    std::optional<double> polledRate(const QString &key, qint64 polledAtMs, double value);

    // One parser per source (cluster, then executor id or "scheduler"): each remembers its source's
    // lines, so a scrape after the first costs a fraction. Dropped when its source was not scraped
    // in a round of its cluster, and with clusters that sent no round for ten minutes.
    struct KeptParser
    {
        telemetry::PrometheusParser parser;
        qint64 lastUsedMs = 0;
    };
    telemetry::PrometheusParser &parserFor(const QString &key, qint64 timestampMs);
    void dropIdleParsers(const MetricSampler::Round &round);

    QHash<QString, telemetry::CounterRate> m_rates;
    QHash<QString, PolledCounter> m_polled;
    std::map<QString, KeptParser> m_parsers;
};

telemetry::PrometheusParser &MetricWorker::parserFor(const QString &key, qint64 timestampMs)
{
    KeptParser &kept = m_parsers.try_emplace(key).first->second;
    kept.lastUsedMs = timestampMs;
    return kept.parser;
}

void MetricWorker::dropIdleParsers(const MetricSampler::Round &round)
{
    constexpr qint64 kClusterIdleMs = 10 * 60 * 1000;
    const QString prefix = round.clusterId + u'\x1f';
    for (auto it = m_parsers.begin(); it != m_parsers.end();) {
        const bool ofThisCluster = it->first.startsWith(prefix);
        const bool idle = ofThisCluster ? it->second.lastUsedMs != round.timestampMs
                                        : it->second.lastUsedMs < round.timestampMs - kClusterIdleMs;
        it = idle ? m_parsers.erase(it) : std::next(it);
    }
}

std::optional<double> MetricWorker::counterRate(const QString &key, qint64 timestampMs, double value)
{
    auto it = m_rates.find(key);
    if (it == m_rates.end())
        it = m_rates.insert(key, telemetry::CounterRate(5000));
    return it->update(timestampMs, value);
}

std::optional<double> MetricWorker::polledRate(const QString &key, qint64 polledAtMs, double value)
{
    PolledCounter &c = m_polled[key];
    if (polledAtMs == c.lastAtMs)
        return c.lastRate; // no new heartbeat since the last tick: the rate measured then still holds
    c.lastAtMs = polledAtMs;
    c.lastRate = c.rate.update(polledAtMs, value);
    return c.lastRate;
}

SampleBatch MetricWorker::ingest(const MetricSampler::Round &round)
{
    SampleBatch batch;
    batch.clusterId = round.clusterId;
    batch.timestampMs = round.timestampMs;
    struct Sum
    {
        double sum = 0;
        int count = 0;
    };
    QHash<QString, Sum> totals;
    // The totals' executor id must be empty but not null: MetricStore binds a null QString as SQL NULL,
    // which its NOT NULL column with INSERT OR IGNORE drops without an error.
    const QString total = u""_s;
    Q_ASSERT(!total.isNull());
    auto add = [&](const QString &executor, const QString &name, std::optional<double> value) {
        if (!value || !std::isfinite(*value))
            return; // missing is a gap, never a zero
        batch.points.append(MetricPoint{round.clusterId, executor, name, round.timestampMs, *value});
        if (!executor.isEmpty()) {
            Sum &s = totals[name];
            s.sum += *value;
            ++s.count;
        }
    };
    const QString prefix = round.clusterId + u'\x1f';
    for (const MetricSampler::Round::Exec &e : round.executors) {
        const QString key = prefix + e.id + u'\x1f';
        if (e.body) {
            const telemetry::ParseResult parsed = parserFor(key, round.timestampMs).parse(*e.body);
            const telemetry::ExecutorMetrics m = telemetry::extractExecutorMetrics(parsed);
            if (parsed.errorCount > 0)
                spdlog::debug("sampler: {} {}: {} bad line(s) in /metrics, first at line {}: {}",
                              round.clusterId.toStdString(), e.id.toStdString(), parsed.errorCount,
                              parsed.errors.value(0).line, parsed.errors.value(0).message.toStdString());
            if (!m.isEmpty()) {
                add(e.id, u"memory_managed_bytes"_s, m.memoryManagedBytes);
                add(e.id, u"memory_unmanaged_bytes"_s, m.memoryUnmanagedBytes);
                add(e.id, u"memory_spilled_bytes"_s, m.memorySpilledBytes);
                if (e.memoryLimitBytes > 0)
                    add(e.id, u"memory_limit_bytes"_s, double(e.memoryLimitBytes));
                add(e.id, u"tasks_executing"_s, m.tasks(u"executing"_s));
                add(e.id, u"tasks_ready"_s, m.tasks(u"ready"_s));
                if (m.processCpuSecondsTotal) {
                    const auto perSecond = counterRate(key + u"cpu"_s, round.timestampMs, *m.processCpuSecondsTotal);
                    if (perSecond)
                        add(e.id, u"cpu_percent"_s, *perSecond * 100.0); // CPU seconds per second, as a percent
                }
                if (m.transferOutgoingBytesTotal)
                    add(e.id, u"bytes_out_per_s"_s,
                        counterRate(key + u"out"_s, round.timestampMs, *m.transferOutgoingBytesTotal));
            }
        }
        if (!e.body && e.polled) {
            add(e.id, u"memory_managed_bytes"_s, double(e.polled->managedBytes));
            add(e.id, u"memory_unmanaged_bytes"_s, double(e.polled->unmanagedBytes));
            add(e.id, u"memory_spilled_bytes"_s, double(e.polled->spilledBytes));
            if (e.memoryLimitBytes > 0)
                add(e.id, u"memory_limit_bytes"_s, double(e.memoryLimitBytes));
            add(e.id, u"tasks_executing"_s, double(e.polled->tasksExecuting));
            if (e.bytesOutTotal)
                add(e.id, u"bytes_out_per_s"_s, polledRate(key + u"out"_s, e.identityAtMs, double(*e.bytesOutTotal)));
        }
        if (e.bytesInTotal) {
            add(e.id, u"bytes_in_total"_s, double(*e.bytesInTotal));
            add(e.id, u"bytes_in_per_s"_s, polledRate(key + u"in"_s, e.identityAtMs, double(*e.bytesInTotal)));
        }
        if (e.bytesOutTotal)
            add(e.id, u"bytes_out_total"_s, double(*e.bytesOutTotal));
    }
    // A total only when every live executor contributed: a late worker makes a gap, not a dip.
    const int expected = int(round.executors.size());
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        if (expected > 0 && it->count == expected)
            add(total, it.key(), it->sum);
    add(total, u"executors_sampled"_s, double(expected));
    if (round.scheduler) {
        const telemetry::ParseResult parsed = parserFor(prefix + u"scheduler\x1f"_s, round.timestampMs).parse(*round.scheduler);
        std::optional<double> connected;
        std::optional<double> suspicious;
        for (const telemetry::Sample &s : parsed.samples) {
            if (s.name == "dask_scheduler_workers"_L1 && s.hasLabel(u"state", u"connected"))
                connected = s.value;
            else if (s.name == "dask_scheduler_tasks_suspicious_total"_L1)
                suspicious = suspicious.value_or(0) + s.value;
        }
        add(total, u"workers_connected"_s, connected);
        add(total, u"tasks_suspicious_total"_s, suspicious);
    }
    // Known to the runtime itself, so it is written whether or not the engine answered this second.
    add(total, u"spot_interruptions_per_h"_s, round.spotInterruptionsPerHour);
    dropIdleParsers(round);
    if (!batch.points.isEmpty() && !store.append(batch.points))
        spdlog::warn("sampler: cannot store {} point(s) of {}: {}", batch.points.size(), round.clusterId.toStdString(),
                     store.lastError().toStdString());
    return batch;
}

MetricSampler::QueryResult MetricWorker::query(const MetricSampler::Query &q) const
{
    MetricSampler::QueryResult r;
    if (!store.isOpen()) {
        r.error = u"the metric store is not open"_s;
        return r;
    }
    r.available = store.seriesOf(q.clusterId);
    r.firstTimestampMs = store.firstTimestamp(q.clusterId);
    if (q.names.isEmpty())
        return r;
    QList<telemetry::SeriesKey> keys;
    for (const telemetry::SeriesKey &k : std::as_const(r.available)) {
        const QString executor = k.executorId.isEmpty() ? u"total"_s : k.executorId;
        if (q.names.contains(k.name) && (q.executors.isEmpty() || q.executors.contains(executor)))
            keys.append(k);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 to = q.toMs.value_or(now);
    const qint64 from = q.fromMs.value_or(r.firstTimestampMs >= 0 ? r.firstTimestampMs : to);
    if (!keys.isEmpty())
        r.ranges = store.query(q.clusterId, keys, from, to, q.stepMs, now);
    return r;
}

} // namespace detail

MetricSampler::MetricSampler(const RuntimeConfig &config, ClusterSource clusters, QObject *parent)
    : MetricSampler(
          config,
          [clusters = std::move(clusters), &config](qint64 nowMs) { return sourcesOf(clusters(), config, nowMs); },
          parent)
{
}

MetricSampler::MetricSampler(const RuntimeConfig &config, SourceList sources, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_sources(std::move(sources))
{
    qRegisterMetaType<cdeck::SampleBatch>();
    m_tick.setTimerType(Qt::PreciseTimer); // a steady 1 s grid keeps the rates' denominators honest
    connect(&m_tick, &QTimer::timeout, this, &MetricSampler::tick);
    m_thread.setObjectName(u"metric-store"_s);
}

MetricSampler::~MetricSampler()
{
    m_tick.stop();
    m_thread.quit();
    m_thread.wait(); // the worker (and its SQLite connection) is deleted on its thread as it finishes
}

QStringList MetricSampler::executorSeriesNames()
{
    return {u"memory_managed_bytes"_s, u"memory_unmanaged_bytes"_s, u"memory_spilled_bytes"_s,
            u"memory_limit_bytes"_s,   u"bytes_in_per_s"_s,         u"bytes_out_per_s"_s,
            u"bytes_in_total"_s,       u"bytes_out_total"_s,        u"tasks_executing"_s,
            u"tasks_ready"_s,          u"cpu_percent"_s};
}

QStringList MetricSampler::clusterSeriesNames()
{
    return executorSeriesNames() + QStringList{u"executors_sampled"_s, u"workers_connected"_s, u"tasks_suspicious_total"_s,
                                          u"spot_interruptions_per_h"_s};
}

bool MetricSampler::start(QString *error)
{
    m_worker = new detail::MetricWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    const QString path = m_config.dataDir + u"/metrics.sqlite"_s;
    // The store's connection belongs to its thread, so it is opened there, first thing when the thread starts
    // (QThread::started is emitted in the new thread). Set up before start() and answered through a std::promise,
    // so the hand-over is ordered by pthread_create and the promise, which ThreadSanitizer sees (the tsan preset),
    // not by Qt's own locks, which it cannot see in Debian's uninstrumented Qt.
    QString openError;
    std::promise<bool> opened;
    std::future<bool> answer = opened.get_future();
    const QMetaObject::Connection once = connect(
        &m_thread, &QThread::started, m_worker,
        [this, path, &openError, &opened] {
            QString why;
            const bool ok = m_worker->store.open(path, &why);
            openError = why;
            opened.set_value(ok);
        },
        Qt::DirectConnection);
    m_thread.start();
    const bool ok = answer.get();
    disconnect(once);
    if (!ok) {
        *error = u"cannot open the metric store %1: %2"_s.arg(path, openError);
        return false;
    }
    m_sinceMaintain.start();
    m_tick.start(m_config.sampleIntervalMs);
    spdlog::info("sampler: every {} ms into {}", m_config.sampleIntervalMs, path.toStdString());
    return true;
}

QList<MetricSampler::Source> MetricSampler::sourcesOf(const QList<ClusterController *> &clusters,
                                                     const RuntimeConfig &config, qint64 nowMs)
{
    const QDateTime nowUtc = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    QList<Source> sources;
    for (ClusterController *c : clusters) {
        const ClusterInfo info = c->info();
        // Before BOOTSTRAPPING nothing answers; while TERMINATING the processes are going away.
        if (info.state != ClusterState::Bootstrapping && !isActive(info.state))
            continue;
        Source source;
        source.clusterId = info.id;
        source.schedulerMetricsUrl = info.dashboardUrl + u"/metrics"_s;
        // Known to the runtime itself (its own reclaims), not scraped from the engine.
        source.spotInterruptionsPerHour = c->spotInterruptionsLastHour(nowMs);
        for (const StoredExecutor &e : c->storedExecutors()) {
            const Executor &x = e.executor;
            const bool live = x.status == ExecutorStatus::Running || x.status == ExecutorStatus::Paused
                || x.status == ExecutorStatus::Retiring;
            if (!live || x.address.isEmpty())
                continue;
            SourceExecutor r;
            r.id = x.id;
            r.memoryLimitBytes = x.memoryLimitBytes;
            if (e.dashboardPort > 0) {
                const QString host = QUrl(x.address).host();
                r.metricsUrl
                    = u"http://%1:%2/metrics"_s.arg(host.isEmpty() ? u"127.0.0.1"_s : host).arg(e.dashboardPort);
            }
            // A stale identity (its poll failing) must not read as "no traffic".
            const bool fresh = x.updatedAt.isValid() && x.updatedAt.msecsTo(nowUtc) <= 3 * config.pollIntervalMs;
            if (fresh) {
                r.bytesInTotal = x.bytesInTotal;
                r.bytesOutTotal = x.bytesOutTotal;
                r.identityAtMs = x.updatedAt.toMSecsSinceEpoch();
                if (r.metricsUrl.isEmpty())
                    r.polled = SourceExecutor::Polled{x.memoryManagedBytes, x.memoryUnmanagedBytes,
                                                      x.memorySpilledBytes, x.tasksExecuting};
            }
            if (r.metricsUrl.isEmpty() && !r.polled)
                continue; // nothing to scrape and nothing fresh: a gap
            source.executors.append(r);
        }
        sources.append(source);
    }
    return sources;
}

void MetricSampler::tick()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const Source &source : m_sources(nowMs)) {
        auto round = std::make_shared<Round>();
        round->clusterId = source.clusterId;
        round->timestampMs = nowMs;
        round->spotInterruptionsPerHour = source.spotInterruptionsPerHour;
        round->pending = 1; // held until every scrape is issued, so a synchronous failure cannot submit early
        m_unsubmitted[source.clusterId].push_back(round);
        for (const SourceExecutor &x : source.executors) {
            Round::Exec r;
            r.id = x.id;
            r.memoryLimitBytes = x.memoryLimitBytes;
            r.bytesInTotal = x.bytesInTotal;
            r.bytesOutTotal = x.bytesOutTotal;
            r.identityAtMs = x.identityAtMs;
            r.polled = x.polled;
            round->executors.append(r);
        }
        scrape(round, -1, source.schedulerMetricsUrl);
        for (int i = 0; i < source.executors.size(); ++i)
            if (!source.executors[i].metricsUrl.isEmpty())
                scrape(round, i, source.executors[i].metricsUrl);
        finishSource(round);
    }
    if (m_sinceMaintain.elapsed() >= m_config.maintainIntervalMs) {
        m_sinceMaintain.restart();
        detail::MetricWorker *worker = m_worker;
        QMetaObject::invokeMethod(m_worker, [worker] {
            if (!worker->store.maintain())
                spdlog::warn("sampler: roll-up failed: {}", worker->store.lastError().toStdString());
        });
    }
}

void MetricSampler::scrape(const std::shared_ptr<Round> &round, int slot, const QString &url)
{
    if (m_inFlight.value(url))
        return; // the previous second's scrape is still running: this second is a gap for that source
    m_inFlight.insert(url, true);
    ++round->pending;
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(m_config.sampleTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    const qint64 maxBytes = m_config.maxScrapeBytes;
    // setTransferTimeout only catches silence; a scrape that trickles must end at the deadline too.
    QTimer::singleShot(m_config.sampleTimeoutMs, reply, [reply] { reply->abort(); });
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBytes](qint64 received, qint64) {
        if (received > maxBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, round, slot, url, reply, maxBytes] {
        reply->deleteLater();
        m_inFlight.remove(url);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status == 200) {
            QByteArray body = reply->readAll();
            if (body.size() <= maxBytes) {
                if (slot < 0)
                    round->scheduler = std::move(body);
                else
                    round->executors[slot].body = std::move(body);
            }
        }
        finishSource(round);
    });
}

void MetricSampler::finishSource(const std::shared_ptr<Round> &round)
{
    if (--round->pending > 0)
        return;
    round->finished = true;
    // In tick order: this round and the finished ones after it, once every earlier round is stored.
    const auto queue = m_unsubmitted.find(round->clusterId);
    if (queue == m_unsubmitted.end())
        return;
    while (!queue->empty() && queue->front()->finished) {
        submit(queue->front());
        queue->pop_front();
    }
    if (queue->empty())
        m_unsubmitted.erase(queue);
}

void MetricSampler::submit(const std::shared_ptr<Round> &round)
{
    detail::MetricWorker *worker = m_worker;
    QPointer<MetricSampler> self(this);
    QMetaObject::invokeMethod(m_worker, [worker, self, data = *round] {
        const SampleBatch batch = worker->ingest(data);
        // Back to the main thread; dropped with the sampler if it is gone by then.
        QMetaObject::invokeMethod(self.data(), [self, batch] {
            if (self)
                Q_EMIT self->sampled(batch);
        }, Qt::QueuedConnection);
    });
}

void MetricSampler::query(const Query &q, QObject *context, std::function<void(const QueryResult &)> done)
{
    detail::MetricWorker *worker = m_worker;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_worker, [worker, q, guard, done = std::move(done)] {
        const QueryResult result = worker->query(q);
        QMetaObject::invokeMethod(guard.data(), [guard, result, done] {
            if (guard)
                done(result);
        }, Qt::QueuedConnection);
    });
}

} // namespace cdeck
