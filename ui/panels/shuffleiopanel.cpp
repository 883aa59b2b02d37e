// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "shuffleiopanel.h"

#include "ui/models/telemetrywindow.h"
#include "ui/presentation.h"
#include "ui/widgets/executorbars.h"
#include "ui/widgets/executorbarsbox.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QSplitter>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
// The table's colours (ExecutorBars and the heading follow a theme change).
QBrush inBrush()
{
    return QBrush(presentation::tone(presentation::Tone::ShuffleIn));
}

QBrush outBrush()
{
    return QBrush(presentation::tone(presentation::Tone::ShuffleOut));
}

double orZero(double v)
{
    return std::isnan(v) ? 0 : v;
}

QString rate(double bytesPerSecond)
{
    return ShuffleIoPanel::tr("%1/s").arg(presentation::formatBytes(qint64(orZero(bytesPerSecond))));
}

QString swatch(const QColor &color, const QString &text)
{
    return u"<span style='background:%1'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;%2&nbsp;&nbsp;&nbsp;"_s.arg(color.name(),
                                                                                                    text.toHtmlEscaped());
}
} // namespace

ShuffleIoPanel::ShuffleIoPanel(TelemetryWindow *window, QWidget *parent)
    : TelemetryPanel(window, parent)
    , m_in(new TimeChart(tr("Bytes in per second (received from other workers)"), this))
    , m_out(new TimeChart(tr("Bytes out per second (sent to other workers)"), this))
    , m_barsBox(new ExecutorBarsBox(this))
{
    setObjectName(u"shufflePanel"_s);
    m_in->setObjectName(u"bytesInChart"_s);
    m_out->setObjectName(u"bytesOutChart"_s);
    m_barsBox->bars()->setObjectName(u"shuffleBars"_s);
    m_barsBox->summary()->setObjectName(u"shuffleSummary"_s);
    m_barsBox->bars()->setAccessibleRowText(tr("Shuffle of executor %1: %2"));
    for (TimeChart *c : {m_in, m_out}) {
        c->setValueFormatter([](double v) { return rate(v); });
        c->setValueUnits({{1.0, tr("B/s")}, {1024.0, tr("KiB/s")}, {1024.0 * 1024, tr("MiB/s")}, {1024.0 * 1024 * 1024, tr("GiB/s")}});
        registerChart(c);
    }
    setSparkWording(false);

    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_in);
    charts->addWidget(m_out);
    // Bars take what their rows need (capped in render()), the charts the rest.
    contentLayout()->addWidget(charts, 1);
    contentLayout()->addWidget(m_barsBox, 0);

    connect(m_barsBox, &ExecutorBarsBox::scrolled, this, [this] { renderNow(); });
    connect(m_barsBox, &ExecutorBarsBox::rowClicked, this,
            [this](const QString &key) { setFocusedExecutor(key == focusedExecutor() ? QString() : key); });
    m_constructed = true;
}

ExecutorBars *ShuffleIoPanel::bars() const
{
    return m_barsBox->bars();
}

void ShuffleIoPanel::setSparkWording(bool spark)
{
    m_spark = spark;
    m_in->setTitle(spark ? tr("Shuffle read per second (change between polls of Spark's totals)")
                         : tr("Bytes in per second (received from other workers)"));
    m_out->setTitle(spark ? tr("Shuffle write per second (change between polls of Spark's totals)")
                          : tr("Bytes out per second (sent to other workers)"));
    m_barsBox->setHeading(tr("<b>Cumulative per executor</b>&nbsp;&nbsp;&nbsp;")
                          + swatch(inBrush().color(), spark ? tr("shuffle read") : tr("bytes in"))
                          + swatch(outBrush().color(), spark ? tr("shuffle write") : tr("bytes out")));
    if (m_constructed)
        renderNow();
}

void ShuffleIoPanel::render(qint64 fromMs, qint64 toMs)
{
    TelemetryWindow *w = telemetry();
    m_barsBox->showRows(
        w,
        [spark = m_spark](BarRow &row, const ExecutorLatest &l, bool withText) {
            row.segments = {{orZero(l.inTotal), inBrush()}, {orZero(l.outTotal), outBrush()}};
            if (withText)
                row.text = (spark ? tr("read %1 · write %2 · last poll ↓ %3 ↑ %4") : tr("in %1 · out %2 · now ↓ %3 ↑ %4"))
                               .arg(presentation::formatBytes(qint64(orZero(l.inTotal))),
                                    presentation::formatBytes(qint64(orZero(l.outTotal))), rate(l.inRate), rate(l.outRate));
            return orZero(l.inTotal) + orZero(l.outTotal);
        },
        focusedExecutor(), std::max(120, height() / 2));
    const ExecutorLatest total = w->latest(QString());
    if (w->executors().isEmpty())
        m_barsBox->summary()->clear();
    else
        m_barsBox->summary()->setText((m_spark ? tr("Application, last poll: read %1, write %2 · cumulative: read %3, write %4")
                                               : tr("Cluster now: in %1, out %2 · cumulative: in %3, out %4"))
                                          .arg(rate(total.inRate), rate(total.outRate),
                                               presentation::formatBytes(qint64(orZero(total.inTotal))),
                                               presentation::formatBytes(qint64(orZero(total.outTotal)))));

    const int columns = m_in->plotColumns();
    m_in->setFrame(fromMs, toMs, linesFor(TelemetryWindow::kBytesIn, fromMs, toMs, columns), gapMsFor(m_in, fromMs, toMs),
                   QString(), totalGapNote());
    m_out->setFrame(fromMs, toMs, linesFor(TelemetryWindow::kBytesOut, fromMs, toMs, m_out->plotColumns()),
                    gapMsFor(m_out, fromMs, toMs), QString(), totalGapNote());
}

QList<std::pair<QString, QString>> ShuffleIoPanel::csvSeries() const
{
    return {{u"bytes_in"_s, TelemetryWindow::kBytesIn}, {u"bytes_out"_s, TelemetryWindow::kBytesOut}};
}

} // namespace cdeck
