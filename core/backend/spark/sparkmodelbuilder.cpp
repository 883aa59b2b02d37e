// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/sparkmodelbuilder.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

namespace {

qint64 num(const QJsonObject &o, QLatin1StringView key, qint64 fallback = 0)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) { // SQL accumulables and a few old fields carry numbers as text
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}

QString str(const QJsonObject &o, QLatin1StringView key) { return o.value(key).toString(); }

QList<int> intList(const QJsonValue &v)
{
    QList<int> out;
    const QJsonArray a = v.toArray();
    out.reserve(a.size());
    for (const QJsonValue &x : a)
        out.append(x.toInt());
    return out;
}

QString property(const QJsonObject &event, QLatin1StringView key)
{
    return event.value("Properties"_L1).toObject().value(key).toString();
}

QMap<QString, QString> stringMap(const QJsonValue &v)
{
    QMap<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

// Bitmaps of completed task indexes; a hostile log could name index 2^31, so very large ones are not tracked.
constexpr int kMaxTrackedIndex = 1 << 26;

} // namespace

SparkModelBuilder::SparkModelBuilder() = default;

PeakMetrics SparkModelBuilder::executorMetricsFromJson(const QJsonObject &o)
{
    PeakMetrics m;
    m.set = true;
    for (int i = 0; i < kExecutorMetricCount; ++i)
        m.values[i] = num(o, QLatin1StringView(kExecutorMetricNames[i]));
    return m;
}

TaskEndEvent SparkModelBuilder::taskEndFromJson(const QJsonObject &e, QByteArray *executorStorage,
                                                QByteArray *killStorage)
{
    TaskEndEvent t;
    t.stageId = int(num(e, "Stage ID"_L1));
    t.stageAttemptId = int(num(e, "Stage Attempt ID"_L1));
    const QJsonObject reason = e.value("Task End Reason"_L1).toObject();
    const QString r = str(reason, "Reason"_L1);
    if (r == "Success"_L1 || r.isEmpty())
        t.reason = TaskEndReason::Success;
    else if (r == "TaskKilled"_L1)
        t.reason = TaskEndReason::Killed;
    else if (r == "TaskCommitDenied"_L1)
        t.reason = TaskEndReason::CommitDenied;
    else if (r == "Resubmitted"_L1)
        t.reason = TaskEndReason::Resubmitted;
    else
        t.reason = TaskEndReason::Failed;
    *killStorage = str(reason, "Kill Reason"_L1).toUtf8();
    t.killReason = std::string_view(killStorage->constData(), size_t(killStorage->size()));
    const QJsonObject info = e.value("Task Info"_L1).toObject();
    t.taskId = num(info, "Task ID"_L1);
    t.index = int(num(info, "Index"_L1));
    t.launchTime = num(info, "Launch Time"_L1);
    t.finishTime = num(info, "Finish Time"_L1);
    *executorStorage = str(info, "Executor ID"_L1).toUtf8();
    t.executorId = std::string_view(executorStorage->constData(), size_t(executorStorage->size()));
    const QJsonValue mv = e.value("Task Metrics"_L1);
    t.hasMetrics = mv.isObject();
    if (t.hasMetrics) {
        const QJsonObject m = mv.toObject();
        TaskMetricSums &s = t.metrics;
        s.executorDeserializeTime = num(m, "Executor Deserialize Time"_L1);
        s.executorDeserializeCpuTime = num(m, "Executor Deserialize CPU Time"_L1);
        s.executorRunTime = num(m, "Executor Run Time"_L1);
        s.executorCpuTime = num(m, "Executor CPU Time"_L1);
        s.resultSize = num(m, "Result Size"_L1);
        s.jvmGcTime = num(m, "JVM GC Time"_L1);
        s.resultSerializationTime = num(m, "Result Serialization Time"_L1);
        s.memoryBytesSpilled = num(m, "Memory Bytes Spilled"_L1);
        s.diskBytesSpilled = num(m, "Disk Bytes Spilled"_L1);
        s.peakExecutionMemory = num(m, "Peak Execution Memory"_L1);
        const QJsonObject in = m.value("Input Metrics"_L1).toObject();
        s.inputBytes = num(in, "Bytes Read"_L1);
        s.inputRecords = num(in, "Records Read"_L1);
        const QJsonObject out = m.value("Output Metrics"_L1).toObject();
        s.outputBytes = num(out, "Bytes Written"_L1);
        s.outputRecords = num(out, "Records Written"_L1);
        const QJsonObject sr = m.value("Shuffle Read Metrics"_L1).toObject();
        s.shuffleRemoteBlocksFetched = num(sr, "Remote Blocks Fetched"_L1);
        s.shuffleLocalBlocksFetched = num(sr, "Local Blocks Fetched"_L1);
        s.shuffleFetchWaitTime = num(sr, "Fetch Wait Time"_L1);
        s.shuffleRemoteBytesRead = num(sr, "Remote Bytes Read"_L1);
        s.shuffleRemoteBytesReadToDisk = num(sr, "Remote Bytes Read To Disk"_L1);
        s.shuffleLocalBytesRead = num(sr, "Local Bytes Read"_L1);
        s.shuffleReadRecords = num(sr, "Total Records Read"_L1);
        s.shuffleRemoteReqsDuration = num(sr, "Remote Requests Duration"_L1);
        const QJsonObject sw = m.value("Shuffle Write Metrics"_L1).toObject();
        s.shuffleWriteBytes = num(sw, "Shuffle Bytes Written"_L1);
        s.shuffleWriteTime = num(sw, "Shuffle Write Time"_L1);
        s.shuffleWriteRecords = num(sw, "Shuffle Records Written"_L1);
    }
    t.executorMetrics = executorMetricsFromJson(e.value("Task Executor Metrics"_L1).toObject());
    return t;
}

