// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "yarnfeed.h"

#include "core/backend/enginetriage/enginetriage.h"
#include "core/backend/yarn/yarnclient.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace cdeck {

YarnFeed::YarnFeed(const QUrl &baseUrl, const QString &displayName, const QString &userName, QObject *parent)
    : EngineFeed(baseUrl, yarnCapabilities(), parent)
    , m_displayName(displayName)
    , m_userName(userName)
{
}

FeedCapabilities YarnFeed::yarnCapabilities()
{
    FeedCapabilities c = watchedCapabilities(ConnectionKind::Yarn, tr("YARN ResourceManager"));
    c.whyNoSubmit = tr("YARN applications are submitted with YARN's tools (spark-submit, yarn jar); ClusterDeck "
                       "shows them and cancels one by killing it.");
    c.cancelsJobs = true;
    c.whyNoCancel.clear();
    c.executors = ExecutorKind::YarnNodes;
    c.clusterDescription = tr("YARN cluster %1");
    return c;
}

YarnFeed::~YarnFeed() = default;

void YarnFeed::createClient()
{
    m_client = new yarn::YarnClient(m_url, this);
    m_client->setTimeoutMs(kTimeoutMs);
    m_client->setUserName(m_userName);
    m_listInFlight = m_executorsInFlight = m_jobsInFlight = false;
}

void YarnFeed::destroyClient()
{
    delete m_client;
    m_client = nullptr;
}

void YarnFeed::poll()
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    if (!m_listInFlight) {
        // info, then metrics: together they are the one cluster the sidebar lists.
        m_listInFlight = true;
        m_client->clusterInfo([this, gen](const yarn::YarnReply &infoReply) {
            if (gen != m_generation)
                return;
            QString error = infoReply.error;
            std::optional<yarn::YarnClusterInfo> info;
            if (infoReply.ok())
                info = yarn::parseClusterInfo(infoReply.body, &error);
            if (!info) {
                m_listInFlight = false;
                noteAnswer(u"cluster info"_s, Page::List, infoReply.unreachable, error);
                return;
            }
            noteAnswer(u"cluster info"_s, Page::List, false, {});
            m_client->clusterMetrics([this, gen, info = *info](const yarn::YarnReply &metricsReply) {
                if (gen != m_generation)
                    return;
                m_listInFlight = false;
                QString metricsError = metricsReply.error;
                std::optional<yarn::YarnClusterMetrics> metrics;
                if (metricsReply.ok())
                    metrics = yarn::parseClusterMetrics(metricsReply.body, &metricsError);
                noteAnswer(u"cluster metrics"_s, Page::List, metricsReply.unreachable, metrics ? QString() : metricsError);
                if (!metrics)
                    return;
                ClusterInfo cluster = yarn::toClusterInfo({info, *metrics}, m_displayName, m_url.toString());
                cluster.spec.instanceType = tr("YARN ResourceManager"); // what the sidebar shows beside the count
                m_clusterId = cluster.id;
                Q_EMIT clustersReady({cluster});
                if (m_focus == cluster.id)
                    Q_EMIT clusterReady(cluster);
            });
        });
    }
    if (m_focus.isEmpty() || m_focus != m_clusterId || m_state != ConnectionState::Connected)
        return;
    const QString id = m_focus;
    // Nodes and applications also while the Incidents tab needs them: lost nodes and failing apps feed the detectors.
    const bool incidentsShown = incidentsFocus() == id;
    if ((m_wantExecutors || incidentsShown) && !m_executorsInFlight) {
        m_executorsInFlight = true;
        m_client->nodes({}, [this, gen, id](const yarn::YarnReply &r) {
            if (gen != m_generation)
                return;
            m_executorsInFlight = false;
            QString error = r.error;
            std::optional<QList<yarn::YarnNode>> nodes;
            if (r.ok())
                nodes = yarn::parseNodes(r.body, &error);
            noteAnswer(u"nodes"_s, Page::Executors, r.unreachable, nodes ? QString() : error, id);
            if (!nodes)
                return;
            ExecutorList list;
            for (const yarn::YarnNode &n : *nodes)
                list.append(yarn::toExecutor(n));
            Q_EMIT executorsReady(id, list);
            m_lastNodes = *nodes;
            emitIncidents(id);
        });
    }
    if ((m_wantJobs || incidentsShown) && !m_jobsInFlight) {
        m_jobsInFlight = true;
        yarn::AppFilter filter;
        filter.limit = kMaxApps;
        m_client->apps(filter, [this, gen, id](const yarn::YarnReply &r) {
            if (gen != m_generation)
                return;
            m_jobsInFlight = false;
            QString error = r.error;
            std::optional<QList<yarn::YarnApp>> apps;
            if (r.ok())
                apps = yarn::parseApps(r.body, &error);
            noteAnswer(u"applications"_s, Page::Jobs, r.unreachable, apps ? QString() : error, id);
            if (!apps)
                return;
            JobList list;
            for (const yarn::YarnApp &a : *apps) {
                Job job = yarn::toJob(a);
                job.clusterId = id; // the jobs page is keyed by the cluster on screen
                // YARN keeps the output in the containers' logs: the page shows where, and how the app went.
                job.logTail = tr("%1 application of %2 in queue %3 · progress %4 % · %5 containers running\n"
                                 "tracking: %6\nAM container logs: %7%8")
                                  .arg(a.applicationType, a.user, a.queue)
                                  .arg(a.progress, 0, 'f', 0)
                                  .arg(a.runningContainers)
                                  .arg(a.trackingUrl.isEmpty() ? u"–"_s : a.trackingUrl,
                                       a.amContainerLogs.isEmpty() ? u"–"_s : a.amContainerLogs,
                                       a.diagnostics.trimmed().isEmpty() ? QString() : u"\n"_s + a.diagnostics.trimmed());
                list.append(job);
            }
            Q_EMIT jobsReady(id, list);
            m_lastApps = *apps;
            emitIncidents(id);
        });
    }
}

void YarnFeed::emitIncidents(const QString &clusterId)
{
    if (incidentsFocus() != clusterId || clusterId != m_clusterId)
        return;
    enginetriage::YarnSnapshot snapshot;
    snapshot.clusterId = clusterId;
    snapshot.nowMs = QDateTime::currentMSecsSinceEpoch();
    snapshot.nodes = m_lastNodes;
    snapshot.apps = m_lastApps;
    Q_EMIT incidentsReady(clusterId, enginetriage::detectOnEngine(enginetriage::yarnFacts(snapshot)));
}

void YarnFeed::cancelJob(const QString &clusterId, const QString &jobId)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->killApplication(jobId, [this, gen, clusterId](const yarn::YarnReply &r) {
        if (gen != m_generation)
            return;
        ActionResult result;
        result.action = u"cancel"_s;
        result.clusterId = clusterId;
        result.ok = r.ok();
        result.unreachable = r.unreachable;
        result.httpStatus = r.httpStatus;
        result.message = r.ok() ? QString() : r.error;
        result.body = r.body;
        Q_EMIT actionFinished(result);
        poll(); // show the KILLED state now rather than at the next period
    });
}

} // namespace cdeck
