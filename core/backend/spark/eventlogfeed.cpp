// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "eventlogfeed.h"

#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/sparkfeed.h"
#include "core/backend/spark/sparkstages.h"
#include "core/backend/spark/stagedetail.h"
#include "core/model/humanunits.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QStringList>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
struct LogRead
{
    std::optional<spark::SparkApplication> app;
    QString error;
    qint64 elapsedMs = 0;
};
} // namespace

EventLogFeed::EventLogFeed(const QString &path, QObject *parent)
    : EngineFeed(QUrl::fromLocalFile(path), eventLogCapabilities(path), parent)
    , m_path(path)
{
}

FeedCapabilities EventLogFeed::eventLogCapabilities(const QString &path)
{
    FeedCapabilities c = watchedCapabilities(ConnectionKind::EventLog, tr("Spark event log"));
    c.whyNoSubmit = tr("An event log is the record of a past run: ClusterDeck shows its jobs.");
    c.whyNoCancel = tr("An event log is a record of a past run: there is nothing to cancel.");
    c.whyNoCharts = tr("An event log has no time series to chart: the Executors tab has each executor's totals and "
                       "add/remove times.");
    c.sparkStages = true;
    c.problemsAreFinal = true;
    c.executors = ExecutorKind::SparkExecutors;
    c.clusterDescription = tr("Spark application %1, from its event log %2").arg(u"%1"_s, path);
    return c;
}

EventLogFeed::~EventLogFeed()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_summaryCancel)
        m_summaryCancel->store(true);
}

void EventLogFeed::createClient()
{
    if (m_watcher || m_loaded)
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_bytesRead = std::make_shared<std::atomic<qint64>>(0);
    m_bytesTotal = spark::eventLogBytesOnDisk(m_path);
    if (!m_progressTimer) {
        m_progressTimer = new QTimer(this);
        m_progressTimer->setInterval(200);
        connect(m_progressTimer, &QTimer::timeout, this,
                [this] { Q_EMIT readProgress(m_bytesRead ? m_bytesRead->load() : 0, m_bytesTotal); });
    }
    m_progressTimer->start();
    Q_EMIT readProgress(0, m_bytesTotal);
    auto *watcher = new QFutureWatcher<LogRead>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<LogRead>::finished, this, [this, watcher] {
        const LogRead result = watcher->result();
        watcher->deleteLater();
        m_watcher = nullptr;
        m_progressTimer->stop();
        Q_EMIT readProgress(m_bytesTotal, m_bytesTotal);
        onRead(result.app, result.error, result.elapsedMs);
    });
    // The reader is core code with no event loop of its own: it runs on a pool thread, the answers come back here.
    watcher->setFuture(QtConcurrent::run([path = m_path, cancel = m_cancel, bytes = m_bytesRead] {
        QElapsedTimer clock;
        clock.start();
        LogRead r;
        spark::EventLogReader::Options options;
        options.cancel = cancel.get();
        options.progress = [bytes](qint64 read) { bytes->store(read); };
        r.app = spark::EventLogReader::read(path, &r.error, options);
        r.elapsedMs = clock.elapsed();
        return r;
    }));
}

void EventLogFeed::destroyClient()
{
    if (m_cancel)
        m_cancel->store(true); // the reader stops at its next check; its result is dropped with the watcher
    if (m_progressTimer)
        m_progressTimer->stop();
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
    m_cluster = sparkClusterOf(spark::appInfoOf(*app), m_url);
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
                                .arg(executorsLine, units::formatBytes(app->bytesRead))
                                .arg(app->events)
                                .arg(double(elapsedMs) / 1000.0, 0, 'f', 1);
    for (const spark::SparkJob &j : app->jobs) {
        const spark::SparkJobInfo info = spark::jobInfoOf(j);
        m_jobInfos.append(info);
        Job job = spark::toJob(info, m_appId);
        job.logTail = sparkJobTaskLine(info);
        m_jobs.append(job);
    }
    for (const spark::SparkStage &s : app->stages) {
        m_stages.append(spark::stageInfoOf(s));
        const int done = s.numCompleteTasks;
        m_meanTask.insert({s.stageId, s.attemptId},
                          done > 0 ? tr("Mean task run time: %1 over %n finished task(s).", nullptr, done)
                                         .arg(units::formatDuration(double(s.metrics.executorRunTime) / 1000.0 / done))
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

void EventLogFeed::setStageFocus(const QString &clusterId, int stageId, int attemptId)
{
    if (clusterId != m_appId || stageId < 0)
        return;
    const QPair<int, int> key{stageId, attemptId};
    if (const auto known = m_summaries.constFind(key); known != m_summaries.cend()) {
        Q_EMIT taskSummaryReady(clusterId, stageId, attemptId, known->first, known->second);
        return;
    }
    if (m_summaryCancel)
        m_summaryCancel->store(true); // the user moved on: the older stage's read stops
    m_summaryCancel = std::make_shared<std::atomic<bool>>(false);
    using Result = std::pair<spark::TaskSummary, QString>;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this,
            [this, watcher, clusterId, key, cancel = m_summaryCancel] {
                watcher->deleteLater();
                if (cancel->load())
                    return; // superseded: its half-read answer is not the stage on screen
                const Result r = watcher->result();
                m_summaries.insert(key, r);
                Q_EMIT taskSummaryReady(clusterId, key.first, key.second, r.first, r.second);
            });
    const QString meanTask = m_meanTask.value(key);
    watcher->setFuture(QtConcurrent::run([path = m_path, key, meanTask, cancel = m_summaryCancel] {
        QString error;
        const auto detail = spark::readStageDetail(path, key.first, key.second, &error, cancel.get());
        if (!detail)
            return Result{{}, tr("Could not read the stage's tasks from the log: %1").arg(error)};
        if (const auto summary = spark::stageQuantiles(*detail))
            return Result{*summary, {}};
        return Result{{}, tr("No task of this stage attempt succeeded, so there are no quantiles. %1").arg(meanTask)};
    }));
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
