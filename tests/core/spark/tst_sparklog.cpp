// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// spark-log against Spark's own golden files: each expectation JSON of HistoryServerSuite, its URL and logs
// (fixtures/spark/url-mapping.tsv), compared on the fields issue 6 names, element by element.
#include "core/backend/spark/sparklogcommand.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QStringList kAppFields = {u"id"_s, u"name"_s};
const QStringList kAttemptFields = {u"attemptId"_s, u"startTime"_s, u"endTime"_s, u"duration"_s, u"completed"_s};
const QStringList kJobFields = {u"jobId"_s, u"name"_s, u"status"_s, u"stageIds"_s, u"numTasks"_s,
                                u"numCompletedTasks"_s, u"numSkippedTasks"_s, u"numFailedTasks"_s,
                                u"numActiveStages"_s, u"numCompletedStages"_s, u"numSkippedStages"_s,
                                u"numFailedStages"_s};
const QStringList kStageFields = {u"stageId"_s, u"attemptId"_s, u"status"_s, u"numTasks"_s, u"numCompleteTasks"_s,
                                  u"numFailedTasks"_s, u"inputBytes"_s, u"outputBytes"_s, u"shuffleReadBytes"_s,
                                  u"shuffleWriteBytes"_s, u"memoryBytesSpilled"_s, u"diskBytesSpilled"_s,
                                  u"executorRunTime"_s};
const QStringList kExecutorFields = {u"id"_s, u"hostPort"_s, u"isActive"_s, u"totalCores"_s, u"activeTasks"_s,
                                     u"failedTasks"_s, u"completedTasks"_s, u"totalTasks"_s, u"totalDuration"_s,
                                     u"totalInputBytes"_s, u"totalShuffleRead"_s, u"totalShuffleWrite"_s,
                                     u"maxMemory"_s, u"memoryUsed"_s, u"diskUsed"_s};

enum class Kind { AppList, App, Jobs, Job, Stages, StageAttempts, Stage, Executors, NotServed };

Kind kindOf(const QString &url)
{
    const QStringList seg = url.section(u'?', 0, 0).split(u'/', Qt::SkipEmptyParts);
    if (seg.size() == 1)
        return Kind::AppList;
    if (seg.size() == 2)
        return Kind::App;
    QStringList rest = seg.mid(2);
    if (!rest.isEmpty() && rest.first().front().isDigit())
        rest.removeFirst(); // an attempt id
    const QString what = rest.value(0);
    if (what == "jobs"_L1)
        return rest.size() == 1 ? Kind::Jobs : Kind::Job;
    if (what == "stages"_L1)
        return rest.size() == 1 ? Kind::Stages : rest.size() == 2 ? Kind::StageAttempts
            : rest.size() == 3                                    ? Kind::Stage
                                                                  : Kind::NotServed;
    if (what == "executors"_L1 || what == "allexecutors"_L1)
        return Kind::Executors;
    return Kind::NotServed; // task lists, summaries, storage, environment: not in issue 6's list
}

QString compareFields(const QJsonObject &expected, const QJsonObject &actual, const QStringList &fields,
                      const QString &where)
{
    for (const QString &f : fields) {
        if (expected.value(f) != actual.value(f)) {
            return u"%1.%2: expected %3, got %4"_s.arg(
                where, f, QString::fromUtf8(QJsonDocument(QJsonArray{expected.value(f)}).toJson(QJsonDocument::Compact)),
                QString::fromUtf8(QJsonDocument(QJsonArray{actual.value(f)}).toJson(QJsonDocument::Compact)));
        }
    }
    return {};
}

QString compareApp(const QJsonObject &e, const QJsonObject &a, const QString &where)
{
    QString d = compareFields(e, a, kAppFields, where);
    if (!d.isEmpty())
        return d;
    const QJsonArray ea = e.value("attempts"_L1).toArray(), aa = a.value("attempts"_L1).toArray();
    if (ea.size() != aa.size())
        return u"%1.attempts: expected %2, got %3"_s.arg(where).arg(ea.size()).arg(aa.size());
    for (qsizetype i = 0; i < ea.size(); ++i) {
        d = compareFields(ea.at(i).toObject(), aa.at(i).toObject(), kAttemptFields,
                          u"%1.attempts[%2]"_s.arg(where).arg(i));
        if (!d.isEmpty())
            return d;
    }
    return {};
}

QString compareList(const QJsonArray &e, const QJsonArray &a, const QStringList &fields)
{
    if (e.size() != a.size())
        return u"expected %1 elements, got %2"_s.arg(e.size()).arg(a.size());
    for (qsizetype i = 0; i < e.size(); ++i) {
        const QString d = compareFields(e.at(i).toObject(), a.at(i).toObject(), fields, u"[%1]"_s.arg(i));
        if (!d.isEmpty())
            return d;
    }
    return {};
}

} // namespace

