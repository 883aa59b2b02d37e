// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "jobrunner.h"

#include "core/runtime/opslog.h"
#include "core/runtime/jobplan.h"
#include "core/runtime/runtimeconfig.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

constexpr qint64 kLogTailBytes = 16 * 1024;
constexpr int kLogTailLines = 40;

} // namespace

JobRunner::JobRunner(Context context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
}

JobRunner::~JobRunner()
{
    for (JobSlot &slot : m_jobs)
        if (slot.process)
            slot.process->disconnect(this);
}

QList<Job> JobRunner::jobs() const
{
    QList<Job> result;
    for (const JobSlot &slot : m_jobs)
        result.append(withLiveLogTail(slot));
    return result;
}

std::optional<Job> JobRunner::job(const QString &jobId) const
{
    for (const JobSlot &slot : m_jobs)
        if (slot.stored.job.id == jobId)
            return withLiveLogTail(slot);
    return std::nullopt;
}

Job JobRunner::withLiveLogTail(const JobSlot &slot) const
{
    // A running job's tail is read from its log on each request (16 KB at most), so a user watching it
    // sees progress; a finished job's tail was fixed when it ended.
    if (isFinished(slot.stored.job.state))
        return slot.stored.job;
    JobSlot live = slot;
    refreshLogTail(live);
    if (m_context.driver && live.stored.job.state == JobState::Running)
        live.stored.job.uiUrl = m_context.driver->jobUiUrl(live.stored.job.id);
    return live.stored.job;
}

int JobRunner::activeCount() const
{
    return int(std::count_if(m_jobs.cbegin(), m_jobs.cend(),
                             [](const JobSlot &s) { return !isFinished(s.stored.job.state); }));
}

QList<engine::ProcessHandle> JobRunner::unfinishedGroups() const
{
    QList<engine::ProcessHandle> groups;
    for (const JobSlot &slot : m_jobs)
        if (!isFinished(slot.stored.job.state))
            groups.append(engine::ProcessHandle{slot.stored.pid});
    return groups;
}

QList<engine::ProcessHandle> JobRunner::runningGroups() const
{
    QList<engine::ProcessHandle> groups;
    for (const JobSlot &slot : m_jobs)
        if (slot.process && slot.process->isRunning())
            groups.append(engine::ProcessHandle{slot.stored.pid});
    return groups;
}

void JobRunner::terminateAll()
{
    for (const JobSlot &slot : std::as_const(m_jobs))
        if (!isFinished(slot.stored.job.state) && slot.stored.pid > 0)
            m_context.host->signal({slot.stored.pid}, engine::ProcessSignal::Terminate);
}

void JobRunner::submit(const JobRequest &request, const QString &scriptPath, Job *job)
{
    JobSlot slot;
    Job &j = slot.stored.job;
    j.id = u"job-"_s
        + QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffULL, 16).rightJustified(10, u'0');
    j.clusterId = m_context.clusterId;
    j.sample = request.sample;
    j.script = scriptPath;
    j.args = request.args;
    j.name = !request.name.isEmpty() ? request.name
        : !request.sample.isEmpty()  ? request.sample
                                     : QFileInfo(scriptPath).fileName();
    j.state = JobState::Pending;
    j.submittedAt = now();
    m_context.host->makePath(m_context.clusterDir + u"/jobs/"_s + j.id);
    slot.stored.logPath = m_context.clusterDir + u"/jobs/"_s + j.id + u".log"_s;
    m_jobs.append(slot);
    m_context.store->saveJob(m_jobs.last().stored);
    start(m_jobs.last());
    *job = m_jobs.last().stored.job;
    Q_EMIT changed();
}

