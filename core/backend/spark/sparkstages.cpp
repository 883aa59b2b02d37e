// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/sparkstages.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// Text::tr, not a free tr(): lupdate takes the context from Q_DECLARE_TR_FUNCTIONS at every call,
// where a free function would be filed under each caller's namespace or class and never match.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::spark::SparkStages)
};
} // namespace

namespace cdeck::spark {

namespace {

QDateTime utc(qint64 epochMs)
{
    return epochMs < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC);
}

// The stage state a DAG node shows: Spark's five states onto core/dag's four.
dag::NodeState nodeStateOf(const QString &status)
{
    if (status == "ACTIVE"_L1)
        return dag::NodeState::Running;
    if (status == "COMPLETE"_L1)
        return dag::NodeState::Completed;
    if (status == "FAILED"_L1)
        return dag::NodeState::Failed;
    return dag::NodeState::Pending; // PENDING, SKIPPED
}
} // namespace

SparkAppInfo appInfoOf(const SparkApplication &app)
{
    SparkAppInfo a;
    a.id = app.id;
    a.name = app.name;
    a.attemptId = app.attempt.attemptId;
    a.startTime = utc(app.attempt.startTime);
    a.completed = app.attempt.completed;
    if (app.attempt.completed)
        a.endTime = utc(app.attempt.endTime);
    a.sparkUser = app.attempt.sparkUser;
    return a;
}

SparkExecutorInfo executorInfoOf(const SparkExecutor &e)
{
    SparkExecutorInfo x;
    x.id = e.id;
    x.hostPort = e.hostPort.isEmpty() ? e.host : e.hostPort;
    x.isActive = e.isActive;
    x.totalCores = e.totalCores;
    x.activeTasks = e.activeTasks;
    x.failedTasks = e.failedTasks;
    x.completedTasks = e.completedTasks;
    x.storageMemoryUsed = e.memoryUsed;
    x.storageMemoryMax = e.maxMemory;
    x.peakJvmHeap = e.peak.set ? e.peak.jvmHeap() : -1;
    x.diskUsed = e.diskUsed;
    x.shuffleRead = e.totalShuffleRead;
    x.shuffleWrite = e.totalShuffleWrite;
    x.totalDurationMs = e.totalDuration;
    x.addTime = utc(e.addTime);
    x.removeTime = utc(e.removeTime);
    x.removeReason = e.removeReason;
    return x;
}

SparkJobInfo jobInfoOf(const SparkJob &j)
{
    SparkJobInfo x;
    x.jobId = j.jobId;
    x.name = j.name;
    x.status = toString(j.status);
    x.stageIds = j.stageIds;
    x.submissionTime = utc(j.submissionTime);
    x.completionTime = utc(j.completionTime);
    x.numTasks = j.numTasks;
    x.numCompletedTasks = j.numCompletedTasks;
    x.numFailedTasks = j.numFailedTasks;
    x.numSkippedTasks = j.numSkippedTasks;
    return x;
}

SparkStageInfo stageInfoOf(const SparkStage &s)
{
    SparkStageInfo x;
    x.stageId = s.stageId;
    x.attemptId = s.attemptId;
    x.name = s.name;
    x.status = toString(s.status);
    x.numTasks = s.numTasks;
    x.numCompleteTasks = s.numCompleteTasks;
    x.numFailedTasks = s.numFailedTasks;
    x.numActiveTasks = s.numActiveTasks;
    x.numKilledTasks = s.numKilledTasks;
    x.inputBytes = s.metrics.inputBytes;
    x.outputBytes = s.metrics.outputBytes;
    x.shuffleReadBytes = s.metrics.shuffleReadBytes();
    x.shuffleWriteBytes = s.metrics.shuffleWriteBytes;
    x.memoryBytesSpilled = s.metrics.memoryBytesSpilled;
    x.diskBytesSpilled = s.metrics.diskBytesSpilled;
    x.executorRunTimeMs = s.metrics.executorRunTime;
    x.description = s.description;
    x.submissionTime = utc(s.submissionTime);
    x.completionTime = utc(s.completionTime);
    x.failureReason = s.failureReason;
    x.inputRecords = s.metrics.inputRecords;
    x.outputRecords = s.metrics.outputRecords;
    x.shuffleReadRecords = s.metrics.shuffleReadRecords;
    x.shuffleWriteRecords = s.metrics.shuffleWriteRecords;
    x.jvmGcTimeMs = s.metrics.jvmGcTime;
    x.executorCpuTimeNs = s.metrics.executorCpuTime;
    x.parentIds = s.parentIds;
    x.parentsKnown = true;
    x.jobIds = s.jobIds;
    x.executors = s.executorSummary.keys();
    return x;
}

