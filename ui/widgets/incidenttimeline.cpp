// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "incidenttimeline.h"

#include "ui/presentation.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

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
    using presentation::Tone;
    if (severity == "CRITICAL"_L1)
        return presentation::tone(Tone::Critical);
    if (severity == "SEVERE"_L1)
        return presentation::tone(Tone::Danger);
    if (severity == "MODERATE"_L1)
        return presentation::tone(Tone::Warning);
    if (severity == "LOW"_L1)
        return presentation::tone(Tone::Minor);
    return presentation::tone(Tone::Neutral);
}

QColor laneColor(TimelineLayer layer)
{
    using presentation::Tone;
    switch (layer) {
    case TimelineLayer::Cluster:
        return presentation::tone(Tone::Info);
    case TimelineLayer::Scaling:
        return presentation::tone(Tone::Purple);
    case TimelineLayer::Executor:
        return presentation::tone(Tone::Success);
    case TimelineLayer::Job:
        return presentation::tone(Tone::Info);
    case TimelineLayer::Stage:
        return presentation::tone(Tone::Teal);
    case TimelineLayer::Incident:
        return presentation::tone(Tone::Danger);
    case TimelineLayer::Action:
        return presentation::tone(Tone::Slate);
    }
    return presentation::tone(Tone::Neutral);
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
    setFocusPolicy(Qt::StrongFocus); // a screen reader reaches it; 0 or Home follows now again, as a double-click
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
    // While the pointer is over the lanes the picture holds still: a marker must not move from under it.
    if (m_hovered && !m_timeline.isEmpty() && !timeline.isEmpty()) {
        m_pending = std::pair{timeline, now};
        update();
        return;
    }
    apply(timeline, now);
}

void IncidentTimeline::apply(const triage::Timeline &timeline, const QDateTime &now)
{
    m_pending.reset();
    // The keyboard stays on the same entry when new data comes (found again by its time, kind and words).
    const std::optional<triage::TimelineEntry> current
        = m_current >= 0 && m_current < m_timeline.size() ? std::optional(m_timeline.at(m_current)) : std::nullopt;
    m_timeline = timeline;
    m_now = now;
    m_current = -1;
    for (qsizetype i = 0; current && i < m_timeline.size(); ++i)
        if (m_timeline[i].time == current->time && m_timeline[i].kind == current->kind
            && m_timeline[i].text == current->text)
            m_current = int(i);
    if (m_current < 0)
        setAccessibleName(tr("Incident timeline"));
    rebuild();
    updateAccessibleDescription();
    if (!m_userView || m_timeline.isEmpty()) {
        m_userView = false;
        m_fromMs = m_dataFromMs;
        m_toMs = m_dataToMs;
    }
    update();
}

void IncidentTimeline::setView(qint64 fromMs, qint64 toMs)
{
    if (m_timeline.isEmpty())
        return;
    // At least a second wide, at most a little wider than everything there is.
    const qint64 dataSpan = std::max<qint64>(1000, m_dataToMs - m_dataFromMs);
    qint64 span = std::clamp<qint64>(toMs - fromMs, 1000, dataSpan + dataSpan / 5);
    fromMs = std::clamp(fromMs, m_dataFromMs - dataSpan / 10, m_dataToMs + dataSpan / 10 - span);
    m_fromMs = fromMs;
    m_toMs = fromMs + span;
    m_userView = true;
    update();
}

void IncidentTimeline::zoom(double factor, qint64 aroundMs)
{
    if (m_toMs <= m_fromMs || factor <= 0)
        return;
    const double left = double(aroundMs - m_fromMs) * factor;
    const double right = double(m_toMs - aroundMs) * factor;
    setView(aroundMs - qint64(left), aroundMs + qint64(right));
}

void IncidentTimeline::pan(qint64 deltaMs)
{
    setView(m_fromMs + deltaMs, m_toMs + deltaMs);
}

void IncidentTimeline::resetView()
{
    m_userView = false;
    m_fromMs = m_dataFromMs;
    m_toMs = m_dataToMs;
    update();
}

