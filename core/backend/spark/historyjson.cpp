// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/historyjson.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::spark::historyjson {

namespace {

QJsonArray ints(const QList<int> &v)
{
    QJsonArray a;
    for (int x : v)
        a.append(x);
    return a;
}

QJsonObject countMap(const QMap<QString, int> &m)
{
    QJsonObject o;
    for (auto it = m.begin(); it != m.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject stringMap(const QMap<QString, QString> &m)
{
    QJsonObject o;
    for (auto it = m.begin(); it != m.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

void putMetrics(QJsonObject &o, const TaskMetricSums &m)
{
    o.insert("executorDeserializeTime"_L1, m.executorDeserializeTime);
    o.insert("executorDeserializeCpuTime"_L1, m.executorDeserializeCpuTime);
    o.insert("executorRunTime"_L1, m.executorRunTime);
    o.insert("executorCpuTime"_L1, m.executorCpuTime);
    o.insert("resultSize"_L1, m.resultSize);
    o.insert("jvmGcTime"_L1, m.jvmGcTime);
    o.insert("resultSerializationTime"_L1, m.resultSerializationTime);
    o.insert("memoryBytesSpilled"_L1, m.memoryBytesSpilled);
    o.insert("diskBytesSpilled"_L1, m.diskBytesSpilled);
    o.insert("peakExecutionMemory"_L1, m.peakExecutionMemory);
    o.insert("inputBytes"_L1, m.inputBytes);
    o.insert("inputRecords"_L1, m.inputRecords);
    o.insert("outputBytes"_L1, m.outputBytes);
    o.insert("outputRecords"_L1, m.outputRecords);
    o.insert("shuffleRemoteBlocksFetched"_L1, m.shuffleRemoteBlocksFetched);
    o.insert("shuffleLocalBlocksFetched"_L1, m.shuffleLocalBlocksFetched);
    o.insert("shuffleFetchWaitTime"_L1, m.shuffleFetchWaitTime);
    o.insert("shuffleRemoteBytesRead"_L1, m.shuffleRemoteBytesRead);
    o.insert("shuffleRemoteBytesReadToDisk"_L1, m.shuffleRemoteBytesReadToDisk);
    o.insert("shuffleLocalBytesRead"_L1, m.shuffleLocalBytesRead);
    o.insert("shuffleReadBytes"_L1, m.shuffleReadBytes());
    o.insert("shuffleReadRecords"_L1, m.shuffleReadRecords);
    o.insert("shuffleRemoteReqsDuration"_L1, m.shuffleRemoteReqsDuration);
    o.insert("shuffleWriteBytes"_L1, m.shuffleWriteBytes);
    o.insert("shuffleWriteTime"_L1, m.shuffleWriteTime);
    o.insert("shuffleWriteRecords"_L1, m.shuffleWriteRecords);
    o.insert("shuffleCorruptMergedBlockChunks"_L1, m.pushCorruptMergedBlockChunks);
    o.insert("shuffleMergedFetchFallbackCount"_L1, m.pushMergedFetchFallbackCount);
    o.insert("shuffleMergedRemoteBlocksFetched"_L1, m.pushRemoteMergedBlocksFetched);
    o.insert("shuffleMergedLocalBlocksFetched"_L1, m.pushLocalMergedBlocksFetched);
    o.insert("shuffleMergedRemoteChunksFetched"_L1, m.pushRemoteMergedChunksFetched);
    o.insert("shuffleMergedLocalChunksFetched"_L1, m.pushLocalMergedChunksFetched);
    o.insert("shuffleMergedRemoteBytesRead"_L1, m.pushRemoteMergedBytesRead);
    o.insert("shuffleMergedLocalBytesRead"_L1, m.pushLocalMergedBytesRead);
    o.insert("shuffleMergedRemoteReqsDuration"_L1, m.pushRemoteMergedReqsDuration);
}

QJsonObject pushReadMetrics(const TaskMetricSums &m)
{
    return QJsonObject{{"corruptMergedBlockChunks"_L1, m.pushCorruptMergedBlockChunks},
                       {"mergedFetchFallbackCount"_L1, m.pushMergedFetchFallbackCount},
                       {"remoteMergedBlocksFetched"_L1, m.pushRemoteMergedBlocksFetched},
                       {"localMergedBlocksFetched"_L1, m.pushLocalMergedBlocksFetched},
                       {"remoteMergedChunksFetched"_L1, m.pushRemoteMergedChunksFetched},
                       {"localMergedChunksFetched"_L1, m.pushLocalMergedChunksFetched},
                       {"remoteMergedBytesRead"_L1, m.pushRemoteMergedBytesRead},
                       {"localMergedBytesRead"_L1, m.pushLocalMergedBytesRead},
                       {"remoteMergedReqsDuration"_L1, m.pushRemoteMergedReqsDuration}};
}

} // namespace

QString date(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz"_s) + "GMT"_L1;
}

QJsonObject peakMetrics(const PeakMetrics &m)
{
    QJsonObject o;
    for (int i = 0; i < kExecutorMetricCount; ++i)
        o.insert(QLatin1StringView(kExecutorMetricNames[size_t(i)]), m.values[size_t(i)]);
    return o;
}

QJsonObject attempt(const SparkAttempt &a)
{
    QJsonObject o;
    if (!a.attemptId.isEmpty())
        o.insert("attemptId"_L1, a.attemptId);
    const qint64 end = a.completed ? a.endTime : -1;
    o.insert("startTime"_L1, date(a.startTime));
    o.insert("endTime"_L1, date(end));
    o.insert("lastUpdated"_L1, date(a.lastUpdated));
    o.insert("duration"_L1, a.duration());
    o.insert("sparkUser"_L1, a.sparkUser);
    o.insert("completed"_L1, a.completed);
    o.insert("appSparkVersion"_L1, a.sparkVersion);
    o.insert("startTimeEpoch"_L1, a.startTime);
    o.insert("endTimeEpoch"_L1, end);
    o.insert("lastUpdatedEpoch"_L1, a.lastUpdated);
    return o;
}

QJsonObject application(const QString &id, const QString &name, const QList<SparkAttempt> &attempts)
{
    QJsonArray list;
    for (const SparkAttempt &a : attempts)
        list.append(attempt(a));
    return QJsonObject{{"id"_L1, id}, {"name"_L1, name}, {"attempts"_L1, list}};
}

QJsonObject job(const SparkJob &j)
{
    QJsonObject o;
    o.insert("jobId"_L1, j.jobId);
    o.insert("name"_L1, j.name);
    if (!j.description.isEmpty())
        o.insert("description"_L1, j.description);
    if (j.submissionTime >= 0)
        o.insert("submissionTime"_L1, date(j.submissionTime));
    if (j.completionTime >= 0)
        o.insert("completionTime"_L1, date(j.completionTime));
    o.insert("stageIds"_L1, ints(j.stageIds));
    if (!j.jobGroup.isEmpty())
        o.insert("jobGroup"_L1, j.jobGroup);
    o.insert("jobTags"_L1, QJsonArray::fromStringList(j.jobTags));
    o.insert("status"_L1, toString(j.status));
    o.insert("numTasks"_L1, j.numTasks);
    o.insert("numActiveTasks"_L1, j.numActiveTasks);
    o.insert("numCompletedTasks"_L1, j.numCompletedTasks);
    o.insert("numSkippedTasks"_L1, j.numSkippedTasks);
    o.insert("numFailedTasks"_L1, j.numFailedTasks);
    o.insert("numKilledTasks"_L1, j.numKilledTasks);
    o.insert("numCompletedIndices"_L1, j.numCompletedIndices);
    o.insert("numActiveStages"_L1, j.numActiveStages);
    o.insert("numCompletedStages"_L1, j.completedStages.size());
    o.insert("numSkippedStages"_L1, j.skippedStages.size());
    o.insert("numFailedStages"_L1, j.numFailedStages);
    o.insert("killedTasksSummary"_L1, countMap(j.killedTasksSummary));
    return o;
}

QJsonArray accumulables(const QList<SparkAccumulable> &list)
{
    QJsonArray out;
    for (const SparkAccumulable &a : list) {
        QJsonObject o{{"id"_L1, a.id}, {"name"_L1, a.name}, {"value"_L1, a.value}};
        if (a.hasUpdate)
            o.insert("update"_L1, a.update);
        out.append(o);
    }
    return out;
}

QJsonObject taskMetrics(const TaskMetricSums &m)
{
    QJsonObject o;
    o.insert("executorDeserializeTime"_L1, m.executorDeserializeTime);
    o.insert("executorDeserializeCpuTime"_L1, m.executorDeserializeCpuTime);
    o.insert("executorRunTime"_L1, m.executorRunTime);
    o.insert("executorCpuTime"_L1, m.executorCpuTime);
    o.insert("resultSize"_L1, m.resultSize);
    o.insert("jvmGcTime"_L1, m.jvmGcTime);
    o.insert("resultSerializationTime"_L1, m.resultSerializationTime);
    o.insert("memoryBytesSpilled"_L1, m.memoryBytesSpilled);
    o.insert("diskBytesSpilled"_L1, m.diskBytesSpilled);
    o.insert("peakExecutionMemory"_L1, m.peakExecutionMemory);
    o.insert("inputMetrics"_L1, QJsonObject{{"bytesRead"_L1, m.inputBytes}, {"recordsRead"_L1, m.inputRecords}});
    o.insert("outputMetrics"_L1,
             QJsonObject{{"bytesWritten"_L1, m.outputBytes}, {"recordsWritten"_L1, m.outputRecords}});
    o.insert("shuffleReadMetrics"_L1,
             QJsonObject{{"remoteBlocksFetched"_L1, m.shuffleRemoteBlocksFetched},
                         {"localBlocksFetched"_L1, m.shuffleLocalBlocksFetched},
                         {"fetchWaitTime"_L1, m.shuffleFetchWaitTime},
                         {"remoteBytesRead"_L1, m.shuffleRemoteBytesRead},
                         {"remoteBytesReadToDisk"_L1, m.shuffleRemoteBytesReadToDisk},
                         {"localBytesRead"_L1, m.shuffleLocalBytesRead},
                         {"recordsRead"_L1, m.shuffleReadRecords},
                         {"remoteReqsDuration"_L1, m.shuffleRemoteReqsDuration},
                         {"shufflePushReadMetrics"_L1, pushReadMetrics(m)}});
    o.insert("shuffleWriteMetrics"_L1, QJsonObject{{"bytesWritten"_L1, m.shuffleWriteBytes},
                                                   {"writeTime"_L1, m.shuffleWriteTime},
                                                   {"recordsWritten"_L1, m.shuffleWriteRecords}});
    return o;
}

qint64 taskDuration(const SparkTask &t, qint64 lastUpdated)
{
    // Spark: the finished task's duration, or how long a running one had run when the log was last written.
    return t.finished() ? t.finishTime - t.launchTime : lastUpdated - t.launchTime;
}

qint64 gettingResultTime(const SparkTask &t, qint64 duration)
{
    if (t.gettingResultTime <= 0)
        return 0;
    return duration > 0 ? t.launchTime + duration - t.gettingResultTime : 0;
}

qint64 schedulerDelay(const SparkTask &t, qint64 duration)
{
    return std::max<qint64>(0, duration - t.metrics.executorRunTime - t.metrics.executorDeserializeTime
                                   - t.metrics.resultSerializationTime - gettingResultTime(t, duration));
}

QJsonObject task(const SparkTask &t, const QMap<QString, QString> &executorLogs, qint64 lastUpdated)
{
    const qint64 duration = taskDuration(t, lastUpdated);
    const QString status = t.status();
    QJsonObject o;
    o.insert("taskId"_L1, t.taskId);
    o.insert("index"_L1, t.index);
    o.insert("attempt"_L1, t.attempt);
    o.insert("partitionId"_L1, t.partitionId);
    o.insert("launchTime"_L1, date(t.launchTime));
    if (t.gettingResultTime > 0)
        o.insert("resultFetchStart"_L1, date(t.gettingResultTime));
    if (duration > 0)
        o.insert("duration"_L1, duration);
    o.insert("executorId"_L1, t.executorId);
    o.insert("host"_L1, t.host);
    o.insert("status"_L1, status);
    o.insert("taskLocality"_L1, t.locality);
    o.insert("speculative"_L1, t.speculative);
    o.insert("accumulatorUpdates"_L1, accumulables(t.accumulables));
    if (t.hasError)
        o.insert("errorMessage"_L1, t.errorMessage);
    if (t.hasMetrics)
        o.insert("taskMetrics"_L1, taskMetrics(t.metrics));
    o.insert("executorLogs"_L1, stringMap(executorLogs));
    const bool done = status == "FAILED"_L1 || status == "KILLED"_L1 || status == "SUCCESS"_L1;
    o.insert("schedulerDelay"_L1, done && t.hasMetrics && duration > 0 ? schedulerDelay(t, duration) : 0);
    o.insert("gettingResultTime"_L1, gettingResultTime(t, duration > 0 ? duration : -1));
    return o;
}

QJsonObject stage(const SparkStage &s, bool withExecutorSummary)
{
    QJsonObject o;
    o.insert("status"_L1, toString(s.status));
    o.insert("stageId"_L1, s.stageId);
    o.insert("attemptId"_L1, s.attemptId);
    o.insert("numTasks"_L1, s.numTasks);
    o.insert("numActiveTasks"_L1, s.numActiveTasks);
    o.insert("numCompleteTasks"_L1, s.numCompleteTasks);
    o.insert("numFailedTasks"_L1, s.numFailedTasks);
    o.insert("numKilledTasks"_L1, s.numKilledTasks);
    o.insert("numCompletedIndices"_L1, s.numCompletedIndices);
    if (s.submissionTime >= 0)
        o.insert("submissionTime"_L1, date(s.submissionTime));
    if (s.firstTaskLaunchedTime >= 0)
        o.insert("firstTaskLaunchedTime"_L1, date(s.firstTaskLaunchedTime));
    if (s.completionTime >= 0)
        o.insert("completionTime"_L1, date(s.completionTime));
    if (!s.failureReason.isEmpty())
        o.insert("failureReason"_L1, s.failureReason);
    putMetrics(o, s.metrics);
    o.insert("name"_L1, s.name);
    if (!s.description.isEmpty())
        o.insert("description"_L1, s.description);
    o.insert("details"_L1, s.details);
    o.insert("schedulingPool"_L1, s.schedulingPool);
    o.insert("rddIds"_L1, ints(s.rddIds));
    o.insert("accumulatorUpdates"_L1, accumulables(s.accumulables));
    o.insert("killedTasksSummary"_L1, countMap(s.killedTasksSummary));
    o.insert("resourceProfileId"_L1, s.resourceProfileId);
    if (s.peak.set)
        o.insert("peakExecutorMetrics"_L1, peakMetrics(s.peak));
    o.insert("isShufflePushEnabled"_L1, s.isShufflePushEnabled);
    o.insert("shuffleMergersCount"_L1, s.shuffleMergersCount);
    if (withExecutorSummary) {
        QJsonObject summary;
        for (auto it = s.executorSummary.begin(); it != s.executorSummary.end(); ++it) {
            const StageExecutorSummary &e = it.value();
            QJsonObject x;
            x.insert("taskTime"_L1, e.taskTime);
            x.insert("failedTasks"_L1, e.failedTasks);
            x.insert("succeededTasks"_L1, e.succeededTasks);
            x.insert("killedTasks"_L1, e.killedTasks);
            x.insert("inputBytes"_L1, e.metrics.inputBytes);
            x.insert("inputRecords"_L1, e.metrics.inputRecords);
            x.insert("outputBytes"_L1, e.metrics.outputBytes);
            x.insert("outputRecords"_L1, e.metrics.outputRecords);
            x.insert("shuffleRead"_L1, e.metrics.shuffleReadBytes());
            x.insert("shuffleReadRecords"_L1, e.metrics.shuffleReadRecords);
            x.insert("shuffleWrite"_L1, e.metrics.shuffleWriteBytes);
            x.insert("shuffleWriteRecords"_L1, e.metrics.shuffleWriteRecords);
            x.insert("memoryBytesSpilled"_L1, e.metrics.memoryBytesSpilled);
            x.insert("diskBytesSpilled"_L1, e.metrics.diskBytesSpilled);
            x.insert("isBlacklistedForStage"_L1, e.isExcluded);
            x.insert("isExcludedForStage"_L1, e.isExcluded);
            if (e.peak.set)
                x.insert("peakMemoryMetrics"_L1, peakMetrics(e.peak));
            summary.insert(it.key(), x);
        }
        o.insert("executorSummary"_L1, summary);
        if (s.hasSpeculation) {
            const SpeculationSummary &sp = s.speculation;
            o.insert("speculationSummary"_L1, QJsonObject{{"numTasks"_L1, sp.numTasks},
                                                           {"numActiveTasks"_L1, sp.numActiveTasks},
                                                           {"numCompletedTasks"_L1, sp.numCompletedTasks},
                                                           {"numFailedTasks"_L1, sp.numFailedTasks},
                                                           {"numKilledTasks"_L1, sp.numKilledTasks}});
        }
    }
    return o;
}

QJsonObject executor(const SparkExecutor &e)
{
    QJsonObject o;
    o.insert("id"_L1, e.id);
    o.insert("hostPort"_L1, e.hostPort.isEmpty() ? e.host : e.hostPort);
    o.insert("isActive"_L1, e.isActive);
    o.insert("rddBlocks"_L1, e.rddBlocks);
    o.insert("memoryUsed"_L1, e.memoryUsed);
    o.insert("diskUsed"_L1, e.diskUsed);
    o.insert("totalCores"_L1, e.totalCores);
    o.insert("maxTasks"_L1, e.maxTasks);
    o.insert("activeTasks"_L1, e.activeTasks);
    o.insert("failedTasks"_L1, e.failedTasks);
    o.insert("completedTasks"_L1, e.completedTasks);
    o.insert("totalTasks"_L1, e.totalTasks);
    o.insert("totalDuration"_L1, e.totalDuration);
    // Spark's AppStatusStore lists the driver with its own JVM's GC time, the peak TotalGCTime of its executor
    // metrics (task end, stage and metrics-update events), whenever any were reported; the sum over the tasks it
    // ran (local mode) only when none were.
    const bool driverJvmGc = e.id == "driver"_L1 && e.peak.set;
    o.insert("totalGCTime"_L1, driverJvmGc ? e.peak.values[kTotalGcTimeMetric] : e.totalGcTime);
    o.insert("totalInputBytes"_L1, e.totalInputBytes);
    o.insert("totalShuffleRead"_L1, e.totalShuffleRead);
    o.insert("totalShuffleWrite"_L1, e.totalShuffleWrite);
    o.insert("isBlacklisted"_L1, e.isExcluded);
    o.insert("maxMemory"_L1, e.maxMemory);
    o.insert("addTime"_L1, date(e.addTime));
    if (e.removeTime >= 0) {
        o.insert("removeTime"_L1, date(e.removeTime));
        o.insert("removeReason"_L1, e.removeReason);
    }
    o.insert("executorLogs"_L1, stringMap(e.executorLogs));
    if (e.totalOnHeap >= 0) {
        o.insert("memoryMetrics"_L1,
                 QJsonObject{{"usedOnHeapStorageMemory"_L1, e.usedOnHeap},
                             {"usedOffHeapStorageMemory"_L1, e.usedOffHeap},
                             {"totalOnHeapStorageMemory"_L1, e.totalOnHeap},
                             {"totalOffHeapStorageMemory"_L1, e.totalOffHeap}});
    }
    o.insert("blacklistedInStages"_L1, ints(e.excludedInStages));
    if (e.peak.set)
        o.insert("peakMemoryMetrics"_L1, peakMetrics(e.peak));
    o.insert("attributes"_L1, stringMap(e.attributes));
    QJsonObject resources;
    for (auto it = e.resources.begin(); it != e.resources.end(); ++it)
        resources.insert(it.key(),
                         QJsonObject{{"name"_L1, it.key()}, {"addresses"_L1, QJsonArray::fromStringList(it.value())}});
    o.insert("resources"_L1, resources);
    o.insert("resourceProfileId"_L1, e.resourceProfileId);
    o.insert("isExcluded"_L1, e.isExcluded);
    o.insert("excludedInStages"_L1, ints(e.excludedInStages));
    return o;
}

QJsonObject process(const SparkProcess &p)
{
    QJsonObject o{{"id"_L1, p.id},
                  {"hostPort"_L1, p.hostPort},
                  {"isActive"_L1, p.isActive},
                  {"totalCores"_L1, p.totalCores},
                  {"addTime"_L1, date(p.addTime)},
                  {"processLogs"_L1, stringMap(p.processLogs)}};
    if (p.removeTime >= 0)
        o.insert("removeTime"_L1, date(p.removeTime));
    return o;
}

QJsonObject rdd(const SparkRdd &r, const QMap<QString, SparkExecutor> &executors)
{
    QJsonObject o{{"id"_L1, r.id},
                  {"name"_L1, r.name},
                  {"numPartitions"_L1, r.numPartitions},
                  {"numCachedPartitions"_L1, r.partitions.size()},
                  {"storageLevel"_L1, r.storageLevel},
                  {"memoryUsed"_L1, r.memoryUsed},
                  {"diskUsed"_L1, r.diskUsed}};
    if (!r.distributions.isEmpty()) {
        QJsonArray dists;
        for (const QString &id : r.distributionOrder) {
            const SparkRddDistribution &d = r.distributions.value(id);
            const SparkExecutor x = executors.value(id);
            QJsonObject dist{{"address"_L1, x.hostPort.isEmpty() ? x.host : x.hostPort},
                             {"memoryUsed"_L1, d.memoryUsed},
                             {"memoryRemaining"_L1, d.memoryRemaining},
                             {"diskUsed"_L1, d.diskUsed}};
            if (x.totalOnHeap >= 0) {
                dist.insert("onHeapMemoryUsed"_L1, d.onHeapUsed);
                dist.insert("offHeapMemoryUsed"_L1, d.offHeapUsed);
                dist.insert("onHeapMemoryRemaining"_L1, d.onHeapRemaining);
                dist.insert("offHeapMemoryRemaining"_L1, d.offHeapRemaining);
            }
            dists.append(dist);
        }
        o.insert("dataDistribution"_L1, dists);
    }
    QJsonArray parts;
    for (const QString &name : r.partitionOrder) {
        const SparkRddPartition &p = r.partitions[name];
        parts.append(QJsonObject{{"blockName"_L1, p.blockName},
                                 {"storageLevel"_L1, p.storageLevel},
                                 {"memoryUsed"_L1, p.memoryUsed},
                                 {"diskUsed"_L1, p.diskUsed},
                                 {"executors"_L1, QJsonArray::fromStringList(p.executors)}});
    }
    o.insert("partitions"_L1, parts);
    return o;
}

QJsonObject sqlExecution(const SqlExecution &x, bool details, bool planDescription, qint64 now)
{
    QJsonObject o;
    o.insert("id"_L1, x.id);
    o.insert("status"_L1, x.status());
    if (x.description)
        o.insert("description"_L1, *x.description);
    if (!planDescription)
        o.insert("planDescription"_L1, u""_s);
    else if (x.planDescription)
        o.insert("planDescription"_L1, *x.planDescription);
    o.insert("submissionTime"_L1, date(x.submissionTime));
    o.insert("duration"_L1, x.completionTime.value_or(now) - x.submissionTime);
    QJsonArray running, succeeded, failed;
    for (const auto &job : x.jobs) {
        if (job.second == JobStatus::Running)
            running.append(job.first);
        else if (job.second == JobStatus::Succeeded)
            succeeded.append(job.first);
        else if (job.second == JobStatus::Failed)
            failed.append(job.first);
    }
    o.insert("runningJobIds"_L1, running);
    o.insert("successJobIds"_L1, succeeded);
    o.insert("failedJobIds"_L1, failed);
    QJsonArray nodes, edges;
    if (details) {
        QList<const SqlPlanNode *> byId;
        for (const SqlPlanNode &n : x.nodes)
            byId.append(&n);
        // Spark lists the nodes by id, highest first.
        std::stable_sort(byId.begin(), byId.end(),
                         [](const SqlPlanNode *a, const SqlPlanNode *b) { return a->id > b->id; });
        for (const SqlPlanNode *n : std::as_const(byId)) {
            QJsonArray metrics;
            for (const SqlPlanMetric &m : n->metrics) {
                const auto value = x.metricValues.constFind(m.accumulatorId);
                if (value == x.metricValues.constEnd())
                    continue; // no task or driver reported it
                const QString text = value->startsWith(u'\n') ? value->mid(1) : *value;
                metrics.append(QJsonObject{{"name"_L1, m.name.trimmed()}, {"value"_L1, text}});
            }
            QJsonObject node{{"nodeId"_L1, n->id}, {"nodeName"_L1, n->name.trimmed()}, {"metrics"_L1, metrics}};
            if (n->wholeStageCodegenId)
                node.insert("wholeStageCodegenId"_L1, *n->wholeStageCodegenId);
            nodes.append(node);
        }
        for (const SqlPlanEdge &e : x.edges)
            edges.append(QJsonObject{{"fromId"_L1, e.fromId}, {"toId"_L1, e.toId}});
    }
    o.insert("nodes"_L1, nodes);
    o.insert("edges"_L1, edges);
    return o;
}

} // namespace cdeck::spark::historyjson
