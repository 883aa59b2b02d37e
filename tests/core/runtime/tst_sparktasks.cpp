// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A Spark application's stages and tasks as the skew and stall detectors see them: Spark's own REST
// answers (the golden files in ../shared/fixtures/spark/api-v1) parsed into tasks, each stage attempt
// a task group, and skew on Spark only with uneven shuffle input (an even shuffle with one slow task, as
// etl_groupby's on a busy JVM, is no skew; skewed_join's hot partition is).
#include "core/backend/spark/sparkrestclient.h"
#include "core/runtime/engine/sparktasks.h"
#include "core/triage/detectors.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cdeck;
using namespace cdeck::spark;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(test::fixturesDir() + u"/spark/api-v1/"_s + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

SparkStageInfo stage(int id, const QString &status, int numTasks, int complete)
{
    SparkStageInfo s;
    s.stageId = id;
    s.status = status;
    s.numTasks = numTasks;
    s.numCompleteTasks = complete;
    s.name = u"collect at /var/lib/clusterdeck/jobs/skewed_join.py:47"_s;
    return s;
}

// A task list as Spark's driver writes it (only the fields that matter here, in Spark's shape).
QByteArray taskList(const QList<qint64> &durationsMs, const QList<qint64> &shuffleRead)
{
    QJsonArray tasks;
    for (qsizetype i = 0; i < durationsMs.size(); ++i)
        tasks.append(QJsonObject{{u"taskId"_s, 100 + i},
                                 {u"executorId"_s, QString::number(i % 2)},
                                 {u"status"_s, u"SUCCESS"_s},
                                 {u"launchTime"_s, u"2026-12-08T03:00:0%1.000GMT"_s.arg(i % 10)},
                                 {u"duration"_s, durationsMs[i]},
                                 {u"taskMetrics"_s,
                                  QJsonObject{{u"shuffleReadMetrics"_s,
                                               QJsonObject{{u"remoteBytesRead"_s, shuffleRead[i] / 2},
                                                           {u"localBytesRead"_s, shuffleRead[i] - shuffleRead[i] / 2}}},
                                              {u"shuffleWriteMetrics"_s, QJsonObject{{u"bytesWritten"_s, 10}}}}}});
    return QJsonDocument(tasks).toJson();
}

triage::ClusterFacts sparkCluster(const triage::TaskGroupFacts &group)
{
    triage::ClusterFacts f;
    f.clusterId = u"c1"_s;
    f.engine = EngineKind::Spark;
    f.state = ClusterState::Running;
    f.nowMs = QDateTime(QDate(2026, 12, 8), QTime(3, 1), Qt::UTC).toMSecsSinceEpoch();
    triage::JobFacts job;
    job.job.id = u"job-1"_s;
    job.job.name = u"skewed_join"_s;
    job.job.state = JobState::Running;
    f.jobs.append(job);
    f.groups.append(group);
    return f;
}

} // namespace

