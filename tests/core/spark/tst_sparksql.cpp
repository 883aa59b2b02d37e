// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// spark-log's sql endpoints: the answers Spark 4.0.1's own History Server gave for the fixture logs that hold SQL
// executions, and for the PySpark 4.0.1 logs in data/ (recorded in data/spark-4.0.1-sql; index.tsv names the
// request and the log folder: the shared fixtures or data/), compared as whole JSON trees;
// Spark's formatting of SQL metric values; the order Spark lists a query's jobs in; bad requests.
#include "core/backend/spark/historycompare.h"
#include "core/backend/spark/sparklogcommand.h"
#include "core/backend/spark/sqlexecutions.h"
#include "core/backend/spark/sqlmetricvalues.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
namespace values = cdeck::spark::sqlmetricvalues;

class TstSparkSql : public QObject
{
    Q_OBJECT
private:
    QString m_logs;

    cdeck::spark::HistoryAnswer ask(const QString &endpoint)
    {
        return cdeck::spark::answerHistoryRequest(m_logs, endpoint);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_logs = cdeck::test::fixturesDir() + u"/spark/event-logs"_s;
        QVERIFY(QFileInfo::exists(m_logs + u"/local-1642039451826"_s));
    }

    void recordedSparkAnswers_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("logs");
        const QString data = QFINDTESTDATA("data/spark-4.0.1-sql/index.tsv");
        QVERIFY(!data.isEmpty());
        QFile index(data);
        QVERIFY(index.open(QIODevice::ReadOnly | QIODevice::Text));
        int rows = 0;
        while (!index.atEnd()) {
            const QStringList cols = QString::fromUtf8(index.readLine()).trimmed().split(u'\t');
            QCOMPARE(cols.size(), 3);
            const QString dir = QFileInfo(data).absolutePath();
            QTest::newRow(qPrintable(cols.at(1)))
                << dir + u'/' + cols.at(0) << cols.at(1) << (cols.at(2) == "data"_L1 ? dir + u"/.."_s : m_logs);
            ++rows;
        }
        QVERIFY(rows >= 10);
    }

    // Spark's answer, as its History Server gave it for the same log, against ours: every field of the tree.
    void recordedSparkAnswers()
    {
        QFETCH(QString, file);
        QFETCH(QString, endpoint);
        QFETCH(QString, logs);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonDocument expected = QJsonDocument::fromJson(f.readAll());
        QVERIFY(!expected.isNull());
        const auto answer = cdeck::spark::answerHistoryRequest(logs, endpoint);
        QVERIFY2(answer.status == 200, qPrintable(answer.error));
        const QJsonDocument actual = QJsonDocument::fromJson(answer.json);
        const auto tree
            = [](const QJsonDocument &d) { return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object()); };
        const QString diff = cdeck::spark::firstJsonDifference(tree(expected), tree(actual));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void badRequests_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<int>("status");
        const QString app = u"applications/local-1642039451826/sql"_s;
        QTest::newRow("unknown execution") << app + u"/99"_s << 404;
        QTest::newRow("execution id not a number") << app + u"/first"_s << 404;
        QTest::newRow("negative execution id") << app + u"/-1"_s << 404;
        QTest::newRow("details not a boolean") << app + u"?details=maybe"_s << 400;
        QTest::newRow("planDescription not a boolean") << app + u"/0?planDescription=1"_s << 400;
        QTest::newRow("length not a number") << app + u"?length=ten"_s << 400;
        QTest::newRow("length zero") << app + u"?length=0"_s << 400;
        QTest::newRow("negative offset") << app + u"?offset=-3"_s << 400;
        QTest::newRow("below an execution") << app + u"/0/nodes"_s << 404;
    }

    void badRequests()
    {
        QFETCH(QString, endpoint);
        QFETCH(int, status);
        const auto answer = ask(endpoint);
        QCOMPARE(answer.status, status);
        QVERIFY(!answer.error.isEmpty());
    }

    // Paging is by execution id; details=false drops the graph; planDescription=false blanks the plan.
    void pagingAndOptions()
    {
        const QJsonArray all
            = QJsonDocument::fromJson(ask(u"applications/local-1642039451826/sql?length=100"_s).json).array();
        QVERIFY(all.size() >= 2);
        const QJsonArray page
            = QJsonDocument::fromJson(ask(u"applications/local-1642039451826/sql?offset=1&length=1"_s).json).array();
        QCOMPARE(page.size(), 1);
        QCOMPARE(page.at(0), all.at(1));
        const QJsonObject bare
            = QJsonDocument::fromJson(
                  ask(u"applications/local-1642039451826/sql/0?details=false&planDescription=false"_s).json)
                  .object();
        QCOMPARE(bare.value("nodes"_L1).toArray().size(), 0);
        QCOMPARE(bare.value("edges"_L1).toArray().size(), 0);
        QCOMPARE(bare.value("planDescription"_L1).toString(), u""_s);
        QCOMPARE(bare.value("successJobIds"_L1), all.at(0).toObject().value("successJobIds"_L1));
        QVERIFY(!all.at(0).toObject().value("nodes"_L1).toArray().isEmpty());
        // an application without SQL has an empty list, not an error
        const auto none = ask(u"applications/local-1422981780767/sql"_s);
        QCOMPARE(none.status, 200);
        QCOMPARE(QJsonDocument::fromJson(none.json).array().size(), 0);
    }

    // Spark's SQLMetrics/MetricUtils.stringValue, Utils.bytesToString and Utils.msDurationToString.
    void metricValues()
    {
        const values::MaxSource driver;
        const values::MaxSource task{true, 3, 0, 42};
        const auto fmt = [](const char *type, std::initializer_list<qint64> v, const values::MaxSource &m) {
            return values::format(QString::fromLatin1(type), std::span<const qint64>(v.begin(), v.size()), m);
        };
        QCOMPARE(fmt("sum", {1000, 234, 1000000}, driver), u"1,001,234"_s);
        QCOMPARE(fmt("sum", {}, driver), u"0"_s);
        QCOMPARE(fmt("size", {1500}, task), u"1500.0 B"_s); // one value: no total, no range
        QCOMPARE(fmt("size", {0, 2048, 4096}, task),
                 u"total (min, med, max (stageId: taskId))\n6.0 KiB (0.0 B, 2.0 KiB, 4.0 KiB (stage 3.0: task 42))"_s);
        QCOMPARE(fmt("size", {-1, 3 * 1024 * 1024}, task), u"3.0 MiB"_s); // -1 is "not set": left out
        QCOMPARE(fmt("timing", {5, 999, 1500}, driver),
                 u"total (min, med, max (stageId: taskId))\n2.5 s (5 ms, 999 ms, 1.5 s (driver))"_s);
        QCOMPARE(fmt("nsTiming", {2500000, 7000000}, task),
                 u"total (min, med, max (stageId: taskId))\n9 ms (2 ms, 7 ms, 7 ms (stage 3.0: task 42))"_s);
        // partitions that reported nothing count as zeros, stored or not
        QCOMPARE(values::format(u"size"_s, std::span<const qint64>(), task, 1), u"0.0 B"_s);
        const qint64 two[] = {4096, 2048};
        QCOMPARE(values::format(u"size"_s, two, task, 3),
                 u"total (min, med, max (stageId: taskId))\n6.0 KiB (0.0 B, 0.0 B, 4.0 KiB (stage 3.0: task 42))"_s);
        QCOMPARE(values::format(u"size"_s, two, task, 3), fmt("size", {0, 0, 0, 2048, 4096}, task));
        QCOMPARE(values::format(u"sum"_s, two, task, 1000000000), u"6,144"_s);
        QCOMPARE(fmt("average", {25}, driver), u"2.5"_s);
        QCOMPARE(fmt("average", {0, 20, 35, 40}, task),
                 u"(min, med, max (stageId: taskId)):\n(2, 3.5, 4 (stage 3.0: task 42))"_s);
        QCOMPARE(values::bytesToString(2047), u"2047.0 B"_s);
        QCOMPARE(values::bytesToString(2048), u"2.0 KiB"_s);
        QCOMPARE(values::bytesToString(3 * 1024 + 51), u"3.0 KiB"_s); // 3.0498 rounds down
        QCOMPARE(values::bytesToString(3 * 1024 + 52), u"3.1 KiB"_s); // 3.0507 rounds up
        QCOMPARE(values::bytesToString(qint64(5) << 40), u"5.0 TiB"_s);
        QCOMPARE(values::msDurationToString(0), u"0 ms"_s);
        QCOMPARE(values::msDurationToString(1250), u"1.3 s"_s); // Java rounds the float 1.25 half-up
        QCOMPARE(values::msDurationToString(59999), u"60.0 s"_s);
        QCOMPARE(values::msDurationToString(90000), u"1.5 m"_s);
        QCOMPARE(values::msDurationToString(5400000), u"1.50 h"_s);
    }

    // Scala's immutable Map keeps up to four keys in insertion order, then iterates its hash trie: keys whose low
    // five hash bits are unique first (by those bits), then the colliding ones, level by level.
    void scalaMapOrder()
    {
        using cdeck::spark::scalaIterationOrder;
        QCOMPARE(scalaIterationOrder({7, 3, 5}), (QList<int>{7, 3, 5}));
        QCOMPARE(scalaIterationOrder({4, 3, 2, 1}), (QList<int>{4, 3, 2, 1}));
        QCOMPARE(scalaIterationOrder({5, 3, 1, 0, 2}), (QList<int>{0, 1, 2, 3, 5}));
        QCOMPARE(scalaIterationOrder({33, 1, 2, 3, 4}), (QList<int>{2, 3, 4, 1, 33}));
    }
};

QTEST_GUILESS_MAIN(TstSparkSql)
#include "tst_sparksql.moc"
