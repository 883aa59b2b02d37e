// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "focusedcluster.h"

#include "connection.h"

namespace cdeck {

FocusedCluster::FocusedCluster(QObject *parent)
    : QObject(parent)
{
}

FocusedCluster::~FocusedCluster() = default;

template<typename... Args>
void FocusedCluster::relay(void (ClusterFeed::*from)(const QString &, Args...), void (FocusedCluster::*to)(Args...))
{
    m_links.append(connect(m_connection->feed(), from, this, [this, to](const QString &clusterId, Args... args) {
        if (clusterId == m_clusterId && !m_clusterId.isEmpty())
            (this->*to)(args...);
    }));
}

template<typename... Args>
void FocusedCluster::relayAll(void (ClusterFeed::*from)(Args...), void (FocusedCluster::*to)(Args...))
{
    m_links.append(connect(m_connection->feed(), from, this, [this, to](Args... args) { (this->*to)(args...); }));
}

void FocusedCluster::follow(Connection *connection, const QString &clusterId)
{
    if (connection != m_connection) {
        if (m_connection) {
            // Nothing of the previous connection is on screen any more: its polls and its stream stop.
            m_connection->setFocus({}, false, false);
            m_connection->setIncidentsFocus({});
            m_connection->setDagFocus({}, {});
            m_connection->followMetrics({});
        }
        for (const QMetaObject::Connection &link : std::as_const(m_links))
            disconnect(link);
        m_links.clear();
        m_connection = connection;
        if (connection)
            attach(connection);
    }
    m_clusterId = connection ? clusterId : QString();
}

void FocusedCluster::attach(Connection *connection)
{
    m_links.append(connect(connection->feed(), &ClusterFeed::clusterReady, this, [this](const ClusterInfo &c) {
        if (c.id == m_clusterId && !m_clusterId.isEmpty())
            Q_EMIT clusterReady(c);
    }));
    relay(&ClusterFeed::eventsReady, &FocusedCluster::eventsReady);
    relay(&ClusterFeed::executorsReady, &FocusedCluster::executorsReady);
    relay(&ClusterFeed::jobsReady, &FocusedCluster::jobsReady);
    relay(&ClusterFeed::clusterCostReady, &FocusedCluster::clusterCostReady);
    relay(&ClusterFeed::incidentsReady, &FocusedCluster::incidentsReady);
    relay(&ClusterFeed::timelineReady, &FocusedCluster::timelineReady);
    relay(&ClusterFeed::actionPlanReady, &FocusedCluster::actionPlanReady);
    relay(&ClusterFeed::evidenceReady, &FocusedCluster::evidenceReady);
    relay(&ClusterFeed::dagReady, &FocusedCluster::dagReady);
    relay(&ClusterFeed::dagFailed, &FocusedCluster::dagFailed);
    relay(&ClusterFeed::stagesReady, &FocusedCluster::stagesReady);
    relay(&ClusterFeed::taskSummaryReady, &FocusedCluster::taskSummaryReady);
    relayAll(&ClusterFeed::runbookReady, &FocusedCluster::runbookReady);
    relayAll(&ClusterFeed::metricsHistoryReady, &FocusedCluster::metricsHistoryReady);
    relayAll(&ClusterFeed::metricsBatchReady, &FocusedCluster::metricsBatchReady);
    relayAll(&ClusterFeed::metricsLinkChanged, &FocusedCluster::metricsLinkChanged);
}

void FocusedCluster::setPagesShown(bool shown, bool executors, bool jobs)
{
    if (!m_connection)
        return;
    m_connection->setFocus(shown ? m_clusterId : QString(), shown && executors, shown && jobs);
    // Incidents are polled whenever a cluster is on screen: the tab's title counts the open ones.
    m_connection->setIncidentsFocus(shown ? m_clusterId : QString());
}

void FocusedCluster::setDagFocus(const QStringList &jobIds)
{
    if (m_connection)
        m_connection->setDagFocus(m_clusterId, jobIds);
}

void FocusedCluster::followMetrics(const MetricsWindowRequest &request)
{
    if (m_connection)
        m_connection->followMetrics(request);
}

void FocusedCluster::setStageFocus(int stageId, int attemptId)
{
    if (isSet())
        m_connection->setStageFocus(m_clusterId, stageId, attemptId);
}

void FocusedCluster::setProtection(bool on)
{
    if (isSet())
        m_connection->setProtection(m_clusterId, on);
}

void FocusedCluster::submitJob(const JobRequest &request)
{
    if (isSet())
        m_connection->submitJob(m_clusterId, request);
}

void FocusedCluster::cancelJob(const QString &jobId)
{
    if (isSet())
        m_connection->cancelJob(m_clusterId, jobId);
}

void FocusedCluster::fetchRunbook(const QString &runbookId)
{
    if (m_connection)
        m_connection->fetchRunbook(runbookId);
}

void FocusedCluster::fetchEvidence(const QString &incidentId, const MetricsQuery &query)
{
    if (isSet())
        m_connection->fetchEvidence(m_clusterId, incidentId, query);
}

void FocusedCluster::planGuardedAction(const QString &incidentId, const QJsonObject &body)
{
    if (isSet())
        m_connection->planGuardedAction(m_clusterId, incidentId, body);
}

void FocusedCluster::runGuardedAction(const QJsonObject &body)
{
    if (isSet())
        m_connection->runGuardedAction(m_clusterId, body);
}

} // namespace cdeck
