// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// spark-log against Spark's own golden files: each expectation JSON of HistoryServerSuite, its URL
// (fixtures/spark/url-mapping.tsv), answered from the whole fixture log folder as Spark's test does, and compared
// the way HistoryServerSuite compares: parsed JSON, whole trees, every field, only lastUpdated cleared.
#include "core/backend/spark/sparklogcommand.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// lastUpdated comes from the log file's modification time: Spark blanks it before comparing.
QJsonValue clearLastUpdated(const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &x : v.toArray())
            out.append(clearLastUpdated(x));
        return out;
    }
    if (!v.isObject())
        return v;
    QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == "lastUpdated"_L1)
            it.value() = u""_s;
        else if (it.key() == "lastUpdatedEpoch"_L1)
            it.value() = 0;
        else
            it.value() = clearLastUpdated(it.value());
    }
    return o;
}

QString show(const QJsonValue &v)
{
    const QString text = QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
    return text.size() > 300 ? text.left(300) + u"..."_s : text;
}

// The first difference between two JSON trees, with its path; empty when they are equal. Numbers compare by
// value (Spark writes 1.0 where Qt writes 1).
QString firstDifference(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    if (expected.type() != actual.type())
        return u"%1: expected %2, got %3"_s.arg(path, show(expected), show(actual));
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject(), a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key()))
                return u"%1.%2: missing (expected %3)"_s.arg(path, it.key(), show(it.value()));
            const QString d = firstDifference(it.value(), a.value(it.key()), path + u'.' + it.key());
            if (!d.isEmpty())
                return d;
        }
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!e.contains(it.key()))
                return u"%1.%2: not in Spark's answer (%3)"_s.arg(path, it.key(), show(it.value()));
        }
        return {};
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray(), a = actual.toArray();
        if (e.size() != a.size())
            return u"%1: expected %2 elements, got %3"_s.arg(path).arg(e.size()).arg(a.size());
        for (qsizetype i = 0; i < e.size(); ++i) {
            const QString d = firstDifference(e.at(i), a.at(i), u"%1[%2]"_s.arg(path).arg(i));
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    return expected == actual ? QString() : u"%1: expected %2, got %3"_s.arg(path, show(expected), show(actual));
}

} // namespace

class TstSparkLog : public QObject
{
    Q_OBJECT
private:
    QString m_spark;

    QJsonDocument run(const QString &path, const QString &url, QString *stderrText, int *code)
    {
        QString outText;
        QTextStream out(&outText), err(stderrText);
        *code = cdeck::spark::runSparkLogCommand({path, u"--api"_s, url}, out, err);
        return QJsonDocument::fromJson(outText.toUtf8());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_spark = cdeck::test::fixturesDir() + u"/spark"_s;
        QVERIFY(QFileInfo::exists(m_spark + u"/url-mapping.tsv"_s));
        // Spark's application lists span its whole test folder: all 18 logs must be here.
        QCOMPARE(QDir(m_spark + u"/event-logs"_s).entryList(QDir::Files).size(), 18);
    }

