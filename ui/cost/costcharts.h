// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QList>
#include <QString>

#include <utility>

class QChart;
class QChartView;
class QWidget;

// Small Qt Charts helpers for the cost pages: every chart is rebuilt from the runtime's latest answer.
namespace cdeck::costview {

using Bars = QList<std::pair<QString, double>>;

QChartView *makeChartView(const QString &title, QWidget *parent);
// Horizontal bars, largest on top; amounts on the value axis in the currency.
void setHorizontalBars(QChart *chart, const Bars &bars, const QString &currency, QColor color);
// Vertical bars over categories (e.g. days).
void setColumns(QChart *chart, const Bars &bars, const QString &currency, QColor color);
// A pie with each slice labelled "name: $x (y %)".
void setPie(QChart *chart, const Bars &slices, const QString &currency, const QList<QColor> &colors);

} // namespace cdeck::costview
