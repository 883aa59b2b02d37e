// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace cdeck {

// The tasks table of a Spark stage page: one row per task attempt of the stage attempt. Sorting and filtering
// happen here, on a permutation of row numbers with typed keys, not in a QSortFilterProxyModel: a proxy compares
// QVariants through data(), about twice the time for 100,000 tasks (docs/benchmarks.md), and filters by
// string. The view stays virtualised: it asks only the rows on screen.
class StageTasksModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IndexColumn,
        TaskIdColumn,
        AttemptColumn,
        StatusColumn,
        ExecutorColumn,
        HostColumn,
        LocalityColumn,
        LaunchTimeColumn,
        DurationColumn,
        RunTimeColumn, // executor run time: what Spark's taskList sortBy=runtime orders by
        GcTimeColumn,
        InputColumn,
        ShuffleReadColumn,
        ShuffleWriteColumn,
        MemorySpillColumn,
        DiskSpillColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { TaskIdRole = Qt::UserRole + 1, SortKeyRole };

    explicit StageTasksModel(QObject *parent = nullptr);

    // lastUpdated: the log's time, for how long a still-running task had run (as Spark shows it).
    void setTasks(std::vector<spark::SparkTask> tasks, qint64 lastUpdated);
    const std::vector<spark::SparkTask> &tasks() const { return m_tasks; }
    const spark::SparkTask &taskAt(int row) const { return m_tasks[size_t(m_rows[size_t(row)])]; }

    // "" keeps every status (SUCCESS, FAILED, KILLED, RUNNING, GET RESULT).
    void setStatusFilter(const QString &status);
    // "" keeps every executor.
    void setExecutorFilter(const QString &executorId);
    QString statusFilter() const { return m_status; }
    QString executorFilter() const { return m_executor; }
    QStringList statuses() const; // present in the tasks, sorted
    QStringList executors() const; // present in the tasks, in numeric order ("driver" first)

    // The duration Spark shows (finish - launch, or until the log's time for a running task).
    qint64 durationOf(const spark::SparkTask &t) const;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Ascending keeps equal keys in task order, descending is ascending reversed (as Spark orders its task
    // lists); what a sortable QTableView calls on a header click.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

private:
    void rebuildRows(); // filter, then sort
    void sortRows();
    bool keeps(const spark::SparkTask &t) const;

    std::vector<spark::SparkTask> m_tasks;
    std::vector<qint64> m_durations; // by task position: the one key computed, not read
    std::vector<int> m_rows; // row -> position in m_tasks
    qint64 m_lastUpdated = 0;
    QString m_status;
    QString m_executor;
    int m_sortColumn = TaskIdColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace cdeck
