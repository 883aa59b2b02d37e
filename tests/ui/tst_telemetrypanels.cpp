// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The memory and shuffle panels, offscreen, fed through TelemetryWindow exactly as RuntimeFeed feeds it:
// what a user checks on them (which lines are drawn, that a spike is still there when zoomed out, the CSV,
// that Paused stops redrawing, that a silent executor and a lost stream are shown as such).
#include "ui/models/telemetrywindow.h"
#include "ui/panels/executormemorypanel.h"
#include "ui/panels/shuffleiopanel.h"
#include "ui/widgets/executorbars.h"
#include "ui/widgets/timechart.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {
constexpr qint64 kStart = 1'800'000'000'000; // a fixed clock: results do not depend on when the test runs

QString exec(int i)
{
    return u"w%1"_s.arg(i);
}

// One second of the runtime's stream for n executors: executor i uses usedOf(i, t) bytes (split in two parts,
// as Dask reports managed and unmanaged) and receives inOf(i, t) bytes per second.
template<typename Used, typename In>
MetricBatch second(qint64 t, int n, Used usedOf, In inOf)
{
    MetricBatch b;
    b.clusterId = u"c-test"_s;
    b.timestampMs = t;
    double totalUsed = 0;
    double totalIn = 0;
    for (int i = 0; i < n; ++i) {
        const double used = usedOf(i, t);
        const double in = inOf(i, t);
        totalUsed += used;
        totalIn += in;
        b.samples.append({u"memory_managed_bytes"_s, exec(i), used * 0.25});
        b.samples.append({u"memory_unmanaged_bytes"_s, exec(i), used * 0.75});
        b.samples.append({u"memory_limit_bytes"_s, exec(i), 4e9});
        b.samples.append({u"bytes_in_per_s"_s, exec(i), in});
        b.samples.append({u"bytes_out_per_s"_s, exec(i), in / 2});
        b.samples.append({u"bytes_in_total"_s, exec(i), in * double(t - kStart) / 1000});
    }
    b.samples.append({u"memory_managed_bytes"_s, {}, totalUsed * 0.25});
    b.samples.append({u"memory_unmanaged_bytes"_s, {}, totalUsed * 0.75});
    b.samples.append({u"bytes_in_per_s"_s, {}, totalIn});
    return b;
}

QStringList keysOf(const QList<ChartLine> &lines)
{
    QStringList keys;
    for (const ChartLine &l : lines)
        keys.append(l.key);
    return keys;
}

double maxOf(const ChartLine &line)
{
    double m = 0;
    for (const QPointF &p : line.points)
        m = std::max(m, p.y());
    return m;
}

const ChartLine *lineWithKey(const QList<ChartLine> &lines, const QString &key)
{
    for (const ChartLine &l : lines)
        if (l.key == key)
            return &l;
    return nullptr;
}
} // namespace

class TstTelemetryPanels : public QObject
{
    Q_OBJECT
private:
    qint64 m_now = kStart;

    void live(TelemetryWindow &window)
    {
        window.setClock([this] { return m_now; });
        window.setCluster(u"c-test"_s);
        window.setLink(window.ticket(), MetricsLink::Live, {});
    }

private Q_SLOTS:
    void init() { m_now = kStart; }

