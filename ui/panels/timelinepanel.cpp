// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "timelinepanel.h"

#include "ui/dag/dagitems.h"
#include "ui/presentation.h"

#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QScrollArea>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

QString span(const QDateTime &start, const QDateTime &stop)
{
    if (!start.isValid())
        return QCoreApplication::translate("cdeck::TimelinePanel", "not started");
    const QString from = presentation::formatTime(start.toLocalTime());
    if (!stop.isValid())
        return QCoreApplication::translate("cdeck::TimelinePanel", "%1 – running").arg(from);
    return QCoreApplication::translate("cdeck::TimelinePanel", "%1 – %2 (%3)")
        .arg(from, presentation::formatTime(stop.toLocalTime()), presentation::formatDuration(start.msecsTo(stop) / 1000.0));
}

} // namespace

QList<TimelineRow> buildTimelineRows(const JobList &jobs, const QHash<QString, dag::Dag> &dags, int maxJobs,
                                     int maxGroupsPerJob, int foldAbove)
{
    JobList ordered = jobs;
    std::sort(ordered.begin(), ordered.end(), [](const Job &a, const Job &b) { return a.submittedAt < b.submittedAt; });
    if (ordered.size() > maxJobs)
        ordered = ordered.mid(ordered.size() - maxJobs);
    QList<TimelineRow> rows;
    for (const Job &j : std::as_const(ordered)) {
        TimelineRow job;
        job.kind = TimelineRow::Kind::Job;
        job.jobId = j.id;
        job.label = u"%1 (%2)"_s.arg(j.name, j.id);
        job.start = j.startedAt.isValid() ? j.startedAt : QDateTime();
        job.stop = isFinished(j.state) ? (j.endedAt.isValid() ? j.endedAt : j.startedAt) : QDateTime();
        job.colour = presentation::jobStateColor(j.state);
        job.failed = j.state == JobState::Failed || j.state == JobState::Interrupted;
        job.tooltip = QCoreApplication::translate("cdeck::TimelinePanel", "Job %1 · %2 · %3%4")
                          .arg(j.name, toString(j.state), span(job.start, job.stop),
                               j.stateReason.isEmpty() ? QString() : u" · "_s + j.stateReason);
        rows.append(job);

        const auto found = dags.constFind(j.id);
        if (found == dags.cend())
            continue;
        const dag::Dag graph = found->nodeCount() > maxGroupsPerJob ? dag::collapseFanOuts(*found, foldAbove) : *found;
        QList<const dag::DagNode *> groups;
        for (const dag::DagNode &n : graph.nodes())
            groups.append(&n);
        std::stable_sort(groups.begin(), groups.end(), [](const dag::DagNode *a, const dag::DagNode *b) {
            if (a->start.isValid() != b->start.isValid())
                return a->start.isValid(); // started ones first, in start order
            return a->start < b->start;
        });
        QHash<QString, int> nameCount;
        for (const dag::DagNode *n : std::as_const(groups))
            ++nameCount[n->name];
        int shown = 0;
        for (const dag::DagNode *n : std::as_const(groups)) {
            if (shown == maxGroupsPerJob) {
                TimelineRow more;
                more.kind = TimelineRow::Kind::More;
                more.jobId = j.id;
                more.label = QCoreApplication::translate("cdeck::TimelinePanel", "… %n more task group(s)", nullptr,
                                                         int(groups.size()) - shown);
                rows.append(more);
                break;
            }
            ++shown;
            TimelineRow r;
            r.kind = TimelineRow::Kind::TaskGroup;
            r.jobId = j.id;
            r.label = n->name.isEmpty() ? n->id : n->name;
            if (!n->name.isEmpty() && nameCount.value(n->name) > 1 && n->id != n->name) {
                // Dask's group id is the name and a token ("simple-shuffle-3f9a1c…"): its start tells them apart.
                QString token = n->id.startsWith(n->name) ? n->id.mid(n->name.size()) : n->id;
                while (token.startsWith(u'-') || token.startsWith(u'_'))
                    token.remove(0, 1);
                r.label += u" · "_s + token.left(6);
            }
            r.start = n->start;
            // A group still working reaches "now"; one that stopped (or whose job ended) ends at its last task.
            r.stop = (n->state == dag::NodeState::Running && !isFinished(j.state)) ? QDateTime() : n->stop;
            if (r.start.isValid() && !r.stop.isValid() && isFinished(j.state))
                r.stop = job.stop;
            r.colour = dagStateColor(n->state);
            r.erred = n->counts.value(u"erred"_s);
            r.failed = n->state == dag::NodeState::Failed || r.erred > 0;
            r.retried = n->retried;
            QString tip = QCoreApplication::translate("cdeck::TimelinePanel", "%1 · %2 · %3 · %n task(s)", nullptr, n->taskCount())
                              .arg(r.label, dagStateText(n->state), span(r.start, r.stop));
            if (r.erred > 0)
                tip += u" · "_s + QCoreApplication::translate("cdeck::TimelinePanel", "%n erred", nullptr, r.erred);
            if (r.retried > 0)
                tip += u" · "_s + QCoreApplication::translate("cdeck::TimelinePanel", "%n retried or rescheduled", nullptr, r.retried);
            if (!n->executors.isEmpty())
                tip += u" · "_s + QCoreApplication::translate("cdeck::TimelinePanel", "on %1").arg(n->executors.join(u", "_s));
            r.tooltip = tip;
            rows.append(r);
        }
    }
    return rows;
}

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_chart(new TimelineChart(this))
{
    setObjectName(u"timelinePanel"_s);
    m_summary->setObjectName(u"timelineSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_scroll->setWidget(m_chart);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_scroll, 1);
    connect(m_chart, &TimelineChart::logsWanted, this, &TimelinePanel::logsWanted);
    rebuild();
}

void TimelinePanel::setLogsAvailable(bool available)
{
    m_chart->setLogsAvailable(available);
}

void TimelinePanel::setJobs(const JobList &jobs)
{
    m_jobs = jobs;
    rebuild();
}

void TimelinePanel::setDag(const QString &jobId, const dag::Dag &graph)
{
    m_dags.insert(jobId, graph);
    for (const Job &j : std::as_const(m_jobs))
        if (j.id == jobId && isFinished(j.state))
            m_final.insert(jobId, true);
    rebuild();
}

void TimelinePanel::setStale(bool stale)
{
    m_stale = stale;
    rebuild();
}

void TimelinePanel::clear()
{
    m_jobs.clear();
    m_dags.clear();
    m_final.clear();
    m_stale = false;
    rebuild();
}

QStringList TimelinePanel::jobsNeedingDags() const
{
    QStringList ids;
    for (const TimelineRow &r : m_rows)
        if (r.kind == TimelineRow::Kind::Job && !m_final.value(r.jobId))
            ids.append(r.jobId);
    // Jobs shown without any group row yet (no DAG) are in m_rows as job rows too: covered above.
    return ids;
}

bool TimelinePanel::hasAllDags() const
{
    for (const TimelineRow &r : m_rows)
        if (r.kind == TimelineRow::Kind::Job && !m_dags.contains(r.jobId))
            return false;
    return true;
}

void TimelinePanel::rebuild()
{
    m_rows = buildTimelineRows(m_jobs, m_dags, kMaxJobs);
    m_chart->setRows(m_rows);
    int failed = 0;
    int retried = 0;
    int groups = 0;
    for (const TimelineRow &r : std::as_const(m_rows)) {
        if (r.kind != TimelineRow::Kind::TaskGroup)
            continue;
        ++groups;
        failed += r.failed ? 1 : 0;
        retried += r.retried;
    }
    QString text;
    if (m_jobs.isEmpty()) {
        text = tr("No jobs on this cluster yet: submit one on the Jobs tab.").toHtmlEscaped();
    } else {
        text = tr("%n job(s)", nullptr, int(std::min<qsizetype>(m_jobs.size(), kMaxJobs))).toHtmlEscaped() + u", "_s
            + tr("%n task group(s)", nullptr, groups).toHtmlEscaped();
        if (m_jobs.size() > kMaxJobs)
            text += u" "_s + tr("(the newest %1 of %2 jobs)").arg(kMaxJobs).arg(m_jobs.size()).toHtmlEscaped();
        text += u" · <span style='color:%1'>%2</span> · <span style='color:%3'>%4</span>"_s.arg(
            failed > 0 ? u"#c62828"_s : u"gray"_s, tr("%n failed task group(s)", nullptr, failed).toHtmlEscaped(),
            retried > 0 ? u"#c27c0e"_s : u"gray"_s,
            tr("↻ %n task(s) retried or rescheduled", nullptr, retried).toHtmlEscaped());
    }
    if (m_stale)
        text += u" <span style='color:#8a5a00'>%1</span>"_s.arg(tr("(stale: the runtime is not answering)").toHtmlEscaped());
    m_summary->setText(presentation::themedHtml(text, palette()));
}

TimelineChart::TimelineChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"timelineChart"_s);
    setMouseTracking(true);
    setAccessibleName(tr("Jobs timeline"));
    setFocusPolicy(Qt::StrongFocus); // reached by Tab or a click: its description reads every bar, keys walk them
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        if (m_running && isVisible())
            update(); // running bars and the axis move on between snapshots
    });
    tick->start(1000);
}

