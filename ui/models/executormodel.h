// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/executor.h"
#include "snapshotmodel.h"

namespace cdeck {

// The executors of the cluster on screen, one row per executor id. Retired and lost executors keep their
// rows (the runtime keeps reporting them) and are greyed, so a vanished worker is still explainable.
class ExecutorModel : public SnapshotModel<Executor>
{
    Q_OBJECT
public:
    enum Column { IdColumn, StatusColumn, RestartsColumn, ThreadsColumn, MemoryColumn, CpuColumn, TasksColumn,
                  BytesInColumn, BytesOutColumn, AddressColumn, ColumnCount };
    enum Roles {
        SortRole = Qt::UserRole + 1, // numbers sort as numbers
        ExecutorRole, // QVariant<Executor>, for the memory bar delegate
        GoneRole, // retired or lost
    };

    // Which engine's executors: the columns keep their places, their titles and some figures follow the engine
    // (Spark: cores, storage memory, peak JVM heap, shuffle read/write, failed tasks; YARN: NodeManagers).
    enum class Flavor { Dask, Spark, Yarn };

    using SnapshotModel::SnapshotModel;

    Flavor flavor() const { return m_flavor; }
    void setFlavor(Flavor flavor);

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int countWithStatus(ExecutorStatus status) const;

protected:
    QString keyOf(const Executor &e) const override { return e.id; }

private:
    QVariant sparkOrYarnText(const Executor &e, int column) const;
    QString toolTip(const Executor &e) const;

    Flavor m_flavor = Flavor::Dask;
};

} // namespace cdeck
