// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "guardedactionplanner.h"

#include "incidentwords.h"
#include "ui/cost/costexport.h"
#include "ui/presentation.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

using incidentwords::typeTitle;
using presentation::formatBytes;
using presentation::stateText;

void GuardedActionPlanner::setCostRates(double nowPerHour, double workerPerHour, const QString &currency)
{
    m_nowPerHour = nowPerHour;
    m_workerPerHour = workerPerHour;
    m_currency = currency;
}

void GuardedActionPlanner::setResubmitPlan(const QString &incidentId, const QJsonObject &plan, const QString &error)
{
    m_resubmitPlans.insert(incidentId, {plan, error});
}

void GuardedActionPlanner::clear()
{
    m_liveWorkers = -1;
    m_nowPerHour.reset();
    m_resubmitPlans.clear();
}

GuardedActionPlan GuardedActionPlanner::plan(const QString &kind, const triage::Incident *incident) const
{
    GuardedActionPlan p;
    p.kind = kind;
    const triage::Incident *i = incident;
    if (!i) {
        p.whyNot = tr("Select an incident first.");
        return p;
    }
    const bool active = isActive(m_cluster.state);
    p.body = QJsonObject{{u"action"_s, kind}, {u"incidentId"_s, i->id}};
    if (kind == "scale"_L1) {
        planScale(p, *i);
    } else if (kind == "resubmit-larger"_L1) {
        planResubmit(p, *i);
    } else if (kind == "cancel-job"_L1) {
        const bool aboutAJob = i->subject.startsWith(u"job-"_s);
        if (!aboutAJob)
            p.whyNot = tr("This incident is not about one job.");
        else if (!i->isOpen())
            p.whyNot = tr("The job has ended: there is nothing to cancel.");
        p.possible = aboutAJob && i->isOpen() && active;
        p.title = tr("Cancel job %1").arg(i->subject);
        p.change = tr("Job %1 gets SIGTERM, then SIGKILL after the grace period; it ends CANCELLED. Its work so far "
                      "is lost.")
                       .arg(i->subject);
        p.body.insert(u"jobId"_s, i->subject);
    } else if (kind == "terminate"_L1) {
        const bool idle = i->type == triage::IncidentType::IdleCluster;
        if (!idle)
            p.whyNot = tr("Terminating answers an idle cluster, not a %1 incident.").arg(typeTitle(i->type));
        else if (!active)
            p.whyNot = tr("The cluster is %1.").arg(stateText(m_cluster.state));
        else if (m_cluster.spec.terminationProtection)
            p.whyNot = tr("Termination protection is on: turn it off first.");
        p.possible = idle && active && !m_cluster.spec.terminationProtection;
        p.title = tr("Terminate %1").arg(m_cluster.id);
        p.change = tr("Cluster %1 (%2): %3 → TERMINATED. Its %n worker(s) and scheduler stop and stop costing "
                      "money; its history and incidents stay.",
                      nullptr, m_cluster.runningWorkers)
                       .arg(m_cluster.id, m_cluster.spec.name, stateText(m_cluster.state));
    }
    return p;
}