QString TimelineChart::rowDescription(const TimelineRow &r, const QDateTime &now)
{
    // A screen reader hears each bar as a line: its name, how long it ran (or that it runs), failures, retries.
    QString line = r.label;
    if (!r.start.isValid())
        line = tr("%1: not started").arg(r.label);
    else if (r.stop.isValid())
        line = tr("%1: ran %2").arg(r.label, presentation::formatDuration(r.start.msecsTo(r.stop) / 1000.0));
    else
        line = tr("%1: running for %2").arg(r.label, presentation::formatDuration(r.start.msecsTo(now) / 1000.0));
    if (r.failed)
        line += u", "_s + tr("failed");
    if (r.retried > 0)
        line += u", "_s + tr("%n task(s) retried", nullptr, r.retried);
    return line;
}

void TimelineChart::updateAccessibleTexts()
{
    QStringList lines;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const TimelineRow &r : std::as_const(m_rows)) {
        if (lines.size() >= 60)
            break;
        lines.append(rowDescription(r, now));
    }
    const QString description = lines.isEmpty() ? tr("No jobs to show.") : lines.join(u'\n');
    if (description != accessibleDescription())
        setAccessibleDescription(description);
    // The row the keyboard is on is part of the name, so a screen reader says it as the row changes.
    const QString name = m_currentRow >= 0 && m_currentRow < m_rows.size()
        ? tr("Jobs timeline: %1").arg(rowDescription(m_rows.at(m_currentRow), now))
        : tr("Jobs timeline");
    if (name != accessibleName())
        setAccessibleName(name);
}