void assignJobIds(QList<SparkStageInfo> &stages, const QList<SparkJobInfo> &jobs)
{
    QHash<int, QList<int>> jobsOf;
    for (const SparkJobInfo &j : jobs)
        for (int id : j.stageIds)
            jobsOf[id].append(j.jobId);
    for (SparkStageInfo &s : stages) {
        s.jobIds = jobsOf.value(s.stageId);
        std::sort(s.jobIds.begin(), s.jobIds.end());
    }
}

QString stageNodeId(int stageId)
{
    return u"stage-%1"_s.arg(stageId);
}

std::optional<dag::Dag> stageDag(const QList<SparkStageInfo> &stages, const SparkJobInfo &job, QString *error)
{
    // The newest attempt of each stage of the job; a stage the job lists but nobody reported stays unknown.
    QHash<int, const SparkStageInfo *> newest;
    for (const SparkStageInfo &s : stages) {
        if (!job.stageIds.contains(s.stageId))
            continue;
        const SparkStageInfo *&slot = newest[s.stageId];
        if (!slot || s.attemptId > slot->attemptId)
            slot = &s;
    }
    for (const SparkStageInfo *s : std::as_const(newest)) {
        if (!s->parentsKnown) {
            *error
                = Text::tr("Spark's REST API names no parent stages: the stage DAG needs the application's event log "
                           "(File > Open Spark event log…).");
            return std::nullopt;
        }
    }
    dag::Dag graph;
    graph.setJobId(QString::number(job.jobId));
    QList<int> ids = job.stageIds;
    std::sort(ids.begin(), ids.end());
    for (int id : ids) {
        dag::DagNode node;
        node.id = stageNodeId(id);
        const SparkStageInfo *s = newest.value(id);
        if (!s) {
            node.name = Text::tr("Stage %1 (not reported)").arg(id);
            graph.upsertNode(node);
            continue;
        }
        const bool skipped = s->status == "SKIPPED"_L1;
        // Node labels are short (elided in the middle): a skipped stage's label says only that; the Jobs tab has
        // its description.
        node.name = skipped ? Text::tr("Stage %1 (skipped)").arg(id) : Text::tr("Stage %1: %2").arg(id).arg(s->name);
        if (s->attemptId > 0)
            node.name += Text::tr(" · attempt %1").arg(s->attemptId);
        node.state = nodeStateOf(s->status);
        if (!skipped) {
            const int pending = std::max(0, s->numTasks - s->numCompleteTasks - s->numFailedTasks - s->numActiveTasks
                                                - s->numKilledTasks);
            node.counts.insert(u"complete"_s, s->numCompleteTasks);
            if (s->numActiveTasks > 0)
                node.counts.insert(u"running"_s, s->numActiveTasks);
            if (s->numFailedTasks > 0)
                node.counts.insert(u"failed"_s, s->numFailedTasks);
            if (s->numKilledTasks > 0)
                node.counts.insert(u"killed"_s, s->numKilledTasks);
            if (pending > 0)
                node.counts.insert(u"pending"_s, pending);
        }
        node.bytes = s->shuffleWriteBytes + s->outputBytes;
        node.durationS = double(s->executorRunTimeMs) / 1000.0;
        node.start = s->submissionTime;
        node.stop = s->completionTime;
        node.executors = s->executors;
        std::sort(node.executors.begin(), node.executors.end());
        node.retried = s->attemptId > 0 ? s->attemptId : 0;
        graph.upsertNode(node);
    }
    for (int id : ids) {
        const SparkStageInfo *s = newest.value(id);
        if (!s)
            continue;
        for (int parent : s->parentIds) {
            // A parent outside the job (another job's shuffle output) is not one of its nodes: no edge.
            if (!graph.contains(stageNodeId(parent)))
                continue;
            const SparkStageInfo *p = newest.value(parent);
            graph.addEdge({stageNodeId(parent), stageNodeId(id), p ? p->shuffleWriteBytes : 0});
        }
    }
    graph.breakCycles();
    return graph;
}

int peakConcurrentExecutors(const SparkApplication &app)
{
    QList<ExecutorEvent> events = app.executorTimeline;
    std::stable_sort(events.begin(), events.end(), [](const ExecutorEvent &a, const ExecutorEvent &b) {
        return a.time < b.time || (a.time == b.time && !a.added && b.added); // removals first at a tie
    });
    int alive = 0;
    int peak = 0;
    for (const ExecutorEvent &e : events) {
        if (e.executorId == "driver"_L1)
            continue;
        alive += e.added ? 1 : -1;
        peak = std::max(peak, alive);
    }
    return peak;
}

} // namespace cdeck::spark
