// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterinfo.h"
#include "snapshotmodel.h"

#include <QHash>

#include <optional>

namespace cdeck {

// A cluster's cost meter as the runtime reported it (GET /cost/meters): the rate of what runs now and the
// exact total so far, rounded only when shown.
struct CostMeter
{
    double ratePerHour = 0;
    double total = 0;
    double workerRatePerHour = 0; // one more worker of this cluster
    QString currency;
};

// The clusters of one connection, one row each (the sidebar). Fed the runtime's GET /clusters snapshots.
class ClusterListModel : public SnapshotModel<ClusterInfo>
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        StateRole, // int(ClusterState)
        ClusterRole, // QVariant<ClusterInfo>
        SortRole, // live clusters first, then newest first
        StaleRole,
        MeterTextRole, // "$0.720/h · $1.23", empty before the first meter arrives
    };

    using SnapshotModel::SnapshotModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 1; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int findByName(const QString &name) const; // the newest live one when names repeat; -1 if none

    // From GET /cost/meters; clusters without a meter show none.
    void setMeters(const QHash<QString, CostMeter> &meters);
    std::optional<CostMeter> meter(const QString &clusterId) const;

protected:
    QHash<QString, CostMeter> m_meters;
    QString keyOf(const ClusterInfo &c) const override { return c.id; }
};

} // namespace cdeck
