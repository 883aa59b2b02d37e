// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "enginefeed.h"

#include "core/backend/enginetriage/enginetriage.h"

#include "core/backend/spark/sparkrestclient.h"
#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/sparkstages.h"
#include "core/backend/yarn/yarnclient.h"
#include "ui/presentation.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QDateTime>
#include <QStringList>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cdeck {

// --- EngineFeed -------------------------------------------------------------------------------------------

EngineFeed::EngineFeed(const QUrl &baseUrl, const QString &engineName, QObject *parent)
    : RuntimeFeed(baseUrl, QString(), parent)
    , m_url(baseUrl)
    , m_engineName(engineName)
{
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
    const QString problem = tr("%1 (%2): %3").arg(m_engineName, request, error);
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
    refuse(u"launch"_s, {}, tr("%1 clusters are not started by ClusterDeck.").arg(m_engineName));
}

void EngineFeed::scale(const QString &clusterId, int)
{
    refuse(u"scale"_s, clusterId, tr("%1 clusters are not scaled by ClusterDeck.").arg(m_engineName));
}

void EngineFeed::setProtection(const QString &clusterId, bool)
{
    refuse(u"protection"_s, clusterId, tr("%1 clusters have no termination protection in ClusterDeck.").arg(m_engineName));
}

void EngineFeed::terminate(const QString &clusterId)
{
    refuse(u"terminate"_s, clusterId, tr("%1 clusters are not terminated by ClusterDeck.").arg(m_engineName));
}

void EngineFeed::submitJob(const QString &clusterId, const JobRequest &)
{
    refuse(u"submit"_s, clusterId, tr("Jobs are submitted to %1 with its own tools.").arg(m_engineName));
}

void EngineFeed::setDagFocus(const QString &clusterId, const QStringList &jobIds)
{
    for (const QString &jobId : jobIds)
        Q_EMIT dagFailed(clusterId, jobId,
                         tr("%1 serves no task graph to ClusterDeck: its jobs have no DAG view here.").arg(m_engineName));
}

// --- SparkFeed --------------------------------------------------------------------------------------------

SparkFeed::SparkFeed(const QUrl &baseUrl, QObject *parent)
    : EngineFeed(baseUrl, tr("Spark"), parent)
{
}

SparkFeed::~SparkFeed() = default;

void SparkFeed::createClient()
{
    m_client = new spark::SparkRestClient(m_url, this);
    m_client->setTimeoutMs(kTimeoutMs);
    m_listInFlight = m_executorsInFlight = m_jobsInFlight = m_stagesInFlight = m_summaryInFlight = false;
}

void SparkFeed::destroyClient()
{
    delete m_client;
    m_client = nullptr;
}

QString SparkFeed::appPath(const QString &appId) const
{
    const QString attempt = m_attempts.value(appId);
    return attempt.isEmpty() ? appId : appId + u'/' + attempt;
}

void SparkFeed::emitDetail(const QString &appId)
{
    auto it = m_apps.constFind(appId);
    if (it == m_apps.cend())
        return;
    ClusterInfo c = *it;
    c.runningWorkers = m_activeExecutors.value(appId, 0);
    Q_EMIT clusterReady(c);
}

