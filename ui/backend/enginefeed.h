// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "runtimefeed.h"

#include "core/backend/yarn/yarnmodel.h"

#include <QHash>
#include <QMap>

#include <atomic>
#include <memory>
#include <optional>

namespace cdeck {

namespace spark {
class SparkRestClient;
}
namespace yarn {
class YarnClient;
}
namespace spark {
struct SparkApplication;
}

// The feed of an engine ClusterDeck watches but does not run (Spark, YARN): same signals, thread contract,
// poll period, backoff while unreachable and request timeout as RuntimeFeed, so the console's pages work
// unchanged. What the engine cannot do (launch, scale, terminate, submit) is answered with a refusal that
// says why; the window disables those controls beforehand (Connection::managesClusters()).
class EngineFeed : public RuntimeFeed
{
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 5000; // as RuntimeFeed's client

    void start() override;
    void stop() override;
    void setFocus(const QString &clusterId, bool executors, bool jobs) override;
    void fetchCatalog() override; // no instance types, no samples: answered empty at once
    void pollNow() override;
    void launch(const cdeck::ClusterSpec &spec) override;
    void scale(const QString &clusterId, int workers) override;
    void setProtection(const QString &clusterId, bool on) override;
    void terminate(const QString &clusterId) override;
    void submitJob(const QString &clusterId, const cdeck::JobRequest &request) override;
    // The DAG view's task graphs come from the runtime's scheduler preload: these engines have none to serve.
    void setDagFocus(const QString &clusterId, const QStringList &jobIds) override;

protected:
    EngineFeed(const QUrl &baseUrl, const QString &engineName, QObject *parent);

    virtual void createClient() = 0;
    virtual void destroyClient() = 0;
    // One period: the cluster list always; the focused cluster's detail and shown pages while connected.
    virtual void poll() = 0;

    // What a request feeds: the sidebar, or one page of the focused cluster.
    enum class Page { List, Executors, Jobs };

    // Every answer passes here: no answer at all makes the connection unreachable (slower polling); an answer
    // that cannot be used is a problem of that request ("applications", "executors", ...), shown in the banner
    // until the same request succeeds or its page is no longer on screen (clusterId: whose page it was).
    void noteAnswer(const QString &request, Page page, bool unreachable, const QString &error,
                    const QString &clusterId = {});
    void refuse(const QString &action, const QString &clusterId, const QString &why);

    QUrl m_url;
    QString m_engineName;
    QString m_focus;
    bool m_wantExecutors = false;
    bool m_wantJobs = false;
    quint64 m_generation = 0; // stop() drops the answers still in flight
    ConnectionState m_state = ConnectionState::Connecting;
    QString m_stateMessage;

private:
    QTimer *m_timer = nullptr;
    struct Problem
    {
        Page page;
        QString message;
    };
    void dropProblems(bool executors, bool jobs);
    void emitProblems();

    QMap<QString, Problem> m_problems; // by request
};

// A Spark UI (4040) or History Server (18080): one cluster per application, its executors and jobs.
class SparkFeed : public EngineFeed
{
    Q_OBJECT
public:
    explicit SparkFeed(const QUrl &baseUrl, QObject *parent = nullptr);
    ~SparkFeed() override;

    void cancelJob(const QString &clusterId, const QString &jobId) override;
    // The Shuffle I/O page: cumulative shuffle read/write per executor from each executors answer, and
    // per-second rates from the change between two successive answers (poll deltas, not Spark's own rates).
    void followMetrics(const cdeck::MetricsWindowRequest &request) override;
    void setStageFocus(const QString &clusterId, int stageId, int attemptId) override;
    // Spark's REST API has no parent stages: the DAG view says the stage DAG needs the event log.
    void setDagFocus(const QString &clusterId, const QStringList &jobIds) override;

protected:
    void createClient() override;
    void destroyClient() override;
    void poll() override;

private:
    QString appPath(const QString &appId) const; // "<id>" or "<id>/<attempt>"
    void emitDetail(const QString &appId);
    void emitStages(const QString &appId);
    void pollTaskSummary(quint64 gen);
    void sampleShuffle(const QString &appId, const QList<spark::SparkExecutorInfo> &executors);
    // The detectors on the focused application's last answers (core/backend/enginetriage), for the Incidents tab.
    void emitIncidents(const QString &appId);

