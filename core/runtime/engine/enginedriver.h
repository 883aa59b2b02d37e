// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/enginekind.h"
#include "core/runtime/engine/host.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace cdeck {
struct RuntimeConfig;
}

namespace cdeck::engine {

// What a driver knows of its cluster, fixed for the cluster's life.
struct DriverContext
{
    QString clusterId;
    QString clusterDir; // the cluster's folder on the host: every engine process runs inside it
    int threadsPerWorker = 1; // from the instance type
    qint64 memoryPerWorkerBytes = 0;
    const RuntimeConfig *config = nullptr; // programs, resources folder, timeouts (outlives the driver)
    Host *host = nullptr; // outlives the driver
    QNetworkAccessManager *network = nullptr; // outlives the driver; the engine's HTTP endpoints
};

// Where the engine's head (Dask scheduler, Spark master) listens, once it does.
struct Endpoints
{
    QString headAddress; // what clients and jobs connect to: tls://127.0.0.1:PORT, spark://127.0.0.1:PORT
    QString uiUrl; // its web UI / HTTP API: http://127.0.0.1:PORT (no trailing slash)
    friend bool operator==(const Endpoints &, const Endpoints &) = default;
};

// One worker (ClusterDeck executor) as the engine reports it. Fields the engine does not report keep
// their defaults; -1 means "not reported" where 0 is a real value.
struct ExecutorReport
{
    enum class Status { Running, Paused, Closing };
    QString executorId; // the id the controller gave it (Dask --name; Spark: matched by the driver)
    // Its address in the engine. A new address for the same id is a new incarnation (a nanny or a worker
    // restarted it in place): the controller counts a restart and keeps the byte totals monotonic.
    QString address;
    Status status = Status::Running;
    int threads = 0;
    qint64 memoryLimitBytes = 0;
    qint64 processMemoryBytes = 0; // resident memory of the worker
    qint64 managedBytes = 0; // data the engine holds in memory (spilled part excluded)
    qint64 spilledBytes = 0;
    int tasksExecuting = 0;
    int tasksReady = 0;
    int tasksInMemory = 0;
    qint64 bytesInTotal = -1; // shuffle/transfer totals of this incarnation
    qint64 bytesOutTotal = -1;
    double cpuPercent = 0;
    int metricsPort = 0; // a Prometheus /metrics port on the host's address, 0: none
    int tasksFailed = -1;
    int tasksCompleted = -1;
    qint64 peakHeapBytes = -1;
};

// The engine's load, as managed scaling reads it (see ScalingSample).
struct EngineLoad
{
    int threads = 0;
    int adaptiveTarget = -1; // the engine's own wish (Dask adaptive_target, Spark dynamic allocation); -1: none
    int pendingTasks = 0; // runnable backlog
    qint64 memoryBytes = 0;
    qint64 memoryLimitBytes = 0;
    QStringList idleExecutors; // executor ids with no task at all: the only ones a scale-in retires
};

struct WorkerLaunch
{
    QString executorId; // "w3": never reused within a cluster
    QString workDir; // inside the cluster's folder, created by the controller
    QString logPath; // the controller reads it (incidents, bootstrap failures): logs/<executorId>.log
};

struct RetiringWorker
{
    QString executorId;
    ProcessHandle process;
    QString address; // its engine address, "" when it never registered
};

struct JobLaunch
{
    QString jobId;
    QString script; // the path the job's process sees (a staged copy when it runs as another user)
    QStringList args;
    QString workDir;
};

// How to start a job against this engine: the controller adds CLUSTERDECK_JOB_ID, CLUSTERDECK_CLUSTER_ID,
// the job's HOME, the process group and the privilege drop (to the cluster's user, engineUser()).
struct JobCommand
{
    QString program;
    QStringList arguments; // the script and its args included (spark-submit --master ... script args)
    QStringList environment; // added to the host's environment, "KEY=value"
};

// One engine's half of a managed cluster. The controller (engine-neutral) owns the state machine, the
// executors' records, scaling, spot, faults, bootstrap, idle, jobs' lifecycle and re-attach; a driver
// says how this engine's processes are started, where its head listens and what it reports.
//
// How the controller uses a driver:
// - Launch: prepare(), then it starts headProcess() on the host (wrapped by bootstrap actions: the same
//   pid runs the engine after them), then a workerProcess() per executor: at once when
//   workersStartWithHead(), else once endpoints are known. The controller holds every process handle.
// - Readiness: the controller calls discoverEndpoints() until it answers, then readExecutors(); the cluster
//   is ready when every requested executor is reported. A driver emits changed() as soon as the engine says
//   something happened (the head started listening, a worker registered or left: read from its logs as they
//   are written, Host::followFiles) and the controller reads the engine at once (a poll already in flight
//   is followed by another). Its timer polls (fast while starting) remain for metrics, liveness and hosts
//   that cannot follow files.
// - Process loss: the controller probes the handles through Host::aliveAmong() on each poll: a driver
//   does not report it. An executor absent from readExecutors() while its process lives is restarting in
//   place (restartingReason()); it is not a loss.
// - Scale-in: retire() drains the workers gracefully, then answers; the controller then terminates each
//   one's process group (Kill after the retire grace period).
// - Jobs: the controller starts jobCommand() through Host::startJob() and follows its end; a job's
//   completion is its process's exit code. Cancel: cancelJob() for the engine's side, and the controller
//   terminates the job's process group (Kill after the cancel grace period).
// Every asynchronous call answers exactly once through its callback, on the main thread, unless the
// driver is destroyed first (then never): requests are parented to the driver.
// Thread contract: the runtime's main thread; every method returns at once.
class EngineDriver : public QObject
{
    Q_OBJECT
public:
    explicit EngineDriver(DriverContext context, QObject *parent = nullptr)
        : QObject(parent)
        , m_context(std::move(context))
    {
    }
    ~EngineDriver() override = default;