namespace {
ClusterInfo clusterOf(const spark::SparkAppInfo &app, const QUrl &server)
{
    ClusterInfo c;
    c.id = app.id;
    c.spec.name = app.name.isEmpty() ? app.id : app.name;
    c.spec.workers = 0; // Spark decides (dynamic allocation): the executors page has the figures
    c.spec.instanceType = QCoreApplication::translate("cdeck::SparkFeed", "Spark application");
    if (!app.sparkUser.isEmpty())
        c.spec.tags.insert(u"spark-user"_s, app.sparkUser);
    if (!app.attemptId.isEmpty())
        c.spec.tags.insert(u"attempt"_s, app.attemptId);
    // A History Server also lists applications that ended: they are over, as a terminated cluster is.
    c.state = app.completed ? ClusterState::Terminated : ClusterState::Running;
    c.createdAt = app.startTime;
    c.readyAt = app.startTime;
    c.endedAt = app.completed ? app.endTime : QDateTime();
    c.stateChangedAt = app.completed && app.endTime.isValid() ? app.endTime : app.startTime;
    if (app.completed)
        c.stateReason = QCoreApplication::translate("cdeck::SparkFeed", "application completed");
    c.dashboardUrl = server.toString();
    return c;
}

QString taskSummary(const spark::SparkJobInfo &j)
{
    QStringList stages;
    for (int id : j.stageIds)
        stages.append(QString::number(id));
    return QCoreApplication::translate("cdeck::SparkFeed",
                                       "Spark job %1 · stages %2 · tasks: %3 of %4 completed, %5 failed, %6 skipped")
        .arg(j.jobId)
        .arg(stages.isEmpty() ? u"–"_s : stages.join(u", "_s))
        .arg(j.numCompletedTasks)
        .arg(j.numTasks)
        .arg(j.numFailedTasks)
        .arg(j.numSkippedTasks);
}
} // namespace

void SparkFeed::poll()
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    if (!m_listInFlight) {
        m_listInFlight = true;
        m_client->applications([this, gen](const spark::RestReply &r) {
            if (gen != m_generation)
                return;
            m_listInFlight = false;
            QString error = r.error;
            std::optional<QList<spark::SparkAppInfo>> apps;
            if (r.ok())
                apps = spark::parseApplications(r.body, &error);
            noteAnswer(u"applications"_s, Page::List, r.unreachable, apps ? QString() : error);
            if (!apps)
                return;
            ClusterList list;
            m_apps.clear();
            m_attempts.clear();
            for (const spark::SparkAppInfo &app : *apps) {
                ClusterInfo c = clusterOf(app, m_url);
                c.runningWorkers = m_activeExecutors.value(app.id, 0);
                m_apps.insert(app.id, c);
                m_attempts.insert(app.id, app.attemptId);
                list.append(c);
            }
            Q_EMIT clustersReady(list);
            if (!m_focus.isEmpty())
                emitDetail(m_focus);
        });
    }
    // As RuntimeFeed: the pages are polled only while the server answers.
    if (m_focus.isEmpty() || m_state != ConnectionState::Connected || !m_apps.contains(m_focus))
        return;
    const QString id = m_focus;
    // Executors also while another page is shown: the header's count of running executors comes from them.
    if (!m_executorsInFlight) {
        m_executorsInFlight = true;
        m_client->executors(appPath(id), [this, gen, id](const spark::RestReply &r) {
            if (gen != m_generation)
                return;
            m_executorsInFlight = false;
            QString error = r.error;
            std::optional<QList<spark::SparkExecutorInfo>> executors;
            if (r.ok())
                executors = spark::parseExecutors(r.body, &error);
            noteAnswer(u"executors"_s, Page::Executors, r.unreachable, executors ? QString() : error, id);
            if (!executors)
                return;
            ExecutorList list;
            int active = 0;
            for (const spark::SparkExecutorInfo &e : *executors) {
                list.append(spark::toExecutor(e));
                active += e.isActive && e.id != "driver"_L1 ? 1 : 0;
            }
            m_activeExecutors.insert(id, active);
            Q_EMIT executorsReady(id, list);
            emitDetail(id);
            if (m_metrics.clusterId == id)
                sampleShuffle(id, *executors);
            m_executorsApp = id;
            m_lastExecutors = *executors;
            emitIncidents(id);
        });
    }
    // Jobs and stages also while the Incidents tab needs them: failed jobs and stages feed the detectors.
    const bool jobsNeeded = m_wantJobs || incidentsFocus() == id;
    if (jobsNeeded && !m_jobsInFlight) {
        m_jobsInFlight = true;
        m_client->jobs(appPath(id), [this, gen, id](const spark::RestReply &r) {
            if (gen != m_generation)
                return;
            m_jobsInFlight = false;
            QString error = r.error;
            std::optional<QList<spark::SparkJobInfo>> jobs;
            if (r.ok())
                jobs = spark::parseJobs(r.body, &error);
            noteAnswer(u"jobs"_s, Page::Jobs, r.unreachable, jobs ? QString() : error, id);
            if (!jobs)
                return;
            JobList list;
            for (const spark::SparkJobInfo &j : *jobs) {
                Job job = spark::toJob(j, id);
                job.logTail = taskSummary(j); // Spark keeps no job output: the task counts say how it went
                list.append(job);
            }
            Q_EMIT jobsReady(id, list);
            if (m_stagesApp != id) {
                m_stagesApp = id;
                m_lastStages.clear();
                m_haveStages = false;
            }
            m_lastJobs = *jobs;
            emitStages(id);
            emitIncidents(id);
        });
    }
    // Stages with the jobs (the jobs page lists the selected job's stages; the DAG tab names them).
    if (jobsNeeded && !m_stagesInFlight) {
        m_stagesInFlight = true;
        m_client->stages(appPath(id), [this, gen, id](const spark::RestReply &r) {
            if (gen != m_generation)
                return;
            m_stagesInFlight = false;
            QString error = r.error;
            std::optional<QList<spark::SparkStageInfo>> stages;
            if (r.ok())
                stages = spark::parseStages(r.body, &error);
            noteAnswer(u"stages"_s, Page::Jobs, r.unreachable, stages ? QString() : error, id);
            if (!stages)
                return;
            if (m_stagesApp != id) {
                m_stagesApp = id;
                m_lastJobs.clear();
            }
            m_lastStages = *stages;
            m_haveStages = true;
            emitStages(id);
            emitIncidents(id);
        });
    }
    pollTaskSummary(gen);
}

