// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "telemetrypanel.h"

#include "ui/cost/costexport.h"
#include "ui/models/telemetrywindow.h"
#include "ui/presentation.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
constexpr TelemetryWindow::Range kRanges[] = {TelemetryWindow::Range::OneMinute, TelemetryWindow::Range::FiveMinutes,
                                              TelemetryWindow::Range::OneHour, TelemetryWindow::Range::OneDay,
                                              TelemetryWindow::Range::SevenDays, TelemetryWindow::Range::Custom};
constexpr int kThisJob = -1; // the range combo's "This job" entry

QString clock(qint64 ms)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    return at.date() == QDate::currentDate() ? at.toString(u"HH:mm:ss"_s) : at.toString(u"yyyy-MM-dd HH:mm:ss"_s);
}
} // namespace

TelemetryPanel::TelemetryPanel(TelemetryWindow *window, QWidget *parent)
    : QWidget(parent)
    , m_window(window)
    , m_range(new QComboBox(this))
    , m_live(new QToolButton(this))
    , m_topN(new QSpinBox(this))
    , m_focusCombo(new QComboBox(this))
    , m_exportPng(new QPushButton(tr("Export PNG…"), this))
    , m_exportCsv(new QPushButton(tr("Export CSV…"), this))
    , m_status(new QLabel(this))
{
    m_range->setObjectName(u"rangeCombo"_s);
    for (TelemetryWindow::Range r : kRanges)
        m_range->addItem(TelemetryWindow::rangeName(r), int(r));
    m_range->addItem(tr("This job"), kThisJob);
    setFocusJob({});
    m_live->setObjectName(u"liveButton"_s);
    m_range->setAccessibleName(tr("Time range"));
    m_topN->setAccessibleName(tr("Executors drawn as lines"));
    m_focusCombo->setAccessibleName(tr("Focused executor"));
    m_live->setCheckable(true);
    m_live->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_topN->setObjectName(u"topNSpin"_s);
    m_topN->setRange(1, 100);
    m_topN->setValue(kDefaultTopN);
    m_topN->setPrefix(tr("top "));
    m_topN->setToolTip(tr("Lines for the executors with the highest peak in the range (plus the focused one and the total)"));
    m_focusCombo->setObjectName(u"focusCombo"_s);
    m_focusCombo->setMinimumContentsLength(14);
    m_focusCombo->setToolTip(tr("Focus an executor: its line is drawn thick even outside the top N (or click a bar or a line)"));
    m_status->setObjectName(u"telemetryStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_exportPng->setObjectName(u"exportPngButton"_s);
    m_exportCsv->setObjectName(u"exportCsvButton"_s);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Range:"), this));
    bar->addWidget(m_range);
    bar->addWidget(m_live);
    bar->addSpacing(12);
    bar->addWidget(m_topN);
    bar->addWidget(new QLabel(tr("Focus:"), this));
    bar->addWidget(m_focusCombo);
    bar->addStretch();
    bar->addWidget(m_exportPng);
    bar->addWidget(m_exportCsv);

    m_exportArea = new QWidget(this);
    m_content = new QVBoxLayout(m_exportArea);
    m_content->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_exportArea, 1);

    m_frameTimer.setObjectName(u"telemetryFrameTimer"_s); // the pipeline benchmark finds frames by it
    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(kFrameMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &TelemetryPanel::renderNow);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        updateStatus();
        // Only when no sample drew a frame within the last second (a stalled stream): samples draw their own.
        if (m_window->isLive() && m_sinceFrame.isValid() && m_sinceFrame.elapsed() > 900)
            scheduleFrame();
    });
    m_clock.start();

    connect(m_window, &TelemetryWindow::dataChanged, this, &TelemetryPanel::scheduleFrame);
    connect(m_window, &TelemetryWindow::linkChanged, this, &TelemetryPanel::updateStatus);
    connect(m_window, &TelemetryWindow::requestChanged, this, [this] {
        showRangeInCombo();
        setPaused(false);
    });
    connect(m_range, &QComboBox::activated, this, &TelemetryPanel::onRangeChosen);
    connect(m_live, &QToolButton::toggled, this, [this](bool paused) { setPaused(paused); });
    connect(m_topN, &QSpinBox::valueChanged, this, [this] { renderNow(); });
    connect(m_focusCombo, &QComboBox::activated, this,
            [this](int index) { setFocusedExecutor(m_focusCombo->itemData(index).toString()); });
    connect(m_exportPng, &QPushButton::clicked, this, [this] {
        costview::exportThroughDialog(this, tr("Export PNG"), u"cluster-chart.png"_s, tr("PNG image (*.png)"),
                                      [this](const QString &path, QString *error) { return exportPng(path, error); });
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] {
        costview::exportThroughDialog(this, tr("Export CSV"), u"cluster-metrics.csv"_s, tr("CSV (*.csv)"),
                                      [this](const QString &path, QString *error) { return exportCsv(path, error); });
    });
    setPaused(false);
    refreshExecutorList();
}