    virtual EngineKind kind() const = 0;
    // The head node's name: its log is logs/<name>.log, its working directory <clusterDir>/<name>, and the
    // bootstrap plan's node name ("scheduler", "master").
    virtual QString headName() const = 0;
    // Creates the cluster's engine folders and configuration (on a fresh launch, before any process
    // starts). "" on success, else why not: the launch ends TERMINATED_WITH_ERRORS with it.
    virtual QString prepare() = 0;
    virtual ProcessSpec headProcess() = 0;
    // true: workers can start before the head listens (Dask: they wait for its scheduler file); false:
    // workerProcess() needs endpoints() (Spark workers take the master's URL).
    virtual bool workersStartWithHead() const = 0;
    virtual ProcessSpec workerProcess(const WorkerLaunch &worker) = 0;

    // Where the head listens, read from what it wrote (Dask: the scheduler file; Spark: the URLs its log
    // prints after binding port 0). nullopt until it does; the answer is kept (endpoints()).
    virtual std::optional<Endpoints> discoverEndpoints() = 0;
    // After a runtime restart: the endpoints the cluster had (the head was found alive).
    virtual void restoreEndpoints(const Endpoints &endpoints) = 0;
    virtual std::optional<Endpoints> endpoints() const = 0;

    // Every worker the engine knows, with its figures. nullopt with the error when the engine could not be
    // read (the controller fails the cluster only once the head's process is gone).
    using ExecutorsCallback = std::function<void(std::optional<QList<ExecutorReport>> executors, const QString &error)>;
    virtual void readExecutors(ExecutorsCallback done) = 0;
    // Why an executor whose process lives is missing from the report ("Restarting (the nanny restarts the
    // worker)").
    virtual QString restartingReason() const = 0;

    // The load managed scaling decides on; nullopt with the error when it could not be read.
    using LoadCallback = std::function<void(std::optional<EngineLoad> load, const QString &error)>;
    virtual void readLoad(LoadCallback done) = 0;

    // Graceful scale-in: the workers hand their work and data over (Dask: retire_workers; Spark: SIGPWR to
    // the Worker, wait until its executors left). done("") when drained, done(why) when the engine did not
    // confirm: the controller stops the processes either way and records the failure.
    using RetireCallback = std::function<void(const QString &error)>;
    virtual void retire(const QList<RetiringWorker> &workers, RetireCallback done) = 0;

    virtual JobCommand jobCommand(const JobLaunch &job) const = 0;
    // The engine's part of a cancel (Spark: kill the job's application at the master); Dask: nothing.
    virtual void cancelJob(const QString &jobId) = 0;

    // The web UI of a running job's own process, "" when it has none or has not said where yet (Spark: the
    // driver's UI, bound at port 0 and read from its log; Dask: none, the scheduler's dashboard covers all).
    virtual QString jobUiUrl(const QString &jobId) const
    {
        Q_UNUSED(jobId);
        return {};
    }

    // The job's DAG in the CLI's JSON shape (core/dag), read from the engine while the cluster runs.
    using DagCallback = std::function<void(std::optional<QByteArray> json, const QString &error)>;
    virtual void readDag(const QString &jobId, DagCallback done) = 0;

    const DriverContext &context() const { return m_context; }

    // Who this cluster's engine processes and its jobs run as (Host::engineUser): the cluster's own user
    // once prepare() or restoreEndpoints() ran, when the host isolates engines.
    const RunAs &engineUser() const { return m_engineUser; }
    // Isolation is on but this cluster has no user of its own (a re-attach that could not find it): nothing
    // of it may start, or it would run as the runtime's user.
    bool lacksEngineUser() const { return !m_engineUser.drop && m_context.host->isolationOff().isEmpty(); }

    // The cluster has ended: what still runs as its user is killed and the user goes
    // (Host::releaseEngineUser). Also after a restart, for a cluster that ended while no runtime ran.
    void release()
    {
        if (!m_engineUser.drop) {
            QString ignored; // a folder that never got a user of its own: nothing to release
            m_engineUser = m_context.host->engineUser(m_context.clusterDir, false, &ignored);
        }
        m_context.host->releaseEngineUser(m_context.clusterDir, m_engineUser);
        m_engineUser = {};
    }

Q_SIGNALS:
    // The engine has news (its head listens, a worker registered or left): the controller polls now.
    void changed();

protected:
    // prepare() (create: a fresh user, the cluster's folder handed to it) or a re-attach (the user the folder
    // belongs to). "" or why not.
    QString takeEngineUser(bool create)
    {
        QString error;
        m_engineUser = m_context.host->engineUser(m_context.clusterDir, create, &error);
        return error;
    }

    DriverContext m_context;
    RunAs m_engineUser;
};

} // namespace cdeck::engine
