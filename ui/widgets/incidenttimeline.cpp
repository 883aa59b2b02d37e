// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "incidenttimeline.h"

#include "ui/presentation.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

using triage::TimelineLayer;

namespace {

constexpr int kLabelWidth = 84;
constexpr int kLaneHeight = 26;
constexpr int kAxisHeight = 20;
constexpr int kMargin = 6;
constexpr int kMaxRows = 4; // sub-rows per lane: beyond, bars share rows (the tooltip still tells them apart)
constexpr int kHitPx = 5;
constexpr int kLaneCount = int(TimelineLayer::Action) + 1;

QColor severityColor(const QString &severity)
{
    if (severity == "CRITICAL"_L1)
        return QColor(0x8b, 0x00, 0x00);
    if (severity == "SEVERE"_L1)
        return QColor(0xc6, 0x28, 0x28);
    if (severity == "MODERATE"_L1)
        return QColor(0xe6, 0x7e, 0x00);
    if (severity == "LOW"_L1)
        return QColor(0x9e, 0x8a, 0x00);
    return QColor(0x75, 0x75, 0x75);
}

QColor laneColor(TimelineLayer layer)
{
    switch (layer) {
    case TimelineLayer::Cluster:
        return QColor(0x1e, 0x61, 0xa8);
    case TimelineLayer::Scaling:
        return QColor(0x6a, 0x1b, 0x9a);
    case TimelineLayer::Executor:
        return QColor(0x2e, 0x7d, 0x32);
    case TimelineLayer::Job:
        return QColor(0x1e, 0x61, 0xa8);
    case TimelineLayer::Stage:
        return QColor(0x00, 0x83, 0x8f);
    case TimelineLayer::Incident:
        return QColor(0xc6, 0x28, 0x28);
    case TimelineLayer::Action:
        return QColor(0x37, 0x47, 0x4f);
    }
    return Qt::gray;
}

// The key that pairs a span's start entry with its end entry, or "" for entries drawn as marks.
QString spanKey(const triage::TimelineEntry &e, bool *isStart)
{
    const QString k = e.kind;
    *isStart = k == "job_started"_L1 || k == "stage_started"_L1 || k == "incident_started"_L1 || k == "executor_added"_L1;
    const bool isEnd = k == "job_ended"_L1 || k == "stage_ended"_L1 || k == "incident_ended"_L1
        || k == "executor_lost"_L1 || k == "executor_retired"_L1;
    if (!*isStart && !isEnd)
        return {};
    switch (e.layer) {
    case TimelineLayer::Job:
        return e.ids.value(u"jobId"_s).toString();
    case TimelineLayer::Stage:
        return e.ids.value(u"jobId"_s).toString() + u'/' + e.ids.value(u"stageId"_s).toString();
    case TimelineLayer::Incident:
        return e.ids.value(u"incidentId"_s).toString();
    case TimelineLayer::Executor:
        return e.ids.value(u"executorId"_s).toString();
    default:
        return {};
    }
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(u"HH:mm:ss.zzz"_s);
}

qint64 tickStepMs(qint64 spanMs, int widthPx)
{
    static const qint64 steps[] = {1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000,
                                   900000, 1800000, 3600000, 7200000, 21600000, 43200000, 86400000};
    const int maxTicks = std::max(2, widthPx / 70);
    for (qint64 s : steps)
        if (spanMs / s <= maxTicks)
            return s;
    return 86400000;
}

} // namespace

