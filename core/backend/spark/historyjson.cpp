// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/historyjson.h"

#include <QDateTime>

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
    // push-based shuffle: not read from logs yet, and Spark shows zeros when it was off
    for (const auto key : {"shuffleCorruptMergedBlockChunks"_L1, "shuffleMergedFetchFallbackCount"_L1,
                           "shuffleMergedRemoteBlocksFetched"_L1, "shuffleMergedLocalBlocksFetched"_L1,
                           "shuffleMergedRemoteChunksFetched"_L1, "shuffleMergedLocalChunksFetched"_L1,
                           "shuffleMergedRemoteBytesRead"_L1, "shuffleMergedLocalBytesRead"_L1,
                           "shuffleMergedRemoteReqsDuration"_L1})
        o.insert(key, 0);
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
    o.insert("jobTags"_L1, QJsonArray());
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
    o.insert("accumulatorUpdates"_L1, QJsonArray());
    o.insert("killedTasksSummary"_L1, countMap(s.killedTasksSummary));
    o.insert("resourceProfileId"_L1, s.resourceProfileId);
    if (s.peak.set)
        o.insert("peakExecutorMetrics"_L1, peakMetrics(s.peak));
    o.insert("isShufflePushEnabled"_L1, false);
    o.insert("shuffleMergersCount"_L1, 0);
    // Not part of Spark's stage object, but the DAG needs it and extra fields are harmless to its clients.
    o.insert("parentIds"_L1, ints(s.parentIds));
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
            x.insert("isBlacklistedForStage"_L1, false);
            x.insert("isExcludedForStage"_L1, false);
            if (e.peak.set)
                x.insert("peakMemoryMetrics"_L1, peakMetrics(e.peak));
            summary.insert(it.key(), x);
        }
        o.insert("executorSummary"_L1, summary);
    }
    return o;
}

QJsonObject executor(const SparkExecutor &e)
{
    QJsonObject o;
    o.insert("id"_L1, e.id);
    o.insert("hostPort"_L1, e.hostPort.isEmpty() ? e.host : e.hostPort);
    o.insert("isActive"_L1, e.isActive);
    o.insert("rddBlocks"_L1, 0);
    o.insert("memoryUsed"_L1, e.memoryUsed);
    o.insert("diskUsed"_L1, e.diskUsed);
    o.insert("totalCores"_L1, e.totalCores);
    o.insert("maxTasks"_L1, e.maxTasks);
    o.insert("activeTasks"_L1, e.activeTasks);
    o.insert("failedTasks"_L1, e.failedTasks);
    o.insert("completedTasks"_L1, e.completedTasks);
    o.insert("totalTasks"_L1, e.totalTasks);
    o.insert("totalDuration"_L1, e.totalDuration);
    o.insert("totalGCTime"_L1, e.totalGcTime);
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
                 QJsonObject{{"usedOnHeapStorageMemory"_L1, e.memoryUsed},
                             {"usedOffHeapStorageMemory"_L1, 0},
                             {"totalOnHeapStorageMemory"_L1, e.totalOnHeap},
                             {"totalOffHeapStorageMemory"_L1, e.totalOffHeap}});
    }
    o.insert("blacklistedInStages"_L1, QJsonArray());
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
    o.insert("excludedInStages"_L1, QJsonArray());
    return o;
}

} // namespace cdeck::spark::historyjson
