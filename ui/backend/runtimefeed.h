// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/metricswire.h"
#include "core/backend/spark/sparkrestclient.h"
#include "core/dag/dag.h"
#include "core/model/clusterevent.h"
#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/model/instancecatalog.h"
#include "core/model/job.h"
#include "core/triage/incident.h"
#include "core/triage/slo.h"
#include "core/triage/timeline.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <optional>

class QTimer;

namespace cdeck {

class MetricsStream;
class RuntimeClient;
struct ApiReply;

struct SampleInfo
{
    QString name;
    QString description;
    QString path;
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

// Polls one clusterdeck-runtime and posts snapshots to the GUI by queued signals.
//
// Thread contract: constructed on the GUI thread, then moved to a network thread; start() creates the
// RuntimeClient there, so every request, timer and callback runs on that thread. The GUI calls the public
// methods only through QMetaObject::invokeMethod(feed, lambda) (queued) and listens to the signals.
// The token is read from a file (never kept in settings) and read again when the runtime answers 401,
// because the local runtime writes a new token file when the console has just started it.
class RuntimeFeed : public QObject
{
    Q_OBJECT
public:
    RuntimeFeed(const QUrl &baseUrl, const QString &tokenFile, QObject *parent = nullptr);
    ~RuntimeFeed() override;

    static constexpr int kPollMs = 1000;
    static constexpr int kUnreachablePollMs = 2000;

    // network thread only, through invokeMethod. Virtual for the feeds of other engines (enginefeed.h), which
    // poll Spark or YARN instead and refuse what those cannot do.
    virtual void start();
    virtual void stop();
    // Which cluster the GUI shows, and whether its executors/jobs pages are visible: only those are polled.
    virtual void setFocus(const QString &clusterId, bool executors, bool jobs);
    virtual void fetchCatalog(); // instance types and samples
    virtual void pollNow();
    virtual void launch(const cdeck::ClusterSpec &spec);
    virtual void scale(const QString &clusterId, int workers);
    virtual void setScalingPolicy(const QString &clusterId, const cdeck::ScalingPolicy &policy,
                                  std::optional<int> thenWorkers = {});
    virtual void setProtection(const QString &clusterId, bool on);
    virtual void terminate(const QString &clusterId);
    virtual void submitJob(const QString &clusterId, const cdeck::JobRequest &request);
    virtual void cancelJob(const QString &clusterId, const QString &jobId);
    // Fetch the window's history and, for a live window, follow /metrics/stream: one stream for the whole
    // cluster, never a poll per series. A new request replaces the previous one; an empty clusterId stops.
    // Virtual: a Spark feed derives shuffle rates from its executor polls instead.
    virtual void followMetrics(const cdeck::MetricsWindowRequest &request);
    // The Spark stage whose task summary (quantiles) the jobs page shows; stageId < 0: none. Engines without
    // stages ignore it.
    virtual void setStageFocus(const QString &clusterId, int stageId, int attemptId);
    // The cluster whose incidents are polled (every period, with the cluster page); "" stops.
    void setIncidentsFocus(const QString &clusterId);
    void fetchRunbook(const QString &runbookId);
    // The runtime's SLOs and their status (GET /slos), polled every period while the SLOs page is shown.
    void setSlosFocus(bool wanted);
    // An incident's evidence series (GET /clusters/{id}/metrics with the query): one answer, no stream.
    void fetchEvidence(const QString &clusterId, const QString &incidentId, const cdeck::MetricsQuery &query);
    // A confirmed guarded action (POST /clusters/{id}/actions): performed and written to the audit log.
    void runGuardedAction(const QString &clusterId, const QJsonObject &body);
    // The runtime's plan of a guarded action (the body with "dryRun": true): nothing happens, nothing is audited.
    void planGuardedAction(const QString &clusterId, const QString &incidentId, const QJsonObject &body);

    static constexpr int kStreamRetryMs = 2000;
    // Cost: the meters of every cluster are polled always (the sidebar shows them); the focused cluster's
    // cost report and the executive summary only while their pages are shown.
    void setCostFocus(bool clusterCost, bool summary, const QString &summaryQuery);