void SparkModelBuilder::markCompletedIndex(std::vector<bool> &bits, int index, int *count)
{
    if (index < 0 || index >= kMaxTrackedIndex)
        return;
    if (size_t(index) >= bits.size())
        bits.resize(std::max<size_t>(size_t(index) + 1, bits.size() * 2));
    if (!bits[size_t(index)]) {
        bits[size_t(index)] = true;
        ++*count;
    }
}

SparkStage *SparkModelBuilder::liveStage(int stageId, int attemptId)
{
    const QPair<int, int> key(stageId, attemptId);
    if (!m_liveStages.contains(key))
        return nullptr;
    auto it = m_app.stages.find(key);
    return it == m_app.stages.end() ? nullptr : &it.value();
}

SparkStage &SparkModelBuilder::getOrCreateStage(const QJsonObject &info)
{
    const int id = int(num(info, "Stage ID"_L1));
    const int attempt = int(num(info, "Stage Attempt ID"_L1));
    const QPair<int, int> key(id, attempt);
    if (!m_liveStages.contains(key)) {
        // Spark starts a fresh live stage and overwrites what it stored under the same key.
        SparkStage fresh;
        fresh.stageId = id;
        fresh.attemptId = attempt;
        m_app.stages.insert(key, fresh);
        m_liveStages.insert(key);
    }
    SparkStage &s = m_app.stages[key];
    s.name = str(info, "Stage Name"_L1);
    s.numTasks = int(num(info, "Number of Tasks"_L1));
    s.details = str(info, "Details"_L1);
    s.parentIds = intList(info.value("Parent IDs"_L1));
    s.resourceProfileId = int(num(info, "Resource Profile Id"_L1));
    s.submissionTime = num(info, "Submission Time"_L1, -1);
    s.completionTime = num(info, "Completion Time"_L1, -1);
    s.failureReason = str(info, "Failure Reason"_L1);
    s.rddIds.clear();
    for (const QJsonValue &rdd : info.value("RDD Info"_L1).toArray())
        s.rddIds.append(int(num(rdd.toObject(), "RDD ID"_L1)));
    return s;
}