    void goldenFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("url");
        QFile tsv(m_spark + u"/url-mapping.tsv"_s);
        QVERIFY(tsv.open(QIODevice::ReadOnly | QIODevice::Text));
        tsv.readLine(); // header
        int rows = 0;
        while (!tsv.atEnd()) {
            const QStringList cols = QString::fromUtf8(tsv.readLine()).trimmed().split(u'\t');
            QVERIFY(cols.size() == 4);
            QTest::newRow(qPrintable(cols.at(0))) << cols.at(0) << cols.at(1);
            ++rows;
        }
        QCOMPARE(rows, 40); // every golden file, none left out
    }

    void goldenFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, url);
        QFile f(m_spark + u"/api-v1/"_s + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError parseError;
        const QJsonDocument expected = QJsonDocument::fromJson(f.readAll(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));

        // The History Server's log folder, as HistoryServerSuite uses it.
        QString err;
        int code = -1;
        const QJsonDocument actual = run(m_spark + u"/event-logs"_s, url, &err, &code);
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(!actual.isNull(), "spark-log printed no JSON");
        const QJsonValue e = expected.isArray() ? QJsonValue(expected.array()) : QJsonValue(expected.object());
        const QJsonValue a = actual.isArray() ? QJsonValue(actual.array()) : QJsonValue(actual.object());
        const QString diff = firstDifference(clearLastUpdated(e), clearLastUpdated(a), u"$"_s);
        QVERIFY2(diff.isEmpty(), qPrintable(file + u": "_s + diff));
    }

    // Unknown things answer the status Spark's server answers, as an error and a non-zero exit.
    void unknownIdsAreErrors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("status");
        QTest::newRow("app") << u"applications/no-such-app/jobs"_s << u"404"_s;
        QTest::newRow("attempt") << u"applications/local-1426533911241/9/jobs"_s << u"404"_s;
        QTest::newRow("job") << u"applications/local-1422981780767/jobs/99"_s << u"404"_s;
        QTest::newRow("stage") << u"applications/local-1422981780767/stages/12345"_s << u"404"_s;
        QTest::newRow("stage attempt") << u"applications/local-1422981780767/stages/1/7"_s << u"404"_s;
        QTest::newRow("task list of unknown stage") << u"applications/local-1430917381534/stages/9/0/taskList"_s
                                                    << u"404"_s;
        QTest::newRow("rdd") << u"applications/local-1422981780767/storage/rdd/42"_s << u"404"_s;
        QTest::newRow("quantiles") << u"applications/local-1430917381534/stages/0/0/taskSummary?quantiles=foo"_s
                                   << u"400"_s;
        QTest::newRow("sortBy") << u"applications/local-1430917381534/stages/0/0/taskList?sortBy=size"_s << u"400"_s;
        QTest::newRow("offset") << u"applications/local-1430917381534/stages/0/0/taskList?offset=x"_s << u"400"_s;
        QTest::newRow("task status") << u"applications/local-1430917381534/stages/0/0/taskList?status=done"_s
                                     << u"400"_s;
        QTest::newRow("details") << u"applications/local-1430917381534/stages/0?details=maybe"_s << u"400"_s;
        QTest::newRow("endpoint") << u"applications/local-1422981780767/nonsense"_s << u"404"_s;
    }

    void unknownIdsAreErrors()
    {
        QFETCH(QString, url);
        QFETCH(QString, status);
        QString err;
        int code = -1;
        run(m_spark + u"/event-logs"_s, url, &err, &code);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(u"error (%1)"_s.arg(status)), qPrintable(err));
    }

    // The task list's paging and orderings, checked against the full list rather than a golden file.
    void taskListOrderingsAndPaging()
    {
        const QString logs = m_spark + u"/event-logs"_s;
        const QString base = u"applications/local-1430917381534/stages/0/0/taskList"_s;
        QString err;
        int code = -1;
        const QJsonArray all = run(logs, base + u"?length=1000"_s, &err, &code).array();
        QCOMPARE(code, 0);
        QVERIFY(all.size() > 20);
        QJsonArray increasing = run(logs, base + u"?sortBy=runtime&length=1000"_s, &err, &code).array();
        QJsonArray decreasing = run(logs, base + u"?sortBy=-runtime&length=1000"_s, &err, &code).array();
        QCOMPARE(increasing.size(), all.size());
        QCOMPARE(decreasing.size(), all.size());
        for (qsizetype i = 0; i < all.size(); ++i) // one order is the other reversed, ties included
            QCOMPARE(increasing.at(i), decreasing.at(all.size() - 1 - i));
        for (qsizetype i = 1; i < increasing.size(); ++i) {
            const auto rt = [&](qsizetype k) {
                return increasing.at(k).toObject().value("taskMetrics"_L1).toObject().value("executorRunTime"_L1).toInt();
            };
            QVERIFY(rt(i - 1) <= rt(i));
        }
        const QJsonArray page = run(logs, base + u"?offset=5&length=3"_s, &err, &code).array();
        QCOMPARE(page.size(), 3);
        QCOMPARE(page.at(0), all.at(5));
        QCOMPARE(page.at(2), all.at(7));
        const QJsonArray none = run(logs, base + u"?status=failed"_s, &err, &code).array();
        QCOMPARE(code, 0);
        QCOMPARE(none.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TstSparkLog)
#include "tst_sparklog.moc"