class TestSparkTasks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tasksFromSparksGoldenTaskList()
    {
        QString error;
        const auto tasks = parseTaskList(fixture(u"stage_task_list_expectation.json"_s), &error);
        QVERIFY2(tasks, qPrintable(error));
        QCOMPARE(tasks->size(), 20); // Spark's default page of a task list
        const StageTask &first = tasks->first();
        QCOMPARE(first.taskId, 0);
        QCOMPARE(first.executorId, u"driver"_s);
        QCOMPARE(first.status, u"SUCCESS"_s);
        QCOMPARE(first.durationMs, 435);
        QCOMPARE(first.shuffleWriteBytes, 1710);
        QCOMPARE(first.shuffleReadBytes, 0); // the first stage reads its source, no shuffle
        QCOMPARE(first.launchMs, QDateTime(QDate(2015, 5, 6), QTime(13, 3, 6, 494), Qt::UTC).toMSecsSinceEpoch());
        // A multi-attempt application's list parses the same way.
        QVERIFY(parseTaskList(fixture(u"stage_task_list_from_multi_attempt_app_json_1__expectation.json"_s), &error));
    }

    void anythingButATaskListIsRefused()
    {
        QString error;
        QVERIFY(!parseTaskList("{\"message\": \"no such stage\"}", &error));
        QVERIFY2(error.contains(u"task list"_s), qPrintable(error));
        error.clear();
        QVERIFY(!parseTaskList("[1, 2]", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!parseTaskList("<html>", &error));
        // A running task has no duration yet: kept as such, not as 0 s.
        const auto running = parseTaskList(R"([{"taskId": 7, "status": "RUNNING", "executorId": "1"}])", &error);
        QVERIFY(running);
        QCOMPARE(running->first().durationMs, -1);
    }

    void aStageAttemptIsATaskGroup()
    {
        QString error;
        const auto stages
            = parseStages(QJsonDocument::fromJson(fixture(u"stage_list_json_expectation.json"_s)).array(), &error);
        QVERIFY2(stages, qPrintable(error));
        const auto tasks = parseTaskList(fixture(u"stage_task_list_expectation.json"_s), &error);
        QVERIFY(tasks);
        const triage::TaskGroupFacts g = taskGroupOf(u"job-1"_s, stages->first(), *tasks);
        QCOMPARE(g.jobId, u"job-1"_s);
        QCOMPARE(g.group, u"stage-3.0"_s);
        QCOMPARE(g.prefix, u"stage 3 (count at <console>:17)"_s);
        QCOMPARE(g.durationsS.size(), 20);
        QCOMPARE(g.durationsS.first(), 0.435);
        QCOMPARE(g.shuffleReadBytes.size(), 20);
        QCOMPARE(g.tasksByExecutor.value(u"driver"_s), 20);
        QCOMPARE(g.remaining, 0); // COMPLETE
        QCOMPARE(g.fromMs, tasks->first().launchMs);
        QVERIFY(g.toMs > g.fromMs);
        // A stage still running has its tasks not completed left; one waiting for its parents has all.
        QCOMPARE(taskGroupOf(u"j"_s, stage(4, u"ACTIVE"_s, 32, 30), {}).remaining, 2);
        QCOMPARE(taskGroupOf(u"j"_s, stage(5, u"PENDING"_s, 32, 0), {}).remaining, 32);
        QCOMPARE(taskGroupOf(u"j"_s, stage(6, u"FAILED"_s, 32, 3), {}).remaining, 0); // retried as a new attempt
        QVERIFY(stageCanChange(stage(4, u"ACTIVE"_s, 1, 0)));
        QVERIFY(!stageCanChange(stage(4, u"COMPLETE"_s, 1, 1)));
        // Spark's call site keeps the script's file name, not its staging path.
        QCOMPARE(taskGroupOf(u"j"_s, stage(4, u"ACTIVE"_s, 1, 0), {}).prefix,
                 u"stage 4 (collect at skewed_join.py:47)"_s);
        SparkStageInfo retried = stage(4, u"ACTIVE"_s, 1, 0);
        retried.attemptId = 1;
        QCOMPARE(taskGroupOf(u"j"_s, retried, {}).group, u"stage-4.1"_s);
        QVERIFY(taskGroupOf(u"j"_s, retried, {}).prefix.startsWith(u"stage 4 attempt 1"_s));
    }

    void onlySucceededTasksCount()
    {
        QString error;
        const auto tasks = parseTaskList(R"([
            {"taskId": 1, "status": "SUCCESS", "executorId": "0", "duration": 2000, "launchTime": "2026-12-08T03:00:00.000GMT"},
            {"taskId": 2, "status": "FAILED", "executorId": "1", "duration": 90000, "launchTime": "2026-12-08T03:00:00.000GMT"},
            {"taskId": 3, "status": "RUNNING", "executorId": "1", "launchTime": "2026-12-08T03:00:01.000GMT"}])",
                                         &error);
        QVERIFY2(tasks, qPrintable(error));
        const triage::TaskGroupFacts g = taskGroupOf(u"j"_s, stage(1, u"ACTIVE"_s, 3, 1), *tasks);
        QCOMPARE(g.durationsS, QList<double>{2.0}); // a failed attempt's time is no straggler
        QCOMPARE(g.remaining, 2);
        QCOMPARE(g.toMs - g.fromMs, 2000);
    }

    void aSlowTaskWithEvenShuffleInputIsNoSkewOnSpark()
    {
        // etl_groupby on a busy machine: 8 tasks read the same shuffle bytes, one took 3x longer (GC, JIT).
        QString error;
        const auto tasks
            = parseTaskList(taskList({900, 1000, 950, 1000, 980, 1020, 990, 3200},
                                     {40 << 20, 41 << 20, 40 << 20, 39 << 20, 40 << 20, 41 << 20, 40 << 20, 42 << 20}),
                            &error);
        QVERIFY2(tasks, qPrintable(error));
        const triage::TaskGroupFacts g = taskGroupOf(u"job-1"_s, stage(2, u"COMPLETE"_s, 8, 8), *tasks);
        QVERIFY(triage::detectShuffleSkew(sparkCluster(g)).isEmpty());
        // The same durations from Dask's preload (no shuffle input per task) stay skew, as before.
        triage::ClusterFacts dask = sparkCluster(g);
        dask.engine = EngineKind::Dask;
        dask.groups[0].shuffleReadBytes.clear();
        QCOMPARE(triage::detectShuffleSkew(dask).size(), 1);
        // A stage that read no shuffle at all (it scans its source) has no skew on Spark either.
        triage::ClusterFacts scan = sparkCluster(g);
        scan.groups[0].shuffleReadBytes.fill(0);
        QVERIFY(triage::detectShuffleSkew(scan).isEmpty());
    }

    void aHotPartitionIsSkewWithSparksRunbook()
    {
        // skewed_join: one of 32 partitions read 90% of the shuffle and ran 40x longer.
        QList<qint64> durations(31, 120), reads(31, 200 << 10);
        durations.append(4800);
        reads.append(qint64(180) << 20);
        QString error;
        const auto tasks = parseTaskList(taskList(durations, reads), &error);
        QVERIFY2(tasks, qPrintable(error));
        const triage::TaskGroupFacts g = taskGroupOf(u"job-1"_s, stage(2, u"COMPLETE"_s, 32, 32), *tasks);
        const triage::IncidentList found = triage::detectAll(sparkCluster(g));
        const auto skew = std::find_if(found.cbegin(), found.cend(), [](const triage::Incident &i) {
            return i.type == triage::IncidentType::ShuffleSkew;
        });
        QVERIFY(skew != found.cend());
        QCOMPARE(skew->subject, u"job-1"_s);
        QCOMPARE(skew->runbook, u"spark_shuffle_skew"_s);
        QCOMPARE(triage::toString(skew->severity), triage::toString(triage::Severity::Severe)); // 40x
        const QString evidence = skew->evidence.first().lines.join(u'\n');
        QVERIFY2(evidence.contains(u"stage 2 (collect at skewed_join.py:47)"_s), qPrintable(evidence));
        QVERIFY2(evidence.contains(u"largest shuffle read 180"_s), qPrintable(evidence));
        // Just under 1.5x the 75th percentile of shuffle input: not uneven enough.
        triage::ClusterFacts borderline = sparkCluster(g);
        borderline.groups[0].shuffleReadBytes.last() = qint64(1.45 * (200 << 10));
        QVERIFY(triage::detectShuffleSkew(borderline).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSparkTasks)
#include "tst_sparktasks.moc"
