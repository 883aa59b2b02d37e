// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "executormodel.h"

#include "ui/presentation.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace cdeck {

QVariant ExecutorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Executor &e = at(index.row());
    const bool gone = isGone(e.status);
    const qint64 used = e.memoryManagedBytes + e.memoryUnmanagedBytes;
    switch (role) {
    case Qt::DisplayRole:
        if (m_flavor != Flavor::Dask) {
            if (QVariant text = sparkOrYarnText(e, index.column()); text.isValid())
                return text;
        }
        switch (index.column()) {
        case IdColumn:
            return e.id;
        case StatusColumn:
            return e.statusReason.isEmpty() ? toString(e.status) : u"%1: %2"_s.arg(toString(e.status), e.statusReason);
        case RestartsColumn:
            return e.restarts; // the executor OOM runbook's first check
        case ThreadsColumn:
            return e.threads;
        case MemoryColumn:
            return tr("%1 of %2").arg(presentation::formatBytes(used), presentation::formatBytes(e.memoryLimitBytes));
        case CpuColumn:
            return gone ? QVariant(u"–"_s) : QVariant(u"%1 %"_s.arg(e.cpuPercent, 0, 'f', 0));
        case TasksColumn:
            return tr("%1 running, %2 ready, %3 in memory").arg(e.tasksExecuting).arg(e.tasksReady).arg(e.tasksInMemory);
        case BytesInColumn:
            return presentation::formatBytes(e.bytesInTotal);
        case BytesOutColumn:
            return presentation::formatBytes(e.bytesOutTotal);
        case AddressColumn:
            return e.address.isEmpty() ? u"–"_s : e.address;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case IdColumn:
            return e.id;
        case StatusColumn:
            return int(e.status);
        case RestartsColumn:
            return e.restarts;
        case ThreadsColumn:
            return e.threads;
        case MemoryColumn:
            return used + e.memorySpilledBytes;
        case CpuColumn:
            return m_flavor == Flavor::Spark ? double(e.peakHeapBytes) : e.cpuPercent;
        case TasksColumn:
            return m_flavor == Flavor::Spark ? e.tasksFailed : e.tasksExecuting + e.tasksReady;
        case BytesInColumn:
            return e.bytesInTotal;
        case BytesOutColumn:
            return e.bytesOutTotal;
        case AddressColumn:
            return e.address;
        }
        return {};
    case Qt::ToolTipRole:
        if (m_flavor != Flavor::Dask)
            return toolTip(e);
        return tr("%1 (pid %2, %3)\nstatus: %4 %5\nmemory: managed %6, unmanaged %7, spilled %8, limit %9\n"
                  "restarts: %10, last report %11")
            .arg(e.id)
            .arg(e.pid)
            .arg(e.address.isEmpty() ? tr("no address") : e.address, toString(e.status), e.statusReason,
                 presentation::formatBytes(e.memoryManagedBytes), presentation::formatBytes(e.memoryUnmanagedBytes),
                 presentation::formatBytes(e.memorySpilledBytes), presentation::formatBytes(e.memoryLimitBytes))
            .arg(e.restarts)
            .arg(presentation::formatTime(e.updatedAt));
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && !gone && !isStale())
            return QBrush(presentation::statusColor(e.status));
        if (gone || isStale())
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::FontRole:
        if (isStale() || (gone && index.column() == StatusColumn)) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ThreadsColumn || index.column() == CpuColumn || index.column() == BytesInColumn
            || index.column() == BytesOutColumn || index.column() == RestartsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ExecutorRole:
        return QVariant::fromValue(e);
    case GoneRole:
        return gone;
    default:
        return {};
    }
}