    spark::SparkRestClient *m_client = nullptr;
    QHash<QString, ClusterInfo> m_apps; // by application id, from the last list
    QHash<QString, QString> m_attempts; // application id -> newest attempt id ("" for a live Spark UI)
    QHash<QString, int> m_activeExecutors; // application id -> active executors in the last answer
    bool m_listInFlight = false;
    bool m_executorsInFlight = false;
    bool m_jobsInFlight = false;
    bool m_stagesInFlight = false;
    bool m_summaryInFlight = false;

    // The focused application's last jobs and stages answers: stages get their job ids from the jobs.
    QString m_stagesApp;
    QList<spark::SparkJobInfo> m_lastJobs;
    QList<spark::SparkStageInfo> m_lastStages;
    bool m_haveStages = false;
    QString m_executorsApp;
    QList<spark::SparkExecutorInfo> m_lastExecutors;

    struct StageFocus
    {
        QString appId;
        int stageId = -1;
        int attemptId = 0;
        bool fetched = false; // a finished stage's summary does not change: fetched once
    };
    StageFocus m_stageFocus;

    MetricsWindowRequest m_metrics; // the followed cluster and the ticket of its window
    struct ShuffleTotals
    {
        qint64 read = 0;
        qint64 write = 0;
    };
    QHash<QString, ShuffleTotals> m_lastTotals; // by executor id ("" the application's sum), at m_lastTotalsMs
    qint64 m_lastTotalsMs = 0;
};

// A YARN ResourceManager: the RM is one cluster, its NodeManagers the executors, its applications the jobs;
// cancelling a job kills the application (PUT its state), as the user given in the dialog (simple auth).
class YarnFeed : public EngineFeed
{
    Q_OBJECT
public:
    YarnFeed(const QUrl &baseUrl, const QString &displayName, const QString &userName, QObject *parent = nullptr);
    ~YarnFeed() override;

    void cancelJob(const QString &clusterId, const QString &jobId) override;

    static constexpr int kMaxApps = 1000; // a busy RM keeps 10,000 finished applications

protected:
    void createClient() override;
    void destroyClient() override;
    void poll() override;

private:
    QString m_displayName;
    QString m_userName;
    yarn::YarnClient *m_client = nullptr;
    QString m_clusterId; // the RM's cluster id, from the last info answer
    bool m_listInFlight = false;
    bool m_executorsInFlight = false;
    bool m_jobsInFlight = false;
    // The last nodes and applications answers, for the detectors (core/backend/enginetriage).
    QList<yarn::YarnNode> m_lastNodes;
    QList<yarn::YarnApp> m_lastApps;
    void emitIncidents(const QString &clusterId);
};

// A Spark event log opened from disk, for triage with no server: read once by EventLogReader on a worker thread
// (QtConcurrent; the feed's thread stays free to answer), then served like a Spark connection: the application as
// a cluster, its executors (added and removed over its life), jobs, stages with their parent stages, and each
// job's stage DAG. An unfinished (.inprogress) or cut-off log opens with what it has, and the banner says so.
class EventLogFeed : public EngineFeed
{
    Q_OBJECT
public:
    explicit EventLogFeed(const QString &path, QObject *parent = nullptr);
    ~EventLogFeed() override;

    void cancelJob(const QString &clusterId, const QString &jobId) override;
    void followMetrics(const cdeck::MetricsWindowRequest &request) override;
    void setStageFocus(const QString &clusterId, int stageId, int attemptId) override;
    void setDagFocus(const QString &clusterId, const QStringList &jobIds) override;

protected:
    void createClient() override; // starts the read
    void destroyClient() override;
    void poll() override; // emits what the pages on screen need, once per change of focus

private:
    void onRead(const std::optional<spark::SparkApplication> &app, const QString &error, qint64 elapsedMs);

    QString m_path;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QObject *m_watcher = nullptr; // the QFutureWatcher of the read in progress
    bool m_loaded = false;
    QString m_appId;
    ClusterInfo m_cluster;
    ExecutorList m_executors;
    JobList m_jobs;
    QList<spark::SparkJobInfo> m_jobInfos;
    QList<spark::SparkStageInfo> m_stages;
    QHash<QPair<int, int>, QString> m_meanTask; // (stage, attempt) -> "mean task run time" line
    QString m_shownFor; // focus and pages the last emission was for: nothing changes in a read log
};

} // namespace cdeck
