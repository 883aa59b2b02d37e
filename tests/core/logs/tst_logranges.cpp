// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Byte ranges from the network, the sparse line index, and reading a line's level and time.
#include "core/logs/byterange.h"
#include "core/logs/lineindex.h"
#include "core/logs/logline.h"

#include <QDateTime>
#include <QTest>

using namespace cdeck::logs;
using Problem = RangeAnswer::Problem;

class TestLogRanges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ranges_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<int>("problem");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("length");
        QTest::addColumn<bool>("partial");
        const qint64 cap = 1000;
        QTest::newRow("no header, small log") << QByteArray() << qint64(500) << int(Problem::None) << qint64(0) << qint64(500) << false;
        QTest::newRow("no header, log over the cap") << QByteArray() << qint64(5000) << int(Problem::None) << qint64(0) << cap << true;
        QTest::newRow("no header, empty log") << QByteArray() << qint64(0) << int(Problem::None) << qint64(0) << qint64(0) << false;
        QTest::newRow("first-last") << QByteArray("bytes=10-19") << qint64(500) << int(Problem::None) << qint64(10) << qint64(10) << true;
        QTest::newRow("last past the end is clipped") << QByteArray("bytes=490-9999") << qint64(500) << int(Problem::None) << qint64(490) << qint64(10) << true;
        QTest::newRow("open end, capped") << QByteArray("bytes=100-") << qint64(5000) << int(Problem::None) << qint64(100) << cap << true;
        QTest::newRow("suffix") << QByteArray("bytes=-50") << qint64(500) << int(Problem::None) << qint64(450) << qint64(50) << true;
        QTest::newRow("suffix longer than the log") << QByteArray("bytes=-900") << qint64(500) << int(Problem::None) << qint64(0) << qint64(500) << true;
        QTest::newRow("suffix over the cap keeps its start") << QByteArray("bytes=-3000") << qint64(5000) << int(Problem::None) << qint64(2000) << cap << true;
        QTest::newRow("spaces around") << QByteArray(" bytes=0-0 ") << qint64(5) << int(Problem::None) << qint64(0) << qint64(1) << true;
        QTest::newRow("start at the end") << QByteArray("bytes=500-") << qint64(500) << int(Problem::Unsatisfiable) << qint64(0) << qint64(0) << false;
        QTest::newRow("start past the end") << QByteArray("bytes=9999-10000") << qint64(500) << int(Problem::Unsatisfiable) << qint64(0) << qint64(0) << false;
        QTest::newRow("any range of an empty log") << QByteArray("bytes=0-") << qint64(0) << int(Problem::Unsatisfiable) << qint64(0) << qint64(0) << false;
        QTest::newRow("zero suffix") << QByteArray("bytes=-0") << qint64(500) << int(Problem::Unsatisfiable) << qint64(0) << qint64(0) << false;
        QTest::newRow("last before first") << QByteArray("bytes=20-10") << qint64(500) << int(Problem::Malformed) << qint64(0) << qint64(0) << false;
        QTest::newRow("negative") << QByteArray("bytes=-5-10") << qint64(500) << int(Problem::Malformed) << qint64(0) << qint64(0) << false;
        QTest::newRow("two ranges") << QByteArray("bytes=0-1,5-6") << qint64(500) << int(Problem::Malformed) << qint64(0) << qint64(0) << false;
        QTest::newRow("other unit") << QByteArray("lines=0-10") << qint64(500) << int(Problem::Malformed) << qint64(0) << qint64(0) << false;
        QTest::newRow("no dash") << QByteArray("bytes=10") << qint64(500) << int(Problem::Malformed) << qint64(0) << qint64(0) << false;
        QTest::newRow("overflowing number") << QByteArray("bytes=99999999999999999999-") << qint64(500) << int(Problem::Malformed) << qint64(0) << qint64(0) << false;
        QTest::newRow("sign") << QByteArray("bytes=+5-10") << qint64(500) << int(Problem::Malformed) << qint64(0) << qint64(0) << false;
        QTest::newRow("hex") << QByteArray("bytes=0x10-") << qint64(500) << int(Problem::Malformed) << qint64(0) << qint64(0) << false;
        QTest::newRow("empty spec") << QByteArray("bytes=") << qint64(500) << int(Problem::Malformed) << qint64(0) << qint64(0) << false;
        QTest::newRow("huge header") << QByteArray("bytes=" + QByteArray(100, '1') + "-") << qint64(500) << int(Problem::Malformed) << qint64(0) << qint64(0) << false;
    }
    void ranges()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, size);
        QFETCH(int, problem);
        QFETCH(qint64, first);
        QFETCH(qint64, length);
        QFETCH(bool, partial);
        const RangeAnswer a = resolveRange(header, size, 1000);
        QCOMPARE(int(a.problem), problem);
        if (problem != int(Problem::None)) {
            QVERIFY2(a.detail.startsWith(QLatin1String("Range:")), qPrintable(a.detail));
            return;
        }
        QCOMPARE(a.first, first);
        QCOMPARE(a.length, length);
        QCOMPARE(a.partial, partial);
        QVERIFY(a.first + a.length <= size);
    }

    void lineIndexMatchesSplitting()
    {
        // Lines of varied length, cut into chunks at awkward places, with a last line still open.
        QByteArray log;
        QList<qint64> starts;
        for (int i = 0; i < 1000; ++i) {
            starts.append(log.size());
            log += "line " + QByteArray::number(i) + QByteArray(i % 37, 'x') + '\n';
        }
        starts.append(log.size());
        log += "open last line";
        for (const int chunk : {1, 7, 100, 4096, int(log.size())}) {
            LineIndex index(16);
            for (qsizetype at = 0; at < log.size(); at += chunk)
                QVERIFY(index.merge(index.scan(QByteArrayView(log).sliced(at, std::min<qsizetype>(chunk, log.size() - at)))));
            QCOMPARE(index.indexedBytes(), log.size());
            QCOMPARE(index.completeLines(), 1000);
            QCOMPARE(index.lineCount(), 1001);
            for (const qint64 row : {0, 1, 15, 16, 17, 500, 999, 1000}) {
                const LineIndex::Anchor a = index.anchorFor(row);
                QVERIFY(a.line <= row && row - a.line < 16);
                QCOMPARE(a.offset, starts[a.line]);
            }
            QCOMPARE(index.blockOfOffset(starts[640] + 3), 40);
            QCOMPARE(index.blockEnd(index.blockCount() - 1), log.size());
        }
        LineIndex index(16);
        QVERIFY(!index.merge(LineIndex::scan("abc\n", 10, 0, 16))); // not the next chunk
        QCOMPARE(index.indexedBytes(), 0);
        index.append("done\n");
        QCOMPARE(index.lineCount(), 1); // a log ending in a newline has no open line
    }

    void levels_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("level");
        QTest::newRow("dask info") << QByteArray("2026-12-07 16:03:54,123 - distributed.scheduler - INFO - Receive client") << int(LogLevel::Info);
        QTest::newRow("dask warning quoting ERROR later") << QByteArray("2026-12-07 16:03:54,123 - distributed.worker - WARNING - task ERROR seen") << int(LogLevel::Warning);
        QTest::newRow("dask error") << QByteArray("2026-12-07 16:03:54,123 - distributed.nanny - ERROR - Worker process died") << int(LogLevel::Error);
        QTest::newRow("spark warn") << QByteArray("26/12/07 16:03:54 WARN Utils: Your hostname resolves to a loopback") << int(LogLevel::Warning);
        QTest::newRow("spdlog") << QByteArray("2026-12-07T16:03:54.123 info [runtime] listening") << int(LogLevel::None);
        QTest::newRow("traceback") << QByteArray("Traceback (most recent call last):") << int(LogLevel::Error);
        QTest::newRow("exception") << QByteArray("MemoryError: Unable to allocate 2.00 GiB") << int(LogLevel::Error);
        QTest::newRow("dotted exception") << QByteArray("distributed.comm.core.CommClosedError: in <TCP (closed)>") << int(LogLevel::Error);
        QTest::newRow("print") << QByteArray("rows: 1000, information follows") << int(LogLevel::None);
        QTest::newRow("word inside a word") << QByteArray("INFORMATION and WARNINGS") << int(LogLevel::None);
    }
    void levels()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, level);
        QCOMPARE(int(levelOf(line)), level);
    }

    void timestamps()
    {
        const qint64 expected = QDateTime(QDate(2026, 12, 7), QTime(16, 3, 54, 123), Qt::LocalTime).toMSecsSinceEpoch();
        QCOMPARE(timestampOf("2026-12-07 16:03:54,123 - distributed.scheduler - INFO - x"), expected);
        QCOMPARE(timestampOf("2026-12-07T16:03:54.123 info [runtime] x"), expected);
        QCOMPARE(timestampOf("26/12/07 16:03:54 INFO Master: x"), expected - 123);
        QVERIFY(!timestampOf("  File \"job.py\", line 3"));
        QVERIFY(!timestampOf("2026-13-07 16:03:54 bad month"));
        QVERIFY(!timestampOf("2026-12-07 16:03"));
        QVERIFY(!timestampOf(""));
    }
};

QTEST_GUILESS_MAIN(TestLogRanges)
#include "tst_logranges.moc"
