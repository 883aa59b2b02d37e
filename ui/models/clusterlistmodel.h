// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterinfo.h"
#include "snapshotmodel.h"

#include <QHash>
#include <QSortFilterProxyModel>

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
        OpenIncidentsRole, // int: open incidents, -1 when the connection does not say
        RateRole, // double: $/h now, 0 without a meter
    };

    using SnapshotModel::SnapshotModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 1; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int findByName(const QString &name) const; // the newest live one when names repeat; -1 if none

    // From GET /cost/meters; clusters without a meter show none.
    void setMeters(const QHash<QString, CostMeter> &meters);
    std::optional<CostMeter> meter(const QString &clusterId) const;
    // Open incidents per cluster (the runtime's cluster list carries them); clusters not in it show none.
    void setOpenIncidents(const QHash<QString, int> &counts);

protected:
    QHash<QString, CostMeter> m_meters;
    QHash<QString, int> m_openIncidents;
    QString keyOf(const ClusterInfo &c) const override { return c.id; }
};

// The sidebar's view of one connection's clusters: narrowed by a text (name, id or state), terminated ones
// hidden on request, ordered newest first (live on top), by state (worst first) or by cost ($/h). While frozen
// (the pointer is over the list) rows keep their places: a state change does not move the row under a click.
class ClusterListFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Order { Newest, State, Cost };

    explicit ClusterListFilter(QObject *parent = nullptr);

    void setText(const QString &text);
    void setHideTerminated(bool hide);
    void setOrder(Order order);
    void setFrozen(bool frozen);
    bool isFrozen() const { return m_frozen; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    bool m_hideTerminated = false;
    Order m_order = Order::Newest;
    bool m_frozen = false;
};

} // namespace cdeck
