// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What a Spark standalone cluster says about itself, parsed without a network or a process: the ports its
// daemons log after binding port 0, the master's /json, the driver's REST executors. The SparkDriver reads
// them; tests feed them recorded text.
namespace cdeck::spark {

// "Successfully started service 'sparkMaster' on port 33291." and its siblings: Spark logs each port it bound.
// Returns the port of `service` ("sparkMaster", "MasterUI", "sparkWorker", "WorkerUI", "SparkUI"), 0 when
// the log has not said it yet. The last mention wins (a restarted daemon appends to the same log).
int loggedServicePort(const QByteArray &log, QByteArrayView service);
// "Successfully registered with master spark://..." in a Worker's log.
bool workerRegistered(const QByteArray &log);
// The application id the driver's log names ("Connected to Spark cluster with app ID app-2026..."), "" if none yet.
QString loggedApplicationId(const QByteArray &log);

// One Worker as the master's /json lists it.
struct MasterWorker
{
    QString id; // worker-20261207155403-127.0.0.1-34869
    QString host;
    int port = 0; // its RPC port: what its own log says it bound
    QString webUiAddress; // http://127.0.0.1:35473
    QString state; // ALIVE, DEAD, DECOMMISSIONED, UNKNOWN
    int cores = 0;
    int coresUsed = 0;
    qint64 memoryBytes = 0;
    qint64 memoryUsedBytes = 0;
};

struct MasterApp
{
    QString id;
    QString name; // clusterdeck-job-<job id> for the samples
    QString state; // RUNNING, WAITING, FINISHED, KILLED, ...
};

struct MasterStatus
{
    QString status; // ALIVE
    QList<MasterWorker> workers;
    QList<MasterApp> activeApps;
    QList<MasterApp> completedApps;
};

// nullopt with *error on anything but the master's JSON object.
std::optional<MasterStatus> parseMasterJson(const QByteArray &json, QString *error);

// A Worker's own view of itself (GET <its web UI>/json): the executors it still runs. A decommissioned
// Worker's executors are forgotten by the master at once, and the master then ignores their exit, so only
// the Worker says when they have left.
struct WorkerSelf
{
    int coresUsed = 0;
    int executors = 0;
};
// nullopt with *error on anything but a Worker's JSON object.
std::optional<WorkerSelf> parseWorkerJson(const QByteArray &json, QString *error);

// One executor as the application's driver reports it (GET /api/v1/applications/<app>/allexecutors).
struct DriverExecutor
{
    QString id; // "0", "1", ... ("driver" is skipped)
    bool active = false;
    int workerUiPort = 0; // the Worker it runs on, from its log URLs (the Worker's web UI serves them)
    qint64 storageMemoryUsedBytes = 0; // memoryMetrics: on- and off-heap storage memory in use
    qint64 maxMemoryBytes = 0;
    qint64 peakHeapBytes = -1; // peakMemoryMetrics.JVMHeapMemory, -1 when not reported yet
    qint64 peakJvmRssBytes
        = -1; // peakMemoryMetrics.ProcessTreeJVMRSSMemory (spark.executor.processTreeMetrics.enabled)
    qint64 peakPythonRssBytes = -1; // peakMemoryMetrics.ProcessTreePythonRSS (0 unless process-tree metrics are on)
    qint64 shuffleReadBytes = 0;
    qint64 shuffleWriteBytes = 0;
    int activeTasks = 0;
    int failedTasks = 0;
    int completedTasks = 0;
    QString removeReason; // why it left, "" while active
};

// Skips the driver's own entry. nullopt with *error on anything but a JSON array of executors.
std::optional<QList<DriverExecutor>> parseDriverExecutors(const QByteArray &json, QString *error);

// Cumulative figures of the executors that ran on one Worker, over every application: a driver's REST API
// counts per application and goes away with it, so the totals of executors seen before are kept.
class WorkerTotals
{
public:
    // Records the latest figures of `executors` of application `appId` (only those on `workerUiPort`).
    void update(const QString &appId, int workerUiPort, const QList<DriverExecutor> &executors);
    qint64 shuffleReadBytes() const;
    qint64 shuffleWriteBytes() const;
    int failedTasks() const;

private:
    struct Seen
    {
        qint64 read = 0;
        qint64 write = 0;
        int failed = 0;
    };
    QHash<QString, Seen> m_seen; // "<app>/<executor>" -> its last figures (counters only grow)
};

} // namespace cdeck::spark
