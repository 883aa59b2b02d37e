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

#include <csignal>

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
        QTest::qWait(5000); // the last heartbeats and scrapes after the job
        // End the window before any round still in flight (2 s deadline), so later reads see the same points.
        m_jobToMs = QDateTime::currentMSecsSinceEpoch() - 3000;
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
        // The rates integrate back to the counters' growth (1 s points): the series are deltas of real counters.
        const double inBytes = m_duringJob.value(u"bytes_in_total/total"_s).max;
        const double inIntegral = m_duringJob.value(u"bytes_in_per_s/total"_s).sumOfMeans;
        const double outIntegral = m_duringJob.value(u"bytes_out_per_s/total"_s).sumOfMeans;
        qInfo("bytes in: counter %.0f, integral of in rate %.0f, of out rate %.0f", inBytes, inIntegral, outIntegral);
        QVERIFY(inBytes > 0);
        QVERIFY2(inIntegral > 0.5 * inBytes && inIntegral < 1.5 * inBytes, "bytes_in_per_s does not add up");
        QVERIFY2(outIntegral > 0.5 * inBytes && outIntegral < 1.5 * inBytes, "bytes_out_per_s does not add up");
    }

    void streamPushesOneEventPerSecond()
    {
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(url() + metricsPath() + u"/stream"_s));
        req.setRawHeader("Authorization", "Bearer " + m_runtime.token());
        QNetworkReply *reply = nam.get(req);
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QElapsedTimer t;
        t.start();
        QTRY_VERIFY_WITH_TIMEOUT(received.count("event: samples") >= 4, 10000);
        const qint64 elapsed = t.elapsed();
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"text/event-stream"_s);
        reply->abort();
        reply->deleteLater();
        qInfo("4 events in %lld ms", elapsed);
        QVERIFY2(elapsed >= 2000, "more than one event a second"); // 4 events span at least 3 ticks
        // Each event is one JSON object of the second's samples.
        const qsizetype start = received.indexOf("data: ") + 6;
        const QJsonObject data = QJsonDocument::fromJson(received.mid(start, received.indexOf('\n', start) - start)).object();
        QCOMPARE(data.value(u"clusterId"_s).toString(), m_clusterId);
        QVERIFY(data.value(u"timestampMs"_s).toDouble() > m_jobFromMs);
        bool sawW1Memory = false;
        for (const QJsonValue &v : data.value(u"samples"_s).toArray())
            sawW1Memory |= v[u"name"_s] == u"memory_unmanaged_bytes"_s && v[u"executor"_s] == u"w1"_s
                && v[u"value"_s].toDouble() > 0;
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
