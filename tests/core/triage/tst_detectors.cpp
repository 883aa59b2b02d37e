// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Each detector on recorded shapes: series sampled once a second as the runtime stores them, log lines
// as Dask and the samples write them. Every detector also gets a healthy record it must NOT fire on.
#include "core/triage/detectors.h"

#include <QJsonDocument>
#include <QFileInfo>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::triage;

namespace {

constexpr qint64 kT0 = 1'780'000'000'000; // a fixed instant: the detectors have no clock of their own
constexpr qint64 kGiB = qint64(1) << 30;

Series series(const QString &name, const QString &executor, const QList<double> &values, qint64 from = kT0,
              qint64 stepMs = 1000)
{
    Series s{name, executor, {}};
    for (qsizetype i = 0; i < values.size(); ++i)
        s.points.append({from + i * stepMs, values[i]});
    return s;
}

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

ExecutorFacts executor(const QString &id, ExecutorStatus status = ExecutorStatus::Running)
{
    ExecutorFacts e;
    e.executor.id = id;
    e.executor.status = status;
    e.executor.pid = 4000 + id.mid(1).toInt();
    e.executor.memoryLimitBytes = kGiB;
    e.executor.startedAt = at(kT0 - 120'000);
    e.executor.updatedAt = at(kT0 + 60'000);
    return e;
}

JobFacts job(const QString &id, const QString &name, JobState state, qint64 startMs, qint64 endMs = 0)
{
    JobFacts j;
    j.job.id = id;
    j.job.name = name;
    j.job.state = state;
    j.job.submittedAt = at(startMs - 200);
    j.job.startedAt = at(startMs);
    if (endMs > 0)
        j.job.endedAt = at(endMs);
    return j;
}

QList<LogLine> lines(const QStringList &text, qint64 nowMs)
{
    QList<LogLine> result;
    for (const QString &t : text)
        result.append({logLineTimeMs(t, nowMs), t});
    return result;
}

// A Dask log timestamp (local time, as Dask writes it) for an instant.
QString daskTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss,zzz"_s);
}

ClusterFacts healthyCluster()
{
    // Two workers running etl_groupby for 40 s: memory well under the limit, transfers flowing, tasks
    // evenly spread, every sample present.
    ClusterFacts f;
    f.clusterId = u"c-test"_s;
    f.nowMs = kT0 + 40'000;
    f.state = ClusterState::Running;
    f.requestedWorkers = 2;
    f.executors = {executor(u"w1"_s), executor(u"w2"_s)};
    f.jobs = {job(u"job-1"_s, u"etl_groupby"_s, JobState::Running, kT0)};
    QList<double> managed, unmanaged, executing, ready, in;
    for (int s = 0; s <= 40; ++s) {
        managed.append(100e6 + s * 2e6);
        unmanaged.append(180e6 + (s % 5) * 1e6);
        executing.append(1);
        ready.append(s % 3);
        in.append(5e6);
    }
    for (const QString &w : {u"w1"_s, u"w2"_s}) {
        f.series.append(series(u"memory_managed_bytes"_s, w, managed));
        f.series.append(series(u"memory_unmanaged_bytes"_s, w, unmanaged));
        f.series.append(series(u"memory_spilled_bytes"_s, w, QList<double>(41, 0)));
        f.series.append(series(u"tasks_executing"_s, w, executing));
    }
    f.series.append(series(u"tasks_ready"_s, QString(), ready));
    f.series.append(series(u"tasks_executing"_s, QString(), QList<double>(41, 2)));
    f.series.append(series(u"bytes_in_per_s"_s, QString(), in));
    TaskGroupFacts g;
    g.jobId = u"job-1"_s;
    g.group = u"shuffle-split-abc"_s;
    g.prefix = u"shuffle-split"_s;
    g.durationsS = {1.0, 1.1, 0.9, 1.2, 1.05, 0.95, 1.15, 1.3};
    g.bytesByExecutor = {{u"w1"_s, 60 << 20}, {u"w2"_s, 58 << 20}};
    g.tasksByExecutor = {{u"w1"_s, 4}, {u"w2"_s, 4}};
    g.fromMs = kT0 + 2000;
    g.toMs = kT0 + 30'000;
    f.groups = {g};
    return f;
}

} // namespace

class TstDetectors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aHealthyJobRaisesNothing()
    {
        const ClusterFacts f = healthyCluster();
        const IncidentList all = detectAll(f);
        QVERIFY2(all.isEmpty(), qPrintable(all.isEmpty() ? QString() : all.first().summary));
    }