void TimelineChart::setRows(const QList<TimelineRow> &rows)
{
    m_rows = rows;
    if (m_currentRow >= m_rows.size())
        m_currentRow = int(m_rows.size()) - 1;
    updateAccessibleTexts();
    m_from = {};
    m_to = {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const TimelineRow &r : std::as_const(m_rows)) {
        if (!r.start.isValid())
            continue;
        const QDateTime end = r.stop.isValid() ? r.stop : now;
        if (!m_from.isValid() || r.start < m_from)
            m_from = r.start;
        if (!m_to.isValid() || end > m_to)
            m_to = end;
    }
    if (m_from.isValid() && m_from.msecsTo(m_to) < 1000)
        m_to = m_from.addMSecs(1000);
    m_running = std::any_of(m_rows.cbegin(), m_rows.cend(), [](const TimelineRow &r) { return r.start.isValid() && !r.stop.isValid(); });
    setMinimumHeight(sizeHint().height());
    updateGeometry();
    update();
}

QSize TimelineChart::sizeHint() const
{
    return QSize(kLabelWidth + 600, kAxisHeight + int(m_rows.size()) * kRowHeight + 8);
}

QDateTime TimelineChart::axisEnd() const
{
    // While something runs the axis reaches "now", so open bars grow inside the chart instead of past it.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return m_running && now > m_to ? now : m_to;
}

double TimelineChart::tickStepS() const
{
    if (!m_from.isValid())
        return 0.0;
    const double spanS = m_from.msecsTo(axisEnd()) / 1000.0;
    const double plotW = std::max(50.0, width() - kLabelWidth - 98.0);
    return presentation::clockStepS(spanS * 110.0 / plotW);
}

double TimelineChart::xOf(const QDateTime &t) const
{
    const double left = kLabelWidth + 8.0;
    const double right = width() - 90.0; // room for the duration and the marks after a bar
    const double span = std::max<qint64>(1, m_from.msecsTo(axisEnd()));
    return left + (right - left) * double(m_from.msecsTo(t)) / span;
}

QDateTime TimelineChart::timeAt(double x) const
{
    const double left = kLabelWidth + 8.0;
    const double right = width() - 90.0;
    const double span = std::max<qint64>(1, m_from.msecsTo(axisEnd()));
    return m_from.addMSecs(qint64(std::llround((x - left) / std::max(1.0, right - left) * span)));
}

std::optional<triage::LogTarget> TimelineChart::logTargetAt(const QPoint &pos) const
{
    if (pos.y() < kAxisHeight)
        return std::nullopt;
    const int row = (pos.y() - kAxisHeight) / kRowHeight;
    const QRectF bar = barRect(row);
    if (bar.isEmpty() || pos.x() < bar.left() - 2 || pos.x() > bar.right() + 2)
        return std::nullopt;
    const TimelineRow &r = m_rows.at(row);
    // Within the bar: the time under the pointer, never before the bar starts (the first line of its work).
    const QDateTime end = r.stop.isValid() ? r.stop : axisEnd();
    const QDateTime at = std::clamp(timeAt(pos.x()), r.start, end);
    return triage::LogTarget{{r.jobId}, at.toMSecsSinceEpoch()};
}

