// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace cdeck::spark {

// The executor-level memory metrics Spark logs ("Task Executor Metrics", peakMemoryMetrics), in Spark's order.
inline constexpr int kExecutorMetricCount = 23;
extern const std::array<const char *, kExecutorMetricCount> kExecutorMetricNames;
inline constexpr size_t kTotalGcTimeMetric = 20; // "TotalGCTime" in kExecutorMetricNames

struct PeakMetrics
{
    std::array<qint64, kExecutorMetricCount> values{};
    bool set = false; // Spark shows peakMemoryMetrics only once some event reported them (even as zeros)

    void updatePeaks(const PeakMetrics &other);
    qint64 jvmHeap() const { return values[0]; }
};

// Sums of task metrics, as Spark's AppStatusListener aggregates them per stage and per stage+executor.
struct TaskMetricSums
{
    qint64 executorDeserializeTime = 0;
    qint64 executorDeserializeCpuTime = 0; // ns
    qint64 executorRunTime = 0;
    qint64 executorCpuTime = 0; // ns
    qint64 resultSize = 0;
    qint64 jvmGcTime = 0;
    qint64 resultSerializationTime = 0;
    qint64 memoryBytesSpilled = 0;
    qint64 diskBytesSpilled = 0;
    qint64 peakExecutionMemory = 0;
    qint64 inputBytes = 0;
    qint64 inputRecords = 0;
    qint64 outputBytes = 0;
    qint64 outputRecords = 0;
    qint64 shuffleRemoteBlocksFetched = 0;
    qint64 shuffleLocalBlocksFetched = 0;
    qint64 shuffleFetchWaitTime = 0;
    qint64 shuffleRemoteBytesRead = 0;
    qint64 shuffleRemoteBytesReadToDisk = 0;
    qint64 shuffleLocalBytesRead = 0;
    qint64 shuffleReadRecords = 0;
    qint64 shuffleRemoteReqsDuration = 0;
    qint64 shuffleWriteBytes = 0;
    qint64 shuffleWriteTime = 0; // ns
    qint64 shuffleWriteRecords = 0;
    // push-based shuffle ("Shuffle Push Read Metrics"), zero when the log has none
    qint64 pushCorruptMergedBlockChunks = 0;
    qint64 pushMergedFetchFallbackCount = 0;
    qint64 pushRemoteMergedBlocksFetched = 0;
    qint64 pushLocalMergedBlocksFetched = 0;
    qint64 pushRemoteMergedChunksFetched = 0;
    qint64 pushLocalMergedChunksFetched = 0;
    qint64 pushRemoteMergedBytesRead = 0;
    qint64 pushLocalMergedBytesRead = 0;
    qint64 pushRemoteMergedReqsDuration = 0;

    qint64 shuffleReadBytes() const { return shuffleRemoteBytesRead + shuffleLocalBytesRead; }
    void add(const TaskMetricSums &o);
};

enum class JobStatus { Running, Succeeded, Failed, Unknown };
enum class StageStatus { Active, Complete, Failed, Pending, Skipped };
QString toString(JobStatus s); // Spark's REST spelling: RUNNING, SUCCEEDED, ...
QString toString(StageStatus s); // ACTIVE, COMPLETE, ...

struct SparkJob
{
    int jobId = 0;
    QString name;
    QString description;
    QString jobGroup;
    QStringList jobTags; // spark.job.tags, sorted
    qint64 submissionTime = -1; // epoch ms, -1 when unknown
    qint64 completionTime = -1;
    QList<int> stageIds; // every stage of the job, skipped ones included
    JobStatus status = JobStatus::Running;
    int numTasks = 0;
    int numActiveTasks = 0;
    int numCompletedTasks = 0;
    int numSkippedTasks = 0;
    int numFailedTasks = 0;
    int numKilledTasks = 0;
    int numCompletedIndices = 0;
    int numActiveStages = 0;
    QList<int> completedStages; // a set, kept small
    QList<int> skippedStages;
    int numFailedStages = 0;
    QMap<QString, int> killedTasksSummary;
    // distinct (stage, task index) pairs that succeeded, one bitmap per stage id
    QHash<int, std::vector<bool>> completedIndexBits;
};

// A named accumulator as the REST API shows it (internal and SQL ones are left out, as Spark does).
struct SparkAccumulable
{
    qint64 id = 0;
    QString name;
    QString update; // only when hasUpdate
    bool hasUpdate = false;
    QString value;
};

