// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/cost/ledger.h"
#include "core/cost/pricecatalog.h"
#include "moneyprinter.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::cost;

namespace {

QDateTime at(const char *iso)
{
    QDateTime t = QDateTime::fromString(QLatin1StringView(iso), Qt::ISODateWithMs);
    Q_ASSERT(t.isValid());
    return t.toUTC();
}

InstanceLifetime lifetime(const QString &id, Role role, const QString &type, Market market, const char *start,
                          const char *end, const QString &cluster = u"c1"_s)
{
    InstanceLifetime lt;
    lt.instanceId = id;
    lt.role = role;
    lt.instanceType = type;
    lt.market = market;
    lt.start = at(start);
    lt.end = end ? at(end) : QDateTime();
    lt.clusterId = cluster;
    return lt;
}

} // namespace

class TstLedger : public QObject
{
    Q_OBJECT
private:
    PriceCatalog m_catalog;
    const QDateTime m_now = at("2026-11-24T15:00:00Z");

    Ledger build(const QList<InstanceLifetime> &lifetimes)
    {
        QStringList errors;
        auto ledger = buildLedger(lifetimes, m_catalog, m_now, &errors);
        if (!ledger)
            qWarning("%s", qPrintable(errors.join(u'\n')));
        return ledger.value_or(Ledger{});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStringList errors;
        auto c = PriceCatalog::load(PriceCatalog::defaultPath(test::resourcesDir()), &errors);
        QVERIFY2(c, qPrintable(errors.join(u'\n')));
        m_catalog = *c;
    }

    void moneyRoundsOnlyForDisplay()
    {
        const Money third = Money::forRate(240000, 1000); // one second at $0.24/h: $0.0000666...
        QCOMPARE(third.roundedCents(), qint64(0));
        Money sum;
        for (int i = 0; i < 3600; ++i)
            sum += third;
        QCOMPARE(sum, Money::fromMicroDollars(240000));
        QCOMPARE(sum.toDisplayString(), u"0.24"_s);
        QCOMPARE(Money::fromMicroDollars(5000).toDisplayString(), u"0.01"_s); // half a cent rounds up
        QCOMPARE(Money::fromMicroDollars(4999).toDisplayString(), u"0.00"_s);
        QCOMPARE((Money() - Money::fromMicroDollars(1'505'000)).toDisplayString(), u"-1.51"_s);
        QCOMPARE(Money::fromDollars(12.34).roundedMicroDollars(), qint64(12'340'000));
        QCOMPARE(Money::fromMicroDollars(1'533'200).dollars(), 1.5332);
    }

