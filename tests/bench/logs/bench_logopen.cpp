// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The Logs tab on a 1 GiB log (CLUSTERDECK_BENCH_LOG_MB to change the size), offscreen: how long until
// the first lines show, the longest the GUI thread is held while the line index is built, how long the
// index takes, jumps to random lines, paging through, a search near the end, the memory it costs. The
// anchor is `wc -l` on the same file (counting newlines at memory speed, nothing else).
#include "core/logs/filelogsource.h"
#include "core/logs/logmodel.h"
#include "ui/logs/logspanel.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace cdeck;
using namespace Qt::StringLiterals;

namespace {

qint64 rssKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5))];
}

// Dask-like lines of 60-200 bytes, a level every so often, one needle near the end.
qint64 writeLog(const QString &path, qint64 bytes, qint64 *lines)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return -1;
    const qint64 start = QDateTime(QDate(2026, 12, 7), QTime(0, 0), Qt::LocalTime).toMSecsSinceEpoch();
    QRandomGenerator rng(42);
    QByteArray buffer;
    qint64 written = 0, n = 0;
    const char *levels[] = {"INFO", "INFO", "INFO", "INFO", "WARNING", "ERROR", "DEBUG"};
    while (written < bytes) {
        const QByteArray stamp = QDateTime::fromMSecsSinceEpoch(start + n * 7).toString(u"yyyy-MM-dd HH:mm:ss,zzz"_s).toLatin1();
        buffer += stamp + " - distributed.worker - " + levels[n % 7] + " - task finished key=('shuffle-"
            + QByteArray::number(n, 16) + "', " + QByteArray::number(n % 997) + ") "
            + QByteArray(int(rng.bounded(0, 120)), '.') + (written > bytes * 97 / 100 && n % 100000 == 0 ? " NEEDLE" : "")
            + '\n';
        ++n;
        if (buffer.size() > (1 << 22)) {
            f.write(buffer);
            written += buffer.size();
            buffer.clear();
        }
    }
    f.write(buffer);
    written += buffer.size();
    *lines = n;
    return written;
}

} // namespace