void SparkFeed::emitIncidents(const QString &appId)
{
    if (incidentsFocus() != appId || m_executorsApp != appId)
        return;
    enginetriage::SparkSnapshot snapshot;
    snapshot.clusterId = appId;
    snapshot.nowMs = QDateTime::currentMSecsSinceEpoch();
    snapshot.executors = m_lastExecutors;
    if (m_stagesApp == appId) {
        snapshot.jobs = m_lastJobs;
        snapshot.stages = m_lastStages;
    }
    Q_EMIT incidentsReady(appId, enginetriage::detectOnEngine(enginetriage::sparkFacts(snapshot)));
}

void SparkFeed::emitStages(const QString &appId)
{
    if (!m_haveStages || m_stagesApp != appId)
        return;
    QList<spark::SparkStageInfo> stages = m_lastStages;
    spark::assignJobIds(stages, m_lastJobs);
    Q_EMIT stagesReady(appId, stages);
}

void SparkFeed::setStageFocus(const QString &clusterId, int stageId, int attemptId)
{
    if (m_stageFocus.appId == clusterId && m_stageFocus.stageId == stageId && m_stageFocus.attemptId == attemptId)
        return;
    m_stageFocus = {clusterId, stageId, attemptId, false};
    pollTaskSummary(m_generation); // the details pane should not wait a whole period
}