    // The top N by peak in the range, not by the latest value: an executor whose spike has passed stays.
    void topNByPeakPlusFocusAndTotal()
    {
        TelemetryWindow window;
        live(window);
        ExecutorMemoryPanel panel(&window);
        panel.resize(1200, 800);
        panel.show();
        for (int s = 0; s < 60; ++s) {
            m_now = kStart + s * 1000;
            window.applyBatch(window.ticket(), second(m_now, 30, [s](int i, qint64) {
                                  // w29 peaks at 3 GB for one second; otherwise memory grows with the index
                                  return i == 29 && s == 10 ? 3e9 : 1e8 + i * 1e6 + (i == 29 ? -2e7 : 0);
                              }, [](int, qint64) { return 0.0; }));
        }
        panel.setTopN(5);
        panel.renderNow();
        QStringList keys = keysOf(panel.chart()->lines());
        QCOMPARE(keys.size(), 6);
        QVERIFY(keys.contains(u"w29"_s)); // its spike
        for (int i = 25; i <= 28; ++i)
            QVERIFY2(keys.contains(exec(i)), qPrintable(keys.join(u',')));
        QVERIFY(keys.contains(QString())); // the total
        QCOMPARE(panel.topN(), 5);

        // Focusing an executor outside the top N adds its line, drawn thicker; clicking its bar does the same.
        panel.setFocusedExecutor(u"w3"_s);
        keys = keysOf(panel.chart()->lines());
        QCOMPARE(keys.size(), 7);
        QVERIFY(lineWithKey(panel.chart()->lines(), u"w3"_s)->width > lineWithKey(panel.chart()->lines(), u"w28"_s)->width);
        panel.setFocusedExecutor({});
        ExecutorBars *bars = panel.bars();
        QCOMPARE(bars->rows().size(), 30); // every executor has a bar
        const int row = int(std::find_if(bars->rows().cbegin(), bars->rows().cend(),
                                         [](const BarRow &r) { return r.key == "w7"_L1; })
                            - bars->rows().cbegin());
        QTest::mouseClick(bars, Qt::LeftButton, {}, bars->barRect(row).center());
        QCOMPARE(panel.focusedExecutor(), u"w7"_s);
        QVERIFY(keysOf(panel.chart()->lines()).contains(u"w7"_s));
        QCOMPARE(bars->focusKey(), u"w7"_s);
    }

