// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clusterspec.h"
#include "clusterstate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace cdeck {

// A cluster as the API describes it: its spec, where it is in its life, and a summary of its executors.
struct ClusterInfo
{
    QString id;
    ClusterSpec spec;
    ClusterState state = ClusterState::Starting;
    QString stateReason;
    QDateTime stateChangedAt;
    QDateTime createdAt;
    QDateTime readyAt; // first WAITING
    QDateTime endedAt;
    QString schedulerAddress; // tls://127.0.0.1:port (Dask), spark://127.0.0.1:port
    QString dashboardUrl; // http://127.0.0.1:port (metrics and JSON)
    int runningWorkers = 0; // executors registered and running now
    // Why fewer than the requested `spec.workers` run ("2 of 3 workers running; 1 starting", a replacement
    // backing off or stopped at its cap); "" when the cluster is not active or runs them all.
    QString capacityReason;
    int activeJobs = 0;
    // Who launched it, as a runtime with users says (a scientist acts on its own clusters only); "" unknown.
    QString owner;
    QList<StateChange> history; // every state change, oldest first (describe only)

    QString name() const { return spec.name; }
    QJsonObject toJson(bool withHistory = false) const;
    static ClusterInfo fromJson(const QJsonObject &o);
    friend bool operator==(const ClusterInfo &, const ClusterInfo &) = default;
};

using ClusterList = QList<ClusterInfo>;

} // namespace cdeck

Q_DECLARE_METATYPE(cdeck::ClusterInfo)
