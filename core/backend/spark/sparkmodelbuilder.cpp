// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/sparkmodelbuilder.h"

#include "core/backend/spark/sqlexecutions.h"

#include "core/model/jsonutil.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

namespace {

qint64 num(const QJsonObject &o, QLatin1StringView key, qint64 fallback = 0)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return clampEventLogInteger(json::saturatingInteger(v.toDouble()));
    if (v.isString()) { // SQL accumulables and a few old fields carry numbers as text
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? clampEventLogInteger(n) : fallback;
    }
    return fallback;
}

QString str(const QJsonObject &o, QLatin1StringView key) { return o.value(key).toString(); }

// An accumulator's update or value as Spark's REST API prints it: the JSON scalar as text.
QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (const qint64 n = json::saturatingInteger(d); d == double(n))
            return QString::number(n);
        return QString::number(d, 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return {};
}

// Spark's LiveExecutor.hostname: the host, or the host part of host:port for the driver.
QString hostName(const SparkExecutor &x)
{
    return !x.host.isEmpty() ? x.host : x.hostPort.section(u':', 0, 0);
}

void addExcludedStage(SparkExecutor &x, int stageId)
{
    const auto at = std::lower_bound(x.excludedInStages.begin(), x.excludedInStages.end(), stageId);
    if (at == x.excludedInStages.end() || *at != stageId)
        x.excludedInStages.insert(at, stageId);
}

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

// Spark's StorageLevel as logged ("Storage Level" objects), with its description text.
struct StorageLevel
{
    bool useDisk = false;
    bool useMemory = false;
    bool useOffHeap = false;
    bool deserialized = false;
    int replication = 1;

    static StorageLevel fromJson(const QJsonObject &o)
    {
        StorageLevel l;
        l.useDisk = o.value("Use Disk"_L1).toBool();
        l.useMemory = o.value("Use Memory"_L1).toBool();
        l.useOffHeap = o.value("Use Off Heap"_L1).toBool();
        l.deserialized = o.value("Deserialized"_L1).toBool();
        l.replication = int(num(o, "Replication"_L1, 1));
        return l;
    }
    bool isValid() const { return (useMemory || useDisk) && replication > 0; }
    QString description() const
    {
        QString r;
        if (useDisk)
            r += "Disk "_L1;
        if (useMemory)
            r += useOffHeap ? "Memory (off heap) "_L1 : "Memory "_L1;
        r += deserialized ? "Deserialized "_L1 : "Serialized "_L1;
        r += QString::number(replication) + "x Replicated"_L1;
        return r;
    }
};

QList<QJsonValue> sortedPairs(const QJsonObject &o)
{
    // Spark's environment answer lists each group as [key, value] pairs sorted by key.
    QList<QJsonValue> out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.append(QJsonArray{it.key(), it.value().isString() ? it.value() : QJsonValue(scalarText(it.value()))});
    return out; // QJsonObject iterates its keys in sorted order already
}

// Bitmaps of completed task indexes; a hostile log could name index 2^31, so very large ones are not tracked.
constexpr int kMaxTrackedIndex = 1 << 26;

} // namespace

SparkModelBuilder::SparkModelBuilder() = default;
SparkModelBuilder::~SparkModelBuilder() = default;

void SparkModelBuilder::setSqlTracking(bool on)
{
    m_sql = on ? std::make_unique<SqlExecutionTracker>() : nullptr;
}

PeakMetrics SparkModelBuilder::executorMetricsFromJson(const QJsonObject &o)
{
    PeakMetrics m;
    for (int i = 0; i < kExecutorMetricCount; ++i)
        m.values[i] = num(o, QLatin1StringView(kExecutorMetricNames[i]));
    m.set = m.values[0] > -1; // Spark's ExecutorMetrics.isSet: a JVM heap of -1 means "not reported"
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
    if (t.reason == TaskEndReason::Killed)
        *killStorage = (reason.contains("Kill Reason"_L1) ? str(reason, "Kill Reason"_L1) : u"unknown reason"_s).toUtf8();
    else if (t.reason == TaskEndReason::CommitDenied)
        *killStorage = taskEndErrorString(reason).toUtf8(); // Spark counts denied commits under their message
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
    if (t.hasMetrics)
        t.metrics = taskMetricsFromJson(mv.toObject());
    t.speculative = info.value("Speculative"_L1).toBool();
    t.executorMetrics = executorMetricsFromJson(e.value("Task Executor Metrics"_L1).toObject());
    return t;
}