    // The painted chart draws what it is handed: a one-second spike reaches its height on screen, a hole
    // longer than the gap is not bridged, and hovering the spike's time names its value.
    void paintedChartDrawsTheSpikeAndTheHole()
    {
        TimeChart chart(u"test"_s);
        chart.resize(700, 360);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const qint64 from = kStart;
        ChartLine line;
        line.key = u"w0"_s;
        line.label = u"w0"_s;
        line.color = QColor(255, 0, 0);
        for (int s = 0; s <= 300; ++s) {
            if (s > 200 && s < 260)
                continue; // no sample: a hole of a minute
            line.points.append(QPointF(double(from + s * 1000), s == 100 ? 10.0 : 1.0));
        }
        chart.setFrame(from, from + 300'000, {line}, 5000);
        const QImage image = chart.grab().toImage();
        const QRect plot = chart.plotRect();
        QVERIFY(plot.width() > 300);
        const double dpr = image.devicePixelRatio();
        auto redIn = [&](double t0, double t1, double v0, double v1) {
            int n = 0;
            const int x0 = int(plot.left() + t0 / 300 * plot.width());
            const int x1 = int(plot.left() + t1 / 300 * plot.width());
            const int y0 = int(plot.bottom() - v1 / chart.axisTop() * plot.height());
            const int y1 = int(plot.bottom() - v0 / chart.axisTop() * plot.height());
            for (int x = x0; x <= x1; ++x)
                for (int y = y0; y <= y1; ++y) {
                    const QRgb c = image.pixel(int(x * dpr), int(y * dpr));
                    n += qRed(c) > 200 && qGreen(c) < 80 && qBlue(c) < 80 ? 1 : 0;
                }
            return n;
        };
        QVERIFY2(redIn(99, 101, 9, 10.2) > 0, "the spike's top is not drawn");
        QCOMPARE(redIn(0, 95, 3, 10.2), 0); // nothing high elsewhere
        QCOMPARE(redIn(205, 255, 0.5, 1.5), 0); // the hole stays empty
        QVERIFY(redIn(150, 190, 0.5, 1.5) > 0); // the line around it is there
        QVERIFY(chart.valuesAt(from + 100'000).contains(u"w0: 10"_s));
        QVERIFY(chart.valuesAt(from + 230'000).contains(u"w0: no data"_s));
    }

    // Zoomed out to 24 h, a one-second burst inside a 4-minute roll-up bucket is still drawn at its height,
    // after the reduction to the (half-width) chart's pixel columns.
    void decimationKeepsTheSpike()
    {
        TelemetryWindow window;
        live(window);
        window.setRange(TelemetryWindow::Range::OneDay);
        ShuffleIoPanel panel(&window);
        panel.resize(700, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const qint64 step = window.stepMs();
        QCOMPARE(step, 240'000);
        const qint64 firstBucket = (kStart - 24 * 3'600'000LL) / step * step + step;
        const int spikeBucket = 211;
        MetricSeriesData in;
        in.name = u"bytes_in_per_s"_s;
        in.executor = u"w0"_s;
        in.stepMs = step;
        for (int k = 0; k < 355; ++k) {
            const double low = 4e6 + (k % 5) * 1e5;
            const double high = k == spikeBucket ? 9e9 : low + 2e5;
            in.points.append({firstBucket + k * step, (low + high) / 2, low, high});
        }
        window.applyHistory(window.ticket(), {in});
        panel.renderNow();
        TimeChart *chart = panel.inChart();
        const ChartLine *w0 = lineWithKey(chart->lines(), u"w0"_s);
        QVERIFY(w0);
        QVERIFY2(chart->plotColumns() < 355, qPrintable(u"%1 columns: the chart must be narrower than the data here"_s.arg(chart->plotColumns())));
        QVERIFY2(w0->points.size() <= 2 * chart->plotColumns() + 2, qPrintable(QString::number(w0->points.size())));
        QVERIFY(w0->points.size() < 2 * 355); // reduced
        QCOMPARE(maxOf(*w0), 9e9);
        // Hover at the burst's time says its value.
        const QString hover = chart->valuesAt(firstBucket + spikeBucket * step);
        QVERIFY2(hover.contains(u"w0: 8.38 GiB/s"_s), qPrintable(hover));
    }

    void csvHoldsWhatIsDrawn()
    {
        TelemetryWindow window;
        live(window);
        ShuffleIoPanel panel(&window);
        panel.resize(1200, 800);
        panel.show();
        for (int s = 0; s < 10; ++s) {
            m_now = kStart + s * 1000;
            window.applyBatch(window.ticket(), second(m_now, 3, [](int, qint64) { return 1e8; },
                                                      [](int i, qint64 t) { return double(i + 1) * 1000 + double(t - kStart) / 1000; }));
        }
        panel.renderNow();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"shuffle.csv"_s);
        QString error;
        QVERIFY2(panel.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), u"chart,series,executor,epoch_ms,time_utc,value"_s);
        // in and out, for 3 executors and the total: 10 points each (no total for out in this feed)
        const QStringList w2in = lines.filter(u"bytes_in,bytes_in_per_s,w2,"_s);
        QCOMPARE(w2in.size(), 10);
        const QStringList fields = w2in.last().split(u',');
        QCOMPARE(fields[3].toLongLong(), kStart + 9000);
        QCOMPARE(fields[4], QDateTime::fromMSecsSinceEpoch(kStart + 9000, Qt::UTC).toString(Qt::ISODateWithMs));
        QCOMPARE(fields[5].toDouble(), 3000.0 + 9);
        QCOMPARE(lines.filter(u"bytes_in,bytes_in_per_s,total,"_s).size(), 10);
        QCOMPARE(lines.filter(u"bytes_out,bytes_out_per_s,w0,"_s).size(), 10);
        QCOMPARE(lines.filter(u"bytes_out,bytes_out_per_s,w0,"_s).last().split(u',')[5].toDouble(), (1000.0 + 9) / 2);

        const QString png = dir.filePath(u"shuffle.png"_s);
        QVERIFY2(panel.exportPng(png, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 600);
    }

    void pausedStopsRedrawing()
    {
        TelemetryWindow window;
        live(window);
        ExecutorMemoryPanel panel(&window);
        panel.resize(1000, 700);
        panel.show();
        auto feed = [&](int from, int to) {
            for (int s = from; s < to; ++s) {
                m_now = kStart + s * 1000;
                window.applyBatch(window.ticket(), second(m_now, 2, [](int, qint64 t) { return 1e8 + double(t - kStart) * 1e3; },
                                                          [](int, qint64) { return 0.0; }));
            }
        };
        feed(0, 5);
        QTRY_VERIFY(panel.framesRendered() > 0);
        QTest::qWait(3 * TelemetryPanel::kFrameMs);
        const qint64 shownUntil = qint64(lineWithKey(panel.chart()->lines(), u"w0"_s)->points.last().x());
        QCOMPARE(shownUntil, kStart + 4000);

        QTest::mouseClick(panel.findChild<QToolButton *>(u"liveButton"_s), Qt::LeftButton);
        QVERIFY(panel.isPaused());
        const int frames = panel.framesRendered();
        feed(5, 10);
        QTest::qWait(1200 + 3 * TelemetryPanel::kFrameMs); // past a frame and the 1 s clock
        QCOMPARE(panel.framesRendered(), frames);
        QCOMPARE(qint64(lineWithKey(panel.chart()->lines(), u"w0"_s)->points.last().x()), shownUntil);
        QVERIFY(panel.statusText().contains(u"Paused"_s));

        // Live again: what arrived meanwhile is there (it was kept, not dropped).
        QTest::mouseClick(panel.findChild<QToolButton *>(u"liveButton"_s), Qt::LeftButton);
        QVERIFY(!panel.isPaused());
        QTRY_COMPARE(qint64(lineWithKey(panel.chart()->lines(), u"w0"_s)->points.last().x()), kStart + 9000);
    }

    // A silent executor is greyed with the time of its last sample; a lost stream is said and shaded.
    void silentExecutorAndLostStream()
    {
        TelemetryWindow window;
        live(window);
        ExecutorMemoryPanel panel(&window);
        panel.resize(1000, 700);
        panel.show();
        for (int s = 0; s < 20; ++s) {
            m_now = kStart + s * 1000;
            MetricBatch b = second(m_now, 3, [](int, qint64) { return 2e8; }, [](int, qint64) { return 0.0; });
            if (s >= 10) // w1 stops answering its scrapes: the runtime leaves it out (a gap, not a zero)
                b.samples.removeIf([](const MetricSample &x) { return x.executor == "w1"_L1; });
            window.applyBatch(window.ticket(), b);
        }
        panel.renderNow();
        const QList<BarRow> rows = panel.bars()->rows();
        QCOMPARE(rows.size(), 3);
        QVERIFY(!rows[0].stale);
        QVERIFY(rows[1].stale);
        QVERIFY2(rows[1].text.contains(QDateTime::fromMSecsSinceEpoch(kStart + 9000).toString(u"HH:mm:ss"_s)), qPrintable(rows[1].text));
        const ChartLine *w1 = lineWithKey(panel.chart()->lines(), u"w1"_s);
        QCOMPARE(qint64(w1->points.last().x()), kStart + 9000); // no invented points after it

        m_now += 10'000;
        window.setLink(window.ticket(), MetricsLink::Reconnecting, u"Connection refused"_s);
        panel.renderNow();
        QVERIFY2(panel.statusText().contains(u"Connection refused"_s), qPrintable(panel.statusText()));
        QVERIFY(panel.statusText().contains(u"lost"_s));

        // Markers for events (e.g. scaling) go on every time chart of the panel.
        panel.addMarker({kStart + 5000, u"scaled to 3"_s});
        QCOMPARE(panel.chart()->markers().size(), 1);
        QCOMPARE(panel.chart()->markers().first().label, u"scaled to 3"_s);
    }

    // A hole in the total (a second in which some executor's scrape was late) is shaded and labelled.
    void totalHoleIsLabelled()
    {
        TelemetryWindow window;
        live(window);
        ExecutorMemoryPanel panel(&window);
        panel.resize(1200, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        for (int s = 0; s < 200; ++s) {
            m_now = kStart + s * 1000;
            MetricBatch b = second(m_now, 2, [](int, qint64) { return 2e8; }, [](int, qint64) { return 0.0; });
            if (s >= 60 && s < 160)
                b.samples.removeIf([](const MetricSample &x) { return x.executor.isEmpty(); });
            window.applyBatch(window.ticket(), b);
        }
        panel.renderNow();
        TimeChart *chart = panel.chart();
        const QImage image = chart->grab().toImage();
        const QRectF plot = chart->plotRect();
        const QPointF holeStart(plot.left() + plot.width() * (59.0 + 300 - 200) / 300, plot.top());
        const QPointF holeEnd(plot.left() + plot.width() * (160.0 + 300 - 200) / 300, plot.top());
        int dark = 0;
        for (int x = int(holeStart.x()) + 4; x < int(holeEnd.x()) - 4; ++x)
            for (int y = int(holeStart.y()) + 2; y < int(holeStart.y()) + 24; ++y)
            {
                // The note is dark grey text; the executors' lines there are coloured.
                const QRgb c = image.pixel(x * image.devicePixelRatio(), y * image.devicePixelRatio());
                const bool grey = std::abs(qRed(c) - qGreen(c)) < 12 && std::abs(qGreen(c) - qBlue(c)) < 12;
                dark += grey && qGray(c) < 140 ? 1 : 0;
            }
        QVERIFY2(dark > 20, qPrintable(u"%1 dark pixels where the note should be"_s.arg(dark)));
    }

    // A longer range folds live seconds into wider buckets: the window's memory does not grow with time.
    void longRangeKeepsMemoryFlat()
    {
        TelemetryWindow window;
        live(window);
        window.setRange(TelemetryWindow::Range::OneHour);
        window.setLink(window.ticket(), MetricsLink::Live, {});
        QCOMPARE(window.stepMs(), 10'000);
        for (int s = 0; s < 7200; ++s) {
            m_now = kStart + s * 1000;
            window.applyBatch(window.ticket(), second(m_now, 1, [s](int, qint64) { return s == 7000 ? 5e9 : 1e8; },
                                                      [](int, qint64) { return 0.0; }));
        }
        const telemetry::BucketedSeries *used = window.series(TelemetryWindow::kMemoryUsed, u"w0"_s);
        QVERIFY(used->pointCount() <= 2 * (TelemetryWindow::kBuckets + 2) + 2);
        const auto [from, to] = window.visibleSpan();
        QCOMPARE(used->peak(from, to), 5e9);
    }

    // A 10-second job was a sliver on the shortest range (5 minutes): a 1-minute range, and "This job" zooms
    // to the selected job with its start and end marked. The legend keeps its order as peaks change.
    void oneMinuteAndThisJobRangesAndAStableLegend()
    {
        TelemetryWindow window;
        live(window);
        ExecutorMemoryPanel panel(&window);
        panel.resize(1200, 800);
        panel.show();
        auto *range = panel.findChild<QComboBox *>(u"rangeCombo"_s);
        QVERIFY(range);
        QCOMPARE(range->itemText(0), u"Last minute"_s);
        QCOMPARE(TelemetryWindow::spanOf(TelemetryWindow::Range::OneMinute), 60'000);
        QVERIFY(!panel.showFocusJob()); // no job selected yet
        for (int s = 0; s < 30; ++s) {
            m_now = kStart + s * 1000;
            // w1 has the higher peak (top N by peak puts it first), w0 the later one: the legend is by name.
            window.applyBatch(window.ticket(), second(m_now, 3, [s](int i, qint64) {
                                  return i == 1 && s < 15 ? 3e9 : i == 0 && s >= 15 ? 2.5e9 : 1e8;
                              }, [](int, qint64) { return 0.0; }));
        }
        panel.setTopN(2);
        panel.renderNow();
        QCOMPARE(window.topExecutors(TelemetryWindow::kMemoryUsed, 2), (QStringList{u"w1"_s, u"w0"_s}));
        QCOMPARE(keysOf(panel.chart()->lines()), (QStringList{u"w0"_s, u"w1"_s, QString()}));
        Job job;
        job.id = u"job-1"_s;
        job.name = u"etl_groupby"_s;
        job.startedAt = QDateTime::fromMSecsSinceEpoch(kStart + 10'000);
        job.endedAt = QDateTime::fromMSecsSinceEpoch(kStart + 20'000);
        panel.setFocusJob(job);
        QVERIFY(panel.showFocusJob());
        QCOMPARE(window.range(), TelemetryWindow::Range::Custom);
        const auto [from, to] = window.visibleSpan();
        QVERIFY(from < kStart + 10'000 && from >= kStart + 10'000 - 3000); // a margin, not the whole history
        QVERIFY(to > kStart + 20'000 && to <= kStart + 20'000 + 3000);
        QCOMPARE(range->currentText(), u"This job"_s);
        const QList<ChartMarker> markers = panel.chart()->markers();
        QCOMPARE(markers.size(), 2);
        QCOMPARE(markers[0].atMs, kStart + 10'000);
        QCOMPARE(markers[0].label, u"etl_groupby started"_s);
        QCOMPARE(markers[1].atMs, kStart + 20'000);
        // Another range drops the job's marks.
        window.setRange(TelemetryWindow::Range::OneMinute);
        QVERIFY(!panel.showsFocusJob());
        QCOMPARE(panel.chart()->markers().size(), 0);
        QCOMPARE(range->currentText(), u"Last minute"_s);
    }
};

QTEST_MAIN(TstTelemetryPanels)
#include "tst_telemetrypanels.moc"
