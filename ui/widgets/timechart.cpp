// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "timechart.h"

#include "ui/presentation.h"

#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPolygonF>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
constexpr int kMargin = 6;
constexpr double kTimeTickSpacingPx = 110.0; // about one time label per this many pixels
constexpr int kSwatch = 14;

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

// 1, 2, 2.5 or 5 times a power of ten: the step of a value axis with about `ticks` intervals up to `top`.
double niceStep(double top, int ticks)
{
    const double raw = top / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double f : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (f * magnitude >= raw)
            return f * magnitude;
    }
    return 10 * magnitude;
}

QFont boldOf(QFont f)
{
    f.setBold(true);
    return f;
}
} // namespace

TimeChart::TimeChart(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_titleText(title)
    , m_format([](double v) { return presentation::formatCount(v); })
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setFocusPolicy(Qt::TabFocus); // a screen reader user reaches it and hears its title and values
    setMinimumHeight(200);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setFrame(now - 300'000, now, {}, 0);
}

QSize TimeChart::sizeHint() const
{
    return {600, 320};
}

QSize TimeChart::minimumSizeHint() const
{
    return {240, 200};
}

int TimeChart::plotColumns() const
{
    return std::max(50, plotRect().width());
}

QRect TimeChart::plotRect() const
{
    layoutIfNeeded();
    return m_plot;
}

QString TimeChart::tickLabel(double value) const
{
    // In the axis's own terms: "1,200" (MiB, named in the title), "2.5 k" under "12.5 k"; never "1.2e+03".
    return presentation::formatCount(value, m_axisTop);
}

QList<qint64> TimeChart::timeTicks() const
{
    layoutIfNeeded();
    const double spanS = double(m_toMs - m_fromMs) / 1000.0;
    const double step = std::max(1.0, presentation::clockStepS(spanS * kTimeTickSpacingPx / std::max(1, m_plot.width())));
    return presentation::clockTicks(m_fromMs, m_toMs, step);
}

QStringList TimeChart::valueAxisLabels() const
{
    QStringList labels;
    for (double v = 0; v <= m_axisTop + m_axisStep / 2; v += m_axisStep)
        labels.append(tickLabel(v));
    return labels;
}

void TimeChart::layoutIfNeeded() const
{
    if (!m_layoutDirty)
        return;
    m_layoutDirty = false;
    const QFontMetrics fm(font());
    const QFontMetrics bold(boldOf(font()));
    const int right = width() - kMargin - fm.horizontalAdvance(u"00:00:00"_s) / 2;
    // Legend: entries flow left to right in rows under the time axis.
    m_legendRects.clear();
    const int rowHeight = fm.height() + 2;
    int x = kMargin;
    int row = 0;
    QList<QRect> rects;
    for (const LegendEntry &e : m_legend) {
        const int w = kSwatch + 4 + fm.horizontalAdvance(e.text) + 12;
        if (x > kMargin && x + w > width() - kMargin) {
            x = kMargin;
            ++row;
        }
        rects.append(QRect(x, row * rowHeight, w, rowHeight));
        x += w;
    }
    const int legendHeight = m_legend.isEmpty() ? 0 : (row + 1) * rowHeight;
    const int legendTop = height() - kMargin - legendHeight;
    for (QRect &r : rects)
        r.translate(0, legendTop);
    m_legendRects = rects;
    const int top = kMargin + bold.height() + 6;
    const int bottom = legendTop - fm.height() - 8;
    const int left = kMargin + m_valueLabelWidth + 6;
    m_plot = QRect(QPoint(left, top), QPoint(std::max(left + 10, right), std::max(top + 10, bottom)));
}

void TimeChart::setFrame(qint64 fromMs, qint64 toMs, const QList<ChartLine> &lines, qint64 gapMs,
                         const QString &gapLineKey, const QString &gapNote)
{
    m_gapNote = gapNote;
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + 1);
    m_lines = lines;
    m_gapMs = gapMs;
    m_gaps.clear();
    m_timeFormat = timeFormatFor(m_toMs - m_fromMs);

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
    m_titleText = unit.isEmpty() ? m_title : u"%1 (%2)"_s.arg(m_title, unit);
    const double top = maxValue > 0 ? maxValue / m_unitDivisor * 1.1 : 1.0;
    m_axisStep = niceStep(top, 4);
    m_axisTop = m_axisStep * std::ceil(top / m_axisStep - 1e-9);

    QList<LegendEntry> legend;
    legend.reserve(lines.size());
    for (const ChartLine &l : lines) {
        // A line with no point yet still gets its legend entry (the user sees which executor is quiet).
        legend.append({l.points.isEmpty() ? l.label + tr(" (no data)") : l.label, l.color, l.width, l.style});
        if (l.key != gapLineKey || gapMs <= 0)
            continue;
        for (qsizetype i = 1; i < l.points.size(); ++i) {
            if (l.points[i].x() - l.points[i - 1].x() > double(gapMs))
                m_gaps.append({qint64(l.points[i - 1].x()), qint64(l.points[i].x())});
        }
        // The newest point of the gap line far behind the right edge: the stretch since is a hole too.
        if (!l.points.isEmpty() && double(m_toMs) - l.points.last().x() > double(gapMs))
            m_gaps.append({qint64(l.points.last().x()), m_toMs});
    }
    const QFontMetrics fm(font());
    int labelWidth = 0;
    for (double v = 0; v <= m_axisTop + m_axisStep / 2; v += m_axisStep)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(tickLabel(v)));
    if (legend != m_legend || labelWidth != m_valueLabelWidth) {
        m_legend = legend;
        m_valueLabelWidth = labelWidth;
        m_layoutDirty = true;
    }
    m_linesDirty = true;
    updateAccessibleTexts();
    update();
}