TaskMetricSums SparkModelBuilder::taskMetricsFromJson(const QJsonObject &m)
{
    TaskMetricSums s;
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
    const QJsonObject push = sr.value("Shuffle Push Read Metrics"_L1).toObject();
    s.pushCorruptMergedBlockChunks = num(push, "Corrupt Merged Block Chunks"_L1);
    s.pushMergedFetchFallbackCount = num(push, "Merged Fallback Count"_L1);
    s.pushRemoteMergedBlocksFetched = num(push, "Merged Remote Blocks Fetched"_L1);
    s.pushLocalMergedBlocksFetched = num(push, "Merged Local Blocks Fetched"_L1);
    s.pushRemoteMergedChunksFetched = num(push, "Merged Remote Chunks Fetched"_L1);
    s.pushLocalMergedChunksFetched = num(push, "Merged Local Chunks Fetched"_L1);
    s.pushRemoteMergedBytesRead = num(push, "Merged Remote Bytes Read"_L1);
    s.pushLocalMergedBytesRead = num(push, "Merged Local Bytes Read"_L1);
    s.pushRemoteMergedReqsDuration = num(push, "Merged Remote Requests Duration"_L1);
    const QJsonObject sw = m.value("Shuffle Write Metrics"_L1).toObject();
    s.shuffleWriteBytes = num(sw, "Shuffle Bytes Written"_L1);
    s.shuffleWriteTime = num(sw, "Shuffle Write Time"_L1);
    s.shuffleWriteRecords = num(sw, "Shuffle Records Written"_L1);
    return s;
}

QList<SparkAccumulable> SparkModelBuilder::accumulablesFromJson(const QJsonArray &list)
{
    QList<SparkAccumulable> out;
    for (const QJsonValue &v : list) {
        const QJsonObject a = v.toObject();
        // Spark's REST answers leave out internal accumulators and SQL metrics (shown elsewhere).
        if (a.value("Internal"_L1).toBool() || a.value("Metadata"_L1).toString() == "sql"_L1)
            continue;
        SparkAccumulable acc;
        acc.id = num(a, "ID"_L1);
        acc.name = str(a, "Name"_L1);
        if (a.contains("Update"_L1)) {
            acc.hasUpdate = true;
            acc.update = scalarText(a.value("Update"_L1));
        }
        acc.value = scalarText(a.value("Value"_L1));
        out.append(acc);
    }
    return out;
}

