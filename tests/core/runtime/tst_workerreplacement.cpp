// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// When lost workers are replaced, on a fixed clock: at once after an ordinary loss, with a doubling backoff
// for workers that die again at once or fail their bootstrap, and not at all past the cap until a reset.
#include "core/runtime/workerreplacement.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

WorkerReplacement::Settings settings()
{
    WorkerReplacement::Settings s;
    s.firstBackoffMs = 2000;
    s.maxBackoffMs = 10000;
    s.quickFailureMs = 30000;
    s.maxQuickFailures = 4;
    return s;
}

} // namespace

class TestWorkerReplacement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anOrdinaryLossIsReplacedAtOnceAndNamed()
    {
        WorkerReplacement r(settings());
        QCOMPARE(r.plan(0, 3, 3).start, 0);
        r.recordLoss(u"w2"_s, u"exited unexpectedly"_s, 100'000, 90'000, false, false);
        const auto p = r.plan(100'000, 3, 2);
        QCOMPARE(p.start, 1);
        QCOMPARE(p.replaces.size(), 1);
        QCOMPARE(p.replaces.first().executorId, u"w2"_s);
        QCOMPARE(p.replaces.first().reason, u"exited unexpectedly"_s);
        QVERIFY(!p.capped);
        // Started: the next round is at the count.
        const auto after = r.plan(100'500, 3, 3);
        QCOMPARE(after.start, 0);
        QVERIFY(after.summary.isEmpty());
    }

    void aKillFromOutsideIsNotTheWorkersFault()
    {
        WorkerReplacement r(settings());
        // Killed 1 s after it started, by a fault injection: replaced at once, no streak.
        r.recordLoss(u"w1"_s, u"fault injection"_s, 10'000, 1000, true, false);
        QCOMPARE(r.quickFailuresInARow(), 0);
        QCOMPARE(r.plan(10'000, 2, 1).start, 1);
    }

    void quickDeathsBackOffDoublingThenStopAtTheCap()
    {
        WorkerReplacement r(settings());
        qint64 t = 0;
        const qint64 expectedWait[] = {2000, 4000, 8000};
        for (int n = 0; n < 3; ++n) {
            r.recordLoss(u"w%1"_s.arg(n), u"exited"_s, t, 500, false, false); // died 0.5 s after its start
            QCOMPARE(r.quickFailuresInARow(), n + 1);
            auto p = r.plan(t, 2, 1);
            QCOMPARE(p.start, 0);
            QCOMPARE(p.waitMs, expectedWait[n]);
            QVERIFY2(p.summary.contains(u"1 of 2 workers: replacing in"_s), qPrintable(p.summary));
            p = r.plan(t + expectedWait[n] - 1, 2, 1);
            QCOMPARE(p.start, 0);
            p = r.plan(t + expectedWait[n], 2, 1);
            QCOMPARE(p.start, 1);
            t += expectedWait[n] + 500;
        }
        // A bootstrap failure is quick whatever the node's age; the fourth in a row reaches the cap.
        r.recordLoss(u"w9"_s, u"bootstrap failed"_s, t, 120'000, false, true);
        auto p = r.plan(t + 3'600'000, 2, 1);
        QVERIFY(p.capped);
        QCOMPARE(p.start, 0);
        QVERIFY2(p.summary.contains(u"not replacing after 4 workers in a row"_s), qPrintable(p.summary));
        // A new count from the user is a fresh start.
        r.reset();
        QCOMPARE(r.plan(t + 3'600'000, 2, 1).start, 1);
    }

    void backoffStopsGrowingAtItsMaximum()
    {
        auto s = settings();
        s.maxQuickFailures = 100;
        WorkerReplacement r(s);
        for (int n = 0; n < 8; ++n)
            r.recordLoss(u"w"_s, {}, 0, 0, false, false);
        QCOMPARE(r.plan(0, 1, 0).waitMs, 10000);
    }

    void aReplacementThatLivesEndsTheStreak()
    {
        WorkerReplacement r(settings());
        r.recordLoss(u"w1"_s, {}, 0, 100, false, false);
        r.recordLoss(u"w2"_s, {}, 3000, 100, false, false);
        QCOMPARE(r.quickFailuresInARow(), 2);
        r.recordRegistered(10'000);
        QCOMPARE(r.plan(20'000, 2, 2).start, 0);
        QCOMPARE(r.quickFailuresInARow(), 2); // not yet: it has lived 10 s
        r.plan(40'000, 2, 2);
        QCOMPARE(r.quickFailuresInARow(), 0);
        // The next loss of a long-lived worker is replaced at once.
        r.recordLoss(u"w3"_s, {}, 100'000, 60'000, false, false);
        QCOMPARE(r.plan(100'000, 2, 1).start, 1);
    }

    void aCountReachedOtherwiseForgetsTheLosses()
    {
        WorkerReplacement r(settings());
        r.recordLoss(u"w1"_s, {}, 0, 60'000, false, false);
        // A scale-in to the surviving count: nothing to replace, and the loss is not paired later.
        QCOMPARE(r.plan(0, 1, 1).start, 0);
        const auto p = r.plan(1000, 2, 1); // scaled out again: a new worker, not a replacement
        QCOMPARE(p.start, 1);
        QVERIFY(p.replaces.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkerReplacement)
#include "tst_workerreplacement.moc"