void TelemetryPanel::registerChart(TimeChart *chart)
{
    m_charts.append(chart);
    connect(chart, &TimeChart::lineClicked, this, [this](const QString &key) {
        if (!key.isEmpty())
            setFocusedExecutor(key == m_focus ? QString() : key);
    });
}

void TelemetryPanel::setPaused(bool paused)
{
    if (paused && !m_paused)
        m_pausedSpan = m_window->visibleSpan();
    m_paused = paused && m_window->isLive(); // a fixed past window has nothing to pause
    {
        const QSignalBlocker blocker(m_live);
        m_live->setChecked(m_paused);
    }
    m_live->setText(m_paused ? tr("⏸ Paused") : tr("● Live"));
    m_live->setToolTip(m_paused ? tr("Paused: samples are still received; click to follow live again")
                                : tr("Following live samples; click to pause the charts"));
    m_live->setEnabled(m_window->isLive());
    updateStatus();
    if (!m_paused)
        scheduleFrame();
}

int TelemetryPanel::topN() const
{
    return m_topN->value();
}

void TelemetryPanel::setTopN(int n)
{
    m_topN->setValue(n);
}

void TelemetryPanel::setFocusedExecutor(const QString &executor)
{
    m_focus = executor;
    showFocusInCombo();
    renderNow();
}

void TelemetryPanel::showFocusInCombo()
{
    const int i = m_focusCombo->findData(m_focus);
    m_focusCombo->setCurrentIndex(std::max(0, i));
}

void TelemetryPanel::refreshExecutorList()
{
    const QStringList executors = m_window->executors();
    if (m_focusCombo->count() == executors.size() + 1)
        return;
    const QSignalBlocker blocker(m_focusCombo);
    m_focusCombo->clear();
    m_focusCombo->addItem(tr("(none)"), QString());
    for (const QString &e : executors)
        m_focusCombo->addItem(e, e);
    showFocusInCombo();
}

void TelemetryPanel::showRangeInCombo()
{
    const QSignalBlocker blocker(m_range);
    if (m_jobRange && m_window->range() != TelemetryWindow::Range::Custom)
        m_jobRange = false;
    m_range->setCurrentIndex(m_range->findData(m_jobRange ? kThisJob : int(m_window->range())));
    applyMarkers();
}

void TelemetryPanel::setFocusJob(const Job &job)
{
    m_job = job;
    const int index = m_range->findData(kThisJob);
    const bool usable = !job.id.isEmpty() && job.startedAt.isValid();
    if (auto *model = qobject_cast<QStandardItemModel *>(m_range->model()))
        if (QStandardItem *item = model->item(index))
            item->setEnabled(usable);
    m_range->setItemData(index,
                         usable ? tr("Zoom to %1 (%2): its start and end are marked").arg(job.name, job.id)
                                : tr("Select a job that has started in the Jobs tab"),
                         Qt::ToolTipRole);
    if (m_jobRange)
        applyMarkers();
}

bool TelemetryPanel::showFocusJob()
{
    if (m_job.id.isEmpty() || !m_job.startedAt.isValid())
        return false;
    // The job's span with a margin either side, so its start and end are not on the chart's edges; a job
    // still running reaches to now (the range is fixed: choose it again to follow).
    const qint64 start = m_job.startedAt.toMSecsSinceEpoch();
    const qint64 end = m_job.endedAt.isValid() ? m_job.endedAt.toMSecsSinceEpoch() : m_window->nowMs();
    const qint64 margin = std::max<qint64>(2000, (end - start) / 10);
    m_jobRange = true;
    m_window->setRange(TelemetryWindow::Range::Custom, start - margin, std::max(end, start + 1000) + margin);
    showRangeInCombo();
    return true;
}

