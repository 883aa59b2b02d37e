// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The managed-scaling decision on recorded metric histories with known answers. A history is compact text,
// one sample per item: "t:signal" or "t:signal:idle" (t in seconds; signal is the adaptive target, the
// pending tasks, or the resident memory in MiB, by policy; idle defaults to every worker when the signal
// asks for fewer workers and to none otherwise). The harness applies each action, so the worker count
// follows the decisions as it would on a cluster; the answer lists every recorded decision.
#include "core/runtime/scalingdecider.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

ScalingPolicy managed(int lo, int hi, int outCooldown = 60, int inCooldown = 300, int step = 2, int stabilization = 30)
{
    ScalingPolicy p;
    p.mode = ScalingMode::Managed;
    p.minWorkers = lo;
    p.maxWorkers = hi;
    p.scaleOutCooldownSeconds = outCooldown;
    p.scaleInCooldownSeconds = inCooldown;
    p.maxStep = step;
    p.stabilizationSeconds = stabilization;
    return p;
}

QString kindName(ScalingDecision::Kind k)
{
    switch (k) {
    case ScalingDecision::Kind::ScaleOut:
        return u"out"_s;
    case ScalingDecision::Kind::ScaleIn:
        return u"in"_s;
    case ScalingDecision::Kind::Refused:
        return u"refused"_s;
    case ScalingDecision::Kind::Hold:
        break;
    }
    return u"hold"_s;
}

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kLimitPerWorker = 1024 * kMiB;

// Runs the history; returns "t kind from->to" for every recorded decision.
QStringList replay(ScalingDecider &decider, int workers, const QString &history, int threadsPerWorker = 1,
                   QList<ScalingDecision> *all = nullptr)
{
    QStringList answer;
    for (const QString &item : history.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u':');
        ScalingSample s;
        s.timeMs = qint64(parts.value(0).toDouble() * 1000);
        const int signal = parts.value(1).toInt();
        s.workers = workers;
        s.threads = workers * threadsPerWorker;
        s.adaptiveTarget = signal;
        s.pendingTasks = signal;
        s.memoryBytes = qint64(signal) * kMiB;
        s.memoryLimitBytes = workers * kLimitPerWorker;
        const bool fewer = decider.policy().signal == ScalingSignal::AdaptiveTarget ? signal < workers : true;
        s.idleWorkers = parts.size() > 2 ? parts[2].toInt() : (fewer ? workers : 0);
        const ScalingDecision d = decider.decide(s);
        if (all)
            all->append(d);
        if (d.record)
            answer.append(u"%1 %2 %3->%4"_s.arg(parts.value(0), kindName(d.kind)).arg(d.from).arg(d.to));
        if (d.kind == ScalingDecision::Kind::ScaleOut || d.kind == ScalingDecision::Kind::ScaleIn)
            workers = d.to;
    }
    return answer;
}

// A steady signal: the same value (or a narrow wobble) every `every` seconds for an hour.
QString steady(const QList<int> &values, int every = 5, int seconds = 3600)
{
    QStringList items;
    for (int t = 0, n = 0; t <= seconds; t += every, ++n)
        items.append(u"%1:%2"_s.arg(t).arg(values[n % values.size()]));
    return items.join(u' ');
}

} // namespace

