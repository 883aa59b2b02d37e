// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The lz4-java and snappy-java framings Spark writes compressed event logs with. The streams here are built with
// liblz4 and libsnappy following the writers' documented layouts (lz4-java's LZ4BlockOutputStream, snappy-java's
// SnappyOutputStream and SnappyFramedOutputStream), from a real fixture log, and read back through the reader
// and spark-log: the answers must equal the plain log's.
#include "core/backend/spark/blockcodecs.h"
#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/sparklogcommand.h"
#include "testpaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <lz4.h>
#include <snappy-c.h>

using namespace Qt::StringLiterals;
using cdeck::spark::BlockFramingDecoder;

namespace {

void putLe32(QByteArray &out, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((v >> (8 * i)) & 0xff));
}

void putBe32(QByteArray &out, uint32_t v)
{
    for (int i = 3; i >= 0; --i)
        out.append(char((v >> (8 * i)) & 0xff));
}

// LZ4BlockOutputStream: per block "LZ4Block", token (method | level), compressed and original length, the low 28
// bits of XXH32 (seed 0x9747b28c) of the original bytes; a block that does not shrink is stored raw; an empty
// raw block closes the stream. Spark uses 32 KiB blocks (spark.io.compression.lz4.blockSize).
QByteArray lz4JavaStream(const QByteArray &data, int blockSize = 32 * 1024, bool close = true)
{
    int level = 0;
    while ((1 << (level + 10)) < blockSize)
        ++level;
    QByteArray out;
    for (qsizetype at = 0; at < data.size(); at += blockSize) {
        const QByteArray block = data.mid(at, blockSize);
        QByteArray packed(LZ4_compressBound(int(block.size())), '\0');
        const int n = LZ4_compress_default(block.constData(), packed.data(), int(block.size()), int(packed.size()));
        const bool raw = n <= 0 || n >= block.size();
        out.append("LZ4Block", 8);
        out.append(char((raw ? 0x10 : 0x20) | level));
        putLe32(out, uint32_t(raw ? block.size() : n));
        putLe32(out, uint32_t(block.size()));
        putLe32(out, BlockFramingDecoder::xxh32(block.constData(), size_t(block.size()), 0x9747b28c) & 0x0fffffff);
        out.append(raw ? block : packed.left(n));
    }
    if (close) {
        out.append("LZ4Block", 8);
        out.append(char(0x10 | level));
        putLe32(out, 0);
        putLe32(out, 0);
        putLe32(out, 0);
    }
    return out;
}

// SnappyOutputStream: 0x82 "SNAPPY" 0, version 1, compatible version 1 (big-endian), then each 32 KiB block as a
// big-endian length and its raw snappy bytes.
QByteArray snappyJavaStream(const QByteArray &data, int blockSize = 32 * 1024)
{
    QByteArray out("\x82SNAPPY\0", 8);
    putBe32(out, 1);
    putBe32(out, 1);
    for (qsizetype at = 0; at < data.size(); at += blockSize) {
        const QByteArray block = data.mid(at, blockSize);
        size_t n = snappy_max_compressed_length(size_t(block.size()));
        QByteArray packed(qsizetype(n), '\0');
        if (snappy_compress(block.constData(), size_t(block.size()), packed.data(), &n) != SNAPPY_OK)
            return {};
        putBe32(out, uint32_t(n));
        out.append(packed.left(qsizetype(n)));
    }
    return out;
}

// The snappy framing format: stream identifier, then compressed chunks (type 0) of at most 64 KiB with the
// masked CRC-32C of the original bytes.
QByteArray snappyFramedStream(const QByteArray &data)
{
    QByteArray out("\xff\x06\x00\x00sNaPpY", 10);
    for (qsizetype at = 0; at < data.size(); at += 65536) {
        const QByteArray block = data.mid(at, 65536);
        size_t n = snappy_max_compressed_length(size_t(block.size()));
        QByteArray packed(qsizetype(n), '\0');
        snappy_compress(block.constData(), size_t(block.size()), packed.data(), &n);
        const uint32_t crc = BlockFramingDecoder::crc32c(block.constData(), size_t(block.size()));
        const uint32_t len = uint32_t(n) + 4;
        out.append(char(0x00));
        out.append(char(len & 0xff));
        out.append(char((len >> 8) & 0xff));
        out.append(char((len >> 16) & 0xff));
        putLe32(out, ((crc >> 15) | (crc << 17)) + 0xa282ead8u);
        out.append(packed.left(qsizetype(n)));
    }
    return out;
}

QByteArray decodeAll(BlockFramingDecoder::Format format, const QByteArray &stream, size_t feedSize, QString *error,
                     bool *boundary)
{
    BlockFramingDecoder d(format);
    std::vector<char> out;
    for (qsizetype at = 0; at < stream.size(); at += qsizetype(feedSize)) {
        const QByteArray piece = stream.mid(at, qsizetype(feedSize));
        if (!d.feed(piece.constData(), size_t(piece.size()), out)) {
            *error = d.error();
            return {};
        }
    }
    *boundary = d.atBoundary();
    return QByteArray(out.data(), qsizetype(out.size()));
}

