// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The event-log reader on the layouts and damage users meet: zstd, rolling directories, unfinished and cut-off
// logs, garbage, symlinks; and the fast task path against the general JSON path on the same events.
#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/sparklogcommand.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <zstd.h>

using namespace Qt::StringLiterals;
using namespace cdeck::spark;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray zstdCompress(const QByteArray &data)
{
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(data.size()))), Qt::Uninitialized);
    const size_t n = ZSTD_compress(out.data(), size_t(out.size()), data.constData(), size_t(data.size()), 3);
    out.resize(qsizetype(n));
    return out;
}

// A fingerprint of what the console shows: per stage and executor, the numbers the History Server shows.
QString fingerprint(const SparkApplication &app)
{
    QStringList parts;
    for (const SparkStage &s : app.stages)
        parts.append(u"stage %1.%2 %3 tasks=%4/%5/%6 run=%7 in=%8 srd=%9 swr=%10"_s.arg(s.stageId)
                         .arg(s.attemptId)
                         .arg(toString(s.status))
                         .arg(s.numCompleteTasks)
                         .arg(s.numFailedTasks)
                         .arg(s.numKilledTasks)
                         .arg(s.metrics.executorRunTime)
                         .arg(s.metrics.inputBytes)
                         .arg(s.metrics.shuffleReadBytes())
                         .arg(s.metrics.shuffleWriteBytes)
                     + u" heap=%1 cpu=%2"_s.arg(s.peak.jvmHeap()).arg(s.metrics.executorCpuTime));
    for (const SparkExecutor &e : app.executors)
        parts.append(u"exec %1 done=%2 failed=%3 dur=%4 gc=%5 in=%6 srd=%7 swr=%8 heap=%9"_s.arg(e.id)
                         .arg(e.completedTasks)
                         .arg(e.failedTasks)
                         .arg(e.totalDuration)
                         .arg(e.totalGcTime)
                         .arg(e.totalInputBytes)
                         .arg(e.totalShuffleRead)
                         .arg(e.totalShuffleWrite)
                         .arg(e.peak.jvmHeap()));
    for (const SparkJob &j : app.jobs)
        parts.append(u"job %1 %2 tasks=%3 done=%4 skipped=%5"_s.arg(j.jobId)
                         .arg(toString(j.status))
                         .arg(j.numTasks)
                         .arg(j.numCompletedTasks)
                         .arg(j.numSkippedTasks));
    return parts.join(u'\n');
}

// As a running application writes it: one frame, flushed every few events, so a cut-off copy still holds
// complete blocks up to the cut.
QByteArray zstdCompressFlushed(const QByteArray &data, qsizetype flushEvery)
{
    ZSTD_CCtx *ctx = ZSTD_createCCtx();
    QByteArray out;
    QByteArray block(qsizetype(ZSTD_CStreamOutSize()), Qt::Uninitialized);
    for (qsizetype pos = 0; pos < data.size(); pos += flushEvery) {
        const qsizetype n = std::min(flushEvery, data.size() - pos);
        ZSTD_inBuffer in{data.constData() + pos, size_t(n), 0};
        const ZSTD_EndDirective mode = pos + n >= data.size() ? ZSTD_e_end : ZSTD_e_flush;
        size_t left = 0;
        do {
            ZSTD_outBuffer o{block.data(), size_t(block.size()), 0};
            left = ZSTD_compressStream2(ctx, &o, &in, mode);
            out.append(block.constData(), qsizetype(o.pos));
        } while (left != 0 && !ZSTD_isError(left));
    }
    ZSTD_freeCCtx(ctx);
    return out;
}

} // namespace

class TstEventLogReader : public QObject
{
    Q_OBJECT
private:
    QString m_logs;
    QTemporaryDir m_tmp;