void SparkFeed::pollTaskSummary(quint64 gen)
{
    const StageFocus focus = m_stageFocus;
    if (!m_client || focus.stageId < 0 || m_summaryInFlight || m_state != ConnectionState::Connected
        || !m_apps.contains(focus.appId))
        return;
    if (focus.fetched) {
        // Only a stage still running has a summary that changes.
        bool running = false;
        for (const spark::SparkStageInfo &s : std::as_const(m_lastStages))
            if (s.stageId == focus.stageId && s.attemptId == focus.attemptId)
                running = s.status == "ACTIVE"_L1;
        if (!running)
            return;
    }
    m_summaryInFlight = true;
    m_client->taskSummary(appPath(focus.appId), focus.stageId, focus.attemptId, [this, gen, focus](const spark::RestReply &r) {
        if (gen != m_generation)
            return;
        m_summaryInFlight = false;
        QString error = r.error;
        std::optional<spark::TaskSummary> summary;
        if (r.ok())
            summary = spark::parseTaskSummary(r.body, &error);
        if (r.unreachable)
            noteAnswer(u"task summary"_s, Page::Jobs, true, error, focus.appId);
        const bool current = m_stageFocus.appId == focus.appId && m_stageFocus.stageId == focus.stageId
            && m_stageFocus.attemptId == focus.attemptId;
        if (current && !r.unreachable)
            m_stageFocus.fetched = true;
        // A failed summary is the stage's own problem (the details pane says it), not the whole connection's.
        Q_EMIT taskSummaryReady(focus.appId, focus.stageId, focus.attemptId, summary.value_or(spark::TaskSummary{}),
                                summary ? QString() : error);
    });
}

void SparkFeed::setDagFocus(const QString &clusterId, const QStringList &jobIds)
{
    for (const QString &jobId : jobIds)
        Q_EMIT dagFailed(clusterId, jobId,
                         tr("Spark's REST API names no parent stages, so the stage DAG cannot be drawn from it: open "
                            "the application's event log (File > Open Spark event log…) for the stage DAG. The Jobs "
                            "tab lists this job's stages."));
}

void SparkFeed::followMetrics(const MetricsWindowRequest &request)
{
    m_metrics = request;
    m_lastTotals.clear();
    m_lastTotalsMs = 0;
    if (request.clusterId.isEmpty()) {
        Q_EMIT metricsLinkChanged(request.ticket, MetricsLink::Idle, {});
        return;
    }
    Q_EMIT metricsLinkChanged(
        request.ticket, MetricsLink::Polled,
        tr("Spark's executor totals (shuffle read = in, shuffle write = out), polled every %1 s; the per-second rates are "
           "the change between two successive polls, not Spark's own figures. No history before the page opened.")
            .arg(kPollMs / 1000));
}

void SparkFeed::sampleShuffle(const QString &appId, const QList<spark::SparkExecutorInfo> &executors)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    MetricBatch batch;
    batch.clusterId = appId;
    batch.timestampMs = now;
    QHash<QString, ShuffleTotals> totals;
    ShuffleTotals sum;
    for (const spark::SparkExecutorInfo &e : executors) {
        // The driver too: in local mode it is the one executor that runs the tasks and shuffles.
        totals.insert(e.id, {e.shuffleRead, e.shuffleWrite});
        sum.read += e.shuffleRead;
        sum.write += e.shuffleWrite;
    }
    totals.insert(QString(), sum);
    const double seconds = m_lastTotalsMs > 0 ? double(now - m_lastTotalsMs) / 1000.0 : 0.0;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        batch.samples.append({u"bytes_in_total"_s, it.key(), double(it.value().read)});
        batch.samples.append({u"bytes_out_total"_s, it.key(), double(it.value().write)});
        const auto previous = m_lastTotals.constFind(it.key());
        // A rate needs two polls of the same executor; a total that went down (executor replaced) gives none.
        if (seconds > 0 && previous != m_lastTotals.cend() && it.value().read >= previous->read
            && it.value().write >= previous->write) {
            batch.samples.append({u"bytes_in_per_s"_s, it.key(), double(it.value().read - previous->read) / seconds});
            batch.samples.append({u"bytes_out_per_s"_s, it.key(), double(it.value().write - previous->write) / seconds});
        }
    }
    m_lastTotals = totals;
    m_lastTotalsMs = now;
    Q_EMIT metricsBatchReady(m_metrics.ticket, batch);
}

void SparkFeed::cancelJob(const QString &clusterId, const QString &)
{
    refuse(u"cancel"_s, clusterId, tr("Spark's REST API cannot kill jobs: use the kill link of the Spark UI."));
}