QString answer(const QString &path, const QString &endpoint, int *code)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    *code = cdeck::spark::runSparkLogCommand({path, u"--api"_s, endpoint}, o, e);
    return *code == 0 ? out : err;
}

} // namespace

class TstBlockCodecs : public QObject
{
    Q_OBJECT
private:
    QByteArray m_log; // a real Spark 3.3 log with SQL, skipped stages and accumulables
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(cdeck::test::fixturesDir() + u"/spark/event-logs/local-1642039451826"_s);
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_log = f.readAll();
        QVERIFY(m_log.size() > 400000);
        QVERIFY(m_tmp.isValid());
    }

    // Known XXH32 and CRC-32C values (xxHash's and RFC 3720's test vectors).
    void checksums()
    {
        QCOMPARE(BlockFramingDecoder::xxh32("", 0, 0), 0x02cc5d05u);
        QCOMPARE(BlockFramingDecoder::xxh32("a", 1, 0), 0x550d7456u);
        QCOMPARE(BlockFramingDecoder::xxh32("abc", 3, 0), 0x32d153ffu);
        const QByteArray text("Nobody inspects the spammish repetition");
        QCOMPARE(BlockFramingDecoder::xxh32(text.constData(), size_t(text.size()), 0), 0xe2293b2fu);
        QCOMPARE(BlockFramingDecoder::crc32c("123456789", 9), 0xe3069283u);
        const QByteArray zeros(32, '\0');
        QCOMPARE(BlockFramingDecoder::crc32c(zeros.constData(), 32), 0x8a9136aau);
    }

    // Every framing decodes to the original bytes whatever the read sizes, including reads that split headers.
    void roundTrip_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("feed");
        for (int feed : {1 << 20, 4096, 7, 1}) {
            QTest::addRow("lz4 feed %d", feed) << int(BlockFramingDecoder::Format::Lz4Block) << feed;
            QTest::addRow("snappy feed %d", feed) << int(BlockFramingDecoder::Format::SnappyStream) << feed;
            QTest::addRow("snappy framed feed %d", feed) << int(BlockFramingDecoder::Format::SnappyFramed) << feed;
        }
    }
    void roundTrip()
    {
        QFETCH(int, format);
        QFETCH(int, feed);
        const auto f = BlockFramingDecoder::Format(format);
        const QByteArray data = feed == 1 ? m_log.left(70000) : m_log; // byte-by-byte: a shorter sample
        const QByteArray stream = f == BlockFramingDecoder::Format::Lz4Block ? lz4JavaStream(data)
            : f == BlockFramingDecoder::Format::SnappyStream                 ? snappyJavaStream(data)
                                                                             : snappyFramedStream(data);
        QVERIFY(stream.size() < data.size()); // really compressed
        BlockFramingDecoder::Format detected{};
        QVERIFY(BlockFramingDecoder::detect(stream.constData(), size_t(stream.size()), &detected));
        QCOMPARE(int(detected), format);
        QString error;
        bool boundary = false;
        QCOMPARE(decodeAll(f, stream, size_t(feed), &error, &boundary), data);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(boundary);
    }

    // Incompressible blocks are stored raw by lz4-java; two streams may follow each other (appended output).
    void lz4RawBlocksAndConcatenatedStreams()
    {
        QByteArray noise(100000, '\0');
        quint32 x = 12345;
        for (char &c : noise) {
            x = x * 1103515245u + 12345u;
            c = char(x >> 24);
        }
        const QByteArray stream = lz4JavaStream(noise, 65536) + lz4JavaStream("tail\n", 65536);
        QVERIFY(stream.contains(QByteArray("LZ4Block\x16", 9))); // a raw block (0x10 | level 6)
        QString error;
        bool boundary = false;
        QCOMPARE(decodeAll(BlockFramingDecoder::Format::Lz4Block, stream, 5000, &error, &boundary), noise + "tail\n");
        QVERIFY(boundary);
    }

    // Damage is reported where it is, not read as events.
    void damageIsAnError_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("at"); // byte flipped (from the end when negative)
        QTest::addColumn<QString>("message");
        QTest::newRow("lz4 payload") << int(BlockFramingDecoder::Format::Lz4Block) << 200 << u"lz4"_s;
        QTest::newRow("lz4 length") << int(BlockFramingDecoder::Format::Lz4Block) << 10 << u"lz4"_s;
        QTest::newRow("lz4 magic") << int(BlockFramingDecoder::Format::Lz4Block) << 0 << u"magic"_s;
        // (snappy-java's stream format has no checksum: a flipped literal byte cannot be noticed, so the
        // damage tested there is to its structure.)
        QTest::newRow("snappy header") << int(BlockFramingDecoder::Format::SnappyStream) << 2 << u"header"_s;
        QTest::newRow("snappy length") << int(BlockFramingDecoder::Format::SnappyStream) << 16 << u"length"_s;
        QTest::newRow("framed payload") << int(BlockFramingDecoder::Format::SnappyFramed) << 300 << u"snappy"_s;
    }
    void damageIsAnError()
    {
        QFETCH(int, format);
        QFETCH(int, at);
        QFETCH(QString, message);
        const auto f = BlockFramingDecoder::Format(format);
        const QByteArray data = m_log.left(100000);
        QByteArray stream = f == BlockFramingDecoder::Format::Lz4Block ? lz4JavaStream(data)
            : f == BlockFramingDecoder::Format::SnappyStream            ? snappyJavaStream(data)
                                                                        : snappyFramedStream(data);
        stream[at] = char(stream.at(at) ^ 0x5a);
        QString error;
        bool boundary = false;
        const QByteArray got = decodeAll(f, stream, 1 << 20, &error, &boundary);
        QVERIFY2(!error.isEmpty(), "damaged data was decoded without an error");
        QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
        QVERIFY(got.isEmpty());
    }

    // Real logs written by PySpark 4.0.1 (tests/integration/spark/live_history_server.py's jobs, with
    // spark.eventLog.compression.codec lz4 and snappy): each reads whole, and both runs of the same jobs show the
    // same jobs, with the one whose stage fails on purpose FAILED.
    void realPysparkLogs()
    {
        const QString data = QFINDTESTDATA("data");
        QVERIFY(!data.isEmpty());
        QList<QList<QString>> shapes;
        for (const QString &name : {u"pyspark-4.0.1-lz4.lz4"_s, u"pyspark-4.0.1-snappy.snappy"_s}) {
            QString error;
            const auto app = cdeck::spark::EventLogReader::read(data + u'/' + name, &error);
            QVERIFY2(app, qPrintable(error));
            QVERIFY2(!app->truncated && app->malformedLines == 0 && !app->inProgress,
                     qPrintable(app->warnings.join(u'\n')));
            QVERIFY(app->attempt.sparkVersion.startsWith(u"4.0.1"_s));
            QVERIFY(app->name.startsWith(u"cdeck-"_s));
            QList<QString> shape;
            for (const auto &j : app->jobs)
                shape.append(u"%1 %2 %3/%4 failed %5"_s.arg(j.jobId)
                                 .arg(cdeck::spark::toString(j.status))
                                 .arg(j.numCompletedTasks)
                                 .arg(j.numTasks)
                                 .arg(j.numFailedTasks));
            QCOMPARE(shape.count(), 9); // collect, count, sum, the skewed collect, the failing count, the SQL query (4)
            QCOMPARE(std::count_if(app->jobs.begin(), app->jobs.end(),
                                   [](const auto &j) { return j.status == cdeck::spark::JobStatus::Failed; }),
                     1);
            shapes.append(shape);
        }
        QCOMPARE(shapes.at(0), shapes.at(1));
    }

    // A log written as .lz4 / .snappy answers exactly what the plain log answers, and a cut-off one says so.
    void compressedLogsAnswerLikePlain_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("lz4") << u"local-1642039451826.lz4"_s;
        QTest::newRow("snappy") << u"local-1642039451826.snappy"_s;
        QTest::newRow("snappy framed") << u"local-1642039451826.sz.snappy"_s;
    }
    void compressedLogsAnswerLikePlain()
    {
        QFETCH(QString, name);
        const QByteArray stream = name.endsWith(".lz4"_L1) ? lz4JavaStream(m_log)
            : name.contains(".sz."_L1)                      ? snappyFramedStream(m_log)
                                                            : snappyJavaStream(m_log);
        const QString path = m_tmp.filePath(name);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(stream), stream.size());
        out.close();
        const QString plain = cdeck::test::fixturesDir() + u"/spark/event-logs/local-1642039451826"_s;
        for (const QString &endpoint : {u"applications/local-1642039451826/stages"_s,
                                        u"applications/local-1642039451826/stages/2/0/taskList?length=100"_s,
                                        u"applications/local-1642039451826/allexecutors"_s}) {
            int plainCode = -1, code = -1;
            const QString expected = answer(plain, endpoint, &plainCode);
            QCOMPARE(plainCode, 0);
            QCOMPARE(answer(path, endpoint, &code), expected);
            QCOMPARE(code, 0);
        }
        // Cut in the middle of a block: what came before is read, and the model says the log was cut off.
        const QString cut = m_tmp.filePath(u"cut-"_s + name);
        QFile c(cut);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(stream.left(stream.size() / 2));
        c.close();
        QString error;
        const auto app = cdeck::spark::EventLogReader::read(cut, &error);
        QVERIFY2(app, qPrintable(error));
        QVERIFY(app->truncated);
        QVERIFY(app->warnings.join(u' ').contains(u"cut off"_s));
        QVERIFY(!app->stages.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstBlockCodecs)
#include "tst_blockcodecs.moc"