void TimeChart::updateAccessibleTexts()
{
    // A screen reader hears the chart's title and each line's newest value: what a sighted user reads off the
    // right edge.
    if (accessibleName() != m_titleText)
        setAccessibleName(m_titleText);
    QStringList lines;
    for (const ChartLine &l : std::as_const(m_lines))
        lines.append(l.points.isEmpty() ? tr("%1: no data").arg(l.label)
                                        : tr("%1: %2 now").arg(l.label, m_format(l.points.last().y())));
    const QString description = lines.join(u'\n');
    if (accessibleDescription() != description)
        setAccessibleDescription(description);
}

void TimeChart::addMarker(const ChartMarker &marker)
{
    m_markers.append(marker);
    update();
}

void TimeChart::setMarkers(const QList<ChartMarker> &markers)
{
    m_markers = markers;
    update();
}

void TimeChart::setNoDataBand(qint64 fromMs, qint64 toMs, const QString &note)
{
    if (fromMs == m_bandFromMs && toMs == m_bandToMs && note == m_bandNote)
        return;
    m_bandFromMs = fromMs;
    m_bandToMs = toMs;
    m_bandNote = note;
    update();
}

double TimeChart::xOf(double ms) const
{
    return m_plot.left() + (ms - double(m_fromMs)) / double(m_toMs - m_fromMs) * m_plot.width();
}

double TimeChart::yOf(double shownValue) const
{
    return m_plot.bottom() - shownValue / m_axisTop * m_plot.height();
}

QString TimeChart::valuesAt(qint64 atMs) const
{
    const qint64 span = m_toMs - m_fromMs;
    // A point further than a couple of columns from the cursor does not describe this moment.
    const double reach = std::max(2.0 * double(span) / plotColumns(), 1500.0);
    // QLocale's month names: QDateTime::toString writes English ones whatever the language.
    QStringList rows{QLocale().toString(QDateTime::fromMSecsSinceEpoch(atMs),
                                        span > 36 * 3'600'000LL ? u"dd MMM HH:mm:ss"_s : u"HH:mm:ss"_s)};
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
    layoutIfNeeded();
    const double atMs = double(m_fromMs) + (viewPos.x() - m_plot.left()) / double(m_plot.width()) * double(m_toMs - m_fromMs);
    QString best;
    double bestDistance = tolerancePx;
    for (const ChartLine &l : m_lines) {
        const qsizetype i = nearestIndex(l.points, atMs);
        if (i < 0)
            continue;
        const QPointF p(xOf(l.points[i].x()), yOf(l.points[i].y() / m_unitDivisor));
        const double d = std::abs(p.y() - viewPos.y());
        if (std::abs(p.x() - viewPos.x()) < 3 * tolerancePx && d <= bestDistance) {
            bestDistance = d;
            best = l.key;
        }
    }
    return best;
}

