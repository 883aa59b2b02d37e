// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/samplering.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace cdeck::telemetry;

using Points = QList<TimedValue>;
using Rates = QList<TimedValue>;

class TstSampleRing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsTheNewestWhenFull()
    {
        SampleRing ring(4);
        for (int i = 0; i < 10; ++i)
            QVERIFY(ring.append(i * 1000, i));
        QCOMPARE(ring.size(), 4);
        QCOMPARE(ring.capacity(), 4);
        QCOMPARE(ring.first(), (TimedValue{6000, 6}));
        QCOMPARE(ring.last(), (TimedValue{9000, 9}));
        for (qsizetype i = 0; i < ring.size(); ++i)
            QCOMPARE(ring.at(i).value, double(6 + i));
        ring.clear();
        QVERIFY(ring.isEmpty());
        QVERIFY(ring.minMaxDecimated(0, 100000, 10).isEmpty());
    }

    void refusesTimeGoingBackwards()
    {
        SampleRing ring(8);
        QVERIFY(ring.append(2000, 1));
        QVERIFY(!ring.append(1000, 2));
        QVERIFY(ring.append(2000, 3)); // the same instant twice is allowed
        QCOMPARE(ring.size(), 2);
    }

    void fewPointsComeBackUnchanged()
    {
        SampleRing ring(100);
        for (int i = 0; i < 50; ++i)
            ring.append(i * 1000, i % 7);
        const QList<QPointF> out = ring.minMaxDecimated(10000, 19000, 100);
        QCOMPARE(out.size(), 10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(out[i], QPointF((10 + i) * 1000.0, double((10 + i) % 7)));
    }

    void decimationKeepsEverySpike()
    {
        // A day of 1 s noise between 0 and 1 with one-sample spikes and dips; 800 pixel columns.
        const int n = 86400;
        SampleRing ring(n);
        QRandomGenerator rng(42);
        const qint64 t0 = 1'767'225'600'000;
        QList<qint64> spikes{t0 + 12'345'000, t0 + 50'000'000, t0 + 86'399'000};
        for (int i = 0; i < n; ++i) {
            const qint64 t = t0 + qint64(i) * 1000;
            double v = rng.generateDouble();
            if (spikes.contains(t))
                v = 1000 + i;
            if (i == 777)
                v = -500; // a dip
            ring.append(t, v);
        }
        const int columns = 800;
        const QList<QPointF> out = ring.minMaxDecimated(t0, t0 + qint64(n) * 1000, columns);
        QVERIFY(out.size() <= 2 * columns);
        QVERIFY(out.size() >= columns);
        for (qint64 s : spikes) {
            const int i = int((s - t0) / 1000);
            QVERIFY2(out.contains(QPointF(double(s), 1000.0 + i)), "a spike was lost");
        }
        QVERIFY(out.contains(QPointF(double(t0 + 777'000), -500.0)));
        // Points stay real samples, in time order, and each column's pair spans its extremes.
        for (qsizetype i = 1; i < out.size(); ++i)
            QVERIFY(out[i].x() > out[i - 1].x());
        double maxOut = -1e300;
        for (const QPointF &p : out)
            maxOut = std::max(maxOut, p.y());
        QCOMPARE(maxOut, 1000.0 + 86399);
    }

    void decimationPerColumnIsExact()
    {
        // 10 columns of 100 points each: the pair of each column is its true min and max.
        SampleRing ring(1000);
        QRandomGenerator rng(7);
        QList<double> values;
        for (int i = 0; i < 1000; ++i) {
            values.append(rng.bounded(1000.0));
            ring.append(i, values.last());
        }
        const QList<QPointF> out = ring.minMaxDecimated(0, 1000, 10);
        QCOMPARE(out.size(), 20);
        for (int c = 0; c < 10; ++c) {
            const auto begin = values.cbegin() + c * 100;
            const double mn = *std::min_element(begin, begin + 100);
            const double mx = *std::max_element(begin, begin + 100);
            const double a = out[2 * c].y(), b = out[2 * c + 1].y();
            QCOMPARE(std::min(a, b), mn);
            QCOMPARE(std::max(a, b), mx);
            QVERIFY(out[2 * c].x() >= c * 100 && out[2 * c + 1].x() < (c + 1) * 100);
        }
    }

    void rangeEdgesAndBadArguments()
    {
        SampleRing ring(10);
        for (int i = 0; i < 10; ++i)
            ring.append(i * 10, i);
        QCOMPARE(ring.minMaxDecimated(20, 40, 100).size(), 3); // both ends inclusive
        QVERIFY(ring.minMaxDecimated(41, 49, 100).isEmpty());
        QVERIFY(ring.minMaxDecimated(50, 40, 100).isEmpty());
        QVERIFY(ring.minMaxDecimated(0, 100, 0).isEmpty());
        QVERIFY(ring.minMaxDecimated(0, 100, -3).isEmpty());
        const QList<QPointF> all = ring.minMaxDecimated(std::numeric_limits<qint64>::min(),
                                                        std::numeric_limits<qint64>::max(), 1);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].y(), 0.0);
        QCOMPARE(all[1].y(), 9.0);
        QCOMPARE(ring.minMaxDecimated(30, 30, 5).size(), 1);
    }

    void nanIsSkipped()
    {
        SampleRing ring(10);
        ring.append(0, 1);
        ring.append(1, qQNaN());
        ring.append(2, 3);
        const QList<QPointF> out = ring.minMaxDecimated(0, 2, 100);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[1], QPointF(2, 3));
    }

    void counterRates_data()
    {
        QTest::addColumn<Points>("counter");
        QTest::addColumn<Rates>("expected");
        QTest::addRow("steady") << Points{{0, 0}, {1000, 100}, {2000, 300}, {4000, 700}}
                                << Rates{{1000, 100}, {2000, 200}, {4000, 200}};
        QTest::addRow("half second") << Points{{0, 10}, {500, 60}} << Rates{{500, 100}};
        QTest::addRow("flat is zero") << Points{{0, 5}, {1000, 5}} << Rates{{1000, 0}};
        QTest::addRow("reset counts from zero") << Points{{0, 1000}, {1000, 1500}, {2000, 40}}
                                                << Rates{{1000, 500}, {2000, 40}};
        QTest::addRow("gap stays a gap") << Points{{0, 0}, {1000, 10}, {60000, 500}, {61000, 510}}
                                         << Rates{{1000, 10}, {61000, 10}};
        QTest::addRow("nan breaks the series") << Points{{0, 0}, {1000, qQNaN()}, {2000, 20}, {3000, 50}}
                                               << Rates{{3000, 30}};
        QTest::addRow("repeated scrape ignored") << Points{{0, 0}, {1000, 10}, {1000, 99}, {2000, 30}}
                                                 << Rates{{1000, 10}, {2000, 20}};
        QTest::addRow("single sample") << Points{{0, 5}} << Rates{};
        QTest::addRow("empty") << Points{} << Rates{};
    }
    void counterRates()
    {
        QFETCH(Points, counter);
        QFETCH(Rates, expected);
        QCOMPARE(counterToRate(counter, 5000), expected);
    }

    void counterRateIncremental()
    {
        CounterRate rate(2000);
        QVERIFY(!rate.update(0, 0));
        QCOMPARE(rate.update(1000, 2048), std::optional<double>(2048.0));
        rate.reset();
        QVERIFY(!rate.update(2000, 4096)); // after reset: a fresh start, no rate
        QCOMPARE(rate.update(3000, 5096), std::optional<double>(1000.0));
        QVERIFY(!rate.update(6000, 9000)); // 3 s > 2 s max gap
    }
};

QTEST_GUILESS_MAIN(TstSampleRing)
#include "tst_samplering.moc"
