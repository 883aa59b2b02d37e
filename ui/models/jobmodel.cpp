// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "jobmodel.h"

#include "ui/presentation.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace cdeck {

QVariant JobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Job &j = at(index.row());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return j.args.isEmpty() ? j.name : u"%1 %2"_s.arg(j.name, j.args.join(u' '));
        case StateColumn:
            return toString(j.state);
        case DurationColumn:
            return j.startedAt.isValid() ? presentation::formatDuration(j.durationSeconds(now)) : u"–"_s;
        case ExitCodeColumn:
            return j.exitCode ? QString::number(*j.exitCode) : u"–"_s;
        case SubmittedColumn:
            return presentation::formatTime(j.submittedAt);
        case IdColumn:
            return j.id;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return int(j.state);
        case DurationColumn:
            return j.durationSeconds(now);
        case ExitCodeColumn:
            return j.exitCode.value_or(-1000);
        case SubmittedColumn:
            return j.submittedAt;
        default:
            return data(index, Qt::DisplayRole);
        }
    case JobIdRole:
        return j.id;
    case Qt::ToolTipRole:
        return j.stateReason.isEmpty() ? j.script : u"%1\n%2"_s.arg(j.stateReason, j.script);
    case Qt::ForegroundRole:
        if (isStale())
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        if (index.column() == StateColumn)
            return QBrush(presentation::jobStateColor(j.state));
        return {};
    case Qt::FontRole:
        if (index.column() == StateColumn || isStale()) {
            QFont f;
            f.setBold(index.column() == StateColumn);
            f.setItalic(isStale());
            return f;
        }
        return {};
    default:
        return {};
    }
}

QVariant JobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return SnapshotModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Job");
    case StateColumn:
        return tr("State");
    case DurationColumn:
        return tr("Duration");
    case ExitCodeColumn:
        return tr("Exit code");
    case SubmittedColumn:
        return tr("Submitted");
    case IdColumn:
        return tr("Id");
    }
    return {};
}

} // namespace cdeck