// The lines of the frame, once: no antialiasing (thin lines on a dense live chart look the same and cost a
// fraction), one polyline per run between holes.
void TimeChart::renderLines()
{
    m_linesDirty = false;
    const qreal dpr = devicePixelRatioF();
    const QSize size = m_plot.size() * dpr;
    if (m_linesPixmap.size() != size) {
        m_linesPixmap = QPixmap(size);
        m_linesPixmap.setDevicePixelRatio(dpr);
    }
    m_linesPixmap.fill(Qt::transparent);
    QPainter p(&m_linesPixmap);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.translate(-m_plot.topLeft());
    p.setClipRect(m_plot.adjusted(0, -2, 0, 2));
    QPolygonF run;
    for (const ChartLine &l : std::as_const(m_lines)) {
        QPen pen(presentation::followPalette(l.color, palette()), l.width, l.style);
        pen.setCosmetic(true);
        pen.setCapStyle(Qt::FlatCap);
        pen.setJoinStyle(Qt::BevelJoin);
        p.setPen(pen);
        run.clear();
        auto flush = [&] {
            if (run.size() == 1)
                p.drawPoint(run.first());
            else if (run.size() > 1)
                p.drawPolyline(run);
            run.clear();
        };
        for (qsizetype i = 0; i < l.points.size(); ++i) {
            const QPointF &pt = l.points[i];
            if (i > 0 && m_gapMs > 0 && pt.x() - l.points[i - 1].x() > double(m_gapMs))
                flush();
            run.append(QPointF(xOf(pt.x()), yOf(pt.y() / m_unitDivisor)));
        }
        flush();
    }
}