SparkExecutor &SparkModelBuilder::getOrCreateExecutor(const QString &id, qint64 addTime)
{
    if (!m_liveExecutors.contains(id)) {
        SparkExecutor e;
        e.id = id;
        e.addTime = addTime;
        m_app.executors.insert(id, e);
        m_liveExecutors.insert(id);
        m_app.executorTimeline.append({addTime, id, true});
        m_lastExec = nullptr;
        m_lastExecKey.clear();
    }
    return m_app.executors[id];
}

SparkExecutor *SparkModelBuilder::liveExecutor(std::string_view id)
{
    if (m_lastExec && m_lastExecKey == id)
        return m_lastExec;
    const QString key = QString::fromUtf8(id.data(), qsizetype(id.size()));
    if (!m_liveExecutors.contains(key))
        return nullptr;
    auto it = m_app.executors.find(key);
    if (it == m_app.executors.end())
        return nullptr;
    m_lastExecKey.assign(id);
    m_lastExec = &it.value();
    return m_lastExec;
}

void SparkModelBuilder::writeJob(int jobId)
{
    auto it = m_jobWork.constFind(jobId);
    if (it != m_jobWork.constEnd())
        m_app.jobs.insert(jobId, it.value());
}

void SparkModelBuilder::onTaskStart(const TaskStartEvent &e)
{
    m_liveTasks.insert(e.taskId, {e.stageId, e.stageAttemptId});
    if (SparkStage *stage = liveStage(e.stageId, e.stageAttemptId)) {
        stage->numActiveTasks += 1;
        if (stage->firstTaskLaunchedTime < 0 || e.launchTime < stage->firstTaskLaunchedTime)
            stage->firstTaskLaunchedTime = e.launchTime;
        stage->activeTasksPerExecutor[QString::fromUtf8(e.executorId.data(), qsizetype(e.executorId.size()))] += 1;
        for (int jobId : std::as_const(stage->jobIds)) {
            auto job = m_jobWork.find(jobId);
            if (job != m_jobWork.end())
                job->numActiveTasks += 1;
        }
    }
    if (SparkExecutor *exec = liveExecutor(e.executorId)) {
        exec->activeTasks += 1;
        exec->totalTasks += 1;
    }
}