class TstScalingDecider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void adaptiveHistories_data()
    {
        QTest::addColumn<ScalingPolicy>("policy");
        QTest::addColumn<int>("workers");
        QTest::addColumn<QString>("history");
        QTest::addColumn<QStringList>("expected");

        QTest::addRow("first action is not delayed")
            << managed(1, 3) << 1 << u"0:3 1:3"_s << QStringList{u"0 out 1->3"_s};
        QTest::addRow("manual policy never acts")
            << ScalingPolicy{} << 1 << u"0:3 100:0"_s << QStringList{};
        QTest::addRow("largest step, then the scale-out cooldown, refused once per episode")
            << managed(1, 4, 60, 300, 1) << 1 << u"0:4 10:4 20:4 59:4 60:4 130:4"_s
            << QStringList{u"0 out 1->2"_s, u"10 refused 2->3"_s, u"60 out 2->3"_s, u"130 out 3->4"_s};
        QTest::addRow("the maximum is a bound: scale to it, then refuse once")
            << managed(1, 3) << 1 << u"0:10 100:10 200:10"_s << QStringList{u"0 out 1->3"_s, u"100 refused 3->3"_s};
        QTest::addRow("the minimum is a bound: an idle cluster stays at it")
            << managed(2, 3) << 2 << u"0:0 100:0 200:0"_s << QStringList{u"0 refused 2->2"_s};
        QTest::addRow("scale-in waits for the stabilization window")
            << managed(1, 3, 60, 300, 2, 30) << 3 << u"0:1 10:1 29:1 30:1"_s << QStringList{u"30 in 3->1"_s};
        QTest::addRow("a dip shorter than the window retires nothing")
            << managed(1, 3, 60, 300, 2, 30) << 3 << u"0:1 10:1 20:3 30:1 40:1 50:3"_s << QStringList{};
        QTest::addRow("scale-in goes to the highest wish during the window")
            << managed(1, 3, 60, 300, 2, 30) << 3 << u"0:1 10:2 20:1 30:1"_s << QStringList{u"30 in 3->2"_s};
        QTest::addRow("scale-in cooldown counts from the previous scale-in")
            << managed(1, 5, 0, 100, 1, 10) << 5 << u"0:1 10:1 20:1 30:1 110:1 120:1"_s
            << QStringList{u"10 in 5->4"_s, u"30 refused 4->3"_s, u"110 in 4->3"_s};
        QTest::addRow("a scale-out does not start the scale-in cooldown")
            << managed(1, 3, 60, 300, 2, 10) << 1 << u"0:3 20:1 30:1"_s << QStringList{u"0 out 1->3"_s, u"30 in 3->1"_s};
        QTest::addRow("a scale-in does not start the scale-out cooldown")
            << managed(1, 3, 60, 300, 2, 0) << 3 << u"0:1 5:3"_s << QStringList{u"0 in 3->1"_s, u"5 out 1->3"_s};
        QTest::addRow("only idle workers are retired")
            << managed(1, 3, 60, 0, 2, 0) << 3 << u"0:1:0 10:1:0 20:1:1 30:1:1"_s
            << QStringList{u"0 refused 3->1"_s, u"20 in 3->2"_s, u"30 in 2->1"_s};
    }

    void adaptiveHistories()
    {
        QFETCH(ScalingPolicy, policy);
        QFETCH(int, workers);
        QFETCH(QString, history);
        QFETCH(QStringList, expected);
        ScalingDecider decider(policy);
        QCOMPARE(replay(decider, workers, history), expected);
    }

    void steadySignalsDoNotFlap_data()
    {
        QTest::addColumn<ScalingPolicy>("policy");
        QTest::addColumn<int>("workers");
        QTest::addColumn<QList<int>>("values");
        QTest::addColumn<int>("threads");
        ScalingPolicy pending = managed(1, 6, 60, 300);
        pending.signal = ScalingSignal::PendingTasks;
        ScalingPolicy memory = managed(1, 6, 60, 300);
        memory.signal = ScalingSignal::MemoryPressure;
        // Zero cooldowns: only the hysteresis stands between a wobbling signal and flapping.
        ScalingPolicy eager = managed(1, 6, 0, 0, 2, 30);
        QTest::addRow("adaptive wobbling 2-3") << managed(1, 6) << 2 << QList<int>{2, 3, 2, 3, 2} << 1;
        QTest::addRow("adaptive wobbling 2-3, no cooldowns") << eager << 2 << QList<int>{2, 3, 2} << 1;
        QTest::addRow("adaptive steady 4") << managed(1, 6) << 1 << QList<int>{4} << 1;
        // 6 pending tasks on 2-thread workers: 3 workers wanted, then 1 per thread, inside the dead band.
        QTest::addRow("pending tasks steady 6, wobbling +-2") << pending << 1 << QList<int>{6, 8, 4, 6} << 2;
        // 1.4 GiB resident: two 1 GiB workers hold it at 70%, inside the 30-75% band.
        QTest::addRow("memory steady 1.4 GiB") << memory << 2 << QList<int>{1400, 1450, 1350} << 1;
    }

    void steadySignalsDoNotFlap()
    {
        QFETCH(ScalingPolicy, policy);
        QFETCH(int, workers);
        QFETCH(QList<int>, values);
        QFETCH(int, threads);
        ScalingDecider decider(policy);
        QList<ScalingDecision> all;
        replay(decider, workers, steady(values), threads, &all);
        auto isAction = [](const ScalingDecision &d) {
            return d.kind == ScalingDecision::Kind::ScaleOut || d.kind == ScalingDecision::Kind::ScaleIn;
        };
        const auto actions = std::count_if(all.cbegin(), all.cend(), isAction);
        const auto recorded = std::count_if(all.cbegin(), all.cend(), [](const ScalingDecision &d) { return d.record; });
        QVERIFY2(actions <= 6, qPrintable(QString::number(actions))); // the bar: 6 an hour at most
        // In fact it reaches the level within ten minutes (samples every 5 s) and then never moves again.
        const auto late = std::count_if(all.cbegin() + 120, all.cend(), isAction);
        QCOMPARE(late, 0);
        QVERIFY2(recorded <= 4, qPrintable(QString::number(recorded))); // no event flood from refusals either
    }

    void pendingTasksPerThreadHasADeadBand()
    {
        ScalingPolicy p = managed(1, 8, 0, 0, 8, 0);
        p.signal = ScalingSignal::PendingTasks;
        ScalingDecider decider(p);
        // 1 worker x 2 threads. 4 pending = 2 per thread: inside the band. 5 = 2.5: out to ceil(5/2) = 3.
        QCOMPARE(replay(decider, 1, u"0:4 1:5"_s, 2), (QStringList{u"1 out 1->3"_s}));
        // 3 workers x 2 threads: 3 pending = 0.5 per thread holds; 2 = 0.33 goes in to ceil(2/2) = 1.
        ScalingDecider second(p);
        QCOMPARE(replay(second, 3, u"0:3 1:2"_s, 2), (QStringList{u"1 in 3->1"_s}));
    }

    void memoryPressureTargetsSixtyPercent()
    {
        ScalingPolicy p = managed(1, 8, 0, 0, 8, 0);
        p.signal = ScalingSignal::MemoryPressure;
        ScalingDecider decider(p);
        // 2 GiB limit, 1.6 GiB used (78%): out to ceil(1600 / (1024 * 0.6)) = 3.
        QCOMPARE(replay(decider, 2, u"0:1500 1:1600"_s), (QStringList{u"1 out 2->3"_s}));
        QList<ScalingDecision> all;
        ScalingDecider second(p);
        replay(second, 4, u"0:500"_s, 1, &all); // 12% of 4 GiB: in to ceil(500 / 614) = 1
        QCOMPARE(all.first().kind, ScalingDecision::Kind::ScaleIn);
        QCOMPARE(all.first().to, 1);
    }

    void boundsOfAChangedPolicyIgnoreTheCooldown()
    {
        ScalingDecider decider(managed(1, 3));
        QCOMPARE(replay(decider, 1, u"0:3"_s), (QStringList{u"0 out 1->3"_s}));
        decider.setPolicy(managed(1, 2));
        QCOMPARE(replay(decider, 3, u"10:3"_s), (QStringList{u"10 in 3->2"_s})); // busy, in a cooldown: still
        decider.setPolicy(managed(4, 5));
        QCOMPARE(replay(decider, 2, u"20:0"_s), (QStringList{u"20 out 2->4"_s}));
    }

    void cooldownsSurviveARestart()
    {
        ScalingDecider decider(managed(1, 3, 60, 300));
        decider.restoreHistory(qint64(0), std::nullopt); // scaled out at t=0 before the restart
        QCOMPARE(replay(decider, 1, u"30:3 60:3"_s), (QStringList{u"30 refused 1->3"_s, u"60 out 1->3"_s}));
    }

    void decisionsCarryTheirMetrics()
    {
        ScalingDecider decider(managed(1, 3));
        QList<ScalingDecision> all;
        replay(decider, 1, u"0:5"_s, 1, &all);
        const ScalingDecision &d = all.first();
        QCOMPARE(d.metrics.value(u"signal"_s).toString(), u"adaptive"_s);
        QCOMPARE(d.metrics.value(u"adaptiveTarget"_s).toInt(), 5);
        QCOMPARE(d.metrics.value(u"desired"_s).toInt(), 5);
        QCOMPARE(d.metrics.value(u"workers"_s).toInt(), 1);
        QVERIFY2(d.reason.contains(u"asks for 5 workers"_s) && d.reason.contains(u"maximum is 3"_s), qPrintable(d.reason));
    }
};

QTEST_GUILESS_MAIN(TstScalingDecider)
#include "tst_scalingdecider.moc"