void TimeChart::paintEvent(QPaintEvent *)
{
    layoutIfNeeded();
    if (m_linesDirty || m_linesPixmap.size() != m_plot.size() * devicePixelRatioF())
        renderLines();
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    const QColor axisText = palette().color(QPalette::Text);
    const QColor grid = presentation::tone(presentation::Tone::Grid, palette());

    painter.setFont(boldOf(font()));
    painter.setPen(axisText);
    painter.drawText(QRect(kMargin, kMargin, width() - 2 * kMargin, m_plot.top() - kMargin), Qt::AlignHCenter | Qt::AlignTop,
                     m_titleText);
    painter.setFont(font());

    // Grid and axis labels.
    for (double v = 0; v <= m_axisTop + m_axisStep / 2; v += m_axisStep) {
        const double y = std::round(yOf(v));
        painter.setPen(grid);
        painter.drawLine(QPointF(m_plot.left(), y), QPointF(m_plot.right(), y));
        painter.setPen(axisText);
        painter.drawText(QRectF(kMargin, y - fm.height() / 2.0, m_valueLabelWidth, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                         tickLabel(v));
    }
    for (const qint64 at : timeTicks()) {
        const double x = std::round(xOf(double(at)));
        painter.setPen(grid);
        painter.drawLine(QPointF(x, m_plot.top()), QPointF(x, m_plot.bottom()));
        painter.setPen(axisText);
        const QString text = QLocale().toString(QDateTime::fromMSecsSinceEpoch(at), m_timeFormat);
        const int w = fm.horizontalAdvance(text);
        painter.drawText(QPointF(std::clamp(x - w / 2.0, 0.0, double(width() - w)), m_plot.bottom() + 4 + fm.ascent()), text);
    }
    painter.setPen(presentation::tone(presentation::Tone::PlotOutline, palette()));
    painter.drawRect(m_plot.adjusted(0, 0, -1, -1));

    painter.drawPixmap(m_plot.topLeft(), m_linesPixmap);

    // Over the lines: holes, the no-data band, markers, the hover line.
    auto xAt = [&](qint64 ms) { return std::clamp(xOf(double(ms)), double(m_plot.left()), double(m_plot.right())); };
    painter.save();
    painter.setClipRect(m_plot.adjusted(0, -1, 0, 1));
    auto shade = [&](qint64 from, qint64 to, const QString &note, int strength) {
        const QRectF band(QPointF(xAt(from), m_plot.top()), QPointF(xAt(to), m_plot.bottom()));
        if (band.width() < 1)
            return;
        QColor fill = presentation::tone(presentation::Tone::NoData, palette());
        fill.setAlpha(20 * strength);
        painter.fillRect(band, QBrush(fill));
        fill.setAlpha(30 * strength);
        painter.fillRect(band, QBrush(fill, Qt::BDiagPattern));
        if (!note.isEmpty() && band.width() > fm.horizontalAdvance(note) + 8) {
            painter.setPen(axisText);
            painter.drawText(band.adjusted(4, 4, -4, -4), Qt::AlignTop | Qt::AlignHCenter | Qt::TextWordWrap, note);
        }
    };
    // Holes of one line (the total) are shaded lightly: other lines may have data there.
    for (const auto &[from, to] : std::as_const(m_gaps))
        shade(from, to, m_gapNote, 1);
    if (m_bandToMs > m_bandFromMs)
        shade(m_bandFromMs, m_bandToMs, m_bandNote, 3);
    // Labels of markers close together (a spot interruption and the fallback it caused) go one line lower
    // instead of over each other: each text line remembers where its last label ended.
    QList<double> lineEnds;
    for (const ChartMarker &m : std::as_const(m_markers)) {
        if (m.atMs < m_fromMs || m.atMs > m_toMs)
            continue;
        const double x = xAt(m.atMs);
        const QColor markerColor = presentation::followPalette(m.color, palette());
        painter.setPen(QPen(markerColor, 1.2, Qt::DashLine));
        painter.drawLine(QPointF(x, m_plot.top()), QPointF(x, m_plot.bottom()));
        painter.setPen(markerColor);
        qsizetype line = 0;
        while (line < lineEnds.size() && lineEnds[line] > x + 3)
            ++line;
        if (line == lineEnds.size())
            lineEnds.append(0);
        lineEnds[line] = x + 3 + fm.horizontalAdvance(m.label) + 4;
        painter.drawText(QPointF(x + 3, m_plot.top() + fm.ascent() + 2 + line * fm.height()), m.label);
    }
    if (m_hoverMs >= m_fromMs && m_hoverMs <= m_toMs) {
        const double x = xAt(m_hoverMs);
        QColor hover = axisText;
        hover.setAlpha(110);
        painter.setPen(QPen(hover, 1));
        painter.drawLine(QPointF(x, m_plot.top()), QPointF(x, m_plot.bottom()));
    }
    painter.restore();

    // Legend.
    for (qsizetype i = 0; i < m_legend.size() && i < m_legendRects.size(); ++i) {
        const LegendEntry &e = m_legend[i];
        const QRect &r = m_legendRects[i];
        const int midY = r.center().y();
        painter.setPen(QPen(presentation::followPalette(e.color, palette()), std::max<qreal>(2.0, e.width), e.style));
        painter.drawLine(r.left(), midY, r.left() + kSwatch, midY);
        painter.setPen(axisText);
        painter.drawText(QPoint(r.left() + kSwatch + 4, r.top() + fm.ascent() + 1), e.text);
    }
}

void TimeChart::resizeEvent(QResizeEvent *event)
{
    m_layoutDirty = true;
    m_linesDirty = true;
    QWidget::resizeEvent(event);
}

void TimeChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
        || presentation::isPaletteChange(event)) {
        m_layoutDirty = true;
        m_linesDirty = true;
    }
    QWidget::changeEvent(event);
}

void TimeChart::mouseMoveEvent(QMouseEvent *event)
{
    layoutIfNeeded();
    const QPoint pos = event->position().toPoint();
    if (!m_plot.contains(pos)) {
        if (m_hoverMs >= 0) {
            m_hoverMs = -1;
            QToolTip::hideText();
            update();
        }
        return;
    }
    m_hoverMs = m_fromMs + qint64(double(pos.x() - m_plot.left()) / m_plot.width() * double(m_toMs - m_fromMs));
    QToolTip::showText(event->globalPosition().toPoint(), valuesAt(m_hoverMs), this);
    update(m_plot.adjusted(-1, -1, 1, 1)); // the lines come from the pixmap: only the overlay is new
}

void TimeChart::mousePressEvent(QMouseEvent *event)
{
    const QString key = lineNear(event->position().toPoint());
    if (event->button() == Qt::LeftButton && !m_lines.isEmpty()
        && std::any_of(m_lines.cbegin(), m_lines.cend(), [&key](const ChartLine &l) { return l.key == key; }))
        Q_EMIT lineClicked(key);
    QWidget::mousePressEvent(event);
}

void TimeChart::leaveEvent(QEvent *event)
{
    m_hoverMs = -1;
    update();
    QWidget::leaveEvent(event);
}

} // namespace cdeck