void SparkModelBuilder::onTaskEnd(const TaskEndEvent &e)
{
    // Spark adds a task's metrics to its stage only when it saw the task start (a "delta" over nothing).
    const bool wasLive = m_liveTasks.remove(e.taskId) > 0;
    const bool haveDelta = wasLive && e.hasMetrics;
    int completed = 0, failed = 0, killed = 0;
    switch (e.reason) {
    case TaskEndReason::Success: completed = 1; break;
    case TaskEndReason::Killed:
    case TaskEndReason::CommitDenied: killed = 1; break;
    case TaskEndReason::Resubmitted:
    case TaskEndReason::Failed: failed = 1; break;
    }
    const qint64 duration = e.finishTime > 0 ? e.finishTime - e.launchTime : 0;
    const QString execId = QString::fromUtf8(e.executorId.data(), qsizetype(e.executorId.size()));
    const QString killKey = e.reason == TaskEndReason::CommitDenied
        ? u"TaskCommitDenied"_s
        : QString::fromUtf8(e.killReason.data(), qsizetype(e.killReason.size()));

    if (SparkStage *stage = liveStage(e.stageId, e.stageAttemptId)) {
        if (haveDelta)
            stage->metrics.add(e.metrics);
        stage->numActiveTasks -= 1;
        stage->numCompleteTasks += completed;
        if (completed)
            markCompletedIndex(stage->completedIndexBits, e.index, &stage->numCompletedIndices);
        stage->numFailedTasks += failed;
        stage->numKilledTasks += killed;
        if (killed)
            stage->killedTasksSummary[killKey] += 1;
        stage->activeTasksPerExecutor[execId] -= 1;
        stage->peak.updatePeaks(e.executorMetrics);
        StageExecutorSummary &es = stage->executorSummary[execId];
        es.peak.updatePeaks(e.executorMetrics);
        const bool removeStage = stage->numActiveTasks == 0
            && (stage->status == StageStatus::Complete || stage->status == StageStatus::Failed);
        for (int jobId : std::as_const(stage->jobIds)) {
            auto job = m_jobWork.find(jobId);
            if (job == m_jobWork.end())
                continue;
            job->numActiveTasks -= 1;
            job->numCompletedTasks += completed;
            if (completed)
                markCompletedIndex(job->completedIndexBits[e.stageId], e.index, &job->numCompletedIndices);
            job->numFailedTasks += failed;
            job->numKilledTasks += killed;
            if (killed)
                job->killedTasksSummary[killKey] += 1;
            if (removeStage)
                writeJob(jobId);
        }
        es.taskTime += duration;
        es.succeededTasks += completed;
        es.failedTasks += failed;
        es.killedTasks += killed;
        if (haveDelta)
            es.metrics.add(e.metrics);
        if (removeStage) {
            stage->live = false;
            m_liveStages.remove({e.stageId, e.stageAttemptId});
        }
    }

    if (SparkExecutor *exec = liveExecutor(e.executorId)) {
        exec->activeTasks -= 1;
        exec->completedTasks += completed;
        exec->failedTasks += failed;
        exec->totalDuration += duration;
        exec->peak.updatePeaks(e.executorMetrics);
        // As Spark: a resubmitted task keeps the metrics of its first attempt.
        if (e.reason != TaskEndReason::Resubmitted && e.hasMetrics) {
            exec->totalGcTime += e.metrics.jvmGcTime;
            exec->totalInputBytes += e.metrics.inputBytes;
            exec->totalShuffleRead += e.metrics.shuffleReadBytes();
            exec->totalShuffleWrite += e.metrics.shuffleWriteBytes;
        }
    }
}

void SparkModelBuilder::onJobStart(const QJsonObject &e)
{
    SparkJob job;
    job.jobId = int(num(e, "Job ID"_L1));
    const qint64 submitted = num(e, "Submission Time"_L1, -1);
    job.submissionTime = submitted > 0 ? submitted : -1;
    job.stageIds = intList(e.value("Stage IDs"_L1));
    job.description = property(e, "spark.job.description"_L1);
    job.jobGroup = property(e, "spark.jobGroup.id"_L1);
    const QJsonArray infos = e.value("Stage Infos"_L1).toArray();
    int lastStageId = -1;
    for (const QJsonValue &v : infos) {
        const QJsonObject info = v.toObject();
        const int id = int(num(info, "Stage ID"_L1));
        if (!info.contains("Completion Time"_L1))
            job.numTasks += int(num(info, "Number of Tasks"_L1));
        if (id >= lastStageId) {
            lastStageId = id;
            job.name = str(info, "Stage Name"_L1);
        }
    }
    m_jobWork.insert(job.jobId, job);
    m_liveJobs.insert(job.jobId);
    for (const QJsonValue &v : infos) {
        SparkStage &stage = getOrCreateStage(v.toObject());
        if (!stage.jobIds.contains(job.jobId))
            stage.jobIds.append(job.jobId);
    }
}

void SparkModelBuilder::onJobEnd(const QJsonObject &e)
{
    const int jobId = int(num(e, "Job ID"_L1));
    if (!m_liveJobs.remove(jobId))
        return;
    SparkJob &job = m_jobWork[jobId];
    // Stages of the job that never ran were skipped: their output already existed.
    const QList<QPair<int, int>> live(m_liveStages.begin(), m_liveStages.end());
    for (const QPair<int, int> &key : live) {
        if (!job.stageIds.contains(key.first))
            continue;
        SparkStage &stage = m_app.stages[key];
        if (stage.status != StageStatus::Pending)
            continue;
        stage.status = StageStatus::Skipped;
        if (!job.skippedStages.contains(stage.stageId))
            job.skippedStages.append(stage.stageId);
        job.numSkippedTasks += stage.numTasks;
        job.numActiveStages -= 1;
        stage.live = false;
        m_liveStages.remove(key);
    }
    const QString result = str(e.value("Job Result"_L1).toObject(), "Result"_L1);
    job.status = result == "JobSucceeded"_L1 ? JobStatus::Succeeded : JobStatus::Failed;
    const qint64 done = num(e, "Completion Time"_L1, -1);
    job.completionTime = done > 0 ? done : -1;
    writeJob(jobId);
}

