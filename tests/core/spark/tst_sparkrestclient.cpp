// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The Spark REST client against a loopback server replaying Spark's golden answers, and against broken ones.
#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/sparkrestclient.h"
#include "core/backend/spark/sparkstages.h"
#include "replayserver.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
        m_server.responses.insert("GET /api/v1/applications/local-1430917381534/stages/1/0/taskSummary",
                                  {ReplayServer::ok(fixture(u"stage_task_summary_w_shuffle_read_expectation.json"_s))});
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

    void readsTaskSummaryQuantiles()
    {
        SparkRestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.port())));
        RestReply reply;
        bool done = false;
        client.taskSummary(u"local-1430917381534"_s, 1, 0, [&](const RestReply &r) {
            reply = r;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 15000));
        QVERIFY2(reply.ok(), qPrintable(reply.error));
        QString error;
        const auto summary = parseTaskSummary(reply.body, &error);
        QVERIFY2(summary, qPrintable(error));
        const QJsonObject golden = QJsonDocument::fromJson(fixture(u"stage_task_summary_w_shuffle_read_expectation.json"_s)).object();
        QCOMPARE(summary->quantiles.size(), golden.value(u"quantiles"_s).toArray().size());
        auto rowOf = [&](const QString &label) -> const TaskQuantileRow * {
            for (const TaskQuantileRow &r : summary->rows)
                if (r.label == label)
                    return &r;
            return nullptr;
        };
        const TaskQuantileRow *runTime = rowOf(u"Executor run time"_s);
        const TaskQuantileRow *shuffleRead = rowOf(u"Shuffle read"_s);
        QVERIFY(runTime && shuffleRead);
        QCOMPARE(shuffleRead->unit, TaskQuantileRow::Unit::Bytes);
        for (int i = 0; i < summary->quantiles.size(); ++i) {
            QCOMPARE(runTime->values.at(i), golden.value(u"executorRunTime"_s).toArray().at(i).toDouble());
            QCOMPARE(shuffleRead->values.at(i),
                     golden.value(u"shuffleReadMetrics"_s).toObject().value(u"readBytes"_s).toArray().at(i).toDouble());
        }
        // Not the shape of a task summary: an error, never a half-read table.
        QJsonObject ragged = golden;
        ragged.insert(u"duration"_s, QJsonArray{1.0, 2.0});
        error.clear();
        QVERIFY(!parseTaskSummary(ragged, &error));
        QVERIFY2(error.contains(u"duration"_s), qPrintable(error));
        error.clear();
        QVERIFY(!parseTaskSummary(QJsonArray{}, &error));
        QVERIFY(!error.isEmpty());
    }

    void stageDagFromEventLogButNotFromRest()
    {
        // The API notes' DAG sample: stages with parents, some skipped.
        QString error;
        const auto app = EventLogReader::read(cdeck::test::fixturesDir() + u"/spark/event-logs/local-1642039451826"_s, &error);
        QVERIFY2(app, qPrintable(error));
        QList<SparkStageInfo> stages;
        for (const SparkStage &s : app->stages)
            stages.append(stageInfoOf(s));
        QList<SparkJobInfo> jobs;
        for (const SparkJob &j : app->jobs)
            jobs.append(jobInfoOf(j));
        assignJobIds(stages, jobs);
        int withEdges = 0;
        for (const SparkJobInfo &job : std::as_const(jobs)) {
            const auto graph = stageDag(stages, job, &error);
            QVERIFY2(graph, qPrintable(error));
            QCOMPARE(graph->nodeCount(), int(job.stageIds.size()));
            // One edge per parent stage id the log names inside the job, from parent to child.
            int expected = 0;
            for (const SparkStage &s : app->stages) {
                if (!job.stageIds.contains(s.stageId) || s.attemptId != 0)
                    continue;
                const cdeck::dag::DagNode *node = graph->node(stageNodeId(s.stageId));
                QVERIFY(node);
                QCOMPARE(node->state == cdeck::dag::NodeState::Completed, s.status == StageStatus::Complete);
                QCOMPARE(node->name.contains(u"skipped"_s), s.status == StageStatus::Skipped);
                for (int parent : s.parentIds) {
                    if (!job.stageIds.contains(parent))
                        continue;
                    ++expected;
                    QVERIFY(graph->indexOf(stageNodeId(parent)) >= 0);
                    bool found = false;
                    for (const cdeck::dag::DagEdge &e : graph->edges())
                        found = found || (e.from == stageNodeId(parent) && e.to == stageNodeId(s.stageId));
                    QVERIFY2(found, qPrintable(u"%1 -> %2"_s.arg(parent).arg(s.stageId)));
                }
            }
            QCOMPARE(graph->edgeCount(), expected);
            withEdges += expected > 0 ? 1 : 0;
        }
        QVERIFY(withEdges > 0);
        QVERIFY(peakConcurrentExecutors(*app) >= 0);

        // Spark's REST stages carry no parent ids: no DAG, and the error says where one comes from.
        SparkRestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.port())));
        auto restStages = parseStages(fetch(client, u"applications/local-1422981780767/stages"_s).body, &error);
        const auto restJobs = parseJobs(fetch(client, u"applications/local-1422981780767/jobs"_s).body, &error);
        QVERIFY(restStages && restJobs);
        assignJobIds(*restStages, *restJobs);
        error.clear();
        QVERIFY(!stageDag(*restStages, restJobs->first(), &error));
        QVERIFY2(error.contains(u"event log"_s), qPrintable(error));
        // The jobs' stage ids inverted: every stage belongs to the job that lists it.
        for (const SparkStageInfo &s : std::as_const(*restStages))
            for (int jobId : s.jobIds) {
                const auto job = std::find_if(restJobs->cbegin(), restJobs->cend(), [&](const SparkJobInfo &j) { return j.jobId == jobId; });
                QVERIFY(job != restJobs->cend() && job->stageIds.contains(s.stageId));
            }
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
