// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/instancecatalog.h"
#include "core/model/job.h"
#include "core/runtime/bootstrapplans.h"
#include "core/runtime/engine/enginedriver.h"
#include "core/runtime/faultinjector.h"
#include "core/runtime/jobrunner.h"
#include "core/runtime/runtimeconfig.h"
#include "core/runtime/scalingdecider.h"
#include "core/runtime/workerreplacement.h"
#include "core/store/runtimestore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace cdeck {

// One real cluster, whatever its engine: its state machine, its executors' records, scaling, replacement of
// lost workers, idle auto-termination and re-attach. It delegates to parts that do not know it: what is
// engine-specific (how processes are started, where the head listens, what the engine reports) is its
// EngineDriver's; its jobs' lifecycle is its JobRunner's (signals back when a job runs or ends); faults and
// spot reclaims are its FaultInjector's (returns the target and the events, the controller records them);
// bootstrap plans are its BootstrapPlans' (wraps a node's process, reads its result). Processes are started
// and signalled through the Host.
// Thread contract: lives on the runtime's main thread; every method returns at once (never waits on the
// engine): launches, retires, terminations and job ends progress through timers and network replies.
class ClusterController : public QObject
{
    Q_OBJECT
public:
    ClusterController(StoredCluster record, InstanceType type, const RuntimeConfig &config, RuntimeStore &store,
                      QNetworkAccessManager &network, engine::Host &host, QObject *parent = nullptr);
    ~ClusterController() override;

    // A new cluster: spawns the scheduler and the workers. Failure ends it TERMINATED_WITH_ERRORS.
    void launch();
    // After a runtime restart: adopt the processes if the scheduler still lives, else end the cluster
    // TERMINATED_WITH_ERRORS with the reason. Jobs that were running are INTERRUPTED.
    void reattach(QList<StoredExecutor> executors, QList<StoredJob> jobs);

    QString scale(int workers); // "" on success, else why not (a conflict)
    // Managed or manual scaling from now on; the cooldown history is kept. "" on success.
    QString setScalingPolicy(const ScalingPolicy &policy);
    // The cluster's event list, oldest first (from the store: it outlives the runtime).
    QList<ClusterEvent> events(qint64 afterSeq = 0, int limit = 10000) const;
    QString terminate(const QString &reason); // "" on success; refused under termination protection
    void setTerminationProtection(bool on);
    QString submitJob(const JobRequest &request, const QString &scriptPath, Job *job); // "" on success
    QString cancelJob(const QString &jobId, Job *job);
    // Graceful runtime shutdown: running jobs are interrupted; the cluster's processes keep running.
    void shutdown();

    // Fault injection (game days, tests) and spot reclaims. killWorker sends SIGKILL to the executor's
    // whole process group (nanny, worker, helpers), so nothing restarts it, and records it LOST at once
    // with `reason` as an unplanned loss. An empty executorId picks the live executor with the most work
    // in flight. "" on success (*executorId set to the one hit), else why not; *notFound when no such id.
    QString killWorker(QString *executorId, const QString &reason, bool *notFound = nullptr);
    // SIGSTOP to the executor's process group, SIGCONT after `seconds`: a worker that hangs, as on a
    // stalled network or a frozen VM. The same picking and answers as killWorker.
    QString stallWorker(QString *executorId, int seconds, bool *notFound = nullptr);
    static constexpr int kMaxStallSeconds = FaultInjector::kMaxStallSeconds;
    // A spot reclaim: the worker goes through killWorker (SIGKILL to its process group), is recorded LOST as
    // a spot interruption and replaced; once the cluster's threshold of interruptions within its window is
    // reached, the replacement and every later worker are bought on-demand (a market_fallback event says
    // so). An empty executorId picks a live spot worker. "" on success; *notFound when no such id.
    QString interruptSpot(QString *executorId, const QString &cause, bool *notFound = nullptr);
    bool spotFallenBack() const { return m_faults->spot().fellBack(); }
    // Spot interruptions in the hour before nowMs: the `spot_interruptions_per_h` series, sampled each
    // second. Absent (nullopt) for a cluster that never had spot capacity and was never interrupted.
    std::optional<double> spotInterruptionsLastHour(qint64 nowMs) const;