void JobRunner::start(JobSlot &slot)
{
    engine::Host &host = *m_context.host;
    const QString jobId = slot.stored.job.id;
    const auto refuse = [&](const QString &why) {
        Job &j = slot.stored.job;
        j.state = JobState::Failed;
        j.stateReason = why;
        j.endedAt = now();
        m_context.store->saveJob(slot.stored);
        opsLog()->error("cluster {}: job {} not started: {}", m_context.clusterId.toStdString(), jobId.toStdString(),
                        why.toStdString());
    };
    QString error;
    // A job runs as its cluster's own user, like the cluster's engine (never as the runtime's when it is root).
    const engine::RunAs runAs = m_context.driver->engineUser();
    if (m_context.driver->lacksEngineUser()) {
        refuse(u"the cluster's own user was not found after a runtime restart: jobs do not run as the runtime's "
               "user; launch a new cluster"_s);
        return;
    }
    QString workDir = m_context.clusterDir + u"/jobs/"_s + jobId;
    QString script = slot.stored.job.script;
    if (runAs.drop) {
        // The job runs from a staged copy that its user can reach (see jobstaging.h); that folder is the
        // one place it may write.
        const engine::Host::StagedScript staged = host.stageJob(jobId, script, runAs, &error);
        if (!error.isEmpty()) {
            refuse(error);
            return;
        }
        workDir = staged.directory;
        script = staged.script;
    }
    JobPlanInput input;
    input.jobId = jobId;
    input.clusterId = m_context.clusterId;
    input.command = m_context.driver->jobCommand({jobId, script, slot.stored.job.args, workDir});
    input.baseEnvironment = host.environment();
    input.workDir = workDir;
    input.logPath = slot.stored.logPath;
    input.runAs = runAs;
    const JobPlan plan = planJob(input);
    if (!plan.logNote.isEmpty())
        host.appendToFile(slot.stored.logPath, plan.logNote.toUtf8());
    engine::JobProcess *process = host.startJob(plan.process, this);
    slot.process = process;
    connect(process, &engine::JobProcess::started, this, [this, jobId, process] {
        for (JobSlot &s : m_jobs) {
            if (s.stored.job.id != jobId)
                continue;
            s.stored.pid = process->handle().id;
            if (s.stored.job.state == JobState::Pending)
                s.stored.job.state = JobState::Running;
            s.stored.job.startedAt = now();
            m_context.store->saveJob(s.stored);
        }
        Q_EMIT jobRunning(jobId);
        Q_EMIT changed();
    });
    connect(process, &engine::JobProcess::finished, this,
            [this, jobId](int exitCode, bool crashed) { onFinished(jobId, exitCode, crashed); });
    connect(process, &engine::JobProcess::failedToStart, this,
            [this, jobId, process, program = plan.process.program](const QString &why) {
                for (JobSlot &s : m_jobs) {
                    if (s.stored.job.id != jobId)
                        continue;
                    s.stored.job.state = JobState::Failed;
                    s.stored.job.stateReason = u"Cannot start %1: %2"_s.arg(program, why);
                    s.stored.job.endedAt = now();
                    m_context.store->saveJob(s.stored);
                }
                process->deleteLater();
                Q_EMIT changed();
            });
}

void JobRunner::refreshLogTail(JobSlot &slot) const
{
    if (const auto lines = m_context.host->tailLines(slot.stored.logPath, kLogTailLines, kLogTailBytes))
        slot.stored.job.logTail = lines->join(u'\n');
}

void JobRunner::fetchDag(const QString &jobId, DagCallback done, bool fromEngine)
{
    const auto found = job(jobId);
    if (!found) {
        done({}, u"no job %1 on cluster %2"_s.arg(jobId, m_context.clusterId), true);
        return;
    }
    const ClusterState s = m_clusterState;
    const bool engineUp = isActive(s) || s == ClusterState::Bootstrapping;
    const QByteArray stored = m_context.store->loadJobDag(jobId);
    engine::EngineDriver *driver = m_context.driver;
    if (!engineUp || !driver || (!fromEngine && isFinished(found->state) && !stored.isEmpty())) {
        if (stored.isEmpty())
            done({}, u"no DAG was recorded for job %1 before its cluster ended"_s.arg(jobId), false);
        else
            done(stored, {}, false);
        return;
    }
    driver->readDag(jobId, [this, driver, jobId, stored, done](std::optional<QByteArray> json, const QString &error) {
        if (!json) {
            // The engine is busy or gone: the last stored DAG is better than nothing.
            if (!stored.isEmpty())
                done(stored, {}, false);
            else
                done({}, u"cannot read the DAG from the %1: %2"_s.arg(driver->headName(), error), false);
            return;
        }
        m_context.store->saveJobDag(jobId, *json);
        done(*json, {}, false);
    });
}