void TimelineChart::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard the menu is about the current row and opens at its bar's start, not at the pointer.
    const bool byKeyboard = event->reason() == QContextMenuEvent::Keyboard;
    const auto target = !m_logsAvailable ? std::nullopt : byKeyboard ? currentRowTarget() : logTargetAt(event->pos());
    if (!target)
        return QWidget::contextMenuEvent(event);
    QMenu menu(this);
    QAction *logs = menu.addAction(tr("Show logs at this time"));
    const QPoint at = byKeyboard ? mapToGlobal(barRect(m_currentRow).bottomLeft().toPoint()) : event->globalPos();
    if (menu.exec(at) == logs)
        Q_EMIT logsWanted(*target);
}

std::optional<triage::LogTarget> TimelineChart::currentRowTarget() const
{
    if (barRect(m_currentRow).isEmpty())
        return std::nullopt;
    const TimelineRow &r = m_rows.at(m_currentRow);
    return triage::LogTarget{{r.jobId}, r.start.toMSecsSinceEpoch()};
}

void TimelineChart::setCurrentRow(int row)
{
    if (row == m_currentRow)
        return;
    m_currentRow = row;
    if (auto *scroll = qobject_cast<QScrollArea *>(parentWidget() ? parentWidget()->parentWidget() : nullptr))
        scroll->ensureVisible(0, kAxisHeight + row * kRowHeight + kRowHeight / 2, 0, kRowHeight);
    updateAccessibleTexts();
    update();
}

void TimelineChart::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    update(); // the current row's frame shows only with focus
}

void TimelineChart::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

