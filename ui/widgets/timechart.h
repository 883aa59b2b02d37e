// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/presentation.h"

#include <QColor>
#include <QList>
#include <QPixmap>
#include <QPointF>
#include <QWidget>

#include <functional>

namespace cdeck {

// One line of a frame: points already reduced to at most a min/max pair per pixel column (x = epoch ms).
struct ChartLine
{
    QString key; // stable id (an executor id, or "" for the total)
    QString label; // legend text
    QColor color;
    qreal width = 1.5;
    Qt::PenStyle style = Qt::SolidLine;
    QList<QPointF> points;
};

// A vertical mark on the time axis: a scale event, a job start, ...
struct ChartMarker
{
    qint64 atMs = 0;
    QString label;
    QColor color = presentation::tone(presentation::Tone::Purple);
};

// A time chart of a few lines, painted by hand (style.md section 3; no Qt Charts items, no OpenGL): the
// caller hands over whole frames (setFrame) and the lines are drawn once per frame, without antialiasing,
// into one pixmap of the plot area; hovering, markers and the no-data band are drawn over that pixmap, so
// they repaint without redrawing a line. The legend and the axes are laid out again only when their texts
// change. A hole in a line longer than gapMs is drawn as a break, never bridged, and the holes of the line
// marked as the gap line are shaded. Hovering shows the time and every line's value there; clicking near a
// line emits lineClicked.
class TimeChart : public QWidget
{
    Q_OBJECT
public:
    explicit TimeChart(const QString &title, QWidget *parent = nullptr);

    void setValueFormatter(std::function<QString(double)> format) { m_format = std::move(format); }
    // Takes effect with the next frame (the title carries the unit the frame chose).
    void setTitle(const QString &title) { m_title = title; }
    QString title() const { return m_title; }
    QString shownTitle() const { return m_titleText; } // as drawn: with the unit the frame chose, "memory (GiB)"
    // Values are divided by the unit that fits the frame's maximum (bytes -> MiB, ...) for the axis; this
    // names the quantity in the axis title, e.g. "memory" -> "memory (GiB)".
    void setValueUnits(const QList<std::pair<double, QString>> &units) { m_units = units; }

    // One frame: the time span, the lines (drawn in order, later on top) and the key of the line whose
    // holes are shaded as "no data". gapMs: a wider hole between two points breaks the line.
    // gapNote labels the shaded holes (wide enough ones) of the gap line.
    void setFrame(qint64 fromMs, qint64 toMs, const QList<ChartLine> &lines, qint64 gapMs,
                  const QString &gapLineKey = QString(), const QString &gapNote = QString());
    int plotColumns() const; // pixel columns of the plot area: the decimation width
    QRect plotRect() const; // the plot area in widget coordinates

    // Vertical markers (time + label), kept across frames until cleared.
    void addMarker(const ChartMarker &marker);
    void setMarkers(const QList<ChartMarker> &markers);
    QList<ChartMarker> markers() const { return m_markers; }

    // A band of the time axis with a note, e.g. where the stream was lost ("unreachable since 12:03:04").
    void setNoDataBand(qint64 fromMs, qint64 toMs, const QString &note);

    // The hover text at this time ("12:03:04" then one "label: value" line per line), as the tooltip shows it.
    QString valuesAt(qint64 atMs) const;
    QList<ChartLine> lines() const { return m_lines; }
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    QString lineNear(const QPoint &viewPos, int tolerancePx = 8) const; // key, or empty
    double axisTop() const { return m_axisTop; } // the value (in the shown unit) at the top of the plot
    QStringList valueAxisLabels() const; // the value axis's labels, bottom to top, as drawn
    QList<qint64> timeTicks() const; // where the time axis is labelled: round clock times, about 110 px apart

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void lineClicked(const QString &key);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct LegendEntry
    {
        QString text;
        QColor color;
        qreal width = 1.5;
        Qt::PenStyle style = Qt::SolidLine;
        bool operator==(const LegendEntry &) const = default;
    };

    void layoutIfNeeded() const;
    void renderLines();
    void updateAccessibleTexts();
    double xOf(double ms) const;
    double yOf(double shownValue) const; // a value already divided by the unit
    QString tickLabel(double value) const;

    QString m_title;
    QString m_titleText;
    QList<ChartLine> m_lines;
    qint64 m_gapMs = 0;
    QList<std::pair<qint64, qint64>> m_gaps; // holes of the gap line, shaded
    QString m_gapNote;
    QList<ChartMarker> m_markers;
    qint64 m_bandFromMs = 0;
    qint64 m_bandToMs = 0;
    QString m_bandNote;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    double m_unitDivisor = 1;
    double m_axisTop = 1;
    double m_axisStep = 0.25;
    QString m_timeFormat;
    qint64 m_hoverMs = -1;
    std::function<QString(double)> m_format;
    QList<std::pair<double, QString>> m_units;
    QList<LegendEntry> m_legend;

    // Layout, redone only when the size, the legend or the value labels' width changed.
    mutable bool m_layoutDirty = true;
    mutable QRect m_plot;
    mutable QList<QRect> m_legendRects;
    mutable int m_valueLabelWidth = 0;
    QPixmap m_linesPixmap; // the lines of the current frame over the plot area
    bool m_linesDirty = true;
};

} // namespace cdeck