// --- YarnFeed ---------------------------------------------------------------------------------------------

YarnFeed::YarnFeed(const QUrl &baseUrl, const QString &displayName, const QString &userName, QObject *parent)
    : EngineFeed(baseUrl, tr("YARN"), parent)
    , m_displayName(displayName)
    , m_userName(userName)
{
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

// --- EventLogFeed -----------------------------------------------------------------------------------------

namespace {
struct LogRead
{
    std::optional<spark::SparkApplication> app;
    QString error;
    qint64 elapsedMs = 0;
};
} // namespace

EventLogFeed::EventLogFeed(const QString &path, QObject *parent)
    : EngineFeed(QUrl::fromLocalFile(path), tr("Spark event log"), parent)
    , m_path(path)
{
}

EventLogFeed::~EventLogFeed()
{
    if (m_cancel)
        m_cancel->store(true);
}

void EventLogFeed::createClient()
{
    if (m_watcher || m_loaded)
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto *watcher = new QFutureWatcher<LogRead>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<LogRead>::finished, this, [this, watcher] {
        const LogRead result = watcher->result();
        watcher->deleteLater();
        m_watcher = nullptr;
        onRead(result.app, result.error, result.elapsedMs);
    });
    // The reader is core code with no event loop of its own: it runs on a pool thread, the answers come back here.
    watcher->setFuture(QtConcurrent::run([path = m_path, cancel = m_cancel] {
        QElapsedTimer clock;
        clock.start();
        LogRead r;
        spark::EventLogReader::Options options;
        options.cancel = cancel.get();
        r.app = spark::EventLogReader::read(path, &r.error, options);
        r.elapsedMs = clock.elapsed();
        return r;
    }));
}

void EventLogFeed::destroyClient()
{
    if (m_cancel)
        m_cancel->store(true); // the reader stops at its next check; its result is dropped with the watcher
    delete m_watcher;
    m_watcher = nullptr;
}

void EventLogFeed::onRead(const std::optional<spark::SparkApplication> &app, const QString &error, qint64 elapsedMs)
{
    m_loaded = true;
    m_state = ConnectionState::Connected;
    Q_EMIT connectionChanged(ConnectionState::Connected, {});
    if (!app) {
        Q_EMIT clustersReady({});
        Q_EMIT answerProblem(tr("Could not open the Spark event log %1: %2").arg(QDir::toNativeSeparators(m_path), error));
        return;
    }
    m_appId = app->id;
    m_cluster = clusterOf(spark::appInfoOf(*app), m_url);
    m_cluster.spec.instanceType = tr("Spark event log");
    int active = 0;
    for (const spark::SparkExecutor &e : app->executors) {
        m_executors.append(spark::toExecutor(spark::executorInfoOf(e)));
        active += e.isActive && e.id != "driver"_L1 ? 1 : 0;
    }
    m_cluster.runningWorkers = active;
    const int everAdded = int(std::count_if(app->executors.cbegin(), app->executors.cend(),
                                            [](const spark::SparkExecutor &e) { return e.id != "driver"_L1; }));
    const QString executorsLine = everAdded == 0
        ? tr("local mode: the driver ran every task")
        : tr("%n executor(s) over the application's life, at most %1 at once", nullptr, everAdded)
              .arg(spark::peakConcurrentExecutors(*app));
    m_cluster.stateReason = tr("%1 · read %2 (%3 events) in %4 s")
                                .arg(executorsLine, presentation::formatBytes(app->bytesRead))
                                .arg(app->events)
                                .arg(double(elapsedMs) / 1000.0, 0, 'f', 1);
    for (const spark::SparkJob &j : app->jobs) {
        const spark::SparkJobInfo info = spark::jobInfoOf(j);
        m_jobInfos.append(info);
        Job job = spark::toJob(info, m_appId);
        job.logTail = taskSummary(info);
        m_jobs.append(job);
    }
    for (const spark::SparkStage &s : app->stages) {
        m_stages.append(spark::stageInfoOf(s));
        const int done = s.numCompleteTasks;
        m_meanTask.insert({s.stageId, s.attemptId},
                          done > 0 ? tr("Mean task run time: %1 over %n finished task(s).", nullptr, done)
                                         .arg(presentation::formatDuration(double(s.metrics.executorRunTime) / 1000.0 / done))
                                   : tr("No task of this stage attempt finished in the log."));
    }
    spark::assignJobIds(m_stages, m_jobInfos);

    // What the log could not give is said, not hidden.
    QStringList notes;
    if (app->inProgress)
        notes.append(tr("This event log is unfinished (no application end%1): the application was still running, or "
                        "Spark did not close the log. Showing what it holds; running jobs and stages are as last logged.")
                         .arg(m_path.endsWith(".inprogress"_L1) ? tr(", .inprogress") : QString()));
    if (app->truncated)
        notes.append(tr("The log ends in a cut-off record: everything before it is shown."));
    if (app->malformedLines > 0)
        notes.append(tr("%n line(s) were not JSON events and were skipped.", nullptr, int(app->malformedLines)));
    notes.append(app->warnings);
    if (!notes.isEmpty())
        Q_EMIT answerProblem(notes.join(u'\n'));
    m_shownFor.clear();
    poll();
}

