// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/connectionkind.h"
#include "core/backend/runtime/metricswire.h"
#include "core/backend/spark/sparkrestclient.h"
#include "core/dag/dag.h"
#include "core/model/clusterevent.h"
#include "core/model/clusterinfo.h"
#include "core/model/enginekind.h"
#include "core/model/executor.h"
#include "core/model/instancecatalog.h"
#include "core/model/job.h"
#include "core/triage/incident.h"
#include "core/triage/slo.h"
#include "core/triage/timeline.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>

#include <optional>

namespace cdeck {

// What a connection's executors are: their columns differ.
enum class ExecutorKind { DaskWorkers, SparkExecutors, YarnNodes };

// What a feed can do, and why not where it cannot: the console enables its controls and words its pages from
// this, never from the kind. Set when the feed is made and constant afterwards (so the GUI thread may read it
// while the feed runs on its network thread).
struct FeedCapabilities
{
    ConnectionKind kind = ConnectionKind::Runtime;
    QString engineName; // "ClusterDeck runtime", "Spark", "YARN ResourceManager", "Spark event log"
    QString serverName; // who answers, for the banner: "The runtime", "The Spark server"

    bool managesClusters = false; // launch, scale, terminate, termination protection
    QString whyNotManaged; // shown on the disabled Scale and Terminate buttons
    QString whyNoLaunch; // shown on the disabled Launch button

    bool submitsJobs = false;
    QString whyNoSubmit; // the Jobs page's note in place of its submit form
    bool cancelsJobs = false;
    QString whyNoCancel;

    bool sparkStages = false; // stagesReady/taskSummaryReady (the Jobs page's stage table)
    bool memoryCharts = false; // the Memory tab's time series
    bool shuffleCharts = false; // the Shuffle I/O tab's time series (polled from totals on Spark)
    bool sparkShuffleWording = false; // the Shuffle I/O tab speaks of Spark's read/write, not Dask's in/out
    QString whyNoCharts; // the tooltip of a disabled chart tab
    ExecutorKind executors = ExecutorKind::DaskWorkers;
    bool clusterEvents = false; // eventsReady: a ClusterDeck runtime's event list (the overview waits for it)
    bool problemsAreFinal = false; // answerProblem is what a one-time read lacked, not a failing server
    bool editsBudgetsAndSlos = false; // saveBudget/deleteBudget/saveSlo/deleteSlo (a runtime keeps them)

    // The header's description of a cluster of this connection ("%1" is its id): empty for a runtime's, whose
    // header says state, workers and instance type instead.
    QString clusterDescription;
};

struct SampleInfo
{
    QString name;
    QString description;
    QString path;
    EngineKind engine = EngineKind::Dask; // the engine it runs on: each engine has its own under the same names
};

// Whether a runtime can launch an engine now and, when not, why (what to install): GET /engines.
struct EngineAvailability
{
    EngineKind engine = EngineKind::Dask;
    bool available = false;
    QString reason;
};

// The outcome of one user action (launch, scale, ...), as the GUI shows it.
struct ActionResult
{
    QString action; // "launch", "scale", "protection", "terminate", "submit", "cancel"
    QString clusterId;
    bool ok = false;
    bool unreachable = false;
    int httpStatus = 0;
    QString message; // one line, for a message box or the status bar
    QMap<QString, QString> fields; // per-field messages for a refused spec
    QJsonValue body; // the answer on success (the cluster or the job)
};

enum class ConnectionState { Connecting, Connected, Unreachable, Unauthorized };

// The live metrics link of the followed cluster, as the charts say it.
enum class MetricsLink {
    Idle, // nothing followed
    Loading, // history asked for, stream opening
    Live, // the stream runs
    Reconnecting, // the stream broke; retried every kStreamRetryMs, history since the last sample refetched
    Ended, // the cluster ended: history only
    History, // a fixed past window: no stream
    Unavailable, // the connection has no metrics API (YARN)
    Polled // no stream: the feed derives samples from successive polls of cumulative totals (Spark); message says how
};

// What the console asks for: a window of the cluster's metrics at one bucket width, live or fixed.
struct MetricsWindowRequest
{
    QString clusterId;
    quint64 ticket = 0; // chosen by the GUI: answers for an older request are recognisable
    qint64 fromMs = 0;
    qint64 toMs = 0; // 0: live (history up to now, then the stream)
    qint64 stepMs = 1000;
    QStringList series;
};

// One source of clusters for the console: a clusterdeck-runtime, a Spark server, a YARN ResourceManager or a
// Spark event log (the implementations beside this file). The console wires every feed alike, through these
// requests and signals, and words its pages from capabilities().
//
// Thread contract: constructed on the GUI thread, then moved to a network thread; start() creates the clients
// there, so every request, timer and callback runs on that thread. The GUI calls the requests only through
// QMetaObject::invokeMethod(feed, lambda) (queued) and listens to the signals (queued).
class ClusterFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPollMs = 1000;
    static constexpr int kUnreachablePollMs = 2000; // while the server does not answer
    static constexpr int kStreamRetryMs = 2000; // a broken live metrics stream is opened again after this