int IncidentTimeline::markCount(TimelineLayer layer, const QString &kind) const
{
    return int(std::count_if(m_marks.cbegin(), m_marks.cend(),
                             [&](const Mark &m) { return m.layer == layer && (kind.isEmpty() || m.kind == kind); }));
}

void IncidentTimeline::enterEvent(QEnterEvent *e)
{
    m_hovered = true;
    QWidget::enterEvent(e);
}

void IncidentTimeline::leaveEvent(QEvent *e)
{
    m_hovered = false;
    if (m_pending) {
        const auto pending = *m_pending;
        apply(pending.first, pending.second);
    }
    QWidget::leaveEvent(e);
}

void IncidentTimeline::wheelEvent(QWheelEvent *e)
{
    const int steps = e->angleDelta().y();
    if (steps == 0 || m_timeline.isEmpty()) {
        QWidget::wheelEvent(e);
        return;
    }
    const QRect p = plotRect();
    const double at = double(std::clamp(int(e->position().x()), p.left(), p.right()) - p.left()) / std::max(1, p.width() - 1);
    zoom(std::pow(0.8, steps / 120.0), m_fromMs + qint64(at * double(m_toMs - m_fromMs)));
    e->accept();
}

void IncidentTimeline::mouseReleaseEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton && m_pressAt) {
        const bool click = !m_dragged;
        m_pressAt.reset();
        m_dragged = false;
        if (click)
            if (const auto hit = hitAt(e->position().toPoint()); hit && !hit->incidentId.isEmpty()) {
                Q_EMIT incidentActivated(hit->incidentId);
                return;
            }
    }
    QWidget::mouseReleaseEvent(e);
}

void IncidentTimeline::updateAccessibleDescription()
{
    // What a screen reader says: the lanes with something in them, then the newest entries in words.
    QStringList parts;
    for (int l = 0; l < kLaneCount; ++l) {
        const auto layer = TimelineLayer(l);
        const int bars = spanCount(layer);
        const int marks = markCount(layer);
        if (bars + marks > 0)
            parts.append(tr("%1: %2, %3")
                             .arg(laneTitle(layer), tr("%n bar(s)", nullptr, bars), tr("%n mark(s)", nullptr, marks)));
    }
    QStringList newest;
    for (qsizetype i = m_timeline.size() - 1; i >= 0 && newest.size() < 10; --i)
        newest.append(presentation::formatTime(m_timeline[i].time.toLocalTime()) + u' ' + m_timeline[i].text);
    const QString description = m_timeline.isEmpty()
        ? tr("Nothing on the timeline yet.")
        : parts.join(u"; "_s) + u".\n"_s + tr("Newest first:") + u'\n' + newest.join(u'\n');
    if (description != accessibleDescription())
        setAccessibleDescription(description);
}

void IncidentTimeline::keyPressEvent(QKeyEvent *e)
{
    const int last = int(m_timeline.size()) - 1;
    switch (e->key()) {
    case Qt::Key_0:
    case Qt::Key_Home:
        resetView();
        return;
    case Qt::Key_Right:
        if (last >= 0)
            setCurrentEntry(std::min(m_current + 1, last));
        return;
    case Qt::Key_Left:
        if (last >= 0)
            setCurrentEntry(std::max(m_current - 1, 0));
        return;
    case Qt::Key_End:
        if (last >= 0)
            setCurrentEntry(last);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_logsAvailable && m_current >= 0 && m_current <= last) {
            Q_EMIT logsWanted(triage::logTargetFor(m_timeline.at(m_current)));
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(e);
}

void IncidentTimeline::focusInEvent(QFocusEvent *e)
{
    QWidget::focusInEvent(e);
    update(); // the current entry's frame shows only with focus
}

void IncidentTimeline::focusOutEvent(QFocusEvent *e)
{
    QWidget::focusOutEvent(e);
    update();
}

void IncidentTimeline::setCurrentEntry(int index)
{
    if (index == m_current || index < 0 || index >= m_timeline.size())
        return;
    m_current = index;
    const triage::TimelineEntry &e = m_timeline.at(index);
    const qint64 at = e.time.toMSecsSinceEpoch();
    if (at < m_fromMs || at > m_toMs) // zoomed in elsewhere: bring the entry to the middle of the view
        pan(at - (m_fromMs + m_toMs) / 2);
    // The entry is part of the name, so a screen reader says it as the keyboard moves.
    setAccessibleName(tr("Incident timeline: %1 %2").arg(presentation::formatTime(e.time.toLocalTime()), e.text));
    update();
}

void IncidentTimeline::mouseDoubleClickEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton) {
        resetView();
        return;
    }
    QWidget::mouseDoubleClickEvent(e);
}

