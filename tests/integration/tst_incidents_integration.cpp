// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Failures on a real cluster, end to end: faults injected through clusterdeck-cli into real Dask
// processes, and what the runtime records about them. One small cluster is shared by the test functions
// (two cores are shared by everything on this machine), so they run in order.
#include "core/backend/runtime/runtimeclient.h"
#include "core/model/clusterevent.h"
#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/model/job.h"
#include "loopback.h"
#include "runtimeprocess.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

struct ProcState
{
    qint64 pid = 0;
    char state = '?'; // R, S, T (stopped), Z, ...
};

// The live members of a process group and their scheduler states, read from /proc.
QList<ProcState> groupMembers(qint64 pgid)
{
    QList<ProcState> result;
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.front().isDigit())
            continue;
        QFile stat(u"/proc/"_s + pid + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const int close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        // After "(comm) ": state ppid pgrp ...
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 3 || fields[2].toLongLong() != pgid || fields[0] == "Z")
            continue;
        result.append({pid.toLongLong(), fields[0].isEmpty() ? '?' : fields[0][0]});
    }
    return result;
}

} // namespace

class TstIncidentsIntegration : public QObject
{
    Q_OBJECT
private:
    static constexpr int kIdleThresholdS = 8;
    static constexpr int kJobStallS = 6; // no task of a running job finished for this long: job_stalled
    test::RuntimeProcess m_runtime;
    QString m_clusterId;
    QDateTime m_stallOver; // when the stall-worker test's worker had resumed
    QString m_etlJobId; // the etl_groupby job a worker was killed under
    QString m_victim; // that worker
    QString m_hogJobId; // the memory_hog job that failed on small workers
    QString m_largerClusterId; // the cluster a resubmission launched, until the test ends it


    int cli(const QStringList &args, QJsonValue *json = nullptr, int timeoutMs = 240000)
    {
        return m_runtime.cli(args, json, timeoutMs);
    }

    ApiReply api(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        return m_runtime.api(verb, path, body);
    }

    QList<Executor> executors()
    {
        QList<Executor> result;
        QJsonValue json;
        if (cli({u"executors"_s, m_clusterId}, &json) == 0)
            for (const QJsonValue &v : json.toArray())
                result.append(Executor::fromJson(v.toObject()));
        return result;
    }

    Executor executor(const QString &id)
    {
        for (const Executor &e : executors())
            if (e.id == id)
                return e;
        return {};
    }

    // Submits a sample; its id, or "" when refused.
    QString submit(const QString &sample, const QStringList &args = {})
    {
        QStringList cmd{u"job"_s, u"submit"_s, m_clusterId, u"--sample"_s, sample};
        for (const QString &a : args)
            cmd << u"--arg"_s << a;
        QJsonValue json;
        if (cli(cmd, &json) != 0)
            return {};
        return json.toObject().value(u"id"_s).toString();
    }

    // The cluster's incidents as `clusterdeck-cli incidents ID --json` lists them.
    QJsonArray incidents()
    {
        QJsonValue json;
        return cli({u"incidents"_s, m_clusterId}, &json) == 0 ? json.toArray() : QJsonArray();
    }

    // The first incident of a type about a subject ("" matches any subject).
    QJsonObject incident(const QString &type, const QString &subject = {})
    {
        for (const QJsonValue &v : incidents()) {
            const QJsonObject o = v.toObject();
            if (o.value(u"type"_s).toString() == type && (subject.isEmpty() || o.value(u"subject"_s).toString() == subject))
                return o;
        }
        return {};
    }

    int count(const QString &type)
    {
        int n = 0;
        for (const QJsonValue &v : incidents())
            n += v.toObject().value(u"type"_s).toString() == type;
        return n;
    }

    // An incident carries what the issue asks for, and its runbook is served.
    void checkIncidentShape(const QJsonObject &o, const QString &type)
    {
        QCOMPARE(o.value(u"type"_s).toString(), type);
        QCOMPARE(o.value(u"runbook"_s).toString(), type);
        QVERIFY(o.value(u"start"_s).isString());
        QVERIFY(o.contains(u"end"_s));
        QVERIFY(!o.value(u"summary"_s).toString().isEmpty());
        QVERIFY(!o.value(u"evidence"_s).toArray().isEmpty());
        const ApiReply runbook = api("GET", u"/runbooks/"_s + type);
        QCOMPARE(runbook.httpStatus, 200);
        const QString markdown = runbook.body.toObject().value(u"markdown"_s).toString();
        for (const char *section : {"## Symptom", "## Checks", "## Fixes"})
            QVERIFY2(markdown.contains(QLatin1StringView(section)), section);
    }

