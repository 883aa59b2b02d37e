// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/executor.h"
#include "core/model/job.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace cdeck::spark {

// One answer from a Spark UI (4040) or History Server (18080): JSON with an HTTP status, or why there is none.
struct RestReply
{
    int httpStatus = 0; // 0: no HTTP answer (refused, timeout, too large, cut off)
    QJsonValue body; // on success
    QString error; // translated, one line; Spark's text/plain error body for 4xx/5xx
    bool unreachable = false; // nothing answered (refused, timeout): the server is down, not the answer bad
    bool ok() const { return httpStatus >= 200 && httpStatus < 300 && error.isEmpty(); }
};

struct SparkAppInfo
{
    QString id;
    QString name;
    QString attemptId; // newest attempt
    QDateTime startTime;
    QDateTime endTime; // invalid while running
    bool completed = false;
    QString sparkUser;
};

struct SparkExecutorInfo
{
    QString id;
    QString hostPort;
    bool isActive = false;
    int totalCores = 0;
    int activeTasks = 0;
    int failedTasks = 0;
    int completedTasks = 0;
    qint64 storageMemoryUsed = 0; // memoryUsed: cached blocks, not heap
    qint64 storageMemoryMax = 0; // maxMemory
    qint64 peakJvmHeap = -1; // peakMemoryMetrics.JVMHeapMemory; -1 when Spark did not report it
    qint64 diskUsed = 0;
    qint64 shuffleRead = 0;
    qint64 shuffleWrite = 0;
    qint64 totalDurationMs = 0;
    QDateTime addTime;
    QDateTime removeTime;
    QString removeReason;
};

struct SparkJobInfo
{
    int jobId = 0;
    QString name;
    QString status; // RUNNING, SUCCEEDED, FAILED, UNKNOWN
    QList<int> stageIds;
    QDateTime submissionTime;
    QDateTime completionTime;
    int numTasks = 0;
    int numCompletedTasks = 0;
    int numFailedTasks = 0;
    int numSkippedTasks = 0;
};

struct SparkStageInfo
{
    int stageId = 0;
    int attemptId = 0;
    QString name;
    QString status; // ACTIVE, COMPLETE, FAILED, PENDING, SKIPPED
    int numTasks = 0;
    int numCompleteTasks = 0;
    int numFailedTasks = 0;
    qint64 inputBytes = 0;
    qint64 outputBytes = 0;
    qint64 shuffleReadBytes = 0;
    qint64 shuffleWriteBytes = 0;
    qint64 memoryBytesSpilled = 0;
    qint64 diskBytesSpilled = 0;
    qint64 executorRunTimeMs = 0;
    int numActiveTasks = 0;
    int numKilledTasks = 0;
    QString description;
    QDateTime submissionTime;
    QDateTime completionTime;
    QString failureReason;
    qint64 inputRecords = 0;
    qint64 outputRecords = 0;
    qint64 shuffleReadRecords = 0;
    qint64 shuffleWriteRecords = 0;
    qint64 jvmGcTimeMs = 0;
    qint64 executorCpuTimeNs = 0; // Spark's CPU times are nanoseconds
    // The stage DAG's edges. Spark's REST API has none (no parent field in a stage object): only an event log
    // gives them, so parentsKnown says whether an empty list means "no parents" or "not known".
    QList<int> parentIds;
    bool parentsKnown = false;
    QList<int> jobIds; // the jobs it counts for: inverted from the jobs' stageIds (REST) or the log's stage.jobs
    QStringList executors; // executors that ran its tasks (event log); empty when not known
};

// One metric of GET .../stages/{id}/{attempt}/taskSummary: its value at each of TaskSummary::quantiles.
struct TaskQuantileRow
{
    enum class Unit { Milliseconds, Bytes, Count };
    QString label; // translated
    Unit unit = Unit::Milliseconds;
    QList<double> values;
};

struct TaskSummary
{
    QList<double> quantiles; // e.g. 0.05, 0.25, 0.5, 0.75, 0.95 (Spark's default for taskSummary)
    QList<TaskQuantileRow> rows;
};

// Pure parsers of /api/v1 answers (tested on Spark's golden files). nullopt and *error on a body that is not
// the expected shape.
QDateTime parseRestDate(const QString &text); // "2015-02-03T16:43:05.829GMT"
std::optional<QList<SparkAppInfo>> parseApplications(const QJsonValue &body, QString *error);
std::optional<QList<SparkExecutorInfo>> parseExecutors(const QJsonValue &body, QString *error);
std::optional<QList<SparkJobInfo>> parseJobs(const QJsonValue &body, QString *error);
std::optional<QList<SparkStageInfo>> parseStages(const QJsonValue &body, QString *error);
// A row per metric the console shows (duration, run time, GC, scheduler delay, input, shuffle read/write, spill,
// peak execution memory); rows whose arrays do not match the quantiles are an error.
std::optional<TaskSummary> parseTaskSummary(const QJsonValue &body, QString *error);

// Into the console's model: executors stay executors, Spark jobs become jobs of the application's cluster.
Executor toExecutor(const SparkExecutorInfo &e);
Job toJob(const SparkJobInfo &j, const QString &clusterId);

// Asynchronous client of Spark's monitoring REST API. Every request has a timeout and a response size limit,
// GETs retry twice with backoff, and every failure ends in a RestReply with an error, never an exception.
// Thread contract: use it from the thread it was created in (the console's network thread).
class SparkRestClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const RestReply &)>;

    // baseUrl: http://driver:4040, http://history:18080 or an RM proxy URL; /api/v1 is appended.
    explicit SparkRestClient(const QUrl &baseUrl, QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setMaxResponseBytes(qint64 bytes) { m_maxBytes = bytes; }
    QUrl baseUrl() const { return m_baseUrl; }

    // path relative to /api/v1, e.g. "applications/app-1/executors"; already-encoded query allowed.
    void get(const QString &path, Callback done);
    void applications(Callback done) { get(QStringLiteral("applications"), std::move(done)); }
    void executors(const QString &appPath, Callback done); // appPath: "<app-id>" or "<app-id>/<attempt-id>"
    void allExecutors(const QString &appPath, Callback done);
    void jobs(const QString &appPath, Callback done);
    void stages(const QString &appPath, Callback done);
    void taskSummary(const QString &appPath, int stageId, int attemptId, Callback done);

private:
    void send(const QString &path, Callback done, int attempt);

    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
    int m_timeoutMs = 10000;
    qint64 m_maxBytes = 64 * 1024 * 1024;
};

} // namespace cdeck::spark
