// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"

#include <QByteArray>
#include <QSet>
#include <QUrl>

class QTimer;

namespace cdeck {

class MetricsStream;
class RuntimeClient;
struct ApiReply;

// The feed of one clusterdeck-runtime (ClusterFeed's thread contract): polls its API with a RuntimeClient and
// follows the focused cluster's metrics stream; the only feed that manages clusters. The token is read from a
// file (never kept in settings) and read again when the runtime answers 401, because the local runtime writes a
// new token file when the console has just started it.
class RuntimeFeed : public ClusterFeed
{
    Q_OBJECT
public:
    RuntimeFeed(const QUrl &baseUrl, const QString &tokenFile, QObject *parent = nullptr);
    ~RuntimeFeed() override;

    // What a runtime connection can do: everything the console offers.
    static FeedCapabilities runtimeCapabilities();

    void start() override;
    void stop() override;
    void setFocus(const QString &clusterId, bool executors, bool jobs) override;
    void fetchCatalog() override; // instance types and samples
    void pollNow() override;
    void launch(const cdeck::ClusterSpec &spec) override;
    void scale(const QString &clusterId, int workers) override;
    void setScalingPolicy(const QString &clusterId, const cdeck::ScalingPolicy &policy,
                          std::optional<int> thenWorkers = {}) override;
    void setProtection(const QString &clusterId, bool on) override;
    void terminate(const QString &clusterId) override;
    void submitJob(const QString &clusterId, const cdeck::JobRequest &request) override;
    void cancelJob(const QString &clusterId, const QString &jobId) override;
    // History, then /metrics/stream: one stream for the whole cluster, never a poll per series.
    void followMetrics(const cdeck::MetricsWindowRequest &request) override;
    void setIncidentsFocus(const QString &clusterId) override;
    void fetchRunbook(const QString &runbookId) override;
    void setSlosFocus(bool wanted) override; // GET /slos
    // GET /clusters/{id}/metrics with the query: one answer, no stream.
    void fetchEvidence(const QString &clusterId, const QString &incidentId, const cdeck::MetricsQuery &query) override;
    void runGuardedAction(const QString &clusterId, const QJsonObject &body) override; // POST /clusters/{id}/actions
    void planGuardedAction(const QString &clusterId, const QString &incidentId, const QJsonObject &body) override;
    void setCostFocus(bool clusterCost, bool summary, const QString &summaryQuery) override;
    // POST /budgets (then DELETE /budgets/{replacing} once accepted), DELETE /budgets/{key=value}.
    void saveBudget(const QJsonObject &budget, const QString &replacing) override;
    void deleteBudget(const QString &tag) override;
    // POST /slos (then DELETE /slos/{replacing} once accepted: the API has no update), DELETE /slos/{id}.
    void saveSlo(const QJsonObject &definition, const QString &replacing) override;
    void deleteSlo(const QString &sloId) override;
    void fetchAudit(const QString &query) override; // GET /audit?query
    void useToken(const QByteArray &token) override;
    // A finished job's DAG is dropped from the list by the GUI once its final DAG has come.
    void setDagFocus(const QString &clusterId, const QStringList &jobIds) override;

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
    QByteArray m_givenToken; // signed in with (useToken): replaces the file's
    bool m_identityKnown = false; // GET /whoami answered for this token
    bool m_whoamiInFlight = false;
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
    bool m_incidentsInFlight = false;
    bool m_wantSlos = false;
    bool m_slosInFlight = false;
    bool m_timelineInFlight = false;
};

} // namespace cdeck
