// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"
#include "core/backend/spark/taskdetailkeeper.h"

#include <QJsonObject>
#include <QSet>

#include <memory>

#include <string>
#include <string_view>

namespace cdeck::spark {

class SqlExecutionTracker;

// Every integer read from an event log is held to +-2^50 (1.1e15: milliseconds for 35,000 years, a petabyte of
// bytes per task metric). Spark's real values are far inside it; a hostile or corrupt log's 2^63 would
// otherwise overflow the differences (end - start) and sums (a stage's task totals) the model computes,
// which is undefined behaviour (found by the eventlog fuzz target: an application from -1 to 2^63 - 1).
inline constexpr qint64 kEventLogIntegerLimit = qint64(1) << 50;
constexpr qint64 clampEventLogInteger(qint64 v)
{
    return v > kEventLogIntegerLimit ? kEventLogIntegerLimit : v < -kEventLogIntegerLimit ? -kEventLogIntegerLimit : v;
}

// The two events that make up almost all of a large log, decoded by the reader's fast path.
struct TaskStartEvent
{
    int stageId = 0;
    int stageAttemptId = 0;
    qint64 taskId = 0;
    qint64 launchTime = 0;
    bool speculative = false;
    std::string_view executorId; // valid only during the call
};

// Which stages' tasks the model keeps whole (SparkApplication::tasks). Everything else about a task is only
// summed into its stage, job and executor.
struct TaskKeepFilter
{
    bool all = false;
    QSet<int> stageIds;
    bool keeps(int stageId) const { return all || stageIds.contains(stageId); }
    bool any() const { return all || !stageIds.isEmpty(); }
};

enum class TaskEndReason { Success, Killed, CommitDenied, Resubmitted, Failed };

struct TaskEndEvent
{
    int stageId = 0;
    int stageAttemptId = 0;
    TaskEndReason reason = TaskEndReason::Success;
    std::string_view killReason; // for TaskKilled
    qint64 taskId = 0;
    int index = 0;
    qint64 launchTime = 0;
    qint64 finishTime = 0;
    std::string_view executorId; // valid only during the call
    bool speculative = false;
    bool hasMetrics = false;
    TaskMetricSums metrics;
    PeakMetrics executorMetrics; // "Task Executor Metrics"; zeros (but set) when the log predates them
};

// Replays listener events into a SparkApplication the way Spark's AppStatusListener does, so the numbers match
// what the History Server shows for the same log. Not thread-safe: one builder per log, on one thread.
class SparkModelBuilder
{
public:
    SparkModelBuilder();
    ~SparkModelBuilder();

    void onTaskStart(const TaskStartEvent &e);
    void onTaskEnd(const TaskEndEvent &e);
    // Any other event (and task events from the slow path), as parsed JSON. Unknown events are ignored.
    void onEvent(const QJsonObject &event);
    // When listing only, task events are not needed: the reader skips them.
    void setListingOnly(bool on) { m_listingOnly = on; }
    bool listingOnly() const { return m_listingOnly; }
    void setTaskKeepFilter(const TaskKeepFilter &f) { m_keep = f; }
    const TaskKeepFilter &taskKeepFilter() const { return m_keep; }
    // SQL executions (SparkApplication::sqlExecutions) need every task event as JSON, for its accumulators.
    void setSqlTracking(bool on);
    bool sqlTracking() const { return m_sql != nullptr; }

    SparkApplication &application() { return m_app; }
    // Ends the replay: what Spark's flush does for entities still live.
    SparkApplication finish();

    static TaskEndEvent taskEndFromJson(const QJsonObject &event, QByteArray *executorStorage, QByteArray *killStorage);
    static PeakMetrics executorMetricsFromJson(const QJsonObject &o);
    static TaskMetricSums taskMetricsFromJson(const QJsonObject &m);
    // Spark's TaskEndReason.toErrorString for a "Task End Reason" object; empty for Success.
    static QString taskEndErrorString(const QJsonObject &reason);
    static QList<SparkAccumulable> accumulablesFromJson(const QJsonArray &list);

private:
    SparkStage *liveStage(int stageId, int attemptId);
    SparkStage &getOrCreateStage(const QJsonObject &stageInfo);
    SparkExecutor &getOrCreateExecutor(const QString &id, qint64 addTime);
    SparkExecutor *liveExecutor(std::string_view id);
    void onJobStart(const QJsonObject &e);
    void onJobEnd(const QJsonObject &e);
    void onStageSubmitted(const QJsonObject &e);
    void onStageCompleted(const QJsonObject &e);
    void onStageExecutorMetrics(const QJsonObject &e);
    void onEnvironmentUpdate(const QJsonObject &e);
    void onResourceProfileAdded(const QJsonObject &e);
    void onBlockUpdated(const QJsonObject &e);
    void onUnpersistRdd(const QJsonObject &e);
    void onExecutorRemoved(const QJsonObject &e);
    void excludeForStage(const QStringList &executorIds, int stageId, int attemptId);

    SparkApplication m_app;
    std::unique_ptr<SqlExecutionTracker> m_sql;
    bool m_listingOnly = false;
    TaskKeepFilter m_keep;
    TaskDetailKeeper m_keptTasks;
    QSet<QPair<int, int>> m_liveStages;
    QSet<QString> m_liveExecutors;
    QSet<int> m_liveJobs;
    // Spark's live jobs keep changing after their last write to the store; the model shows what was written.
    QMap<int, SparkJob> m_jobWork;
    void writeJob(int jobId);
    void markCompletedIndex(std::vector<bool> &bits, int index, int *count);
    QHash<qint64, QPair<int, int>> m_liveTasks; // task id -> (stage, attempt)
    int m_taskCpus = 1;
    QMap<int, int> m_taskCpusByProfile; // resource profile id -> cpus per task
    // The hot path sees the same few executors again and again.
    std::string m_lastExecKey;
    SparkExecutor *m_lastExec = nullptr;
};

} // namespace cdeck::spark