// One task attempt, as the stage details and taskList show it. Kept only for the stages a request needs
// (EventLogReader::Options::keepTasks), so a large log's memory does not grow with its tasks.
struct SparkTask
{
    qint64 taskId = 0;
    int index = 0;
    int attempt = 0;
    int partitionId = -1;
    qint64 launchTime = 0;
    qint64 gettingResultTime = 0; // "Getting Result Time": when fetching the result began, 0 if never
    qint64 finishTime = 0;
    QString executorId;
    QString host;
    QString locality;
    bool speculative = false;
    bool failed = false;
    bool killed = false;
    bool hasError = false;
    QString errorMessage;
    bool hasMetrics = false;
    TaskMetricSums metrics;
    QList<SparkAccumulable> accumulables;

    bool finished() const { return finishTime != 0; }
    // Spark's TaskInfo.status: RUNNING, GET RESULT, FAILED, KILLED, SUCCESS
    QString status() const;
    bool successful() const { return finished() && !failed && !killed; }
};

struct SpeculationSummary
{
    int numTasks = 0;
    int numActiveTasks = 0;
    int numCompletedTasks = 0;
    int numFailedTasks = 0;
    int numKilledTasks = 0;
};

struct StageExecutorSummary
{
    qint64 taskTime = 0;
    int failedTasks = 0;
    int succeededTasks = 0;
    int killedTasks = 0;
    bool isExcluded = false;
    TaskMetricSums metrics;
    PeakMetrics peak;
};

// One stage attempt. parentIds are the DAG edges (parent stage ids).
struct SparkStage
{
    int stageId = 0;
    int attemptId = 0;
    QString name;
    QString details;
    QString description;
    QString schedulingPool = QStringLiteral("default");
    QString failureReason;
    int resourceProfileId = 0;
    StageStatus status = StageStatus::Pending;
    int numTasks = 0;
    int numActiveTasks = 0;
    int numCompleteTasks = 0;
    int numFailedTasks = 0;
    int numKilledTasks = 0;
    int numCompletedIndices = 0;
    std::vector<bool> completedIndexBits;
    QMap<QString, int> killedTasksSummary;
    qint64 submissionTime = -1;
    qint64 firstTaskLaunchedTime = -1;
    qint64 completionTime = -1;
    QList<int> parentIds;
    QList<int> rddIds;
    QList<int> jobIds; // the jobs this attempt counts for (Spark's stage.jobs)
    QList<SparkAccumulable> accumulables; // the stage info's named accumulators, by id
    bool isShufflePushEnabled = false;
    int shuffleMergersCount = 0;
    bool hasSpeculation = false; // a speculative task ran: Spark then stores a speculation summary
    SpeculationSummary speculation;
    TaskMetricSums metrics;
    PeakMetrics peak;
    QMap<QString, StageExecutorSummary> executorSummary; // keyed by executor id
    QHash<QString, int> activeTasksPerExecutor;
    bool live = true; // false once Spark's listener would have stopped updating it
};

// The time line of one executor's life, for "executors over time".
struct ExecutorEvent
{
    qint64 time = 0;
    QString executorId;
    bool added = true;
};

struct SparkExecutor
{
    QString id;
    QString host;
    QString hostPort;
    bool isActive = true;
    int totalCores = 0;
    int maxTasks = 0;
    int activeTasks = 0;
    int failedTasks = 0;
    int completedTasks = 0;
    int totalTasks = 0;
    qint64 totalDuration = 0;
    qint64 totalGcTime = 0;
    qint64 totalInputBytes = 0;
    qint64 totalShuffleRead = 0;
    qint64 totalShuffleWrite = 0;
    qint64 maxMemory = 0;
    qint64 memoryUsed = 0; // storage memory (cached blocks), not heap
    qint64 diskUsed = 0;
    qint64 totalOnHeap = -1; // -1: the log has no on/off-heap split
    qint64 totalOffHeap = 0;
    qint64 addTime = 0;
    qint64 removeTime = -1;
    QString removeReason;
    int resourceProfileId = 0;
    bool isExcluded = false;
    QList<int> excludedInStages; // sorted
    int rddBlocks = 0;
    qint64 usedOnHeap = 0;
    qint64 usedOffHeap = 0;
    QMap<QString, QString> executorLogs;
    QMap<QString, QString> attributes;
    QMap<QString, QStringList> resources;
    PeakMetrics peak;
};

struct SparkAttempt
{
    QString attemptId; // empty for client-mode / local apps
    qint64 startTime = -1;
    qint64 endTime = -1;
    qint64 lastUpdated = 0; // the log's modification time
    QString sparkUser;
    bool completed = false;
    QString sparkVersion;
    qint64 duration() const { return completed ? endTime - startTime : 0; }
};

// A cached RDD (Spark's LiveRDD): known once a stage that computes it with a storage level was submitted;
// its partitions and per-executor distribution come from block updates
// (spark.eventLog.logBlockUpdates.enabled).
struct SparkRddPartition
{
    QString blockName;
    QString storageLevel;
    qint64 memoryUsed = 0;
    qint64 diskUsed = 0;
    QStringList executors;
};

