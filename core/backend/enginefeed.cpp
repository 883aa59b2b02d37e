// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "enginefeed.h"

#include <QStringList>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cdeck {

EngineFeed::EngineFeed(const QUrl &baseUrl, FeedCapabilities capabilities, QObject *parent)
    : ClusterFeed(std::move(capabilities), parent)
    , m_url(baseUrl)
{
}

FeedCapabilities EngineFeed::watchedCapabilities(ConnectionKind kind, const QString &engineName)
{
    FeedCapabilities c;
    c.kind = kind;
    c.engineName = engineName;
    c.serverName = tr("The %1 server").arg(engineName);
    c.whyNotManaged = tr("%1 is not run by ClusterDeck: scale and terminate it with its own tools.").arg(engineName);
    c.whyNoLaunch = tr("%1 clusters are started with their own tools: select a ClusterDeck runtime's cluster to "
                       "launch one there.")
                        .arg(engineName);
    c.whyNoCancel = tr("%1's REST API cannot cancel jobs: use its own UI.").arg(engineName);
    c.whyNoCharts = tr("Time charts need a ClusterDeck runtime's metric store; %1 has none.").arg(engineName);
    return c;
}

void EngineFeed::setIncidentsFocus(const QString &clusterId)
{
    const bool changed = clusterId != incidentsFocus();
    ClusterFeed::setIncidentsFocus(clusterId);
    if (changed && !clusterId.isEmpty() && m_timer)
        poll();
}

void EngineFeed::start()
{
    m_timer = new QTimer(this);
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, [this] { poll(); });
    m_timer->start();
    createClient();
    poll();
}

void EngineFeed::stop()
{
    if (m_timer)
        m_timer->stop();
    ++m_generation;
    destroyClient(); // aborts what is in flight; answers of this generation are dropped
}

void EngineFeed::setFocus(const QString &clusterId, bool executors, bool jobs)
{
    const bool changed = clusterId != m_focus || (executors && !m_wantExecutors) || (jobs && !m_wantJobs);
    // The banner speaks for what is on screen: problems of pages no longer shown go.
    const bool otherCluster = clusterId != m_focus;
    dropProblems(otherCluster || !executors, otherCluster || !jobs);
    m_focus = clusterId;
    m_wantExecutors = executors;
    m_wantJobs = jobs;
    if (changed)
        poll(); // a newly shown page should not wait a whole period for its data
}

void EngineFeed::fetchCatalog()
{
    Q_EMIT instanceTypesReady({}, {});
    Q_EMIT samplesReady({});
}

void EngineFeed::pollNow()
{
    poll();
}

void EngineFeed::noteAnswer(const QString &request, Page page, bool unreachable, const QString &error,
                            const QString &clusterId)
{
    const ConnectionState state = unreachable ? ConnectionState::Unreachable : ConnectionState::Connected;
    const QString message = unreachable ? error : QString();
    if (m_timer)
        m_timer->setInterval(unreachable ? kUnreachablePollMs : kPollMs);
    if (state != m_state || message != m_stateMessage) {
        m_state = state;
        m_stateMessage = message;
        Q_EMIT connectionChanged(state, message);
    }
    if (unreachable)
        return; // the banner says so already; a request's own problem stays until it gets a good answer
    // A late answer for a page the user has left says nothing about the page on screen.
    const bool shown = page == Page::List
        || (clusterId == m_focus && (page == Page::Executors ? m_wantExecutors : m_wantJobs));
    if (error.isEmpty() || !shown) {
        if (m_problems.remove(request) > 0)
            emitProblems();
        return;
    }
    const QString problem = tr("%1 (%2): %3").arg(capabilities().engineName, request, error);
    if (m_problems.contains(request) && m_problems.value(request).message == problem)
        return;
    m_problems.insert(request, {page, problem});
    emitProblems();
}

void EngineFeed::dropProblems(bool executors, bool jobs)
{
    const auto removed = m_problems.removeIf([executors, jobs](const auto &it) {
        return (executors && it.value().page == Page::Executors) || (jobs && it.value().page == Page::Jobs);
    });
    if (removed > 0)
        emitProblems();
}

void EngineFeed::emitProblems()
{
    QStringList lines;
    for (const Problem &p : std::as_const(m_problems))
        lines.append(p.message);
    Q_EMIT answerProblem(lines.join(u'\n'));
}

void EngineFeed::refuse(const QString &action, const QString &clusterId, const QString &why)
{
    ActionResult result;
    result.action = action;
    result.clusterId = clusterId;
    result.ok = false;
    result.message = why;
    Q_EMIT actionFinished(result);
}

void EngineFeed::launch(const ClusterSpec &)
{
    refuse(u"launch"_s, {}, tr("%1 clusters are not started by ClusterDeck.").arg(capabilities().engineName));
}

void EngineFeed::scale(const QString &clusterId, int)
{
    refuse(u"scale"_s, clusterId, tr("%1 clusters are not scaled by ClusterDeck.").arg(capabilities().engineName));
}

void EngineFeed::setScalingPolicy(const QString &clusterId, const ScalingPolicy &, std::optional<int>)
{
    refuse(u"policy"_s, clusterId, tr("%1 clusters are not scaled by ClusterDeck.").arg(capabilities().engineName));
}

void EngineFeed::setProtection(const QString &clusterId, bool)
{
    refuse(u"protection"_s, clusterId, tr("%1 clusters have no termination protection in ClusterDeck.").arg(capabilities().engineName));
}

void EngineFeed::terminate(const QString &clusterId)
{
    refuse(u"terminate"_s, clusterId, tr("%1 clusters are not terminated by ClusterDeck.").arg(capabilities().engineName));
}

void EngineFeed::submitJob(const QString &clusterId, const JobRequest &)
{
    refuse(u"submit"_s, clusterId, tr("Jobs are submitted to %1 with its own tools.").arg(capabilities().engineName));
}

void EngineFeed::setDagFocus(const QString &clusterId, const QStringList &jobIds)
{
    for (const QString &jobId : jobIds)
        Q_EMIT dagFailed(clusterId, jobId,
                         tr("%1 serves no task graph to ClusterDeck: its jobs have no DAG view here.").arg(capabilities().engineName));
}

} // namespace cdeck
