// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "connection.h"

#include "core/backend/runtime/runtimefeed.h"
#include "core/backend/spark/eventlogfeed.h"
#include "core/backend/spark/sparkfeed.h"
#include "core/backend/yarn/yarnfeed.h"
#include "ui/models/clusterlistmodel.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
ClusterFeed *makeFeed(ConnectionKind kind, const QString &name, const QUrl &url, const QString &tokenFile,
                      const QString &yarnUser)
{
    switch (kind) {
    case ConnectionKind::Spark:
        return new SparkFeed(url);
    case ConnectionKind::Yarn:
        return new YarnFeed(url, name, yarnUser);
    case ConnectionKind::EventLog:
        return new EventLogFeed(url.toLocalFile());
    case ConnectionKind::Runtime:
        break;
    }
    return new RuntimeFeed(url, tokenFile);
}
} // namespace

Connection::Connection(const QString &name, const QUrl &url, const QString &tokenFile, ConnectionKind kind,
                       QObject *parent, const QString &yarnUser, Placement placement)
    : QObject(parent)
    , m_name(name)
    , m_url(url)
    , m_tokenFile(tokenFile)
    , m_yarnUser(yarnUser)
    , m_placement(placement)
    , m_thread(new QThread(this))
    , m_feed(makeFeed(kind, name, url, tokenFile, yarnUser))
    , m_clusters(new ClusterListModel(this))
{
    m_thread->setObjectName(u"network:"_s + url.authority());
    m_feed->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_feed, &ClusterFeed::start);
    connect(m_thread, &QThread::finished, m_feed, &QObject::deleteLater);
    connect(m_feed, &ClusterFeed::clustersReady, this, [this](const ClusterList &list) {
        m_clusters->setSnapshot(list);
        m_clusters->setStale(false);
        m_hasClusterList = true;
        m_lastAnswerAt = QDateTime::currentDateTime();
        Q_EMIT clusterListUpdated();
    });
    // A detail answer is newer than the last list: keep the sidebar's badge in step with the page.
    connect(m_feed, &ClusterFeed::clusterReady, this, [this](const ClusterInfo &c) {
        if (m_clusters->rowOf(c.id) >= 0) {
            ClusterInfo summary = c;
            summary.history = m_clusters->at(m_clusters->rowOf(c.id)).history;
            m_clusters->upsert(summary);
        }
    });
    connect(m_feed, &ClusterFeed::costMetersReady, this, [this](const QJsonArray &list) {
        QHash<QString, CostMeter> meters;
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            meters.insert(o.value(u"cluster"_s).toString(),
                          {o.value(u"ratePerHour"_s).toDouble(), o.value(u"total"_s).toDouble(),
                           o.value(u"workerRatePerHour"_s).toDouble(), o.value(u"currency"_s).toString()});
        }
        m_clusters->setMeters(meters);
    });
    connect(m_feed, &ClusterFeed::openIncidentsCounted, m_clusters, &ClusterListModel::setOpenIncidents);
    connect(m_feed, &ClusterFeed::connectionChanged, this, [this](ConnectionState state, const QString &message) {
        if (state == ConnectionState::Unreachable && m_state != ConnectionState::Unreachable)
            m_unreachableSince = QDateTime::currentDateTime();
        m_state = state;
        m_stateMessage = message;
        m_clusters->setStale(state != ConnectionState::Connected && m_hasClusterList);
        Q_EMIT stateChanged();
    });
    connect(m_feed, &ClusterFeed::identityReady, this, [this](const QString &user, const QString &role) {
        m_user = user;
        m_role = user.isEmpty() ? std::nullopt : api::roleFromString(role);
        Q_EMIT identityChanged();
        Q_EMIT stateChanged();
    });
    connect(m_feed, &ClusterFeed::answerProblem, this, [this](const QString &message) {
        m_answerProblem = message;
        Q_EMIT stateChanged();
    });
    m_thread->start();
}

