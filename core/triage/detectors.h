// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterstate.h"
#include "core/model/enginekind.h"
#include "core/model/executor.h"
#include "core/model/job.h"
#include "core/triage/incident.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Detectors: pure functions from what was recorded about a cluster (its executors, jobs, metric series,
// log lines, task statistics) to the incidents that record shows. No clock, no I/O: the runtime builds
// the facts and calls them every few seconds; tests call them on recorded series.
namespace cdeck::triage {

struct Point
{
    qint64 tMs = 0;
    double value = 0;
};

// One recorded series (names as in GET /clusters/{id}/metrics), oldest point first; gaps are absent points.
struct Series
{
    QString name;
    QString executor; // "" for the cluster total
    QList<Point> points;
};

struct LogLine
{
    qint64 tMs = 0; // 0 when the line carries no time (a traceback)
    QString text;
};

struct ExecutorFacts
{
    Executor executor;
    bool retireRequested = false; // a scale-down asked for it to go: its end is planned
    QList<LogLine> log; // the recent lines of its worker log (logs/<id>.log)
    // CPU seconds its processes (nanny and worker) have used, read from /proc by the runtime every round:
    // these points keep coming while the worker answers no scrape, so a silent worker that burns CPU (its
    // event loop starved by CPU-bound tasks on a loaded host) is told from a stopped or hung one (none).
    QList<Point> cpuSeconds;
};

struct JobFacts
{
    Job job;
    QList<LogLine> log; // the recent lines of its output
};

// One task group of a job, from the scheduler: how long its tasks ran, where, and what they produced.
struct TaskGroupFacts
{
    QString jobId;
    QString group; // Dask's task group name; Spark: one stage attempt ("stage-3.0")
    QString prefix; // its readable name ("shuffle-split", "aggregate-chunk"; "stage 3 (collect at job.py:40)")
    QList<double> durationsS; // per finished task (compute time)
    QList<qint64> shuffleReadBytes; // Spark: per finished task, in the order of durationsS; empty on Dask
    QMap<QString, qint64> bytesByExecutor; // output bytes by the executor that computed them
    QMap<QString, int> tasksByExecutor;
    qint64 fromMs = 0; // first task start, last task stop (0: none finished yet)
    qint64 toMs = 0;
    int remaining = -1; // its tasks still to do (waiting, queued, no worker, running); -1: not reported
};

struct ClusterFacts
{
    QString clusterId;
    qint64 nowMs = 0;
    ClusterState state = ClusterState::Waiting;
    EngineKind engine = EngineKind::Dask; // picks the runbooks: Spark's are written for Spark's facts
    QDateTime waitingSince; // when it last became WAITING (meaningful while WAITING)
    int requestedWorkers = 0;
    QList<ExecutorFacts> executors;
    QList<JobFacts> jobs;
    QList<Series> series; // the recent window the runtime keeps (minutes)
    QList<TaskGroupFacts> groups;

    const Series *find(const QString &name, const QString &executor) const;
};

struct Thresholds
{
    double memoryHighFraction = 0.85; // managed + unmanaged over the limit: "climbing to the limit"
    int memoryHighSamples = 5; // ... for this many consecutive samples
    double skewRatio = 1.5; // max task duration over the group's 75th percentile
    double skewMinMaxS = 1.0; // stragglers shorter than this do not matter
    int skewMinTasks = 4;
    // Spark: a straggler counts as skew only when its stage's shuffle input is uneven too (the largest task's
    // shuffle read over this times the 75th percentile): task times on a JVM vary with GC and warm-up alone.
    double skewInputRatio = 1.5;
    double bytesImbalanceRatio = 3.0; // largest executor's share over the fair share, per group
    qint64 bytesImbalanceMinBytes = 16 * 1024 * 1024;
    qint64 stallSeconds = 8; // a live executor silent this long, or transfers stopped while tasks wait
    // A silent executor whose processes used at least this much CPU per second of the silence was busy, not
    // stalled (a SIGSTOPped or network-hung worker uses ~0; a starved event loop under load uses most of a core).
    double stallBusyCpuPerSecond = 0.2;
    qint64 idleSeconds = 900; // WAITING with no job this long (CLUSTERDECK_IDLE_INCIDENT_S)
    int retryStormFailures = 3; // failures of jobs with the same name ...
    qint64 retryStormWindowSeconds = 1800; // ... within this window
    qint64 jobStallSeconds = 300; // a running job with tasks left and none finished this long (CLUSTERDECK_JOB_STALL_S)
};

// F1: a worker killed or restarted for memory (the nanny's "exceeded 95% memory budget", a KilledWorker
// in a job; on Spark an executor JVM's OutOfMemoryError, exit code 52 in its Worker's log), or memory
// climbing to the limit with spilling.
IncidentList detectExecutorOom(const ClusterFacts &facts, const Thresholds &t = {});
// F2: a task group with a straggler (max duration > 1.5x its p75) or its output bytes piled on one executor.
// On Spark (a task group is a stage attempt) the straggler's stage must also have read uneven shuffle input.
IncidentList detectShuffleSkew(const ClusterFacts &facts, const Thresholds &t = {});
// F3: an executor lost without a retire asked for it; more severe when it took work of a running job.
IncidentList detectExecutorLost(const ClusterFacts &facts, const Thresholds &t = {});
// F4: a live executor that stopped answering, or transfers stopped while tasks wait for data.
IncidentList detectNetworkStall(const ClusterFacts &facts, const Thresholds &t = {});
// F5: a job that failed on access denied (EACCES, EPERM, a read-only file system).
IncidentList detectPermissionDenied(const ClusterFacts &facts, const Thresholds &t = {});
// An idle cluster: WAITING with no job for longer than the threshold, costing money for nothing.
IncidentList detectIdleCluster(const ClusterFacts &facts, const Thresholds &t = {});
// A retry storm: jobs of the same name failing again and again.
IncidentList detectRetryStorm(const ClusterFacts &facts, const Thresholds &t = {});

// A running job that makes no progress: no task finished for jobStallSeconds although tasks remain.
IncidentList detectJobStalled(const ClusterFacts &facts, const Thresholds &t = {});

// Every detector, each incident with its id, cluster and runbook filled in.
IncidentList detectAll(const ClusterFacts &facts, const Thresholds &t = {});

// The p-th percentile (0..100) by linear interpolation between closest ranks; 0 for no values.
double percentile(QList<double> values, double p);
// A log line's time: Dask's "2026-11-24 19:50:01,123 - ..." (local time, as Dask writes it), Spark's
// log4j "26/11/24 19:50:01 INFO ..." (local) or a sample's "19:50:01 ..." (today, local); 0 when it has none.
qint64 logLineTimeMs(const QString &line, qint64 nowMs);

} // namespace cdeck::triage
