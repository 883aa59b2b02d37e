// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>

#include <functional>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

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
    QColor color = QColor(0x6a, 0x1b, 0x9a);
};

// A time chart of a few lines (Qt Charts, no OpenGL: see docs/qt64-notes): the caller hands over whole
// frames (setFrame), each line goes into its QLineSeries in one replace() call. A hole in a line longer than
// gapMs is drawn as a break, never bridged, and the holes of the line marked showGaps are shaded. Hovering
// shows the time and every line's value there; clicking near a line emits lineClicked.
class TimeChart : public QChartView
{
    Q_OBJECT
public:
    explicit TimeChart(const QString &title, QWidget *parent = nullptr);

    void setValueFormatter(std::function<QString(double)> format) { m_format = std::move(format); }
    // Takes effect with the next frame (the title carries the unit the frame chose).
    void setTitle(const QString &title) { m_title = title; }
    QString title() const { return m_title; }
    // Values are divided by the unit that fits the frame's maximum (bytes -> MiB, ...) for the axis; this
    // names the quantity in the axis title, e.g. "memory" -> "memory (GiB)".
    void setValueUnits(const QList<std::pair<double, QString>> &units) { m_units = units; }

    // One frame: the time span, the lines (drawn in order, later on top) and the key of the line whose
    // holes are shaded as "no data". gapMs: a wider hole between two points breaks the line.
    // gapNote labels the shaded holes (wide enough ones) of the gap line.
    void setFrame(qint64 fromMs, qint64 toMs, const QList<ChartLine> &lines, qint64 gapMs,
                  const QString &gapLineKey = QString(), const QString &gapNote = QString());
    int plotColumns() const; // pixel columns of the plot area: the decimation width

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

Q_SIGNALS:
    void lineClicked(const QString &key);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    QLineSeries *seriesAt(int index);
    QPointF toView(double x, double y) const;

    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QString m_title;
    QList<QLineSeries *> m_pool; // reused across frames: creating series per frame costs more than drawing
    QList<ChartLine> m_lines;
    QList<std::pair<qint64, qint64>> m_gaps; // holes of the gap line, shaded
    QString m_gapNote;
    QList<ChartMarker> m_markers;
    qint64 m_bandFromMs = 0;
    qint64 m_bandToMs = 0;
    QString m_bandNote;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    double m_unitDivisor = 1;
    qint64 m_hoverMs = -1;
    std::function<QString(double)> m_format;
    QList<std::pair<double, QString>> m_units;
};

} // namespace cdeck