Connection::~Connection()
{
    // stop() runs on the network thread (it owns the client), then the thread ends and deletes the feed.
    QMetaObject::invokeMethod(m_feed, [feed = m_feed] { feed->stop(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

template<typename F>
void Connection::post(F &&call)
{
    QMetaObject::invokeMethod(m_feed, std::forward<F>(call), Qt::QueuedConnection);
}

void Connection::setFocus(const QString &clusterId, bool executors, bool jobs)
{
    post([feed = m_feed, clusterId, executors, jobs] { feed->setFocus(clusterId, executors, jobs); });
}

void Connection::setStageFocus(const QString &clusterId, int stageId, int attemptId)
{
    post([feed = m_feed, clusterId, stageId, attemptId] { feed->setStageFocus(clusterId, stageId, attemptId); });
}

void Connection::setCostFocus(bool clusterCost, bool summary, const QString &summaryQuery)
{
    post([feed = m_feed, clusterCost, summary, summaryQuery] { feed->setCostFocus(clusterCost, summary, summaryQuery); });
}

void Connection::fetchCatalog()
{
    post([feed = m_feed] { feed->fetchCatalog(); });
}

void Connection::pollNow()
{
    post([feed = m_feed] { feed->pollNow(); });
}

void Connection::fetchAudit(const QString &query)
{
    post([feed = m_feed, query] { feed->fetchAudit(query); });
}

void Connection::useToken(const QByteArray &token)
{
    post([feed = m_feed, token] { feed->useToken(token); });
}

void Connection::launch(const ClusterSpec &spec)
{
    post([feed = m_feed, spec] { feed->launch(spec); });
}

void Connection::scale(const QString &clusterId, int workers)
{
    post([feed = m_feed, clusterId, workers] { feed->scale(clusterId, workers); });
}

void Connection::setScalingPolicy(const QString &clusterId, const ScalingPolicy &policy, std::optional<int> thenWorkers)
{
    post([feed = m_feed, clusterId, policy, thenWorkers] { feed->setScalingPolicy(clusterId, policy, thenWorkers); });
}

void Connection::setProtection(const QString &clusterId, bool on)
{
    post([feed = m_feed, clusterId, on] { feed->setProtection(clusterId, on); });
}

void Connection::terminate(const QString &clusterId)
{
    post([feed = m_feed, clusterId] { feed->terminate(clusterId); });
}

void Connection::submitJob(const QString &clusterId, const JobRequest &request)
{
    post([feed = m_feed, clusterId, request] { feed->submitJob(clusterId, request); });
}

void Connection::cancelJob(const QString &clusterId, const QString &jobId)
{
    post([feed = m_feed, clusterId, jobId] { feed->cancelJob(clusterId, jobId); });
}

void Connection::followMetrics(const MetricsWindowRequest &request)
{
    post([feed = m_feed, request] { feed->followMetrics(request); });
}

void Connection::setDagFocus(const QString &clusterId, const QStringList &jobIds)
{
    post([feed = m_feed, clusterId, jobIds] { feed->setDagFocus(clusterId, jobIds); });
}

void Connection::setSlosFocus(bool wanted)
{
    post([feed = m_feed, wanted] { feed->setSlosFocus(wanted); });
}

void Connection::setIncidentsFocus(const QString &clusterId)
{
    post([feed = m_feed, clusterId] { feed->setIncidentsFocus(clusterId); });
}

void Connection::fetchRunbook(const QString &runbookId)
{
    post([feed = m_feed, runbookId] { feed->fetchRunbook(runbookId); });
}

void Connection::fetchEvidence(const QString &clusterId, const QString &incidentId, const MetricsQuery &query)
{
    post([feed = m_feed, clusterId, incidentId, query] { feed->fetchEvidence(clusterId, incidentId, query); });
}

void Connection::planGuardedAction(const QString &clusterId, const QString &incidentId, const QJsonObject &body)
{
    post([feed = m_feed, clusterId, incidentId, body] { feed->planGuardedAction(clusterId, incidentId, body); });
}

void Connection::runGuardedAction(const QString &clusterId, const QJsonObject &body)
{
    post([feed = m_feed, clusterId, body] { feed->runGuardedAction(clusterId, body); });
}

void Connection::saveBudget(const QJsonObject &budget, const QString &replacing)
{
    post([feed = m_feed, budget, replacing] { feed->saveBudget(budget, replacing); });
}

void Connection::deleteBudget(const QString &tag)
{
    post([feed = m_feed, tag] { feed->deleteBudget(tag); });
}

void Connection::saveSlo(const QJsonObject &definition, const QString &replacing)
{
    post([feed = m_feed, definition, replacing] { feed->saveSlo(definition, replacing); });
}

void Connection::deleteSlo(const QString &sloId)
{
    post([feed = m_feed, sloId] { feed->deleteSlo(sloId); });
}

} // namespace cdeck
