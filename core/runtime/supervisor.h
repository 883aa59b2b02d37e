// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/model/instancecatalog.h"
#include "core/model/job.h"
#include "core/runtime/engine/localhost.h"
#include "core/runtime/runtimeconfig.h"
#include "core/store/runtimestore.h"
#include "core/triage/timeline.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace cdeck {

class ClusterController;
class CostBook;
class MetricSampler;
class IncidentMonitor;
class SloMonitor;

// The result of a control-plane request, independent of HTTP (the API maps kinds to status codes).
struct Outcome
{
    enum Kind { Ok, Accepted, Created, BadRequest, NotFound, Conflict, Internal };
    Kind kind = Ok;
    QString error; // short: "invalid cluster spec", "termination protection"
    QString detail; // says what to do or which field is wrong
    QJsonObject fields; // field -> message, for a bad spec

    static Outcome ok(Kind k = Ok) { return {k, {}, {}, {}}; }
    static Outcome fail(Kind k, const QString &error, const QString &detail = {}) { return {k, error, detail, {}}; }
    bool succeeded() const { return kind == Ok || kind == Accepted || kind == Created; }
};

// The control plane behind clusterdeck-runtime: every cluster's controller, the store, the catalog.
// Thread contract: the runtime's main thread only.
class Supervisor : public QObject
{
    Q_OBJECT
public:
    explicit Supervisor(RuntimeConfig config, QObject *parent = nullptr);
    ~Supervisor() override;

    // Opens the store, loads the catalog, re-attaches to the clusters that still run.
    bool start(QString *error);
    // Interrupts running jobs; clusters keep running for the next runtime to adopt.
    void shutdown();

    ClusterList clusters() const;
    ClusterController *cluster(const QString &id) const;
    const InstanceCatalog &catalog() const { return m_catalog; }
    QJsonArray samples() const;
    // Each engine this runtime knows, whether it can launch it now and, if not, what to install:
    // [{"engine": "dask", "available": true, "reason": ""}, {"engine": "spark", "available": false, "reason": "..."}].
    QJsonArray engines() const;
    const RuntimeConfig &config() const { return m_config; }
    MetricSampler *sampler() const { return m_sampler; } // null until start() succeeded
    IncidentMonitor *incidents() const { return m_incidents; } // null until start() succeeded
    SloMonitor *slos() const { return m_slos; } // null until start() succeeded
    // A runbook from resources/runbooks/<id>.md: {"id", "title", "markdown"}; nullopt when there is none.
    std::optional<QJsonObject> runbook(const QString &id) const;
    QJsonArray runbooks() const;
    CostBook &costBook() const { return *m_costBook; }

    Outcome launch(const QJsonObject &body, ClusterInfo *created);
    Outcome scale(const QString &id, const QJsonObject &body, ClusterInfo *result);
    Outcome setProtection(const QString &id, const QJsonObject &body, ClusterInfo *result);
    // body: a scaling policy ({"mode":"managed","minWorkers":1,"maxWorkers":3,...} or {"mode":"manual"}).
    Outcome setScalingPolicy(const QString &id, const QJsonObject &body, ClusterInfo *result);
    Outcome terminate(const QString &id, ClusterInfo *result);
    Outcome submitJob(const QString &id, const QJsonObject &body, Job *job);
    Outcome cancelJob(const QString &id, const QString &jobId, Job *job);
    // Fault injection: {"action": "kill-worker"|"stall-worker", "executor": "w2" (optional), "seconds": S
    // (stall only, default 10)}; *result says what was hit.
    Outcome chaos(const QString &id, const QJsonObject &body, QJsonObject *result);
    // A guarded action, as the console's incident page asks for it once the user confirmed: {"action":
    // "scale" | "cancel-job" | "terminate", "workers" (scale), "jobId" (cancel-job), "incidentId" (the audit's actor is
    // the caller's credential, not a field) (optional)}. Whatever the outcome, it is written to the audit log with the
    // state before and after; *result is {"audit": entry, "cluster" or "job": the result}.
    //
    // "resubmit-larger" (with "jobId"): the job again (same sample or script, same arguments) on a new cluster
    // cloned from this one's spec with the next larger instance type (InstanceCatalog::nextLarger), as an EMR
    // user clones a cluster with bigger instances and adds the step again: an instance group's type cannot
    // change in place. The job is submitted once the new cluster is WAITING, and that is audited too. With
    // "dryRun": true nothing happens and nothing is audited: *result is {"plan": ...} (types, memory, workers,
    // $/h before and after) for the confirmation.
    // actor: who asked, as the API authenticated the caller (the user its token belongs to).
    Outcome guardedAction(const QString &id, const QJsonObject &body, const QString &actor, QJsonObject *result);
    QJsonArray auditLog(const QString &id) const;
    // One time axis across layers: the cluster's events, executors, jobs and the stages of their stored DAGs,
    // incidents and audited actions, oldest first, within [from, to] when given.
    Outcome timeline(const QString &id, const std::optional<QDateTime> &from, const std::optional<QDateTime> &to,
                     triage::Timeline *result) const;

Q_SIGNALS:
    void clusterChanged(const QString &id);

private:
    // A job to run again on a cluster still starting (resubmit-larger), by that cluster's id.
    struct Resubmission
    {
        QString sourceClusterId;
        QString sourceJobId;
        JobRequest request;
        QString actor;
        QString incidentId;
    };
    Outcome planResubmitLarger(const QString &id, const QString &jobId, QJsonObject *plan, QJsonObject *launchBody,
                               JobRequest *request) const;
    void followResubmission(const QString &clusterId);

    ClusterController *addController(StoredCluster record);
    QString newClusterId() const;

    RuntimeConfig m_config;
    RuntimeStore m_store;
    InstanceCatalog m_catalog;
    QNetworkAccessManager m_network;
    engine::LocalHost m_host{
        m_config.dataDir.isEmpty() ? QString() : m_config.dataDir + QStringLiteral("/processes.tsv"),
        m_config.engineUidFirst, m_config.engineUidLast}; // where the clusters' processes run: this machine
    QMap<QString, ClusterController *> m_clusters; // insertion order kept in m_order
    QStringList m_order;
    MetricSampler *m_sampler = nullptr; // a child: stops its storage thread before the controllers go
    IncidentMonitor *m_incidents = nullptr; // a child
    SloMonitor *m_slos = nullptr; // a child
    std::unique_ptr<CostBook> m_costBook;
    QHash<QString, Resubmission> m_resubmissions; // in memory: a runtime restart forgets what was not submitted yet
};

} // namespace cdeck
