// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/cost/costreport.h"
#include "core/cost/pricecatalog.h"
#include "moneyprinter.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::cost;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QLatin1StringView(iso), Qt::ISODateWithMs).toUTC();
}

InstanceLifetime lifetime(const char *id, Role role, const char *start, const char *end, const char *cluster = "c1",
                          QMap<QString, QString> tags = {})
{
    InstanceLifetime lt;
    lt.instanceId = QLatin1StringView(id);
    lt.role = role;
    lt.instanceType = u"m5.xlarge"_s; // $0.24/h on demand
    lt.start = at(start);
    lt.end = end ? at(end) : QDateTime();
    lt.clusterId = QLatin1StringView(cluster);
    lt.tags = tags;
    return lt;
}

Money micros(qint64 m)
{
    return Money::fromMicroDollars(m);
}

Money sumOf(const QList<GroupCost> &groups)
{
    Money s;
    for (const GroupCost &g : groups)
        s += g.cost;
    return s;
}

} // namespace

class TstCostReport : public QObject
{
    Q_OBJECT
private:
    PriceCatalog m_catalog;
    PriceCatalog m_dollarCatalog; // one type at exactly $1/h, for budgets

    Ledger build(const QList<InstanceLifetime> &lifetimes, const PriceCatalog &catalog,
                 const QDateTime &now = at("2026-11-30T00:00:00Z"))
    {
        QStringList errors;
        auto l = buildLedger(lifetimes, catalog, now, &errors);
        if (!l)
            qWarning("%s", qPrintable(errors.join(u'\n')));
        return l.value_or(Ledger{});
    }
    Ledger build(const QList<InstanceLifetime> &lifetimes) { return build(lifetimes, m_catalog); }

private Q_SLOTS:
    void initTestCase()
    {
        QStringList errors;
        auto c = PriceCatalog::load(PriceCatalog::defaultPath(test::resourcesDir()), &errors);
        QVERIFY2(c, qPrintable(errors.join(u'\n')));
        m_catalog = *c;
        auto d = PriceCatalog::fromJson(
            "{\"currency\":\"USD\",\"asOf\":\"2026-01-01\",\"instanceTypes\":[{\"type\":\"m5.xlarge\",\"region\":\"test\","
            "\"vcpu\":1,\"memoryGiB\":1,\"onDemandPerHour\":1,\"emrPerHour\":0,\"spotDiscount\":0}]}",
            &errors);
        QVERIFY2(d, qPrintable(errors.join(u'\n')));
        m_dollarCatalog = *d;
    }

