// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A spot cluster's market on a fixed clock: the fallback threshold within its window, the trailing-hour
// rate, a restart's restore, and the random reclaims' probability.
#include "core/runtime/spotmarket.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

SpotSettings settings(int fallbackAfter, int windowSeconds, double perHour = 0)
{
    SpotSettings s;
    s.fallbackAfter = fallbackAfter;
    s.fallbackWindowSeconds = windowSeconds;
    s.interruptionsPerHour = perHour;
    return s;
}

constexpr qint64 kT0 = 1'800'000'000'000; // ms since the epoch: any fixed instant

} // namespace

class TestSpotMarket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fallsBackAtTheThresholdWithinTheWindowOnce()
    {
        SpotMarket m(Market::Spot, settings(3, 600));
        QCOMPARE(toString(m.marketForNewWorker()), toString(Market::Spot));
        auto p = m.reclaim(kT0, u"test"_s);
        QCOMPARE(p.interruptionsInWindow, 1);
        QVERIFY(!p.fallBackNow);
        QCOMPARE(toString(p.replacementMarket), toString(Market::Spot));
        // The second is outside the first's 600 s window: the count starts again.
        p = m.reclaim(kT0 + 601'000, u"test"_s);
        QCOMPARE(p.interruptionsInWindow, 1);
        p = m.reclaim(kT0 + 700'000, u"test"_s);
        QCOMPARE(p.interruptionsInWindow, 2);
        QVERIFY(!p.fallBackNow);
        p = m.reclaim(kT0 + 800'000, u"test"_s);
        QCOMPARE(p.interruptionsInWindow, 3);
        QVERIFY(p.fallBackNow);
        QCOMPARE(toString(p.replacementMarket), toString(Market::OnDemand));
        QCOMPARE(p.numbers.value(u"fallbackAfter"_s).toInt(), 3);
        QCOMPARE(p.numbers.value(u"cause"_s).toString(), u"test"_s);
        QVERIFY(m.fellBack());
        QCOMPARE(toString(m.marketForNewWorker()), toString(Market::OnDemand));
        // Once fallen back, later reclaims do not announce it again.
        QVERIFY(!m.reclaim(kT0 + 810'000, u"test"_s).fallBackNow);
    }

    void rateCountsTheTrailingHourOnly()
    {
        SpotMarket m(Market::Spot, settings(100, 3600));
        QCOMPARE(m.interruptionsLastHour(kT0).value_or(-1), 0.0);
        m.reclaim(kT0, u"a"_s);
        m.reclaim(kT0 + 1000, u"b"_s);
        QCOMPARE(m.interruptionsLastHour(kT0 + 1000).value_or(-1), 2.0);
        QCOMPARE(m.interruptionsLastHour(kT0 + SpotMarket::kHourMs).value_or(-1), 1.0);
        QCOMPARE(m.interruptionsLastHour(kT0 + SpotMarket::kHourMs + 1000).value_or(-1), 0.0);
    }

    void onDemandClusterHasNoRate()
    {
        SpotMarket m(Market::OnDemand, settings(3, 600));
        QVERIFY(!m.interruptionsLastHour(kT0).has_value());
        QCOMPARE(toString(m.marketForNewWorker()), toString(Market::OnDemand));
        QVERIFY(m.drawReclaims(3'600'000, {u"w1"_s}, [] { return 0.0; }).isEmpty());
    }

    void restoreKeepsTheFallbackAndTheCount()
    {
        SpotMarket m(Market::Spot, settings(2, 600));
        m.restore({kT0}, false);
        QCOMPARE(m.interruptionsLastHour(kT0 + 1000).value_or(-1), 1.0);
        QVERIFY(m.reclaim(kT0 + 2000, u"x"_s).fallBackNow); // the restored one counts in the window
        SpotMarket fallen(Market::Spot, settings(2, 600));
        fallen.restore({}, true);
        QCOMPARE(toString(fallen.marketForNewWorker()), toString(Market::OnDemand));
    }

    void randomReclaimsFollowTheRate()
    {
        // 60 per hour over one minute: p = 1 - e^-1 = 0.632 per worker.
        SpotMarket m(Market::Spot, settings(3, 600, 60));
        const QStringList workers{u"w1"_s, u"w2"_s};
        QCOMPARE(m.drawReclaims(60'000, workers, [] { return 0.63; }), workers);
        QVERIFY(m.drawReclaims(60'000, workers, [] { return 0.64; }).isEmpty());
        QVERIFY(m.drawReclaims(0, workers, [] { return 0.0; }).isEmpty()); // no time, no chance
        SpotMarket off(Market::Spot, settings(3, 600, 0));
        QVERIFY(off.drawReclaims(60'000, workers, [] { return 0.0; }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSpotMarket)
#include "tst_spotmarket.moc"
