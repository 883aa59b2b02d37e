// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The cluster controller's parts that need no engine: the FaultInjector (which executor a fault hits, the
// signals it sends to real process groups on this host, the spot reclaim's events) and BootstrapPlans (the
// plan a node's wrapper runs, the failure its result file reports).
#include "core/runtime/bootstrapplans.h"
#include "core/runtime/engine/localhost.h"
#include "core/runtime/faultinjector.h"
#include "core/runtime/processes.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

// The state letter of /proc/<pid>/stat: 'T' while stopped.
char stateOf(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray line = f.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || close + 2 >= line.size() ? '?' : line.at(close + 2);
}

bool waitFor(const std::function<bool()> &condition, int ms = 10000)
{
    const QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        if (condition())
            return true;
        QTest::qWait(50);
    }
    return condition();
}

StoredExecutor executor(const QString &id, qint64 pid, Market market = Market::OnDemand, int executing = 0)
{
    StoredExecutor e;
    e.executor.id = id;
    e.executor.pid = pid;
    e.executor.status = ExecutorStatus::Running;
    e.executor.market = market;
    e.executor.tasksExecuting = executing;
    return e;
}

} // namespace

class TestControllerParts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<qint64> m_started;

    qint64 startSleeper(engine::Host &host)
    {
        QString error;
        const engine::ProcessHandle h = host.startDetached(
            {u"/bin/sleep"_s, {u"300"_s}, {u"PATH=/usr/bin:/bin"_s}, m_dir.path(), m_dir.path() + u"/sleep.log"_s, {}},
            &error);
        if (h.isValid())
            m_started.append(h.id);
        return h.id;
    }

