// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The runtime's sampler against loopback servers that serve scrapes saved from Debian's Dask
// (tests/core/telemetry/data, captured by capture-scrapes.sh): what it stores per executor and in
// total, counter rates from the real counters, a late scrape as a gap, a counter reset.
#include "core/runtime/metricsampler.h"
#include "core/runtime/runtimeconfig.h"
#include "core/telemetry/executormetrics.h"
#include "core/telemetry/prometheusparser.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

QByteArray scrape(const QString &name)
{
    QFile f(QStringLiteral(CDECK_TELEMETRY_DATA) + u'/' + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

telemetry::ExecutorMetrics metricsOf(const QString &name)
{
    return telemetry::extractExecutorMetrics(telemetry::parsePrometheusText(scrape(name)));
}

// Serves /metrics bodies by path, one HTTP/1.1 answer per connection. Each path has a queue: a request
// takes the next body, the last one stays. A path marked hanging accepts and never answers.
class ScrapeServer : public QObject
{
public:
    ScrapeServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url(const QString &path) const { return u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path); }
    void serve(const QString &path, const QList<QByteArray> &bodies) { m_bodies.insert(path, bodies); }
    void setHanging(const QString &path, bool hanging)
    {
        if (hanging)
            m_hanging.insert(path);
        else
            m_hanging.remove(path);
    }
    int requests(const QString &path) const { return m_requests.value(path); }

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        const QString path = requestLine.size() > 1 ? QString::fromLatin1(requestLine[1]) : QString();
        ++m_requests[path];
        if (m_hanging.contains(path))
            return; // accepted, read, never answered: the sampler's deadline has to end it
        QList<QByteArray> &queue = m_bodies[path];
        QByteArray response;
        if (queue.isEmpty()) {
            response = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        } else {
            const QByteArray body = queue.size() > 1 ? queue.takeFirst() : queue.first();
            response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        }
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QString, QList<QByteArray>> m_bodies;
    QSet<QString> m_hanging;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QString, int> m_requests;
};

std::optional<double> valueOf(const SampleBatch &batch, const QString &executor, const QString &name)
{
    for (const telemetry::MetricPoint &p : batch.points)
        if (p.executorId == executor && p.name == name)
            return p.value;
    return std::nullopt;
}

bool hasExecutor(const SampleBatch &batch, const QString &executor)
{
    return std::any_of(batch.points.cbegin(), batch.points.cend(),
                       [&](const telemetry::MetricPoint &p) { return p.executorId == executor; });
}

} // namespace