struct SparkRddDistribution
{
    QString executorId;
    // What Spark shows as remaining: the executor's free storage memory when a block of an RDD last changed
    // on it (Spark refreshes a distribution only then), not at the end of the log.
    qint64 memoryRemaining = 0;
    qint64 onHeapRemaining = 0;
    qint64 offHeapRemaining = 0;
    qint64 memoryUsed = 0;
    qint64 diskUsed = 0;
    qint64 onHeapUsed = 0;
    qint64 offHeapUsed = 0;
};

struct SparkRdd
{
    int id = 0;
    QString name;
    int numPartitions = 0;
    QString storageLevel; // description, e.g. "Memory Deserialized 1x Replicated"
    bool useOffHeap = false;
    bool deserialized = false;
    qint64 memoryUsed = 0;
    qint64 diskUsed = 0;
    QMap<QString, SparkRddPartition> partitions; // by block name
    QStringList partitionOrder; // as Spark lists them: in the order they were first reported
    QMap<QString, SparkRddDistribution> distributions; // by executor id, in the order they appeared
    QStringList distributionOrder;
};

// A non-executor process, e.g. a YARN application master (allmiscellaneousprocess).
struct SparkProcess
{
    QString id;
    QString hostPort;
    bool isActive = true;
    int totalCores = 0;
    qint64 addTime = 0;
    qint64 removeTime = -1;
    QMap<QString, QString> processLogs;
};

// One SQL query execution, as Spark's SQL tab and /sql endpoint show it (sqlexecutions.h builds it).
struct SqlPlanMetric
{
    QString name;
    qint64 accumulatorId = 0;
    QString metricType; // sum, size, timing, nsTiming, average
};

// A node of the plan graph: an operator, or a WholeStageCodegen cluster (which holds the operators it fused).
struct SqlPlanNode
{
    qint64 id = 0;
    QString name;
    QList<SqlPlanMetric> metrics;
    std::optional<qint64> wholeStageCodegenId; // set on the operators inside a "WholeStageCodegen (N)" cluster
};

struct SqlPlanEdge
{
    qint64 fromId = 0;
    qint64 toId = 0;
};

struct SqlExecution
{
    qint64 id = 0;
    std::optional<QString> description; // absent when the log has jobs of the execution but not its start
    std::optional<QString> planDescription;
    qint64 submissionTime = -1;
    std::optional<qint64> completionTime;
    std::optional<QString> errorMessage; // set (maybe empty) by Spark 3.4+ execution ends
    QList<QPair<int, JobStatus>> jobs; // in the order Spark's Scala map iterates them (it shows them so)
    QList<SqlPlanNode> nodes; // the latest plan (adaptive execution replaces it)
    QList<SqlPlanEdge> edges;
    QHash<qint64, QString> metricValues; // by accumulator id, formatted as Spark formats them

    QString status() const; // COMPLETED, FAILED or RUNNING
};

// Everything one application attempt's event log says, as the console shows it. A value type: the reader
// builds it on its own thread and hands over a finished copy.
struct SparkApplication
{
    QString id;
    QString name;
    SparkAttempt attempt;
    QMap<int, SparkJob> jobs; // by job id
    QMap<QPair<int, int>, SparkStage> stages; // by (stage id, attempt id)
    QMap<QString, SparkExecutor> executors; // by executor id
    QList<ExecutorEvent> executorTimeline;
    // Tasks by (stage id, attempt), only for the stages the reader was asked to keep (Options::keepTasks); Spark
    // keeps a task under the stage its start event names, even when that stage attempt is gone.
    QMap<QPair<int, int>, std::vector<SparkTask>> tasks;
    QMap<int, SparkRdd> rdds; // by RDD id, live ones only (unpersisted ones are dropped, as Spark does)
    QList<SparkProcess> miscProcesses;
    // SQL executions by id; only filled when the reader was asked for them (Options::sqlExecutions).
    QMap<qint64, SqlExecution> sqlExecutions;
    // The environment answer (runtime, properties sorted, resource profiles), built from the events.
    bool hasEnvironment = false;
    QJsonObject environment;
    QJsonArray resourceProfiles;

    // Honest about what the log held.
    bool inProgress = false; // no ApplicationEnd, or a .inprogress name
    bool truncated = false; // the last record was cut off, or the compressed stream ended early
    qint64 malformedLines = 0; // lines that were not JSON objects and were skipped
    qint64 events = 0;
    qint64 bytesRead = 0; // uncompressed
    QStringList warnings; // translated, one line each: what was skipped or missing and why
};

} // namespace cdeck::spark
