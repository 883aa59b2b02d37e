// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/sparkmodel.h"

using namespace Qt::StringLiterals;

namespace cdeck::spark {

const std::array<const char *, kExecutorMetricCount> kExecutorMetricNames = {
    "JVMHeapMemory", "JVMOffHeapMemory", "OnHeapExecutionMemory", "OffHeapExecutionMemory", "OnHeapStorageMemory",
    "OffHeapStorageMemory", "OnHeapUnifiedMemory", "OffHeapUnifiedMemory", "DirectPoolMemory", "MappedPoolMemory",
    "ProcessTreeJVMVMemory", "ProcessTreeJVMRSSMemory", "ProcessTreePythonVMemory", "ProcessTreePythonRSSMemory",
    "ProcessTreeOtherVMemory", "ProcessTreeOtherRSSMemory", "MinorGCCount", "MinorGCTime", "MajorGCCount",
    "MajorGCTime", "TotalGCTime", "ConcurrentGCCount", "ConcurrentGCTime",
};

void PeakMetrics::updatePeaks(const PeakMetrics &other)
{
    // As Spark's compareAndUpdatePeakValues: every value takes its peak; the whole is shown once one update
    // reported a JVM heap.
    for (int i = 0; i < kExecutorMetricCount; ++i)
        values[i] = std::max(values[i], other.values[i]);
    set = set || other.set;
}

void TaskMetricSums::add(const TaskMetricSums &o)
{
    executorDeserializeTime += o.executorDeserializeTime;
    executorDeserializeCpuTime += o.executorDeserializeCpuTime;
    executorRunTime += o.executorRunTime;
    executorCpuTime += o.executorCpuTime;
    resultSize += o.resultSize;
    jvmGcTime += o.jvmGcTime;
    resultSerializationTime += o.resultSerializationTime;
    memoryBytesSpilled += o.memoryBytesSpilled;
    diskBytesSpilled += o.diskBytesSpilled;
    peakExecutionMemory += o.peakExecutionMemory;
    inputBytes += o.inputBytes;
    inputRecords += o.inputRecords;
    outputBytes += o.outputBytes;
    outputRecords += o.outputRecords;
    shuffleRemoteBlocksFetched += o.shuffleRemoteBlocksFetched;
    shuffleLocalBlocksFetched += o.shuffleLocalBlocksFetched;
    shuffleFetchWaitTime += o.shuffleFetchWaitTime;
    shuffleRemoteBytesRead += o.shuffleRemoteBytesRead;
    shuffleRemoteBytesReadToDisk += o.shuffleRemoteBytesReadToDisk;
    shuffleLocalBytesRead += o.shuffleLocalBytesRead;
    shuffleReadRecords += o.shuffleReadRecords;
    shuffleRemoteReqsDuration += o.shuffleRemoteReqsDuration;
    shuffleWriteBytes += o.shuffleWriteBytes;
    shuffleWriteTime += o.shuffleWriteTime;
    shuffleWriteRecords += o.shuffleWriteRecords;
    pushCorruptMergedBlockChunks += o.pushCorruptMergedBlockChunks;
    pushMergedFetchFallbackCount += o.pushMergedFetchFallbackCount;
    pushRemoteMergedBlocksFetched += o.pushRemoteMergedBlocksFetched;
    pushLocalMergedBlocksFetched += o.pushLocalMergedBlocksFetched;
    pushRemoteMergedChunksFetched += o.pushRemoteMergedChunksFetched;
    pushLocalMergedChunksFetched += o.pushLocalMergedChunksFetched;
    pushRemoteMergedBytesRead += o.pushRemoteMergedBytesRead;
    pushLocalMergedBytesRead += o.pushLocalMergedBytesRead;
    pushRemoteMergedReqsDuration += o.pushRemoteMergedReqsDuration;
}

QString SparkTask::status() const
{
    if (!finished())
        return gettingResultTime != 0 ? u"GET RESULT"_s : u"RUNNING"_s;
    if (failed)
        return u"FAILED"_s;
    if (killed)
        return u"KILLED"_s;
    return u"SUCCESS"_s;
}

QString toString(JobStatus s)
{
    switch (s) {
    case JobStatus::Running: return u"RUNNING"_s;
    case JobStatus::Succeeded: return u"SUCCEEDED"_s;
    case JobStatus::Failed: return u"FAILED"_s;
    case JobStatus::Unknown: break;
    }
    return u"UNKNOWN"_s;
}

QString toString(StageStatus s)
{
    switch (s) {
    case StageStatus::Active: return u"ACTIVE"_s;
    case StageStatus::Complete: return u"COMPLETE"_s;
    case StageStatus::Failed: return u"FAILED"_s;
    case StageStatus::Pending: return u"PENDING"_s;
    case StageStatus::Skipped: break;
    }
    return u"SKIPPED"_s;
}

} // namespace cdeck::spark

namespace cdeck::spark {

QString SqlExecution::status() const
{
    // Spark's SQLExecutionUIData.executionStatus: an execution end with an empty error message is a success
    // whatever its jobs did; without an error message (older logs), a failed job fails the execution.
    if (errorMessage)
        return errorMessage->isEmpty() ? u"COMPLETED"_s : u"FAILED"_s;
    if (!completionTime)
        return u"RUNNING"_s;
    for (const auto &job : jobs) {
        if (job.second == JobStatus::Failed)
            return u"FAILED"_s;
    }
    return u"COMPLETED"_s;
}

} // namespace cdeck::spark