    // The DAGs the DAG and timeline pages show: each is fetched on every period until the GUI drops it
    // from the list (it keeps finished jobs out once it has their final DAG). Empty list: none.
    virtual void setDagFocus(const QString &clusterId, const QStringList &jobIds);

Q_SIGNALS:
    void clustersReady(const cdeck::ClusterList &clusters);
    void clusterReady(const cdeck::ClusterInfo &cluster); // with its state history
    void executorsReady(const QString &clusterId, const cdeck::ExecutorList &executors);
    void jobsReady(const QString &clusterId, const cdeck::JobList &jobs);
    // The focused cluster's whole event list (oldest first), sent when it grows or the focus changes.
    void eventsReady(const QString &clusterId, const cdeck::ClusterEventList &events);
    void instanceTypesReady(const QList<cdeck::InstanceType> &types, const QString &defaultType);
    void samplesReady(const QList<cdeck::SampleInfo> &samples);
    void connectionChanged(cdeck::ConnectionState state, const QString &message);
    void nothingListening(); // the first time the runtime's port does not answer
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
    // GET /clusters/{id}/timeline, polled with the incidents.
    void timelineReady(const QString &clusterId, const cdeck::triage::Timeline &timeline);
    // The answer to fetchEvidence; error is "" when the series came (they may still hold no points).
    void actionPlanReady(const QString &clusterId, const QString &incidentId, const QJsonObject &plan, const QString &error);
    void evidenceReady(const QString &clusterId, const QString &incidentId, const QList<cdeck::MetricSeriesData> &series,
                       const QString &error);
    void costMetersReady(const QJsonArray &meters); // GET /cost/meters
    void clusterCostReady(const QString &clusterId, const QJsonObject &report); // GET /clusters/{id}/cost
    void costSummaryReady(const QJsonObject &summary); // GET /cost/summary

protected:
    // The cluster whose incidents the GUI shows (setIncidentsFocus); engine feeds judge theirs themselves.
    QString incidentsFocus() const { return m_incidentsFocus; }

private:
    void tick();
    void tickCost(quint64 gen);
    bool ensureClient();
    void noteReply(const ApiReply &reply);
    void pollDags(quint64 gen);
    void finishAction(const QString &action, const QString &clusterId, const ApiReply &reply);
    void startMetrics(qint64 historyFromMs);
    void setMetricsLink(MetricsLink link, const QString &message);
    void dropMetricsStream();
    void scheduleMetricsRetry(const QString &reason);

    QUrl m_baseUrl;
    QString m_tokenFile;
    QByteArray m_token;
    RuntimeClient *m_client = nullptr;
    QTimer *m_timer = nullptr;
    quint64 m_generation = 0; // a new client (new token) drops the old one's answers
    QString m_focus;
    bool m_wantExecutors = false;
    bool m_wantJobs = false;
    bool m_listInFlight = false;
    bool m_detailInFlight = false;
    bool m_executorsInFlight = false;
    bool m_jobsInFlight = false;
    bool m_eventsInFlight = false;
    cdeck::ClusterEventList m_events; // the focused cluster's, fetched incrementally (after the last seq)
    bool m_catalogWanted = false;
    QString m_dagCluster;
    QStringList m_dagJobs;
    QSet<QString> m_dagsInFlight;
    bool m_wantClusterCost = false;
    bool m_wantSummary = false;
    QString m_summaryQuery;
    bool m_metersInFlight = false;
    bool m_clusterCostInFlight = false;
    bool m_summaryInFlight = false;
    bool m_toldNothingListening = false;
    ConnectionState m_state = ConnectionState::Connecting;
    QString m_stateMessage;

    MetricsWindowRequest m_metrics;
    quint64 m_metricsAttempt = 0; // a new attempt (request or reconnect) drops the answers of older ones
    MetricsStream *m_stream = nullptr;
    bool m_historyPending = false;
    QList<MetricBatch> m_heldBatches; // stream batches that arrived before the history they follow
    qint64 m_lastBatchMs = 0;
    QTimer *m_metricsRetry = nullptr;
    MetricsLink m_link = MetricsLink::Idle;
    QString m_incidentsFocus;
    bool m_incidentsInFlight = false;
    bool m_wantSlos = false;
    bool m_slosInFlight = false;
    bool m_timelineInFlight = false;
};

} // namespace cdeck

Q_DECLARE_METATYPE(cdeck::SampleInfo)
Q_DECLARE_METATYPE(cdeck::ActionResult)
Q_DECLARE_METATYPE(cdeck::ConnectionState)
Q_DECLARE_METATYPE(cdeck::MetricsLink)
Q_DECLARE_METATYPE(cdeck::MetricsWindowRequest)
Q_DECLARE_METATYPE(cdeck::spark::SparkStageInfo)
Q_DECLARE_METATYPE(cdeck::spark::TaskSummary)
