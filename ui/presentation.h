// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterstate.h"
#include "core/model/executor.h"
#include "core/model/job.h"

#include <QColor>
#include <QDateTime>
#include <QList>
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
// A count or any unitless value as people write it, never "1.5e+03": "0.25", "1,500", then from ten thousand
// on with a suffix and up to four significant digits: "12.5 k", "1.5 M", "2.25 G". `scaleOf` is the largest
// value shown beside this one (an axis's top): the suffix follows it, so that every label of one axis has the
// same suffix ("2.5 k" under "12.5 k", not "2,500"). Digits are grouped and the decimal point is the default
// locale's.
QString formatCount(double value, double scaleOf = 0.0);
// The step of a time axis in seconds for ticks at least `roughS` apart: a step a clock reads well (1, 2, 5,
// 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, then whole days), 1-2-5 below a second.
double clockStepS(double roughS);
// The ticks every `stepS` between fromMs and toMs (epoch ms), on round local times (12:05:00, not 12:04:37).
QList<qint64> clockTicks(qint64 fromMs, qint64 toMs, double stepS);
QString formatDuration(double seconds); // "12.3 s", "4 min 05 s", "2 h 03 min"
QString formatTime(const QDateTime &at); // local time, with the date only when not today
QString formatAge(const QDateTime &at, const QDateTime &now); // "3 min ago"

// A rounded pill with the text centred, as the sidebar and the cluster header draw a state.
void paintBadge(QPainter *painter, const QRect &rect, const QColor &color, const QString &text);
int badgeWidth(const QFontMetrics &metrics, const QString &text);

} // namespace cdeck::presentation