void IncidentTimeline::rebuild()
{
    m_spans.clear();
    m_marks.clear();
    m_rows = QList<int>(kLaneCount, 1);
    if (m_timeline.isEmpty()) {
        m_fromMs = m_toMs = m_dataFromMs = m_dataToMs = 0;
        return;
    }
    m_dataFromMs = m_timeline.first().time.toMSecsSinceEpoch();
    m_dataToMs = std::max(m_timeline.last().time.toMSecsSinceEpoch(), m_now.isValid() ? m_now.toMSecsSinceEpoch() : 0);
    if (m_dataToMs - m_dataFromMs < 1000)
        m_dataToMs = m_dataFromMs + 1000;
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
            const QColor color = refused       ? presentation::tone(presentation::Tone::NoData)
                : e.kind == "job_submitted"_L1 ? presentation::tone(presentation::Tone::Neutral)
                : e.kind == "worker_restarted"_L1
                ? presentation::tone(presentation::Tone::Orange) // a restart: the OOM runbook's sign
                : laneColor(e.layer);
            m_marks.append(Mark{e.layer, ms, color, line, incidentId, e.kind});
            continue;
        }
        const QString slot = triage::toString(e.layer) + u'\x1f' + key;
        if (isStart) {
            Span s{e.layer, ms, m_dataToMs, true, 0, laneColor(e.layer), line, incidentId};
            if (e.layer == TimelineLayer::Incident)
                s.color = severityColor(e.severity);
            openSpans.insert(slot, int(m_spans.size()));
            m_spans.append(s);
            continue;
        }
        const auto it = openSpans.constFind(slot);
        if (it == openSpans.cend()) {
            // An end whose start lies before the window: a mark, so it is not lost.
            m_marks.append(Mark{e.layer, ms, laneColor(e.layer), line, incidentId, e.kind});
            continue;
        }
        Span &s = m_spans[*it];
        s.toMs = ms;
        s.open = false;
        s.text += u'\n' + line + u"  ("_s + presentation::formatDuration((ms - s.fromMs) / 1000.0) + u')';
        if (e.kind == "job_ended"_L1 && !e.text.contains(u"COMPLETED"_s))
            s.color = presentation::tone(presentation::Tone::Danger);
        if (e.kind == "stage_ended"_L1 && e.text.endsWith(u"failed"_s))
            s.color = presentation::tone(presentation::Tone::Danger);
        if (e.kind == "executor_lost"_L1)
            s.color = presentation::tone(presentation::Tone::Orange);
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
    const double x = p.left() + double(ms - m_fromMs) * (p.width() - 1) / double(m_toMs - m_fromMs);
    return int(std::clamp(x, double(p.left() - 10000), double(p.right() + 10000))); // zoomed in: far off stays off
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

std::optional<triage::TimelineEntry> IncidentTimeline::entryAt(const QPoint &pos) const
{
    const auto hit = hitAt(pos);
    if (!hit)
        return std::nullopt;
    const QString first = hit->text.section(u'\n', 0, 0); // "12:03:04  text" of the mark's or the bar's start entry
    for (const triage::TimelineEntry &e : m_timeline)
        if (e.layer == hit->layer && QString(timeText(e.time.toMSecsSinceEpoch()) + u"  "_s + e.text) == first)
            return e;
    return std::nullopt;
}

