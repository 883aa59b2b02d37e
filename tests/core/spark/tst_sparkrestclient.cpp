// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The Spark REST client against a loopback server replaying Spark's golden answers, and against broken ones.
#include "core/backend/spark/sparkrestclient.h"
#include "replayserver.h"
#include "testpaths.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck::spark;

namespace {

using cdeck::test::ReplayServer;

QByteArray fixture(const QString &name)
{
    QFile f(cdeck::test::fixturesDir() + u"/spark/api-v1/"_s + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TstSparkRestClient : public QObject
{
    Q_OBJECT
private:
    ReplayServer m_server;

    RestReply fetch(SparkRestClient &client, const QString &path)
    {
        RestReply result;
        bool done = false;
        client.get(path, [&](const RestReply &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            result.error = u"test: no callback"_s;
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        // What Spark's UI answers for an application it does not know: a plain-text 404.
        m_server.notFound = ReplayServer::httpResponse(404, "Not Found", "unknown app: /api/v1/applications/nope", "text/plain");
        const QByteArray executors = fixture(u"executor_list_with_executor_metrics_json_expectation.json"_s);
        QVERIFY(!executors.isEmpty());
        m_server.responses.insert("GET /api/v1/applications/application_1553914137147_0018/executors", {ReplayServer::ok(executors)});
        m_server.responses.insert("GET /api/v1/applications/local-1422981780767/jobs", {ReplayServer::ok(fixture(u"job_list_json_expectation.json"_s))});
        m_server.responses.insert("GET /api/v1/applications/local-1422981780767/stages", {ReplayServer::ok(fixture(u"stage_list_json_expectation.json"_s))});
        m_server.responses.insert("GET /api/v1/applications", {ReplayServer::ok(fixture(u"application_list_json_expectation.json"_s))});
        m_server.responses.insert("GET /api/v1/applications/bad/jobs", {ReplayServer::ok("[{\"jobId\": 1,")});
        const QByteArray full = ReplayServer::ok(executors);
        // Content-Length promises the whole body; the server closes after 300 bytes of it.
        m_server.responses.insert("GET /api/v1/applications/cut/executors", {full.left(full.indexOf("\r\n\r\n") + 304)});
        m_server.responses.insert("GET /api/v1/applications/huge/executors", {ReplayServer::huge("[")});
        m_server.responses.insert("GET /api/v1/applications/silent/executors", {ReplayServer::silent()});
    }

    void readsExecutorsWithPeakHeap()
    {
        SparkRestClient client(QUrl(u"http://127.0.0.1:%1/"_s.arg(m_server.port())));
        bool done = false;
        RestReply reply;
        client.executors(u"application_1553914137147_0018"_s, [&](const RestReply &r) {
            reply = r;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 15000));
        QVERIFY2(reply.ok(), qPrintable(reply.error));
        QString error;
        const auto list = parseExecutors(reply.body, &error);
        QVERIFY2(list, qPrintable(error));
        QCOMPARE(list->size(), 4);
        const SparkExecutorInfo &driver = list->at(0);
        QCOMPARE(driver.id, u"driver"_s);
        QCOMPARE(driver.storageMemoryMax, 956615884);
        QVERIFY(driver.peakJvmHeap > 0); // from peakMemoryMetrics, not memoryUsed
        const SparkExecutorInfo &e3 = list->at(1);
        QCOMPARE(e3.completedTasks, 2);
        const cdeck::Executor x = toExecutor(e3);
        QCOMPARE(x.id, u"3"_s);
        QCOMPARE(cdeck::toString(x.status), cdeck::toString(cdeck::ExecutorStatus::Running));
        QCOMPARE(x.threads, 1);
        QCOMPARE(x.memoryLimitBytes, 3820172083);
    }

    void readsJobsStagesAndApplications()
    {
        SparkRestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.port())));
        QString error;
        const RestReply jr = fetch(client, u"applications/local-1422981780767/jobs"_s);
        QVERIFY2(jr.ok(), qPrintable(jr.error));
        const auto jobs = parseJobs(jr.body, &error);
        QVERIFY(jobs);
        QCOMPARE(jobs->size(), 3);
        QCOMPARE(jobs->at(1).status, u"FAILED"_s);
        QCOMPARE(jobs->at(1).numFailedTasks, 1);
        const cdeck::Job job = toJob(jobs->at(1), u"local-1422981780767"_s);
        QCOMPARE(cdeck::toString(job.state), cdeck::toString(cdeck::JobState::Failed));
        QVERIFY(!job.submittedAt.isValid()); // this old log has no submission times: left unset, not 1970
        const RestReply sr = fetch(client, u"applications/local-1422981780767/stages"_s);
        const auto stages = parseStages(sr.body, &error);
        QVERIFY(stages);
        QVERIFY(!stages->isEmpty());
        QCOMPARE(stages->at(0).stageId, 3);
        QCOMPARE(stages->at(0).inputBytes, 160);
        const auto apps = parseApplications(fetch(client, u"applications"_s).body, &error);
        QVERIFY(apps);
        QCOMPARE(apps->first().id, u"local-1642039451826"_s);
        QCOMPARE(apps->first().endTime.toMSecsSinceEpoch(), 1642039536564);
    }

    void failsCleanly_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("404 text body") << u"applications/nope/jobs"_s << u"unknown app"_s;
        QTest::newRow("malformed") << u"applications/bad/jobs"_s << u"not valid JSON"_s;
        QTest::newRow("truncated") << u"applications/cut/executors"_s << u""_s;
        QTest::newRow("huge") << u"applications/huge/executors"_s << u"larger than 1 MiB"_s;
        QTest::newRow("silent") << u"applications/silent/executors"_s << u"no answer"_s;
    }
    void failsCleanly()
    {
        QFETCH(QString, path);
        QFETCH(QString, errorPart);
        SparkRestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.port())));
        client.setMaxResponseBytes(1 << 20);
        client.setTimeoutMs(300);
        const RestReply r = fetch(client, path);
        QVERIFY(!r.ok());
        QVERIFY(!r.error.isEmpty());
        QVERIFY2(r.error.contains(errorPart), qPrintable(r.error));
    }

    void unreachableServerIsAnError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        SparkRestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        const RestReply r = fetch(client, u"applications"_s);
        QCOMPARE(r.httpStatus, 0);
        QVERIFY(!r.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstSparkRestClient)
#include "tst_sparkrestclient.moc"