void GuardedActionPlanner::planScale(GuardedActionPlan &p, const triage::Incident &incident) const
{
    const triage::Incident *i = &incident;
    const bool active = isActive(m_cluster.state);
    const bool fits = i->type == triage::IncidentType::ExecutorOom || i->type == triage::IncidentType::ExecutorLost
        || i->type == triage::IncidentType::ShuffleSkew || i->type == triage::IncidentType::NetworkStall;
    // The runtime starts (target - workers not gone) new ones: say that number, not the request's.
    const int live = m_liveWorkers >= 0 ? m_liveWorkers : m_cluster.runningWorkers;
    const int target = std::max(m_cluster.spec.workers, live) + 1;
    const int starts = target - live;
    if (!fits)
        p.whyNot = tr("Adding workers does not answer a %1 incident.").arg(typeTitle(i->type));
    else if (!active)
        p.whyNot = tr("The cluster is %1: only a WAITING or RUNNING cluster scales.").arg(stateText(m_cluster.state));
    else if (m_cluster.spec.scaling.managed() && target > m_cluster.spec.scaling.maxWorkers)
        p.whyNot = tr("The cluster's scaling policy allows at most %n worker(s): raise its maximum first.", nullptr,
                      m_cluster.spec.scaling.maxWorkers);
    p.possible = p.whyNot.isEmpty();
    p.title = tr("Scale up %1").arg(m_cluster.id);
    QString change = tr("Starts %n new worker(s) (%1)", nullptr, starts).arg(m_cluster.spec.instanceType);
    change += u": "_s + tr("%n worker(s) now", nullptr, live) + u" → "_s + tr("%n worker(s)", nullptr, target);
    if (m_cluster.spec.workers > live)
        change += u" "_s
            + tr("(%1 requested, %n missing: they start too).", nullptr, m_cluster.spec.workers - live)
                  .arg(m_cluster.spec.workers);
    else
        change += u"."_s;
    if (m_nowPerHour) {
        const double after = *m_nowPerHour + starts * m_workerPerHour;
        p.ratePerHourBefore = *m_nowPerHour;
        p.ratePerHourAfter = after;
        change += u"\n"_s
            + tr("Cost: %1 → %2 (+%3), billed per second from when they start.")
                  .arg(costview::formatRate(*m_nowPerHour, m_currency), costview::formatRate(after, m_currency),
                       costview::formatRate(starts * m_workerPerHour, m_currency));
    } else {
        change += u"\n"_s + tr("Cost: the cluster's meter has not been received yet.");
    }
    p.change = change;
    p.starts = starts;
    p.body.insert(u"workers"_s, target);
}

void GuardedActionPlanner::planResubmit(GuardedActionPlan &p, const triage::Incident &incident) const
{
    const triage::Incident *i = &incident;
    const QString job = triage::jobOf(*i);
    const auto answer = m_resubmitPlans.constFind(i->id);
    if (i->type != triage::IncidentType::ExecutorOom)
        p.whyNot
            = tr("A larger instance type answers running out of memory, not a %1 incident.").arg(typeTitle(i->type));
    else if (job.isEmpty())
        p.whyNot = tr("No job ran out of memory here: there is nothing to resubmit.");
    else if (answer == m_resubmitPlans.cend())
        p.whyNot = tr("Asking the runtime what it would launch…");
    else if (!answer->second.isEmpty())
        p.whyNot = answer->second;
    p.possible = p.whyNot.isEmpty();
    p.title = tr("Resubmit %1 larger").arg(job);
    p.body.insert(u"jobId"_s, job);
    if (p.possible) {
        const QJsonObject plan = answer->first;
        const QJsonObject from = plan.value(u"from"_s).toObject();
        const QJsonObject to = plan.value(u"to"_s).toObject();
        const QString currency = plan.value(u"currency"_s).toString();
        auto rate = [&currency](const QJsonValue &v) {
            return v.isDouble() ? costview::formatRate(v.toDouble(), currency) : tr("unpriced");
        };
        const QJsonObject jobJson = plan.value(u"job"_s).toObject();
        p.change = tr("Job %1 (%2, %3) runs again, with the same arguments, on a new cluster “%4” cloned from %5:\n"
                      "  instance type: %6 (%7) → %8 (%9)\n"
                      "  workers: %10, cost: %11 → %12 while both run, the new cluster is billed on top.\n"
                      "%5 stays as it is; terminate it when you no longer need it.")
                       .arg(job, jobJson.value(u"name"_s).toString(), jobJson.value(u"state"_s).toString(),
                            to.value(u"name"_s).toString(), m_cluster.id, from.value(u"instanceType"_s).toString(),
                            formatBytes(qint64(from.value(u"memoryLimitBytes"_s).toDouble())),
                            to.value(u"instanceType"_s).toString(),
                            formatBytes(qint64(to.value(u"memoryLimitBytes"_s).toDouble())))
                       .arg(to.value(u"workers"_s).toInt())
                       .arg(rate(from.value(u"ratePerHour"_s)), rate(to.value(u"ratePerHour"_s)));
    }
}

} // namespace cdeck
