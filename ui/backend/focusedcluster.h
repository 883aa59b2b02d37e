// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"

#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

namespace cdeck {

class Connection;

// The one cluster the window shows, as an adapter between its connection's feed and the cluster page: the
// feed's per-cluster snapshots are re-emitted only when they are this cluster's (the page never checks whose
// an answer is), and the page's requests go to this cluster. Following another cluster of another connection
// tells the previous connection that nothing of it is shown any more.
class FocusedCluster : public QObject
{
    Q_OBJECT
public:
    explicit FocusedCluster(QObject *parent = nullptr);
    ~FocusedCluster() override;

    void follow(Connection *connection, const QString &clusterId);
    void clear() { follow(nullptr, {}); }
    Connection *connection() const { return m_connection; }
    QString clusterId() const { return m_clusterId; }
    bool isSet() const { return m_connection && !m_clusterId.isEmpty(); }

    // Requests for this cluster (ignored when none is followed).
    void setPagesShown(bool shown, bool executors, bool jobs); // what is polled; shown: the cluster page is on screen
    void setDagFocus(const QStringList &jobIds);
    void followMetrics(const MetricsWindowRequest &request); // an empty clusterId stops
    void setStageFocus(int stageId, int attemptId);
    void setProtection(bool on);
    void submitJob(const JobRequest &request);
    void cancelJob(const QString &jobId);
    void fetchRunbook(const QString &runbookId);
    void fetchEvidence(const QString &incidentId, const MetricsQuery &query);
    void planGuardedAction(const QString &incidentId, const QJsonObject &body);
    void runGuardedAction(const QJsonObject &body);

Q_SIGNALS:
    void clusterReady(const cdeck::ClusterInfo &cluster);
    void eventsReady(const cdeck::ClusterEventList &events);
    void executorsReady(const cdeck::ExecutorList &executors);
    void jobsReady(const cdeck::JobList &jobs);
    void clusterCostReady(const QJsonObject &report);
    void incidentsReady(const cdeck::triage::IncidentList &incidents);
    void timelineReady(const cdeck::triage::Timeline &timeline);
    void actionPlanReady(const QString &incidentId, const QJsonObject &plan, const QString &error);
    void evidenceReady(const QString &incidentId, const QList<cdeck::MetricSeriesData> &series, const QString &error);
    void dagReady(const QString &jobId, const cdeck::dag::Dag &graph);
    void dagFailed(const QString &jobId, const QString &message);
    void stagesReady(const QList<cdeck::spark::SparkStageInfo> &stages);
    void taskSummaryReady(int stageId, int attemptId, const cdeck::spark::TaskSummary &summary, const QString &error);
    // Not per cluster: the connection's answers (runbooks by id; metrics by the ticket of the page's request).
    void runbookReady(const QString &runbookId, const QString &title, const QString &markdown);
    void metricsHistoryReady(quint64 ticket, const QList<cdeck::MetricSeriesData> &series);
    void metricsBatchReady(quint64 ticket, const cdeck::MetricBatch &batch);
    void metricsLinkChanged(quint64 ticket, cdeck::MetricsLink link, const QString &message);

private:
    void attach(Connection *connection);
    // Re-emits a feed signal whose first argument is a cluster id as ours without it, for this cluster only.
    template<typename... Args>
    void relay(void (ClusterFeed::*from)(const QString &, Args...), void (FocusedCluster::*to)(Args...));
    template<typename... Args>
    void relayAll(void (ClusterFeed::*from)(Args...), void (FocusedCluster::*to)(Args...));

    QPointer<Connection> m_connection;
    QString m_clusterId;
    QList<QMetaObject::Connection> m_links;
};

} // namespace cdeck