    ~ClusterFeed() override;

    const FeedCapabilities &capabilities() const { return m_capabilities; }

    virtual void start() = 0;
    virtual void stop() = 0; // aborts what is in flight; nothing is emitted afterwards
    // Which cluster the GUI shows, and whether its executors/jobs pages are visible: only those are polled.
    virtual void setFocus(const QString &clusterId, bool executors, bool jobs) = 0;
    virtual void fetchCatalog() = 0; // instance types and samples (answered empty where there are none)
    virtual void pollNow() = 0;

    // Actions. A feed that cannot do one (capabilities) answers it with a refusal that says why.
    virtual void launch(const cdeck::ClusterSpec &spec) = 0;
    virtual void scale(const QString &clusterId, int workers) = 0;
    // thenWorkers: scale to it once the policy is accepted (not sent if it was refused).
    virtual void setScalingPolicy(const QString &clusterId, const cdeck::ScalingPolicy &policy,
                                  std::optional<int> thenWorkers = {}) = 0;
    virtual void setProtection(const QString &clusterId, bool on) = 0;
    virtual void terminate(const QString &clusterId) = 0;
    virtual void submitJob(const QString &clusterId, const cdeck::JobRequest &request) = 0;
    virtual void cancelJob(const QString &clusterId, const QString &jobId) = 0;

