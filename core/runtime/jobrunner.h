// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterstate.h"
#include "core/model/job.h"
#include "core/runtime/engine/enginedriver.h"
#include "core/store/runtimestore.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace cdeck {

struct RuntimeConfig;

// One cluster's jobs from submit to their end: each job's process (started through the Host from its
// driver's command and planJob()), its state, exit code and log tail, cancel, its DAG, and what becomes of
// running jobs when the runtime stops or restarts. It does not know the cluster's controller: it is told the
// cluster's state (setClusterState) and reports through signals; the controller moves the cluster between
// WAITING and RUNNING on them.
// Thread contract: the runtime's main thread; every method returns at once.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    struct Context
    {
        QString clusterId;
        QString clusterDir;
        const RuntimeConfig *config = nullptr; // cancel grace (outlives the runner)
        RuntimeStore *store = nullptr;
        engine::Host *host = nullptr;
        engine::EngineDriver *driver = nullptr; // null when the runtime has no driver for the cluster's engine
    };
    explicit JobRunner(Context context, QObject *parent = nullptr);
    ~JobRunner() override;

    // The cluster's state as the controller last set it: a job that ends while its cluster ends is judged
    // so, and the DAG is read from the engine only while the engine is up.
    void setClusterState(ClusterState state) { m_clusterState = state; }

    // Starts the job now (the controller checked that the cluster takes jobs); *job is its first record.
    void submit(const JobRequest &request, const QString &scriptPath, Job *job);
    QString cancel(const QString &jobId, Job *job); // "" on success
    // Graceful runtime shutdown: every running job is killed and recorded INTERRUPTED.
    void interruptAll(const QString &reason);
    // After a runtime restart: the stored jobs; those that were running are killed and INTERRUPTED.
    void restore(QList<StoredJob> jobs);
    // The cluster terminates: SIGTERM to every unfinished job's process group.
    void terminateAll();
    // Process groups of jobs that have not finished (fail) or whose process still runs (termination).
    QList<engine::ProcessHandle> unfinishedGroups() const;
    QList<engine::ProcessHandle> runningGroups() const;

    QList<Job> jobs() const;
    std::optional<Job> job(const QString &jobId) const;
    int activeCount() const;

    using DagCallback = std::function<void(const QByteArray &json, const QString &error, bool notFound)>;
    void fetchDag(const QString &jobId, DagCallback done, bool fromEngine = false);

Q_SIGNALS:
    void jobRunning(const QString &jobId); // its process started
    void jobEnded(const QString &jobId); // finished, its record stored
    void changed();

private:
    struct JobSlot
    {
        StoredJob stored;
        QPointer<engine::JobProcess> process;
        bool cancelRequested = false;
    };

    void start(JobSlot &slot);
    void onFinished(const QString &jobId, int exitCode, bool crashed);
    void refreshLogTail(JobSlot &slot) const;
    Job withLiveLogTail(const JobSlot &slot) const;

    Context m_context;
    QList<JobSlot> m_jobs;
    ClusterState m_clusterState = ClusterState::Starting;
};

} // namespace cdeck
