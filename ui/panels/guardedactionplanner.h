// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterinfo.h"
#include "core/triage/incident.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QPair>

#include <optional>

namespace cdeck {

// A guarded action planned for an incident: what it will change, or why it cannot run.
struct GuardedActionPlan
{
    QString kind; // "scale", "cancel-job", "terminate", "resubmit-larger"
    bool possible = false;
    QString title; // "Scale up c-1"
    QString change; // "Workers: 1 -> 2 (local.small). ..."
    QString whyNot; // when not possible
    QJsonObject body; // POST /clusters/{id}/actions, as sent (the runtime records who sent it)
    int starts = 0; // "scale": how many workers the runtime will start
    double ratePerHourBefore = 0; // "scale": the cluster's meter now, and with the new workers (0: no meter yet)
    double ratePerHourAfter = 0;
};

// Plans the Incidents tab's guarded actions (scale up, cancel the job, terminate an idle cluster, resubmit on a
// larger type) from what the tab knows of the cluster: its spec and state, the workers not gone, its cost meter
// and the runtime's resubmit plans. No widgets: the panel shows the plans, confirms and sends them.
class GuardedActionPlanner
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::IncidentsPanel) // the panel's words, in the context they are translated in

public:
    void setCluster(const ClusterInfo &cluster) { m_cluster = cluster; }
    // The workers not gone (running or starting): what the runtime starts new ones against.
    void setLiveWorkers(int workers) { m_liveWorkers = workers; }
    void setCostRates(double nowPerHour, double workerPerHour, const QString &currency);
    // The runtime's answer to "what would resubmitting this incident's job larger launch?" (or why not).
    void setResubmitPlan(const QString &incidentId, const QJsonObject &plan, const QString &error);
    void clear(); // all but the cluster, which the next setCluster replaces

    GuardedActionPlan plan(const QString &kind, const triage::Incident *incident) const;

private:
    void planScale(GuardedActionPlan &p, const triage::Incident &incident) const;
    void planResubmit(GuardedActionPlan &p, const triage::Incident &incident) const;

    ClusterInfo m_cluster;
    int m_liveWorkers = -1; // -1 until the executors arrive
    std::optional<double> m_nowPerHour;
    double m_workerPerHour = 0;
    QString m_currency;
    QHash<QString, QPair<QJsonObject, QString>> m_resubmitPlans; // incident id -> (plan, error)
};

} // namespace cdeck