    void billedSeconds_data()
    {
        QTest::addColumn<qint64>("lifetimeMs");
        QTest::addColumn<qint64>("billed");
        QTest::addRow("zero") << qint64(0) << qint64(60);
        QTest::addRow("20 s") << qint64(20'000) << qint64(60);
        QTest::addRow("exactly a minute") << qint64(60'000) << qint64(60);
        QTest::addRow("a minute and 1 ms") << qint64(60'001) << qint64(61);
        QTest::addRow("150 s") << qint64(150'000) << qint64(150);
        QTest::addRow("an hour") << qint64(3'600'000) << qint64(3600);
    }
    void billedSeconds()
    {
        QFETCH(qint64, lifetimeMs);
        QFETCH(qint64, billed);
        QCOMPARE(billedSecondsFor(lifetimeMs), billed);
    }

    // Hand-computed: rate x billed seconds / 3600, in micro-dollars where exact.
    void singleLine_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("market");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<qint64>("billed");
        QTest::addColumn<qint64>("rateMicros");
        QTest::addColumn<qint64>("costMicros");
        const int od = int(Market::OnDemand), spot = int(Market::Spot);
        QTest::addRow("per second: 150 s of m5.xlarge")
            << u"m5.xlarge"_s << od << u"2026-11-24T10:00:00Z"_s << u"2026-11-24T10:02:30Z"_s << qint64(150)
            << qint64(240000) << qint64(10000); // 0.24 x 150 / 3600 = 0.01
        QTest::addRow("minimum: 20 s billed as 60")
            << u"m5.xlarge"_s << od << u"2026-11-24T10:00:00Z"_s << u"2026-11-24T10:00:20Z"_s << qint64(60)
            << qint64(240000) << qint64(4000);
        QTest::addRow("minimum: failed at launch")
            << u"r5.xlarge"_s << od << u"2026-11-24T10:00:00Z"_s << u"2026-11-24T10:00:00Z"_s << qint64(60)
            << qint64(315000) << qint64(5250);
        QTest::addRow("an hour of m5.2xlarge")
            << u"m5.2xlarge"_s << od << u"2026-11-24T10:00:00Z"_s << u"2026-11-24T11:00:00Z"_s << qint64(3600)
            << qint64(480000) << qint64(480000);
        QTest::addRow("an hour of spot m5.xlarge")
            << u"m5.xlarge"_s << spot << u"2026-11-24T10:00:00Z"_s << u"2026-11-24T11:00:00Z"_s << qint64(3600)
            << qint64(144000) << qint64(144000); // 0.192 x 0.5 + 0.048
        QTest::addRow("45 min of spot c5.xlarge")
            << u"c5.xlarge"_s << spot << u"2026-11-24T10:00:00Z"_s << u"2026-11-24T10:45:00Z"_s << qint64(2700)
            << qint64(128000) << qint64(96000); // (0.085 + 0.043) x 0.75
    }
    void singleLine()
    {
        QFETCH(QString, type);
        QFETCH(int, market);
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(qint64, billed);
        QFETCH(qint64, rateMicros);
        QFETCH(qint64, costMicros);
        InstanceLifetime lt;
        lt.instanceId = u"i-1"_s;
        lt.instanceType = type;
        lt.market = Market(market);
        lt.start = QDateTime::fromString(start, Qt::ISODate);
        lt.end = QDateTime::fromString(end, Qt::ISODate);
        const Ledger l = build({lt});
        QCOMPARE(l.lines.size(), 1);
        const CostLine &line = l.lines.first();
        QCOMPARE(line.billedSeconds, billed);
        QCOMPARE(line.rateMicrosPerHour, rateMicros);
        QCOMPARE(line.cost, Money::fromMicroDollars(costMicros));
        QCOMPARE(l.total, line.cost);
    }

    void partialSecondIsBilledWhole()
    {
        const Ledger l = build({lifetime(u"i-1"_s, Role::Worker, u"m5.xlarge"_s, Market::OnDemand,
                                         "2026-11-24T10:00:00.000Z", "2026-11-24T10:01:30.200Z")});
        QCOMPARE(l.lines.first().billedSeconds, qint64(91));
        QCOMPARE(l.lines.first().seconds(), 90.2);
        // 91 s x $0.24/h = $0.0060666...: exact, not a rounded double.
        QVERIFY(l.total.units() == Int128(240000) * 91 * 1000);
        QCOMPARE(l.total.roundedCents(), qint64(1));
    }

    void openLifetimeIsBilledToNow()
    {
        const Ledger l = build({lifetime(u"i-1"_s, Role::Worker, u"m5.xlarge"_s, Market::OnDemand,
                                         "2026-11-24T14:30:00Z", nullptr)});
        const CostLine &line = l.lines.first();
        QVERIFY(line.open);
        QCOMPARE(line.end, m_now);
        QCOMPARE(line.billedSeconds, qint64(1800));
        QCOMPARE(line.cost, Money::fromMicroDollars(120000));
        QCOMPARE(line.toJson().value(u"open"_s).toBool(), true);
    }

    // A cluster's life: launched with a master and two workers, scaled out with two spot workers in the
    // middle of the hour, one spot worker reclaimed, scaled in by one, then terminated.
    void recordedClusterHistory()
    {
        const QList<InstanceLifetime> history{
            lifetime(u"c1-master"_s, Role::Master, u"m5.xlarge"_s, Market::OnDemand, "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z"),
            lifetime(u"c1-w1"_s, Role::Worker, u"m5.xlarge"_s, Market::OnDemand, "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z"),
            lifetime(u"c1-w2"_s, Role::Worker, u"m5.xlarge"_s, Market::OnDemand, "2026-11-24T10:00:00Z", "2026-11-24T11:20:00Z"),
            lifetime(u"c1-w3"_s, Role::Worker, u"m5.xlarge"_s, Market::Spot, "2026-11-24T10:30:00Z", "2026-11-24T12:00:00Z"),
            lifetime(u"c1-w4"_s, Role::Worker, u"m5.xlarge"_s, Market::Spot, "2026-11-24T10:30:00Z", "2026-11-24T10:45:30Z"),
        };
        const Ledger l = build(history);
        QCOMPARE(l.lines.size(), 5);
        // master 2 h x 0.24 = 0.48; w1 0.48; w2 80 min x 0.24 = 0.32; w3 90 min x 0.144 = 0.216;
        // w4 (reclaimed) 930 s x 0.144 / 3600 = 0.0372. Total 1.5332.
        const QList<qint64> expected{480000, 480000, 320000, 216000, 37200};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(l.lines.at(i).cost, Money::fromMicroDollars(expected.at(i)));
        QCOMPARE(l.total, Money::fromMicroDollars(1'533'200));
        QCOMPARE(l.total.toDisplayString(), u"1.53"_s);

        const QJsonObject o = l.toJson();
        QCOMPARE(o.value(u"currency"_s).toString(), u"USD"_s);
        QCOMPARE(o.value(u"total"_s).toDouble(), 1.5332);
        const QJsonArray lines = o.value(u"lines"_s).toArray();
        QCOMPARE(lines.size(), 5);
        const QJsonObject master = lines.at(0).toObject();
        QCOMPARE(master.value(u"instance"_s).toString(), u"c1-master"_s);
        QCOMPARE(master.value(u"role"_s).toString(), u"master"_s);
        QCOMPARE(master.value(u"instanceType"_s).toString(), u"m5.xlarge"_s);
        QCOMPARE(master.value(u"market"_s).toString(), u"on-demand"_s);
        QCOMPARE(master.value(u"start"_s).toString(), u"2026-11-24T10:00:00.000Z"_s);
        QCOMPARE(master.value(u"end"_s).toString(), u"2026-11-24T12:00:00.000Z"_s);
        QCOMPARE(master.value(u"seconds"_s).toDouble(), 7200.0);
        QCOMPARE(master.value(u"billedSeconds"_s).toDouble(), 7200.0);
        QCOMPARE(master.value(u"ratePerHour"_s).toDouble(), 0.24);
        QCOMPARE(master.value(u"cost"_s).toDouble(), 0.48);
        QVERIFY(!master.contains(u"open"_s));
        const QJsonObject reclaimed = lines.at(4).toObject();
        QCOMPARE(reclaimed.value(u"instance"_s).toString(), u"c1-w4"_s);
        QCOMPARE(reclaimed.value(u"market"_s).toString(), u"spot"_s);
        QCOMPARE(reclaimed.value(u"ratePerHour"_s).toDouble(), 0.144);
        QCOMPARE(reclaimed.value(u"billedSeconds"_s).toDouble(), 930.0);
        // Every line obeys cost = billedSeconds x ratePerHour / 3600 (up to double rounding).
        double sum = 0;
        for (const QJsonValue &v : lines) {
            const QJsonObject line = v.toObject();
            QVERIFY(line.value(u"billedSeconds"_s).toDouble() >= 60);
            QVERIFY(qFuzzyCompare(line.value(u"cost"_s).toDouble(),
                                  line.value(u"billedSeconds"_s).toDouble() * line.value(u"ratePerHour"_s).toDouble() / 3600));
            sum += line.value(u"cost"_s).toDouble();
        }
        QVERIFY(qFuzzyCompare(sum, o.value(u"total"_s).toDouble()));
    }

    void sameHistoryGivesTheSameCents()
    {
        QList<InstanceLifetime> history;
        QRandomGenerator rng(8); // fixed seed: the same history every run
        const QStringList types{u"m5.xlarge"_s, u"r5.xlarge"_s, u"c5.xlarge"_s, u"m5.2xlarge"_s};
        const QDateTime base = at("2026-11-01T00:00:00Z");
        for (int i = 0; i < 500; ++i) {
            InstanceLifetime lt;
            lt.instanceId = u"i-%1"_s.arg(i);
            lt.role = i % 10 == 0 ? Role::Master : Role::Worker;
            lt.instanceType = types.at(int(rng.bounded(types.size())));
            lt.market = rng.bounded(2) ? Market::Spot : Market::OnDemand;
            lt.start = base.addMSecs(qint64(rng.bounded(20 * 24 * 3600)) * 1000 + rng.bounded(1000));
            lt.end = lt.start.addMSecs(rng.bounded(36 * 3600 * 1000));
            lt.clusterId = u"c%1"_s.arg(i % 7);
            history.append(lt);
        }
        const Ledger first = build(history);
        QCOMPARE(first.lines.size(), 500);
        QList<InstanceLifetime> shuffled = history;
        std::shuffle(shuffled.begin(), shuffled.end(), QRandomGenerator(99));
        const Ledger second = build(shuffled);
        QCOMPARE(second.total, first.total);
        QCOMPARE(QJsonDocument(second.toJson()).toJson(), QJsonDocument(first.toJson()).toJson());
        // The total is the exact sum of the lines, independent of order.
        Money reverseSum;
        for (auto it = first.lines.crbegin(); it != first.lines.crend(); ++it)
            reverseSum += it->cost;
        QCOMPARE(reverseSum, first.total);
    }

    void manyTinyLinesDoNotDrift()
    {
        QList<InstanceLifetime> history;
        for (int i = 0; i < 3600; ++i)
            history.append(lifetime(u"i-%1"_s.arg(i), Role::Worker, u"m5.xlarge"_s, Market::OnDemand,
                                    "2026-11-24T10:00:00Z", "2026-11-24T10:00:01Z"));
        const Ledger l = build(history);
        // 3600 one-minute minimums at $0.24/h = 3600 x $0.004 = $14.40 exactly.
        QCOMPARE(l.total, Money::fromMicroDollars(14'400'000));
        QCOMPARE(l.total.roundedCents(), qint64(1440));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unpriced type") << u"z9.huge"_s << u"2026-11-24T10:00:00Z"_s << u"2026-11-24T11:00:00Z"_s
                                       << u"i-bad: instance type \"z9.huge\" is not in the price catalog"_s;
        QTest::addRow("ends before start") << u"m5.xlarge"_s << u"2026-11-24T10:00:00Z"_s << u"2026-11-24T09:00:00Z"_s
                                           << u"i-bad: the lifetime ends"_s;
        QTest::addRow("no start") << u"m5.xlarge"_s << QString() << u"2026-11-24T09:00:00Z"_s
                                  << u"i-bad: the lifetime has no start time"_s;
        QTest::addRow("running from the future") << u"m5.xlarge"_s << u"2026-11-25T10:00:00Z"_s << QString()
                                                 << u"i-bad: the running instance starts"_s;
    }
    void badInput()
    {
        QFETCH(QString, type);
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(QString, expected);
        InstanceLifetime good = lifetime(u"i-good"_s, Role::Worker, u"m5.xlarge"_s, Market::OnDemand,
                                         "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z");
        InstanceLifetime bad = good;
        bad.instanceId = u"i-bad"_s;
        bad.instanceType = type;
        bad.start = QDateTime::fromString(start, Qt::ISODate);
        bad.end = QDateTime::fromString(end, Qt::ISODate);
        QStringList errors;
        QVERIFY(!buildLedger({good, bad}, m_catalog, m_now, &errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(expected), qPrintable(errors.first()));
    }

    void clippedWindowKeepsTheFormula()
    {
        const Ledger l = build({lifetime(u"i-1"_s, Role::Worker, u"m5.xlarge"_s, Market::OnDemand,
                                         "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z"),
                                lifetime(u"i-2"_s, Role::Worker, u"m5.xlarge"_s, Market::OnDemand,
                                         "2026-11-24T13:00:00Z", "2026-11-24T13:00:10Z")});
        const Ledger w = clipped(l, at("2026-11-24T11:30:00Z"), at("2026-11-24T13:30:00Z"));
        QCOMPARE(w.lines.size(), 2);
        QCOMPARE(w.lines.at(0).start, at("2026-11-24T11:30:00Z"));
        QCOMPARE(w.lines.at(0).billedSeconds, qint64(1800));
        QCOMPARE(w.lines.at(0).cost, Money::fromMicroDollars(120000));
        QCOMPARE(w.lines.at(1).billedSeconds, qint64(60)); // the minimum lands where the instance ended
        QCOMPARE(w.total, Money::fromMicroDollars(124000));
        // Windows that tile time add up to the whole ledger.
        const QDateTime cut = at("2026-11-24T13:00:05.500Z");
        QCOMPARE(clipped(l, {}, cut).total + clipped(l, cut, {}).total, l.total);
        QVERIFY(clipped(l, at("2026-11-24T14:00:00Z"), {}).lines.isEmpty());
    }

    void lifetimeJsonRoundTrips()
    {
        InstanceLifetime lt = lifetime(u"c1-w3"_s, Role::Worker, u"r5.xlarge"_s, Market::Spot, "2026-11-24T10:30:00Z", nullptr);
        lt.tags.insert(u"team"_s, u"data"_s);
        QString error;
        const auto back = InstanceLifetime::fromJson(lt.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->instanceId, lt.instanceId);
        QVERIFY(back->role == Role::Worker);
        QVERIFY(back->market == Market::Spot);
        QCOMPARE(back->start, lt.start);
        QVERIFY(!back->end.isValid());
        QCOMPARE(back->clusterId, u"c1"_s);
        QCOMPARE(back->tags, lt.tags);
    }

    void badLifetimeJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addRow("no instance") << R"({"role":"worker"})"_ba << u"instance:"_s;
        QTest::addRow("bad role") << R"({"instance":"i","role":"boss"})"_ba << u"role:"_s;
        QTest::addRow("no type") << R"({"instance":"i","role":"master","market":"spot"})"_ba << u"instanceType:"_s;
        QTest::addRow("bad market") << R"({"instance":"i","role":"master","instanceType":"m5.xlarge","market":"reserved"})"_ba
                                    << u"market:"_s;
        QTest::addRow("bad start")
            << R"({"instance":"i","role":"master","instanceType":"m5.xlarge","market":"spot","start":"yesterday"})"_ba
            << u"start:"_s;
        QTest::addRow("bad end")
            << R"({"instance":"i","role":"master","instanceType":"m5.xlarge","market":"spot","start":"2026-11-24T10:00:00Z","end":5})"_ba
            << u"end:"_s;
        QTest::addRow("bad tags")
            << R"({"instance":"i","role":"master","instanceType":"m5.xlarge","market":"spot","start":"2026-11-24T10:00:00Z","tags":{"a":1}})"_ba
            << u"tags:"_s;
    }
    void badLifetimeJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QString error;
        QVERIFY(!InstanceLifetime::fromJson(QJsonDocument::fromJson(json).object(), &error));
        QVERIFY2(error.startsWith(field), qPrintable(error));
    }

    void aRecordedRateOutlivesTheCatalog()
    {
        // The runtime records the rate at a lifetime's start: history is billed at it, even for a type the
        // catalog no longer has or has repriced.
        InstanceLifetime lt = lifetime(u"w1"_s, Role::Worker, u"m5.xlarge"_s, Market::OnDemand,
                                       "2026-11-24T10:00:00Z", "2026-11-24T10:30:00Z");
        lt.rateMicrosPerHour = 300000; // $0.30/h then, $0.24/h in today's catalog
        QCOMPARE(build({lt}).total, Money::fromMicroDollars(150000)); // 1800 s x $0.30/h
        lt.instanceType = u"x9.retired"_s;
        QCOMPARE(build({lt}).total, Money::fromMicroDollars(150000));
        lt.rateMicrosPerHour = 0; // no recorded rate: the catalog must price it
        QStringList errors;
        QVERIFY(!buildLedger({lt}, m_catalog, m_now, &errors));
        QVERIFY(errors.first().contains(u"x9.retired"_s));
    }

    void forClusterFilters()
    {
        const Ledger l = build({lifetime(u"a"_s, Role::Master, u"m5.xlarge"_s, Market::OnDemand,
                                         "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z", u"c1"_s),
                                lifetime(u"b"_s, Role::Master, u"r5.xlarge"_s, Market::OnDemand,
                                         "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z", u"c2"_s)});
        const Ledger c2 = forCluster(l, u"c2"_s);
        QCOMPARE(c2.lines.size(), 1);
        QCOMPARE(c2.total, Money::fromMicroDollars(315000));
        QCOMPARE(forCluster(l, u"c1"_s).total + c2.total, l.total);
    }
};

QTEST_GUILESS_MAIN(TstLedger)
#include "tst_ledger.moc"
