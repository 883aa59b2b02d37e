// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Which executor a fault hits, from the executors' records alone.
#include "core/runtime/faulttarget.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

FaultCandidate executor(const QString &id, ExecutorStatus status, int executing, Market market = Market::OnDemand,
                        bool retiring = false, qint64 pid = 100)
{
    FaultCandidate c;
    c.executor.id = id;
    c.executor.status = status;
    c.executor.tasksExecuting = executing;
    c.executor.market = market;
    c.executor.pid = pid;
    c.retireRequested = retiring;
    return c;
}

} // namespace

class TestFaultTarget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unnamedPicksTheLiveOneWithMostWork()
    {
        const QList<FaultCandidate> all{executor(u"w1"_s, ExecutorStatus::Running, 1),
                                        executor(u"w2"_s, ExecutorStatus::Lost, 9),
                                        executor(u"w3"_s, ExecutorStatus::Running, 9, Market::OnDemand, true),
                                        executor(u"w4"_s, ExecutorStatus::Running, 4),
                                        executor(u"w5"_s, ExecutorStatus::Starting, 7, Market::OnDemand, false, 0)};
        const FaultTarget t = chooseFaultTarget(all, {}, FaultScope::AnyLive, u"c1"_s);
        QCOMPARE(t.executorId, u"w4"_s); // w2 is gone, w3 retiring, w5 has no process yet
        QVERIFY(t.refusal.isEmpty());
    }

    void namedMustExistAndBeLive()
    {
        const QList<FaultCandidate> all{executor(u"w1"_s, ExecutorStatus::Running, 0),
                                        executor(u"w2"_s, ExecutorStatus::Lost, 0)};
        FaultTarget t = chooseFaultTarget(all, u"w9"_s, FaultScope::AnyLive, u"c1"_s);
        QVERIFY(t.notFound);
        QVERIFY(t.executorId.isEmpty());
        QVERIFY(t.refusal.contains(u"no executor w9"_s));
        t = chooseFaultTarget(all, u"w2"_s, FaultScope::AnyLive, u"c1"_s);
        QVERIFY(!t.notFound);
        QVERIFY2(t.refusal.contains(u"is %1"_s.arg(toString(ExecutorStatus::Lost))), qPrintable(t.refusal));
        t = chooseFaultTarget(all, u"w1"_s, FaultScope::AnyLive, u"c1"_s);
        QCOMPARE(t.executorId, u"w1"_s);
    }

    void spotScopeHitsSpotWorkersOnly()
    {
        const QList<FaultCandidate> all{executor(u"w1"_s, ExecutorStatus::Running, 9, Market::OnDemand),
                                        executor(u"w2"_s, ExecutorStatus::Running, 1, Market::Spot)};
        QCOMPARE(chooseFaultTarget(all, {}, FaultScope::SpotOnly, u"c1"_s).executorId, u"w2"_s);
        const FaultTarget t = chooseFaultTarget(all, u"w1"_s, FaultScope::SpotOnly, u"c1"_s);
        QVERIFY(t.refusal.contains(u"on-demand"_s));
        const FaultTarget none = chooseFaultTarget({all[0]}, {}, FaultScope::SpotOnly, u"c1"_s);
        QVERIFY(none.refusal.contains(u"no live spot worker"_s));
    }

    void emptyClusterIsRefused()
    {
        const FaultTarget t = chooseFaultTarget({}, {}, FaultScope::AnyLive, u"c1"_s);
        QVERIFY(t.executorId.isEmpty());
        QVERIFY(t.refusal.contains(u"no live executor"_s));
    }
};

QTEST_GUILESS_MAIN(TestFaultTarget)
#include "tst_faulttarget.moc"
