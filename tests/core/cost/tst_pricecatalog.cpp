// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/cost/pricecatalog.h"
#include "core/model/instancecatalog.h"
#include "testpaths.h"

#include <QDate>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::cost;

class TstPriceCatalog : public QObject
{
    Q_OBJECT
private:
    PriceCatalog m_catalog;

    // Plain literals here: moc 6.4 loses the class after a raw string ending in a quote.
    static QByteArray entry(const QByteArray &type, const QByteArray &extra = {})
    {
        return "{\"type\":\"" + type
            + "\",\"region\":\"us-east-1\",\"vcpu\":4,\"memoryGiB\":16,\"onDemandPerHour\":0.192,"
              "\"emrPerHour\":0.048,\"spotDiscount\":0.5"
            + extra + "}";
    }
    static QByteArray catalogWith(const QByteArray &entries)
    {
        return "{\"currency\":\"USD\",\"asOf\":\"2024-06-01\",\"instanceTypes\":[" + entries + "]}";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStringList errors;
        auto c = PriceCatalog::load(PriceCatalog::defaultPath(test::resourcesDir()), &errors);
        QVERIFY2(c, qPrintable(errors.join(u'\n')));
        m_catalog = *c;
    }

    void shippedCatalogHasDatedUsdFigures()
    {
        QCOMPARE(m_catalog.currency(), u"USD"_s);
        QVERIFY(QDate::fromString(m_catalog.asOf(), Qt::ISODate).isValid());
        QVERIFY(m_catalog.source().endsWith(u"aws-us-east-1.json"_s));
    }

