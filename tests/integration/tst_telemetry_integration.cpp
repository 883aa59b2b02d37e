// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Telemetry end to end: the real clusterdeck-runtime samples a real two-worker Dask cluster while it runs
// etl_groupby; the metrics API and the live stream show memory and shuffle traffic moving; the history
// outlives the cluster and a runtime restart.
#include "core/backend/runtime/runtimeclient.h"
#include "core/model/clusterinfo.h"
#include "core/model/job.h"
#include "core/security/tokenfile.h"
#include "loopback.h"
#include "runtimeprocess.h"
#include "testpaths.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <optional>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

using test::processesUnder;

struct SeriesStats
{
    int points = 0;
    double max = 0;
    double sumOfMeans = 0;
};

// Per "name/executor" (executor "total" for the cluster's): how many points, the highest max.
QHash<QString, SeriesStats> statsOf(const QJsonArray &series)
{
    QHash<QString, SeriesStats> result;
    for (const QJsonValue &v : series) {
        const QJsonObject o = v.toObject();
        const QString executor = o.value(u"executor"_s).isNull() ? u"total"_s : o.value(u"executor"_s).toString();
        SeriesStats &s = result[o.value(u"name"_s).toString() + u'/' + executor];
        for (const QJsonValue &p : o.value(u"points"_s).toArray()) {
            const QJsonArray point = p.toArray();
            ++s.points;
            s.sumOfMeans += point.at(1).toDouble();
            s.max = std::max(s.max, point.at(3).toDouble());
        }
    }
    return result;
}

// Raw 1 s points of one series, [tick ms, value], oldest first.
using Points = QList<std::pair<qint64, double>>;

// Per "name/executor" like statsOf, the raw points themselves.
QHash<QString, Points> pointsOf(const QJsonArray &series)
{
    QHash<QString, Points> result;
    for (const QJsonValue &v : series) {
        const QJsonObject o = v.toObject();
        const QString executor = o.value(u"executor"_s).isNull() ? u"total"_s : o.value(u"executor"_s).toString();
        Points &points = result[o.value(u"name"_s).toString() + u'/' + executor];
        for (const QJsonValue &p : o.value(u"points"_s).toArray())
            points.append({qint64(p.toArray().at(0).toDouble()), p.toArray().at(1).toDouble()});
    }
    return result;
}

// The last value at or before ms (the first one when none is that early).
double valueAt(const Points &points, qint64 ms)
{
    double value = points.isEmpty() ? 0 : points.first().second;
    for (const auto &[t, v] : points) {
        if (t > ms)
            break;
        value = v;
    }
    return value;
}

// What a rate series says moved, against what its counter says moved.
struct Integral
{
    double bytes = 0; // the rate integrated over the intervals it covers
    double counted = 0; // the counter's growth over the same intervals
    double uncoveredSeconds = 0; // intervals with no rate (a gap over the 5 s rate window)
    int missingRates = 0; // samples within the rate window of the previous one that have no rate
};

// The sampler's rate window: after a longer gap it starts over without a rate.
constexpr qint64 kRateWindowMs = 5000;

// Scraped rates (bytes_out_per_s): a rate point stored at tick t is the counter's growth since the worker's previous
// answered scrape (the previous tick at which it stored its gauges, `samples`) divided by that interval,
// so it weighs by that interval, not by one second: a late scrape is a gap the next point covers. After
// a gap longer than the 5 s rate window the sampler starts over without a rate: the bytes of that
// interval are in no rate point, so they are taken out of the counter's growth and reported.
// Polled rates (bytes_in_per_s): the rate between the last two heartbeats the identity poll saw, held at every tick
// until the next heartbeat; each tick's point stands for the interval since the previous tick that had
// a fresh identity (a point of `samples`). Heartbeats do not line up with ticks, so this is close, not exact.
// `missingWithinMs` > 0: a sample that close to the previous one ought to have a rate, and one
// without is counted in missingRates (scraped rates); 0 for polled rates, which have no such rule.
Integral integrateRate(const Points &rate, const Points &samples, const Points &counter, qint64 missingWithinMs)
{
    Integral r;
    if (samples.isEmpty() || counter.isEmpty())
        return r;
    r.counted = counter.last().second - counter.first().second;
    QHash<qint64, double> rateAt;
    for (const auto &[t, v] : rate)
        rateAt.insert(t, v);
    for (qsizetype i = 1; i < samples.size(); ++i) {
        const qint64 from = samples[i - 1].first;
        const qint64 to = samples[i].first;
        if (rateAt.contains(to)) {
            r.bytes += rateAt.value(to) * double(to - from) / 1000.0;
        } else {
            r.counted -= valueAt(counter, to) - valueAt(counter, from);
            r.uncoveredSeconds += double(to - from) / 1000.0;
            if (to - from <= missingWithinMs)
                ++r.missingRates;
        }
    }
    return r;
}

} // namespace