QVariant ExecutorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return SnapshotModel::headerData(section, orientation, role);
    if (m_flavor == Flavor::Spark) {
        switch (section) {
        case ThreadsColumn:
            return tr("Cores");
        case MemoryColumn:
            return tr("Storage memory (cached / on disk)");
        case CpuColumn:
            return tr("Peak JVM heap");
        case TasksColumn:
            return tr("Tasks");
        case BytesInColumn:
            return tr("Shuffle read");
        case BytesOutColumn:
            return tr("Shuffle write");
        case AddressColumn:
            return tr("Host:port");
        default:
            break;
        }
    } else if (m_flavor == Flavor::Yarn) {
        switch (section) {
        case IdColumn:
            return tr("Node");
        case ThreadsColumn:
            return tr("vcores");
        case MemoryColumn:
            return tr("Memory allocated to containers");
        case TasksColumn:
            return tr("Containers");
        case AddressColumn:
            return tr("Node manager (HTTP)");
        default:
            break;
        }
    }
    switch (section) {
    case IdColumn:
        return tr("Executor");
    case StatusColumn:
        return tr("Status");
    case RestartsColumn:
        return tr("Restarts");
    case ThreadsColumn:
        return tr("Threads");
    case MemoryColumn:
        return tr("Memory (managed / unmanaged / spilled)");
    case CpuColumn:
        return tr("CPU");
    case TasksColumn:
        return tr("Tasks");
    case BytesInColumn:
        return tr("Bytes in");
    case BytesOutColumn:
        return tr("Bytes out");
    case AddressColumn:
        return tr("Address");
    }
    return {};
}

void ExecutorModel::setFlavor(Flavor flavor)
{
    if (flavor == m_flavor)
        return;
    beginResetModel();
    m_flavor = flavor;
    endResetModel();
}

QVariant ExecutorModel::sparkOrYarnText(const Executor &e, int column) const
{
    if (m_flavor == Flavor::Spark) {
        switch (column) {
        case CpuColumn:
            return e.peakHeapBytes < 0 ? tr("not reported") : presentation::formatBytes(e.peakHeapBytes);
        case TasksColumn:
            return tr("%1 active, %2 done, %3 failed").arg(e.tasksExecuting).arg(e.tasksCompleted).arg(e.tasksFailed);
        default:
            return {};
        }
    }
    switch (column) {
    case TasksColumn:
        return e.tasksExecuting;
    case BytesInColumn:
    case BytesOutColumn:
        return u"–"_s; // YARN does not count a node's network traffic
    default:
        return {};
    }
}

QString ExecutorModel::toolTip(const Executor &e) const
{
    if (m_flavor == Flavor::Spark)
        return tr("%1 (%2)\nstatus: %3 %4\nstorage memory %5 of %6, on disk %7\npeak JVM heap %8\n"
                  "tasks: %9 active, %10 completed, %11 failed\nadded %12%13")
            .arg(e.id, e.address.isEmpty() ? tr("no address") : e.address, toString(e.status), e.statusReason,
                 presentation::formatBytes(e.memoryManagedBytes), presentation::formatBytes(e.memoryLimitBytes),
                 presentation::formatBytes(e.memorySpilledBytes),
                 e.peakHeapBytes < 0 ? tr("not reported") : presentation::formatBytes(e.peakHeapBytes))
            .arg(e.tasksExecuting)
            .arg(e.tasksCompleted)
            .arg(e.tasksFailed)
            .arg(presentation::formatTime(e.startedAt),
                 e.endedAt.isValid() ? tr(", removed %1").arg(presentation::formatTime(e.endedAt)) : QString());
    return tr("%1 (%2)\nstate: %3 %4\nallocated %5 of %6 to %n container(s)\nlast health report %7", nullptr,
              e.tasksExecuting)
        .arg(e.id, e.address.isEmpty() ? tr("no address") : e.address, toString(e.status), e.statusReason,
             presentation::formatBytes(e.memoryManagedBytes), presentation::formatBytes(e.memoryLimitBytes),
             presentation::formatTime(e.updatedAt));
}

int ExecutorModel::countWithStatus(ExecutorStatus status) const
{
    return int(std::count_if(rows().cbegin(), rows().cend(), [status](const Executor &e) { return e.status == status; }));
}

} // namespace cdeck