class TstSparkLog : public QObject
{
    Q_OBJECT
private:
    QString m_spark;
    QSet<QString> m_presentApps; // App IDs of the logs in the fixture folder, read independently of the reader

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
        const QDir logs(m_spark + u"/event-logs"_s);
        for (const QString &name : logs.entryList(QDir::Files)) {
            QFile f(logs.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            while (!f.atEnd()) {
                const QByteArray line = f.readLine();
                if (line.contains("\"SparkListenerApplicationStart\"")) {
                    m_presentApps.insert(QJsonDocument::fromJson(line).object().value("App ID"_L1).toString());
                    break;
                }
            }
        }
        QCOMPARE(m_presentApps.size(), 12); // 14 logs; two apps have two attempts each
    }

    void goldenFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("logs");
        QFile tsv(m_spark + u"/url-mapping.tsv"_s);
        QVERIFY(tsv.open(QIODevice::ReadOnly | QIODevice::Text));
        tsv.readLine(); // header
        int served = 0;
        while (!tsv.atEnd()) {
            const QStringList cols = QString::fromUtf8(tsv.readLine()).trimmed().split(u'\t');
            QVERIFY(cols.size() == 4);
            if (kindOf(cols.at(1)) == Kind::NotServed)
                continue;
            QTest::newRow(qPrintable(cols.at(0))) << cols.at(0) << cols.at(1) << cols.at(2);
            ++served;
        }
        QVERIFY2(served >= 25, "fewer golden files in scope than expected: the mapping changed?");
    }

    void goldenFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, url);
        QFETCH(QString, logs);
        QFile f(m_spark + u"/api-v1/"_s + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonDocument expected = QJsonDocument::fromJson(f.readAll());
        QVERIFY(!expected.isNull());

        // One log on its own where the answer comes from one log; the whole folder otherwise, as Spark does.
        const QString dir = m_spark + u"/event-logs"_s;
        const QString path = logs.contains(u';') || logs == "*ALL*"_L1 ? dir : QString(dir + u'/' + logs);
        QString err;
        int code = -1;
        const QJsonDocument actual = run(path, url, &err, &code);
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(!actual.isNull(), "spark-log printed no JSON");

        QString diff;
        switch (kindOf(url)) {
        case Kind::AppList: {
            // Spark's list covers 18 logs, 4 of them not in the fixture folder: those are left out of the
            // expectation; with ?limit=N the answer holds N applications, the present ones first in order.
            QJsonArray present;
            qsizetype absent = 0;
            for (const QJsonValue &v : expected.array()) {
                if (m_presentApps.contains(v.toObject().value("id"_L1).toString()))
                    present.append(v);
                else
                    ++absent;
            }
            QJsonArray got = actual.array();
            if (url.contains("limit="_L1)) {
                const int limit = url.section("limit="_L1, 1).toInt();
                QCOMPARE(got.size(), qsizetype(limit));
                while (got.size() > present.size())
                    got.removeLast();
            }
            if (present.size() != got.size()) {
                diff = u"expected %1 applications (%2 not in the folder), got %3"_s.arg(present.size()).arg(absent).arg(got.size());
                break;
            }
            for (qsizetype i = 0; i < present.size() && diff.isEmpty(); ++i)
                diff = compareApp(present.at(i).toObject(), got.at(i).toObject(), u"[%1]"_s.arg(i));
            break;
        }
        case Kind::App:
            diff = compareApp(expected.object(), actual.object(), u"app"_s);
            break;
        case Kind::Jobs:
            diff = compareList(expected.array(), actual.array(), kJobFields);
            break;
        case Kind::Job:
            diff = compareFields(expected.object(), actual.object(), kJobFields, u"job"_s);
            break;
        case Kind::Stages:
        case Kind::StageAttempts:
            diff = compareList(expected.array(), actual.array(), kStageFields);
            break;
        case Kind::Stage:
            diff = compareFields(expected.object(), actual.object(), kStageFields, u"stage"_s);
            break;
        case Kind::Executors:
            diff = compareList(expected.array(), actual.array(), kExecutorFields);
            break;
        case Kind::NotServed:
            QFAIL("filtered out in _data");
        }
        QVERIFY2(diff.isEmpty(), qPrintable(file + u": "_s + diff));
    }
};

QTEST_GUILESS_MAIN(TstSparkLog)
#include "tst_sparklog.moc"
