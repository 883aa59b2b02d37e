// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusterlistmodel.h"

#include "ui/cost/costexport.h"
#include "ui/presentation.h"

using namespace Qt::StringLiterals;

namespace cdeck {

QVariant ClusterListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClusterInfo &c = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return c.name();
    case Qt::ToolTipRole:
        return tr("%1 (%2)\n%3 %4\n%5").arg(c.name(), c.id, presentation::stateText(c.state), c.stateReason,
                                           presentation::stateMeaning(c.state));
    case IdRole:
        return c.id;
    case StateRole:
        return int(c.state);
    case ClusterRole:
        return QVariant::fromValue(c);
    case SortRole:
        // Live clusters on top (what an on-call engineer looks for), newest first within each group.
        return u"%1-%2"_s.arg(isTerminal(c.state) ? 1 : 0).arg(9999999999999LL - c.createdAt.toMSecsSinceEpoch(), 13,
                                                                 10, QLatin1Char('0'));
    case StaleRole:
        return isStale();
    case MeterTextRole: {
        const auto m = m_meters.constFind(c.id);
        if (m == m_meters.cend())
            return QString();
        return isTerminal(c.state) ? costview::formatMoney(m->total, m->currency)
                                   : tr("%1 · %2 so far")
                                         .arg(costview::formatRate(m->ratePerHour, m->currency),
                                              costview::formatMoney(m->total, m->currency));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ClusterListModel::roleNames() const
{
    QHash<int, QByteArray> names = SnapshotModel::roleNames();
    names.insert(IdRole, "clusterId");
    names.insert(StateRole, "state");
    names.insert(ClusterRole, "cluster");
    names.insert(SortRole, "sortKey");
    names.insert(StaleRole, "stale");
    return names;
}

void ClusterListModel::setMeters(const QHash<QString, CostMeter> &meters)
{
    m_meters = meters;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {MeterTextRole});
}

std::optional<CostMeter> ClusterListModel::meter(const QString &clusterId) const
{
    const auto it = m_meters.constFind(clusterId);
    return it == m_meters.cend() ? std::nullopt : std::optional<CostMeter>(*it);
}

int ClusterListModel::findByName(const QString &name) const
{
    int best = -1;
    for (int i = 0; i < rows().size(); ++i) {
        const ClusterInfo &c = rows().at(i);
        if (c.name() != name)
            continue;
        if (best < 0) {
            best = i;
            continue;
        }
        const ClusterInfo &b = rows().at(best);
        const bool better = isTerminal(b.state) != isTerminal(c.state) ? !isTerminal(c.state) : c.createdAt > b.createdAt;
        if (better)
            best = i;
    }
    return best;
}

} // namespace cdeck