void EventLogFeed::poll()
{
    if (!m_loaded)
        return;
    const QString key = m_focus + u'|' + QString::number(int(m_wantExecutors)) + QString::number(int(m_wantJobs));
    if (key == m_shownFor)
        return; // a log that has been read does not change
    m_shownFor = key;
    Q_EMIT clustersReady(m_appId.isEmpty() ? ClusterList{} : ClusterList{m_cluster});
    if (m_appId.isEmpty() || m_focus != m_appId)
        return;
    Q_EMIT clusterReady(m_cluster);
    Q_EMIT executorsReady(m_appId, m_executors);
    Q_EMIT jobsReady(m_appId, m_jobs);
    Q_EMIT stagesReady(m_appId, m_stages);
}

void EventLogFeed::cancelJob(const QString &clusterId, const QString &)
{
    refuse(u"cancel"_s, clusterId, tr("An event log is a record of a past run: there is nothing to cancel."));
}

void EventLogFeed::followMetrics(const MetricsWindowRequest &request)
{
    Q_EMIT metricsLinkChanged(request.ticket, request.clusterId.isEmpty() ? MetricsLink::Idle : MetricsLink::Unavailable, {});
}

void EventLogFeed::setStageFocus(const QString &clusterId, int stageId, int attemptId)
{
    if (clusterId != m_appId || stageId < 0)
        return;
    Q_EMIT taskSummaryReady(
        clusterId, stageId, attemptId, {},
        tr("No task quantiles from an event log opened here: ClusterDeck keeps per-stage sums (memory follows the "
           "model, not the log). Spark's History Server serves them for the same log (taskSummary). %1")
            .arg(m_meanTask.value({stageId, attemptId})));
}

void EventLogFeed::setDagFocus(const QString &clusterId, const QStringList &jobIds)
{
    if (!m_loaded || clusterId != m_appId)
        return;
    for (const QString &jobId : jobIds) {
        const auto job = std::find_if(m_jobInfos.cbegin(), m_jobInfos.cend(),
                                      [&](const spark::SparkJobInfo &j) { return QString::number(j.jobId) == jobId; });
        if (job == m_jobInfos.cend()) {
            Q_EMIT dagFailed(clusterId, jobId, tr("The event log has no job %1.").arg(jobId));
            continue;
        }
        QString error;
        const std::optional<dag::Dag> graph = spark::stageDag(m_stages, *job, &error);
        if (graph)
            Q_EMIT dagReady(clusterId, jobId, *graph);
        else
            Q_EMIT dagFailed(clusterId, jobId, error);
    }
}

} // namespace cdeck