class BenchLogOpen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void openAGigabyteLog()
    {
        const qint64 mb = qEnvironmentVariableIntValue("CLUSTERDECK_BENCH_LOG_MB") > 0
            ? qEnvironmentVariableIntValue("CLUSTERDECK_BENCH_LOG_MB")
            : 1024;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w1.log"_s);
        qint64 lines = 0;
        QElapsedTimer clock;
        clock.start();
        const qint64 size = writeLog(path, mb * 1024 * 1024, &lines);
        QVERIFY(size > 0);
        qInfo("log: %lld bytes, %lld lines, written in %lld ms", size, lines, clock.elapsed());

        // Anchor: wc -l on the same (cached) file.
        QProcess wc;
        clock.restart();
        wc.start(u"wc"_s, {u"-l"_s, path});
        QVERIFY(wc.waitForFinished(300000));
        const qint64 wcMs = clock.elapsed();
        QCOMPARE(wc.readAllStandardOutput().split(' ').value(0).toLongLong(), lines);

        const qint64 rssBefore = rssKiB();
        LogsPanel panel;
        panel.resize(1200, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        logs::FileLogSource source(path);
        logs::LogModel *model = panel.model();

        // The GUI thread's longest stall: a 5 ms timer notes the largest gap between its ticks.
        QElapsedTimer tickClock;
        tickClock.start();
        qint64 lastTick = 0, worstGap = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] {
            const qint64 now = tickClock.elapsed();
            worstGap = std::max(worstGap, now - lastTick);
            lastTick = now;
        });

        QSignalSpy caughtUp(model, &logs::LogModel::caughtUp);
        clock.restart();
        lastTick = tickClock.elapsed();
        ticker.start();
        panel.showSource(&source, u"w1"_s);
        QVERIFY(QTest::qWaitFor([&] { return model->rowCount() > 0 && model->data(model->index(0), logs::LogModel::LoadedRole).toBool(); }, 10000));
        const qint64 firstRowsMs = clock.elapsed();
        QVERIFY(caughtUp.wait(600000));
        const qint64 indexMs = clock.elapsed();
        ticker.stop();
        const qint64 stallDuringIndex = worstGap;
        QCOMPARE(qint64(model->rowCount()), lines);

        // Jumps to random lines: until the line's text is there.
        QRandomGenerator rng(7);
        QList<double> jumps;
        for (int i = 0; i < 200; ++i) {
            const int row = int(rng.bounded(qint64(lines)));
            QElapsedTimer t;
            t.start();
            panel.view()->scrollTo(model->index(row), QAbstractItemView::PositionAtTop);
            panel.view()->viewport()->repaint();
            QVERIFY(QTest::qWaitFor([&] { return model->data(model->index(row), logs::LogModel::LoadedRole).toBool(); }, 5000));
            panel.view()->viewport()->repaint();
            jumps.append(double(t.nsecsElapsed()) / 1e6);
        }

        // Paging down from the middle: each page painted with its text.
        QScrollBar *bar = panel.view()->verticalScrollBar();
        bar->setValue(bar->maximum() / 2);
        QList<double> pages;
        for (int i = 0; i < 300; ++i) {
            QElapsedTimer t;
            t.start();
            bar->setValue(bar->value() + bar->pageStep());
            panel.view()->viewport()->repaint();
            const QModelIndex bottom = panel.view()->indexAt(QPoint(2, panel.view()->viewport()->height() - 2));
            QVERIFY(QTest::qWaitFor([&] { return !bottom.isValid() || model->data(bottom, logs::LogModel::LoadedRole).toBool(); }, 5000));
            panel.view()->viewport()->repaint();
            pages.append(double(t.nsecsElapsed()) / 1e6);
        }

        // A search from the top for a needle in the last 3%.
        QSignalSpy found(model, &logs::LogModel::found);
        clock.restart();
        model->findText(u"needle"_s, -1, true);
        QVERIFY(found.wait(600000));
        const qint64 searchMs = clock.elapsed();

        const qint64 rssAfter = rssKiB();
        qInfo("%s", qPrintable(u"RESULT size_mb=%1 lines=%2 first_rows_ms=%3 index_ms=%4 index_mb_s=%5 wc_l_ms=%6 "
                               "worst_gui_stall_ms=%7 jump_median_ms=%8 jump_max_ms=%9 page_median_ms=%10 page_p99_ms=%11 "
                               "search_end_ms=%12 rss_growth_mb=%13"_s
                                   .arg(size / (1024 * 1024))
                                   .arg(lines)
                                   .arg(firstRowsMs)
                                   .arg(indexMs)
                                   .arg(double(size) / 1048576.0 / (double(indexMs) / 1000.0), 0, 'f', 0)
                                   .arg(wcMs)
                                   .arg(stallDuringIndex)
                                   .arg(percentile(jumps, 0.5), 0, 'f', 2)
                                   .arg(percentile(jumps, 1.0), 0, 'f', 2)
                                   .arg(percentile(pages, 0.5), 0, 'f', 2)
                                   .arg(percentile(pages, 0.99), 0, 'f', 2)
                                   .arg(searchMs)
                                   .arg(double(rssAfter - rssBefore) / 1024.0, 0, 'f', 1)));
        // The goals: lines at once, a GUI that never freezes, paging that keeps up.
        QVERIFY2(firstRowsMs < 1000, "the first lines took a second or more");
        QVERIFY2(stallDuringIndex < 250, "the GUI thread was held 250 ms or more while indexing");
        QVERIFY2(percentile(pages, 0.99) < 100, "paging took 100 ms or more at the 99th percentile");
    }
};

QTEST_MAIN(BenchLogOpen)
#include "bench_logopen.moc"
