// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The triage detectors on Spark and YARN connections: Spark's golden REST answers and Hadoop's RM examples
// (read in place from /work/shared/fixtures) raise nothing as recorded, and raise what the issue names once a
// failure is edited into them (in memory): an executor or node lost, a stage failing attempt after attempt,
// applications failing again and again, an AccessControlException, a straggler in a task summary.
#include "core/backend/enginetriage/enginetriage.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::enginetriage;

namespace {

QJsonValue fixture(const QString &relative)
{
    QFile f(test::fixturesDir() + u'/' + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(f.fileName()));
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

SparkSnapshot sparkAsRecorded()
{
    QString error;
    SparkSnapshot s;
    s.clusterId = u"local-1422981780767"_s;
    s.executors = *spark::parseExecutors(fixture(u"spark/api-v1/executor_list_json_expectation.json"_s), &error);
    s.jobs = *spark::parseJobs(fixture(u"spark/api-v1/job_list_json_expectation.json"_s), &error);
    s.stages = *spark::parseStages(fixture(u"spark/api-v1/stage_list_json_expectation.json"_s), &error);
    const auto summary = spark::parseTaskSummary(fixture(u"spark/api-v1/stage_task_summary_w_shuffle_read_expectation.json"_s), &error);
    if (!summary)
        qFatal("task summary: %s", qPrintable(error));
    s.taskSummaries.insert(stageKey(s.stages.first().stageId, s.stages.first().attemptId), *summary);
    s.nowMs = QDateTime::fromString(u"2015-02-03T17:00:00Z"_s, Qt::ISODate).toMSecsSinceEpoch();
    return s;
}

YarnSnapshot yarnAsRecorded()
{
    QString error;
    YarnSnapshot s;
    s.clusterId = u"rm-1"_s;
    s.nodes = *yarn::parseNodes(fixture(u"yarn/rm-rest/cluster-nodes-api.response-1.json"_s), &error);
    s.apps = *yarn::parseApps(fixture(u"yarn/rm-rest/cluster-applications-api.response-1.json"_s), &error);
    s.nowMs = s.nodes.first().lastHealthUpdate.toMSecsSinceEpoch() + 60'000;
    return s;
}

QStringList types(const triage::IncidentList &list)
{
    QStringList t;
    for (const triage::Incident &i : list)
        t.append(toString(i.type));
    t.sort();
    return t;
}

} // namespace

class TstEngineTriage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sparkAsRecordedRaisesNothing()
    {
        const SparkSnapshot s = sparkAsRecorded();
        QVERIFY(s.executors.size() >= 1);
        QVERIFY(s.jobs.size() >= 2);
        // The recorded application has one failed job with one failed stage (a task failure, no access
        // error): one failure is no storm, and its tasks are even (p95 86 ms vs p75 84 ms): nothing to raise.
        QVERIFY(std::any_of(s.jobs.cbegin(), s.jobs.cend(), [](const spark::SparkJobInfo &j) { return j.status == "FAILED"_L1; }));
        const triage::IncidentList found = detectOnEngine(sparkFacts(s));
        QVERIFY2(found.isEmpty(), qPrintable(types(found).join(u", "_s)));
        // The failed stage's reason reaches its job as a log line.
        const triage::ClusterFacts facts = sparkFacts(s);
        bool reasonSeen = false;
        for (const triage::JobFacts &j : facts.jobs)
            for (const triage::LogLine &l : j.log)
                reasonSeen = reasonSeen || l.text.contains(u"Job aborted due to stage failure"_s);
        QVERIFY(reasonSeen);
    }