    SparkApplication mustRead(const QString &path)
    {
        QString error;
        auto app = EventLogReader::read(path, &error);
        if (!app)
            qWarning("%s", qPrintable(error));
        return app.value_or(SparkApplication{});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_logs = cdeck::test::fixturesDir() + u"/spark/event-logs"_s;
        QVERIFY(QFileInfo(m_logs).isDir());
        QVERIFY(m_tmp.isValid());
    }

    // The simdjson fast path and the QJsonDocument path must agree event for event: a space after "{" sends
    // every task line down the general path.
    void fastPathMatchesGeneralPath_data()
    {
        QTest::addColumn<QString>("log");
        for (const char *name : {"local-1642039451826", "local-1422981780767", "app-20200706201101-0003",
                                 "app-20161116163331-0000", "local-1430917381534", "application_1553914137147_0018"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void fastPathMatchesGeneralPath()
    {
        QFETCH(QString, log);
        const QByteArray plain = readAll(m_logs + u'/' + log);
        QByteArray slow = plain;
        slow.replace("{\"Event\":\"SparkListenerTask", "{ \"Event\":\"SparkListenerTask");
        QVERIFY(slow != plain);
        const QString slowPath = m_tmp.filePath(log + u"-slow"_s);
        QVERIFY(writeAll(slowPath, slow));
        const SparkApplication fast = mustRead(m_logs + u'/' + log);
        const SparkApplication general = mustRead(slowPath);
        QVERIFY(!fast.stages.isEmpty());
        QCOMPARE(fingerprint(fast), fingerprint(general));
        QCOMPARE(fast.malformedLines, 0);
        QVERIFY(!fast.inProgress);
        QVERIFY(!fast.truncated);
    }

    // Two decoding threads (chunks decoded in parallel, applied in order) must give the model one thread gives,
    // over several 8 MiB chunks: the fixture log repeated past 20 MB, lines split anywhere by the reads.
    void twoDecodingThreadsMatchOne()
    {
        const QByteArray one = readAll(m_logs + u"/local-1642039451826"_s);
        QVERIFY(!one.isEmpty());
        QByteArray big;
        while (big.size() < 20 * 1024 * 1024)
            big += one;
        const QString path = m_tmp.filePath(u"repeated-log"_s);
        QVERIFY(writeAll(path, big));
        QString error;
        EventLogReader::Options sequential;
        sequential.decodeThreads = 1;
        EventLogReader::Options parallel;
        parallel.decodeThreads = 2;
        const auto a = EventLogReader::read(path, &error, sequential);
        QVERIFY2(a, qPrintable(error));
        const auto b = EventLogReader::read(path, &error, parallel);
        QVERIFY2(b, qPrintable(error));
        QVERIFY(a->events > 1000);
        QCOMPARE(b->events, a->events);
        QCOMPARE(b->bytesRead, qint64(big.size()));
        QCOMPARE(fingerprint(*b), fingerprint(*a));
        QCOMPARE(b->warnings, a->warnings);
    }

    void zstdLogReadsLikePlain()
    {
        const QString name = u"local-1642039451826"_s;
        const QByteArray plain = readAll(m_logs + u'/' + name);
        const QString zpath = m_tmp.filePath(name + u".zstd"_s);
        QVERIFY(writeAll(zpath, zstdCompress(plain)));
        const SparkApplication a = mustRead(zpath);
        QCOMPARE(a.id, name);
        QCOMPARE(fingerprint(a), fingerprint(mustRead(m_logs + u'/' + name)));
        QVERIFY(!a.truncated);
        QCOMPARE(a.bytesRead, plain.size());
    }

    void cutZstdOpensWithWhatItHas()
    {
        const QString name = u"local-1642039451826"_s;
        const QByteArray z = zstdCompressFlushed(readAll(m_logs + u'/' + name), 8192);
        const QString path = m_tmp.filePath(u"cut.zstd.inprogress"_s);
        QVERIFY(writeAll(path, z.left(z.size() * 2 / 3)));
        QString error;
        const auto a = EventLogReader::read(path, &error);
        QVERIFY2(a, qPrintable(error));
        QVERIFY(a->truncated);
        QVERIFY(a->inProgress);
        QVERIFY(!a->warnings.isEmpty());
        QVERIFY(!a->jobs.isEmpty());
    }

    void rollingDirectoryIsOneStream()
    {
        const QString name = u"local-1642039451826"_s;
        const QList<QByteArray> lines = readAll(m_logs + u'/' + name).split('\n');
        QDir dir(m_tmp.path());
        const QString rolling = u"eventlog_v2_"_s + name;
        QVERIFY(dir.mkpath(rolling));
        const qsizetype third = lines.size() / 3;
        QVERIFY(writeAll(dir.filePath(rolling + u"/events_1_"_s + name), lines.mid(0, third).join('\n') + '\n'));
        // parts may be compressed one by one
        QVERIFY(writeAll(dir.filePath(rolling + u"/events_2_"_s + name + u".zstd"_s),
                         zstdCompress(lines.mid(third, third).join('\n') + '\n')));
        QVERIFY(writeAll(dir.filePath(rolling + u"/events_10_"_s + name), lines.mid(2 * third).join('\n')));
        QVERIFY(writeAll(dir.filePath(rolling + u"/appstatus_"_s + name), {}));
        const SparkApplication a = mustRead(dir.filePath(rolling));
        QCOMPARE(fingerprint(a), fingerprint(mustRead(m_logs + u'/' + name)));
        QVERIFY(!a.inProgress);
        // a gap (3..9 missing) is said, not hidden
        QVERIFY(a.warnings.join(u' ').contains(u"missing"_s));
    }

    void unfinishedLogShowsRunningWork()
    {
        // Cut local-1422981780767 in the middle of a task line, with no ApplicationEnd, as a live app's log.
        const QByteArray plain = readAll(m_logs + u"/local-1422981780767"_s);
        const qsizetype cut = plain.indexOf("\"Event\":\"SparkListenerTaskEnd\"", plain.size() / 2) + 40;
        const QString path = m_tmp.filePath(u"local-1422981780767.inprogress"_s);
        QVERIFY(writeAll(path, plain.left(cut)));
        QString error;
        const auto a = EventLogReader::read(path, &error);
        QVERIFY2(a, qPrintable(error));
        QVERIFY(a->inProgress);
        QVERIFY(a->truncated);
        QVERIFY(!a->attempt.completed);
        bool running = false;
        for (const SparkJob &j : a->jobs)
            running |= j.status == JobStatus::Running;
        QVERIFY(running);
        // spark-log shows it as running, with Spark's end time of -1
        const HistoryAnswer list = answerHistoryRequest(path, u"applications?status=running"_s);
        QCOMPARE(list.status, 200);
        const QJsonArray apps = QJsonDocument::fromJson(list.json).array();
        QCOMPARE(apps.size(), 1);
        const QJsonObject attempt = apps.at(0).toObject().value("attempts"_L1).toArray().at(0).toObject();
        QCOMPARE(attempt.value("completed"_L1).toBool(), false);
        QCOMPARE(attempt.value("endTimeEpoch"_L1).toInteger(), -1);
    }

    void damagedLinesAreSkippedAndCounted()
    {
        QByteArray log = readAll(m_logs + u"/local-1422981780767"_s);
        const qsizetype mid = log.indexOf('\n', log.size() / 2) + 1;
        log.insert(mid, "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":[[[[\nnot json at all\n\xff\xfe\x00garbage\n");
        const QString path = m_tmp.filePath(u"damaged"_s);
        QVERIFY(writeAll(path, log));
        const SparkApplication a = mustRead(path);
        QCOMPARE(a.malformedLines, 3);
        QVERIFY(!a.warnings.isEmpty());
        QCOMPARE(a.jobs.size(), 3); // everything around the damage is still there
        QVERIFY(a.attempt.completed);
    }

    void hostileInputGivesAClearError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("empty") << QByteArray() << u"empty"_s << u"no SparkListenerApplicationStart"_s;
        QTest::newRow("binary") << QByteArray(4096, '\x9c') << u"binary"_s << u"no SparkListenerApplicationStart"_s;
        QTest::newRow("one huge line") << QByteArray(20 << 20, '[') << u"huge"_s
                                       << u"no SparkListenerApplicationStart"_s;
        QTest::newRow("deep nesting") << QByteArray(100000, '{') + '\n' << u"deep"_s
                                      << u"no SparkListenerApplicationStart"_s;
        QTest::newRow("fake zstd") << QByteArray("\x28\xb5\x2f\xfd garbage garbage", 20) << u"fake.zstd"_s
                                   << u"no SparkListenerApplicationStart"_s;
        QTest::newRow("lz4 cut in its first header") << QByteArray("LZ4Block") << u"app-1.lz4"_s << u"cut off"_s;
        QTest::newRow("lz4 named, not lz4") << QByteArray(64, 'x') << u"app-2.lz4"_s << u"damaged lz4 data"_s;
        QTest::newRow("snappy named, not snappy") << QByteArray("x") << u"app-1.snappy.inprogress"_s
                                                  << u"damaged snappy data"_s;
        QTest::newRow("lzf") << QByteArray("ZV") << u"app-1.lzf"_s << u"cannot read"_s;
    }
    void hostileInputGivesAClearError()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, fileName);
        QFETCH(QString, errorPart);
        const QString path = m_tmp.filePath(fileName);
        QVERIFY(writeAll(path, content));
        QString error;
        QVERIFY(!EventLogReader::read(path, &error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        // and through spark-log: non-zero, a message, no crash
        QString out, err;
        QTextStream o(&out), e(&err);
        QCOMPARE(runSparkLogCommand({path, u"--api"_s, u"applications"_s}, o, e), 0); // an empty list, as Spark
        QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).array().size(), 0);
        QVERIFY(err.contains(errorPart));
    }

    void symlinkedLogDirectory()
    {
        QDir dir(m_tmp.path());
        QVERIFY(dir.mkpath(u"links/inner"_s));
        for (const char *name : {"local-1426533911241", "local-1426633911242", "local-1422981780767"})
            QVERIFY(QFile::link(m_logs + u'/' + QLatin1StringView(name),
                                dir.filePath(u"links/"_s + QLatin1StringView(name))));
        QVERIFY(QFile::link(dir.filePath(u"links"_s), dir.filePath(u"linked-dir"_s)));
        const HistoryAnswer a = answerHistoryRequest(dir.filePath(u"linked-dir"_s), u"applications/"_s);
        QCOMPARE(a.status, 200);
        const QJsonArray apps = QJsonDocument::fromJson(a.json).array();
        QCOMPARE(apps.size(), 2);
        const HistoryAnswer jobs =
            answerHistoryRequest(dir.filePath(u"linked-dir"_s), u"applications/local-1426533911241/2/jobs"_s);
        QCOMPARE(jobs.status, 200);
        QCOMPARE(QJsonDocument::fromJson(jobs.json).array().size(), 1);
    }

    void commandErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("stderrPart");
        const QString log = cdeck::test::fixturesDir() + u"/spark/event-logs/local-1422981780767"_s;
        QTest::newRow("no args") << QStringList{} << 2 << u"usage"_s;
        QTest::newRow("no endpoint") << QStringList{log} << 2 << u"usage"_s;
        QTest::newRow("missing path") << QStringList{u"/nonexistent/x"_s, u"--api"_s, u"applications"_s} << 1
                                      << u"no such file"_s;
        QTest::newRow("unknown app") << QStringList{log, u"--api"_s, u"applications/nope/jobs"_s} << 1
                                     << u"unknown app: nope"_s;
        QTest::newRow("unknown job") << QStringList{log, u"--api"_s, u"applications/local-1422981780767/jobs/99"_s}
                                     << 1 << u"unknown job: 99"_s;
        QTest::newRow("unknown stage") << QStringList{log, u"--api=applications/local-1422981780767/stages/77"_s}
                                       << 1 << u"unknown stage: 77"_s;
        QTest::newRow("unknown attempt")
            << QStringList{log, u"--api"_s, u"applications/local-1422981780767/stages/1/5"_s} << 1
            << u"Found attempts: [0]"_s;
        QTest::newRow("bad status") << QStringList{log, u"--api"_s, u"applications/local-1422981780767/jobs?status=nah"_s}
                                    << 1 << u"status"_s;
        QTest::newRow("bad date") << QStringList{log, u"--api"_s, u"applications?minDate=yesterday"_s} << 1
                                  << u"couldn't parse date"_s;
        QTest::newRow("other endpoint") << QStringList{log, u"--api"_s, u"version"_s} << 1 << u"unknown endpoint"_s;
    }
    void commandErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, stderrPart);
        QString out, err;
        QTextStream o(&out), e(&err);
        QCOMPARE(runSparkLogCommand(args, o, e), code);
        QVERIFY2(err.contains(stderrPart), qPrintable(err));
    }

    void acceptsWhatSparkAccepts()
    {
        const QString log = cdeck::test::fixturesDir() + u"/spark/event-logs/local-1422981780767"_s;
        // trailing slash, parameters spark-log ignores, repeated status meaning any of them
        const HistoryAnswer a = answerHistoryRequest(
            log, u"/api/v1/applications/local-1422981780767/jobs/?status=succeeded&status=FAILED&details=true"_s);
        QCOMPARE(a.status, 200);
        QCOMPARE(QJsonDocument::fromJson(a.json).array().size(), 3);
        const HistoryAnswer s = answerHistoryRequest(
            log, u"applications/local-1422981780767/stages?status=failed&withSummaries=true&quantiles=0.5"_s);
        QCOMPARE(s.status, 200);
        const QJsonArray failed = QJsonDocument::fromJson(s.json).array();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).toObject().value("status"_L1).toString(), u"FAILED"_s);
        // the time-zone form of the date parameters
        const HistoryAnswer d = answerHistoryRequest(log, u"applications?minEndDate=2015-02-03T16:43:08.000CST"_s);
        QCOMPARE(d.status, 200);
        QCOMPARE(QJsonDocument::fromJson(d.json).array().size(), 0); // 16:43 CST is 22:43 GMT, after the end
        const HistoryAnswer g = answerHistoryRequest(log, u"applications?maxEndDate=2015-02-03T16:43:09.000GMT"_s);
        QCOMPARE(QJsonDocument::fromJson(g.json).array().size(), 1);
    }