    void percentileInterpolatesBetweenRanks()
    {
        QCOMPARE(percentile({}, 75), 0.0);
        QCOMPARE(percentile({3}, 75), 3.0);
        QCOMPARE(percentile({1, 2, 3, 4}, 75), 3.25);
        QCOMPARE(percentile({4, 1, 3, 2}, 50), 2.5); // order does not matter
        QCOMPARE(percentile({1, 2, 3, 4}, 100), 4.0);
    }

    void logTimesAreRead()
    {
        const qint64 t = kT0 + 1234;
        QCOMPARE(logLineTimeMs(daskTime(t) + u" - distributed.nanny - WARNING - x"_s, kT0), t);
        QCOMPARE(logLineTimeMs(u"Traceback (most recent call last):"_s, kT0), 0);
        const QString sample = QDateTime::fromMSecsSinceEpoch(kT0).toLocalTime().toString(u"HH:mm:ss"_s);
        QCOMPARE(logLineTimeMs(sample + u" done"_s, kT0 + 5000), kT0 / 1000 * 1000);
    }

    // F1 ------------------------------------------------------------------------------------------

    void oomKillDuringAJobIsSevereThenCriticalWhenTheJobFails()
    {
        ClusterFacts f = healthyCluster();
        f.jobs = {job(u"job-7"_s, u"memory_hog"_s, JobState::Running, kT0)};
        // The recorded shape: unmanaged memory climbing ~100 MB/s to the limit, then the restart.
        QList<double> unmanaged;
        for (int s = 0; s <= 12; ++s)
            unmanaged.append(std::min(0.2e9 + s * 0.08e9, 1.03e9));
        unmanaged.append(0.15e9);
        f.series[1] = series(u"memory_unmanaged_bytes"_s, u"w1"_s, unmanaged);
        f.series[0] = series(u"memory_managed_bytes"_s, u"w1"_s, QList<double>(14, 0));
        f.executors[0].log = lines({daskTime(kT0 + 12'500) + u" - distributed.worker.memory - WARNING - Worker "
                                                             "tcp://127.0.0.1:40001 (pid=4242) exceeded 95% memory "
                                                             "budget. Restarting..."_s,
                                    daskTime(kT0 + 12'700) + u" - distributed.nanny - INFO - Worker process 4242 was "
                                                             "killed by signal 15"_s,
                                    daskTime(kT0 + 12'900) + u" - distributed.nanny - WARNING - Restarting worker"_s},
                                   f.nowMs);
        IncidentList found = detectExecutorOom(f);
        QCOMPARE(found.size(), 1);
        QCOMPARE(toString(found[0].type), toString(IncidentType::ExecutorOom));
        QCOMPARE(found[0].subject, u"w1"_s);
        QCOMPARE(toString(found[0].severity), toString(Severity::Severe));
        QVERIFY(found[0].isOpen()); // the job it hit still runs
        QVERIFY2(found[0].summary.contains(u"killed for memory 1 time"_s), qPrintable(found[0].summary));
        // It started when memory crossed 85% of the limit, before the kill.
        QCOMPARE(found[0].start.toMSecsSinceEpoch(), kT0 + 9000);
        const auto log = std::find_if(found[0].evidence.cbegin(), found[0].evidence.cend(),
                                      [](const Evidence &e) { return e.kind == Evidence::Log; });
        QVERIFY(log != found[0].evidence.cend());
        QVERIFY(log->lines.first().contains(u"exceeded 95% memory budget"_s));
        // The job then fails on KilledWorker: critical, and over.
        f.jobs[0].job.state = JobState::Failed;
        f.jobs[0].job.endedAt = at(kT0 + 30'000);
        f.jobs[0].log = lines({u"Traceback (most recent call last):"_s,
                               u"distributed.scheduler.KilledWorker: Attempted to run task hog-1 on 3 different "
                               "workers, but all those workers died while running it."_s},
                              f.nowMs);
        found = detectExecutorOom(f);
        QCOMPARE(found.size(), 1);
        QCOMPARE(toString(found[0].severity), toString(Severity::Critical));
        QCOMPARE(found[0].end.toMSecsSinceEpoch(), kT0 + 30'000);
    }

    void memoryClimbingToTheLimitWithoutAKillIsModerate()
    {
        ClusterFacts f = healthyCluster();
        QList<double> managed, spilled;
        for (int s = 0; s <= 40; ++s) {
            managed.append(s < 30 ? 100e6 : 0.75e9);
            spilled.append(s < 30 ? 0 : (s - 29) * 50e6);
        }
        f.series[4] = series(u"memory_managed_bytes"_s, u"w2"_s, managed);
        f.series[6] = series(u"memory_spilled_bytes"_s, u"w2"_s, spilled);
        const IncidentList found = detectExecutorOom(f);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].subject, u"w2"_s);
        QCOMPARE(toString(found[0].severity), toString(Severity::Moderate));
        QVERIFY(found[0].isOpen());
        QVERIFY2(found[0].summary.contains(u"spilling"_s), qPrintable(found[0].summary));
    }

    void aShortMemoryPeakIsNotAnIncident()
    {
        ClusterFacts f = healthyCluster();
        QList<double> managed(41, 100e6);
        for (int s = 20; s < 23; ++s)
            managed[s] = 0.8e9; // three samples over 85%, fewer than the five needed
        f.series[0] = series(u"memory_managed_bytes"_s, u"w1"_s, managed);
        QVERIFY(detectExecutorOom(f).isEmpty());
    }

    // F2 ------------------------------------------------------------------------------------------

    void aStragglerOverOnePointFiveTimesP75IsSkew()
    {
        ClusterFacts f = healthyCluster();
        f.groups[0].durationsS = {1.0, 1.1, 0.9, 1.2, 1.05, 0.95, 1.15, 6.0}; // p75 1.1625, max 6.0
        const IncidentList found = detectShuffleSkew(f);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].subject, u"job-1"_s);
        QCOMPARE(toString(found[0].severity), toString(Severity::Severe)); // over 4x
        QVERIFY2(found[0].summary.contains(u"5.2x"_s), qPrintable(found[0].summary));
        QVERIFY(found[0].isOpen());
    }

    void justUnderTheRatioIsNotSkew()
    {
        ClusterFacts f = healthyCluster();
        f.groups[0].durationsS = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.45}; // 1.45x p75
        QVERIFY(detectShuffleSkew(f).isEmpty());
    }

    void bytesPiledOnOneExecutorIsSkewOneIncidentPerJob()
    {
        ClusterFacts f = healthyCluster();
        f.executors.append(executor(u"w3"_s));
        f.groups[0].bytesByExecutor = {{u"w1"_s, 900 << 20}, {u"w2"_s, 30 << 20}, {u"w3"_s, 40 << 20}};
        TaskGroupFacts second = f.groups[0];
        second.group = u"aggregate-chunk-def"_s;
        second.prefix = u"aggregate-chunk"_s;
        second.durationsS = {1, 1, 1, 1, 1, 1, 1, 5};
        f.groups.append(second);
        f.jobs[0].job.state = JobState::Completed;
        f.jobs[0].job.endedAt = at(kT0 + 35'000);
        const IncidentList found = detectShuffleSkew(f);
        QCOMPARE(found.size(), 1); // one pipeline, one alert
        const QStringList evidence = found[0].evidence.first().lines;
        QCOMPARE(evidence.size(), 3); // bytes in both groups, the straggler in the second
        QVERIFY2(evidence.join(u'\n').contains(u"on w1"_s), qPrintable(evidence.join(u'\n')));
        QCOMPARE(found[0].end.toMSecsSinceEpoch(), kT0 + 35'000);
    }

    // F3 ------------------------------------------------------------------------------------------

    void anUnplannedLossMidJobIsSevereWithTheWorkRedone()
    {
        ClusterFacts f = healthyCluster();
        ExecutorFacts &w2 = f.executors[1];
        w2.executor.status = ExecutorStatus::Lost;
        w2.executor.statusReason = u"Killed by fault injection (kill-worker): SIGKILL to its process group"_s;
        w2.executor.endedAt = at(kT0 + 20'500);
        const IncidentList found = detectExecutorLost(f);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].subject, u"w2"_s);
        QCOMPARE(toString(found[0].severity), toString(Severity::Severe));
        QCOMPARE(found[0].start.toMSecsSinceEpoch(), kT0 + 20'500);
        QVERIFY(found[0].isOpen()); // until the job it hit ends
        QVERIFY2(found[0].summary.contains(u"1 task(s) executing and 133.5 MiB"_s), qPrintable(found[0].summary));
        // The job then completes, but the cluster still runs 1 of its 2 workers: the loss is not over.
        f.jobs[0].job.state = JobState::Completed;
        f.jobs[0].job.endedAt = at(kT0 + 38'000);
        const Incident stillBelow = detectExecutorLost(f).value(0);
        QVERIFY(stillBelow.isOpen());
        QVERIFY2(stillBelow.summary.contains(u"runs 1 of its 2 requested workers"_s), qPrintable(stillBelow.summary));
        // The replacement registered (started at +22 s): the incident ends when the job did, still severe.
        ExecutorFacts w3 = executor(u"w3"_s);
        w3.executor.startedAt = at(kT0 + 22'000);
        f.executors.append(w3);
        const Incident after = detectExecutorLost(f).value(0);
        QCOMPARE(after.end.toMSecsSinceEpoch(), kT0 + 38'000);
        QVERIFY(!after.summary.contains(u"requested workers"_s));
        QCOMPARE(toString(after.severity), toString(Severity::Severe));
        // Had it failed, the loss would be critical.
        f.jobs[0].job.state = JobState::Failed;
        QCOMPARE(toString(detectExecutorLost(f).value(0).severity), toString(Severity::Critical));
    }

    // Job stall ------------------------------------------------------------------------------------

    void aRunningJobWithWorkLeftAndNoFinishedTaskIsAStall()
    {
        ClusterFacts f = healthyCluster(); // job-1 runs; its last task finished at +30 s
        Thresholds t;
        t.jobStallSeconds = 60;
        f.groups[0].remaining = 5;
        QVERIFY(detectJobStalled(f, t).isEmpty()); // 10 s without a finished task is not a stall
        // A minute later: w1 reports and runs nothing, w2 stopped reporting at +40 s.
        f.nowMs = kT0 + 91'000;
        for (Series &s : f.series)
            if (s.name == "tasks_executing"_L1 && s.executor == "w1"_L1)
                for (qint64 tMs = kT0 + 41'000; tMs <= f.nowMs; tMs += 1000)
                    s.points.append({tMs, 0});
        f.executors[1].log
            = lines({u"distributed.core - INFO - Connection to tcp://127.0.0.1:4000 has been closed."_s}, f.nowMs);
        const IncidentList found = detectJobStalled(f, t);
        QCOMPARE(found.size(), 1);
        const Incident &i = found[0];
        QCOMPARE(toString(i.type), u"job_stalled"_s);
        QCOMPARE(i.subject, u"job-1"_s);
        QCOMPARE(i.start.toMSecsSinceEpoch(), kT0 + 30'000);
        QVERIFY(i.isOpen());
        QCOMPARE(toString(i.severity), toString(Severity::Severe));
        QVERIFY2(i.summary.contains(u"no progress for 61 s"_s) && i.summary.contains(u"5 task(s) remain"_s),
                 qPrintable(i.summary));
        QCOMPARE(i.evidence[0].title, u"Progress"_s);
        const QString progress = i.evidence[0].lines.join(u'\n');
        QVERIFY2(progress.contains(u"a task of shuffle-split finished"_s), qPrintable(progress));
        QVERIFY2(progress.contains(u"executors with no task executing: w1"_s), qPrintable(progress));
        QVERIFY2(progress.contains(u"executors that stopped reporting: w2"_s), qPrintable(progress));
        const auto w2Log = std::find_if(i.evidence.cbegin(), i.evidence.cend(),
                                        [](const Evidence &e) { return e.title == "The end of w2's log"_L1; });
        QVERIFY(w2Log != i.evidence.cend());
        QVERIFY(w2Log->lines.join(u'\n').contains(u"has been closed"_s));
        // Three thresholds without progress: critical.
        f.nowMs = kT0 + 30'000 + 180'000;
        QCOMPARE(toString(detectJobStalled(f, t).value(0).severity), toString(Severity::Critical));
    }

    void aJobWithNothingLeftOrNotRunningIsNoStall()
    {
        ClusterFacts f = healthyCluster();
        Thresholds t;
        t.jobStallSeconds = 5;
        f.nowMs = kT0 + 120'000;
        f.groups[0].remaining = -1; // the scheduler did not say: not judged
        QVERIFY(detectJobStalled(f, t).isEmpty());
        f.groups[0].remaining = 0; // nothing left to do: the driver is finishing up
        QVERIFY(detectJobStalled(f, t).isEmpty());
        f.groups[0].remaining = 3;
        QCOMPARE(detectJobStalled(f, t).size(), 1);
        f.jobs[0].job.state = JobState::Completed;
        QVERIFY(detectJobStalled(f, t).isEmpty());
        // A job with no finished task yet counts from its start.
        f.jobs[0].job.state = JobState::Running;
        f.groups[0].durationsS.clear();
        f.groups[0].toMs = 0;
        QCOMPARE(detectJobStalled(f, t).value(0).start.toMSecsSinceEpoch(), kT0);
    }

    void aRetireByScaleDownRaisesNothing()
    {
        ClusterFacts f = healthyCluster();
        ExecutorFacts &w2 = f.executors[1];
        w2.executor.status = ExecutorStatus::Retired;
        w2.executor.statusReason = u"Retired by a scale-down"_s;
        w2.executor.endedAt = at(kT0 + 20'000);
        w2.retireRequested = true;
        QVERIFY(detectExecutorLost(f).isEmpty());
        // Even if its processes exited on their own after the retire was asked for.
        w2.executor.status = ExecutorStatus::Lost;
        QVERIFY(detectExecutorLost(f).isEmpty());
        QVERIFY(detectAll(f).isEmpty());
    }

    void aLossWithNoJobIsModerateAndInstant()
    {
        ClusterFacts f = healthyCluster();
        f.jobs.clear();
        f.state = ClusterState::Waiting;
        f.executors[0].executor.status = ExecutorStatus::Lost;
        f.executors[0].executor.statusReason = u"Spot instance reclaimed"_s;
        f.executors[0].executor.endedAt = at(kT0 + 5000);
        Incident i = detectExecutorLost(f).value(0);
        QCOMPARE(toString(i.severity), toString(Severity::Moderate));
        QVERIFY(i.isOpen()); // below the requested count until a replacement registers
        // A replacement that started but has not registered yet does not end it...
        ExecutorFacts w3 = executor(u"w3"_s, ExecutorStatus::Starting);
        w3.executor.startedAt = at(kT0 + 7000);
        w3.executor.updatedAt = {};
        f.executors.append(w3);
        QVERIFY(detectExecutorLost(f).value(0).isOpen());
        // ...one that registered does, from its start.
        f.executors.last().executor.status = ExecutorStatus::Running;
        f.executors.last().executor.updatedAt = at(kT0 + 9000);
        i = detectExecutorLost(f).value(0);
        QCOMPARE(i.end.toMSecsSinceEpoch(), kT0 + 7000);
        // A cluster scaled in to what is left is not below its count: the loss was instant.
        f.executors.removeLast();
        f.requestedWorkers = 1;
        i = detectExecutorLost(f).value(0);
        QCOMPARE(i.end, i.start);
    }

    // F4 ------------------------------------------------------------------------------------------

    void aSilentLiveExecutorIsAStall()
    {
        ClusterFacts f = healthyCluster();
        // w1's samples stop at +20 s (SIGSTOP) and come back at +32 s.
        Series &w1 = f.series[1];
        w1.points.erase(std::remove_if(w1.points.begin(), w1.points.end(),
                                       [](const Point &p) { return p.tMs > kT0 + 20'000 && p.tMs < kT0 + 32'000; }),
                        w1.points.end());
        IncidentList found = detectNetworkStall(f);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].subject, u"w1"_s);
        QCOMPARE(toString(found[0].severity), toString(Severity::Severe)); // a job waited on it
        QCOMPARE(found[0].start.toMSecsSinceEpoch(), kT0 + 20'000);
        QCOMPARE(found[0].end.toMSecsSinceEpoch(), kT0 + 32'000);
        // Still silent now: open.
        w1.points.erase(std::remove_if(w1.points.begin(), w1.points.end(), [](const Point &p) { return p.tMs > kT0 + 20'000; }),
                        w1.points.end());
        found = detectNetworkStall(f);
        QCOMPARE(found.size(), 1);
        QVERIFY(found[0].isOpen());
    }

    void aLostExecutorsSilenceIsNotAStall()
    {
        ClusterFacts f = healthyCluster();
        Series &w1 = f.series[1];
        w1.points.erase(std::remove_if(w1.points.begin(), w1.points.end(), [](const Point &p) { return p.tMs > kT0 + 20'000; }),
                        w1.points.end());
        f.executors[0].executor.status = ExecutorStatus::Retired;
        f.executors[0].retireRequested = true;
        QVERIFY(detectNetworkStall(f).isEmpty());
        // Nor is a nanny restarting its worker (that is an OOM's story).
        f = healthyCluster();
        f.series[1].points.erase(std::remove_if(f.series[1].points.begin(), f.series[1].points.end(),
                                                [](const Point &p) { return p.tMs > kT0 + 20'000 && p.tMs < kT0 + 32'000; }),
                                 f.series[1].points.end());
        f.executors[0].log = lines({daskTime(kT0 + 21'000) + u" - distributed.nanny - WARNING - Restarting worker"_s}, f.nowMs);
        QVERIFY(detectNetworkStall(f).isEmpty());
        // A one-second hiccup (a late scrape) is not one either.
        f = healthyCluster();
        f.series[1].points.removeAt(10);
        f.series[1].points.removeAt(10);
        QVERIFY(detectNetworkStall(f).isEmpty());
    }

    // The false alarm seen under heavy load (tst_incidents_integration, after a worker was killed: the one
    // left computed the whole shuffle on a loaded 2-core host and missed its scrapes for over 10 s) against
    // the true stall (chaos stall-worker: SIGSTOP). The samples look the same; the CPU its processes used
    // during the silence does not: flat out versus nothing.
    void aSilentButBusyExecutorIsNotAStall()
    {
        auto withGap = [] {
            ClusterFacts f = healthyCluster();
            Series &w1 = f.series[1];
            w1.points.erase(std::remove_if(w1.points.begin(), w1.points.end(),
                                           [](const Point &p) { return p.tMs > kT0 + 20'000 && p.tMs < kT0 + 32'000; }),
                            w1.points.end());
            return f;
        };
        // Busy: CPU read every 2 s (the triage round), 0.9 s of CPU per second all along, gap included.
        ClusterFacts busy = withGap();
        for (int s = 0; s <= 40; s += 2)
            busy.executors[0].cpuSeconds.append({kT0 + s * 1000, 3.0 + 0.9 * s});
        QVERIFY2(detectNetworkStall(busy).isEmpty(), "a worker computing flat out is not a network stall");
        // Still silent and still busy now (an open gap): nothing either.
        busy.series[1].points.erase(std::remove_if(busy.series[1].points.begin(), busy.series[1].points.end(),
                                                   [](const Point &p) { return p.tMs > kT0 + 20'000; }),
                                    busy.series[1].points.end());
        QVERIFY(detectNetworkStall(busy).isEmpty());
        // Barely busy (a starved loop at 10% of a core is below the 0.2 s/s bar): a stall after all.
        ClusterFacts slow = withGap();
        for (int s = 0; s <= 40; s += 2)
            slow.executors[0].cpuSeconds.append({kT0 + s * 1000, 3.0 + 0.1 * s});
        QCOMPARE(detectNetworkStall(slow).size(), 1);

        // The true stall: busy until SIGSTOP at +20 s, then not a tick of CPU until SIGCONT at +32 s.
        ClusterFacts stopped = withGap();
        double cpu = 3.0;
        for (int s = 0; s <= 40; s += 2) {
            stopped.executors[0].cpuSeconds.append({kT0 + s * 1000, cpu});
            if (s < 20 || s >= 32)
                cpu += 1.8;
        }
        const IncidentList found = detectNetworkStall(stopped);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].subject, u"w1"_s);
        QCOMPARE(found[0].start.toMSecsSinceEpoch(), kT0 + 20'000);
        QCOMPARE(found[0].end.toMSecsSinceEpoch(), kT0 + 32'000);
        // Without CPU readings covering the silence (a restarted runtime), it is judged on the samples alone.
        ClusterFacts unknown = withGap();
        unknown.executors[0].cpuSeconds = {{kT0 + 36'000, 50.0}, {kT0 + 38'000, 51.0}};
        QCOMPARE(detectNetworkStall(unknown).size(), 1);
    }

    void transfersStoppedWhileTasksWaitIsAStall()
    {
        ClusterFacts f = healthyCluster();
        QList<double> ready(41, 0), executing(41, 2), in(41, 5e6);
        for (int s = 15; s <= 30; ++s) {
            ready[s] = 6;
            executing[s] = 0;
            in[s] = 0;
        }
        f.series[8] = series(u"tasks_ready"_s, QString(), ready);
        f.series[9] = series(u"tasks_executing"_s, QString(), executing);
        f.series[10] = series(u"bytes_in_per_s"_s, QString(), in);
        const IncidentList found = detectNetworkStall(f);
        QCOMPARE(found.size(), 1);
        QVERIFY(found[0].subject.isEmpty());
        QCOMPARE(found[0].start.toMSecsSinceEpoch(), kT0 + 15'000);
        QCOMPARE(found[0].end.toMSecsSinceEpoch(), kT0 + 30'000);
    }

    // F5 ------------------------------------------------------------------------------------------

    void aJobFailingOnAccessDeniedIsPermissionDenied()
    {
        ClusterFacts f = healthyCluster();
        JobFacts j = job(u"job-9"_s, u"export_report"_s, JobState::Failed, kT0 + 1000, kT0 + 9000);
        j.job.exitCode = 1;
        j.log = lines({u"[clusterdeck] the runtime runs as root; this job runs as nobody (uid 65534, gid 65534)"_s,
                       u"Traceback (most recent call last):"_s,
                       u"  File \"/res/jobs/export_report.py\", line 40, in main"_s,
                       u"PermissionError: [Errno 13] Permission denied: '/data/clusters/c-1/jobs/report.csv'"_s},
                      f.nowMs);
        f.jobs.append(j);
        const IncidentList found = detectPermissionDenied(f);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].subject, u"job-9"_s);
        QCOMPARE(toString(found[0].severity), toString(Severity::Severe));
        QCOMPARE(found[0].end.toMSecsSinceEpoch(), kT0 + 9000);
        QVERIFY2(found[0].summary.contains(u"writing /data/clusters/c-1/jobs/report.csv"_s), qPrintable(found[0].summary));
        QVERIFY(found[0].evidence.first().lines.join(u'\n').contains(u"Errno 13"_s));
    }

    void aJobThatMerelyMentionsPermissionsIsNot()
    {
        ClusterFacts f = healthyCluster();
        JobFacts j = job(u"job-10"_s, u"etl"_s, JobState::Completed, kT0 + 1000, kT0 + 9000);
        j.log = lines({u"19:00:00 checking permissions of the output folder"_s, u"19:00:05 done in 4.0 s"_s}, f.nowMs);
        f.jobs.append(j);
        QVERIFY(detectPermissionDenied(f).isEmpty());
    }

    // Idle and retry storm ------------------------------------------------------------------------

    void anIdleClusterPastTheThresholdIsLowThenModerate()
    {
        ClusterFacts f = healthyCluster();
        f.state = ClusterState::Waiting;
        f.jobs[0].job.state = JobState::Completed;
        f.jobs[0].job.endedAt = at(kT0 + 10'000);
        f.waitingSince = at(kT0 + 10'000);
        Thresholds t;
        t.idleSeconds = 60;
        f.nowMs = kT0 + 69'000;
        QVERIFY(detectIdleCluster(f, t).isEmpty()); // 59 s: not yet
        f.nowMs = kT0 + 71'000;
        IncidentList found = detectIdleCluster(f, t);
        QCOMPARE(found.size(), 1);
        QCOMPARE(toString(found[0].severity), toString(Severity::Low));
        QCOMPARE(found[0].start.toMSecsSinceEpoch(), kT0 + 10'000);
        f.nowMs = kT0 + 10'000 + 241'000;
        QCOMPARE(toString(detectIdleCluster(f, t).value(0).severity), toString(Severity::Moderate));
        // A running job makes it busy, whatever the clock says.
        f.state = ClusterState::Running;
        QVERIFY(detectIdleCluster(f, t).isEmpty());
    }

    void repeatedFailuresOfOneJobAreARetryStormOthersAreNot()
    {
        ClusterFacts f = healthyCluster();
        f.jobs.clear();
        for (int n = 0; n < 4; ++n) {
            JobFacts j = job(u"job-f%1"_s.arg(n), u"nightly_etl"_s, JobState::Failed, kT0 + n * 60'000,
                             kT0 + n * 60'000 + 20'000);
            j.job.stateReason = u"Exited with code 1"_s;
            f.jobs.append(j);
        }
        // Another pipeline that failed twice, with a success in between: no storm.
        f.jobs.append(job(u"job-a"_s, u"report"_s, JobState::Failed, kT0, kT0 + 5000));
        f.jobs.append(job(u"job-b"_s, u"report"_s, JobState::Completed, kT0 + 10'000, kT0 + 15'000));
        f.jobs.append(job(u"job-c"_s, u"report"_s, JobState::Failed, kT0 + 20'000, kT0 + 25'000));
        f.nowMs = kT0 + 300'000;
        IncidentList found = detectRetryStorm(f);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].subject, u"nightly_etl"_s);
        QCOMPARE(toString(found[0].severity), toString(Severity::Severe));
        QVERIFY(found[0].isOpen());
        QCOMPARE(found[0].evidence.first().lines.size(), 4);
        // A success ends it.
        f.jobs.append(job(u"job-ok"_s, u"nightly_etl"_s, JobState::Completed, kT0 + 250'000, kT0 + 270'000));
        found = detectRetryStorm(f);
        QCOMPARE(found.value(0).end.toMSecsSinceEpoch(), kT0 + 270'000);
    }

    // The whole set ---------------------------------------------------------------------------------

    void detectAllFillsIdentityAndRunbookAndRoundTripsJson()
    {
        ClusterFacts f = healthyCluster();
        f.executors[1].executor.status = ExecutorStatus::Lost;
        f.executors[1].executor.statusReason = u"Spot instance reclaimed"_s;
        f.executors[1].executor.endedAt = at(kT0 + 20'000);
        const IncidentList all = detectAll(f);
        QCOMPARE(all.size(), 1);
        const Incident &i = all.first();
        QCOMPARE(i.clusterId, u"c-test"_s);
        QCOMPARE(i.runbook, u"executor_lost"_s);
        QVERIFY(i.id.startsWith(u"inc-"_s));
        QCOMPARE(i.id, detectAll(f).first().id); // stable across runs
        const Incident back = Incident::fromJson(QJsonDocument::fromJson(QJsonDocument(i.toJson()).toJson()).object());
        QCOMPARE(back, i);
        QCOMPARE(i.toJson().value(u"type"_s).toString(), u"executor_lost"_s);
        QCOMPARE(i.toJson().value(u"severity"_s).toString(), u"SEVERE"_s);
    }

    // Spark ----------------------------------------------------------------------------------------

    void sparkLogTimesAreRead()
    {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(kT0 + 7000).toLocalTime();
        const QString line = local.toString(u"yy/MM/dd HH:mm:ss"_s) + u" INFO Worker: Executor app-1/0 finished"_s;
        QCOMPARE(logLineTimeMs(line, kT0 + 60'000), (kT0 + 7000) / 1000 * 1000);
    }

    void aSparkExecutorDeadOfOutOfMemoryIsAnOomIncidentWithSparksRunbook()
    {
        // The lines a Spark 4.0.1 Worker logged when memory_hog's executor JVM threw OutOfMemoryError, then
        // the job's driver giving up after spark.task.maxFailures attempts.
        ClusterFacts f = healthyCluster();
        f.engine = EngineKind::Spark;
        f.jobs = {job(u"job-8"_s, u"memory_hog"_s, JobState::Running, kT0)};
        const auto sparkTime = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(u"yy/MM/dd HH:mm:ss"_s);
        };
        f.executors[1].log = lines({sparkTime(kT0 + 14'000)
                                        + u" INFO Worker: Executor app-20261207160827-0000/0 "
                                          "finished with state EXITED message Command exited with "
                                          "code 52 exitStatus 52"_s,
                                    sparkTime(kT0 + 27'000)
                                        + u" INFO Worker: Executor app-20261207160827-0000/2 "
                                          "finished with state KILLED message Runner thread for "
                                          "executor interrupted exitStatus 143"_s},
                                   f.nowMs);
        f.jobs[0].job.state = JobState::Failed;
        f.jobs[0].job.endedAt = at(kT0 + 28'000);
        f.jobs[0].log
            = lines({u"py4j.protocol.Py4JJavaError: An error occurred while calling o76.collectToPython."_s,
                     u": org.apache.spark.SparkException: Job aborted due to stage failure: Task 0 in stage 0.0 "
                     "failed 2 times, most recent failure: Lost task 0.1 in stage 0.0 (TID 1) (127.0.0.1 "
                     "executor 1): ExecutorLostFailure (executor 1 exited caused by one of the running tasks) "
                     "Reason: Command exited with code 52"_s},
                    f.nowMs);
        const IncidentList all = detectAll(f);
        QCOMPARE(all.size(), 1);
        const Incident &i = all.first();
        QCOMPARE(toString(i.type), toString(IncidentType::ExecutorOom));
        QCOMPARE(i.subject, u"w2"_s);
        QCOMPARE(toString(i.severity), toString(Severity::Critical)); // the job failed on it
        QCOMPARE(i.start.toMSecsSinceEpoch(), kT0 + 14'000);
        QCOMPARE(i.runbook, u"spark_executor_oom"_s);
        // A killed executor (143) alone is not a memory death.
        f.executors[1].log.removeFirst();
        QVERIFY(detectExecutorOom(f).isEmpty());
    }

    void sparkRunbooksExistForEveryRunbookTheyAreNamed()
    {
        for (IncidentType type : allIncidentTypes()) {
            const QString id = runbookFor(type, EngineKind::Spark);
            QVERIFY2(QFileInfo::exists(QStringLiteral(CDECK_RUNBOOKS_DIR "/") + id + u".md"_s), qPrintable(id));
        }
        QCOMPARE(runbookFor(IncidentType::ExecutorLost), u"executor_lost"_s);
    }

    void severitiesAreOrderedAndNamed()
    {
        QVERIFY(Severity::None < Severity::Low && Severity::Low < Severity::Moderate
                && Severity::Moderate < Severity::Severe && Severity::Severe < Severity::Critical);
        for (IncidentType t : allIncidentTypes())
            QVERIFY(incidentTypeFromString(toString(t)) == t);
        QVERIFY(severityFromString(u"critical"_s) == Severity::Critical);
        QVERIFY(!severityFromString(u"bad"_s));
    }
};

QTEST_GUILESS_MAIN(TstDetectors)
#include "tst_detectors.moc"
