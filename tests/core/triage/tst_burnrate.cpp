// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Multiwindow multi-burn-rate alerts on synthetic SLI histories whose answers are worked out by hand:
// one event a minute for three days, a 99% target (a 1% budget).
#include "core/triage/burnrate.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace cdeck::triage;

namespace {

constexpr qint64 kNow = 1'780'000'000'000;
constexpr qint64 kMinute = 60'000;

// Event k is k minutes before now (k = 0 .. 4319); bad(k) says whether it failed.
QList<SliEvent> history(const QString &slo, const std::function<bool(int)> &bad)
{
    QList<SliEvent> events;
    for (int k = 0; k < 3 * 24 * 60; ++k)
        events.append({kNow - k * kMinute, !bad(k), slo});
    return events;
}

} // namespace

class TstBurnRate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burnRateIsTheErrorRatioOverTheBudget()
    {
        const QList<SliEvent> events = history(u"etl"_s, [](int k) { return k < 20; });
        // 5 min: events k = 0..4 (the window is (now - 5 min, now]), all bad: 100% / 1% = 100x.
        QCOMPARE(*burnRate(events, 0.99, kNow, 5 * kMinute), 100.0);
        // 1 h: 20 bad of 60: 33.3x.
        QVERIFY(qAbs(*burnRate(events, 0.99, kNow, 60 * kMinute) - 100.0 / 3) < 1e-9);
        QVERIFY(!burnRate({}, 0.99, kNow, kMinute));
    }

    void anOutageNowPagesOnTheOneHourRule()
    {
        const QList<BurnAlert> alerts = evaluateBurnRates(history(u"etl"_s, [](int k) { return k < 20; }), 0.99, kNow);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].rule, u"page-1h"_s);
        QVERIFY(alerts[0].page);
        QVERIFY(qAbs(alerts[0].longBurn - 100.0 / 3) < 1e-9);
        QCOMPARE(alerts[0].shortBurn, 100.0);
        // 20 bad of 4320 over the (three days of the) period: 0.46% of 1%: 53.7% of the budget left.
        QVERIFY(qAbs(alerts[0].budgetRemaining - (1.0 - (20.0 / 4320) / 0.01)) < 1e-9);
    }

    void anOutageThatEndedHalfAnHourAgoNoLongerAlerts()
    {
        // The same 20 bad minutes, 30 to 49 minutes ago: the short windows are clean again.
        // page-1h: 5 min burn 0. page-6h: 20/360 = 5.6x < 6. ticket-1d: 20/1440 = 1.4x < 3.
        // ticket-3d: 20/4320 = 0.46x < 1. Nothing fires.
        const QList<BurnAlert> alerts =
            evaluateBurnRates(history(u"etl"_s, [](int k) { return k >= 30 && k < 50; }), 0.99, kNow);
        QVERIFY2(alerts.isEmpty(), qPrintable(alerts.isEmpty() ? QString() : alerts[0].summary));
    }

    void aSlowBurnOpensATicketNotAPage()
    {
        // Every 50th run fails: 2% errors, a 2x burn everywhere: only the 3-day ticket rule (1x) fires.
        const QList<BurnAlert> alerts = evaluateBurnRates(history(u"etl"_s, [](int k) { return k % 50 == 0; }), 0.99, kNow);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].rule, u"ticket-3d"_s);
        QVERIFY(!alerts[0].page);
        QVERIFY(alerts[0].longBurn > 1.9 && alerts[0].longBurn < 2.1);
    }

    void aHealthyServiceWithinBudgetRaisesNothing()
    {
        // 0.5% errors: half the budget, burn 0.5.
        QVERIFY(evaluateBurnRates(history(u"etl"_s, [](int k) { return k % 200 == 7; }), 0.99, kNow).isEmpty());
    }

    void oneBrokenPipelineIsOneAlert()
    {
        // Fifty failing runs of one pipeline in the last hour and a healthy neighbour: one alert, for the
        // broken one, however many events broke.
        QList<SliEvent> events = history(u"nightly"_s, [](int k) { return k < 50; });
        events += history(u"hourly"_s, [](int) { return false; });
        const QList<BurnAlert> alerts = evaluateBurnRates(events, 0.99, kNow);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].slo, u"nightly"_s);
        QVERIFY(alerts[0].page);
    }
};

QTEST_GUILESS_MAIN(TstBurnRate)
#include "tst_burnrate.moc"