class TstMetricSampler : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    RuntimeConfig m_config;
    ScrapeServer *m_server = nullptr;
    QList<MetricSampler::Source> m_sources;
    std::unique_ptr<MetricSampler> m_sampler;
    QList<SampleBatch> m_batches;

    MetricSampler::SourceExecutor worker(const QString &id, qint64 limit = 4'000'000'000LL)
    {
        MetricSampler::SourceExecutor e;
        e.id = id;
        e.metricsUrl = m_server->url(u"/"_s + id + u"/metrics"_s);
        e.memoryLimitBytes = limit;
        return e;
    }

    void startSampler()
    {
        m_sampler = std::make_unique<MetricSampler>(m_config, [this](qint64) { return m_sources; });
        connect(m_sampler.get(), &MetricSampler::sampled, this, [this](const SampleBatch &b) { m_batches.append(b); });
        QString error;
        QVERIFY2(m_sampler->start(&error), qPrintable(error));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_config = RuntimeConfig{};
        m_config.dataDir = m_dir.path() + u"/"_s + QString::fromLatin1(QTest::currentTestFunction());
        QVERIFY(QDir().mkpath(m_config.dataDir));
        m_config.sampleIntervalMs = 400;
        m_config.sampleTimeoutMs = 1500;
        m_server = new ScrapeServer;
        m_server->serve(u"/scheduler/metrics"_s, {scrape(u"dask-scheduler-busy.prom"_s)});
        m_sources = {{u"c1"_s, m_server->url(u"/scheduler/metrics"_s), {}, std::nullopt}}; // an on-demand cluster
        m_batches.clear();
        for (const QString &f : {u"dask-scheduler-busy.prom"_s, u"dask-worker-idle.prom"_s, u"dask-worker-busy.prom"_s,
                                 u"dask-worker-after.prom"_s, u"dask-worker2-busy.prom"_s})
            QVERIFY2(!scrape(f).isEmpty(), qPrintable(f));
    }
    void cleanup()
    {
        m_sampler.reset();
        delete m_server;
        m_server = nullptr;
    }

    // An engine with no /metrics per worker (Spark) is sampled from what the executor poll read: the same
    // series names, and the out rate from the polled total; an executor with nothing fresh is a gap.
    void anExecutorWithoutMetricsIsSampledFromItsPoll()
    {
        MetricSampler::SourceExecutor spark;
        spark.id = u"w1"_s;
        spark.memoryLimitBytes = 1'073'741'824LL;
        spark.polled = MetricSampler::SourceExecutor::Polled{5'000'000, 300'000'000, 0, 1};
        spark.bytesInTotal = 7'000'000;
        spark.bytesOutTotal = 9'000'000;
        spark.identityAtMs = QDateTime::currentMSecsSinceEpoch();
        MetricSampler::SourceExecutor silent;
        silent.id = u"w2"_s;
        silent.memoryLimitBytes = 1'073'741'824LL;
        m_sources[0].executors = {spark, silent};
        startSampler();
        QTRY_VERIFY_WITH_TIMEOUT(!m_batches.isEmpty(), 10000);
        const SampleBatch b = m_batches.first();
        QCOMPARE(valueOf(b, u"w1"_s, u"memory_managed_bytes"_s), std::optional<double>(5e6));
        QCOMPARE(valueOf(b, u"w1"_s, u"memory_unmanaged_bytes"_s), std::optional<double>(3e8));
        QCOMPARE(valueOf(b, u"w1"_s, u"memory_limit_bytes"_s), std::optional<double>(1073741824.0));
        QCOMPARE(valueOf(b, u"w1"_s, u"tasks_executing"_s), std::optional<double>(1));
        QCOMPARE(valueOf(b, u"w1"_s, u"bytes_out_total"_s), std::optional<double>(9e6));
        QVERIFY(!hasExecutor(b, u"w2"_s) || !valueOf(b, u"w2"_s, u"memory_managed_bytes"_s));
        // The polled out total becomes a rate once it moves.
        m_sources[0].executors[0].bytesOutTotal = 19'000'000;
        m_sources[0].executors[0].identityAtMs += 1000;
        const int seen = int(m_batches.size());
        QTRY_VERIFY_WITH_TIMEOUT(m_batches.size() > seen, 10000);
        QCOMPARE(valueOf(m_batches.last(), u"w1"_s, u"bytes_out_per_s"_s), std::optional<double>(1e7));
    }

    // One tick: every executor's memory, limit and tasks as its scrape says, the totals as their sum,
    // the scheduler's worker count, and the same points in the store.
    void storesEveryExecutorAndTheTotals()
    {
        m_server->serve(u"/w1/metrics"_s, {scrape(u"dask-worker-busy.prom"_s)});
        m_server->serve(u"/w2/metrics"_s, {scrape(u"dask-worker2-busy.prom"_s)});
        m_sources[0].executors = {worker(u"w1"_s, 4'000'000'000LL), worker(u"w2"_s, 2'000'000'000LL)};
        startSampler();
        QTRY_VERIFY_WITH_TIMEOUT(!m_batches.isEmpty(), 10000);
        const SampleBatch b = m_batches.first();
        QCOMPARE(b.clusterId, u"c1"_s);
        const telemetry::ExecutorMetrics w1 = metricsOf(u"dask-worker-busy.prom"_s);
        const telemetry::ExecutorMetrics w2 = metricsOf(u"dask-worker2-busy.prom"_s);
        QVERIFY(w1.memoryManagedBytes && *w1.memoryManagedBytes > 0); // the busy scrapes hold data
        QCOMPARE(valueOf(b, u"w1"_s, u"memory_managed_bytes"_s), w1.memoryManagedBytes);
        QCOMPARE(valueOf(b, u"w1"_s, u"memory_unmanaged_bytes"_s), w1.memoryUnmanagedBytes);
        QCOMPARE(valueOf(b, u"w1"_s, u"memory_spilled_bytes"_s), w1.memorySpilledBytes);
        QCOMPARE(valueOf(b, u"w1"_s, u"memory_limit_bytes"_s), std::optional<double>(4e9));
        QCOMPARE(valueOf(b, u"w2"_s, u"memory_managed_bytes"_s), w2.memoryManagedBytes);
        QCOMPARE(valueOf(b, u"w2"_s, u"memory_limit_bytes"_s), std::optional<double>(2e9));
        QCOMPARE(valueOf(b, u"w1"_s, u"tasks_executing"_s), w1.tasks(u"executing"_s));
        QCOMPARE(valueOf(b, u"w2"_s, u"tasks_ready"_s), w2.tasks(u"ready"_s));
        QCOMPARE(valueOf(b, QString(), u"memory_managed_bytes"_s),
                 std::optional<double>(*w1.memoryManagedBytes + *w2.memoryManagedBytes));
        QCOMPARE(valueOf(b, QString(), u"memory_limit_bytes"_s), std::optional<double>(6e9));
        QCOMPARE(valueOf(b, QString(), u"executors_sampled"_s), std::optional<double>(2));
        QCOMPARE(valueOf(b, QString(), u"workers_connected"_s), std::optional<double>(2)); // the scheduler's line
        // A rate needs two scrapes: none yet.
        QVERIFY(!valueOf(b, u"w1"_s, u"bytes_out_per_s"_s));

        std::optional<MetricSampler::QueryResult> stored;
        MetricSampler::Query q;
        q.clusterId = u"c1"_s;
        q.names = {u"memory_managed_bytes"_s};
        q.executors = {u"w1"_s};
        m_sampler->query(q, this, [&stored](const MetricSampler::QueryResult &r) { stored = r; });
        QTRY_VERIFY(stored.has_value());
        QVERIFY2(stored->error.isEmpty(), qPrintable(stored->error));
        QCOMPARE(stored->ranges.size(), 1);
        QVERIFY(!stored->ranges.first().points.isEmpty());
        QCOMPARE(stored->ranges.first().points.first().max, *w1.memoryManagedBytes);
    }

    // bytes out per second: the difference of the worker's real counter between two scrapes over the
    // time between the two ticks. The worker goes idle -> busy -> after a shuffle.
    void bytesOutPerSecondIsTheCounterDelta()
    {
        m_server->serve(u"/w1/metrics"_s, {scrape(u"dask-worker-idle.prom"_s), scrape(u"dask-worker-busy.prom"_s),
                                            scrape(u"dask-worker-after.prom"_s)});
        m_sources[0].executors = {worker(u"w1"_s)};
        startSampler();
        QTRY_VERIFY_WITH_TIMEOUT(m_batches.size() >= 3, 15000);
        const double idle = *metricsOf(u"dask-worker-idle.prom"_s).transferOutgoingBytesTotal;
        const double busy = *metricsOf(u"dask-worker-busy.prom"_s).transferOutgoingBytesTotal;
        const double after = *metricsOf(u"dask-worker-after.prom"_s).transferOutgoingBytesTotal;
        QVERIFY(idle < busy && busy < after);
        const auto rate = [this](int i) { return valueOf(m_batches[i], u"w1"_s, u"bytes_out_per_s"_s); };
        const auto seconds = [this](int i) { return double(m_batches[i].timestampMs - m_batches[i - 1].timestampMs) / 1000; };
        QVERIFY(!rate(0));
        QVERIFY(rate(1));
        QVERIFY(qFuzzyCompare(*rate(1), (busy - idle) / seconds(1)));
        QVERIFY(rate(2));
        QVERIFY(qFuzzyCompare(*rate(2), (after - busy) / seconds(2)));
    }

    // A worker that restarted starts its counter again from zero: what it counted since is the traffic,
    // never a negative rate.
    void counterResetCountsFromZero()
    {
        m_server->serve(u"/w1/metrics"_s, {scrape(u"dask-worker-after.prom"_s), scrape(u"dask-worker2-busy.prom"_s)});
        m_sources[0].executors = {worker(u"w1"_s)};
        startSampler();
        QTRY_VERIFY_WITH_TIMEOUT(m_batches.size() >= 2, 15000);
        const double before = *metricsOf(u"dask-worker-after.prom"_s).transferOutgoingBytesTotal;
        const double restarted = *metricsOf(u"dask-worker2-busy.prom"_s).transferOutgoingBytesTotal;
        QVERIFY(restarted < before);
        const std::optional<double> rate = valueOf(m_batches[1], u"w1"_s, u"bytes_out_per_s"_s);
        QVERIFY(rate);
        const double seconds = double(m_batches[1].timestampMs - m_batches[0].timestampMs) / 1000;
        QVERIFY(qFuzzyCompare(*rate, restarted / seconds));
    }

    // A worker whose scrape does not answer in time is a gap: no point of its own, no cluster total for
    // that second (a total without it would read as a dip), never a zero. When it answers again, its
    // points and the totals come back.
    void lateScrapeIsAGapNotAZero()
    {
        m_config.sampleTimeoutMs = 500;
        m_server->serve(u"/w1/metrics"_s, {scrape(u"dask-worker-busy.prom"_s)});
        m_server->serve(u"/w2/metrics"_s, {scrape(u"dask-worker2-busy.prom"_s)});
        m_server->setHanging(u"/w2/metrics"_s, true);
        m_sources[0].executors = {worker(u"w1"_s), worker(u"w2"_s)};
        startSampler();
        QTRY_VERIFY_WITH_TIMEOUT(m_batches.size() >= 3, 15000);
        QVERIFY(m_server->requests(u"/w2/metrics"_s) >= 1);
        for (const SampleBatch &b : std::as_const(m_batches)) {
            QVERIFY(hasExecutor(b, u"w1"_s));
            QVERIFY2(!valueOf(b, u"w2"_s, u"memory_managed_bytes"_s), "a late scrape must not give a value");
            QVERIFY(!valueOf(b, QString(), u"memory_managed_bytes"_s));
            QCOMPARE(valueOf(b, QString(), u"executors_sampled"_s), std::optional<double>(2));
        }
        m_server->setHanging(u"/w2/metrics"_s, false);
        const qsizetype seen = m_batches.size();
        QTRY_VERIFY_WITH_TIMEOUT(m_batches.size() > seen && valueOf(m_batches.last(), u"w2"_s, u"memory_managed_bytes"_s),
                                 15000);
        const telemetry::ExecutorMetrics w1 = metricsOf(u"dask-worker-busy.prom"_s);
        const telemetry::ExecutorMetrics w2 = metricsOf(u"dask-worker2-busy.prom"_s);
        QCOMPARE(valueOf(m_batches.last(), QString(), u"memory_managed_bytes"_s),
                 std::optional<double>(*w1.memoryManagedBytes + *w2.memoryManagedBytes));
    }

    // A round held back by a slow scrape is stored before the later rounds that finished first: the
    // batches come in tick order, and every scrape of the worker that answers gives a rate (out of
    // order, the held-back round's sample would be skipped by the rate and its points would go back
    // in time on the stream).
    void roundsAreStoredInTickOrder()
    {
        m_config.sampleTimeoutMs = 1000; // w2 hangs until this deadline: two or three ticks of 400 ms
        m_server->serve(u"/w1/metrics"_s, {scrape(u"dask-worker-idle.prom"_s), scrape(u"dask-worker-busy.prom"_s),
                                            scrape(u"dask-worker-after.prom"_s)});
        m_server->serve(u"/w2/metrics"_s, {scrape(u"dask-worker2-busy.prom"_s)});
        m_server->setHanging(u"/w2/metrics"_s, true);
        m_sources[0].executors = {worker(u"w1"_s), worker(u"w2"_s)};
        startSampler();
        const auto answeredByW1 = [this] {
            QList<SampleBatch> answered;
            for (const SampleBatch &b : std::as_const(m_batches))
                if (valueOf(b, u"w1"_s, u"memory_managed_bytes"_s))
                    answered.append(b);
            return answered;
        };
        QTRY_VERIFY_WITH_TIMEOUT(answeredByW1().size() >= 6, 15000);
        for (qsizetype i = 1; i < m_batches.size(); ++i)
            QVERIFY2(m_batches[i].timestampMs > m_batches[i - 1].timestampMs, qPrintable(QString::number(i)));
        // (A w1 scrape still running at the next tick, on a loaded machine, leaves that tick without w1.)
        const QList<SampleBatch> w1 = answeredByW1();
        for (qsizetype i = 1; i < w1.size(); ++i)
            QVERIFY2(valueOf(w1[i], u"w1"_s, u"bytes_out_per_s"_s), qPrintable(QString::number(i)));
        const double idle = *metricsOf(u"dask-worker-idle.prom"_s).transferOutgoingBytesTotal;
        const double busy = *metricsOf(u"dask-worker-busy.prom"_s).transferOutgoingBytesTotal;
        const double seconds = double(w1[1].timestampMs - w1[0].timestampMs) / 1000;
        QVERIFY(qFuzzyCompare(*valueOf(w1[1], u"w1"_s, u"bytes_out_per_s"_s), (busy - idle) / seconds));
    }

    // A scheduler that answers with an error page gives no scheduler series; the workers still count.
    void failingSchedulerLeavesWorkersAlone()
    {
        m_server->serve(u"/scheduler/metrics"_s, {});
        m_server->serve(u"/w1/metrics"_s, {scrape(u"dask-worker-busy.prom"_s)});
        m_sources[0].executors = {worker(u"w1"_s)};
        startSampler();
        QTRY_VERIFY_WITH_TIMEOUT(!m_batches.isEmpty(), 10000);
        QVERIFY(!valueOf(m_batches.first(), QString(), u"workers_connected"_s));
        QCOMPARE(valueOf(m_batches.first(), u"w1"_s, u"memory_managed_bytes"_s),
                 metricsOf(u"dask-worker-busy.prom"_s).memoryManagedBytes);
    }
};

QTEST_GUILESS_MAIN(TstMetricSampler)
#include "tst_metricsampler.moc"