void TelemetryPanel::onRangeChosen(int index)
{
    if (m_range->itemData(index).toInt() == kThisJob) {
        if (!showFocusJob())
            showRangeInCombo();
        return;
    }
    m_jobRange = false;
    const auto range = TelemetryWindow::Range(m_range->itemData(index).toInt());
    if (range != TelemetryWindow::Range::Custom) {
        if (range != m_window->range())
            m_window->setRange(range);
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Custom time range"));
    auto *from = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(-3600), &dialog);
    auto *to = new QDateTimeEdit(QDateTime::currentDateTime(), &dialog);
    for (QDateTimeEdit *e : {from, to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("From:"), from);
    form->addRow(tr("To:"), to);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted && from->dateTime() < to->dateTime()) {
        m_window->setRange(TelemetryWindow::Range::Custom, from->dateTime().toMSecsSinceEpoch(),
                           to->dateTime().toMSecsSinceEpoch());
    } else {
        const QSignalBlocker blocker(m_range);
        m_range->setCurrentIndex(m_range->findData(int(m_window->range())));
    }
}

std::pair<qint64, qint64> TelemetryPanel::span() const
{
    return m_paused ? m_pausedSpan : m_window->visibleSpan();
}

void TelemetryPanel::scheduleFrame()
{
    // Hidden or paused: no frame (the data is kept); showing the panel again draws once.
    if (m_paused || !isVisible() || m_frameTimer.isActive())
        return;
    m_frameTimer.start();
}

void TelemetryPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (presentation::isPaletteChange(event) && isVisible())
        scheduleFrame(); // the lines, bars and status take the new palette's colours
}

void TelemetryPanel::renderNow()
{
    refreshExecutorList();
    const auto [from, to] = span();
    render(from, to);
    m_sinceFrame.start();
    ++m_frames;
    updateStatus();
}

qint64 TelemetryPanel::gapMsFor(const TimeChart *chart, qint64 fromMs, qint64 toMs) const
{
    // A hole is wider than a few buckets, and wider than a few pixel columns (decimated points are a column apart).
    const double perColumn = double(toMs - fromMs) / chart->plotColumns();
    return qint64(std::max(3.5 * double(m_window->stepMs()), 3.0 * perColumn));
}

QColor TelemetryPanel::colorFor(const QString &executor)
{
    // The table's series colours; an executor keeps its colour across frames and ranges.
    return presentation::seriesColor(int(qHash(executor) % 10));
}

QList<ChartLine> TelemetryPanel::linesFor(const QString &series, qint64 fromMs, qint64 toMs, int columns,
                                          bool withTotal) const
{
    QList<ChartLine> lines;
    QStringList top = m_window->topExecutors(series, topN());
    if (!m_focus.isEmpty() && !top.contains(m_focus))
        top.append(m_focus);
    // In name order (w2 before w10), not by peak: the legend keeps its order as the peaks change.
    QStringList shown;
    for (const QString &e : m_window->executors())
        if (top.contains(e))
            shown.append(e);
    for (const QString &e : std::as_const(shown)) {
        ChartLine l;
        l.key = e;
        l.label = e == m_focus ? tr("%1 (focused)").arg(e) : e;
        l.color = colorFor(e);
        l.width = e == m_focus ? 3.5 : 1.3;
        if (const telemetry::BucketedSeries *s = m_window->series(series, e))
            l.points = s->decimated(fromMs, toMs, columns);
        lines.append(l);
    }
    if (withTotal) {
        ChartLine total;
        total.key = QString();
        total.label = tr("Total");
        total.color = presentation::tone(presentation::Tone::Slate);
        total.width = 2.2;
        if (const telemetry::BucketedSeries *s = m_window->series(series, QString()))
            total.points = s->decimated(fromMs, toMs, columns);
        lines.append(total);
    }
    // The focused line on top of the others.
    std::stable_partition(lines.begin(), lines.end(), [this](const ChartLine &l) { return l.key != m_focus || l.key.isEmpty(); });
    return lines;
}

void TelemetryPanel::addMarker(const ChartMarker &marker)
{
    m_markers.append(marker);
    applyMarkers();
}

void TelemetryPanel::setMarkers(const QList<ChartMarker> &markers)
{
    m_markers = markers;
    applyMarkers();
}

void TelemetryPanel::applyMarkers()
{
    QList<ChartMarker> markers = m_markers;
    if (m_jobRange && m_job.startedAt.isValid()) {
        const QColor jobColor = presentation::tone(presentation::Tone::Info);
        markers.append({m_job.startedAt.toMSecsSinceEpoch(), tr("%1 started").arg(m_job.name), jobColor});
        if (m_job.endedAt.isValid())
            markers.append({m_job.endedAt.toMSecsSinceEpoch(), tr("%1 ended").arg(m_job.name), jobColor});
    }
    for (TimeChart *c : std::as_const(m_charts))
        c->setMarkers(markers);
}

