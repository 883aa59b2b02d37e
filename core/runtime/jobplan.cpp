// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "jobplan.h"

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

void setVariable(QStringList *env, const QString &keyValue)
{
    const QString key = keyValue.left(keyValue.indexOf(u'=') + 1);
    env->removeIf([&key](const QString &kv) { return kv.startsWith(key); });
    env->append(keyValue);
}

} // namespace

JobPlan planJob(const JobPlanInput &in)
{
    JobPlan plan;
    QStringList env = in.baseEnvironment;
    for (const QString &kv : in.command.environment)
        setVariable(&env, kv);
    setVariable(&env, u"CLUSTERDECK_JOB_ID="_s + in.jobId);
    setVariable(&env, u"CLUSTERDECK_CLUSTER_ID="_s + in.clusterId);
    setVariable(&env, u"PYTHONDONTWRITEBYTECODE=1"_s);
    setVariable(&env, u"PYTHONUNBUFFERED=1"_s);
    setVariable(&env, u"HOME="_s + in.workDir);
    if (in.runAs.drop) {
        setVariable(&env, u"USER="_s + in.runAs.user);
        setVariable(&env, u"LOGNAME="_s + in.runAs.user);
        plan.logNote
            = u"[clusterdeck] the runtime runs as root; this job runs as its cluster's user %1 (uid %2, gid %3) "
              "from %4\n"_s.arg(in.runAs.user)
                  .arg(in.runAs.uid)
                  .arg(in.runAs.gid)
                  .arg(in.workDir);
    }
    plan.process.program = in.command.program;
    plan.process.arguments = in.command.arguments;
    plan.process.environment = env;
    plan.process.workingDirectory = in.workDir;
    plan.process.logPath = in.logPath;
    plan.process.runAs = in.runAs;
    return plan;
}

JobOutcome judgeJobEnd(const JobEnd &end)
{
    JobOutcome o;
    o.exitCode = end.crashed ? -1 : end.exitCode;
    if (end.cancelRequested) {
        o.state = JobState::Cancelled;
        o.reason = u"Cancelled by request"_s;
    } else if (end.clusterEnding) {
        o.state = JobState::Interrupted;
        o.reason = u"Its cluster ended while it ran"_s;
    } else if (!end.crashed && end.exitCode == 0) {
        o.state = JobState::Completed;
    } else {
        o.state = JobState::Failed;
        o.reason = end.crashed ? u"Killed by a signal"_s : u"Exited with code %1"_s.arg(end.exitCode);
    }
    return o;
}

} // namespace cdeck
