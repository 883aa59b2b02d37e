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
    case Qt::AccessibleTextRole: {
        // What a screen reader says for the row: name, state in words, executors, cost, open incidents.
        QString text = tr("%1, %2, %3 of %4 executors")
                           .arg(c.name(), presentation::stateText(c.state))
                           .arg(c.runningWorkers)
                           .arg(c.spec.workers);
        const QString meter = data(index, MeterTextRole).toString();
        if (!meter.isEmpty())
            text += u", "_s + meter;
        const int open = m_openIncidents.value(c.id, 0);
        if (open > 0)
            text += u", "_s + tr("%n open incident(s)", nullptr, open);
        return text;
    }
    case OpenIncidentsRole:
        return m_openIncidents.value(c.id, -1);
    case RateRole: {
        const auto m = m_meters.constFind(c.id);
        return m == m_meters.cend() || isTerminal(c.state) ? 0.0 : m->ratePerHour;
    }
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

void ClusterListModel::setOpenIncidents(const QHash<QString, int> &counts)
{
    if (counts == m_openIncidents)
        return;
    m_openIncidents = counts;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {OpenIncidentsRole, Qt::AccessibleTextRole});
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

// --- ClusterListFilter ---------------------------------------------------------------------------------

namespace {
// Worst first: what needs an eye (failing, starting, resizing) above what is fine, ended clusters last.
int stateRank(ClusterState state)
{
    switch (state) {
    case ClusterState::TerminatedWithErrors:
        return 0;
    case ClusterState::Starting:
    case ClusterState::Bootstrapping:
        return 1;
    case ClusterState::Running:
        return 2;
    case ClusterState::Waiting:
        return 3;
    case ClusterState::Terminating:
        return 4;
    case ClusterState::Terminated:
        return 5;
    }
    return 6;
}
} // namespace

ClusterListFilter::ClusterListFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0);
}

void ClusterListFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void ClusterListFilter::setHideTerminated(bool hide)
{
    m_hideTerminated = hide;
    invalidateFilter();
}

void ClusterListFilter::setOrder(Order order)
{
    m_order = order;
    invalidate();
}

void ClusterListFilter::setFrozen(bool frozen)
{
    if (frozen == m_frozen)
        return;
    m_frozen = frozen;
    // Off: rows stay where they are until the pointer leaves; then they take their places at once.
    setDynamicSortFilter(!frozen);
    if (!frozen)
        invalidate();
}

bool ClusterListFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto state = ClusterState(index.data(ClusterListModel::StateRole).toInt());
    if (m_hideTerminated && isTerminal(state))
        return false;
    if (m_text.isEmpty())
        return true;
    return index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive)
        || index.data(ClusterListModel::IdRole).toString().contains(m_text, Qt::CaseInsensitive)
        || presentation::stateText(state).contains(m_text, Qt::CaseInsensitive);
}

bool ClusterListFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QString newest[2]
        = {left.data(ClusterListModel::SortRole).toString(), right.data(ClusterListModel::SortRole).toString()};
    switch (m_order) {
    case Order::State: {
        const int l = stateRank(ClusterState(left.data(ClusterListModel::StateRole).toInt()));
        const int r = stateRank(ClusterState(right.data(ClusterListModel::StateRole).toInt()));
        if (l != r)
            return l < r;
        break;
    }
    case Order::Cost: {
        const double l = left.data(ClusterListModel::RateRole).toDouble();
        const double r = right.data(ClusterListModel::RateRole).toDouble();
        if (l != r)
            return l > r; // the most expensive first
        break;
    }
    case Order::Newest:
        break;
    }
    return newest[0] < newest[1];
}

} // namespace cdeck