IncidentTimeline::IncidentTimeline(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAccessibleName(tr("Incident timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_rows = QList<int>(kLaneCount, 1);
}

QString IncidentTimeline::laneTitle(TimelineLayer layer)
{
    switch (layer) {
    case TimelineLayer::Cluster:
        return tr("Cluster");
    case TimelineLayer::Scaling:
        return tr("Scaling");
    case TimelineLayer::Executor:
        return tr("Executors");
    case TimelineLayer::Job:
        return tr("Jobs");
    case TimelineLayer::Stage:
        return tr("Stages");
    case TimelineLayer::Incident:
        return tr("Incidents");
    case TimelineLayer::Action:
        return tr("Actions");
    }
    return {};
}

QSize IncidentTimeline::sizeHint() const
{
    return {800, 2 * kMargin + kLaneCount * kLaneHeight + kAxisHeight};
}

QSize IncidentTimeline::minimumSizeHint() const
{
    return {kLabelWidth + 200, sizeHint().height()};
}

void IncidentTimeline::clear()
{
    setTimeline({}, QDateTime());
}

void IncidentTimeline::setTimeline(const triage::Timeline &timeline, const QDateTime &now)
{
    m_timeline = timeline;
    m_now = now;
    rebuild();
    update();
}

void IncidentTimeline::rebuild()
{
    m_spans.clear();
    m_marks.clear();
    m_rows = QList<int>(kLaneCount, 1);
    if (m_timeline.isEmpty()) {
        m_fromMs = m_toMs = 0;
        return;
    }
    m_fromMs = m_timeline.first().time.toMSecsSinceEpoch();
    m_toMs = std::max(m_timeline.last().time.toMSecsSinceEpoch(), m_now.isValid() ? m_now.toMSecsSinceEpoch() : 0);
    if (m_toMs - m_fromMs < 1000)
        m_toMs = m_fromMs + 1000;
    // Spans: a start entry opens one, its end (same key) closes it; what never ended runs to now.
    QHash<QString, int> openSpans; // layer + key -> index in m_spans
    for (const triage::TimelineEntry &e : std::as_const(m_timeline)) {
        const qint64 ms = e.time.toMSecsSinceEpoch();
        const QString incidentId = e.ids.value(u"incidentId"_s).toString();
        const QString line = timeText(ms) + u"  "_s + e.text;
        bool isStart = false;
        const QString key = spanKey(e, &isStart);
        if (key.isEmpty()) {
            const bool refused = e.layer == TimelineLayer::Action && e.text.contains(u"(refused"_s);
            const QColor color = refused ? QColor(0x9e, 0x9e, 0x9e)
                : e.kind == "job_submitted"_L1 ? QColor(0x90, 0xa4, 0xae)
                                               : laneColor(e.layer);
            m_marks.append(Mark{e.layer, ms, color, line, incidentId});
            continue;
        }
        const QString slot = triage::toString(e.layer) + u'\x1f' + key;
        if (isStart) {
            Span s{e.layer, ms, m_toMs, true, 0, laneColor(e.layer), line, incidentId};
            if (e.layer == TimelineLayer::Incident)
                s.color = severityColor(e.severity);
            openSpans.insert(slot, int(m_spans.size()));
            m_spans.append(s);
            continue;
        }
        const auto it = openSpans.constFind(slot);
        if (it == openSpans.cend()) {
            // An end whose start lies before the window: a mark, so it is not lost.
            m_marks.append(Mark{e.layer, ms, laneColor(e.layer), line, incidentId});
            continue;
        }
        Span &s = m_spans[*it];
        s.toMs = ms;
        s.open = false;
        s.text += u'\n' + line + u"  ("_s + presentation::formatDuration((ms - s.fromMs) / 1000.0) + u')';
        if (e.kind == "job_ended"_L1 && !e.text.contains(u"COMPLETED"_s))
            s.color = QColor(0xc6, 0x28, 0x28);
        if (e.kind == "stage_ended"_L1 && e.text.endsWith(u"failed"_s))
            s.color = QColor(0xc6, 0x28, 0x28);
        if (e.kind == "executor_lost"_L1)
            s.color = QColor(0xbf, 0x36, 0x0c);
        openSpans.erase(it);
    }
    for (Span &s : m_spans)
        if (s.open)
            s.text += u'\n' + tr("still going (%1 so far)").arg(presentation::formatDuration((s.toMs - s.fromMs) / 1000.0));
    // Sub-rows: each bar takes the first row of its lane free at its start.
    QList<QList<qint64>> rowEnds(kLaneCount);
    for (Span &s : m_spans) {
        QList<qint64> &ends = rowEnds[int(s.layer)];
        int row = -1;
        for (int r = 0; r < ends.size(); ++r)
            if (ends[r] < s.fromMs) {
                row = r;
                break;
            }
        if (row < 0 && ends.size() < kMaxRows) {
            row = int(ends.size());
            ends.append(0);
        }
        if (row < 0) // every row busy: the one that frees first
            row = int(std::min_element(ends.begin(), ends.end()) - ends.begin());
        ends[row] = std::max(ends[row], s.toMs);
        s.row = row;
    }
    for (int l = 0; l < kLaneCount; ++l)
        m_rows[l] = std::max<int>(1, int(rowEnds[l].size()));
}

QRect IncidentTimeline::plotRect() const
{
    return QRect(kLabelWidth, kMargin, std::max(1, width() - kLabelWidth - kMargin), kLaneCount * kLaneHeight);
}

QRect IncidentTimeline::laneRect(TimelineLayer layer) const
{
    const QRect p = plotRect();
    return QRect(p.left(), p.top() + int(layer) * kLaneHeight, p.width(), kLaneHeight);
}

int IncidentTimeline::rowsIn(TimelineLayer layer) const
{
    return m_rows.value(int(layer), 1);
}

int IncidentTimeline::spanCount(TimelineLayer layer) const
{
    return int(std::count_if(m_spans.cbegin(), m_spans.cend(), [layer](const Span &s) { return s.layer == layer; }));
}

int IncidentTimeline::xOf(qint64 ms) const
{
    const QRect p = plotRect();
    if (m_toMs <= m_fromMs)
        return p.left();
    return p.left() + int(double(ms - m_fromMs) * (p.width() - 1) / double(m_toMs - m_fromMs));
}

QRect IncidentTimeline::spanRect(const Span &s) const
{
    const QRect lane = laneRect(s.layer).adjusted(0, 3, 0, -3);
    const int rows = rowsIn(s.layer);
    const int rowHeight = std::max(2, lane.height() / rows);
    const int x0 = xOf(s.fromMs);
    const int x1 = std::max(x0 + 2, xOf(s.toMs));
    return QRect(x0, lane.top() + s.row * rowHeight, x1 - x0, std::max(2, rowHeight - 1));
}

std::optional<IncidentTimeline::Hit> IncidentTimeline::hitAt(const QPoint &pos) const
{
    if (m_timeline.isEmpty())
        return std::nullopt;
    for (int l = 0; l < kLaneCount; ++l) {
        const auto layer = TimelineLayer(l);
        if (!laneRect(layer).contains(pos))
            continue;
        // Marks first (they are small and drawn on top), the nearest within reach; then the bars.
        const Mark *best = nullptr;
        int bestDistance = kHitPx + 1;
        for (const Mark &m : m_marks)
            if (m.layer == layer) {
                const int d = std::abs(xOf(m.atMs) - pos.x());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = &m;
                }
            }
        if (best)
            return Hit{best->text, best->incidentId, layer};
        for (auto it = m_spans.crbegin(); it != m_spans.crend(); ++it)
            if (it->layer == layer && spanRect(*it).adjusted(-2, -1, 2, 1).contains(pos))
                return Hit{it->text, it->incidentId, layer};
        return std::nullopt;
    }
    return std::nullopt;
}

bool IncidentTimeline::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(e);
        if (const auto hit = hitAt(help->pos()))
            QToolTip::showText(help->globalPos(), hit->text, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void IncidentTimeline::mouseMoveEvent(QMouseEvent *e)
{
    const auto hit = hitAt(e->position().toPoint());
    setCursor(hit && !hit->incidentId.isEmpty() ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(e);
}

void IncidentTimeline::mousePressEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton)
        if (const auto hit = hitAt(e->position().toPoint()); hit && !hit->incidentId.isEmpty()) {
            Q_EMIT incidentActivated(hit->incidentId);
            return;
        }
    QWidget::mousePressEvent(e);
}

void IncidentTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QRect plot = plotRect();
    const QColor grid = palette().color(QPalette::Mid);
    // Lanes, with their titles on the left.
    for (int l = 0; l < kLaneCount; ++l) {
        const auto layer = TimelineLayer(l);
        const QRect lane = laneRect(layer);
        if (l % 2)
            p.fillRect(lane.adjusted(-kLabelWidth, 0, 0, 0), palette().alternateBase());
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(kMargin, lane.top(), kLabelWidth - 2 * kMargin, lane.height()), Qt::AlignVCenter | Qt::AlignLeft,
                   laneTitle(layer));
    }
    if (m_timeline.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("Nothing on the timeline yet."));
        return;
    }
    // The axis: ticks at round times, labelled in local time.
    const qint64 step = tickStepMs(m_toMs - m_fromMs, plot.width());
    const qint64 offset = QDateTime::fromMSecsSinceEpoch(m_fromMs).offsetFromUtc() * 1000LL;
    p.setPen(grid);
    const QFontMetrics fm(font());
    for (qint64 t = ((m_fromMs + offset) / step + 1) * step - offset; t <= m_toMs; t += step) {
        const int x = xOf(t);
        p.setPen(QPen(grid, 0, Qt::DotLine));
        p.drawLine(x, plot.top(), x, plot.bottom());
        p.setPen(palette().color(QPalette::Text));
        const QString label = QDateTime::fromMSecsSinceEpoch(t).toLocalTime().toString(step < 60000 ? u"HH:mm:ss"_s : u"HH:mm"_s);
        // Centred under its tick, but kept whole at the widget's edges (the last one was cut to "02:32:").
        const int w = fm.horizontalAdvance(label) + 2;
        p.drawText(QRect(std::clamp(x - w / 2, 0, std::max(0, width() - w)), plot.bottom() + 2, w, kAxisHeight - 2),
                   Qt::AlignHCenter | Qt::AlignTop, label);
    }
    p.setPen(grid);
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.setRenderHint(QPainter::Antialiasing);
    for (const Span &s : std::as_const(m_spans)) {
        const QRect r = spanRect(s);
        QColor fill = s.color;
        fill.setAlpha(s.layer == TimelineLayer::Stage ? 150 : 200);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(r, 2, 2);
        if (s.open) { // still going: a dashed right edge says "up to now"
            p.setPen(QPen(s.color.darker(130), 1, Qt::DashLine));
            p.drawLine(r.right(), r.top(), r.right(), r.bottom());
        }
    }
    for (const Mark &m : std::as_const(m_marks)) {
        const QRect lane = laneRect(m.layer);
        const int x = xOf(m.atMs);
        const int cy = lane.center().y();
        p.setPen(QPen(m.color.darker(120), 1));
        p.setBrush(m.color);
        const QPolygon diamond({QPoint(x, cy - 6), QPoint(x + 5, cy), QPoint(x, cy + 6), QPoint(x - 5, cy)});
        p.drawPolygon(diamond);
    }
    // The open incidents' starts, drawn through every lane: what else happened then.
    for (const Span &s : std::as_const(m_spans))
        if (s.layer == TimelineLayer::Incident) {
            QColor c = s.color;
            c.setAlpha(90);
            p.setPen(QPen(c, 1, Qt::DashLine));
            p.drawLine(xOf(s.fromMs), plot.top(), xOf(s.fromMs), plot.bottom());
        }
}

} // namespace cdeck