QString SparkModelBuilder::taskEndErrorString(const QJsonObject &reason)
{
    const QString r = str(reason, "Reason"_L1);
    if (r == "Success"_L1 || r.isEmpty())
        return {};
    if (r == "TaskKilled"_L1)
        return reason.contains("Kill Reason"_L1) ? str(reason, "Kill Reason"_L1) : u"unknown reason"_s;
    if (r == "Resubmitted"_L1)
        return u"Resubmitted (resubmitted due to lost executor)"_s;
    if (r == "TaskResultLost"_L1)
        return u"TaskResultLost (result lost from block manager)"_s;
    if (r == "ExceptionFailure"_L1) {
        const QJsonValue full = reason.value("Full Stack Trace"_L1);
        if (full.isString())
            return full.toString();
        // Logs before Spark 1.2: the class, the description and the stack frames, as Spark prints them.
        QStringList frames;
        for (const QJsonValue &f : reason.value("Stack Trace"_L1).toArray()) {
            const QJsonObject o = f.toObject();
            const qint64 line = num(o, "Line Number"_L1);
            const QString file = str(o, "File Name"_L1);
            const QString where = line == -2 ? u"Native Method"_s
                : file.isEmpty()             ? u"Unknown Source"_s
                : line >= 0                  ? file + u':' + QString::number(line)
                                             : file;
            frames.append(u"        "_s + str(o, "Declaring Class"_L1) + u'.' + str(o, "Method Name"_L1) + u'('
                          + where + u')');
        }
        return str(reason, "Class Name"_L1) + u": "_s + str(reason, "Description"_L1) + u'\n' + frames.join(u'\n');
    }
    if (r == "FetchFailed"_L1) {
        const QJsonValue bmv = reason.value("Block Manager Address"_L1);
        QString bm = u"null"_s;
        if (bmv.isObject()) {
            const QJsonObject b = bmv.toObject();
            bm = u"BlockManagerId(%1, %2, %3, None)"_s.arg(str(b, "Executor ID"_L1), str(b, "Host"_L1))
                     .arg(num(b, "Port"_L1));
        }
        const QJsonValue mapIndex = reason.value("Map Index"_L1);
        return u"FetchFailed(%1, shuffleId=%2, mapIndex=%3, mapId=%4, reduceId=%5, message=\n%6\n)"_s.arg(bm)
            .arg(num(reason, "Shuffle ID"_L1))
            .arg(mapIndex.isDouble() && json::saturatingInteger(mapIndex.toDouble()) != std::numeric_limits<int>::min()
                     ? QString::number(json::saturatingInteger(mapIndex.toDouble()))
                     : u"Unknown"_s)
            .arg(num(reason, "Map ID"_L1))
            .arg(num(reason, "Reduce ID"_L1))
            .arg(str(reason, "Message"_L1));
    }
    if (r == "TaskCommitDenied"_L1)
        return u"TaskCommitDenied (Driver denied task commit) for job: %1, partition: %2, attemptNumber: %3"_s
            .arg(num(reason, "Job ID"_L1, -1))
            .arg(num(reason, "Partition ID"_L1, -1))
            .arg(num(reason, "Attempt Number"_L1, -1));
    if (r == "ExecutorLostFailure"_L1) {
        const bool byApp = reason.value("Exit Caused By App"_L1).toBool(true);
        QString text = u"ExecutorLostFailure (executor %1 exited %2)"_s.arg(
            str(reason, "Executor ID"_L1),
            byApp ? u"caused by one of the running tasks"_s : u"unrelated to the running tasks"_s);
        if (reason.contains("Loss Reason"_L1))
            text += u" Reason: "_s + str(reason, "Loss Reason"_L1);
        return text;
    }
    return u"UnknownReason"_s;
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
    s.accumulables = accumulablesFromJson(info.value("Accumulables"_L1).toArray());
    std::sort(s.accumulables.begin(), s.accumulables.end(),
              [](const SparkAccumulable &a, const SparkAccumulable &b) { return a.id < b.id; });
    s.isShufflePushEnabled = info.value("Shuffle Push Enabled"_L1).toBool();
    s.shuffleMergersCount = int(num(info, "Shuffle Push Mergers Count"_L1));
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
        if (e.speculative) {
            stage->hasSpeculation = true;
            stage->speculation.numActiveTasks += 1;
            stage->speculation.numTasks += 1;
        }
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
    const QString killKey = QString::fromUtf8(e.killReason.data(), qsizetype(e.killReason.size()));

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
        if (e.speculative) {
            stage->speculation.numActiveTasks -= 1;
            stage->speculation.numCompletedTasks += completed;
            stage->speculation.numFailedTasks += failed;
            stage->speculation.numKilledTasks += killed;
        }
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
            // The driver's tasks (local mode) count here too, as in Spark's listener; what the History Server
            // shows for the driver is its JVM's own TotalGCTime when known (historyjson.cpp).
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
    const QString tags = property(e, "spark.job.tags"_L1);
    if (!tags.isEmpty()) {
        job.jobTags = tags.split(u',', Qt::SkipEmptyParts);
        job.jobTags.sort();
        job.jobTags.removeDuplicates();
    }
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
        job.numSkippedTasks += stage.numTasks; // Spark 4 leaves numActiveStages alone here (3.x decremented it)
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
    // An RDD with a storage level is tracked from the first stage that computes it (Spark's LiveRDD).
    for (const QJsonValue &v : e.value("Stage Info"_L1).toObject().value("RDD Info"_L1).toArray()) {
        const QJsonObject info = v.toObject();
        const StorageLevel level = StorageLevel::fromJson(info.value("Storage Level"_L1).toObject());
        const int rddId = int(num(info, "RDD ID"_L1));
        if (!level.isValid() || m_app.rdds.contains(rddId))
            continue;
        SparkRdd rdd;
        rdd.id = rddId;
        rdd.name = str(info, "Name"_L1);
        rdd.numPartitions = int(num(info, "Number of Partitions"_L1));
        rdd.storageLevel = level.description();
        rdd.useOffHeap = level.useOffHeap;
        rdd.deserialized = level.deserialized;
        m_app.rdds.insert(rddId, rdd);
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
    for (auto it = stage.executorSummary.cbegin(); it != stage.executorSummary.cend(); ++it) {
        if (!it->isExcluded || !m_liveExecutors.contains(it.key()))
            continue;
        m_app.executors[it.key()].excludedInStages.removeAll(id);
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

void SparkModelBuilder::excludeForStage(const QStringList &executorIds, int stageId, int attemptId)
{
    if (SparkStage *stage = liveStage(stageId, attemptId)) {
        for (const QString &id : executorIds)
            stage->executorSummary[id].isExcluded = true;
    }
}

void SparkModelBuilder::onEnvironmentUpdate(const QJsonObject &e)
{
    const QJsonObject jvm = e.value("JVM Information"_L1).toObject();
    QJsonObject runtime;
    for (const auto &[from, to] : {std::pair{"Java Version"_L1, "javaVersion"_L1}, std::pair{"Java Home"_L1, "javaHome"_L1},
                                   std::pair{"Scala Version"_L1, "scalaVersion"_L1}}) {
        if (jvm.contains(from))
            runtime.insert(to, jvm.value(from));
    }
    QJsonObject env;
    env.insert("runtime"_L1, runtime);
    for (const auto &[from, to] :
         {std::pair{"Spark Properties"_L1, "sparkProperties"_L1}, std::pair{"Hadoop Properties"_L1, "hadoopProperties"_L1},
          std::pair{"System Properties"_L1, "systemProperties"_L1},
          std::pair{"Metrics Properties"_L1, "metricsProperties"_L1},
          std::pair{"Classpath Entries"_L1, "classpathEntries"_L1}}) {
        QJsonArray pairs;
        for (const QJsonValue &p : sortedPairs(e.value(from).toObject()))
            pairs.append(p);
        env.insert(to, pairs);
    }
    m_app.environment = env;
    m_app.hasEnvironment = true;
    const QJsonValue cpus = e.value("Spark Properties"_L1).toObject().value("spark.task.cpus"_L1);
    if (cpus.isString() && cpus.toString().toInt() > 0)
        m_taskCpus = cpus.toString().toInt();
}

void SparkModelBuilder::onResourceProfileAdded(const QJsonObject &e)
{
    const int id = int(num(e, "Resource Profile Id"_L1));
    QJsonObject executorResources;
    const QJsonObject er = e.value("Executor Resource Requests"_L1).toObject();
    for (auto it = er.begin(); it != er.end(); ++it) {
        const QJsonObject r = it.value().toObject();
        executorResources.insert(it.key(), QJsonObject{{"resourceName"_L1, r.value("Resource Name"_L1)},
                                                       {"amount"_L1, num(r, "Amount"_L1)},
                                                       {"discoveryScript"_L1, r.value("Discovery Script"_L1)},
                                                       {"vendor"_L1, r.value("Vendor"_L1)}});
    }
    QJsonObject taskResources;
    const QJsonObject tr = e.value("Task Resource Requests"_L1).toObject();
    for (auto it = tr.begin(); it != tr.end(); ++it) {
        const QJsonObject r = it.value().toObject();
        taskResources.insert(it.key(), QJsonObject{{"resourceName"_L1, r.value("Resource Name"_L1)},
                                                   {"amount"_L1, r.value("Amount"_L1).toDouble()}});
        if (it.key() == "cpus"_L1)
            m_taskCpusByProfile.insert(
                id, int(std::clamp<qint64>(json::saturatingInteger(r.value("Amount"_L1).toDouble(1)), 1, 1 << 20)));
    }
    const QJsonObject profile{{"id"_L1, id}, {"executorResources"_L1, executorResources}, {"taskResources"_L1, taskResources}};
    // One entry per profile id, in id order (Spark's store is keyed by it).
    qsizetype at = 0;
    while (at < m_app.resourceProfiles.size() && m_app.resourceProfiles.at(at).toObject().value("id"_L1).toInt() < id)
        ++at;
    if (at < m_app.resourceProfiles.size() && m_app.resourceProfiles.at(at).toObject().value("id"_L1).toInt() == id)
        m_app.resourceProfiles.replace(at, profile);
    else
        m_app.resourceProfiles.insert(at, profile);
}

void SparkModelBuilder::onBlockUpdated(const QJsonObject &e)
{
    const QJsonObject b = e.value("Block Updated Info"_L1).toObject();
    const QJsonObject bm = b.value("Block Manager ID"_L1).toObject();
    const QString execId = str(bm, "Executor ID"_L1);
    const QString blockId = str(b, "Block ID"_L1);
    const StorageLevel level = StorageLevel::fromJson(b.value("Storage Level"_L1).toObject());
    // A block update says whether the block is now stored (in memory, on disk) or dropped: Spark moves the
    // executor's totals by its size in that direction, never below zero.
    const qint64 memDelta = num(b, "Memory Size"_L1) * (level.useMemory ? 1 : -1);
    const qint64 diskDelta = num(b, "Disk Size"_L1) * (level.useDisk ? 1 : -1);
    const auto addDelta = [](qint64 old, qint64 delta) { return std::max<qint64>(0, old + delta); };
    const bool isRdd = blockId.startsWith("rdd_"_L1);
    if (!isRdd && !blockId.startsWith("broadcast_"_L1))
        return; // stream blocks are not part of the executors' or RDDs' totals
    SparkExecutor *exec = m_liveExecutors.contains(execId) ? &m_app.executors[execId] : nullptr;
    if (exec) {
        if (exec->totalOnHeap >= 0) {
            if (level.useOffHeap)
                exec->usedOffHeap = addDelta(exec->usedOffHeap, memDelta);
            else
                exec->usedOnHeap = addDelta(exec->usedOnHeap, memDelta);
        }
        exec->memoryUsed = addDelta(exec->memoryUsed, memDelta);
        exec->diskUsed = addDelta(exec->diskUsed, diskDelta);
    }
    if (!isRdd)
        return;
    const QStringList parts = blockId.split(u'_');
    bool ok = parts.size() == 3;
    const int rddId = ok ? parts.at(1).toInt(&ok) : 0;
    auto rdd = ok ? m_app.rdds.find(rddId) : m_app.rdds.end();
    int rddBlocksDelta = 0;
    if (rdd != m_app.rdds.end()) {
        if (!rdd->partitions.contains(blockId))
            rdd->partitionOrder.append(blockId);
        SparkRddPartition &part = rdd->partitions[blockId];
        part.blockName = blockId;
        QStringList executors = part.executors;
        if (level.isValid()) {
            if (!executors.contains(execId)) {
                rddBlocksDelta = 1;
                executors.append(execId);
            }
        } else {
            rddBlocksDelta = -1;
            executors.removeAll(execId);
        }
        if (executors.isEmpty()) {
            rdd->partitions.remove(blockId);
            rdd->partitionOrder.removeAll(blockId);
        } else {
            part.executors = executors;
            part.memoryUsed = addDelta(part.memoryUsed, memDelta);
            part.diskUsed = addDelta(part.diskUsed, diskDelta);
            // The partition's effective level: where it is actually stored, and on how many executors.
            StorageLevel eff;
            eff.useDisk = part.diskUsed > 0;
            eff.useMemory = part.memoryUsed > 0;
            eff.useOffHeap = rdd->useOffHeap;
            eff.deserialized = part.memoryUsed > 0 && rdd->deserialized;
            eff.replication = int(executors.size());
            part.storageLevel = eff.description();
        }
        if (exec) {
            if (exec->rddBlocks + rddBlocksDelta > 0) {
                if (!rdd->distributions.contains(execId))
                    rdd->distributionOrder.append(execId);
                SparkRddDistribution &d = rdd->distributions[execId];
                d.executorId = execId;
                d.memoryUsed = addDelta(d.memoryUsed, memDelta);
                d.diskUsed = addDelta(d.diskUsed, diskDelta);
                if (exec->totalOnHeap >= 0) {
                    if (level.useOffHeap)
                        d.offHeapUsed = addDelta(d.offHeapUsed, memDelta);
                    else
                        d.onHeapUsed = addDelta(d.onHeapUsed, memDelta);
                }
            } else {
                rdd->distributions.remove(execId);
                rdd->distributionOrder.removeAll(execId);
            }
        }
        rdd->memoryUsed = addDelta(rdd->memoryUsed, memDelta);
        rdd->diskUsed = addDelta(rdd->diskUsed, diskDelta);
    }
    if (exec) {
        exec->rddBlocks += rddBlocksDelta;
        // Spark refreshes every RDD's distribution on this executor when one of its RDD blocks changes.
        for (SparkRdd &r : m_app.rdds) {
            auto d = r.distributions.find(execId);
            if (d == r.distributions.end())
                continue;
            d->memoryRemaining = exec->maxMemory - exec->memoryUsed;
            d->onHeapRemaining = exec->totalOnHeap - exec->usedOnHeap;
            d->offHeapRemaining = exec->totalOffHeap - exec->usedOffHeap;
        }
    }
}

void SparkModelBuilder::onUnpersistRdd(const QJsonObject &e)
{
    const int rddId = int(num(e, "RDD ID"_L1));
    auto rdd = m_app.rdds.find(rddId);
    if (rdd == m_app.rdds.end())
        return;
    for (const SparkRddPartition &part : std::as_const(rdd->partitions)) {
        for (const QString &id : part.executors) {
            if (m_liveExecutors.contains(id))
                m_app.executors[id].rddBlocks -= 1;
        }
    }
    for (const SparkRddDistribution &d : std::as_const(rdd->distributions)) {
        if (!m_liveExecutors.contains(d.executorId))
            continue;
        SparkExecutor &x = m_app.executors[d.executorId];
        if (x.totalOnHeap >= 0) {
            if (rdd->useOffHeap)
                x.usedOffHeap = std::max<qint64>(0, x.usedOffHeap - d.offHeapUsed);
            else
                x.usedOnHeap = std::max<qint64>(0, x.usedOnHeap - d.onHeapUsed);
        }
        x.memoryUsed = std::max<qint64>(0, x.memoryUsed - d.memoryUsed);
        x.diskUsed = std::max<qint64>(0, x.diskUsed - d.diskUsed);
    }
    m_app.rdds.erase(rdd);
}

void SparkModelBuilder::onExecutorRemoved(const QJsonObject &e)
{
    const QString id = str(e, "Executor ID"_L1);
    if (!m_liveExecutors.remove(id))
        return;
    SparkExecutor &x = m_app.executors[id];
    x.isActive = false;
    x.removeTime = num(e, "Timestamp"_L1);
    x.removeReason = str(e, "Removed Reason"_L1);
    m_app.executorTimeline.append({x.removeTime, id, false});
    m_lastExec = nullptr;
    m_lastExecKey.clear();
    // The executor's cached blocks are gone with it.
    for (SparkRdd &rdd : m_app.rdds) {
        if (rdd.distributions.remove(id))
            rdd.distributionOrder.removeAll(id);
        for (auto part = rdd.partitions.begin(); part != rdd.partitions.end();) {
            if (!part->executors.contains(id)) {
                ++part;
                continue;
            }
            const qint64 n = part->executors.size();
            if (n == 1) {
                rdd.memoryUsed = std::max<qint64>(0, rdd.memoryUsed - part->memoryUsed);
                rdd.diskUsed = std::max<qint64>(0, rdd.diskUsed - part->diskUsed);
                rdd.partitionOrder.removeAll(part.key());
                part = rdd.partitions.erase(part);
                continue;
            }
            rdd.memoryUsed = std::max<qint64>(0, rdd.memoryUsed - part->memoryUsed / n);
            rdd.diskUsed = std::max<qint64>(0, rdd.diskUsed - part->diskUsed / n);
            part->executors.removeAll(id);
            part->memoryUsed = std::max<qint64>(0, part->memoryUsed - part->memoryUsed / n);
            part->diskUsed = std::max<qint64>(0, part->diskUsed - part->diskUsed / n);
            ++part;
        }
    }
}

void SparkModelBuilder::onEvent(const QJsonObject &e)
{
    const QString type = str(e, "Event"_L1);
    if (m_sql && !m_listingOnly)
        m_sql->onEvent(type, e);
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
        t.speculative = info.value("Speculative"_L1).toBool();
        t.executorId = std::string_view(exec.constData(), size_t(exec.size()));
        if (m_keep.keeps(t.stageId))
            m_keptTasks.onTaskStart(e, m_app.tasks);
        onTaskStart(t);
    } else if (type == "SparkListenerTaskEnd"_L1) {
        if (m_listingOnly || !e.value("Task Info"_L1).isObject())
            return;
        QByteArray exec, kill;
        const TaskEndEvent t = taskEndFromJson(e, &exec, &kill);
        if (m_keep.keeps(t.stageId))
            m_keptTasks.onTaskEnd(e, m_app.tasks);
        onTaskEnd(t);
    } else if (type == "SparkListenerLogStart"_L1) {
        m_app.attempt.sparkVersion = str(e, "Spark Version"_L1);
    } else if (type == "SparkListenerApplicationStart"_L1) {
        m_app.id = str(e, "App ID"_L1);
        m_app.name = str(e, "App Name"_L1);
        m_app.attempt.attemptId = str(e, "App Attempt ID"_L1);
        m_app.attempt.startTime = num(e, "Timestamp"_L1, -1);
        m_app.attempt.sparkUser = str(e, "User"_L1);
        if (e.contains("Driver Logs"_L1) && m_liveExecutors.contains(u"driver"_s)) {
            SparkExecutor &driver = m_app.executors[u"driver"_s];
            driver.executorLogs = stringMap(e.value("Driver Logs"_L1));
            driver.attributes = stringMap(e.value("Driver Attributes"_L1));
        }
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
    } else if (type == "SparkListenerEnvironmentUpdate"_L1) {
        onEnvironmentUpdate(e);
    } else if (type == "SparkListenerResourceProfileAdded"_L1) {
        onResourceProfileAdded(e);
    } else if (type == "SparkListenerBlockUpdated"_L1) {
        onBlockUpdated(e);
    } else if (type == "SparkListenerUnpersistRDD"_L1) {
        onUnpersistRdd(e);
    } else if (type == "org.apache.spark.scheduler.SparkListenerMiscellaneousProcessAdded"_L1
               || type == "SparkListenerMiscellaneousProcessAdded"_L1) {
        const QJsonObject info = e.value("info"_L1).toObject();
        SparkProcess p;
        p.id = str(e, "processId"_L1);
        p.hostPort = str(info, "hostPort"_L1);
        p.totalCores = int(num(info, "cores"_L1));
        p.addTime = num(e, "time"_L1);
        p.processLogs = stringMap(info.value("logUrlInfo"_L1));
        m_app.miscProcesses.erase(std::remove_if(m_app.miscProcesses.begin(), m_app.miscProcesses.end(),
                                                 [&](const SparkProcess &x) { return x.id == p.id; }),
                                  m_app.miscProcesses.end());
        m_app.miscProcesses.append(p);
    } else if (type == "SparkListenerExecutorAdded"_L1) {
        const QJsonObject info = e.value("Executor Info"_L1).toObject();
        SparkExecutor &x = getOrCreateExecutor(str(e, "Executor ID"_L1), num(e, "Timestamp"_L1));
        x.host = str(info, "Host"_L1);
        x.isActive = true;
        x.totalCores = int(num(info, "Total Cores"_L1));
        x.resourceProfileId = int(num(info, "Resource Profile Id"_L1));
        x.maxTasks = x.totalCores / m_taskCpusByProfile.value(x.resourceProfileId, m_taskCpus);
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
        onExecutorRemoved(e);
    } else if (type == "SparkListenerBlockManagerAdded"_L1) {
        const QJsonObject bm = e.value("Block Manager ID"_L1).toObject();
        SparkExecutor &x = getOrCreateExecutor(str(bm, "Executor ID"_L1), num(e, "Timestamp"_L1));
        x.hostPort = str(bm, "Host"_L1) + u':' + QString::number(num(bm, "Port"_L1));
        if (e.contains("Maximum Onheap Memory"_L1)) {
            x.totalOnHeap = num(e, "Maximum Onheap Memory"_L1);
            x.totalOffHeap = num(e, "Maximum Offheap Memory"_L1);
            // A (re-)registered block manager reports its blocks again.
            x.usedOnHeap = 0;
            x.usedOffHeap = 0;
        }
        x.isActive = true;
        x.maxMemory = num(e, "Maximum Memory"_L1);
    } else if (type == "SparkListenerStageExecutorMetrics"_L1) {
        onStageExecutorMetrics(e);
    } else if (type == "SparkListenerExecutorMetricsUpdate"_L1) {
        const QString id = str(e, "Executor ID"_L1);
        if (m_liveExecutors.contains(id)) {
            SparkExecutor &x = m_app.executors[id];
            for (const QJsonValue &u : e.value("Executor Metrics Updated"_L1).toArray()) {
                const PeakMetrics m = executorMetricsFromJson(u.toObject().value("Executor Metrics"_L1).toObject());
                x.peak.updatePeaks(m);
            }
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
            if (hostName(x) == host && id != "driver"_L1) // the driver runs no tasks to exclude
                x.isExcluded = excluded;
        }
    } else if (type == "SparkListenerExecutorExcludedForStage"_L1
               || type == "org.apache.spark.scheduler.SparkListenerExecutorBlacklistedForStage"_L1) {
        const QString id = str(e, "executorId"_L1);
        const int stageId = int(num(e, "stageId"_L1));
        excludeForStage({id}, stageId, int(num(e, "stageAttemptId"_L1)));
        if (m_liveExecutors.contains(id))
            addExcludedStage(m_app.executors[id], stageId);
    } else if (type == "SparkListenerNodeExcludedForStage"_L1
               || type == "org.apache.spark.scheduler.SparkListenerNodeBlacklistedForStage"_L1) {
        const QString host = str(e, "hostId"_L1);
        const int stageId = int(num(e, "stageId"_L1));
        QStringList onHost;
        for (const QString &id : std::as_const(m_liveExecutors)) {
            if (m_app.executors[id].host == host)
                onHost.append(id);
        }
        onHost.sort();
        excludeForStage(onHost, stageId, int(num(e, "stageAttemptId"_L1)));
        for (const QString &id : std::as_const(m_liveExecutors)) {
            SparkExecutor &x = m_app.executors[id];
            if (hostName(x) == host && id != "driver"_L1)
                addExcludedStage(x, stageId);
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
    if (m_sql)
        m_app.sqlExecutions = m_sql->finish();
    return m_app;
}

} // namespace cdeck::spark