    JobState jobState(const QString &jobId)
    {
        return Job::fromJson(api("GET", u"/clusters/%1/jobs/%2"_s.arg(m_clusterId, jobId)).body.toObject()).state;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(u"/usr/bin/dask"_s).isExecutable(), "Debian's Dask is required (scripts/install-deps.sh)");
        m_runtime.setEnvironment({{u"CLUSTERDECK_TERMINATE_GRACE_S"_s, u"5"_s},
                                  {u"CLUSTERDECK_RETIRE_GRACE_S"_s, u"10"_s},
                                  {u"CLUSTERDECK_TRIAGE_MS"_s, u"1000"_s},
                                  {u"CLUSTERDECK_IDLE_INCIDENT_S"_s, QString::number(kIdleThresholdS)},
                                  {u"CLUSTERDECK_JOB_STALL_S"_s, QString::number(kJobStallS)}});
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"launch"_s, u"--name"_s, u"faults"_s, u"--workers"_s, u"2"_s, u"--wait"_s}, &json), 0);
        m_clusterId = json.toObject().value(u"id"_s).toString();
        QVERIFY(!m_clusterId.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_largerClusterId.isEmpty() && m_runtime.isRunning())
            cli({u"cluster"_s, u"terminate"_s, m_largerClusterId, u"--wait"_s, u"--timeout"_s, u"60"_s});
        if (!m_clusterId.isEmpty() && m_runtime.isRunning())
            cli({u"cluster"_s, u"terminate"_s, m_clusterId, u"--wait"_s, u"--timeout"_s, u"60"_s});
        m_runtime.stopAndReap();
    }

    void badFaultRequestsAreRefused()
    {
        const QString path = u"/clusters/"_s + m_clusterId + u"/chaos"_s;
        ApiReply r = api("POST", path, {{u"action"_s, u"reboot"_s}});
        QCOMPARE(r.httpStatus, 400);
        QVERIFY2(r.fields.contains(u"action"_s), qPrintable(r.message()));
        r = api("POST", path, {{u"action"_s, u"stall-worker"_s}, {u"seconds"_s, 0}});
        QCOMPARE(r.httpStatus, 400);
        QVERIFY(r.fields.contains(u"seconds"_s));
        r = api("POST", path, {{u"action"_s, u"kill-worker"_s}, {u"executor"_s, u"w99"_s}});
        QCOMPARE(r.httpStatus, 404);
        QCOMPARE(api("GET", path).httpStatus, 405);
        QCOMPARE(cli({u"chaos"_s, m_clusterId, u"explode"_s}), 2); // a usage error
        QCOMPARE(cli({u"chaos"_s, m_clusterId, u"kill-worker"_s, u"--executor"_s, u"w99"_s}), 1);
        // Nothing was hit.
        for (const Executor &e : executors())
            QCOMPARE(toString(e.status), toString(ExecutorStatus::Running));
    }

    void stallWorkerStopsTheWholeGroupThenResumesIt()
    {
        const Executor before = executor(u"w1"_s);
        QVERIFY(before.pid > 0);
        QJsonValue json;
        QCOMPARE(cli({u"chaos"_s, m_clusterId, u"stall-worker"_s, u"--executor"_s, u"w1"_s, u"--seconds"_s, u"3"_s},
                     &json),
                 0);
        QCOMPARE(json.toObject().value(u"executor"_s).toString(), u"w1"_s);
        QCOMPARE(json.toObject().value(u"seconds"_s).toInt(), 3);
        // The nanny and its worker both stop: a stall, not a crash.
        // (SIGSTOP lands at once, but a process running on the other core shows 'T' a moment later.)
        QVERIFY2(groupMembers(before.pid).size() >= 2, qPrintable(QString::number(groupMembers(before.pid).size())));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<ProcState> members = groupMembers(before.pid);
                return std::all_of(members.cbegin(), members.cend(), [](const ProcState &p) { return p.state == 'T'; });
            }(),
            1500);
        // A second stall on the same worker is refused while the first lasts.
        QCOMPARE(api("POST", u"/clusters/"_s + m_clusterId + u"/chaos"_s,
                     {{u"action"_s, u"stall-worker"_s}, {u"executor"_s, u"w1"_s}})
                     .httpStatus,
                 409);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<ProcState> members = groupMembers(before.pid);
                return !members.isEmpty()
                    && std::none_of(members.cbegin(), members.cend(), [](const ProcState &p) { return p.state == 'T'; });
            }(),
            10000);
        // Same process, same incarnation: it was paused, never restarted.
        const Executor after = executor(u"w1"_s);
        QCOMPARE(after.pid, before.pid);
        QCOMPARE(after.restarts, before.restarts);
        QTRY_COMPARE_WITH_TIMEOUT(toString(executor(u"w1"_s).status), toString(ExecutorStatus::Running), 10000);
        m_stallOver = QDateTime::currentDateTimeUtc();
    }

    void killWorkerDuringAShuffleIsAnUnplannedLossAndTheJobCompletes()
    {
        const QString jobId = submit(u"etl_groupby"_s);
        QVERIFY(!jobId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(toString(jobState(jobId)), u"RUNNING"_s, 20000);
        QTest::qWait(2000); // into the shuffle, so the kill loses work in flight
        QJsonValue json;
        QCOMPARE(cli({u"chaos"_s, m_clusterId, u"kill-worker"_s}, &json), 0);
        const QString victim = json.toObject().value(u"executor"_s).toString();
        const qint64 pgid = qint64(json.toObject().value(u"processGroup"_s).toDouble());
        QVERIFY(!victim.isEmpty());
        QVERIFY(pgid > 0);
        m_etlJobId = jobId;
        m_victim = victim;
        // The whole group is gone (nanny included, so nothing restarts the worker)...
        QTRY_VERIFY_WITH_TIMEOUT(groupMembers(pgid).isEmpty(), 5000);
        // ...and it is recorded as lost, not retired: nobody asked for it.
        const Executor lost = executor(victim);
        QCOMPARE(toString(lost.status), toString(ExecutorStatus::Lost));
        QVERIFY2(lost.statusReason.contains(u"fault injection"_s), qPrintable(lost.statusReason));
        QVERIFY(lost.endedAt.isValid());
        // Until a replacement registers, the cluster says it runs below its requested count.
        const ClusterInfo below = ClusterInfo::fromJson(api("GET", u"/clusters/"_s + m_clusterId).body.toObject());
        QCOMPARE(below.runningWorkers, 1);
        QVERIFY2(below.capacityReason.startsWith(u"1 of 2 workers running"_s), qPrintable(below.capacityReason));
        // F3 within 10 s of the kill, severe (a job was running), with its runbook.
        QTRY_VERIFY_WITH_TIMEOUT(!incident(u"executor_lost"_s, victim).isEmpty(), 10000);
        const QJsonObject f3 = incident(u"executor_lost"_s, victim);
        checkIncidentShape(f3, u"executor_lost"_s);
        QCOMPARE(f3.value(u"severity"_s).toString(), u"SEVERE"_s);
        QVERIFY2(f3.value(u"summary"_s).toString().contains(jobId), qPrintable(f3.value(u"summary"_s).toString()));
        QVERIFY(f3.value(u"end"_s).isNull()); // open while the job it hit runs
        // Dask recomputes what the lost worker held, on the worker that is left.
        QTRY_VERIFY_WITH_TIMEOUT(isFinished(jobState(jobId)), 180000);
        const Job job = Job::fromJson(api("GET", u"/clusters/%1/jobs/%2"_s.arg(m_clusterId, jobId)).body.toObject());
        QVERIFY2(job.state == JobState::Completed, qPrintable(toString(job.state) + u'\n' + job.logTail));
        QCOMPARE(toString(executor(victim).status), toString(ExecutorStatus::Lost)); // no nanny came back...
        // ...but the cluster keeps its requested count: a new worker replaced the lost one, saying why.
        QJsonValue eventsJson;
        QCOMPARE(cli({u"cluster"_s, u"events"_s, m_clusterId}, &eventsJson), 0);
        QList<ClusterEvent> replacements;
        for (const QJsonValue &v : eventsJson.toArray()) {
            const ClusterEvent e = ClusterEvent::fromJson(v.toObject());
            if (e.type == QLatin1StringView(ClusterEvent::kWorkerReplaced))
                replacements.append(e);
        }
        QCOMPARE(replacements.size(), 1);
        QCOMPARE(replacements.first().metrics.value(u"replaces"_s).toString(), victim);
        QVERIFY2(replacements.first().reason.contains(u"replaces lost %1 (Killed by fault injection"_s.arg(victim)),
                 qPrintable(replacements.first().reason));
        const QString replacementId = replacements.first().executorId;
        QVERIFY(replacementId != victim && !replacementId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(toString(executor(replacementId).status), toString(ExecutorStatus::Running), 60000);
        const ClusterInfo restored = ClusterInfo::fromJson(api("GET", u"/clusters/"_s + m_clusterId).body.toObject());
        QCOMPARE(restored.runningWorkers, 2);
        QCOMPARE(restored.capacityReason, QString());
        // The job recovered and the count is back: the incident is over, ended when both were true.
        QTRY_VERIFY_WITH_TIMEOUT(!incident(u"executor_lost"_s, victim).value(u"end"_s).isNull(), 10000);
        QCOMPARE(
            QDateTime::fromString(incident(u"executor_lost"_s, victim).value(u"end"_s).toString(), Qt::ISODateWithMs),
            std::max(job.endedAt, executor(replacementId).startedAt));
        // The 3 s stall earlier was under the 10 s threshold: no network stall was raised for it. (A worker
        // busy alone with the whole shuffle on a loaded machine may be silent long enough later: not this.)
        for (const QJsonValue &v : incidents()) {
            const QJsonObject o = v.toObject();
            if (o.value(u"type"_s) == "network_stall"_L1)
                QVERIFY2(QDateTime::fromString(o.value(u"start"_s).toString(), Qt::ISODateWithMs) >= m_stallOver,
                         qPrintable(o.value(u"summary"_s).toString()));
        }
        // The dead worker cannot be hit again.
        QCOMPARE(api("POST", u"/clusters/"_s + m_clusterId + u"/chaos"_s,
                     {{u"action"_s, u"kill-worker"_s}, {u"executor"_s, victim}})
                     .httpStatus,
                 409);
    }

    void aPlannedRetireRaisesNoLoss()
    {
        QCOMPARE(cli({u"cluster"_s, u"scale"_s, m_clusterId, u"--workers"_s, u"2"_s, u"--wait"_s}), 0);
        const int lossesBefore = count(u"executor_lost"_s);
        QCOMPARE(cli({u"cluster"_s, u"scale"_s, m_clusterId, u"--workers"_s, u"1"_s, u"--wait"_s}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<Executor> list = executors();
                return std::count_if(list.cbegin(), list.cend(),
                                     [](const Executor &e) { return e.status == ExecutorStatus::Retired; })
                    == 1;
            }(),
            30000);
        QTest::qWait(3000); // three detector rounds
        QCOMPARE(count(u"executor_lost"_s), lossesBefore);
    }

    void jobsRunUnprivilegedAndAWriteToARootOwnedFolderIsPermissionDenied()
    {
        // The runtime runs as root here; the job does not, so no chmod can save its write.
        QVERIFY2(::geteuid() == 0, "this test checks least privilege and needs the runtime to run as root");
        QJsonValue json;
        QCOMPARE(cli({u"job"_s, u"submit"_s, m_clusterId, u"--sample"_s, u"export_report"_s, u"--wait"_s}, &json), 1);
        const Job failed = Job::fromJson(json.toObject());
        QCOMPARE(toString(failed.state), u"FAILED"_s);
        // As its cluster's own user (see docs/security.md, Engines isolated), never root.
        const uint clusterUid = QFileInfo(m_runtime.dataDir() + u"/clusters/"_s + m_clusterId).ownerId();
        QVERIFY(clusterUid >= 50000 && clusterUid <= 50999);
        QVERIFY2(failed.logTail.contains(u"this job runs as its cluster's user cdk%1"_s.arg(clusterUid)),
                 qPrintable(failed.logTail));
        QVERIFY2(failed.logTail.contains(u"running as uid %1"_s.arg(clusterUid)), qPrintable(failed.logTail));
        QVERIFY2(failed.logTail.contains(u"PermissionError: [Errno 13] Permission denied"_s), qPrintable(failed.logTail));
        QVERIFY(!QFileInfo::exists(m_runtime.dataDir() + u"/clusters/"_s + m_clusterId + u"/jobs/report.csv"_s));
        // Seen from the job's log as the error is printed; severe once the job has failed on it.
        QTRY_COMPARE_WITH_TIMEOUT(incident(u"permission_denied"_s, failed.id).value(u"severity"_s).toString(), u"SEVERE"_s,
                                  10000);
        const QJsonObject f5 = incident(u"permission_denied"_s, failed.id);
        checkIncidentShape(f5, u"permission_denied"_s);
        // The job ran from its staged copy (core/runtime/jobstaging.h); ".." is the runtime's staging root.
        QVERIFY2(f5.value(u"summary"_s).toString().contains(u"/clusterdeck-jobs-0/report.csv"_s),
                 qPrintable(f5.value(u"summary"_s).toString()));
        // The same job writing where it may (its own folder) completes, and raises nothing.
        const int before = count(u"permission_denied"_s);
        QCOMPARE(cli({u"job"_s, u"submit"_s, m_clusterId, u"--sample"_s, u"export_report"_s, u"--arg"_s, u"."_s,
                      u"--wait"_s},
                     &json),
                 0);
        const Job ok = Job::fromJson(json.toObject());
        // The sample logs where it wrote: its own folder, the staged copy it ran from.
        const QRegularExpressionMatch written = QRegularExpression(u"writing (\\S+)"_s).match(ok.logTail);
        QVERIFY2(written.hasMatch(), qPrintable(ok.logTail));
        const QFileInfo report(written.captured(1));
        QVERIFY2(report.exists(), qPrintable(report.filePath()));
        QVERIFY(report.filePath().endsWith(u"/"_s + ok.id + u"/report.csv"_s));
        QCOMPARE(report.ownerId(), clusterUid); // written by the job's own user: its cluster's
        QTest::qWait(2500);
        QCOMPARE(count(u"permission_denied"_s), before);
    }

    void memoryHogOnSmallWorkersIsExecutorOom()
    {
        QJsonValue json;
        QCOMPARE(cli({u"job"_s, u"submit"_s, m_clusterId, u"--sample"_s, u"memory_hog"_s, u"--wait"_s}, &json), 1);
        const Job job = Job::fromJson(json.toObject());
        QCOMPARE(toString(job.state), u"FAILED"_s);
        QVERIFY2(job.logTail.contains(u"KilledWorker"_s), qPrintable(job.logTail));
        m_hogJobId = job.id;
        // Raised while the job ran, critical once it failed for it (within a detector round or two).
        QTRY_COMPARE_WITH_TIMEOUT(incident(u"executor_oom"_s).value(u"severity"_s).toString(), u"CRITICAL"_s, 10000);
        const QJsonObject f1 = incident(u"executor_oom"_s);
        checkIncidentShape(f1, u"executor_oom"_s);
        bool quotesTheNanny = false;
        for (const QJsonValue &e : f1.value(u"evidence"_s).toArray())
            for (const QJsonValue &line : e.toObject().value(u"lines"_s).toArray())
                quotesTheNanny |= line.toString().contains(u"memory budget"_s);
        QVERIFY(quotesTheNanny);
        // Its DAG (the third sample job's, issue 5): one task group of independent tasks, hog, failed
        // (its erred task is remembered after the failed job's client let go of it), no dependencies.
        QCOMPARE(cli({u"job"_s, u"dag"_s, m_clusterId, job.id}, &json), 0);
        const QJsonArray nodes = json.toObject().value(u"nodes"_s).toArray();
        QCOMPARE(nodes.size(), 1);
        const QJsonObject hog = nodes.first().toObject();
        QCOMPARE(hog.value(u"name"_s).toString(), u"hog"_s);
        QCOMPARE(hog.value(u"state"_s).toString(), u"failed"_s);
        QVERIFY(json.toObject().value(u"edges"_s).toArray().isEmpty());
    }

    void anIdleClusterPastItsThresholdIsAnIdleIncident()
    {
        // Nothing runs now: WAITING since the last job ended.
        QTRY_COMPARE_WITH_TIMEOUT(api("GET", u"/clusters/"_s + m_clusterId).body.toObject().value(u"state"_s).toString(),
                                  u"WAITING"_s, 10000);
        const ClusterInfo c = ClusterInfo::fromJson(api("GET", u"/clusters/"_s + m_clusterId).body.toObject());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonObject o = incident(u"idle_cluster"_s);
                return !o.isEmpty() && o.value(u"end"_s).isNull();
            }(),
            (kIdleThresholdS + 10) * 1000);
        QJsonObject idle;
        for (const QJsonValue &v : incidents())
            if (v.toObject().value(u"type"_s) == "idle_cluster"_L1 && v.toObject().value(u"end"_s).isNull())
                idle = v.toObject();
        checkIncidentShape(idle, u"idle_cluster"_s);
        QCOMPARE(idle.value(u"severity"_s).toString(), u"LOW"_s);
        QCOMPARE(QDateTime::fromString(idle.value(u"start"_s).toString(), Qt::ISODateWithMs), c.stateChangedAt);
        // A job makes it busy: the idle incident ends.
        QCOMPARE(cli({u"job"_s, u"submit"_s, m_clusterId, u"--sample"_s, u"export_report"_s, u"--arg"_s, u"."_s,
                      u"--wait"_s}),
                 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonValue &v : incidents())
                    if (v.toObject().value(u"id"_s) == idle.value(u"id"_s))
                        return !v.toObject().value(u"end"_s).isNull();
                return false;
            }(),
            10000);
    }

    void guardedActionsAreWrittenToTheAuditLog()
    {
        const QString path = u"/clusters/"_s + m_clusterId + u"/actions"_s;
        // The actor on the record is the user the token belongs to (the token file's: "admin"), never the
        // name the body brings.
        const QString incidentId = incident(u"executor_oom"_s).value(u"id"_s).toString();
        ApiReply r = api("POST", path,
                         {{u"action"_s, u"scale"_s},
                          {u"workers"_s, 2},
                          {u"actor"_s, u"test:oncall"_s},
                          {u"incidentId"_s, incidentId}});
        QCOMPARE(r.httpStatus, 202);
        const QJsonObject audit = r.body.toObject().value(u"audit"_s).toObject();
        QCOMPARE(audit.value(u"action"_s).toString(), u"scale"_s);
        QCOMPARE(audit.value(u"actor"_s).toString(), u"admin"_s);
        QCOMPARE(audit.value(u"incidentId"_s).toString(), incidentId);
        QVERIFY2(audit.value(u"before"_s).toString().contains(u"1 of 1 workers"_s), qPrintable(audit.value(u"before"_s).toString()));
        QCOMPARE(audit.value(u"after"_s).toString(), u"2 workers requested"_s);
        QCOMPARE(audit.value(u"outcome"_s).toString(), u"accepted"_s);
        // A refused action is on the record too.
        r = api("POST", path, {{u"action"_s, u"cancel-job"_s}, {u"jobId"_s, u"job-nope"_s}, {u"actor"_s, u"test:oncall"_s}});
        QCOMPARE(r.httpStatus, 404);
        const QJsonArray log = api("GET", u"/clusters/"_s + m_clusterId + u"/audit"_s).body.toArray();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[0].toObject().value(u"seq"_s).toInteger(), audit.value(u"seq"_s).toInteger());
        QVERIFY2(log[1].toObject().value(u"outcome"_s).toString().startsWith(u"job not found"_s),
                 qPrintable(log[1].toObject().value(u"outcome"_s).toString()));
        QCOMPARE(log[1].toObject().value(u"target"_s).toString(), u"job-nope"_s);
    }

    // The one time axis: everything above, as `clusterdeck-cli cluster timeline ID --json` gives it.
    void theTimelineHoldsTheDayInTimeOrder()
    {
        QVERIFY2(!m_etlJobId.isEmpty(), "needs the kill-worker test's job");
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"timeline"_s, m_clusterId}, &json), 0);
        const QJsonArray timeline = json.toArray();
        QVERIFY(timeline.size() > 10);
        QList<QDateTime> times;
        auto find = [&](const QString &kind, const QString &idKey, const QString &idValue) -> qsizetype {
            for (qsizetype i = 0; i < timeline.size(); ++i) {
                const QJsonObject o = timeline[i].toObject();
                if (o.value(u"kind"_s) == kind && (idKey.isEmpty() || o.value(u"ids"_s).toObject().value(idKey) == idValue))
                    return i;
            }
            return -1;
        };
        for (const QJsonValue &v : timeline) {
            const QJsonObject o = v.toObject();
            const QDateTime t = QDateTime::fromString(o.value(u"time"_s).toString(), Qt::ISODateWithMs);
            QVERIFY2(t.isValid(), QJsonDocument(o).toJson().constData());
            QVERIFY(!o.value(u"text"_s).toString().isEmpty());
            QCOMPARE(o.value(u"ids"_s).toObject().value(u"clusterId"_s).toString(), m_clusterId);
            times.append(t);
        }
        QVERIFY2(std::is_sorted(times.cbegin(), times.cend()), "entries in time order");
        // The cluster came up: STARTING, then WAITING.
        const qsizetype starting = find(u"state_change"_s, {}, {});
        QVERIFY(starting == 0);
        QVERIFY(timeline[0].toObject().value(u"text"_s).toString().startsWith(u"STARTING"_s));
        // The job's start and end, the worker lost under it, the incident that raised: in that order.
        const qsizetype jobStarted = find(u"job_started"_s, u"jobId"_s, m_etlJobId);
        const qsizetype lost = find(u"executor_lost"_s, u"executorId"_s, m_victim);
        const qsizetype jobEnded = find(u"job_ended"_s, u"jobId"_s, m_etlJobId);
        qsizetype raised = -1;
        for (qsizetype i = 0; i < timeline.size(); ++i) {
            const QJsonObject o = timeline[i].toObject();
            if (o.value(u"kind"_s) == "incident_started"_L1 && o.value(u"ids"_s).toObject().value(u"type"_s) == "executor_lost"_L1
                && o.value(u"ids"_s).toObject().value(u"subject"_s) == m_victim)
                raised = i;
        }
        QVERIFY(jobStarted > starting);
        QVERIFY2(lost > jobStarted, "the worker was killed while the job ran");
        QVERIFY2(raised >= lost, "the incident follows the loss");
        QVERIFY2(jobEnded > lost, "the job ended after the loss it survived");
        QVERIFY(timeline[jobEnded].toObject().value(u"text"_s).toString().contains(u"COMPLETED"_s));
        QVERIFY(timeline[lost].toObject().value(u"text"_s).toString().contains(u"fault injection"_s));
        QCOMPARE(timeline[raised].toObject().value(u"severity"_s).toString(), u"SEVERE"_s);
        QVERIFY(times[raised].msecsTo(times[lost]) <= 0 && times[lost].msecsTo(times[raised]) <= 10000);
        // The job's stages from its stored DAG, inside the job's run (the engine's clock is this machine's).
        int stages = 0;
        for (qsizetype i = 0; i < timeline.size(); ++i) {
            const QJsonObject o = timeline[i].toObject();
            if (o.value(u"layer"_s) != "stage"_L1 || o.value(u"ids"_s).toObject().value(u"jobId"_s) != m_etlJobId)
                continue;
            ++stages;
            QVERIFY2(times[i] >= times[jobStarted].addMSecs(-1000) && times[i] <= times[jobEnded].addMSecs(1000),
                     qPrintable(o.value(u"text"_s).toString()));
        }
        QVERIFY2(stages >= 2, "etl_groupby's task groups have a start and an end");
        // The planned retire, the guarded scale-up and the refused cancel are there too.
        QVERIFY(find(u"executor_retired"_s, {}, {}) > lost);
        const qsizetype scaled = find(u"scale"_s, {}, {});
        QVERIFY(scaled > jobEnded);
        QVERIFY(timeline[scaled].toObject().value(u"layer"_s) == "action"_L1);
        QVERIFY(!timeline[scaled].toObject().value(u"ids"_s).toObject().value(u"incidentId"_s).toString().isEmpty());
        QVERIFY(find(u"cancel-job"_s, {}, {}) > scaled);
        QVERIFY(find(u"scale_out"_s, {}, {}) >= 0);

        // from/to narrow it to the kill's neighbourhood; bad windows are refused with a reason.
        const qint64 lostMs = times[lost].toMSecsSinceEpoch();
        const ApiReply window = api("GET", u"/clusters/%1/timeline?from=%2&to=%3"_s.arg(m_clusterId).arg(lostMs).arg(lostMs + 10000));
        QCOMPARE(window.httpStatus, 200);
        QVERIFY(!window.body.toArray().isEmpty());
        bool lostInWindow = false;
        for (const QJsonValue &v : window.body.toArray()) {
            const qint64 ms = QDateTime::fromString(v.toObject().value(u"time"_s).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
            QVERIFY(ms >= lostMs && ms <= lostMs + 10000);
            lostInWindow |= v.toObject().value(u"kind"_s) == "executor_lost"_L1;
        }
        QVERIFY(lostInWindow);
        QVERIFY(window.body.toArray().size() < timeline.size());
        const ApiReply bad = api("GET", u"/clusters/%1/timeline?from=10&to=5"_s.arg(m_clusterId));
        QCOMPARE(bad.httpStatus, 400);
        QCOMPARE(api("GET", u"/clusters/%1/timeline?from=yesterday"_s.arg(m_clusterId)).httpStatus, 400);
        QCOMPARE(api("GET", u"/clusters/c-nope/timeline"_s).httpStatus, 404);
        QCOMPARE(cli({u"cluster"_s, u"timeline"_s, m_clusterId, u"--from"_s, u"not-a-time"_s}), 2);
    }

    // F1 answered: the failed memory_hog again on the next larger type (a new cluster cloned from this one, as
    // an EMR user would), planned with its $/h first, then run, and both steps in the audit log.
    void resubmitOnALargerInstanceTypeRunsTheJob()
    {
        QVERIFY2(!m_hogJobId.isEmpty(), "needs the memory_hog test's failed job");
        const QString path = u"/clusters/"_s + m_clusterId + u"/actions"_s;
        const qsizetype auditBefore = api("GET", u"/clusters/"_s + m_clusterId + u"/audit"_s).body.toArray().size();
        const QString incidentId = incident(u"executor_oom"_s).value(u"id"_s).toString();
        QVERIFY(!incidentId.isEmpty());
        // The plan: nothing launched, nothing audited.
        ApiReply r = api("POST", path, {{u"action"_s, u"resubmit-larger"_s}, {u"jobId"_s, m_hogJobId}, {u"dryRun"_s, true}});
        QCOMPARE(r.httpStatus, 200);
        const QJsonObject plan = r.body.toObject().value(u"plan"_s).toObject();
        QCOMPARE(plan.value(u"from"_s).toObject().value(u"instanceType"_s).toString(), u"local.small"_s);
        QCOMPARE(plan.value(u"to"_s).toObject().value(u"instanceType"_s).toString(), u"local.medium"_s);
        QCOMPARE(plan.value(u"job"_s).toObject().value(u"sample"_s).toString(), u"memory_hog"_s);
        const double fromRate = plan.value(u"from"_s).toObject().value(u"ratePerHour"_s).toDouble();
        const double toRate = plan.value(u"to"_s).toObject().value(u"ratePerHour"_s).toDouble();
        QVERIFY2(fromRate > 0 && toRate > fromRate, qPrintable(QString::number(fromRate) + u" -> "_s + QString::number(toRate)));
        QCOMPARE(api("GET", u"/clusters/"_s + m_clusterId + u"/audit"_s).body.toArray().size(), auditBefore);
        const qsizetype clustersBefore = api("GET", u"/clusters"_s).body.toArray().size();
        // Refusals: no such job (audited), and a dry run of an action that has no plan.
        QCOMPARE(api("POST", path, {{u"action"_s, u"resubmit-larger"_s}, {u"jobId"_s, u"job-nope"_s}, {u"actor"_s, u"test:oncall"_s}})
                     .httpStatus,
                 404);
        QCOMPARE(api("POST", path, {{u"action"_s, u"scale"_s}, {u"workers"_s, 2}, {u"dryRun"_s, true}}).httpStatus, 400);
        QCOMPARE(api("GET", u"/clusters"_s).body.toArray().size(), clustersBefore);

        // Done for real.
        r = api("POST", path, {{u"action"_s, u"resubmit-larger"_s}, {u"jobId"_s, m_hogJobId}, {u"actor"_s, u"test:oncall"_s},
                               {u"incidentId"_s, incidentId}});
        QCOMPARE(r.httpStatus, 201);
        const QJsonObject audit = r.body.toObject().value(u"audit"_s).toObject();
        const QString larger = r.body.toObject().value(u"cluster"_s).toObject().value(u"id"_s).toString();
        QVERIFY(!larger.isEmpty());
        m_largerClusterId = larger;
        QCOMPARE(audit.value(u"action"_s).toString(), u"resubmit-larger"_s);
        QCOMPARE(audit.value(u"target"_s).toString(), m_hogJobId);
        QCOMPARE(audit.value(u"incidentId"_s).toString(), incidentId);
        QVERIFY2(audit.value(u"before"_s).toString().contains(u"local.small"_s), qPrintable(audit.value(u"before"_s).toString()));
        QVERIFY2(audit.value(u"after"_s).toString().contains(larger) && audit.value(u"after"_s).toString().contains(u"local.medium"_s),
                 qPrintable(audit.value(u"after"_s).toString()));
        const ClusterInfo clone = ClusterInfo::fromJson(api("GET", u"/clusters/"_s + larger).body.toObject());
        QCOMPARE(clone.spec.instanceType, u"local.medium"_s);
        // Once the new cluster is up the job is submitted there, and runs to the end on 2 GiB workers.
        QList<Job> jobs;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                jobs.clear();
                for (const QJsonValue &v : api("GET", u"/clusters/%1/jobs"_s.arg(larger)).body.toArray())
                    jobs.append(Job::fromJson(v.toObject()));
                return !jobs.isEmpty();
            }(),
            120000);
        QCOMPARE(jobs.size(), 1);
        const Job rerun = jobs.first();
        QCOMPARE(rerun.sample, u"memory_hog"_s);
        QTRY_VERIFY_WITH_TIMEOUT(isFinished(Job::fromJson(api("GET", u"/clusters/%1/jobs/%2"_s.arg(larger, rerun.id)).body.toObject()).state),
                                 180000);
        const Job done = Job::fromJson(api("GET", u"/clusters/%1/jobs/%2"_s.arg(larger, rerun.id)).body.toObject());
        QVERIFY2(done.state == JobState::Completed, qPrintable(toString(done.state) + u'\n' + done.logTail));
        for (const QJsonValue &v : api("GET", u"/clusters/%1/executors"_s.arg(larger)).body.toArray())
            QCOMPARE(Executor::fromJson(v.toObject()).memoryLimitBytes, qint64(2) << 30);
        // The source cluster's audit log: the refusal, the request, and the submission on the new cluster.
        const QJsonArray log = api("GET", u"/clusters/"_s + m_clusterId + u"/audit"_s).body.toArray();
        QCOMPARE(log.size(), auditBefore + 3);
        QVERIFY(log[auditBefore].toObject().value(u"outcome"_s).toString().startsWith(u"job not found"_s));
        const QJsonObject submitted = log.last().toObject();
        QCOMPARE(submitted.value(u"action"_s).toString(), u"resubmit-larger"_s);
        QCOMPARE(submitted.value(u"target"_s).toString(), rerun.id);
        QCOMPARE(submitted.value(u"outcome"_s).toString(), u"accepted"_s);
        QVERIFY2(submitted.value(u"after"_s).toString().contains(m_hogJobId), qPrintable(submitted.value(u"after"_s).toString()));
        QCOMPARE(cli({u"cluster"_s, u"terminate"_s, larger, u"--wait"_s, u"--timeout"_s, u"60"_s}), 0);
        m_largerClusterId.clear();
    }

    void aJobWhoseWorkersAllStallIsAJobStall()
    {
        // Short sleeping tasks (light on the shared CPU); every worker is stopped once some have finished.
        const QString jobId = submit(u"many_tasks"_s, {u"240"_s, u"0.25"_s});
        QVERIFY(!jobId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(toString(jobState(jobId)), u"RUNNING"_s, 20000);
        QTest::qWait(3000);
        QStringList stalled;
        for (const Executor &e : executors()) {
            if (e.status != ExecutorStatus::Running)
                continue;
            QCOMPARE(cli({u"chaos"_s, m_clusterId, u"stall-worker"_s, u"--executor"_s, e.id, u"--seconds"_s, u"25"_s}),
                     0);
            stalled.append(e.id);
        }
        QVERIFY(!stalled.isEmpty());
        QCOMPARE(toString(jobState(jobId)), u"RUNNING"_s); // the tasks did not all finish before the stall
        // Raised once the threshold has passed with no finished task, while tasks remain.
        QTRY_VERIFY_WITH_TIMEOUT(!incident(u"job_stalled"_s, jobId).isEmpty(), 20000);
        const QJsonObject o = incident(u"job_stalled"_s, jobId);
        checkIncidentShape(o, u"job_stalled"_s);
        QVERIFY(o.value(u"end"_s).isNull());
        const QString summary = o.value(u"summary"_s).toString();
        QVERIFY2(summary.contains(u"has made no progress"_s) && summary.contains(u"remain"_s), qPrintable(summary));
        // The evidence: the last progress, the executors that went silent, the end of their logs.
        QStringList titles;
        QString progress;
        for (const QJsonValue &v : o.value(u"evidence"_s).toArray()) {
            const QJsonObject e = v.toObject();
            titles.append(e.value(u"title"_s).toString());
            if (e.value(u"title"_s).toString() == "Progress"_L1)
                for (const QJsonValue &l : e.value(u"lines"_s).toArray())
                    progress += l.toString() + u'\n';
        }
        QVERIFY2(progress.contains(u"last progress at"_s) && progress.contains(u"a task of one_task finished"_s),
                 qPrintable(progress));
        for (const QString &id : std::as_const(stalled)) {
            QVERIFY2(progress.contains(u"stopped reporting: "_s) && progress.contains(id), qPrintable(progress));
            QVERIFY2(titles.contains(u"The end of %1's log"_s.arg(id)), qPrintable(titles.join(u", "_s)));
        }
        // The stall ends: tasks finish again, the incident is over and the job completes.
        QTRY_VERIFY_WITH_TIMEOUT(!incident(u"job_stalled"_s, jobId).value(u"end"_s).isNull(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(isFinished(jobState(jobId)), 120000);
        QCOMPARE(toString(jobState(jobId)), u"COMPLETED"_s);
    }

    void everyTypeHasARunbook()
    {
        const ApiReply list = api("GET", u"/runbooks"_s);
        QCOMPARE(list.httpStatus, 200);
        QStringList ids;
        for (const QJsonValue &v : list.body.toArray())
            ids.append(v.toObject().value(u"id"_s).toString());
        for (const char *type : {"executor_oom", "shuffle_skew", "executor_lost", "network_stall", "permission_denied",
                                 "idle_cluster", "retry_storm", "job_stalled"})
            QVERIFY2(ids.contains(QLatin1StringView(type)), type);
        QCOMPARE(api("GET", u"/runbooks/..%2Fetc"_s).httpStatus, 404);
        QCOMPARE(api("GET", u"/clusters/"_s + m_clusterId + u"/incidents/inc-nope"_s).httpStatus, 404);
    }
};

QTEST_GUILESS_MAIN(TstIncidentsIntegration)
#include "tst_incidents_integration.moc"