void IncidentTimeline::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard the menu is about the current entry and opens at it, not at the pointer.
    const bool byKeyboard = event->reason() == QContextMenuEvent::Keyboard;
    const bool hasCurrent = m_current >= 0 && m_current < m_timeline.size();
    std::optional<triage::TimelineEntry> entry;
    if (m_logsAvailable)
        entry = byKeyboard ? (hasCurrent ? std::optional(m_timeline.at(m_current)) : std::nullopt)
                           : entryAt(event->pos());
    if (!entry)
        return QWidget::contextMenuEvent(event);
    QMenu menu(this);
    QAction *logs = menu.addAction(tr("Show logs at this time"));
    const QPoint at = byKeyboard
        ? mapToGlobal(QPoint(xOf(entry->time.toMSecsSinceEpoch()), laneRect(entry->layer).center().y()))
        : event->globalPos();
    if (menu.exec(at) == logs)
        Q_EMIT logsWanted(triage::logTargetFor(*entry));
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
    if (m_pressAt && (e->buttons() & Qt::LeftButton)) {
        const int dx = e->position().toPoint().x() - m_pressAt->x();
        if (m_dragged || std::abs(dx) > 4) {
            m_dragged = true;
            const qint64 span = m_toMs - m_fromMs;
            const qint64 deltaMs = -qint64(double(dx) * double(span) / std::max(1, plotRect().width() - 1));
            setView(m_pressFromMs + deltaMs, m_pressFromMs + deltaMs + span);
            setCursor(Qt::ClosedHandCursor);
            return;
        }
    }
    const auto hit = hitAt(e->position().toPoint());
    setCursor(hit && !hit->incidentId.isEmpty() ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(e);
}

void IncidentTimeline::mousePressEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton && !m_timeline.isEmpty()) {
        // A click activates on release, unless the press became a drag (a pan).
        m_pressAt = e->position().toPoint();
        m_pressFromMs = m_fromMs;
        m_dragged = false;
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
    // Why the picture holds still, and how to make it follow again.
    const QString note = isPaused() ? tr("paused while the pointer is here")
        : m_userView               ? tr("zoomed · double-click to follow now")
                                   : QString();
    if (!note.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(plot.left(), 0, plot.width() - 2, kMargin + fm.height()), Qt::AlignRight | Qt::AlignTop, note);
    }
    p.setClipRect(plot.adjusted(-6, 0, 6, 0)); // zoomed in, bars reach past the plot
    p.setRenderHint(QPainter::Antialiasing);
    for (const Span &s : std::as_const(m_spans)) {
        const QRect r = spanRect(s);
        const QColor colour = presentation::followPalette(s.color, palette()); // kept with the data: the palette now
        QColor fill = colour;
        fill.setAlpha(s.layer == TimelineLayer::Stage ? 150 : 200);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(r, 2, 2);
        if (s.open) { // still going: a dashed right edge says "up to now"
            p.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
            p.drawLine(r.right(), r.top(), r.right(), r.bottom());
        }
    }
    for (const Mark &m : std::as_const(m_marks)) {
        const QRect lane = laneRect(m.layer);
        const int x = xOf(m.atMs);
        const int cy = lane.center().y();
        const QColor colour = presentation::followPalette(m.color, palette());
        p.setPen(QPen(palette().color(QPalette::Text), 1));
        p.setBrush(colour);
        const QPolygon diamond({QPoint(x, cy - 6), QPoint(x + 5, cy), QPoint(x, cy + 6), QPoint(x - 5, cy)});
        p.drawPolygon(diamond);
    }
    // The open incidents' starts, drawn through every lane: what else happened then.
    for (const Span &s : std::as_const(m_spans))
        if (s.layer == TimelineLayer::Incident) {
            QColor c = presentation::followPalette(s.color, palette());
            c.setAlpha(90);
            p.setPen(QPen(c, 1, Qt::DashLine));
            p.drawLine(xOf(s.fromMs), plot.top(), xOf(s.fromMs), plot.bottom());
        }
    if (hasFocus() && m_current >= 0 && m_current < m_timeline.size()) {
        // The keyboard's entry: a frame in the palette's highlight at its time, in its lane.
        const triage::TimelineEntry &e = m_timeline.at(m_current);
        const QRect lane = laneRect(e.layer);
        const int x = xOf(e.time.toMSecsSinceEpoch());
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRect(x - 8, lane.top() + 1, 16, lane.height() - 2));
    }
}

} // namespace cdeck
