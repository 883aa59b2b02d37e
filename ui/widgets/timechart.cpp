// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "timechart.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
// Index of the point nearest to x in points sorted by x (-1 when empty).
qsizetype nearestIndex(const QList<QPointF> &points, double x)
{
    if (points.isEmpty())
        return -1;
    const auto it = std::lower_bound(points.cbegin(), points.cend(), x,
                                     [](const QPointF &p, double v) { return p.x() < v; });
    qsizetype i = it - points.cbegin();
    if (i >= points.size())
        return points.size() - 1;
    if (i > 0 && std::abs(points[i - 1].x() - x) <= std::abs(points[i].x() - x))
        return i - 1;
    return i;
}

QString timeFormatFor(qint64 spanMs)
{
    if (spanMs <= 2 * 3'600'000LL)
        return u"HH:mm:ss"_s;
    if (spanMs <= 36 * 3'600'000LL)
        return u"HH:mm"_s;
    return u"dd MMM HH:mm"_s;
}
} // namespace

TimeChart::TimeChart(const QString &title, QWidget *parent)
    : QChartView(parent)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
    , m_title(title)
    , m_format([](double v) { return QString::number(v, 'g', 4); })
{
    auto *c = new QChart;
    c->setTitle(title);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->legend()->setShowToolTips(true);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(0);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignLeft);
    m_timeAxis->setTickCount(7);
    m_valueAxis->setTickCount(5);
    m_valueAxis->setLabelFormat(u"%.3g"_s);
    setChart(c);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setMinimumHeight(200);
    seriesAt(0); // mapToPosition needs a series attached to the axes, even before the first frame
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setFrame(now - 300'000, now, {}, 0);
}

QLineSeries *TimeChart::seriesAt(int index)
{
    while (m_pool.size() <= index) {
        auto *s = new QLineSeries;
        chart()->addSeries(s);
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_valueAxis);
        m_pool.append(s);
    }
    return m_pool[index];
}

int TimeChart::plotColumns() const
{
    return std::max(50, int(chart()->plotArea().width()));
}

void TimeChart::setFrame(qint64 fromMs, qint64 toMs, const QList<ChartLine> &lines, qint64 gapMs,
                         const QString &gapLineKey, const QString &gapNote)
{
    m_gapNote = gapNote;
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + 1);
    m_lines = lines;
    m_gaps.clear();

    double maxValue = 0;
    for (const ChartLine &l : lines)
        for (const QPointF &p : l.points)
            maxValue = std::max(maxValue, p.y());
    m_unitDivisor = 1;
    QString unit;
    for (const auto &[divisor, name] : std::as_const(m_units)) {
        if (maxValue >= divisor || unit.isEmpty()) {
            m_unitDivisor = divisor;
            unit = name;
        }
    }
    chart()->setTitle(unit.isEmpty() ? m_title : u"%1 (%2)"_s.arg(m_title, unit));

    // Lines split at holes: each run gets a series; only a line's first run shows in the legend.
    int used = 0;
    for (const ChartLine &l : lines) {
        QList<QPointF> run;
        bool first = true;
        auto flush = [&] {
            if (run.isEmpty())
                return;
            QLineSeries *s = seriesAt(used++);
            QPen pen(l.color, l.width, l.style);
            pen.setCosmetic(true);
            s->setPen(pen);
            s->setName(l.label);
            s->replace(run);
            s->setVisible(true);
            const QList<QLegendMarker *> markers = chart()->legend()->markers(s);
            for (QLegendMarker *m : markers)
                m->setVisible(first);
            first = false;
            run.clear();
        };
        for (qsizetype i = 0; i < l.points.size(); ++i) {
            const QPointF &p = l.points[i];
            if (i > 0 && gapMs > 0 && p.x() - l.points[i - 1].x() > double(gapMs)) {
                flush();
                if (l.key == gapLineKey)
                    m_gaps.append({qint64(l.points[i - 1].x()), qint64(p.x())});
            }
            run.append(QPointF(p.x(), p.y() / m_unitDivisor));
        }
        // A line with no point yet still gets its legend entry (the user sees which executor is quiet).
        if (run.isEmpty() && first) {
            QLineSeries *s = seriesAt(used++);
            s->setPen(QPen(l.color, l.width, l.style));
            s->setName(l.label + tr(" (no data)"));
            s->clear();
            s->setVisible(true);
            for (QLegendMarker *m : chart()->legend()->markers(s))
                m->setVisible(true);
            continue;
        }
        flush();
        // The newest point of the gap line far behind the right edge: the stretch since is a hole too.
        if (l.key == gapLineKey && !l.points.isEmpty() && gapMs > 0 && double(m_toMs) - l.points.last().x() > double(gapMs))
            m_gaps.append({qint64(l.points.last().x()), m_toMs});
    }
    for (int i = used; i < m_pool.size(); ++i) {
        m_pool[i]->clear();
        m_pool[i]->setVisible(false);
        for (QLegendMarker *m : chart()->legend()->markers(m_pool[i]))
            m->setVisible(false);
    }

    m_timeAxis->setFormat(timeFormatFor(m_toMs - m_fromMs));
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_fromMs), QDateTime::fromMSecsSinceEpoch(m_toMs));
    const double top = maxValue > 0 ? maxValue / m_unitDivisor * 1.1 : 1.0;
    m_valueAxis->setRange(0, top);
    m_valueAxis->applyNiceNumbers();
    viewport()->update();
}

void TimeChart::addMarker(const ChartMarker &marker)
{
    m_markers.append(marker);
    viewport()->update();
}

void TimeChart::setMarkers(const QList<ChartMarker> &markers)
{
    m_markers = markers;
    viewport()->update();
}