void SparkModelBuilder::onStageSubmitted(const QJsonObject &e)
{
    SparkStage &stage = getOrCreateStage(e.value("Stage Info"_L1).toObject());
    stage.status = StageStatus::Active;
    const QString pool = property(e, "spark.scheduler.pool"_L1);
    stage.schedulingPool = pool.isEmpty() ? u"default"_s : pool;
    stage.description = property(e, "spark.job.description"_L1);
    stage.jobIds.clear();
    for (auto it = m_jobWork.begin(); it != m_jobWork.end(); ++it) {
        if (!m_liveJobs.contains(it.key()) || !it->stageIds.contains(stage.stageId))
            continue;
        stage.jobIds.append(it.key());
        it->completedStages.removeAll(stage.stageId);
        it->numActiveStages += 1;
    }
}

void SparkModelBuilder::onStageCompleted(const QJsonObject &e)
{
    const QJsonObject info = e.value("Stage Info"_L1).toObject();
    const int id = int(num(info, "Stage ID"_L1));
    const int attempt = int(num(info, "Stage Attempt ID"_L1));
    if (!liveStage(id, attempt))
        return;
    SparkStage &stage = getOrCreateStage(info);
    if (!stage.failureReason.isEmpty())
        stage.status = StageStatus::Failed;
    else if (stage.submissionTime >= 0)
        stage.status = StageStatus::Complete;
    else
        stage.status = StageStatus::Skipped;
    for (int jobId : std::as_const(stage.jobIds)) {
        auto job = m_jobWork.find(jobId);
        if (job == m_jobWork.end())
            continue;
        if (stage.status == StageStatus::Complete) {
            if (!job->completedStages.contains(id))
                job->completedStages.append(id);
        } else if (stage.status == StageStatus::Skipped) {
            if (!job->skippedStages.contains(id))
                job->skippedStages.append(id);
            job->numSkippedTasks += stage.numTasks;
        } else {
            job->numFailedStages += 1;
        }
        job->numActiveStages -= 1;
    }
    if (stage.numActiveTasks == 0) {
        stage.live = false;
        m_liveStages.remove({id, attempt});
    }
}

void SparkModelBuilder::onStageExecutorMetrics(const QJsonObject &e)
{
    const QString execId = str(e, "Executor ID"_L1);
    const PeakMetrics m = executorMetricsFromJson(e.value("Executor Metrics"_L1).toObject());
    auto exec = m_app.executors.find(execId); // live or dead, as Spark
    if (exec != m_app.executors.end())
        exec->peak.updatePeaks(m);
    if (SparkStage *stage = liveStage(int(num(e, "Stage ID"_L1)), int(num(e, "Stage Attempt ID"_L1)))) {
        stage->peak.updatePeaks(m);
        stage->executorSummary[execId].peak.updatePeaks(m);
    }
}