    void midnightSplits_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<QStringList>("days");
        QTest::addColumn<QList<qint64>>("costMicros");
        QTest::addRow("within a day") << u"2026-11-24T10:00:00Z"_s << u"2026-11-24T11:00:00Z"_s
                                      << QStringList{u"2026-11-24"_s} << QList<qint64>{240000};
        // 30 min before midnight at $0.24/h = 0.12, an hour after = 0.24
        QTest::addRow("across midnight") << u"2026-11-24T23:30:00Z"_s << u"2026-11-25T01:00:00Z"_s
                                         << QStringList{u"2026-11-24"_s, u"2026-11-25"_s} << QList<qint64>{120000, 240000};
        QTest::addRow("two midnights") << u"2026-11-24T18:00:00Z"_s << u"2026-11-26T03:00:00Z"_s
                                       << QStringList{u"2026-11-24"_s, u"2026-11-25"_s, u"2026-11-26"_s}
                                       << QList<qint64>{1440000, 5760000, 720000};
        // 30 s billed as 60: 20 s before midnight, the other 40 (10 run + the minimum's top-up) after.
        QTest::addRow("short, across midnight") << u"2026-11-24T23:59:40Z"_s << u"2026-11-25T00:00:10Z"_s
                                                << QStringList{u"2026-11-24"_s, u"2026-11-25"_s}
                                                << QList<qint64>{240000 * 20 / 3600, 240000 * 40 / 3600};
        QTest::addRow("ends at midnight") << u"2026-11-24T23:00:00Z"_s << u"2026-11-25T00:00:00Z"_s
                                          << QStringList{u"2026-11-24"_s} << QList<qint64>{240000};
        QTest::addRow("non-UTC input") << u"2026-11-25T00:30:00+01:00"_s << u"2026-11-25T01:30:00+01:00"_s
                                       << QStringList{u"2026-11-24"_s, u"2026-11-25"_s} << QList<qint64>{120000, 120000};
    }
    void midnightSplits()
    {
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(QStringList, days);
        QFETCH(QList<qint64>, costMicros);
        InstanceLifetime lt = lifetime("i-1", Role::Worker, "2026-11-24T00:00:00Z", nullptr);
        lt.start = QDateTime::fromString(start, Qt::ISODate);
        lt.end = QDateTime::fromString(end, Qt::ISODate);
        const Ledger l = build({lt});
        const QList<GroupCost> groups = costByDay(l);
        QCOMPARE(groups.size(), days.size());
        for (int i = 0; i < days.size(); ++i) {
            QCOMPARE(groups.at(i).key, days.at(i));
            if (!(costMicros.at(i) * 3600 % 240000)) // whole micro-dollars
                QCOMPARE(groups.at(i).cost, micros(costMicros.at(i)));
        }
        QCOMPARE(sumOf(groups), l.total);
    }

    void shortLineSplitsExactly()
    {
        const Ledger l = build({lifetime("i-1", Role::Worker, "2026-11-24T23:59:40Z", "2026-11-25T00:00:10Z")});
        const QMap<QDate, Money> days = dailyCosts(l);
        QVERIFY(days.value(QDate(2026, 11, 24)) == Money::forRate(240000, 20'000));
        QVERIFY(days.value(QDate(2026, 11, 25)) == Money::forRate(240000, 40'000));
    }

    void dailySumsMatchTotalOnABusyMonth()
    {
        QList<InstanceLifetime> history;
        QRandomGenerator rng(31);
        for (int i = 0; i < 300; ++i) {
            InstanceLifetime lt = lifetime("x", Role::Worker, "2026-11-01T00:00:00Z", nullptr);
            lt.instanceId = u"i-%1"_s.arg(i);
            lt.start = lt.start.addMSecs(qint64(rng.bounded(25 * 24 * 3600)) * 1000 + rng.bounded(1000));
            lt.end = lt.start.addMSecs(rng.bounded(3 * 24 * 3600 * 1000));
            history.append(lt);
        }
        const Ledger l = build(history);
        QCOMPARE(sumOf(costByDay(l)), l.total);
    }

    void byTag()
    {
        const QMap<QString, QString> data{{u"team"_s, u"data"_s}, {u"env"_s, u"prod"_s}};
        const QMap<QString, QString> ml{{u"team"_s, u"ml"_s}};
        const Ledger l = build({lifetime("a", Role::Master, "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z", "c1", data),
                                lifetime("b", Role::Worker, "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z", "c1", data),
                                lifetime("c", Role::Worker, "2026-11-24T10:00:00Z", "2026-11-24T10:30:00Z", "c2", ml),
                                lifetime("d", Role::Worker, "2026-11-24T10:00:00Z", "2026-11-24T10:15:00Z", "c3")});
        const QList<GroupCost> byTeam = costByTag(l, u"team"_s);
        const QList<GroupCost> expected{{QString(), micros(60000)}, {u"data"_s, micros(720000)}, {u"ml"_s, micros(120000)}};
        QCOMPARE(byTeam, expected);
        QCOMPARE(sumOf(byTeam), l.total);
        const QList<GroupCost> pairs = costByTag(l);
        const QList<GroupCost> expectedPairs{{QString(), micros(60000)},
                                             {u"env=prod"_s, micros(720000)},
                                             {u"team=data"_s, micros(720000)},
                                             {u"team=ml"_s, micros(120000)}};
        QCOMPARE(pairs, expectedPairs);
        QCOMPARE(costByCluster(l).size(), 3);
    }

    // Workers w1 10:00-12:00 and w2 10:00-11:00 (each $0.24/h), master all along (not an executor).
    // j1 runs 10:00-10:30, j2 10:15-11:30. By hand:
    //   10:00-10:15  $0.48/h, j1 alone      0.12 -> j1
    //   10:15-10:30  $0.48/h, j1 and j2     0.12 -> 0.06 each
    //   10:30-11:00  $0.48/h, j2 alone      0.24 -> j2
    //   11:00-11:30  $0.24/h, j2 alone      0.12 -> j2
    // j1 = 0.18, j2 = 0.42, busy = 0.60 of the workers' 0.72.
    void jobShares()
    {
        const Ledger l = build({lifetime("m", Role::Master, "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z"),
                                lifetime("w1", Role::Worker, "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z"),
                                lifetime("w2", Role::Worker, "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z")});
        const QList<JobInterval> jobs{{u"j2"_s, u"c1"_s, at("2026-11-24T10:15:00Z"), at("2026-11-24T11:30:00Z")},
                                      {u"j1"_s, u"c1"_s, at("2026-11-24T10:00:00Z"), at("2026-11-24T10:30:00Z")},
                                      {u"other"_s, u"c9"_s, at("2026-11-24T10:00:00Z"), at("2026-11-24T11:00:00Z")}};
        const JobCosts jc = costByJob(l, jobs);
        const QList<GroupCost> expected{{u"j1"_s, micros(180000)}, {u"j2"_s, micros(420000)}, {u"other"_s, Money()}};
        QCOMPARE(jc.jobs, expected);
        QCOMPARE(jc.busyExecutorCost, micros(600000));
        QCOMPARE(jc.executorCost, micros(720000));
        QCOMPARE(sumOf(jc.jobs), jc.busyExecutorCost);
    }

    void jobSharesAddUpExactly()
    {
        // Odd spans and three-way overlaps: shares that are not whole units still sum to the busy cost.
        QList<InstanceLifetime> workers;
        QList<JobInterval> jobs;
        QRandomGenerator rng(17);
        const QDateTime base = at("2026-11-24T00:00:00Z");
        for (int i = 0; i < 12; ++i) {
            InstanceLifetime w = lifetime("w", Role::Worker, "2026-11-24T00:00:00Z", nullptr);
            w.instanceId = u"w%1"_s.arg(i);
            w.instanceType = i % 2 ? u"r5.xlarge"_s : u"c5.xlarge"_s;
            w.market = i % 3 ? Market::OnDemand : Market::Spot;
            w.start = base.addMSecs(rng.bounded(3600 * 1000));
            w.end = w.start.addMSecs(1 + rng.bounded(4 * 3600 * 1000));
            workers.append(w);
        }
        for (int i = 0; i < 40; ++i) {
            const QDateTime s = base.addMSecs(rng.bounded(5 * 3600 * 1000));
            jobs.append({u"job-%1"_s.arg(i, 2, 10, QChar(u'0')), u"c1"_s, s, s.addMSecs(1 + rng.bounded(3600 * 1000))});
        }
        const Ledger l = build(workers);
        const JobCosts jc = costByJob(l, jobs);
        QCOMPARE(jc.jobs.size(), 40);
        QCOMPARE(sumOf(jc.jobs), jc.busyExecutorCost);
        QVERIFY(jc.busyExecutorCost <= jc.executorCost);
        QVERIFY(jc.busyExecutorCost > Money());
        // The workers' whole run cost, with no billed minimum: rate x lifetime for each.
        Money run;
        for (const CostLine &line : l.lines)
            run += Money::forRate(line.rateMicrosPerHour, line.lifetimeMs);
        QCOMPARE(jc.executorCost, run);
        // Deterministic: the same input gives the same shares.
        QCOMPARE(costByJob(l, jobs).jobs, jc.jobs);
    }

    void runningJobCountsUpToNow()
    {
        const Ledger l = build({lifetime("w1", Role::Worker, "2026-11-24T10:00:00Z", nullptr)}, m_catalog,
                               at("2026-11-24T11:00:00Z"));
        const JobCosts jc = costByJob(l, {{u"j"_s, u"c1"_s, at("2026-11-24T10:30:00Z"), QDateTime()}});
        QCOMPARE(jc.jobs.first().cost, micros(120000));
    }

    void idle()
    {
        const Ledger l = build({lifetime("m", Role::Master, "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z"),
                                lifetime("w1", Role::Worker, "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z"),
                                lifetime("w2", Role::Worker, "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z"),
                                lifetime("x", Role::Master, "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z", "c2")});
        // WAITING 11:00-11:30 and 11:15-11:45 overlap: 45 min of master + w1 = 2 x 0.24 x 0.75 = 0.36.
        const QList<StateInterval> waiting{{u"c1"_s, at("2026-11-24T11:00:00Z"), at("2026-11-24T11:30:00Z")},
                                           {u"c1"_s, at("2026-11-24T11:15:00Z"), at("2026-11-24T11:45:00Z")}};
        QCOMPARE(idleCost(l, waiting), micros(360000));
        // 10:30-11:30: master 0.24, w1 0.24, w2 0.12 (until 11:00) = 0.60
        QCOMPARE(idleCost(l, {{u"c1"_s, at("2026-11-24T10:30:00Z"), at("2026-11-24T11:30:00Z")}}), micros(600000));
        QCOMPARE(idleCost(l, {}), Money());
    }

    void perTerabyte()
    {
        QCOMPARE(costPerTerabyte(micros(10'000'000), 2'500'000'000'000).value(), micros(4'000'000));
        QCOMPARE(costPerTerabyte(micros(3'000'000), 500'000'000'000).value(), micros(6'000'000));
        QVERIFY(!costPerTerabyte(micros(10'000'000), 0));
        QVERIFY(!costPerTerabyte(micros(10'000'000), -5));
    }

    void budgetThresholds_data()
    {
        QTest::addColumn<qint64>("seconds"); // at $1/h: spent = seconds / 3600 dollars
        QTest::addColumn<int>("level");
        QTest::addRow("79.99 pct") << qint64(79.99 * 36) << int(BudgetLevel::Ok); // $79.99 of $100
        QTest::addRow("80 pct") << qint64(80 * 36) << int(BudgetLevel::Warning);
        QTest::addRow("99.99 pct") << qint64(99.99 * 36) << int(BudgetLevel::Warning);
        QTest::addRow("100 pct") << qint64(100 * 36) << int(BudgetLevel::Exceeded);
        QTest::addRow("150 pct") << qint64(150 * 36) << int(BudgetLevel::Exceeded);
    }
    void budgetThresholds()
    {
        QFETCH(qint64, seconds);
        QFETCH(int, level);
        // 100 instances of `seconds` each: $100 budget, spent = seconds x 100 / 3600.
        QList<InstanceLifetime> history;
        const QMap<QString, QString> data{{u"team"_s, u"data"_s}};
        for (int i = 0; i < 100; ++i) {
            InstanceLifetime lt = lifetime("w", Role::Worker, "2026-11-24T00:00:00Z", nullptr, "c1", data);
            lt.instanceId = u"w%1"_s.arg(i);
            lt.end = lt.start.addSecs(seconds);
            history.append(lt);
        }
        history.append(lifetime("other", Role::Worker, "2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z", "c2",
                                {{u"team"_s, u"ml"_s}}));
        const Ledger l = build(history, m_dollarCatalog);
        QString error;
        const auto budget = Budget::fromJson(QJsonObject{{u"tag"_s, u"team=data"_s}, {u"limit"_s, 100}}, &error);
        QVERIFY2(budget, qPrintable(error));
        const QList<BudgetStatus> status = evaluateBudgets(l, {*budget});
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.first().spent, Money::forRate(1'000'000, seconds * 1000 * 100));
        QCOMPARE(int(status.first().level), level);
        QVERIFY(qAbs(status.first().fraction - double(seconds) / 3600) < 1e-9);
    }

    void badBudget_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        QTest::addRow("no tag") << QJsonObject{{u"limit"_s, 5}} << u"tag:"_s;
        QTest::addRow("tag without value") << QJsonObject{{u"tag"_s, u"team"_s}, {u"limit"_s, 5}} << u"tag:"_s;
        QTest::addRow("zero limit") << QJsonObject{{u"tag"_s, u"team=a"_s}, {u"limit"_s, 0}} << u"limit:"_s;
        QTest::addRow("text limit") << QJsonObject{{u"tag"_s, u"team=a"_s}, {u"limit"_s, u"100"_s}} << u"limit:"_s;
    }
    void badBudget()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        QString error;
        QVERIFY(!Budget::fromJson(json, &error));
        QVERIFY2(error.startsWith(field), qPrintable(error));
    }

    // A finished instance of `hours` at $1/h from 00:00 UTC of `day`, and one still running since `since`.
    static InstanceLifetime finishedOn(const QDate &day, int hours, const QString &id)
    {
        InstanceLifetime lt = lifetime("x", Role::Worker, "2026-11-01T00:00:00Z", "2026-11-01T01:00:00Z", "batch");
        lt.instanceId = id;
        lt.start = day.startOfDay(Qt::UTC);
        lt.end = lt.start.addSecs(hours * 3600);
        return lt;
    }
    static InstanceLifetime runningSince(const char *since)
    {
        return lifetime("live", Role::Worker, since, nullptr, "live");
    }

    void forecastTrendOfFinishedDays_data()
    {
        QTest::addColumn<QList<int>>("dailyDollars"); // from the 1st of November, ended that day
        QTest::addColumn<QDate>("today"); // now is its 00:00 UTC: the whole day is ahead
        QTest::addColumn<qint64>("monthEndDollars");
        QTest::addColumn<qint64>("trendDollars");
        QTest::addColumn<int>("basisDays");
        // 10, 20, 30: the line 10 + 10x gives 40 on the 4th ... 300 on the 30th: 60 + 4590.
        QTest::addRow("rising") << QList<int>{10, 20, 30} << QDate(2026, 11, 4) << qint64(4650) << qint64(10) << 3;
        // $5 a day from the 6th: 14 days of history, 70 spent through the 19th, 11 more days at 5.
        QList<int> flat(19, 5);
        for (int i = 0; i < 5; ++i)
            flat[i] = 0;
        QTest::addRow("flat") << flat << QDate(2026, 11, 20) << qint64(125) << qint64(0) << 14;
        // 30, 20, 10: the line reaches 0 on the 4th and never goes below it.
        QTest::addRow("falling") << QList<int>{30, 20, 10} << QDate(2026, 11, 4) << qint64(60) << qint64(-10) << 3;
        QTest::addRow("one day") << QList<int>{7} << QDate(2026, 11, 2) << qint64(7 * 30) << qint64(0) << 1;
        QTest::addRow("nothing yet") << QList<int>{} << QDate(2026, 11, 2) << qint64(0) << qint64(0) << 0;
    }
    void forecastTrendOfFinishedDays()
    {
        QFETCH(QList<int>, dailyDollars);
        QFETCH(QDate, today);
        QFETCH(qint64, monthEndDollars);
        QFETCH(qint64, trendDollars);
        QFETCH(int, basisDays);
        QList<InstanceLifetime> history;
        for (int i = 0; i < dailyDollars.size(); ++i)
            for (int left = dailyDollars.at(i), n = 0; left > 0; left -= 10, ++n) // at most 10 h each, within the day
                history.append(finishedOn(QDate(2026, 11, 1 + i), std::min(left, 10), u"d%1-%2"_s.arg(i).arg(n)));
        const QDateTime now = today.startOfDay(Qt::UTC);
        const Forecast f = forecastMonthEnd(build(history, m_dollarCatalog, now), now);
        QCOMPARE(f.monthEnd, micros(monthEndDollars * 1'000'000));
        QCOMPARE(f.trendPerDay, micros(trendDollars * 1'000'000));
        QCOMPARE(f.basisDays, basisDays);
        QCOMPARE(f.running, Money());
    }

    // The reported case: nothing finished yet this month, clusters burning money now. The forecast was the
    // month to date; it must carry the running instances to the month's end at their rate.
    void forecastFirstHourOfAMonth()
    {
        const QDateTime now = at("2026-12-01T00:30:00Z");
        const Forecast f = forecastMonthEnd(build({runningSince("2026-11-30T12:00:00Z")}, m_dollarCatalog, now), now);
        QCOMPARE(f.monthToDate, micros(500'000)); // 30 minutes at $1/h
        QCOMPARE(f.runningInstances, 1);
        QCOMPARE(f.runningRateMicrosPerHour, qint64(1'000'000));
        QCOMPARE(f.msLeft(), (31LL * 24 * 2 - 1) * 1'800'000); // 743.5 h
        QCOMPARE(f.running, micros(743'500'000));
        QCOMPARE(f.basisDays, 0); // the 30th's instance still runs: it is not a finished day's spend
        QCOMPARE(f.trend, Money());
        QCOMPARE(f.monthEnd, micros(744'000'000));
        const QJsonObject o = f.toJson();
        QCOMPARE(o.value(u"month"_s).toString(), u"2026-12"_s);
        QCOMPARE(o.value(u"monthEnd"_s).toDouble(), 744.0);
        QCOMPARE(o.value(u"hoursLeft"_s).toDouble(), 743.5);
        QCOMPARE(o.value(u"runningRatePerHour"_s).toDouble(), 1.0);
    }

    // Mid-month: $2 a day of finished clusters (the 1st to the 14th) plus one left running since 06:00.
    void forecastMiddleOfAMonth()
    {
        QList<InstanceLifetime> history{runningSince("2026-11-15T06:00:00Z")};
        for (int d = 1; d <= 14; ++d)
            history.append(finishedOn(QDate(2026, 11, d), 2, u"d%1"_s.arg(d)));
        const QDateTime now = at("2026-11-15T12:00:00Z");
        const Forecast f = forecastMonthEnd(build(history, m_dollarCatalog, now), now);
        QCOMPARE(f.monthToDate, micros(34'000'000)); // 14 x $2 + 6 h at $1/h
        QCOMPARE(f.running, micros(372'000'000)); // 15.5 days to December
        QCOMPARE(f.basisDays, 14);
        QCOMPARE(f.trendToday, micros(2'000'000));
        QCOMPARE(f.trend, micros(31'000'000)); // half of today and 15 more days at $2
        QCOMPARE(f.monthEnd, micros(437'000'000));
        // Nothing running: the trend alone, and the month to date is never lost.
        history.removeFirst();
        const Forecast g = forecastMonthEnd(build(history, m_dollarCatalog, now), now);
        QCOMPARE(g.running, Money());
        QCOMPARE(g.monthEnd, micros((28 + 31) * 1'000'000));
    }

    void forecastLastHourOfAMonth()
    {
        QList<InstanceLifetime> history{runningSince("2026-11-30T00:00:00Z")};
        for (int d = 16; d <= 29; ++d)
            history.append(finishedOn(QDate(2026, 11, d), 2, u"d%1"_s.arg(d)));
        const QDateTime now = at("2026-11-30T23:30:00Z");
        const Forecast f = forecastMonthEnd(build(history, m_dollarCatalog, now), now);
        QCOMPARE(f.monthToDate, micros(51'500'000)); // 14 x $2 + 23.5 h
        QCOMPARE(f.running, micros(500'000)); // half an hour left
        QCOMPARE(f.basisDays, 14);
        // The last half hour of the day at $2 a day: $2/48, exactly 1.5e11 units.
        QCOMPARE(f.trend, Money::fromUnits(Money::kUnitsPerDollar * 2 / 48));
        QCOMPARE(f.monthEnd, micros(52'000'000) + Money::fromUnits(Money::kUnitsPerDollar * 2 / 48));
        // A clock step past the month's end leaves nothing to project.
        const QDateTime later = at("2026-12-01T00:00:00Z");
        QCOMPARE(forecastMonthEnd(build(history, m_dollarCatalog, later), later).monthToDate, Money());
    }

    void costByDayListsEveryDayOfThePeriod()
    {
        const Ledger l = build({finishedOn(QDate(2026, 11, 3), 2, u"a"_s), finishedOn(QDate(2026, 11, 5), 1, u"b"_s)},
                               m_dollarCatalog);
        const QList<GroupCost> days = costByDay(l, QDate(2026, 11, 1), QDate(2026, 11, 7));
        QCOMPARE(days.size(), 7);
        QCOMPARE(days.first().key, u"2026-11-01"_s);
        QCOMPARE(days.first().cost, Money());
        QCOMPARE(days.at(2).cost, micros(2'000'000));
        QCOMPARE(days.at(3).cost, Money());
        QCOMPARE(days.at(4).cost, micros(1'000'000));
        QCOMPARE(days.last().key, u"2026-11-07"_s);
        QCOMPARE(sumOf(days), l.total);
    }

    void tagKeysAreTheKeysTheLinesCarry()
    {
        const Ledger l = build({lifetime("a", Role::Worker, "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z", "c1",
                                         {{u"team"_s, u"data"_s}, {u"cost-center"_s, u"42"_s}}),
                                lifetime("b", Role::Worker, "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z", "c2",
                                         {{u"owner"_s, u"ana"_s}}),
                                lifetime("c", Role::Worker, "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z", "c3")});
        QCOMPARE(tagKeys(l), (QStringList{u"cost-center"_s, u"owner"_s, u"team"_s}));
    }

    void cliJsonOneCluster()
    {
        const Ledger l = build({lifetime("c1-master", Role::Master, "2026-11-24T23:00:00Z", "2026-11-25T01:00:00Z"),
                                lifetime("c1-w1", Role::Worker, "2026-11-24T23:00:00Z", "2026-11-25T00:30:00Z"),
                                lifetime("c2-master", Role::Master, "2026-11-24T23:00:00Z", "2026-11-25T00:00:00Z", "c2")});
        CostQuery q;
        q.clusterId = u"c1"_s;
        QJsonObject o = costJson(l, q);
        QCOMPARE(o.value(u"cluster"_s).toString(), u"c1"_s);
        QCOMPARE(o.value(u"currency"_s).toString(), u"USD"_s);
        QCOMPARE(o.value(u"total"_s).toDouble(), 0.84); // 2 h + 1.5 h at 0.24
        QCOMPARE(o.value(u"lines"_s).toArray().size(), 2);
        const QStringList fields{u"instance"_s, u"role"_s, u"instanceType"_s, u"market"_s, u"start"_s,
                                 u"end"_s, u"seconds"_s, u"billedSeconds"_s, u"ratePerHour"_s, u"cost"_s};
        for (const QJsonValue &v : o.value(u"lines"_s).toArray())
            for (const QString &f : fields)
                QVERIFY2(v.toObject().contains(f), qPrintable(f));

        q.by = CostQuery::By::Day;
        o = costJson(l, q);
        QCOMPARE(o.value(u"by"_s).toString(), u"day"_s);
        const QJsonArray days = o.value(u"groups"_s).toArray();
        QCOMPARE(days.size(), 2);
        QCOMPARE(days.at(0).toObject().value(u"key"_s).toString(), u"2026-11-24"_s);
        QCOMPARE(days.at(0).toObject().value(u"cost"_s).toDouble(), 0.48);
        QCOMPARE(days.at(1).toObject().value(u"cost"_s).toDouble(), 0.36);

        q.by = CostQuery::By::Instance;
        q.from = at("2026-11-25T00:00:00Z");
        o = costJson(l, q);
        QCOMPARE(o.value(u"total"_s).toDouble(), 0.36);
        QCOMPARE(o.value(u"from"_s).toString(), u"2026-11-25T00:00:00.000Z"_s);

        q = CostQuery{};
        o = costJson(l, q);
        QCOMPARE(o.value(u"total"_s).toDouble(), 1.08);
        QCOMPARE(o.value(u"clusters"_s).toArray().size(), 2);

        q.clusterId = u"c1"_s;
        q.by = CostQuery::By::Job;
        o = costJson(l, q, {{u"j1"_s, u"c1"_s, at("2026-11-24T23:00:00Z"), at("2026-11-25T00:00:00Z")}});
        QCOMPARE(o.value(u"groups"_s).toArray().first().toObject().value(u"cost"_s).toDouble(), 0.24);
        QCOMPARE(o.value(u"unattributed"_s).toDouble(), 0.60);

        QCOMPARE(costGroupingFromString(u"tag"_s), CostQuery::By::Tag);
        QVERIFY(!costGroupingFromString(u"week"_s));
    }
};

QTEST_GUILESS_MAIN(TstCostReport)
#include "tst_costreport.moc"
