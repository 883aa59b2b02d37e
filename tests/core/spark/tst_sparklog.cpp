// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// spark-log against Spark's own golden files: each expectation JSON of HistoryServerSuite, its URL
// (fixtures/spark/url-mapping.tsv), answered from the whole fixture log folder as Spark's test does, and compared
// the way HistoryServerSuite compares: parsed JSON, whole trees, every field, only lastUpdated cleared.
#include "core/backend/spark/historycompare.h"
#include "core/backend/spark/sparklogcommand.h"
#include "testpaths.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A stand-in History Server on loopback that answers with Spark's own golden files: enough to test
// --compare-with without a JVM (the live comparison with Spark's real server is the integration test's).
class GoldenServer : public QTcpServer
{
public:
    QHash<QString, QByteArray> answers; // path after /api/v1/ (with query) -> body

    GoldenServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    const QByteArray request = s->readAll();
                    const QByteArray target = request.split(' ').value(1);
                    const QString path = QUrl::fromPercentEncoding(target).mid(int(qstrlen("/api/v1/")));
                    const bool known = answers.contains(path);
                    const QByteArray body = known ? answers.value(path) : QByteArray("unknown app");
                    s->write(QByteArray(known ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                              : "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n")
                             + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
                             + body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};

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
        const QString diff
            = cdeck::spark::firstJsonDifference(cdeck::spark::clearLastUpdated(e), cdeck::spark::clearLastUpdated(a));
        QVERIFY2(diff.isEmpty(), qPrintable(file + u": "_s + diff));
    }

    // The driver's totalGCTime is its JVM's own, the peak TotalGCTime of its executor metrics, as Spark's
    // AppStatusStore lists it, not the sum of jvmGcTime over the tasks it ran in local mode (which the listener
    // keeps for every other executor): 473 ms in the Spark 3.3 log (its tasks add up to 88 ms); 0 in a Spark 1.2
    // log, whose task ends carry no executor metrics and so report zero peaks (its tasks add up to 352 ms).
    void driverGcTimeIsTheJvms_data()
    {
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<qint64>("gcTime");
        QTest::addColumn<qint64>("taskSum");
        QTest::newRow("Spark 3.3, executors")
            << u"local-1642039451826"_s << u"executors"_s << qint64(473) << qint64(88);
        QTest::newRow("Spark 3.3, allexecutors")
            << u"local-1642039451826"_s << u"allexecutors"_s << qint64(473) << qint64(88);
        QTest::newRow("Spark 1.2, zero peaks")
            << u"local-1422981780767"_s << u"allexecutors"_s << qint64(0) << qint64(352);
    }

    void driverGcTimeIsTheJvms()
    {
        QFETCH(QString, app);
        QFETCH(QString, endpoint);
        QFETCH(qint64, gcTime);
        QFETCH(qint64, taskSum);
        // The tasks' sum, read from the log itself: what the answer must not be.
        QFile log(m_spark + u"/event-logs/"_s + app);
        QVERIFY(log.open(QIODevice::ReadOnly));
        qint64 sum = 0;
        while (!log.atEnd()) {
            const QJsonObject e = QJsonDocument::fromJson(log.readLine()).object();
            if (e[u"Event"_s].toString() == u"SparkListenerTaskEnd"_s
                && e[u"Task Info"_s][u"Executor ID"_s].toString() == u"driver"_s)
                sum += e[u"Task Metrics"_s][u"JVM GC Time"_s].toInteger();
        }
        QCOMPARE(sum, taskSum);

        QString err;
        int code = -1;
        const QJsonDocument executors
            = run(m_spark + u"/event-logs"_s, u"applications/"_s + app + u'/' + endpoint, &err, &code);
        QVERIFY2(code == 0, qPrintable(err));
        QJsonObject driver;
        for (const QJsonValue &x : executors.array())
            if (x[u"id"_s].toString() == u"driver"_s)
                driver = x.toObject();
        QVERIFY(!driver.isEmpty());
        QCOMPARE(driver.value(u"peakMemoryMetrics"_s)[u"TotalGCTime"_s].toInteger(), gcTime);
        QCOMPARE(driver[u"totalGCTime"_s].toInteger(), gcTime);
    }

    // --compare-with asks a server every endpoint and prints the first difference of each: all 40 golden answers
    // are "same", a changed field is named with its path, and a status Spark answers differently is reported.
    void compareWithServer()
    {
        GoldenServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QFile tsv(m_spark + u"/url-mapping.tsv"_s);
        QVERIFY(tsv.open(QIODevice::ReadOnly | QIODevice::Text));
        tsv.readLine();
        QStringList urls;
        while (!tsv.atEnd()) {
            const QStringList cols = QString::fromUtf8(tsv.readLine()).trimmed().split(u'\t');
            QFile golden(m_spark + u"/api-v1/"_s + cols.at(0));
            QVERIFY(golden.open(QIODevice::ReadOnly));
            server.answers.insert(cols.at(1), golden.readAll());
            urls.append(cols.at(1));
        }
        const QString base = u"http://127.0.0.1:%1"_s.arg(server.serverPort());
        const QString logs = m_spark + u"/event-logs"_s;
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cdeck::spark::compareWithServer(logs, base, urls, out, err), 0);
        QCOMPARE(outText.count(u"same  "_s), 40);
        QVERIFY2(outText.contains(u"40 endpoints compared, 0 differ"_s), qPrintable(outText));

        // One field changed in Spark's answer, and one endpoint Spark does not know.
        const QString jobs = u"applications/local-1422981780767/jobs/0"_s;
        server.answers[jobs].replace("\"numTasks\" : 8", "\"numTasks\" : 9");
        outText.clear();
        QCOMPARE(cdeck::spark::compareWithServer(logs, base,
                                                 {jobs, u"applications/local-1422981780767/stages"_s,
                                                  u"applications/local-1422981780767/allexecutors"_s},
                                                 out, err),
                 1);
        QVERIFY2(outText.contains(u"DIFF  "_s + jobs + u"\n      $.numTasks: expected 9, got 8"_s),
                 qPrintable(outText));
        QVERIFY2(outText.contains(u"same  applications/local-1422981780767/stages"_s), qPrintable(outText));
        QVERIFY2(outText.contains(u"status: Spark answered 404, we answer 200"_s), qPrintable(outText));
        QVERIFY(outText.contains(u"3 endpoints compared, 2 differ"_s));

        // Nobody listening: an error, not a false "same".
        const quint16 port = server.serverPort();
        server.close();
        outText.clear();
        errText.clear();
        QCOMPARE(cdeck::spark::compareWithServer(logs, u"http://127.0.0.1:%1"_s.arg(port), {jobs}, out, err), 1);
        QVERIFY2(errText.contains(u"cannot ask"_s), qPrintable(errText));
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

    // A stage with its tasks is written task by task (a 1 GB log's stage has 63,910 of them): the bytes must be
    // what QJsonDocument writes for the same tree (keys sorted, task ids as strings: "10" before "2"), every task
    // of the filter must be there, and the CLI's streamed output must equal the in-memory answer.
    void stageDetailsAreStreamedAsQtWritesThem_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("status"); // the task status filter, "" for all
        const QString app = u"applications/local-1430917381534/stages"_s;
        QTest::newRow("one attempt") << app + u"/0/0?details=true"_s << QString();
        QTest::newRow("attempts of a stage") << app + u"/0?details=true"_s << QString();
        QTest::newRow("every stage") << app + u"?details=true"_s << QString();
        QTest::newRow("succeeded tasks") << app + u"/0/0?details=true&taskStatus=SUCCESS"_s << u"SUCCESS"_s;
        QTest::newRow("no task matches") << app + u"/0/0?details=true&taskStatus=KILLED"_s << u"KILLED"_s;
        QTest::newRow("with summaries") << app + u"/0/0?details=true&withSummaries=true"_s << QString();
        QTest::newRow("failed tasks, other log")
            << u"applications/app-20161116163331-0000/stages/0/0?details=true&taskStatus=FAILED"_s << u"FAILED"_s;
    }

    void stageDetailsAreStreamedAsQtWritesThem()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, status);
        const QString logs = m_spark + u"/event-logs"_s;
        const cdeck::spark::HistoryAnswer answer = cdeck::spark::answerHistoryRequest(logs, endpoint);
        QVERIFY2(answer.status == 200, qPrintable(answer.error));
        const QJsonDocument tree = QJsonDocument::fromJson(answer.json);
        QVERIFY(!tree.isNull());
        QCOMPARE(answer.json, tree.toJson(QJsonDocument::Indented));

        QJsonArray stages = tree.isArray() ? tree.array() : QJsonArray{tree.object()};
        QVERIFY(!stages.isEmpty());
        for (const QJsonValue &v : std::as_const(stages)) {
            const QJsonObject stage = v.toObject();
            const QJsonObject tasks = stage.value("tasks"_L1).toObject();
            QVERIFY(stage.value("tasks"_L1).isObject());
            const QString list = endpoint.section(u"/stages"_s, 0, 0)
                + u"/stages/%1/%2/taskList?length=1000000%3"_s.arg(stage.value("stageId"_L1).toInt())
                      .arg(stage.value("attemptId"_L1).toInt())
                      .arg(status.isEmpty() ? QString() : u"&status="_s + status);
            const QJsonArray expected
                = QJsonDocument::fromJson(cdeck::spark::answerHistoryRequest(logs, list).json).array();
            QCOMPARE(tasks.size(), expected.size());
            for (const QJsonValue &t : expected)
                QCOMPARE(tasks.value(QString::number(t.toObject().value("taskId"_L1).toInteger())), t);
        }

        // The CLI writes to its device as the answer is produced; a string stream gets it whole: both the same.
        QByteArray streamed;
        QBuffer device(&streamed);
        QVERIFY(device.open(QIODevice::WriteOnly));
        QTextStream out(&device);
        QString err;
        QTextStream errStream(&err);
        QCOMPARE(cdeck::spark::runSparkLogCommand({logs, u"--api"_s, endpoint}, out, errStream), 0);
        QCOMPARE(streamed, answer.json);
    }
};

QTEST_GUILESS_MAIN(TstSparkLog)
#include "tst_sparklog.moc"
