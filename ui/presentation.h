// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterstate.h"
#include "core/model/executor.h"
#include "core/model/job.h"

#include <QColor>
#include <QDateTime>
#include <QString>

class QPainter;
class QFontMetrics;
class QRect;

// How states, sizes and times look everywhere in the console, so the sidebar, the header and the tables
// agree (an on-call engineer reads colour before text).
namespace cdeck::presentation {

QColor stateColor(ClusterState state);
QColor statusColor(ExecutorStatus status);
QColor jobStateColor(JobState state);
QString stateText(ClusterState state); // "WAITING": the API's word, as EMR's console shows it
QString stateMeaning(ClusterState state); // one translated sentence: what the state means for the user

QString formatBytes(qint64 bytes); // "1.5 GiB"
QString formatDuration(double seconds); // "12.3 s", "4 min 05 s", "2 h 03 min"
QString formatTime(const QDateTime &at); // local time, with the date only when not today
QString formatAge(const QDateTime &at, const QDateTime &now); // "3 min ago"

// A rounded pill with the text centred, as the sidebar and the cluster header draw a state.
void paintBadge(QPainter *painter, const QRect &rect, const QColor &color, const QString &text);
int badgeWidth(const QFontMetrics &metrics, const QString &text);

} // namespace cdeck::presentation
