// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Readiness without polling: the lines of an engine's log that say a worker joined or left (recorded on a
// real Spark 4.0.1 and Dask 2022.12), put together from the chunks a followed file gains, and LocalHost's
// following of a folder's files as they are written.
#include "core/runtime/engine/localhost.h"
#include "core/runtime/engine/lognews.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cdeck::engine;
using namespace Qt::StringLiterals;

namespace {

QByteArray data(const char *name)
{
    QFile f(QStringLiteral(TEST_DATA_DIR "/") + QLatin1StringView(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", name);
    return f.readAll();
}

bool append(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::Append))
        return false;
    const bool ok = f.write(bytes) == bytes.size();
    f.close();
    return ok;
}

} // namespace

class TestLogNews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linesAcrossChunks()
    {
        LineAssembler a;
        QCOMPARE(a.feed("first li"), QList<QByteArray>{});
        QCOMPARE(a.feed("ne\r\nsecond\nthi"), (QList<QByteArray>{"first line", "second"}));
        QCOMPARE(a.feed("rd\n"), QList<QByteArray>{"third"});
        QCOMPARE(a.feed("\n"), QList<QByteArray>{""});
    }

    void overlongLineIsDroppedNotKept()
    {
        LineAssembler a;
        const QByteArray huge(LineAssembler::kMaxLine + 10, 'x');
        QCOMPARE(a.feed(huge.first(100)), QList<QByteArray>{});
        QCOMPARE(a.feed(huge.sliced(100)), QList<QByteArray>{});
        // The rest of that line is dropped too; the next line comes through whole.
        QCOMPARE(a.feed("tail of it\nnext\n"), QList<QByteArray>{"next"});
    }

    void sparkMasterLog()
    {
        QList<LogNews> news;
        LineAssembler a;
        for (const QByteArray &line : a.feed(data("spark-master.log")))
            if (const LogNews n = sparkLogNews(line); n != LogNews::None)
                news.append(n);
        // Its two ports, then two Workers registering; applications coming and going are not membership.
        QCOMPARE(news,
                 (QList<LogNews>{LogNews::HeadListening, LogNews::HeadListening, LogNews::WorkerJoined,
                                 LogNews::WorkerJoined}));
        QCOMPARE(sparkLogNews("26/12/07 16:10:01 INFO Master: Removing worker worker-20261207160820-127.0.0.1-45625 "
                              "on 127.0.0.1:45625"),
                 LogNews::WorkerLeft);
    }

    void sparkWorkerLog()
    {
        QList<LogNews> news;
        LineAssembler a;
        for (const QByteArray &line : a.feed(data("spark-worker.log")))
            if (const LogNews n = sparkLogNews(line); n != LogNews::None)
                news.append(n);
        QCOMPARE(news, (QList<LogNews>{LogNews::WorkerListening, LogNews::WorkerJoined}));
    }

    void daskSchedulerLog()
    {
        QCOMPARE(daskLogNews("2026-12-07 22:40:01,123 - distributed.scheduler - INFO -   Scheduler at: "
                             "tcp://127.0.0.1:40123"),
                 LogNews::HeadListening);
        QCOMPARE(daskLogNews("2026-12-07 22:40:02,001 - distributed.scheduler - INFO - Register worker "
                             "<WorkerState 'tcp://127.0.0.1:37711', name: w1, status: init, memory: 0, processing: 0>"),
                 LogNews::WorkerJoined);
        QCOMPARE(
            daskLogNews("2026-12-07 22:41:00,500 - distributed.scheduler - INFO - Remove worker "
                        "<WorkerState 'tcp://127.0.0.1:37711', name: w1, status: closing, memory: 0, processing: 0>"),
            LogNews::WorkerLeft);
        // A job printing the same words is not the scheduler speaking.
        QCOMPARE(daskLogNews("Register worker w1 please"), LogNews::None);
        QCOMPARE(daskLogNews("2026-12-07 22:40:02,001 - distributed.core - INFO - Starting established connection"),
                 LogNews::None);
    }

    void readerKeepsEachFilesPartialLine()
    {
        LogNewsReader reader(sparkLogNews);
        const QByteArray line = "26/12/07 16:08:21 INFO Master: Registering worker 127.0.0.1:41203 with 1 cores\n";
        QVERIFY(!reader.hasNews(u"/m.log"_s, line.first(30)));
        QVERIFY(!reader.hasNews(u"/other.log"_s, line.sliced(30))); // another file's bytes do not complete it
        QVERIFY(reader.hasNews(u"/m.log"_s, line.sliced(30)));
        QVERIFY(!reader.hasNews(u"/m.log"_s, "26/12/07 16:08:27 INFO Master: Registering app x\n"));
    }

    void localHostFollowsWrites()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString before = dir.filePath(u"before.log"_s);
        QVERIFY(append(before, "old line\n"));
        LocalHost host({});
        QObject context;
        QList<std::pair<QString, QByteArray>> seen;
        QVERIFY(host.followFiles({dir.path()}, &context, [&](const QString &path, const QByteArray &bytes) {
            seen.append({path, bytes});
        }));
        // A file there before is followed from its end; a new one from its start.
        QVERIFY(append(before, "new line\n"));
        QTRY_COMPARE(seen.size(), 1);
        QCOMPARE(seen.at(0), std::make_pair(before, QByteArray("new line\n")));
        const QString later = dir.filePath(u"later.log"_s);
        QVERIFY(append(later, "first\n"));
        QTRY_VERIFY(!seen.isEmpty() && seen.last().first == later);
        QByteArray got;
        for (const auto &[path, bytes] : seen)
            if (path == later)
                got += bytes;
        QCOMPARE(got, QByteArray("first\n"));
        // A file cut short starts over.
        {
            QFile f(later);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("x\n");
        }
        QTRY_VERIFY(seen.last() == std::make_pair(later, QByteArray("x\n")));
        // Once the context is gone nothing more is reported.
        const qsizetype count = seen.size();
        {
            QObject shortLived;
            QVERIFY(host.followFiles({dir.path()}, &shortLived, [&](const QString &, const QByteArray &) {
                seen.append({QString(), QByteArray()});
            }));
        }
        QVERIFY(append(before, "after\n"));
        QTRY_COMPARE(seen.size(), count + 1); // the first follow only
        QCOMPARE(seen.last().second, QByteArray("after\n"));
    }

    void localHostSaysWhenItCannotFollow()
    {
        LocalHost host({});
        QObject context;
        QVERIFY(!host.followFiles({u"/nonexistent/clusterdeck-follow"_s}, &context,
                                  [](const QString &, const QByteArray &) {}));
    }
};

QTEST_GUILESS_MAIN(TestLogNews)
#include "tst_lognews.moc"
