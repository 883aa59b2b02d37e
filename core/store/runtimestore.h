// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/cost/costreport.h"
#include "core/cost/ledger.h"
#include "core/model/clusterevent.h"
#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/model/job.h"
#include "core/triage/incident.h"
#include "core/triage/slo.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace cdeck {

// What the runtime must remember about a cluster to re-attach to its processes after a restart.
struct StoredCluster
{
    ClusterInfo info; // with its full state history
    qint64 schedulerPid = 0; // its process group id too
    int schedulerPort = 0;
    int dashboardPort = 0;
    int nextWorkerIndex = 1; // executor names are never reused within a cluster
};

struct StoredExecutor
{
    Executor executor;
    int dashboardPort = 0; // the worker's metrics port
    bool retireRequested = false; // a planned retire (scale-down), not a failure
    // Byte totals of earlier incarnations (a nanny restart starts the engine's counters again at 0).
    qint64 bytesInBase = 0;
    qint64 bytesOutBase = 0;
};

struct StoredJob
{
    Job job;
    qint64 pid = 0; // its process group id
    QString logPath;
};

// One guarded action, as the audit log keeps it: who, what, when, and the state before and after.
struct AuditEntry
{
    qint64 seq = 0; // assigned by the store
    QDateTime at;
    QString actor; // who asked, as the runtime authenticated it (a user's name; "admin": the token file)
    QString action; // "scale", "cancel-job", "terminate"
    QString clusterId;
    QString target; // the job id for cancel-job, else ""
    QString incidentId; // the incident it answered, if any
    QString before; // e.g. "2 workers"
    QString after; // e.g. "4 workers"
    QString outcome; // "accepted" or why it was refused
};

// The runtime's store of record: one SQLite file (WAL) under the data dir, schema migrations by
// PRAGMA user_version. Thread contract: use from the thread that opened it (QSqlDatabase's rule).
class RuntimeStore
{
public:
    RuntimeStore();
    ~RuntimeStore();
    RuntimeStore(const RuntimeStore &) = delete;
    RuntimeStore &operator=(const RuntimeStore &) = delete;

    bool open(const QString &path, QString *error);
    int schemaVersion() const;
    static int latestSchemaVersion();

    // Each write is one transaction; false (and logged) on failure, never a crash.
    bool saveCluster(const StoredCluster &cluster);
    bool appendStateChange(const QString &clusterId, const StateChange &change);
    bool saveExecutor(const QString &clusterId, const StoredExecutor &executor);
    bool saveJob(const StoredJob &job);
    bool saveJobDag(const QString &jobId, const QByteArray &dagJson); // the CLI's DAG JSON shape
    QByteArray loadJobDag(const QString &jobId) const; // empty when none was stored

    // The cost ledger's facts: one row per instance lifetime (upserted as it ends), and budgets per tag.
    bool saveCostLifetime(const cost::InstanceLifetime &lifetime);
    QList<cost::InstanceLifetime> loadCostLifetimes() const;
    bool saveBudget(const cost::Budget &budget);
    bool deleteBudget(const QString &tagKey, const QString &tagValue, bool *existed);
    QList<cost::Budget> loadBudgets() const;
    // SLO definitions (their status is computed from the jobs, never stored).
    bool saveSlo(const triage::SloDefinition &slo);
    bool deleteSlo(const QString &id, bool *existed);
    QList<triage::SloDefinition> loadSlos() const; // oldest first
    // Sets event->seq. Events are append-only: a decision, once recorded, is history.
    bool appendEvent(ClusterEvent *event);
    // Oldest first, those after afterSeq (0: from the start), at most limit.
    QList<ClusterEvent> loadEvents(const QString &clusterId, qint64 afterSeq = 0, int limit = 10000) const;

    QList<StoredCluster> loadClusters() const;
    QList<StoredExecutor> loadExecutors(const QString &clusterId) const;
    QList<StoredJob> loadJobs(const QString &clusterId) const;
    bool saveIncident(const triage::Incident &incident); // insert or update by id
    triage::IncidentList loadIncidents(const QString &clusterId) const; // oldest first
    bool appendAudit(const AuditEntry &entry);
    QList<AuditEntry> loadAudit(const QString &clusterId) const; // oldest first

    QString lastError() const { return m_lastError; }

private:
    bool migrate(QString *error);
    bool exec(const QString &sql);

    QString m_connectionName;
    QString m_lastError;
};

} // namespace cdeck
