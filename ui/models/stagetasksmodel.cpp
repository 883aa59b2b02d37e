// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "stagetasksmodel.h"

#include "core/backend/spark/historyjson.h"
#include "core/model/humanunits.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

// Executor ids are numbers but strings ("driver", "10", "9"): numbers sort as numbers, after "driver".
bool executorLess(const QString &a, const QString &b)
{
    bool aNumber = false;
    bool bNumber = false;
    const qlonglong an = a.toLongLong(&aNumber);
    const qlonglong bn = b.toLongLong(&bNumber);
    if (aNumber && bNumber)
        return an < bn;
    if (aNumber != bNumber)
        return bNumber; // non-numbers ("driver") first
    return a < b;
}

QString milliseconds(qint64 ms)
{
    return units::formatDuration(double(ms) / 1000.0);
}

} // namespace

StageTasksModel::StageTasksModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StageTasksModel::setTasks(std::vector<spark::SparkTask> tasks, qint64 lastUpdated)
{
    beginResetModel();
    m_tasks = std::move(tasks);
    m_lastUpdated = lastUpdated;
    m_durations.resize(m_tasks.size());
    for (size_t i = 0; i < m_tasks.size(); ++i)
        m_durations[i] = durationOf(m_tasks[i]);
    rebuildRows();
    endResetModel();
}

qint64 StageTasksModel::durationOf(const spark::SparkTask &t) const
{
    return std::max<qint64>(0, spark::historyjson::taskDuration(t, m_lastUpdated));
}

void StageTasksModel::setStatusFilter(const QString &status)
{
    if (status == m_status)
        return;
    beginResetModel();
    m_status = status;
    rebuildRows();
    endResetModel();
}

void StageTasksModel::setExecutorFilter(const QString &executorId)
{
    if (executorId == m_executor)
        return;
    beginResetModel();
    m_executor = executorId;
    rebuildRows();
    endResetModel();
}

QStringList StageTasksModel::statuses() const
{
    QSet<QString> seen;
    for (const spark::SparkTask &t : m_tasks)
        seen.insert(t.status());
    QStringList out(seen.cbegin(), seen.cend());
    out.sort();
    return out;
}

QStringList StageTasksModel::executors() const
{
    QSet<QString> seen;
    for (const spark::SparkTask &t : m_tasks)
        seen.insert(t.executorId);
    QStringList out(seen.cbegin(), seen.cend());
    std::sort(out.begin(), out.end(), executorLess);
    return out;
}

bool StageTasksModel::keeps(const spark::SparkTask &t) const
{
    return (m_status.isEmpty() || t.status() == m_status) && (m_executor.isEmpty() || t.executorId == m_executor);
}

void StageTasksModel::rebuildRows()
{
    m_rows.clear();
    m_rows.reserve(m_tasks.size());
    for (size_t i = 0; i < m_tasks.size(); ++i)
        if (keeps(m_tasks[i]))
            m_rows.push_back(int(i));
    sortRows();
}

void StageTasksModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> taskOfPersistent;
    taskOfPersistent.reserve(size_t(before.size()));
    for (const QModelIndex &i : before)
        taskOfPersistent.push_back(m_rows[size_t(i.row())]);
    m_sortColumn = column;
    m_sortOrder = order;
    sortRows();
    if (!before.isEmpty()) {
        std::vector<int> rowOfTask(m_tasks.size(), -1);
        for (size_t r = 0; r < m_rows.size(); ++r)
            rowOfTask[size_t(m_rows[r])] = int(r);
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype k = 0; k < before.size(); ++k)
            after.append(index(rowOfTask[size_t(taskOfPersistent[size_t(k)])], before.at(k).column()));
        changePersistentIndexList(before, after);
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void StageTasksModel::sortRows()
{
    // Always from task order, so a sort is one stable pass whatever came before: ascending keeps ties in task
    // order, and descending is ascending reversed (ties last task first), as Spark's History Server lists
    // taskList?sortBy=-runtime.
    std::sort(m_rows.begin(), m_rows.end());
    const std::vector<spark::SparkTask> &t = m_tasks;
    auto by = [&](auto key) {
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](int a, int b) { return key(a) < key(b); });
    };
    auto metric = [&](qint64 spark::TaskMetricSums::*m) { by([&t, m](int i) { return t[size_t(i)].metrics.*m; }); };
    switch (m_sortColumn) {
    case IndexColumn:
        by([&t](int i) { return t[size_t(i)].index; });
        break;
    case TaskIdColumn:
        by([&t](int i) { return t[size_t(i)].taskId; });
        break;
    case AttemptColumn:
        by([&t](int i) { return t[size_t(i)].attempt; });
        break;
    case StatusColumn: {
        std::vector<QString> statuses(t.size());
        for (int i : m_rows)
            statuses[size_t(i)] = t[size_t(i)].status();
        by([&statuses](int i) { return statuses[size_t(i)]; });
        break;
    }
    case ExecutorColumn:
        std::stable_sort(m_rows.begin(), m_rows.end(),
                         [&t](int a, int b) { return executorLess(t[size_t(a)].executorId, t[size_t(b)].executorId); });
        break;
    case HostColumn:
        by([&t](int i) { return t[size_t(i)].host; });
        break;
    case LocalityColumn:
        by([&t](int i) { return t[size_t(i)].locality; });
        break;
    case LaunchTimeColumn:
        by([&t](int i) { return t[size_t(i)].launchTime; });
        break;
    case DurationColumn:
        by([this](int i) { return m_durations[size_t(i)]; });
        break;
    case RunTimeColumn:
        metric(&spark::TaskMetricSums::executorRunTime);
        break;
    case GcTimeColumn:
        metric(&spark::TaskMetricSums::jvmGcTime);
        break;
    case InputColumn:
        metric(&spark::TaskMetricSums::inputBytes);
        break;
    case ShuffleReadColumn:
        by([&t](int i) { return t[size_t(i)].metrics.shuffleReadBytes(); });
        break;
    case ShuffleWriteColumn:
        metric(&spark::TaskMetricSums::shuffleWriteBytes);
        break;
    case MemorySpillColumn:
        metric(&spark::TaskMetricSums::memoryBytesSpilled);
        break;
    case DiskSpillColumn:
        metric(&spark::TaskMetricSums::diskBytesSpilled);
        break;
    case ErrorColumn:
        by([&t](int i) { return t[size_t(i)].errorMessage; });
        break;
    default:
        break;
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(m_rows.begin(), m_rows.end());
}