private Q_SLOTS:
    void cleanup()
    {
        for (qint64 pgid : std::as_const(m_started))
            ::kill(-pid_t(pgid), SIGKILL);
        m_started.clear();
    }

    void faultsAreRefusedOnAClusterThatIsNotActiveOrForAnUnknownExecutor()
    {
        engine::LocalHost host({});
        FaultInjector faults(u"c1"_s, Market::OnDemand, {}, host);
        QList<StoredExecutor> executors{executor(u"w1"_s, 999999)};
        QString id;
        bool notFound = false;
        QVERIFY(faults.kill(executors, ClusterState::Starting, &id, u"test"_s, &notFound).contains(u"STARTING"_s));
        id = u"w9"_s;
        QCOMPARE(faults.kill(executors, ClusterState::Waiting, &id, u"test"_s, &notFound),
                 u"no executor w9 on cluster c1"_s);
        QVERIFY(notFound);
        id.clear();
        QVERIFY(faults.stall(executors, ClusterState::Waiting, &id, 0, nullptr).startsWith(u"seconds:"_s));
        // A reclaim needs spot capacity.
        QVERIFY(faults.chooseReclaim(executors, ClusterState::Waiting, &id, nullptr).contains(u"on-demand"_s));
    }

    void aStallStopsTheBusiestExecutorsGroupAndResumesIt()
    {
        engine::LocalHost host({});
        const qint64 idle = startSleeper(host);
        const qint64 busy = startSleeper(host);
        QVERIFY(idle > 0 && busy > 0);
        FaultInjector faults(u"c1"_s, Market::OnDemand, {}, host);
        const QList<StoredExecutor> executors{executor(u"w1"_s, idle), executor(u"w2"_s, busy, Market::OnDemand, 3)};
        QString id;
        QCOMPARE(faults.stall(executors, ClusterState::Running, &id, 1, nullptr), QString());
        QCOMPARE(id, u"w2"_s); // the one with work in flight
        QVERIFY(waitFor([&] { return stateOf(busy) == 'T'; }));
        QCOMPARE(stateOf(idle), 'S');
        QVERIFY(faults.stall(executors, ClusterState::Running, &id, 1, nullptr).contains(u"already stalled"_s));
        QVERIFY(waitFor([&] { return stateOf(busy) == 'S'; })); // SIGCONT after 1 s
        // resumeStalled ends a longer stall at once.
        QCOMPARE(faults.stall(executors, ClusterState::Running, &id, 600, nullptr), QString());
        QVERIFY(waitFor([&] { return stateOf(busy) == 'T'; }));
        faults.resumeStalled();
        QVERIFY(waitFor([&] { return stateOf(busy) == 'S'; }));
    }

    void aKillEndsTheWholeGroup()
    {
        engine::LocalHost host({});
        const qint64 pgid = startSleeper(host);
        QVERIFY(pgid > 0);
        FaultInjector faults(u"c1"_s, Market::OnDemand, {}, host);
        QString id = u"w1"_s;
        QCOMPARE(faults.kill({executor(u"w1"_s, pgid)}, ClusterState::Waiting, &id, u"game day"_s, nullptr), QString());
        QVERIFY(waitFor([&] { return !processes::isGroupAlive(pgid); }));
    }

    void aSpotReclaimReportsItsEventsAndFallsBackAtTheThreshold()
    {
        engine::LocalHost host({});
        SpotSettings spot;
        spot.fallbackAfter = 2;
        spot.fallbackWindowSeconds = 600;
        FaultInjector faults(u"c1"_s, Market::Spot, spot, host);
        const QList<StoredExecutor> executors{executor(u"w1"_s, 999999, Market::OnDemand, 5),
                                              executor(u"w2"_s, 999998, Market::Spot)};
        QString id;
        QCOMPARE(faults.chooseReclaim(executors, ClusterState::Running, &id, nullptr), QString());
        QCOMPARE(id, u"w2"_s); // only spot workers are reclaimed, busy or not
        QList<ClusterEvent> events = faults.recordReclaim(1000, u"chaos API"_s, id, 2);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].type, QString::fromLatin1(ClusterEvent::kSpotInterruption));
        QCOMPARE(events[0].from.toInt(), 2);
        QCOMPARE(events[0].to.toInt(), 1);
        QVERIFY(faults.spot().marketForNewWorker() == Market::Spot);
        events = faults.recordReclaim(2000, u"chaos API"_s, id, 2);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[1].type, QString::fromLatin1(ClusterEvent::kMarketFallback));
        QVERIFY(faults.spot().fellBack());
        QVERIFY(faults.spot().marketForNewWorker() == Market::OnDemand);
    }

    void bootstrapPlansWrapOnlyTheNodesTheirActionsRunOn()
    {
        engine::LocalHost host({});
        BootstrapAction onWorkers;
        onWorkers.name = u"setup"_s;
        onWorkers.script = u"/bin/true"_s;
        onWorkers.on = BootstrapAction::Target::Workers;
        const QString dir = m_dir.path() + u"/cluster"_s;
        BootstrapPlans plans({onWorkers}, dir, u"/res"_s, u"/usr/bin/python3"_s, host);

        engine::ProcessSpec head{u"/opt/head"_s, {u"--port"_s, u"0"_s}, {}, dir, {}, {}};
        plans.wrap(u"scheduler"_s, true, &head);
        QCOMPARE(head.program, u"/opt/head"_s); // no action runs on the head
        engine::ProcessSpec worker{u"/opt/worker"_s, {u"--nthreads"_s, u"2"_s}, {}, dir, {}, {}};
        plans.wrap(u"w1"_s, false, &worker);
        QCOMPARE(worker.program, u"/usr/bin/python3"_s);
        const QString plan = dir + u"/bootstrap/w1.plan.json"_s;
        QCOMPARE(
            worker.arguments,
            (QStringList{u"/res/engine/bootstrap.py"_s, plan, u"--"_s, u"/opt/worker"_s, u"--nthreads"_s, u"2"_s}));
        QFile f(plan);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o.value(u"node"_s).toString(), u"w1"_s);
        QCOMPARE(o.value(u"actions"_s).toArray().size(), 1);

        QVERIFY(!plans.failure(u"w1"_s)); // no result yet
        QVERIFY(host.writeFile(dir + u"/bootstrap/w1.result.json"_s,
                               R"({"ok": false, "action": "setup", "reason": "exit code 3"})"));
        QCOMPARE(*plans.failure(u"w1"_s),
                 u"Bootstrap action 'setup' failed on w1: exit code 3 (its output is in logs/w1.log)"_s);
        QCOMPARE(plans.failedCount(), 0);
        plans.markFailed(u"w1"_s);
        QCOMPARE(plans.failedCount(), 1);
        QCOMPARE(plans.anyFailed(), u"w1"_s);
    }
};

QTEST_GUILESS_MAIN(TestControllerParts)
#include "tst_controllerparts.moc"
