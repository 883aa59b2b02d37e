// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/runtime/engine/enginedriver.h"
#include "core/runtime/engine/lognews.h"

class QNetworkReply;

namespace cdeck::engine {

// Dask distributed: a `dask scheduler` and one `dask worker` (a nanny and its worker process) per executor,
// with the runtime's preloads (resources/engine/*_preload.py) adding the routes read here:
// /json/identity.json (workers), /clusterdeck/v1/load (scaling), /clusterdeck/v1/retire, /clusterdeck/v1/dag.
// Each cluster has its own user (Host::engineUser) and its own TLS certificate (clustertls.h): the scheduler
// listens on tls:// and takes only peers that present it, and the jobs get it through Dask's environment
// variables, so a plain Client(address) works in a job of this cluster and nowhere else. Its retire route
// takes only the cluster's key (tls/http.key), which the runtime sends.
class DaskDriver final : public EngineDriver
{
    Q_OBJECT
public:
    explicit DaskDriver(DriverContext context, QObject *parent = nullptr);

    EngineKind kind() const override { return EngineKind::Dask; }
    QString headName() const override;
    QString prepare() override;
    ProcessSpec headProcess() override;
    bool workersStartWithHead() const override { return true; }
    ProcessSpec workerProcess(const WorkerLaunch &worker) override;
    std::optional<Endpoints> discoverEndpoints() override;
    void restoreEndpoints(const Endpoints &endpoints) override;
    std::optional<Endpoints> endpoints() const override { return m_endpoints; }
    void readExecutors(ExecutorsCallback done) override;
    QString restartingReason() const override;
    void readLoad(LoadCallback done) override;
    void retire(const QList<RetiringWorker> &workers, RetireCallback done) override;
    JobCommand jobCommand(const JobLaunch &job) const override;
    void cancelJob(const QString &jobId) override;
    void readDag(const QString &jobId, DagCallback done) override;

    // What Dask needs installed ("" when it is): checked before a launch.
    static QString missing(const RuntimeConfig &config);

private:
    QString schedulerFile() const;
    QString tlsFile(const char *name) const;
    // Dask's TLS settings for this cluster, as DASK_* variables (scheduler, workers and jobs).
    QStringList tlsEnvironment() const;
    QStringList environment() const;
    QNetworkReply *get(const QString &path, int timeoutMs) const;
    // The scheduler's log and file, as they are written: changed() when a worker joins or leaves.
    void followEngine();

    std::optional<Endpoints> m_endpoints;
    QByteArray m_httpKey; // the cluster's key for its scheduler's keyed route (X-ClusterDeck-Key)
    LogNewsReader m_news{daskLogNews};
    bool m_following = false;
};

} // namespace cdeck::engine
