// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "sparkfeed.h"

#include "core/backend/enginetriage/enginetriage.h"
#include "core/backend/spark/sparkrestclient.h"
#include "core/backend/spark/sparkstages.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace cdeck {

SparkFeed::SparkFeed(const QUrl &baseUrl, QObject *parent)
    : EngineFeed(baseUrl, sparkCapabilities(), parent)
{
}

FeedCapabilities SparkFeed::sparkCapabilities()
{
    FeedCapabilities c = watchedCapabilities(ConnectionKind::Spark, tr("Spark"));
    c.whyNoSubmit = tr("Spark jobs come from the application's own code; ClusterDeck shows them.");
    c.sparkStages = true;
    // No metric store, but shuffle rates made from successive polls of the executors' totals.
    c.shuffleCharts = true;
    c.sparkShuffleWording = true;
    c.executors = ExecutorKind::SparkExecutors;
    c.clusterDescription = tr("Spark application %1");
    return c;
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

ClusterInfo sparkClusterOf(const spark::SparkAppInfo &app, const QUrl &server)
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

QString sparkJobTaskLine(const spark::SparkJobInfo &j)
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
                ClusterInfo c = sparkClusterOf(app, m_url);
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
                job.logTail = sparkJobTaskLine(j); // Spark keeps no job output: the task counts say how it went
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

} // namespace cdeck