void TimeChart::setNoDataBand(qint64 fromMs, qint64 toMs, const QString &note)
{
    m_bandFromMs = fromMs;
    m_bandToMs = toMs;
    m_bandNote = note;
    viewport()->update();
}

QPointF TimeChart::toView(double x, double y) const
{
    const QPointF inChart = chart()->mapToPosition(QPointF(x, y / m_unitDivisor), m_pool.first());
    return chart()->mapToScene(inChart);
}

QString TimeChart::valuesAt(qint64 atMs) const
{
    const qint64 span = m_toMs - m_fromMs;
    // A point further than a couple of columns from the cursor does not describe this moment.
    const double reach = std::max(2.0 * double(span) / plotColumns(), 1500.0);
    QStringList rows{QDateTime::fromMSecsSinceEpoch(atMs).toString(span > 36 * 3'600'000LL ? u"dd MMM HH:mm:ss"_s : u"HH:mm:ss"_s)};
    for (const ChartLine &l : m_lines) {
        const qsizetype i = nearestIndex(l.points, double(atMs));
        if (i < 0 || std::abs(l.points[i].x() - double(atMs)) > reach) {
            rows.append(tr("%1: no data").arg(l.label));
            continue;
        }
        // Within a decimated column there may be a min and a max at one time: show the higher.
        double v = l.points[i].y();
        if (i + 1 < l.points.size() && l.points[i + 1].x() == l.points[i].x())
            v = std::max(v, l.points[i + 1].y());
        rows.append(u"%1: %2"_s.arg(l.label, m_format(v)));
    }
    return rows.join(u'\n');
}

QString TimeChart::lineNear(const QPoint &viewPos, int tolerancePx) const
{
    const QPointF scenePos = mapToScene(viewPos);
    const QPointF value = chart()->mapToValue(chart()->mapFromScene(scenePos), m_pool.first());
    QString best;
    double bestDistance = tolerancePx;
    for (const ChartLine &l : m_lines) {
        const qsizetype i = nearestIndex(l.points, value.x());
        if (i < 0)
            continue;
        const QPointF p = toView(l.points[i].x(), l.points[i].y());
        const double d = std::abs(p.y() - scenePos.y());
        if (std::abs(p.x() - scenePos.x()) < 3 * tolerancePx && d <= bestDistance) {
            bestDistance = d;
            best = l.key;
        }
    }
    return best;
}

void TimeChart::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const QPointF inChart = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    if (!chart()->plotArea().contains(inChart)) {
        if (m_hoverMs >= 0) {
            m_hoverMs = -1;
            QToolTip::hideText();
            viewport()->update();
        }
        return;
    }
    m_hoverMs = qint64(chart()->mapToValue(inChart, m_pool.first()).x());
    QToolTip::showText(event->globalPosition().toPoint(), valuesAt(m_hoverMs), this);
    viewport()->update();
}

void TimeChart::mousePressEvent(QMouseEvent *event)
{
    const QString key = lineNear(event->position().toPoint());
    if (event->button() == Qt::LeftButton && !m_lines.isEmpty()
        && std::any_of(m_lines.cbegin(), m_lines.cend(), [&key](const ChartLine &l) { return l.key == key; }))
        Q_EMIT lineClicked(key);
    QChartView::mousePressEvent(event);
}

void TimeChart::leaveEvent(QEvent *event)
{
    m_hoverMs = -1;
    viewport()->update();
    QChartView::leaveEvent(event);
}

void TimeChart::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    auto xOf = [&](qint64 ms) {
        const double f = double(ms - m_fromMs) / double(m_toMs - m_fromMs);
        return plot.left() + std::clamp(f, 0.0, 1.0) * plot.width();
    };
    painter->save();
    painter->setClipRect(plot.adjusted(0, -1, 0, 1));
    const QFontMetrics fm(font());
    auto shade = [&](qint64 from, qint64 to, const QString &note, int strength) {
        const QRectF band(QPointF(xOf(from), plot.top()), QPointF(xOf(to), plot.bottom()));
        if (band.width() < 1)
            return;
        painter->fillRect(band, QBrush(QColor(0x9e, 0x9e, 0x9e, 20 * strength)));
        painter->fillRect(band, QBrush(QColor(0x75, 0x75, 0x75, 30 * strength), Qt::BDiagPattern));
        if (!note.isEmpty() && band.width() > fm.horizontalAdvance(note) + 8) {
            painter->setPen(QColor(0x42, 0x42, 0x42));
            painter->drawText(band.adjusted(4, 4, -4, -4), Qt::AlignTop | Qt::AlignHCenter | Qt::TextWordWrap, note);
        }
    };
    // Holes of one line (the total) are shaded lightly: other lines may have data there.
    for (const auto &[from, to] : std::as_const(m_gaps))
        shade(from, to, m_gapNote, 1);
    if (m_bandToMs > m_bandFromMs)
        shade(m_bandFromMs, m_bandToMs, m_bandNote, 3);
    for (const ChartMarker &m : std::as_const(m_markers)) {
        if (m.atMs < m_fromMs || m.atMs > m_toMs)
            continue;
        const double x = xOf(m.atMs);
        painter->setPen(QPen(m.color, 1.2, Qt::DashLine));
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter->setPen(m.color);
        painter->drawText(QPointF(x + 3, plot.top() + fm.ascent() + 2), m.label);
    }
    if (m_hoverMs >= m_fromMs && m_hoverMs <= m_toMs) {
        const double x = xOf(m_hoverMs);
        painter->setPen(QPen(QColor(0, 0, 0, 110), 1));
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
    painter->restore();
}

} // namespace cdeck
