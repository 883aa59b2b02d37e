// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "costcharts.h"

#include "ui/cost/costexport.h"
#include "ui/presentation.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsScene>
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

// A chart view that follows the palette: Qt Charts keeps its own theme, so a palette change is passed on.
class ThemedChartView : public QChartView
{
public:
    using QChartView::QChartView;

protected:
    void changeEvent(QEvent *event) override
    {
        QChartView::changeEvent(event);
        if (presentation::isPaletteChange(event))
            applyChartPalette(chart(), palette());
    }
};

// What a screen reader says for a chart: its title, then each bar or slice with its amount.
void describeChart(QChart *chart, const QStringList &lines)
{
    if (!chart->scene())
        return;
    for (QGraphicsView *view : chart->scene()->views()) {
        view->setAccessibleName(chart->title());
        view->setAccessibleDescription(lines.join(u'\n'));
    }
}

} // namespace

void applyChartPalette(QChart *chart, const QPalette &palette)
{
    // The series' colours are the table's: keep them across the theme's reset, in the palette's column.
    QList<std::pair<QBarSet *, QColor>> sets;
    QList<std::pair<QPieSlice *, QColor>> slices;
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
            for (QBarSet *set : bars->barSets())
                sets.append({set, set->color()});
        if (auto *pie = qobject_cast<QPieSeries *>(series))
            for (QPieSlice *slice : pie->slices())
                slices.append({slice, slice->color()});
    }
    const QChart::ChartTheme theme = presentation::isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme) {
        const QFont titleFont = chart->titleFont();
        chart->setTheme(theme);
        chart->setTitleFont(titleFont);
    }
    const QColor text = palette.color(QPalette::Text);
    const QColor grid = presentation::tone(presentation::Tone::Grid, palette);
    chart->setBackgroundBrush(palette.base());
    chart->setBackgroundPen(Qt::NoPen);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setLinePenColor(presentation::tone(presentation::Tone::Border, palette));
        axis->setGridLineColor(grid);
        axis->setTitleBrush(text);
    }
    for (const auto &[set, colour] : std::as_const(sets)) {
        set->setColor(presentation::followPalette(colour, palette));
        set->setBorderColor(presentation::followPalette(colour, palette));
        set->setLabelColor(presentation::textOn(set->color()));
    }
    for (const auto &[slice, colour] : std::as_const(slices)) {
        slice->setColor(presentation::followPalette(colour, palette));
        slice->setBorderColor(palette.color(QPalette::Base));
        slice->setLabelColor(text);
    }
}

QChartView *makeChartView(const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation); // redrawn every second: animation would never settle
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    auto *view = new ThemedChartView(chart, parent);
    view->setAccessibleName(title);
    view->setFocusPolicy(Qt::TabFocus); // reached by Tab: a screen reader reads its bars
    applyChartPalette(chart, view->palette());
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
    applyChartPalette(chart, QGuiApplication::palette());
    describeChart(chart, labels);
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
    applyChartPalette(chart, QGuiApplication::palette());
    QStringList lines;
    for (const auto &[label, value] : bars)
        lines.append(u"%1: %2"_s.arg(label, formatMoneyAmong(value, max, currency)));
    describeChart(chart, lines);
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
    applyChartPalette(chart, QGuiApplication::palette());
    QStringList lines;
    for (QPieSlice *slice : series->slices())
        lines.append(slice->label());
    describeChart(chart, lines);
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