    void stageDagComesFromTheLog()
    {
        const SparkApplication a = mustRead(m_logs + u"/local-1642039451826"_s);
        // job 5 ran stage 11 only; 9 and 10 were skipped; the edges are 9 -> 10 -> 11
        QCOMPARE(a.stages.value({11, 0}).parentIds, QList<int>{10});
        QCOMPARE(a.stages.value({10, 0}).parentIds, QList<int>{9});
        QCOMPARE(toString(a.stages.value({10, 0}).status), u"SKIPPED"_s);
        QCOMPARE(toString(a.stages.value({11, 0}).status), u"COMPLETE"_s);
        QCOMPARE(a.jobs.value(5).skippedStages.size(), 2);
        int skipped = 0;
        for (const SparkStage &s : a.stages)
            skipped += s.status == StageStatus::Skipped;
        QCOMPARE(skipped, 6);
        // per-executor task aggregation inside a stage
        const SparkStage &s0 = a.stages.value({0, 0});
        QCOMPARE(s0.executorSummary.value(u"driver"_s).succeededTasks, s0.numCompleteTasks);
        QVERIFY(s0.peak.jvmHeap() > 0);
        // executors over time
        QVERIFY(!a.executorTimeline.isEmpty());
        QCOMPARE(a.executorTimeline.first().executorId, u"driver"_s);
    }
};

QTEST_GUILESS_MAIN(TstEventLogReader)
#include "tst_eventlogreader.moc"