void JobRunner::onFinished(const QString &jobId, int exitCode, bool crashed)
{
    engine::Host &host = *m_context.host;
    for (JobSlot &s : m_jobs) {
        if (s.stored.job.id != jobId)
            continue;
        Job &j = s.stored.job;
        j.endedAt = now();
        JobEnd end;
        end.exitCode = exitCode;
        end.crashed = crashed;
        end.cancelRequested = s.cancelRequested;
        end.clusterEnding = m_clusterState == ClusterState::Terminating || isTerminal(m_clusterState);
        const JobOutcome outcome = judgeJobEnd(end);
        j.exitCode = outcome.exitCode;
        j.state = outcome.state;
        j.stateReason = outcome.reason;
        // Anything the script left behind in its group goes with it.
        if (s.stored.pid > 0 && host.isAlive({s.stored.pid}))
            host.signal({s.stored.pid}, engine::ProcessSignal::Kill);
        refreshLogTail(s);
        m_context.store->saveJob(s.stored);
        if (s.process)
            s.process->deleteLater();
        opsLog()->info("cluster {}: job {} {} (exit {})", m_context.clusterId.toStdString(), jobId.toStdString(),
                       toString(j.state).toStdString(), exitCode);
    }
    // Keep the finished job's DAG: its task groups stay on the scheduler until the cluster ends.
    // A copy stored while it ran (any read saves one) is out of date now: read the final one from the scheduler.
    fetchDag(
        jobId, [](const QByteArray &, const QString &, bool) {}, true);
    Q_EMIT jobEnded(jobId);
    Q_EMIT changed();
}

QString JobRunner::cancel(const QString &jobId, Job *job)
{
    for (JobSlot &s : m_jobs) {
        if (s.stored.job.id != jobId)
            continue;
        if (isFinished(s.stored.job.state)) {
            *job = s.stored.job;
            return u"Job %1 is already %2"_s.arg(jobId, toString(s.stored.job.state));
        }
        s.cancelRequested = true;
        s.stored.job.state = JobState::CancelPending;
        m_context.store->saveJob(s.stored);
        if (m_context.driver)
            m_context.driver->cancelJob(jobId);
        const engine::ProcessHandle group{s.stored.pid};
        if (group.isValid()) {
            m_context.host->signal(group, engine::ProcessSignal::Terminate);
            QPointer<engine::JobProcess> process = s.process;
            QTimer::singleShot(m_context.config->cancelGraceSeconds * 1000, this, [this, process, group] {
                if (process && process->isRunning())
                    m_context.host->signal(group, engine::ProcessSignal::Kill);
            });
        } else if (s.process) {
            s.process->kill(); // not started yet: it must not run at all
        }
        *job = s.stored.job;
        Q_EMIT changed();
        return {};
    }
    return u"no job %1 on cluster %2"_s.arg(jobId, m_context.clusterId);
}

void JobRunner::interruptAll(const QString &reason)
{
    for (JobSlot &s : m_jobs) {
        if (isFinished(s.stored.job.state))
            continue;
        if (s.process)
            s.process->disconnect(this);
        if (s.stored.pid > 0)
            m_context.host->signal({s.stored.pid}, engine::ProcessSignal::Kill);
        s.stored.job.state = JobState::Interrupted;
        s.stored.job.stateReason = reason;
        s.stored.job.endedAt = now();
        refreshLogTail(s);
        m_context.store->saveJob(s.stored);
    }
}

void JobRunner::restore(QList<StoredJob> jobs)
{
    engine::Host &host = *m_context.host;
    for (StoredJob &stored : jobs) {
        JobSlot slot;
        slot.stored = std::move(stored);
        Job &j = slot.stored.job;
        if (!isFinished(j.state)) {
            if (slot.stored.pid > 0 && host.isAlive({slot.stored.pid}))
                host.signal({slot.stored.pid}, engine::ProcessSignal::Kill); // we can no longer follow it
            j.state = JobState::Interrupted;
            j.stateReason = u"The runtime restarted while the job ran"_s;
            j.endedAt = now();
            refreshLogTail(slot);
            m_context.store->saveJob(slot.stored);
        }
        m_jobs.append(slot);
    }
}

} // namespace cdeck
