// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/triage/slo.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace cdeck {

class ClusterController;
class IncidentMonitor;
class RuntimeStore;

// The runtime's SLOs: definitions kept in the store, their status computed from every cluster's jobs
// (live and ended, all that the runtime has on record) through triage::evaluateSlo, and, every round,
// one slo_burn incident per firing SLO (raised on the cluster of its newest bad run, ended once the alert
// stops): fifty failed runs of one pipeline make one incident, not fifty.
//
// Thread contract: the runtime's main thread.
class SloMonitor : public QObject
{
    Q_OBJECT
public:
    using ClusterSource = std::function<QList<ClusterController *>()>;

    SloMonitor(RuntimeStore &store, IncidentMonitor &incidents, ClusterSource clusters, int intervalMs,
               QObject *parent = nullptr);

    void start(); // loads the definitions and the open slo_burn incidents, starts the rounds
    void evaluateNow();

    // Each {definition..., "status": {...}}, oldest definition first.
    QJsonArray statusJson() const;
    std::optional<QJsonObject> statusJson(const QString &id) const;
    // A new SLO from the API's body; nullopt with *error (bad input) or *internal (the store failed).
    std::optional<triage::SloDefinition> add(const QJsonObject &body, QString *error, bool *internal);
    // Removes it and ends its open incident; false when there is no such SLO.
    bool remove(const QString &id, bool *internal);

private:
    QList<triage::SloRun> runs() const;
    triage::SloStatus status(const triage::SloDefinition &slo, const QList<triage::SloRun> &runs, qint64 nowMs) const;
    void endIncident(const QString &sloId, qint64 nowMs);

    RuntimeStore &m_store;
    IncidentMonitor &m_incidents;
    ClusterSource m_clusters;
    QList<triage::SloDefinition> m_slos;
    QHash<QString, triage::Incident> m_open; // by SLO id: its open slo_burn incident
    // Task counts of finished jobs, read once from their stored task graph (a finished job's graph is final).
    mutable QHash<QString, QPair<qint64, qint64>> m_taskCounts;
    QTimer m_timer;
};

} // namespace cdeck
