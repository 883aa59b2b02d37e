// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The console's metrics path against the real runtime and real Dask: RuntimeFeed fetches a history window
// and follows the SSE stream into the console's TelemetryWindow; when the runtime goes away the link says
// so (no zeros are invented), and when it comes back the stream resumes and the hole is refilled from
// history. The runtime is this test's own (test::RuntimeProcess: free port, temporary data dir, stopped by pid).
#include "runtimeprocess.h"
#include "core/backend/runtime/runtimefeed.h"
#include "ui/models/telemetrywindow.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstMetricsFeed : public QObject
{
    Q_OBJECT
private:
    test::RuntimeProcess m_runtime;
    QString m_clusterId;

    QString url() const { return m_runtime.url(); }
    QString tokenFile() const { return m_runtime.tokenFile(); }
    void startRuntime()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
    }
    void stopRuntime() { m_runtime.stop(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_runtime.setEnvironment({{u"CLUSTERDECK_TERMINATE_GRACE_S"_s, u"3"_s}});
        startRuntime();
        QJsonValue json;
        QCOMPARE(m_runtime.cli({u"cluster"_s, u"launch"_s, u"--name"_s, u"feed"_s, u"--workers"_s, u"2"_s, u"--wait"_s}, &json),
                 0);
        m_clusterId = json.toObject().value(u"id"_s).toString();
        QVERIFY(!m_clusterId.isEmpty());
        // A few seconds of history before the console looks: two stored seconds of every worker's memory
        // (waited for, not slept: a loaded machine leaves gaps).
        const auto fewestStoredPoints = [this] {
            QJsonValue body;
            if (m_runtime.get(u"/api/v1/clusters/%1/metrics?series=memory_managed_bytes,memory_unmanaged_bytes"
                              "&executors=w1,w2"_s.arg(m_clusterId),
                              &body)
                    != 200
                || body.toArray().size() < 4)
                return qsizetype(0);
            qsizetype fewest = std::numeric_limits<qsizetype>::max();
            for (const QJsonValue &series : body.toArray())
                fewest = std::min(fewest, series[u"points"_s].toArray().size());
            return fewest;
        };
        QTRY_VERIFY_WITH_TIMEOUT(fewestStoredPoints() >= 2, 30000);
    }

    void cleanupTestCase()
    {
        if (!m_clusterId.isEmpty() && m_runtime.isRunning())
            m_runtime.cli({u"cluster"_s, u"terminate"_s, m_clusterId, u"--wait"_s}, nullptr, 60000);
        m_runtime.stopAndReap();
    }

    void historyThenLiveThenReconnect()
    {
        // The feed lives on this thread here (the console puts it on its network thread): same code path.
        RuntimeFeed feed(QUrl(url()), tokenFile());
        feed.start();
        TelemetryWindow window;
        connect(&feed, &RuntimeFeed::metricsHistoryReady, &window, &TelemetryWindow::applyHistory);
        connect(&feed, &RuntimeFeed::metricsBatchReady, &window, &TelemetryWindow::applyBatch);
        connect(&feed, &RuntimeFeed::metricsLinkChanged, &window, &TelemetryWindow::setLink);
        QSignalSpy history(&feed, &RuntimeFeed::metricsHistoryReady);
        QSignalSpy batches(&feed, &RuntimeFeed::metricsBatchReady);
        QList<MetricsLink> links;
        connect(&feed, &RuntimeFeed::metricsLinkChanged, this,
                [&links](quint64, MetricsLink link, const QString &) { links.append(link); });

        window.setCluster(m_clusterId);
        feed.followMetrics(window.request());
        QVERIFY(history.wait(20000));
        // The seconds sampled before the console looked are there, per executor and in total.
        QCOMPARE(window.executors().size(), 2);
        const QString w = window.executors().first();
        const telemetry::BucketedSeries *used = window.series(TelemetryWindow::kMemoryUsed, w);
        QVERIFY(used);
        const qsizetype fromHistory = used->pointCount();
        QVERIFY2(fromHistory >= 2, qPrintable(QString::number(fromHistory)));
        QVERIFY(window.series(TelemetryWindow::kMemoryUsed, {}));
        QVERIFY(window.latest(w).limit > 0);
        QVERIFY(window.latest(w).managed + window.latest(w).unmanaged > 10e6); // a Python worker uses tens of MB

        // Then one batch a second, without polling.
        QTRY_VERIFY_WITH_TIMEOUT(batches.size() >= 3, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window.link(), MetricsLink::Live, 5000);
        QVERIFY(used->pointCount() > fromHistory);
        const qint64 beforeStop = window.lastSampleMs();

        // The runtime goes away: the link says so and nothing is added meanwhile.
        stopRuntime();
        QTRY_COMPARE_WITH_TIMEOUT(window.link(), MetricsLink::Reconnecting, 15000);
        QVERIFY(!window.linkMessage().isEmpty());
        const qsizetype whileDown = used->pointCount();
        QTest::qWait(2500);
        QCOMPARE(used->pointCount(), whileDown);

        // It comes back (re-attaching its cluster): the stream resumes and newer samples arrive.
        history.clear();
        startRuntime();
        QTRY_COMPARE_WITH_TIMEOUT(window.link(), MetricsLink::Live, 30000);
        QVERIFY(history.size() >= 1); // the hole was asked for again from history
        QTRY_VERIFY_WITH_TIMEOUT(window.lastSampleMs() > beforeStop + 2000, 15000);
        QVERIFY(links.contains(MetricsLink::Loading));
        feed.stop();
    }

    void pastWindowHasNoStream()
    {
        RuntimeFeed feed(QUrl(url()), tokenFile());
        feed.start();
        TelemetryWindow window;
        connect(&feed, &RuntimeFeed::metricsHistoryReady, &window, &TelemetryWindow::applyHistory);
        connect(&feed, &RuntimeFeed::metricsLinkChanged, &window, &TelemetryWindow::setLink);
        QSignalSpy batches(&feed, &RuntimeFeed::metricsBatchReady);
        window.setCluster(m_clusterId);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        window.setRange(TelemetryWindow::Range::Custom, now - 120'000, now - 1000);
        feed.followMetrics(window.request());
        QTRY_COMPARE_WITH_TIMEOUT(window.link(), MetricsLink::History, 20000);
        QVERIFY(window.hasData());
        QTest::qWait(2500);
        QCOMPARE(batches.size(), 0);
        feed.stop();
    }
};

QTEST_MAIN(TstMetricsFeed)
#include "tst_metricsfeed.moc"
