// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The runtime's Prometheus endpoint as Prometheus's own linter sees it (`promtool check metrics`, Debian's
// prometheus package), and the figures in it.
#include "core/runtime/runtimemetrics.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

// promtool's verdict on an exposition: its exit code and what it said.
std::pair<int, QByteArray> promtool(const QByteArray &exposition)
{
    QProcess p;
    p.start(u"promtool"_s, {u"check"_s, u"metrics"_s});
    if (!p.waitForStarted(10000))
        return {-1, "promtool did not start"};
    p.write(exposition);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitCode(), p.readAllStandardOutput() + p.readAllStandardError()};
}

// The value of the sample whose name and labels are exactly `series`; NaN when there is none.
double value(const QByteArray &exposition, const QByteArray &series)
{
    for (const QByteArray &line : exposition.split('\n'))
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    return qQNaN();
}

RuntimeMetricsSnapshot busySnapshot()
{
    RuntimeMetricsSnapshot s;
    for (const char *state :
         {"STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING", "TERMINATED", "TERMINATED_WITH_ERRORS"})
        s.clustersByState.insert(QString::fromLatin1(state), 0);
    s.clustersByState[u"WAITING"_s] = 1;
    s.clustersByState[u"TERMINATED"_s] = 3;
    s.executors.append({u"c-1"_s, u"w1"_s, u"running"_s, 1000, 2000, 0, 4'000'000'000, 123456789, 987654321});
    s.executors.append({u"c-1"_s, u"w2"_s, u"retiring"_s, 5, 6, 7, 8, 9, 10});
    // A name a user chose: quotes, a backslash and a newline must not break the format.
    s.clusters.append({u"c-1"_s, u"etl \"nightly\"\\n\nrun"_s, 0.4125, 2});
    return s;
}

} // namespace

class TestRuntimeMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"promtool"_s).isEmpty())
            QFAIL("promtool is missing: scripts/install-deps.sh installs it (Debian's prometheus package)");
    }

    void promtoolAcceptsIt()
    {
        const QByteArray text = renderPrometheus(busySnapshot());
        const auto [code, said] = promtool(text);
        QVERIFY2(code == 0, QByteArray(said + "\n---\n" + text).constData());
        QVERIFY2(said.trimmed().isEmpty(), said.constData()); // no lint warning either
    }

    void anEmptyRuntimeIsValidToo()
    {
        const auto [code, said] = promtool(renderPrometheus({}));
        QVERIFY2(code == 0, said.constData());
    }

    void promtoolWouldCatchABrokenOne()
    {
        // The check can fail: an unescaped quote in a label value is refused.
        const auto [code, said] = promtool("# HELP x_total X.\n# TYPE x_total counter\nx_total{a=\"b\"c\"} 1\n");
        QVERIFY2(code != 0, said.constData());
    }

    void theFigures()
    {
        const QByteArray text = renderPrometheus(busySnapshot());
        QVERIFY(text.contains("clusterdeck_clusters{state=\"WAITING\"} 1\n"));
        QVERIFY(text.contains("clusterdeck_clusters{state=\"TERMINATED\"} 3\n"));
        QVERIFY(text.contains("clusterdeck_clusters{state=\"STARTING\"} 0\n"));
        QVERIFY(text.contains("clusterdeck_executors{cluster=\"c-1\",status=\"running\"} 1\n"));
        QVERIFY(text.contains("clusterdeck_executors{cluster=\"c-1\",status=\"retiring\"} 1\n"));
        QVERIFY(text.contains(
            "clusterdeck_executor_memory_bytes{cluster=\"c-1\",executor=\"w1\",type=\"unmanaged\"} 2000\n"));
        QVERIFY(text.contains("clusterdeck_executor_memory_limit_bytes{cluster=\"c-1\",executor=\"w1\"} 4000000000\n"));
        QVERIFY(text.contains(
            "clusterdeck_executor_shuffle_sent_bytes_total{cluster=\"c-1\",executor=\"w1\"} 987654321\n"));
        QCOMPARE(
            value(text,
                  "clusterdeck_cluster_cost_dollars_per_hour{cluster=\"c-1\",name=\"etl \\\"nightly\\\"\\\\n\\nrun\"}"),
            0.4125);
        QCOMPARE(value(text, "clusterdeck_cost_dollars_per_hour"), 0.4125);
        QVERIFY(text.contains("clusterdeck_open_incidents{cluster=\"c-1\"} 2\n"));
    }
};

QTEST_GUILESS_MAIN(TestRuntimeMetrics)
#include "tst_runtimemetrics.moc"
