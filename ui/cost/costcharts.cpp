// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "costcharts.h"

#include "ui/cost/costexport.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGroupBox>
#include <QLabel>
#include <QHorizontalBarSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck::costview {

namespace {

void clear(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A value axis from 0 with round ticks: the top is 1, 2 or 5 times a power of ten at or above max, split
// in 4 or 5 steps that print exactly ("$0.0005" steps, never "$0.001, $0.001" from a 0.000625 step).
struct NiceAxis
{
    double top = 1;
    int ticks = 5;
    int decimals = 0;
};

NiceAxis niceAxis(double max)
{
    NiceAxis a;
    if (!(max > 0))
        max = 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(max)));
    double step = magnitude;
    for (const auto &[top, intervals] : {std::pair{1.0, 5}, std::pair{2.0, 4}, std::pair{5.0, 5}, std::pair{10.0, 5}}) {
        if (top * magnitude >= max * (1 - 1e-9)) {
            a.top = top * magnitude;
            a.ticks = intervals + 1;
            step = a.top / intervals;
            break;
        }
    }
    a.decimals = std::max(0, int(std::ceil(-std::log10(step) - 1e-9)));
    return a;
}

// printf format for QValueAxis labels: "$%.2f" or "%.2f EUR".
QString axisFormat(const QString &currency, int decimals)
{
    const QString number = u"%."_s + QString::number(decimals) + u'f';
    if (currency == "USD"_L1 || currency.isEmpty())
        return u"$"_s + number;
    return number + u' ' + currency;
}

} // namespace

QChartView *makeChartView(const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation); // redrawn every second: animation would never settle
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

QStringList uniqueLabels(const QStringList &labels)
{
    QStringList out;
    QHash<QString, int> seen;
    for (const QString &label : labels) {
        QString unique = label;
        // A category axis drops a repeated category and the values after it shift onto the wrong labels.
        for (int n = seen.value(label) + 1; out.contains(unique); ++n)
            unique = u"%1 (%2)"_s.arg(label).arg(n + 1);
        seen[label] = seen.value(label) + 1;
        out.append(unique);
    }
    return out;
}

void setHorizontalBars(QChart *chart, const Bars &bars, const QString &currency, QColor color)
{
    clear(chart);
    auto *set = new QBarSet(QString());
    set->setColor(color);
    set->setBorderColor(color);
    double max = 0;
    for (const auto &bar : bars)
        max = std::max(max, bar.second);
    // Each category carries its own amount, rounded under one rule for the whole chart: bar labels
    // (QBarSeries' significant digits) would mix "$0.009733" with "$0.004".
    // The amount first: the axis cuts a long category at its end.
    QStringList labels;
    for (const auto &[label, value] : bars)
        labels.append(formatMoneyAmong(value, max, currency) + u"  "_s + label);
    labels = uniqueLabels(labels);
    QStringList categories;
    // QHorizontalBarSeries draws the first category at the bottom: reverse so the largest is on top.
    for (qsizetype i = bars.size() - 1; i >= 0; --i) {
        categories.append(labels.at(i));
        set->append(bars.at(i).second);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto *x = new QValueAxis;
    const NiceAxis nice = niceAxis(max);
    x->setRange(0, nice.top);
    x->setLabelFormat(axisFormat(currency, nice.decimals));
    x->setTickCount(nice.ticks);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
}

void setColumns(QChart *chart, const Bars &bars, const QString &currency, QColor color)
{
    clear(chart);
    auto *set = new QBarSet(QString());
    set->setColor(color);
    set->setBorderColor(color);
    QStringList categories;
    double max = 0;
    for (const auto &[label, value] : bars) {
        categories.append(label);
        set->append(value);
        max = std::max(max, value);
    }
    categories = uniqueLabels(categories);
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    const NiceAxis nice = niceAxis(max);
    y->setRange(0, nice.top);
    y->setLabelFormat(axisFormat(currency, nice.decimals));
    y->setTickCount(nice.ticks);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}

void setPie(QChart *chart, const Bars &slices, const QString &currency, const QList<QColor> &colors)
{
    clear(chart);
    double total = 0, largest = 0;
    for (const auto &s : slices) {
        total += std::max(0.0, s.second);
        largest = std::max(largest, s.second);
    }
    auto *series = new QPieSeries;
    series->setPieSize(0.8);
    // The legend carries the labels: slice labels would be cut at the chart's edge in a half-width view.
    chart->legend()->show();
    chart->legend()->setAlignment(Qt::AlignRight);
    for (qsizetype i = 0; i < slices.size(); ++i) {
        const double v = std::max(0.0, slices[i].second);
        if (v <= 0)
            continue;
        QPieSlice *slice = series->append(
            u"%1: %2 (%3 %)"_s.arg(slices[i].first, formatMoneyAmong(v, largest, currency))
                .arg(total > 0 ? v / total * 100 : 0, 0, 'f', 0),
            v);
        if (i < colors.size())
            slice->setColor(colors[i]);
    }
    chart->addSeries(series);
}

QLabel *makeFigure(const QString &objectName, double scale, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QWidget *makeFigureTile(const QString &caption, QLabel *figure, bool framed, QWidget *parent)
{
    QWidget *tile = framed ? new QGroupBox(parent) : new QWidget(parent);
    auto *column = new QVBoxLayout(tile);
    column->setContentsMargins(framed ? 10 : 8, framed ? 6 : 4, framed ? 10 : 8, framed ? 6 : 4);
    auto *captionLabel = new QLabel(caption, tile);
    captionLabel->setStyleSheet(u"color: palette(placeholder-text);"_s);
    column->addWidget(captionLabel);
    column->addWidget(figure);
    return tile;
}

} // namespace cdeck::costview
