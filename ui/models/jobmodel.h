// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/job.h"
#include "snapshotmodel.h"

namespace cdeck {

// The jobs (steps) of the cluster on screen, keyed by job id.
class JobModel : public SnapshotModel<Job>
{
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, DurationColumn, ExitCodeColumn, SubmittedColumn, IdColumn, ColumnCount };
    enum Roles { SortRole = Qt::UserRole + 1, JobIdRole };

    using SnapshotModel::SnapshotModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const Job &j) const override { return j.id; }
};

} // namespace cdeck