    void shippedFigures_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<qint64>("onDemandMicros");
        QTest::addColumn<qint64>("emrMicros");
        QTest::addColumn<int>("vcpu");
        QTest::addRow("m5.xlarge") << u"m5.xlarge"_s << qint64(192000) << qint64(48000) << 4;
        QTest::addRow("m5.2xlarge") << u"m5.2xlarge"_s << qint64(384000) << qint64(96000) << 8;
        QTest::addRow("r5.xlarge") << u"r5.xlarge"_s << qint64(252000) << qint64(63000) << 4;
        QTest::addRow("c5.xlarge") << u"c5.xlarge"_s << qint64(170000) << qint64(43000) << 4;
    }
    void shippedFigures()
    {
        QFETCH(QString, type);
        QFETCH(qint64, onDemandMicros);
        QFETCH(qint64, emrMicros);
        QFETCH(int, vcpu);
        const auto p = m_catalog.find(type);
        QVERIFY(p);
        QCOMPARE(p->onDemandMicrosPerHour, onDemandMicros);
        QCOMPARE(p->emrMicrosPerHour, emrMicros);
        QCOMPARE(p->vcpu, vcpu);
        QCOMPARE(p->region, u"us-east-1"_s);
        QCOMPARE(p->rateMicrosPerHour(Market::OnDemand), onDemandMicros + emrMicros);
    }

    void everyLocalProfileIsPriced()
    {
        QString error;
        auto profiles = InstanceCatalog::load(test::resourcesDir() + u"/instance-types/local.json"_s, &error);
        QVERIFY2(profiles, qPrintable(error));
        QVERIFY(!profiles->types().isEmpty());
        QCOMPARE(m_catalog.unpricedReferenceTypes(*profiles), QStringList());
        for (const InstanceType &t : profiles->types()) {
            const QString ref = PriceCatalog::referenceTypeFor(*profiles, t.name);
            QCOMPARE(ref, t.referenceType);
            QVERIFY2(m_catalog.find(ref), qPrintable(ref));
        }
        // A reference type passes through unchanged.
        QCOMPARE(PriceCatalog::referenceTypeFor(*profiles, u"r5.xlarge"_s), u"r5.xlarge"_s);
    }

    void unpricedProfileIsReported()
    {
        QString error;
        auto profiles = InstanceCatalog::fromJson(
            R"({"default":"local.x","profiles":[{"name":"local.x","threads":1,"memoryLimitBytes":1073741824,"referenceType":"z9.huge"}]})",
            &error);
        QVERIFY2(profiles, qPrintable(error));
        QCOMPARE(m_catalog.unpricedReferenceTypes(*profiles), QStringList{u"z9.huge"_s});
    }

    void spotRate_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<qint64>("spotMicros");
        // on-demand x (1 - 0.5) + the undiscounted EMR charge
        QTest::addRow("m5.xlarge") << u"m5.xlarge"_s << qint64(96000 + 48000);
        QTest::addRow("r5.xlarge") << u"r5.xlarge"_s << qint64(126000 + 63000);
        QTest::addRow("c5.xlarge") << u"c5.xlarge"_s << qint64(85000 + 43000);
    }
    void spotRate()
    {
        QFETCH(QString, type);
        QFETCH(qint64, spotMicros);
        QCOMPARE(m_catalog.find(type)->rateMicrosPerHour(Market::Spot), spotMicros);
        QVERIFY(m_catalog.find(type)->rateMicrosPerHour(Market::Spot)
                < m_catalog.find(type)->rateMicrosPerHour(Market::OnDemand));
    }

    void spotRateRoundsToTheMicroDollar()
    {
        QStringList errors;
        auto c = PriceCatalog::fromJson(
            catalogWith(R"({"type":"t.odd","region":"r","vcpu":1,"memoryGiB":1,"onDemandPerHour":0.000003,"emrPerHour":0.000001,"spotDiscount":0.5})"),
            &errors);
        QVERIFY2(c, qPrintable(errors.join(u'\n')));
        QCOMPARE(c->find(u"t.odd"_s)->rateMicrosPerHour(Market::Spot), qint64(2 + 1)); // 1.5 rounds up to 2
    }

    void toJsonCarriesRates()
    {
        const QJsonObject o = m_catalog.toJson();
        QCOMPARE(o.value(u"currency"_s).toString(), u"USD"_s);
        bool found = false;
        for (const QJsonValue &v : o.value(u"instanceTypes"_s).toArray()) {
            const QJsonObject t = v.toObject();
            if (t.value(u"type"_s).toString() != "m5.xlarge"_L1)
                continue;
            found = true;
            QCOMPARE(t.value(u"onDemandPerHour"_s).toDouble(), 0.192);
            QCOMPARE(t.value(u"ratePerHour"_s).toObject().value(u"on-demand"_s).toDouble(), 0.24);
            QCOMPARE(t.value(u"ratePerHour"_s).toObject().value(u"spot"_s).toDouble(), 0.144);
        }
        QVERIFY(found);
    }

    void malformedCatalog_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::addRow("not json") << "{\"currency\": "_ba << u"not valid JSON"_s;
        QTest::addRow("array root") << "[]"_ba << u"must be a JSON object"_s;
        QTest::addRow("no currency") << R"({"asOf":"2024-06-01","instanceTypes":[{"type":"a"}]})"_ba << u"currency:"_s;
        QTest::addRow("bad date") << R"({"currency":"USD","asOf":"June","instanceTypes":[]})"_ba << u"asOf:"_s;
        QTest::addRow("no types") << R"({"currency":"USD","asOf":"2024-06-01","instanceTypes":[]})"_ba
                                  << u"instanceTypes: expected a non-empty array"_s;
        QTest::addRow("missing price")
            << catalogWith(entry("m5.xlarge") + ","
                           + R"({"type":"r5.xlarge","region":"us-east-1","vcpu":4,"memoryGiB":32,"emrPerHour":0.063,"spotDiscount":0.5})")
            << u"instanceTypes[1] (r5.xlarge): onDemandPerHour:"_s;
        QTest::addRow("price as text")
            << catalogWith(R"({"type":"m5.xlarge","region":"us-east-1","vcpu":4,"memoryGiB":16,"onDemandPerHour":"0.192","emrPerHour":0.048,"spotDiscount":0.5})")
            << u"instanceTypes[0] (m5.xlarge): onDemandPerHour:"_s;
        QTest::addRow("negative emr")
            << catalogWith(R"({"type":"m5.xlarge","region":"us-east-1","vcpu":4,"memoryGiB":16,"onDemandPerHour":0.192,"emrPerHour":-1,"spotDiscount":0.5})")
            << u"instanceTypes[0] (m5.xlarge): emrPerHour:"_s;
        QTest::addRow("discount as percent")
            << catalogWith(R"({"type":"m5.xlarge","region":"us-east-1","vcpu":4,"memoryGiB":16,"onDemandPerHour":0.192,"emrPerHour":0.048,"spotDiscount":60})")
            << u"instanceTypes[0] (m5.xlarge): spotDiscount:"_s;
        QTest::addRow("fractional vcpu")
            << catalogWith(R"({"type":"m5.xlarge","region":"us-east-1","vcpu":2.5,"memoryGiB":16,"onDemandPerHour":0.192,"emrPerHour":0.048,"spotDiscount":0.5})")
            << u"instanceTypes[0] (m5.xlarge): vcpu:"_s;
        QTest::addRow("no region")
            << catalogWith(R"({"type":"m5.xlarge","vcpu":4,"memoryGiB":16,"onDemandPerHour":0.192,"emrPerHour":0.048,"spotDiscount":0.5})")
            << u"instanceTypes[0] (m5.xlarge): region:"_s;
        QTest::addRow("typo field") << catalogWith(entry("m5.xlarge", R"(,"onDemand":0.2)"))
                                    << u"instanceTypes[0] (m5.xlarge): onDemand: unknown field"_s;
        QTest::addRow("duplicate") << catalogWith(entry("m5.xlarge") + "," + entry("m5.xlarge"))
                                   << u"instanceTypes[1] (m5.xlarge): type: priced twice"_s;
        QTest::addRow("entry not object") << catalogWith(entry("m5.xlarge") + ",42") << u"instanceTypes[1]: expected an object"_s;
        QTest::addRow("no type") << catalogWith(R"({"region":"us-east-1"})") << u"instanceTypes[0]: type:"_s;
    }
    void malformedCatalog()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QStringList errors;
        const auto c = PriceCatalog::fromJson(json, &errors);
        QVERIFY(!c);
        QVERIFY(!errors.isEmpty());
        const QString all = errors.join(u'\n');
        QVERIFY2(all.contains(expected), qPrintable(u"expected \""_s + expected + u"\" in:\n"_s + all));
    }

    void everyProblemIsReportedAtOnce()
    {
        QStringList errors;
        const auto c = PriceCatalog::fromJson(
            catalogWith(R"({"type":"a","region":"r","vcpu":0,"memoryGiB":0,"onDemandPerHour":-1,"emrPerHour":null,"spotDiscount":1})"),
            &errors);
        QVERIFY(!c);
        QCOMPARE(errors.size(), 5); // vcpu, memoryGiB, onDemandPerHour, emrPerHour, spotDiscount
    }

    void userFileErrorsNameTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"mine.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(catalogWith(R"({"type":"m5.xlarge","region":"us-east-1","vcpu":4,"memoryGiB":16,"onDemandPerHour":0.192,"emrPerHour":0.048,"spotDiscount":1.2})"));
        f.close();
        QStringList errors;
        QVERIFY(!PriceCatalog::load(path, &errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(path + u": instanceTypes[0] (m5.xlarge): spotDiscount:"_s),
                 qPrintable(errors.first()));

        QVERIFY(!PriceCatalog::load(dir.filePath(u"missing.json"_s), &errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().contains(u"missing.json"_s));
    }

    void validUserCatalogLoads()
    {
        QStringList errors;
        const auto c = PriceCatalog::fromJson(catalogWith(entry("m5.xlarge") + "," + entry("x1.custom")), &errors);
        QVERIFY2(c, qPrintable(errors.join(u'\n')));
        QCOMPARE(c->prices().size(), 2);
        QVERIFY(c->find(u"x1.custom"_s));
        QVERIFY(!c->find(u"nope"_s));
    }
};

QTEST_GUILESS_MAIN(TstPriceCatalog)
#include "tst_pricecatalog.moc"
