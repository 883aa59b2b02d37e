// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "enginetriage.h"

#include "core/backend/spark/sparkstages.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::enginetriage {

namespace {

qint64 ms(const QDateTime &dt)
{
    return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
}

QList<triage::LogLine> linesOf(const QString &text, qint64 tMs)
{
    QList<triage::LogLine> lines;
    for (const QString &l : text.split(u'\n', Qt::SkipEmptyParts))
        if (!l.trimmed().isEmpty())
            lines.append({tMs, l.trimmed().left(1000)});
    return lines;
}

} // namespace

QString stageKey(int stageId, int attemptId)
{
    return u"%1.%2"_s.arg(stageId).arg(attemptId);
}

triage::ClusterFacts sparkFacts(const SparkSnapshot &s)
{
    triage::ClusterFacts f;
    f.clusterId = s.clusterId;
    f.nowMs = s.nowMs;
    bool running = false;
    for (const spark::SparkJobInfo &j : s.jobs)
        running = running || j.status == "RUNNING"_L1;
    f.state = running ? ClusterState::Running : ClusterState::Waiting;
    for (const spark::SparkExecutorInfo &e : s.executors) {
        if (e.id == "driver"_L1) // the driver going is the application ending, not a lost executor
            continue;
        triage::ExecutorFacts ef;
        ef.executor = spark::toExecutor(e);
        f.executors.append(ef);
    }
    // Stages name no job over REST: invert the jobs' stage lists.
    QList<spark::SparkStageInfo> stages = s.stages;
    spark::assignJobIds(stages, s.jobs);
    for (const spark::SparkJobInfo &j : s.jobs) {
        triage::JobFacts jf;
        jf.job = spark::toJob(j, s.clusterId);
        const qint64 end = ms(j.completionTime);
        for (const spark::SparkStageInfo &st : std::as_const(stages))
            if (st.jobIds.contains(j.jobId) && !st.failureReason.isEmpty())
                jf.log += linesOf(u"stage %1 attempt %2 failed: %3"_s.arg(st.stageId).arg(st.attemptId).arg(st.failureReason),
                                  ms(st.completionTime) > 0 ? ms(st.completionTime) : end);
        if (jf.job.state == JobState::Failed && !jf.log.isEmpty())
            jf.job.stateReason = jf.log.first().text.left(300);
        f.jobs.append(jf);
    }
    // A stage failing attempt after attempt: each failed attempt a failed run of "stage N".
    for (const spark::SparkStageInfo &st : std::as_const(stages)) {
        if (st.status != "FAILED"_L1 || !st.completionTime.isValid())
            continue;
        triage::JobFacts run;
        run.job.id = u"stage-%1"_s.arg(stageKey(st.stageId, st.attemptId));
        run.job.clusterId = s.clusterId;
        run.job.name = u"stage %1 (%2)"_s.arg(st.stageId).arg(st.name.left(80));
        run.job.state = JobState::Failed;
        run.job.stateReason = st.failureReason.section(u'\n', 0, 0).left(300);
        run.job.submittedAt = st.submissionTime;
        run.job.startedAt = st.submissionTime;
        run.job.endedAt = st.completionTime;
        f.jobs.append(run);
    }
    // Task-duration skew from the summaries: Spark's quantiles of the tasks' durations stand for the tasks
    // (the 75th is the p75 the detector compares with; the highest asked for, 0.95 or 1.0, the slowest task).
    const QString durationLabel = QCoreApplication::translate("cdeck::spark::SparkRestClient", "Duration");
    for (const spark::SparkStageInfo &st : std::as_const(stages)) {
        const auto summary = s.taskSummaries.constFind(stageKey(st.stageId, st.attemptId));
        if (summary == s.taskSummaries.cend())
            continue;
        for (const spark::TaskQuantileRow &row : summary->rows) {
            if (row.label != durationLabel || row.values.size() != summary->quantiles.size())
                continue;
            triage::TaskGroupFacts g;
            g.jobId = st.jobIds.isEmpty() ? QString() : QString::number(st.jobIds.first());
            g.group = u"stage-%1"_s.arg(stageKey(st.stageId, st.attemptId));
            g.prefix = u"stage %1 (%2)"_s.arg(st.stageId).arg(st.name.left(80));
            // Enough copies of each quantile for the group to count as the stage's tasks (the detector wants a
            // few), in the proportions the quantiles stand for: the p75 of the copies is Spark's p75.
            const int copies = std::max(1, std::min(st.numCompleteTasks, 100) / int(row.values.size()));
            for (double v : row.values)
                for (int c = 0; c < copies; ++c)
                    g.durationsS.append(v / 1000.0);
            g.fromMs = ms(st.submissionTime);
            g.toMs = ms(st.completionTime) > 0 ? ms(st.completionTime) : s.nowMs;
            f.groups.append(g);
        }
    }
    return f;
}

triage::ClusterFacts yarnFacts(const YarnSnapshot &s)
{
    triage::ClusterFacts f;
    f.clusterId = s.clusterId;
    f.nowMs = s.nowMs;
    bool running = false;
    for (const yarn::YarnNode &n : s.nodes) {
        triage::ExecutorFacts ef;
        ef.executor = yarn::toExecutor(n);
        // A lost node went at its last health report: stable across polls, so the incident keeps its identity.
        if (ef.executor.status == ExecutorStatus::Lost)
            ef.executor.endedAt = n.lastHealthUpdate.isValid() ? n.lastHealthUpdate : QDateTime();
        if (!n.healthReport.isEmpty())
            ef.log = linesOf(n.healthReport, ms(n.lastHealthUpdate));
        f.executors.append(ef);
    }
    for (const yarn::YarnApp &a : s.apps) {
        triage::JobFacts jf;
        jf.job = yarn::toJob(a);
        jf.job.clusterId = s.clusterId;
        running = running || jf.job.state == JobState::Running;
        jf.log = linesOf(a.diagnostics, ms(a.finishedTime));
        f.jobs.append(jf);
    }
    f.state = running ? ClusterState::Running : ClusterState::Waiting;
    return f;
}

triage::IncidentList detectOnEngine(const triage::ClusterFacts &facts, const triage::Thresholds &t)
{
    triage::IncidentList all;
    all += triage::detectExecutorLost(facts, t);
    all += triage::detectShuffleSkew(facts, t);
    all += triage::detectPermissionDenied(facts, t);
    all += triage::detectRetryStorm(facts, t);
    for (triage::Incident &i : all) {
        i.clusterId = facts.clusterId;
        i.runbook = triage::runbookFor(i.type);
        i.id = triage::Incident::makeId(facts.clusterId, i.type, i.subject, i.start);
        i.updatedAt = QDateTime::fromMSecsSinceEpoch(facts.nowMs, Qt::UTC);
    }
    triage::sortForTriage(all);
    return all;
}

} // namespace cdeck::enginetriage
