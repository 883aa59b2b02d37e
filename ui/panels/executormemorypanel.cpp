// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "executormemorypanel.h"

#include "ui/models/telemetrywindow.h"
#include "ui/presentation.h"
#include "ui/widgets/executorbars.h"
#include "ui/widgets/executorbarsbox.h"

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
// The executors tab's colours (MemoryBarDelegate), so both views read the same.
// The table's colours (ExecutorBars follows a theme change when it paints them).
QBrush managedBrush()
{
    return QBrush(presentation::tone(presentation::Tone::MemoryManaged));
}

QBrush unmanagedBrush()
{
    return QBrush(presentation::tone(presentation::Tone::MemoryUnmanaged));
}

QBrush spilledBrush()
{
    return QBrush(presentation::tone(presentation::Tone::Warning), Qt::BDiagPattern);
}

double orZero(double v)
{
    return std::isnan(v) ? 0 : v;
}

QString legendSwatch(const QColor &color, const QString &text, bool hatched = false)
{
    return u"<span style='background:%1;%2'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;%3&nbsp;&nbsp;&nbsp;"_s.arg(
        color.name(), hatched ? u"border:1px solid %1"_s.arg(spilledBrush().color().name()) : QString(),
        text.toHtmlEscaped());
}
} // namespace

ExecutorMemoryPanel::ExecutorMemoryPanel(TelemetryWindow *window, QWidget *parent)
    : TelemetryPanel(window, parent)
    , m_barsBox(new ExecutorBarsBox(this))
    , m_chart(new TimeChart(tr("Memory in use (managed + unmanaged)"), this))
{
    setObjectName(u"memoryPanel"_s);
    m_barsBox->bars()->setObjectName(u"memoryBars"_s);
    m_barsBox->summary()->setObjectName(u"memorySummary"_s);
    m_barsBox->bars()->setAccessibleRowText(tr("Memory of executor %1: %2"));
    m_chart->setObjectName(u"memoryChart"_s);
    m_chart->setValueFormatter([](double v) { return presentation::formatBytes(qint64(v)); });
    m_chart->setValueUnits({{1.0, tr("bytes")}, {1024.0, tr("KiB")}, {1024.0 * 1024, tr("MiB")}, {1024.0 * 1024 * 1024, tr("GiB")}});
    registerChart(m_chart);
    m_barsBox->setHeading(tr("<b>Memory per executor, now</b>") + u"<br>"_s
                          + legendSwatch(managedBrush().color(), tr("managed"))
                          + legendSwatch(unmanagedBrush().color(), tr("unmanaged"))
                          + legendSwatch(spilledBrush().color(), tr("spilled to disk"), true)
                          + tr("<b>|</b> memory limit · click a bar or a line to focus its executor"));

    // Bars take what their rows need (capped in render()), the chart the rest.
    contentLayout()->addWidget(m_barsBox, 0);
    contentLayout()->addWidget(m_chart, 1);

    connect(m_barsBox, &ExecutorBarsBox::scrolled, this, [this] { renderNow(); });
    connect(m_barsBox, &ExecutorBarsBox::rowClicked, this,
            [this](const QString &key) { setFocusedExecutor(key == focusedExecutor() ? QString() : key); });
}

ExecutorBars *ExecutorMemoryPanel::bars() const
{
    return m_barsBox->bars();
}

void ExecutorMemoryPanel::render(qint64 fromMs, qint64 toMs)
{
    TelemetryWindow *w = telemetry();
    m_barsBox->showRows(
        w,
        [](BarRow &row, const ExecutorLatest &l, bool withText) {
            row.segments = {{orZero(l.managed), managedBrush()},
                            {orZero(l.unmanaged), unmanagedBrush()},
                            {orZero(l.spilled), spilledBrush()}};
            row.limit = l.limit;
            const double used = orZero(l.managed) + orZero(l.unmanaged);
            if (withText) {
                row.text = std::isnan(l.limit) || l.limit <= 0
                    ? presentation::formatBytes(qint64(used))
                    : tr("%1 of %2 (%3%)")
                          .arg(presentation::formatBytes(qint64(used)), presentation::formatBytes(qint64(l.limit)))
                          .arg(used / l.limit * 100, 0, 'f', 0);
                if (l.spilled > 0)
                    row.text += tr(" · spilled %1").arg(presentation::formatBytes(qint64(l.spilled)));
            }
            return std::max(used + orZero(l.spilled), orZero(l.limit));
        },
        focusedExecutor(), std::max(120, height() / 2));

    const ExecutorLatest total = w->latest(QString());
    const int executors = int(w->executors().size());
    if (executors == 0)
        m_barsBox->summary()->clear();
    else
        m_barsBox->summary()->setText(tr("Cluster: %1 in use of %2 · spilled %3 · %n executor(s)", nullptr, executors)
                                          .arg(presentation::formatBytes(qint64(orZero(total.managed) + orZero(total.unmanaged))),
                                               presentation::formatBytes(qint64(orZero(total.limit))),
                                               presentation::formatBytes(qint64(orZero(total.spilled)))));

    const int columns = m_chart->plotColumns();
    m_chart->setFrame(fromMs, toMs, linesFor(TelemetryWindow::kMemoryUsed, fromMs, toMs, columns),
                      gapMsFor(m_chart, fromMs, toMs), QString(), totalGapNote());
}

QList<std::pair<QString, QString>> ExecutorMemoryPanel::csvSeries() const
{
    return {{u"memory"_s, TelemetryWindow::kMemoryUsed}};
}

} // namespace cdeck