    QString id() const { return m_record.info.id; }
    ClusterInfo info() const;
    QList<Executor> executors() const;
    QList<StoredExecutor> storedExecutors() const { return m_executors; } // with metrics ports, for the sampler
    QList<Job> jobs() const;
    std::optional<Job> job(const QString &jobId) const;
    QString clusterDir() const;

    // The job's DAG in the CLI's JSON shape: live from the scheduler preload while the cluster runs
    // (and stored on each read), from the store once the job or its cluster has ended. On failure
    // done() gets an empty document and a reason; notFound is set when there is no such job.
    using DagCallback = std::function<void(const QByteArray &json, const QString &error, bool notFound)>;
    // fromEngine: ask the scheduler even for a finished job that has a stored DAG (the final read when a job
    // ends: a copy stored while it ran is out of date).
    void fetchDag(const QString &jobId, DagCallback done, bool fromEngine = false);

Q_SIGNALS:
    void changed();

private:
    void setState(ClusterState state, const QString &reason);
    void recordEvent(ClusterEvent event);
    // Managed scaling: reads the scheduler's load and lets the decider act on it.
    void evaluateScaling();
    // Game days: each live spot worker is interrupted at the cluster's configured rate per hour.
    void interruptSpotAtRandom();
    QString headExitReason() const;
    void onLoad(const engine::EngineLoad &load);
    // Adds or retires workers to reach `workers`; retire prefers the names given (idle workers).
    void resize(int workers, const QStringList &retireFirst);
    void fail(const QString &reason); // TERMINATED_WITH_ERRORS, stopping every process
    void spawnHead();
    bool spawnWorker(StoredExecutor *executor);
    void spawnWaitingWorkers(); // workers that waited for the head's endpoints (workersStartWithHead false)
    StoredExecutor newExecutor();
    void poll();
    void onExecutors(const QList<engine::ExecutorReport> &reports);
    // Takes where the head listens from the driver; false until it knows.
    bool readEndpoints();
    void onScrapeFailed(const QString &why);
    void updateLiveness();
    void retire(const QStringList &names);
    void finishTermination();
    void checkIdle();
    void saveExecutor(const StoredExecutor &e);
    void saveCluster();
    int activeJobCount() const { return m_jobs->activeCount(); }
    int liveWorkerCount() const; // not retiring, not gone
    void schedulePoll();
    StoredExecutor *findExecutor(const QString &id);
    void stopProcess(const StoredExecutor &e, engine::ProcessSignal signal);
    engine::ProcessHandle headHandle() const { return {m_record.schedulerPid}; }
    static engine::ProcessHandle handleOf(const StoredExecutor &e) { return {e.executor.pid}; }
    // Keeps an active cluster at its requested count: starts replacements for lost workers (see
    // WorkerReplacement for the backoff and the cap), each with a worker_replaced event naming the loss.
    void replaceLostWorkers();
    void noteLoss(const StoredExecutor &e, bool external, bool bootstrapFailed);

    StoredCluster m_record;
    InstanceType m_type;
    const RuntimeConfig &m_config;
    RuntimeStore &m_store;
    engine::Host &m_host;
    std::unique_ptr<engine::EngineDriver> m_driver; // null when this runtime has none for the spec's engine
    QList<StoredExecutor> m_executors;
    std::unique_ptr<JobRunner> m_jobs; // after m_driver: it holds the driver
    std::unique_ptr<FaultInjector> m_faults;
    BootstrapPlans m_bootstrap;
    QTimer m_pollTimer;
    bool m_pollInFlight = false;
    bool m_pollAgain = false; // the driver had news while a poll was in flight
    int m_failedScrapes = 0;
    QElapsedTimer m_sinceLaunch;
    QElapsedTimer m_idleFor; // restarted whenever the cluster becomes WAITING
    QElapsedTimer m_terminatingFor;
    bool m_killSent = false;
    ScalingDecider m_decider;
    bool m_loadInFlight = false;
    WorkerReplacement m_replacement;
    QString m_capacityNote; // why the cluster is below its requested count ("" when it is not, or says nothing)
    bool m_capRecorded = false; // the cap's event is recorded once per episode
};

} // namespace cdeck