    // A window of the cluster's metrics: history, then (live) batches; a new request replaces the previous one;
    // an empty clusterId stops. Without a metrics source the link says Unavailable.
    virtual void followMetrics(const cdeck::MetricsWindowRequest &request);
    // The DAGs the DAG and timeline pages show, fetched every period until the GUI drops them. Empty: none.
    virtual void setDagFocus(const QString &clusterId, const QStringList &jobIds) = 0;
    // The Spark stage whose task summary (quantiles) the jobs page shows; stageId < 0: none. Engines without
    // stages ignore it.
    virtual void setStageFocus(const QString &clusterId, int stageId, int attemptId);
    // The cluster whose incidents are polled (every period, with the cluster page); "" stops.
    virtual void setIncidentsFocus(const QString &clusterId);
    // The SLOs and their status, polled while the SLOs page is shown (a runtime's; others have none).
    virtual void setSlosFocus(bool wanted);
    // Cost: meters always (the sidebar shows them); the cluster's report and the executive summary only while
    // their pages are shown. Only a runtime keeps a cost ledger.
    virtual void setCostFocus(bool clusterCost, bool summary, const QString &summaryQuery);
    virtual void fetchRunbook(const QString &runbookId);
    // An incident's evidence series: one answer, no stream.
    virtual void fetchEvidence(const QString &clusterId, const QString &incidentId, const cdeck::MetricsQuery &query);
    // A confirmed guarded action: performed and written to the audit log (a runtime's).
    virtual void runGuardedAction(const QString &clusterId, const QJsonObject &body);
    // The plan of a guarded action (dry run): nothing happens, nothing is audited.
    virtual void planGuardedAction(const QString &clusterId, const QString &incidentId, const QJsonObject &body);
    // Budgets and SLOs, answered by actionFinished: "budget" (body: the BudgetStatus), "budget-delete", "slo"
    // (body: the Slo), "slo-delete"; the runtime's refusal (400, 403, 404) is the message. replacing names the
    // budget's tag or the SLO's id an editor changed: removed only once the new one was accepted, so a refused
    // edit loses nothing. A feed without them (editsBudgetsAndSlos) refuses, saying why.
    virtual void saveBudget(const QJsonObject &budget, const QString &replacing);
    virtual void deleteBudget(const QString &tag);
    virtual void saveSlo(const QJsonObject &definition, const QString &replacing);
    virtual void deleteSlo(const QString &sloId);
    // The API-wide audit log (a runtime's GET /audit; query without its '?', already encoded), answered by
    // auditReady. Feeds without one answer with the reason.
    virtual void fetchAudit(const QString &query);
    // Sign-in: use this token from now on instead of the connection's token file (a runtime's; empty: the file
    // again). The next answers say whether it is accepted (identityReady) or refused (Unauthorized).
    virtual void useToken(const QByteArray &token);

Q_SIGNALS:
    void clustersReady(const cdeck::ClusterList &clusters);
    void clusterReady(const cdeck::ClusterInfo &cluster); // with its state history
    void executorsReady(const QString &clusterId, const cdeck::ExecutorList &executors);
    void jobsReady(const QString &clusterId, const cdeck::JobList &jobs);
    // The focused cluster's whole event list (oldest first), sent when it grows or the focus changes.
    void eventsReady(const QString &clusterId, const cdeck::ClusterEventList &events);
    void instanceTypesReady(const QList<cdeck::InstanceType> &types, const QString &defaultType);
    void samplesReady(const QList<cdeck::SampleInfo> &samples);
    // The engines a runtime can launch (fetchCatalog); feeds that launch nothing never send it.
    void enginesReady(const QList<cdeck::EngineAvailability> &engines);
    void connectionChanged(cdeck::ConnectionState state, const QString &message);
    void nothingListening(); // the first time the server's port does not answer
    void actionFinished(const cdeck::ActionResult &result);
    // For the request with this ticket: history first (possibly again, since the last sample, after a
    // reconnect), then live batches newer than it.
    void metricsHistoryReady(quint64 ticket, const QList<cdeck::MetricSeriesData> &series);
    void metricsBatchReady(quint64 ticket, const cdeck::MetricBatch &batch);
    void metricsLinkChanged(quint64 ticket, cdeck::MetricsLink link, const QString &message);
    // The server answers, but an answer could not be used (HTTP error, malformed or cut-off body); "" once the
    // answers are good again. The banner shows it; the last good data stays on screen.
    void answerProblem(const QString &message);
    void dagReady(const QString &clusterId, const QString &jobId, const cdeck::dag::Dag &graph);
    void dagFailed(const QString &clusterId, const QString &jobId, const QString &message);
    // Spark connections and event logs only: every stage attempt of the application (jobIds filled), and the
    // task summary of the focused stage (error set when it could not be had, and why).
    void stagesReady(const QString &clusterId, const QList<cdeck::spark::SparkStageInfo> &stages);
    void taskSummaryReady(const QString &clusterId, int stageId, int attemptId, const cdeck::spark::TaskSummary &summary,
                          const QString &error);
    void incidentsReady(const QString &clusterId, const cdeck::triage::IncidentList &incidents);
    void runbookReady(const QString &runbookId, const QString &title, const QString &markdown);
    void slosReady(const QList<cdeck::triage::SloStatus> &slos);
    void timelineReady(const QString &clusterId, const cdeck::triage::Timeline &timeline);
    void actionPlanReady(const QString &clusterId, const QString &incidentId, const QJsonObject &plan, const QString &error);
    // The answer to fetchEvidence; error is "" when the series came (they may still hold no points).
    void evidenceReady(const QString &clusterId, const QString &incidentId, const QList<cdeck::MetricSeriesData> &series,
                       const QString &error);
    void costMetersReady(const QJsonArray &meters); // GET /cost/meters
    // Open incidents of every listed cluster (a runtime's cluster list carries them), for the sidebar's badges.
    void openIncidentsCounted(const QHash<QString, int> &openByCluster);
    void clusterCostReady(const QString &clusterId, const QJsonObject &report); // GET /clusters/{id}/cost
    void costSummaryReady(const QJsonObject &summary); // GET /cost/summary
    // Who the token is (a runtime's GET /whoami): its user and role; both "" once the token is refused.
    void identityReady(const QString &user, const QString &role);
    // The answer to fetchAudit: the entries (oldest first), or error saying why there are none.
    void auditReady(const QString &query, const QJsonArray &entries, const QString &error);

protected:
    ClusterFeed(FeedCapabilities capabilities, QObject *parent);

    // The cluster whose incidents the GUI shows (setIncidentsFocus).
    QString incidentsFocus() const { return m_incidentsFocus; }

private:
    void refuseBudgetsAndSlos(const QString &action);

    const FeedCapabilities m_capabilities;
    QString m_incidentsFocus;
};

} // namespace cdeck

Q_DECLARE_METATYPE(cdeck::SampleInfo)
Q_DECLARE_METATYPE(cdeck::EngineAvailability)
Q_DECLARE_METATYPE(cdeck::ActionResult)
Q_DECLARE_METATYPE(cdeck::ConnectionState)
Q_DECLARE_METATYPE(cdeck::MetricsLink)
Q_DECLARE_METATYPE(cdeck::MetricsWindowRequest)
Q_DECLARE_METATYPE(cdeck::spark::SparkStageInfo)
Q_DECLARE_METATYPE(cdeck::spark::TaskSummary)