    void sparkFailuresRaiseTheirIncidents()
    {
        SparkSnapshot s = sparkAsRecorded();
        // An executor gone for a reason other than the driver's own decision: lost (F3).
        spark::SparkExecutorInfo lost = s.executors.first();
        lost.id = u"7"_s;
        lost.isActive = false;
        lost.removeReason = u"Container marked as failed: container_1 on host: h7. Exit status: 137"_s;
        lost.removeTime = QDateTime::fromMSecsSinceEpoch(s.nowMs - 120'000, Qt::UTC);
        s.executors.append(lost);
        // One removed by dynamic allocation is planned: nothing.
        spark::SparkExecutorInfo idle = lost;
        idle.id = u"8"_s;
        idle.removeReason = u"Executor killed by driver."_s;
        s.executors.append(idle);
        // The failed stage failed on HDFS permissions (F5 on its job) ...
        for (spark::SparkStageInfo &st : s.stages)
            if (st.status == "FAILED"_L1)
                st.failureReason = u"org.apache.hadoop.security.AccessControlException: Permission denied: user=spark, "
                                   "access=WRITE, inode=\"/warehouse/out\":hdfs:supergroup:drwxr-xr-x"_s;
        // ... and a stage failed four attempts in a row (a retry storm).
        spark::SparkStageInfo flaky = s.stages.first();
        for (int attempt = 0; attempt < 4; ++attempt) {
            flaky.stageId = 42;
            flaky.attemptId = attempt;
            flaky.status = u"FAILED"_s;
            flaky.failureReason = u"FetchFailed(BlockManagerId(3, h3, 7337), shuffleId=1)"_s;
            flaky.submissionTime = QDateTime::fromMSecsSinceEpoch(s.nowMs - 600'000 + attempt * 60'000, Qt::UTC);
            flaky.completionTime = flaky.submissionTime.addSecs(30);
            s.stages.append(flaky);
        }
        // A straggler: the slowest task 9 s against a p75 of 1.4 s (F2).
        spark::TaskSummary skewed = s.taskSummaries.begin().value();
        for (spark::TaskQuantileRow &row : skewed.rows)
            if (row.label == u"Duration"_s)
                row.values = {1000, 1200, 1300, 1400, 9000};
        s.taskSummaries.insert(s.taskSummaries.begin().key(), skewed);

        const triage::IncidentList found = detectOnEngine(sparkFacts(s));
        QCOMPARE(types(found), QStringList({u"executor_lost"_s, u"permission_denied"_s, u"retry_storm"_s, u"shuffle_skew"_s}));
        for (const triage::Incident &i : found) {
            QCOMPARE(i.clusterId, s.clusterId);
            QCOMPARE(i.runbook, toString(i.type));
            QVERIFY(!i.id.isEmpty());
            if (i.type == triage::IncidentType::ExecutorLost) {
                QCOMPARE(i.subject, u"7"_s);
                QVERIFY(i.summary.contains(u"Exit status: 137"_s));
                QCOMPARE(i.start.toMSecsSinceEpoch(), s.nowMs - 120'000);
            }
            if (i.type == triage::IncidentType::RetryStorm)
                QVERIFY2(i.subject.startsWith(u"stage 42"_s), qPrintable(i.subject));
            if (i.type == triage::IncidentType::PermissionDenied)
                QVERIFY(i.summary.contains(u"AccessControlException"_s) || !i.evidence.isEmpty());
        }
        // The same answers polled again give the same incidents (ids are stable: the console keeps its selection).
        QCOMPARE(detectOnEngine(sparkFacts(s)).first().id, found.first().id);
    }

    void yarnAsRecordedRaisesNothing()
    {
        const YarnSnapshot s = yarnAsRecorded();
        QCOMPARE(s.nodes.size(), 2);
        QCOMPARE(s.apps.size(), 2);
        const triage::IncidentList found = detectOnEngine(yarnFacts(s));
        QVERIFY2(found.isEmpty(), qPrintable(types(found).join(u", "_s)));
    }

    void yarnFailuresRaiseTheirIncidents()
    {
        YarnSnapshot s = yarnAsRecorded();
        s.nodes[1].state = u"LOST"_s; // the NM stopped heartbeating
        // The same application failing three times in ten minutes, the last on permissions.
        yarn::YarnApp failing = s.apps.first();
        for (int k = 0; k < 3; ++k) {
            failing.id = u"application_1476912658570_00%1"_s.arg(10 + k);
            failing.name = u"nightly etl"_s;
            failing.state = u"FAILED"_s;
            failing.finalStatus = u"FAILED"_s;
            failing.diagnostics = k < 2 ? u"Application failed 2 times due to AM Container exited with exitCode: 1"_s
                                        : u"org.apache.hadoop.security.AccessControlException: Permission denied: "
                                          "user=etl, access=WRITE"_s;
            failing.startedTime = QDateTime::fromMSecsSinceEpoch(s.nowMs - 600'000 + k * 180'000, Qt::UTC);
            failing.finishedTime = failing.startedTime.addSecs(60);
            s.apps.append(failing);
        }
        const triage::IncidentList found = detectOnEngine(yarnFacts(s));
        QCOMPARE(types(found), QStringList({u"executor_lost"_s, u"permission_denied"_s, u"retry_storm"_s}));
        for (const triage::Incident &i : found) {
            if (i.type == triage::IncidentType::ExecutorLost)
                QCOMPARE(i.subject, s.nodes[1].id);
            if (i.type == triage::IncidentType::RetryStorm)
                QCOMPARE(i.subject, u"nightly etl"_s);
        }
        // A decommissioned node is planned: no loss.
        s.nodes[1].state = u"DECOMMISSIONED"_s;
        QVERIFY(!types(detectOnEngine(yarnFacts(s))).contains(u"executor_lost"_s));
    }
};

QTEST_GUILESS_MAIN(TstEngineTriage)
#include "tst_enginetriage.moc"
