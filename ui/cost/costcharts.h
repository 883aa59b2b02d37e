// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QList>
#include <QStringList>
#include <QString>

#include <utility>

class QChart;
class QChartView;
class QLabel;
class QPalette;
class QWidget;

// Small Qt Charts helpers for the cost pages: every chart is rebuilt from the runtime's latest answer.
namespace cdeck::costview {

using Bars = QList<std::pair<QString, double>>;

// A chart view that takes the palette's colours (chart theme, background, axis labels, grid) and follows a
// palette change; its accessible name is the title and its description lists the bars.
QChartView *makeChartView(const QString &title, QWidget *parent);
// The palette's colours on a chart: the light or dark chart theme, text and grid, and the series' table colours
// in the palette's column. The setters below call it; the view calls it again on a palette change.
void applyChartPalette(QChart *chart, const QPalette &palette);
// Labels made distinct ("x", "x (2)"): a category axis silently drops a repeated one.
QStringList uniqueLabels(const QStringList &labels);
// Horizontal bars in the given order, the first on top; each category reads "$amount  label" (one rounding
// for the chart, see moneyDecimals), amounts on the value axis in the currency at round ticks.
void setHorizontalBars(QChart *chart, const Bars &bars, const QString &currency, QColor color);
// Vertical bars over categories (e.g. days).
void setColumns(QChart *chart, const Bars &bars, const QString &currency, QColor color);
// A pie with each slice labelled "name: $x (y %)".
void setPie(QChart *chart, const Bars &slices, const QString &currency, const QList<QColor> &colors);

// A headline figure ("$12.34") in a bold font `scale` times the normal size, selectable so it can be copied.
QLabel *makeFigure(const QString &objectName, double scale, QWidget *parent);
// A figure under its caption; framed tiles (a group box) suit a page of several rows of them.
QWidget *makeFigureTile(const QString &caption, QLabel *figure, bool framed, QWidget *parent);

} // namespace cdeck::costview
