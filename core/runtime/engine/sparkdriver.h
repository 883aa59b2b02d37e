// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/runtime/engine/enginedriver.h"
#include "core/runtime/engine/lognews.h"
#include "core/runtime/engine/sparkinstall.h"
#include "core/runtime/engine/sparkreports.h"

#include <QHash>
#include <QPointer>

class QNetworkReply;

namespace cdeck::engine {

struct RetireWait; // a scale-in waiting for its Workers to drain

// A Spark standalone cluster: a Master and one Worker per ClusterDeck executor (as an EMR node is one
// machine running a NodeManager), started through spark-class from the pyspark install
// (scripts/install-deps.sh). Loopback only; every port bound at 0 and read back from the daemon's log.
// A job is one application: spark-submit in client mode, its driver the job's process.
//
// Facts: the master's /json lists the Workers; each running application's driver REST API gives its
// executors (memory, shuffle totals, failed tasks), summed per Worker and kept after the application ends;
// the stage DAG (with parents, which the REST API lacks) comes from the application's event log.
//
// Isolation: when the runtime is root, the Master, the Workers, their executors and the jobs run as the
// cluster's own user (Host::engineUser), and what they write (event logs, executors' work dirs) lives in the
// cluster's folder, which belongs to that user. spark.authenticate is on with the cluster's own secret
// (propertiesFile()): a driver without it is refused by the Master.
class SparkDriver final : public EngineDriver
{
    Q_OBJECT
public:
    explicit SparkDriver(DriverContext context, QObject *parent = nullptr);
    ~SparkDriver() override;

    EngineKind kind() const override { return EngineKind::Spark; }
    QString headName() const override { return QStringLiteral("master"); }
    QString prepare() override;
    ProcessSpec headProcess() override;
    bool workersStartWithHead() const override { return false; }
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
    QString jobUiUrl(const QString &jobId) const override;
    void readDag(const QString &jobId, DagCallback done) override;

    // The folder the applications' event logs go to (one per cluster).
    QString eventLogDir() const { return m_scratchDir + QStringLiteral("/events"); }
    // spark.authenticate and the cluster's secret (0600, the cluster user's): the Master's, the Workers' and
    // every spark-submit's --properties-file.
    QString propertiesFile() const { return m_scratchDir + QStringLiteral("/cluster.properties"); }
    // The master's web UI ("" until discovered): the overview links it.
    QString masterUiUrl() const { return m_endpoints ? m_endpoints->uiUrl : QString(); }

private:
    struct WorkerSlot
    {
        QString logPath;
        int port = 0; // its RPC port, once its log says it (the key into the master's /json)
        QString address; // 127.0.0.1:<port>
        spark::WorkerTotals totals;
    };
    struct JobSlot
    {
        QString logPath;
        QString appId; // once the driver's log names it
        int uiPort = 0; // the driver's REST API, once its log says it
        bool gone = false; // its driver stopped answering: its totals stay as they were
    };
    struct Snapshot; // one master /json plus the running drivers' executors

    void learnWorkerPorts();
    void learnJob(JobSlot &job) const;
    void saveWorkerMap();
    void loadWorkerMap();
    QNetworkReply *get(const QString &url, int timeoutMs);
    // Reads the master's /json and every running driver's executors, then calls done.
    void snapshot(std::function<void(std::shared_ptr<Snapshot>, const QString &error)> done);
    QStringList daemonEnvironment(const QString &extraOpts) const;
    ProcessSpec asEngineUser(ProcessSpec spec) const;
    void checkRetired(std::shared_ptr<RetireWait> wait);
    // The daemons' logs, as they are written: changed() when the master listens or a Worker joins or leaves.
    void followEngine();

    spark::SparkInstall m_install;
    std::optional<Endpoints> m_endpoints;
    QString m_scratchDir; // event logs, Workers' scratch and executors' work dirs: <cluster>/spark
    QHash<QString, WorkerSlot> m_workers; // by ClusterDeck executor id
    mutable QHash<QString, JobSlot> m_jobs; // by ClusterDeck job id: jobCommand() is where a job becomes known
    LogNewsReader m_news{sparkLogNews};
    bool m_following = false;
};

} // namespace cdeck::engine
