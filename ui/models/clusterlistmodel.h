// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterinfo.h"
#include "snapshotmodel.h"

namespace cdeck {

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
    };

    using SnapshotModel::SnapshotModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 1; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int findByName(const QString &name) const; // the newest live one when names repeat; -1 if none

protected:
    QString keyOf(const ClusterInfo &c) const override { return c.id; }
};

} // namespace cdeck