class TstTelemetryIntegration : public QObject
{
    Q_OBJECT
private:
    test::RuntimeProcess m_runtime;
    QString m_clusterId;
    qint64 m_jobFromMs = 0;
    qint64 m_jobToMs = 0;
    QHash<QString, SeriesStats> m_duringJob;

    QString url() const { return m_runtime.url(); }
    QString metricsPath() const { return u"/api/v1/clusters/"_s + m_clusterId + u"/metrics"_s; }

    int cli(const QStringList &args, QJsonValue *json = nullptr, int timeoutMs = 240000)
    {
        return m_runtime.cli(args, json, timeoutMs);
    }

    int get(const QString &pathAndQuery, QJsonValue *body = nullptr, const QByteArray &token = {})
    {
        return m_runtime.get(pathAndQuery, body, token);
    }

    // step=1: the 1 s resolution's own points at their tick times, not aligned to buckets.
    QHash<QString, Points> rawPoints(const QString &series, qint64 fromMs, qint64 toMs)
    {
        QJsonValue body;
        const int status =
            get(metricsPath() + u"?series=%1&from=%2&to=%3&step=1"_s.arg(series).arg(fromMs).arg(toMs), &body);
        if (status != 200)
            qWarning() << "metrics query answered" << status << body;
        return pointsOf(body.toArray());
    }

