// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The console's window per series: history buckets and live samples in one shape, spikes kept at any width,
// fixed memory however long it runs.
#include "core/telemetry/bucketedseries.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace cdeck::telemetry;

namespace {
double maxY(const QList<QPointF> &points)
{
    double m = -1;
    for (const QPointF &p : points)
        m = std::max(m, p.y());
    return m;
}
} // namespace

class TstBucketedSeries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void liveSamplesAtOneSecondKeepTheirTimes()
    {
        BucketedSeries s(1000, 300);
        s.addSample(10'250, 1);
        s.addSample(11'250, 2);
        s.addSample(12'250, 3);
        const QList<QPointF> points = s.decimated(0, 20'000, 1000);
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[0], QPointF(10'250, 1));
        QCOMPARE(points[2], QPointF(12'250, 3)); // the open bucket is shown too
        QCOMPARE(s.latest()->value, 3.0);
    }

    void liveSamplesFoldIntoWideBuckets()
    {
        BucketedSeries s(60'000, 10);
        for (int i = 0; i < 60; ++i)
            s.addSample(60'000 + i * 1000, i == 17 ? 900 : 5); // one spike in the minute
        s.addSample(120'000, 5); // closes the first minute
        const QList<QPointF> points = s.decimated(0, 200'000, 500);
        QCOMPARE(points.size(), 3); // min and max of the closed minute, then the open one
        QCOMPARE(points[0], QPointF(60'000, 5));
        QCOMPARE(points[1], QPointF(60'000, 900));
        QCOMPARE(s.peak(0, 200'000), 900.0);
    }

    void historyThenStreamDoesNotDuplicate()
    {
        BucketedSeries s(1000, 100);
        s.addBucket(1000, 4, 4);
        s.addBucket(2000, 5, 5);
        s.addSample(2400, 99); // the stream's copy of a second history already has
        s.addSample(3400, 6);
        s.addBucket(3000, 7, 7); // history arriving late for a second the stream has
        const QList<QPointF> points = s.decimated(0, 10'000, 100);
        QCOMPARE(points.size(), 3);
        QCOMPARE(points.last(), QPointF(3400, 6));
    }

    // A spike of one second in a day of 1 s data survives decimation to a few hundred columns.
    void spikeSurvivesZoomOut()
    {
        const qint64 day = 24 * 3600 * 1000LL;
        BucketedSeries s(1000, 86'400);
        for (qint64 t = 0; t < day; t += 1000)
            s.addSample(t, t == 12 * 3600 * 1000LL + 7000 ? 1e9 : 100 + double(t % 7000) / 1000);
        const QList<QPointF> points = s.decimated(0, day, 300);
        QVERIFY(points.size() <= 2 * 300 + 2); // a min/max pair per column, and the open bucket
        QCOMPARE(maxY(points), 1e9);
    }

    void memoryIsFixedByTheBucketCount()
    {
        BucketedSeries s(1000, 300);
        for (qint64 t = 0; t < 3600 * 1000; t += 1000)
            s.addSample(t, double(t % 13));
        QVERIFY(s.pointCount() <= 2 * 300 + 2);
        const QList<QPointF> points = s.decimated(0, 3600 * 1000, 10'000);
        // Room for a min and a max per bucket; a flat second needs one point, so 600 s fit.
        QVERIFY(points.first().x() >= 3600 * 1000 - 601 * 1000);
        QVERIFY(points.first().x() > 0);
        // The ring has wrapped: the peak scan reads both runs of its storage.
        QCOMPARE(s.peak(0, 3600 * 1000), 12.0);
        QCOMPARE(s.peak(3599 * 1000, 3600 * 1000), double((3599 * 1000) % 13)); // only the newest sample
    }

    void peakOfAWindow()
    {
        BucketedSeries s(1000, 100);
        s.addSample(1000, 50);
        s.addSample(2000, 10);
        s.addSample(3000, 20);
        QCOMPARE(s.peak(1500, 5000), 20.0);
        QCOMPARE(s.peak(0, 5000), 50.0);
        QVERIFY(std::isnan(s.peak(10'000, 20'000)));
        s.addSample(4000, std::nan("")); // a gap is not a value
        QCOMPARE(s.latest()->value, 20.0);
    }
};

QTEST_GUILESS_MAIN(TstBucketedSeries)
#include "tst_bucketedseries.moc"