QString TelemetryPanel::csvText() const
{
    const auto [from, to] = span();
    QString out = u"chart,series,executor,epoch_ms,time_utc,value\n"_s;
    const QList<std::pair<QString, QString>> series = csvSeries();
    for (qsizetype c = 0; c < series.size() && c < m_charts.size(); ++c) {
        const auto &[title, name] = series[c];
        for (const ChartLine &line : m_charts[c]->lines()) {
            const telemetry::BucketedSeries *s = m_window->series(name, line.key);
            if (!s)
                continue;
            // Everything held in the span, not the decimated frame: at most 2 points per bucket anyway.
            const QList<QPointF> points = s->decimated(from, to, int(TelemetryWindow::kBuckets) * 4);
            const QString executor = line.key.isEmpty() ? u"total"_s : line.key;
            for (const QPointF &p : points)
                out += u"%1,%2,%3,%4,%5,%6\n"_s.arg(title, name, executor, QString::number(qint64(p.x())),
                                                    QDateTime::fromMSecsSinceEpoch(qint64(p.x()), Qt::UTC)
                                                        .toString(Qt::ISODateWithMs),
                                                    QString::number(p.y(), 'g', 17));
        }
    }
    return out;
}

bool TelemetryPanel::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(csvText().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool TelemetryPanel::exportPng(const QString &path, QString *error)
{
    if (!m_exportArea->grab().save(path, "PNG")) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

QString TelemetryPanel::statusText() const
{
    return m_status->text();
}

void TelemetryPanel::updateStatus()
{
    QString text;
    const qint64 last = m_window->lastSampleMs();
    const QString lastText = last > 0 ? tr("last sample %1").arg(clock(last)) : tr("no sample yet");
    switch (m_window->link()) {
    case MetricsLink::Idle:
        text = tr("No cluster selected.");
        break;
    case MetricsLink::Loading:
        text = tr("Loading the history…");
        break;
    case MetricsLink::Live:
        text = tr("● Live: one sample a second from the runtime's stream · %1").arg(lastText);
        if (last > 0 && m_window->nowMs() - last > 5000)
            text = tr("⚠ Live stream open but silent since %1: the runtime is not sampling this cluster").arg(clock(last));
        break;
    case MetricsLink::Polled:
        text = tr("● Polled: %1 · %2").arg(m_window->linkMessage(), lastText);
        break;
    case MetricsLink::Reconnecting:
        text = tr("⚠ Live stream lost since %1 (%2); reconnecting every %3 s. Showing data up to %4; the hole is "
                  "filled from the runtime's history once it answers.")
                   .arg(clock(m_window->linkChangedAtMs()), m_window->linkMessage())
                   .arg(ClusterFeed::kStreamRetryMs / 1000)
                   .arg(last > 0 ? clock(last) : tr("nothing"));
        break;
    case MetricsLink::Ended:
        text = tr("The cluster has ended (%1): its stored history.").arg(m_window->linkMessage());
        break;
    case MetricsLink::History:
        text = tr("Stored history of a past range (no live samples).");
        break;
    case MetricsLink::Unavailable:
        text = tr("This connection has no metric history or stream: live memory and shuffle charts come from "
                  "clusterdeck-runtime clusters and Spark connections (YARN reports node totals on the Executors tab).");
        break;
    }
    if (m_paused)
        text = tr("⏸ Paused at %1 (samples are still received; press Live to catch up) · ").arg(clock(m_pausedSpan.second))
            + text;
    m_status->setText(text);
    const bool bad = m_window->link() == MetricsLink::Reconnecting
        || (m_window->link() == MetricsLink::Live && last > 0 && m_window->nowMs() - last > 5000);
    presentation::restyle(
        m_status,
        bad ? u"color: %1; font-weight: bold;"_s.arg(presentation::tone(presentation::Tone::Danger, palette()).name())
            : QString());
    // Where the stream is lost, the charts shade the stretch since the last sample.
    for (TimeChart *c : std::as_const(m_charts)) {
        if (bad && last > 0)
            c->setNoDataBand(last, span().second, tr("unreachable since %1").arg(clock(last)));
        else
            c->setNoDataBand(0, 0, {});
    }
}

} // namespace cdeck
