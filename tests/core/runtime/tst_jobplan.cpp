// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A job's process plan and the judgement of its end, without an engine.
#include "core/runtime/jobplan.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TestJobPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void planCarriesTheDriversCommandAndTheJobsIdentity()
    {
        JobPlanInput in;
        in.jobId = u"job-1"_s;
        in.clusterId = u"c-1"_s;
        in.command.program = u"/usr/bin/python3"_s;
        in.command.arguments = {u"/s/etl.py"_s, u"100"_s};
        in.command.environment = {u"DASK_SCHEDULER_ADDRESS=tcp://127.0.0.1:9"_s};
        // A job must not inherit another job's id from the runtime's environment.
        in.baseEnvironment = {u"PATH=/usr/bin"_s, u"CLUSTERDECK_JOB_ID=stale"_s, u"HOME=/root"_s};
        in.workDir = u"/data/c-1/jobs/job-1"_s;
        in.logPath = u"/data/c-1/jobs/job-1.log"_s;
        const JobPlan plan = planJob(in);
        QCOMPARE(plan.process.program, u"/usr/bin/python3"_s);
        QCOMPARE(plan.process.arguments, (QStringList{u"/s/etl.py"_s, u"100"_s}));
        QCOMPARE(plan.process.workingDirectory, in.workDir);
        QCOMPARE(plan.process.logPath, in.logPath);
        const QStringList &env = plan.process.environment;
        QVERIFY(env.contains(u"DASK_SCHEDULER_ADDRESS=tcp://127.0.0.1:9"_s));
        QVERIFY(env.contains(u"CLUSTERDECK_JOB_ID=job-1"_s));
        QVERIFY(!env.contains(u"CLUSTERDECK_JOB_ID=stale"_s));
        QVERIFY(env.contains(u"CLUSTERDECK_CLUSTER_ID=c-1"_s));
        QVERIFY(env.contains(u"PYTHONUNBUFFERED=1"_s));
        // HOME is the job's folder, whoever it runs as (the base environment is the host's minimal one).
        QVERIFY(env.contains(u"HOME=/data/c-1/jobs/job-1"_s));
        QVERIFY(!env.contains(u"HOME=/root"_s));
        QVERIFY(!plan.process.runAs.drop);
        QVERIFY(plan.logNote.isEmpty());
    }

    void anotherUserGetsItsOwnHomeAndANote()
    {
        JobPlanInput in;
        in.jobId = u"job-2"_s;
        in.command.program = u"/usr/bin/python3"_s;
        in.baseEnvironment = {u"HOME=/root"_s, u"USER=root"_s};
        in.workDir = u"/tmp/clusterdeck-jobs-0/job-2"_s;
        in.runAs = {true, 50007, 50007, u"cdk50007"_s};
        const JobPlan plan = planJob(in);
        const QStringList &env = plan.process.environment;
        QVERIFY(env.contains(u"HOME=/tmp/clusterdeck-jobs-0/job-2"_s));
        QVERIFY(!env.contains(u"HOME=/root"_s));
        QVERIFY(env.contains(u"USER=cdk50007"_s));
        QVERIFY(env.contains(u"LOGNAME=cdk50007"_s));
        QVERIFY(plan.logNote.contains(u"runs as its cluster's user cdk50007 (uid 50007"_s));
        QCOMPARE(plan.process.runAs.uid, 50007u); // the host drops to it between fork and exec
    }

    void judgeJobEnd_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("crashed");
        QTest::addColumn<bool>("cancel");
        QTest::addColumn<bool>("clusterEnding");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("recordedExit");
        QTest::addColumn<QString>("reason");
        QTest::addRow("completed") << 0 << false << false << false << int(JobState::Completed) << 0 << QString();
        QTest::addRow("failed") << 3 << false << false << false << int(JobState::Failed) << 3
                                << u"Exited with code 3"_s;
        QTest::addRow("killed") << 9 << true << false << false << int(JobState::Failed) << -1
                                << u"Killed by a signal"_s;
        QTest::addRow("cancel wins") << 0 << true << true << true << int(JobState::Cancelled) << -1
                                     << u"Cancelled by request"_s;
        QTest::addRow("cluster ended") << 1 << false << false << true << int(JobState::Interrupted) << 1
                                       << u"Its cluster ended while it ran"_s;
    }

    void judgeJobEnd()
    {
        QFETCH(int, exitCode);
        QFETCH(bool, crashed);
        QFETCH(bool, cancel);
        QFETCH(bool, clusterEnding);
        QFETCH(int, state);
        QFETCH(int, recordedExit);
        QFETCH(QString, reason);
        const JobOutcome o = cdeck::judgeJobEnd({exitCode, crashed, cancel, clusterEnding});
        QCOMPARE(int(o.state), state);
        QCOMPARE(o.exitCode, recordedExit);
        QCOMPARE(o.reason, reason);
    }
};

QTEST_GUILESS_MAIN(TestJobPlan)
#include "tst_jobplan.moc"
