// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "shuffleiopanel.h"

#include "ui/models/telemetrywindow.h"
#include "ui/presentation.h"
#include "ui/widgets/executorbars.h"

#include <QDateTime>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
const QBrush kIn(QColor(0x2e, 0x7d, 0x32));
const QBrush kOut(QColor(0xef, 0x6c, 0x00));

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
    , m_bars(new ExecutorBars(this))
    , m_summary(new QLabel(this))
    , m_legend(nullptr)
{
    setObjectName(u"shufflePanel"_s);
    m_in->setObjectName(u"bytesInChart"_s);
    m_out->setObjectName(u"bytesOutChart"_s);
    m_bars->setObjectName(u"shuffleBars"_s);
    for (TimeChart *c : {m_in, m_out}) {
        c->setValueFormatter([](double v) { return rate(v); });
        c->setValueUnits({{1.0, tr("B/s")}, {1024.0, tr("KiB/s")}, {1024.0 * 1024, tr("MiB/s")}, {1024.0 * 1024 * 1024, tr("GiB/s")}});
        registerChart(c);
    }
    m_summary->setObjectName(u"shuffleSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);

    auto *barsBox = new QWidget(this);
    auto *barsLayout = new QVBoxLayout(barsBox);
    barsLayout->setContentsMargins(0, 0, 0, 0);
    m_legend = new QLabel(barsBox);
    m_legend->setTextFormat(Qt::RichText);
    barsLayout->addWidget(m_legend);
    setSparkWording(false);
    m_barsScroll = new QScrollArea(barsBox);
    auto *scroll = m_barsScroll;
    scroll->setWidget(m_bars);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    barsLayout->addWidget(scroll, 1);
    barsLayout->addWidget(m_summary);

    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_in);
    charts->addWidget(m_out);
    // Bars take what their rows need (capped in render()), the charts the rest.
    contentLayout()->addWidget(charts, 1);
    contentLayout()->addWidget(barsBox, 0);

    connect(m_barsScroll->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { renderNow(); });
    connect(m_bars, &ExecutorBars::rowClicked, this,
            [this](const QString &key) { setFocusedExecutor(key == focusedExecutor() ? QString() : key); });
}

void ShuffleIoPanel::setSparkWording(bool spark)
{
    m_spark = spark;
    m_in->setTitle(spark ? tr("Shuffle read per second (change between polls of Spark's totals)")
                         : tr("Bytes in per second (received from other workers)"));
    m_out->setTitle(spark ? tr("Shuffle write per second (change between polls of Spark's totals)")
                          : tr("Bytes out per second (sent to other workers)"));
    m_legend->setText(tr("<b>Cumulative per executor</b>&nbsp;&nbsp;&nbsp;")
                      + swatch(kIn.color(), spark ? tr("shuffle read") : tr("bytes in"))
                      + swatch(kOut.color(), spark ? tr("shuffle write") : tr("bytes out")));
    if (m_barsScroll) // not while constructing
        renderNow();
}

void ShuffleIoPanel::render(qint64 fromMs, qint64 toMs)
{
    TelemetryWindow *w = telemetry();
    QList<BarRow> rows;
    double scale = 0;
    // Texts only for the rows on screen: formatting a thousand of them each frame is most of a frame.
    const auto [firstShown, lastShown] = m_bars->visibleRows();
    const QStringList executors = w->executors();
    rows.reserve(executors.size());
    for (const QString &e : executors) {
        const bool shown = rows.size() >= firstShown && rows.size() <= lastShown;
        const ExecutorLatest l = w->latest(e);
        BarRow row;
        row.key = e;
        row.label = e;
        row.segments = {{orZero(l.inTotal), kIn}, {orZero(l.outTotal), kOut}};
        row.stale = w->isStale(e);
        scale = std::max(scale, orZero(l.inTotal) + orZero(l.outTotal));
        if (shown)
            row.text = row.stale ? tr("no data since %1").arg(QDateTime::fromMSecsSinceEpoch(l.lastSeenMs).toString(u"HH:mm:ss"_s))
                : m_spark        ? tr("read %1 · write %2 · last poll ↓ %3 ↑ %4")
                                   .arg(presentation::formatBytes(qint64(orZero(l.inTotal))),
                                        presentation::formatBytes(qint64(orZero(l.outTotal))), rate(l.inRate), rate(l.outRate))
                                 : tr("in %1 · out %2 · now ↓ %3 ↑ %4")
                                   .arg(presentation::formatBytes(qint64(orZero(l.inTotal))),
                                            presentation::formatBytes(qint64(orZero(l.outTotal))), rate(l.inRate), rate(l.outRate));
        rows.append(row);
    }
    m_bars->setRows(rows, scale);
    // A few executors take a few rows; a thousand scroll within at most half the panel.
    m_barsScroll->setFixedHeight(std::min(m_bars->contentHeight() + 2, std::max(120, height() / 2)));
    m_bars->setFocusKey(focusedExecutor());
    const ExecutorLatest total = w->latest(QString());
    if (rows.isEmpty())
        m_summary->clear();
    else
        m_summary->setText((m_spark ? tr("Application, last poll: read %1, write %2 · cumulative: read %3, write %4")
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
