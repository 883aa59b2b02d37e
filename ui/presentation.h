// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterstate.h"
#include "core/model/executor.h"
#include "core/model/job.h"

#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>
#include <QList>
#include <QString>

class QEvent;
class QPainter;
class QFontMetrics;
class QRect;
class QWidget;

// How states, sizes and times look everywhere in the console, so the sidebar, the header and the tables
// agree (an on-call engineer reads colour before text).
namespace cdeck::presentation {

// The console's colours, one table (presentation.cpp, kTones): every colour the ui draws that is not a palette
// role is one of these semantic names, with one value for a light window and one for a dark one, chosen by the
// window's lightness. The light values reach WCAG AA (4.5:1) as text on the light palette's window and base, the
// dark values on the dark palette's; text drawn on a tone as a fill takes textOn() so it reaches 4.5:1 too.
enum class Tone {
    // states and severities, as text, bars, badges and swatches
    Info,
    Success,
    Busy,
    Warning,
    Neutral,
    Danger,
    Critical,
    Minor,
    Orange,
    Purple,
    Teal,
    Slate,
    // the memory bar's parts and the shuffle directions
    MemoryManaged,
    MemoryUnmanaged,
    ShuffleIn,
    ShuffleOut,
    // surfaces and lines
    Canvas,
    Card,
    Grid,
    Border,
    RowStripe,
    BarTrack,
    BarGone,
    NoData,
    DangerSurface,
    DangerBorder,
    CodeSurface,
    SearchMatch,
    SelectionOutline,
    PlotOutline,
    // log lines: levels and a search hit's background
    LogError,
    LogWarning,
    LogMatch,
};
// True when the palette's window is dark (the dark column of the table applies).
bool isDark(const QPalette &palette = QGuiApplication::palette());
QColor tone(Tone tone, const QPalette &palette = QGuiApplication::palette());
// Categorical chart series (executors, evidence lines): ten distinct hues that keep 3:1 against the plot.
QColor seriesColor(int index, const QPalette &palette = QGuiApplication::palette());
// A colour of the table (either column, any alpha) as the given palette's column has it; any other colour as it
// is. Colours kept in data (a chart's lines, a lane's bars) are taken when the data is built and follow a later
// theme change through this when painted.
QColor followPalette(const QColor &colour, const QPalette &palette = QGuiApplication::palette());
// Rich text with the table's colours (#rrggbb, and "color:gray" for secondary text) as the palette has them.
QString themedHtml(QString html, const QPalette &palette = QGuiApplication::palette());
// Black or white, whichever reads better on `fill` (the badge's and the bar's text).
QColor textOn(const QColor &fill);
// Secondary text (units, ids, notes) that still reaches 4.5:1, unlike a half-transparent placeholder.
QColor mutedText(const QPalette &palette = QGuiApplication::palette());
// `colour` laid over the palette's base at `share` (0..1): a card's fill in the state colour, in either theme.
QColor tint(const QColor &colour, double share, const QPalette &palette = QGuiApplication::palette());
// The WCAG 2 contrast ratio of two opaque colours (1..21), and the one of a colour with alpha over a background.
double contrastRatio(const QColor &a, const QColor &b);
QColor blendOver(const QColor &top, const QColor &bottom);
// "#rrggbb" or "rgba(r,g,b,a)", for style sheets and rich text.
QString cssColor(const QColor &colour);
// A palette change reached this widget (its own or the application's): time to take colours again.
bool isPaletteChange(const QEvent *event);
// Every label under `root` with the table's colours of its palette, in its rich text (legends built once,
// from a translated string that carries its swatches' colours) and its style sheet.
void rethemeLabels(QWidget *root);
// Sets a style sheet only when it differs: a style sheet's polish may itself change the palette.
void restyle(QWidget *widget, const QString &styleSheet);

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