    QHash<QString, SeriesStats> query(const QString &series, qint64 fromMs, qint64 toMs, QJsonValue *raw = nullptr)
    {
        QJsonValue body;
        const int status =
            get(metricsPath() + u"?series=%1&from=%2&to=%3&step=1000"_s.arg(series).arg(fromMs).arg(toMs), &body);
        if (status != 200)
            qWarning() << "metrics query answered" << status << body;
        if (raw)
            *raw = body;
        return statsOf(body.toArray());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(u"/usr/bin/dask"_s).isExecutable(), "Debian's Dask is required (scripts/install-deps.sh)");
        // Roll-ups run during the test, not once a minute.
        m_runtime.setEnvironment({{u"CLUSTERDECK_TERMINATE_GRACE_S"_s, u"5"_s}, {u"CLUSTERDECK_MAINTAIN_MS"_s, u"5000"_s}});
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (!m_clusterId.isEmpty() && m_runtime.isRunning())
            cli({u"cluster"_s, u"terminate"_s, m_clusterId, u"--wait"_s, u"--timeout"_s, u"60"_s});
        m_runtime.stopAndReap();
    }

    void launchTwoWorkersAndSeeSeries()
    {
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"launch"_s, u"--name"_s, u"telemetry"_s, u"--workers"_s, u"2"_s, u"--wait"_s}, &json),
                 0);
        m_clusterId = ClusterInfo::fromJson(json.toObject()).id;
        QVERIFY(!m_clusterId.isEmpty());
        QVERIFY(QFileInfo::exists(m_runtime.dataDir() + u"/metrics.sqlite"_s)); // its own file
        // Without series=, the API lists what is stored: every executor's series and the totals.
        auto listed = [&] {
            QJsonValue list;
            if (get(metricsPath(), &list) != 200)
                return QStringList();
            QStringList names;
            for (const QJsonValue &v : list.toArray()) {
                const QJsonObject o = v.toObject();
                names.append(o.value(u"name"_s).toString() + u'/'
                             + (o.value(u"executor"_s).isNull() ? u"total"_s : o.value(u"executor"_s).toString()));
            }
            return names;
        };
        // Rates need two scrapes, so they appear a second or two after the gauges.
        const QStringList expected{u"memory_managed_bytes/w1"_s, u"memory_unmanaged_bytes/w2"_s,
                                   u"memory_limit_bytes/w1"_s,   u"tasks_executing/w2"_s,
                                   u"bytes_out_per_s/w1"_s,      u"bytes_in_per_s/w2"_s,
                                   u"cpu_percent/w1"_s,          u"memory_unmanaged_bytes/total"_s,
                                   u"workers_connected/total"_s};
        auto missing = [&] {
            const QStringList names = listed();
            QStringList absent;
            for (const QString &e : expected)
                if (!names.contains(e))
                    absent.append(e);
            return absent.join(u' ');
        };
        QTRY_COMPARE_WITH_TIMEOUT(missing(), QString(), 15000);
        // An idle worker is a real process: resident memory, a limit, and no traffic.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto stats = query(u"memory_unmanaged_bytes,memory_limit_bytes,bytes_out_per_s"_s, now - 60000, now);
        QVERIFY(stats.value(u"memory_unmanaged_bytes/w1"_s).max > 50e6);
        QCOMPARE(stats.value(u"memory_limit_bytes/w2"_s).max, double(qint64(1) << 30));
        QCOMPARE(stats.value(u"memory_limit_bytes/total"_s).max, 2.0 * double(qint64(1) << 30));
    }

    void badQueriesAreRefused()
    {
        QJsonValue body;
        QCOMPARE(get(metricsPath() + u"?series=no_such_series"_s, &body), 400);
        QVERIFY(body.toObject().value(u"detail"_s).toString().startsWith(u"series:"_s));
        QCOMPARE(get(metricsPath() + u"?series=bytes_in_per_s&from=yesterday"_s, &body), 400);
        QVERIFY(body.toObject().value(u"detail"_s).toString().startsWith(u"from:"_s));
        QCOMPARE(get(metricsPath() + u"?series=bytes_in_per_s&from=20&to=10"_s), 400);
        QCOMPARE(get(u"/api/v1/clusters/c-nosuchthing/metrics"_s), 404);
        QCOMPARE(get(metricsPath(), nullptr, "wrong-token"), 401);
        QCOMPARE(get(metricsPath() + u"/stream"_s, nullptr, "wrong-token"), 401); // checked before streaming
    }

    void etlGroupbyMovesMemoryAndBytes()
    {
        m_jobFromMs = QDateTime::currentMSecsSinceEpoch();
        QJsonValue json;
        QCOMPARE(cli({u"job"_s, u"submit"_s, m_clusterId, u"--sample"_s, u"etl_groupby"_s, u"--wait"_s}, &json), 0);
        QCOMPARE(toString(Job::fromJson(json.toObject()).state), u"COMPLETED"_s);
        // The window ends once the counters have settled: each worker's bytes_in_total and bytes_out_total
        // (heartbeat counters, which can lag the job by a heartbeat or more under load) stored unchanged
        // for 2 s after the job. A cluster's seconds are stored in tick order, so every point up to then is
        // final: later reads of the window see the same points.
        const qint64 jobEndMs = QDateTime::currentMSecsSinceEpoch();
        const auto settledAt = [&]() -> qint64 {
            const QHash<QString, Points> counters =
                rawPoints(u"bytes_in_total,bytes_out_total"_s, jobEndMs, QDateTime::currentMSecsSinceEpoch());
            qint64 latest = 0;
            for (const QString &key : {u"bytes_in_total/w1"_s, u"bytes_in_total/w2"_s, u"bytes_out_total/w1"_s,
                                       u"bytes_out_total/w2"_s}) {
                const Points points = counters.value(key);
                qint64 unchangedSince = -1;
                qint64 settled = 0;
                for (qsizetype i = 0; i < points.size() && !settled; ++i) {
                    if (i == 0 || points[i].second != points[i - 1].second)
                        unchangedSince = points[i].first;
                    else if (points[i].first - unchangedSince >= 2000)
                        settled = points[i].first;
                }
                if (!settled)
                    return 0;
                latest = std::max(latest, settled);
            }
            return latest;
        };
        QTRY_VERIFY_WITH_TIMEOUT((m_jobToMs = settledAt()) > 0, 60000);
        const QString series = u"bytes_in_per_s,bytes_out_per_s,bytes_in_total,bytes_out_total,memory_managed_bytes,"
                               "tasks_executing,cpu_percent"_s;
        m_duringJob = query(series, m_jobFromMs, m_jobToMs);
        for (auto it = m_duringJob.cbegin(); it != m_duringJob.cend(); ++it)
            qInfo("%-28s points %3d  max %14.0f", qPrintable(it.key()), it->points, it->max);
        for (const QString &executor : {u"w1"_s, u"w2"_s, u"total"_s}) {
            // The shuffle moved data both ways between the two workers, and the rates saw it.
            QVERIFY2(m_duringJob.value(u"bytes_in_per_s/"_s + executor).max > 0, qPrintable(executor));
            QVERIFY2(m_duringJob.value(u"bytes_out_per_s/"_s + executor).max > 0, qPrintable(executor));
            QVERIFY2(m_duringJob.value(u"memory_managed_bytes/"_s + executor).max > 0, qPrintable(executor));
            QVERIFY2(m_duringJob.value(u"tasks_executing/"_s + executor).max >= 1, qPrintable(executor));
            QVERIFY2(m_duringJob.value(u"cpu_percent/"_s + executor).max > 10, qPrintable(executor));
        }
        // One point a second, near enough (gaps allowed under load, but not most of them).
        const int seconds = int((m_jobToMs - m_jobFromMs) / 1000);
        QVERIFY2(m_duringJob.value(u"memory_managed_bytes/w1"_s).points >= seconds / 2,
                 qPrintable(u"%1 points in %2 s"_s.arg(m_duringJob.value(u"memory_managed_bytes/w1"_s).points).arg(seconds)));
        // The rates integrate back to the counters' growth: each worker's series against its own counters,
        // which is what a user adding up a worker's chart would compare. bytes_out_per_s is the rate of the
        // worker's transfer_outgoing_bytes_total as scraped, and bytes_out_total is the same counter as the
        // identity poll reports it; bytes_in_per_s is the rate of the preload's received-bytes counter
        // between heartbeats, bytes_in_total that counter. (Not the cluster totals: a total is written only
        // in a second when every worker answered, so under load it has gaps a sum over time cannot see.)
        const QHash<QString, Points> raw = rawPoints(
            u"bytes_in_per_s,bytes_out_per_s,bytes_in_total,bytes_out_total,memory_unmanaged_bytes"_s, m_jobFromMs,
            m_jobToMs);
        double inMoved = 0;
        double outMoved = 0;
        for (const QString &w : {u"w1"_s, u"w2"_s}) {
            // A scrape that answered stored the worker's gauges at its tick: those ticks are the out rate's
            // samples. The in rate's samples are the ticks that had a fresh identity (bytes_in_total).
            const Integral out = integrateRate(raw.value(u"bytes_out_per_s/"_s + w), raw.value(u"memory_unmanaged_bytes/"_s + w),
                                               raw.value(u"bytes_out_total/"_s + w), kRateWindowMs);
            const Integral in = integrateRate(raw.value(u"bytes_in_per_s/"_s + w), raw.value(u"bytes_in_total/"_s + w),
                                              raw.value(u"bytes_in_total/"_s + w), 0);
            qInfo("%s out: integral %.0f, counter %.0f (ratio %.3f, %.1f s uncovered); in: integral %.0f, counter %.0f "
                  "(ratio %.3f, %.1f s uncovered)",
                  qPrintable(w), out.bytes, out.counted, out.bytes / out.counted, out.uncoveredSeconds, in.bytes,
                  in.counted, in.bytes / in.counted, in.uncoveredSeconds);
            QVERIFY2(out.counted > 0 && in.counted > 0, qPrintable(w + u": the shuffle moved no bytes"_s));
            QCOMPARE(out.missingRates, 0); // every answered scrape within 5 s of the previous one has a rate
            QVERIFY2(out.bytes > 0.95 * out.counted && out.bytes < 1.05 * out.counted,
                     qPrintable(w + u": bytes_out_per_s does not add up to its counter"_s));
            QVERIFY2(in.bytes > 0.8 * in.counted && in.bytes < 1.2 * in.counted,
                     qPrintable(w + u": bytes_in_per_s does not add up to its counter"_s));
            const auto growth = [](const Points &counter) {
                return counter.isEmpty() ? 0.0 : counter.last().second - counter.first().second;
            };
            inMoved += growth(raw.value(u"bytes_in_total/"_s + w));
            outMoved += growth(raw.value(u"bytes_out_total/"_s + w));
        }
        // Two workers only talk to each other: what one sent, the other received.
        qInfo("cluster: %.0f bytes out, %.0f bytes in", outMoved, inMoved);
        QVERIFY2(inMoved > 0.9 * outMoved && inMoved < 1.1 * outMoved, "bytes in and out do not match");
        // The totals the cluster chart shows are the workers' sums at the same tick, written only where
        // every worker answered (how many there are depends on the machine's load, so not counted here).
        for (const QString &rate : {u"bytes_out_per_s"_s, u"bytes_in_per_s"_s}) {
            const Points total = raw.value(rate + u"/total"_s);
            const Points w1 = raw.value(rate + u"/w1"_s);
            const Points w2 = raw.value(rate + u"/w2"_s);
            for (const auto &[t, v] : total) {
                const auto at = [t](const Points &p) {
                    const auto it = std::find_if(p.cbegin(), p.cend(), [t](const auto &x) { return x.first == t; });
                    return it == p.cend() ? std::optional<double>() : std::optional<double>(it->second);
                };
                QVERIFY2(at(w1) && at(w2), qPrintable(rate + u": a total at %1 without both workers"_s.arg(t)));
                QVERIFY2(std::abs(*at(w1) + *at(w2) - v) <= 1e-6 * std::max(1.0, v), qPrintable(rate));
            }
            QVERIFY2(!total.isEmpty(), qPrintable(rate));
        }
    }

    void streamPushesOneEventPerSecond()
    {
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(url() + metricsPath() + u"/stream"_s));
        req.setRawHeader("Authorization", "Bearer " + m_runtime.token());
        QNetworkReply *reply = nam.get(req);
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(received.count("event: samples") >= 4, 10000);
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"text/event-stream"_s);
        reply->abort();
        reply->deleteLater();
        // Each event is one JSON object of one sampled second, in time order. One a second is judged by
        // the seconds the events carry, not by when they arrived: a second held back by a slow scrape
        // arrives together with the ones after it.
        // Only the samples events: the stream also says where the cluster stands (`cluster` events).
        QList<QJsonObject> events;
        for (qsizetype start = received.indexOf("event: samples\ndata: "); start >= 0;
             start = received.indexOf("event: samples\ndata: ", start)) {
            start += qsizetype(sizeof("event: samples\ndata: ")) - 1;
            const qsizetype end = received.indexOf('\n', start);
            if (end < 0)
                break; // the last event was cut by the abort
            events.append(QJsonDocument::fromJson(received.mid(start, end - start)).object());
        }
        QVERIFY2(events.size() >= 4, received.left(600).constData());
        for (qsizetype i = 1; i < events.size(); ++i)
            QVERIFY(events[i].value(u"timestampMs"_s).toDouble() > events[i - 1].value(u"timestampMs"_s).toDouble());
        const double spanMs =
            events.last().value(u"timestampMs"_s).toDouble() - events.first().value(u"timestampMs"_s).toDouble();
        qInfo("%lld events spanning %.0f ms of samples", qlonglong(events.size()), spanMs);
        QVERIFY2(spanMs >= (events.size() - 2) * 1000.0, "more than one event a second"); // n events: n - 1 ticks
        // A worker whose scrape was late is absent from that second's event (a gap), not in every one.
        bool sawW1Memory = false;
        for (const QJsonObject &data : std::as_const(events)) {
            QCOMPARE(data.value(u"clusterId"_s).toString(), m_clusterId);
            QVERIFY(data.value(u"timestampMs"_s).toDouble() > m_jobFromMs);
            for (const QJsonValue &v : data.value(u"samples"_s).toArray())
                sawW1Memory |= v[u"name"_s] == u"memory_unmanaged_bytes"_s && v[u"executor"_s] == u"w1"_s
                    && v[u"value"_s].toDouble() > 0;
        }
        QVERIFY2(sawW1Memory, received.left(600).constData());
        // The runtime forgets a stream whose client left: the API still answers.
        QCOMPARE(get(metricsPath()), 200);
    }

    void historySurvivesTerminationAndRestart()
    {
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"terminate"_s, m_clusterId, u"--wait"_s}, &json), 0);
        QCOMPARE(toString(ClusterInfo::fromJson(json.toObject()).state), u"TERMINATED"_s);
        const QString series = u"bytes_in_per_s,bytes_out_per_s,memory_managed_bytes"_s;
        const auto afterTerminate = query(series, m_jobFromMs, m_jobToMs);
        QCOMPARE(afterTerminate.value(u"bytes_in_per_s/total"_s).max, m_duringJob.value(u"bytes_in_per_s/total"_s).max);

        m_runtime.stop();
        QVERIFY(processesUnder(m_runtime.dataDir() + u"/clusters"_s).isEmpty());
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        const auto afterRestart = query(series, m_jobFromMs, m_jobToMs);
        for (const QString &key : {u"bytes_in_per_s/total"_s, u"bytes_out_per_s/w1"_s, u"memory_managed_bytes/w2"_s}) {
            QVERIFY2(afterRestart.value(key).points > 0, qPrintable(key));
            QCOMPARE(afterRestart.value(key).max, m_duringJob.value(key).max);
            QCOMPARE(afterRestart.value(key).points, m_duringJob.value(key).points);
        }
        // The whole history at a coarse step: one minute buckets keep the peak.
        QJsonValue body;
        QCOMPARE(get(metricsPath() + u"?series=bytes_out_per_s&executors=total&step=60000"_s, &body), 200);
        const QJsonArray list = body.toArray();
        QCOMPARE(list.size(), 1);
        double peak = 0;
        for (const QJsonValue &p : list.first()[u"points"_s].toArray())
            peak = std::max(peak, p.toArray().at(3).toDouble());
        QCOMPARE(peak, m_duringJob.value(u"bytes_out_per_s/total"_s).max);
        // The CLI's document: [ms, value] points (bucket means), gaps apart, executor null for a cluster total.
        QJsonValue cliJson;
        QCOMPARE(cli({u"metrics"_s, m_clusterId, u"--series"_s, u"bytes_out_per_s"_s, u"--executor"_s, u"total"_s,
                      u"--from"_s, QString::number(m_jobFromMs), u"--to"_s, QString::number(m_jobToMs), u"--json"_s},
                     &cliJson),
                 0);
        QCOMPARE(cliJson.toArray().size(), 1);
        const QJsonObject outTotal = cliJson.toArray().first().toObject();
        QCOMPARE(outTotal.value(u"name"_s).toString(), u"bytes_out_per_s"_s);
        QVERIFY(outTotal.value(u"executor"_s).isNull());
        double cliPeak = 0;
        for (const QJsonValue &p : outTotal.value(u"points"_s).toArray()) {
            QCOMPARE(p.toArray().size(), 2);
            cliPeak = std::max(cliPeak, p.toArray().at(1).toDouble());
        }
        QCOMPARE(outTotal.value(u"points"_s).toArray().size(), m_duringJob.value(u"bytes_out_per_s/total"_s).points);
        QCOMPARE(cliPeak, m_duringJob.value(u"bytes_out_per_s/total"_s).max);
        // Without a range: every stored series, the whole history, and no point inside a gap.
        QCOMPARE(cli({u"metrics"_s, m_clusterId, u"--json"_s}, &cliJson), 0);
        QSet<QString> names;
        for (const QJsonValue &v : cliJson.toArray()) {
            const QJsonObject s = v.toObject();
            names.insert(s.value(u"name"_s).toString());
            for (const QJsonValue &p : s.value(u"points"_s).toArray()) {
                const double ms = p.toArray().at(0).toDouble();
                for (const QJsonValue &g : s.value(u"gaps"_s).toArray())
                    QVERIFY2(ms < g.toArray().at(0).toDouble() || ms >= g.toArray().at(1).toDouble(),
                             qPrintable(s.value(u"name"_s).toString()));
            }
        }
        for (const QString &name : {u"memory_managed_bytes"_s, u"memory_unmanaged_bytes"_s, u"memory_spilled_bytes"_s,
                                    u"memory_limit_bytes"_s, u"bytes_in_per_s"_s, u"bytes_out_per_s"_s,
                                    u"tasks_executing"_s})
            QVERIFY2(names.contains(name), qPrintable(name));
        QVERIFY(cli({u"metrics"_s, m_clusterId, u"--series"_s, u"no_such_series"_s, u"--json"_s}) != 0);
        QVERIFY(cli({u"metrics"_s, m_clusterId, u"--step"_s, u"5ms"_s}) != 0);
        // A stream on a terminated cluster says so and ends instead of hanging.
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(url() + metricsPath() + u"/stream"_s));
        req.setRawHeader("Authorization", "Bearer " + m_runtime.token());
        QNetworkReply *reply = nam.get(req);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QVERIFY(reply->readAll().contains("event: end"));
        delete reply;
    }
};

QTEST_GUILESS_MAIN(TstTelemetryIntegration)
#include "tst_telemetry_integration.moc"