void TimelineChart::keyPressEvent(QKeyEvent *event)
{
    QList<int> withBars; // the rows a key can land on: those with a bar ("and N more" has none)
    for (int i = 0; i < m_rows.size(); ++i)
        if (!barRect(i).isEmpty())
            withBars.append(i);
    if (withBars.isEmpty())
        return QWidget::keyPressEvent(event);
    const qsizetype at = withBars.indexOf(m_currentRow);
    switch (event->key()) {
    case Qt::Key_Down:
        setCurrentRow(withBars.at(at < 0 ? 0 : std::min(at + 1, withBars.size() - 1)));
        return;
    case Qt::Key_Up:
        setCurrentRow(withBars.at(at < 0 ? 0 : std::max<qsizetype>(at - 1, 0)));
        return;
    case Qt::Key_Home:
        setCurrentRow(withBars.first());
        return;
    case Qt::Key_End:
        setCurrentRow(withBars.last());
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const auto target = m_logsAvailable ? currentRowTarget() : std::nullopt) {
            Q_EMIT logsWanted(*target);
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

QRectF TimelineChart::barRect(int row) const
{
    if (row < 0 || row >= m_rows.size() || !m_from.isValid())
        return {};
    const TimelineRow &r = m_rows.at(row);
    if (!r.start.isValid() || r.kind == TimelineRow::Kind::More)
        return {};
    const QDateTime end = r.stop.isValid() ? r.stop : axisEnd();
    const double x0 = xOf(r.start);
    const double x1 = std::max(x0 + 3.0, xOf(end)); // a 5 ms task group is still visible
    const double y = kAxisHeight + row * kRowHeight;
    const double inset = r.kind == TimelineRow::Kind::Job ? 3.0 : 5.0;
    return QRectF(x0, y + inset, x1 - x0, kRowHeight - 2 * inset);
}

void TimelineChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QPalette pal = palette();
    if (m_rows.isEmpty() || !m_from.isValid()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, m_rows.isEmpty() ? tr("No jobs to show.") : tr("No job has started yet."));
        return;
    }

    // Time axis: ticks at clock-friendly steps, about one every 110 px, labelled with the clock time.
    const QDateTime to = axisEnd();
    const double step = tickStepS();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const int rowsBottom = kAxisHeight + int(m_rows.size()) * kRowHeight;
    for (const qint64 t : presentation::clockTicks(m_from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch(), step)) {
        const double x = xOf(QDateTime::fromMSecsSinceEpoch(t, Qt::UTC));
        p.setPen(presentation::tone(presentation::Tone::Grid, pal));
        p.drawLine(QPointF(x, kAxisHeight - 4), QPointF(x, rowsBottom));
        p.setPen(pal.color(QPalette::Text));
        const QString label = QDateTime::fromMSecsSinceEpoch(t).toString(step < 1.0 ? u"HH:mm:ss.zzz"_s : u"HH:mm:ss"_s);
        p.drawText(QRectF(x - 60, 4, 120, kAxisHeight - 8), Qt::AlignCenter, label);
    }
    p.setPen(presentation::tone(presentation::Tone::Border, pal));
    p.drawLine(QPointF(kLabelWidth, kAxisHeight - 2), QPointF(width(), kAxisHeight - 2));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < m_rows.size(); ++i) {
        const TimelineRow &r = m_rows.at(i);
        const double y = kAxisHeight + i * kRowHeight;
        if (r.kind == TimelineRow::Kind::Job) {
            p.fillRect(QRectF(0, y, width(), kRowHeight), presentation::tone(presentation::Tone::RowStripe, pal));
            p.setPen(presentation::tone(presentation::Tone::Grid, pal));
            p.drawLine(QPointF(0, y), QPointF(width(), y));
        }
        QFont f = font();
        f.setBold(r.kind == TimelineRow::Kind::Job);
        f.setItalic(r.kind == TimelineRow::Kind::More);
        p.setFont(f);
        p.setPen(r.kind == TimelineRow::Kind::More ? pal.color(QPalette::PlaceholderText) : pal.color(QPalette::Text));
        const double indent = r.kind == TimelineRow::Kind::Job ? 6.0 : 22.0;
        const QRectF labelRect(indent, y, kLabelWidth - indent - 6, kRowHeight);
        p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(f).elidedText(r.label, Qt::ElideMiddle, int(labelRect.width())));

        const QRectF bar = barRect(i);
        if (bar.isEmpty())
            continue;
        const bool running = !r.stop.isValid();
        QColor fill = presentation::followPalette(
            r.failed ? presentation::tone(presentation::Tone::Danger, pal) : r.colour, pal);
        if (r.kind == TimelineRow::Kind::Job)
            fill = presentation::tint(fill, 0.7, pal); // a job's bar lighter (darker on dark) than its task groups
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(bar, 3, 3);
        if (r.failed) {
            // Hatched, so failure reads without colour too.
            QColor hatch = presentation::textOn(fill);
            hatch.setAlpha(150);
            p.setBrush(QBrush(hatch, Qt::BDiagPattern));
            p.drawRoundedRect(bar, 3, 3);
        }
        if (running) {
            // The open end: a soft fade at "now".
            p.setPen(QPen(pal.color(QPalette::Text), 2.0, Qt::DotLine));
            p.drawLine(QPointF(bar.right(), bar.top() - 2), QPointF(bar.right(), bar.bottom() + 2));
        }
        if (r.retried > 0) {
            p.setPen(QPen(presentation::tone(presentation::Tone::Warning, pal), 2.0));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(bar.adjusted(-1, -1, 1, 1), 3, 3);
        }
        QString mark;
        if (r.erred > 0)
            mark += u"✕ %1 "_s.arg(r.erred);
        if (r.retried > 0)
            mark += u"↻ %1"_s.arg(r.retried);
        if (r.kind == TimelineRow::Kind::Job && r.start.isValid())
            mark += presentation::formatDuration(r.start.msecsTo(r.stop.isValid() ? r.stop : now) / 1000.0);
        if (!mark.isEmpty()) {
            p.setFont(small);
            p.setPen(r.failed ? presentation::tone(presentation::Tone::Danger, pal)
                              : (r.retried > 0 ? presentation::tone(presentation::Tone::Warning, pal)
                                               : pal.color(QPalette::Text)));
            const double textX = bar.right() + 6;
            p.drawText(QRectF(textX, y, std::max(80.0, width() - textX), kRowHeight), Qt::AlignLeft | Qt::AlignVCenter, mark.trimmed());
        }
    }
    if (hasFocus() && m_currentRow >= 0 && m_currentRow < m_rows.size()) {
        // The keyboard's row: a frame in the palette's highlight, around the whole row.
        p.setPen(QPen(pal.color(QPalette::Highlight), 2.0));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(1, kAxisHeight + m_currentRow * kRowHeight + 1, width() - 2, kRowHeight - 2));
    }
}

bool TimelineChart::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(e);
        const int row = (help->pos().y() - kAxisHeight) / kRowHeight;
        if (help->pos().y() >= kAxisHeight && row >= 0 && row < m_rows.size() && !m_rows.at(row).tooltip.isEmpty())
            QToolTip::showText(help->globalPos(), m_rows.at(row).tooltip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

} // namespace cdeck