void SparkModelBuilder::onEvent(const QJsonObject &e)
{
    const QString type = str(e, "Event"_L1);
    if (type == "SparkListenerTaskStart"_L1) {
        if (m_listingOnly)
            return;
        const QJsonObject info = e.value("Task Info"_L1).toObject();
        const QByteArray exec = str(info, "Executor ID"_L1).toUtf8();
        TaskStartEvent t;
        t.stageId = int(num(e, "Stage ID"_L1));
        t.stageAttemptId = int(num(e, "Stage Attempt ID"_L1));
        t.taskId = num(info, "Task ID"_L1);
        t.launchTime = num(info, "Launch Time"_L1);
        t.executorId = std::string_view(exec.constData(), size_t(exec.size()));
        onTaskStart(t);
    } else if (type == "SparkListenerTaskEnd"_L1) {
        if (m_listingOnly || !e.value("Task Info"_L1).isObject())
            return;
        QByteArray exec, kill;
        onTaskEnd(taskEndFromJson(e, &exec, &kill));
    } else if (type == "SparkListenerLogStart"_L1) {
        m_app.attempt.sparkVersion = str(e, "Spark Version"_L1);
    } else if (type == "SparkListenerApplicationStart"_L1) {
        m_app.id = str(e, "App ID"_L1);
        m_app.name = str(e, "App Name"_L1);
        m_app.attempt.attemptId = str(e, "App Attempt ID"_L1);
        m_app.attempt.startTime = num(e, "Timestamp"_L1, -1);
        m_app.attempt.sparkUser = str(e, "User"_L1);
    } else if (type == "SparkListenerApplicationEnd"_L1) {
        m_app.attempt.endTime = num(e, "Timestamp"_L1, -1);
        m_app.attempt.completed = true;
        // The History Server shows the driver's time as the application's run time.
        if (m_liveExecutors.contains(u"driver"_s))
            m_app.executors[u"driver"_s].totalDuration = m_app.attempt.endTime - m_app.attempt.startTime;
    } else if (m_listingOnly) {
        return;
    } else if (type == "SparkListenerJobStart"_L1) {
        onJobStart(e);
    } else if (type == "SparkListenerJobEnd"_L1) {
        onJobEnd(e);
    } else if (type == "SparkListenerStageSubmitted"_L1) {
        onStageSubmitted(e);
    } else if (type == "SparkListenerStageCompleted"_L1) {
        onStageCompleted(e);
    } else if (type == "SparkListenerResourceProfileAdded"_L1) {
        if (num(e, "Resource Profile Id"_L1) == 0) {
            const QJsonObject cpus = e.value("Task Resource Requests"_L1).toObject().value("cpus"_L1).toObject();
            m_taskCpus = std::max(1, int(cpus.value("Amount"_L1).toDouble(1)));
        }
    } else if (type == "SparkListenerExecutorAdded"_L1) {
        const QJsonObject info = e.value("Executor Info"_L1).toObject();
        SparkExecutor &x = getOrCreateExecutor(str(e, "Executor ID"_L1), num(e, "Timestamp"_L1));
        x.host = str(info, "Host"_L1);
        x.isActive = true;
        x.totalCores = int(num(info, "Total Cores"_L1));
        x.maxTasks = x.totalCores / m_taskCpus;
        x.executorLogs = stringMap(info.value("Log Urls"_L1));
        x.attributes = stringMap(info.value("Attributes"_L1));
        x.resourceProfileId = int(num(info, "Resource Profile Id"_L1));
        const QJsonObject res = info.value("Resources"_L1).toObject();
        for (auto it = res.begin(); it != res.end(); ++it) {
            QStringList addresses;
            for (const QJsonValue &a : it.value().toObject().value("addresses"_L1).toArray())
                addresses.append(a.toString());
            x.resources.insert(it.key(), addresses);
        }
    } else if (type == "SparkListenerExecutorRemoved"_L1) {
        const QString id = str(e, "Executor ID"_L1);
        if (m_liveExecutors.remove(id)) {
            SparkExecutor &x = m_app.executors[id];
            x.isActive = false;
            x.removeTime = num(e, "Timestamp"_L1);
            x.removeReason = str(e, "Removed Reason"_L1);
            m_app.executorTimeline.append({x.removeTime, id, false});
            m_lastExec = nullptr;
            m_lastExecKey.clear();
        }
    } else if (type == "SparkListenerBlockManagerAdded"_L1) {
        const QJsonObject bm = e.value("Block Manager ID"_L1).toObject();
        SparkExecutor &x = getOrCreateExecutor(str(bm, "Executor ID"_L1), num(e, "Timestamp"_L1));
        x.hostPort = str(bm, "Host"_L1) + u':' + QString::number(num(bm, "Port"_L1));
        if (e.contains("Maximum Onheap Memory"_L1)) {
            x.totalOnHeap = num(e, "Maximum Onheap Memory"_L1);
            x.totalOffHeap = num(e, "Maximum Offheap Memory"_L1);
        }
        x.isActive = true;
        x.maxMemory = num(e, "Maximum Memory"_L1);
    } else if (type == "SparkListenerStageExecutorMetrics"_L1) {
        onStageExecutorMetrics(e);
    } else if (type == "SparkListenerExecutorMetricsUpdate"_L1) {
        const QString id = str(e, "Executor ID"_L1);
        if (m_liveExecutors.contains(id)) {
            for (const QJsonValue &u : e.value("Executor Metrics Updated"_L1).toArray())
                m_app.executors[id].peak.updatePeaks(
                    executorMetricsFromJson(u.toObject().value("Executor Metrics"_L1).toObject()));
        }
    } else if (type == "SparkListenerExecutorExcluded"_L1
               || type == "org.apache.spark.scheduler.SparkListenerExecutorBlacklisted"_L1
               || type == "SparkListenerExecutorUnexcluded"_L1
               || type == "org.apache.spark.scheduler.SparkListenerExecutorUnblacklisted"_L1) {
        const QString id = str(e, "executorId"_L1);
        if (m_liveExecutors.contains(id))
            m_app.executors[id].isExcluded = !type.contains("Un"_L1);
    } else if (type == "SparkListenerNodeExcluded"_L1
               || type == "org.apache.spark.scheduler.SparkListenerNodeBlacklisted"_L1
               || type == "SparkListenerNodeUnexcluded"_L1
               || type == "org.apache.spark.scheduler.SparkListenerNodeUnblacklisted"_L1) {
        const QString host = str(e, "hostId"_L1);
        const bool excluded = !type.contains("Un"_L1);
        for (const QString &id : std::as_const(m_liveExecutors)) {
            SparkExecutor &x = m_app.executors[id];
            if (x.host == host)
                x.isExcluded = excluded;
        }
    } else if (type == "SparkListenerBlockUpdated"_L1) {
        const QJsonObject b = e.value("Block Updated Info"_L1).toObject();
        const QString id = str(b.value("Block Manager ID"_L1).toObject(), "Executor ID"_L1);
        if (m_liveExecutors.contains(id)) {
            // A block update carries the block's new size: the executor's total moves by the difference.
            SparkExecutor &x = m_app.executors[id];
            const QString key = id + QChar(0) + str(b, "Block ID"_L1);
            const qint64 mem = num(b, "Memory Size"_L1), disk = num(b, "Disk Size"_L1);
            const QPair<qint64, qint64> old = m_blockSizes.value(key);
            x.memoryUsed = std::max<qint64>(0, x.memoryUsed + mem - old.first);
            x.diskUsed = std::max<qint64>(0, x.diskUsed + disk - old.second);
            if (mem == 0 && disk == 0)
                m_blockSizes.remove(key);
            else
                m_blockSizes.insert(key, {mem, disk});
        }
    }
}

SparkApplication SparkModelBuilder::finish()
{
    // Spark's flush at the end of a replay: whatever is still live is written as it stands.
    for (int jobId : std::as_const(m_liveJobs))
        writeJob(jobId);
    for (auto it = m_app.stages.begin(); it != m_app.stages.end(); ++it)
        it->completedIndexBits = {};
    for (auto it = m_app.jobs.begin(); it != m_app.jobs.end(); ++it)
        it->completedIndexBits.clear();
    if (!m_app.attempt.completed)
        m_app.inProgress = true;
    return m_app;
}

} // namespace cdeck::spark
