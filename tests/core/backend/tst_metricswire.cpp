// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The console's reading of the runtime's metric answers: the event-stream parser (cut anywhere, CRLF, comments,
// runaway lines) and the JSON of history and live batches (malformed parts reported, the rest kept).
#include "core/backend/runtime/metricswire.h"
#include "core/backend/runtime/sseparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {
// What MetricsRoutes::metricsStream and onSampled write, byte for byte.
const QByteArray kRuntimeStream =
    ": clusterdeck-runtime metrics stream, one 'samples' event per second\nretry: 2000\n\n"
    "id: 1795976634507\nevent: samples\ndata: {\"clusterId\":\"c-1\",\"timestampMs\":1795976634507,\"samples\":"
    "[{\"name\":\"memory_managed_bytes\",\"executor\":\"w1\",\"value\":120000000},"
    "{\"name\":\"bytes_in_per_s\",\"executor\":null,\"value\":2048}]}\n\n"
    "event: end\ndata: {\"clusterId\":\"c-1\",\"state\":\"TERMINATED\"}\n\n";
} // namespace

class TstMetricsWire : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamInOneChunk()
    {
        SseParser parser;
        const QList<SseEvent> events = parser.feed(kRuntimeStream);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].type, "samples");
        QCOMPARE(events[0].id, "1795976634507");
        QCOMPARE(events[1].type, "end");
        QCOMPARE(parser.retryMs(), 2000);
        const MetricBatch batch = parseMetricBatch(events[0].data);
        QCOMPARE(batch.clusterId, u"c-1"_s);
        QCOMPARE(batch.timestampMs, 1795976634507);
        QCOMPARE(batch.samples.size(), 2);
        QCOMPARE(batch.samples[0].executor, u"w1"_s);
        QCOMPARE(batch.samples[0].value, 1.2e8);
        QVERIFY(batch.samples[1].executor.isEmpty()); // null: the cluster total
    }

    // TCP may cut the stream anywhere: every split point gives the same events.
    void streamCutAnywhere_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addRow("LF") << kRuntimeStream;
        QTest::addRow("CRLF") << QByteArray(kRuntimeStream).replace("\n", "\r\n");
        QTest::addRow("CR") << QByteArray(kRuntimeStream).replace("\n", "\r");
    }
    void streamCutAnywhere()
    {
        QFETCH(QByteArray, stream);
        const QList<SseEvent> whole = SseParser().feed(stream);
        QCOMPARE(whole.size(), 2);
        for (qsizetype cut = 1; cut < stream.size(); ++cut) {
            SseParser parser;
            QList<SseEvent> events = parser.feed(stream.left(cut));
            events += parser.feed(stream.mid(cut));
            QVERIFY2(events == whole, qPrintable(u"cut at %1"_s.arg(cut)));
        }
        // And one byte at a time.
        SseParser parser;
        QList<SseEvent> events;
        for (char c : stream)
            events += parser.feed(QByteArray(1, c));
        QCOMPARE(events, whole);
    }

    void multiLineDataAndDefaults()
    {
        SseParser parser;
        const QList<SseEvent> events = parser.feed("data:a\ndata: b\nunknown: x\n\n: only a comment\n\nid\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].type, "message");
        QCOMPARE(events[0].data, "a\nb");
    }

    void runawayLineIsAnError()
    {
        SseParser parser(64);
        QVERIFY(parser.feed("data: " + QByteArray(100, 'x')).isEmpty());
        QVERIFY(parser.failed());
        QVERIFY(parser.error().contains(u"64"_s));
        QVERIFY(parser.feed("\n\n").isEmpty()); // stays failed: the stream is reopened, not patched up
    }

    void batchKeepsGoodSamples()
    {
        QString error;
        const MetricBatch batch = parseMetricBatch(
            R"({"clusterId":"c","timestampMs":5000,"samples":[{"name":"tasks_executing","executor":"w2","value":3},
               {"name":"","value":1},{"name":"x","executor":"w1","value":"high"},{"name":"cpu_percent","executor":"w1","value":12.5}]})",
            &error);
        QCOMPARE(batch.samples.size(), 2);
        QCOMPARE(batch.samples[1].value, 12.5);
        QVERIFY2(error.contains(u"sample 1"_s), qPrintable(error));
        error.clear();
        QCOMPARE(parseMetricBatch("{not json", &error).timestampMs, 0);
        QVERIFY(!error.isEmpty());
    }

    void historySeries()
    {
        const QJsonArray array = QJsonDocument::fromJson(R"([
            {"name":"memory_managed_bytes","executor":"w1","stepMs":60000,"resolutionMs":60000,
             "points":[[60000,5,1,9],[180000,7,7,7],[240000,"bad"]],"gaps":[[120000,180000]]},
            {"name":"bytes_in_per_s","executor":null,"stepMs":1000,"points":[],"gaps":[]},
            {"executor":"w1","points":[]}])")
                                     .array();
        QString error;
        const QList<MetricSeriesData> series = parseMetricSeries(array, &error);
        QCOMPARE(series.size(), 2);
        QCOMPARE(series[0].stepMs, 60000);
        QCOMPARE(series[0].points.size(), 2);
        QCOMPARE(series[0].points[0], (MetricBucket{60000, 5, 1, 9}));
        QCOMPARE(series[0].gaps.size(), 1);
        QCOMPARE(series[0].gaps[0].first, 120000);
        QVERIFY(series[1].executor.isEmpty());
        QVERIFY2(error.contains(u"point 2"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TstMetricsWire)
#include "tst_metricswire.moc"