QVariant StageTasksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const size_t position = size_t(m_rows[size_t(index.row())]);
    const spark::SparkTask &t = m_tasks[position];
    const spark::TaskMetricSums &m = t.metrics;
    if (role == TaskIdRole)
        return t.taskId;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case StatusColumn:
        case ExecutorColumn:
        case HostColumn:
        case LocalityColumn:
        case LaunchTimeColumn:
        case ErrorColumn:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        default:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ErrorColumn && t.hasError)
        return t.errorMessage;
    if (role == SortKeyRole) {
        switch (index.column()) {
        case DurationColumn:
            return m_durations[position];
        case TaskIdColumn:
            return t.taskId;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    auto bytes = [&t](qint64 v) { return t.hasMetrics ? units::formatBytes(v) : QString(); };
    switch (index.column()) {
    case IndexColumn:
        return t.index;
    case TaskIdColumn:
        return t.taskId;
    case AttemptColumn:
        return t.attempt;
    case StatusColumn:
        return t.status();
    case ExecutorColumn:
        return t.executorId;
    case HostColumn:
        return t.host;
    case LocalityColumn:
        return t.locality;
    case LaunchTimeColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(t.launchTime), QLocale::ShortFormat);
    case DurationColumn:
        return milliseconds(m_durations[position]);
    case RunTimeColumn:
        return t.hasMetrics ? milliseconds(m.executorRunTime) : QString();
    case GcTimeColumn:
        return t.hasMetrics ? milliseconds(m.jvmGcTime) : QString();
    case InputColumn:
        return bytes(m.inputBytes);
    case ShuffleReadColumn:
        return bytes(m.shuffleReadBytes());
    case ShuffleWriteColumn:
        return bytes(m.shuffleWriteBytes);
    case MemorySpillColumn:
        return bytes(m.memoryBytesSpilled);
    case DiskSpillColumn:
        return bytes(m.diskBytesSpilled);
    case ErrorColumn:
        return t.errorMessage.section(u'\n', 0, 0);
    default:
        return {};
    }
}

QVariant StageTasksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IndexColumn:
        return tr("Index");
    case TaskIdColumn:
        return tr("Task ID");
    case AttemptColumn:
        return tr("Attempt");
    case StatusColumn:
        return tr("Status");
    case ExecutorColumn:
        return tr("Executor");
    case HostColumn:
        return tr("Host");
    case LocalityColumn:
        return tr("Locality");
    case LaunchTimeColumn:
        return tr("Launch time");
    case DurationColumn:
        return tr("Duration");
    case RunTimeColumn:
        return tr("Run time");
    case GcTimeColumn:
        return tr("GC time");
    case InputColumn:
        return tr("Input");
    case ShuffleReadColumn:
        return tr("Shuffle read");
    case ShuffleWriteColumn:
        return tr("Shuffle write");
    case MemorySpillColumn:
        return tr("Spill (memory)");
    case DiskSpillColumn:
        return tr("Spill (disk)");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

} // namespace cdeck
