// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Numbers on charts read as people write them: "1,500", "12.5 k", "1.5 M", bytes in KiB/MiB/GiB on the
// axis of a byte series, never "1.5e+03" (the incident evidence chart printed that).
#include "ui/presentation.h"
#include "ui/widgets/timechart.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

// A line rising from 0 to `top` over a minute.
ChartLine rising(double top)
{
    ChartLine line;
    line.key = u"l"_s;
    line.label = u"value"_s;
    line.color = Qt::blue;
    for (int i = 0; i <= 60; ++i)
        line.points.append(QPointF(1'000'000.0 + i * 1000.0, top * i / 60.0));
    return line;
}

QString joined(const QStringList &labels)
{
    return labels.join(u" | "_s);
}

} // namespace

class TstTimeChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void cleanupTestCase()
    {
        QLocale::setDefault(QLocale::system());
    }

    void formatCount_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("scaleOf");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << 0.0 << u"0"_s;
        QTest::newRow("a quarter") << 0.25 << 0.0 << u"0.25"_s;
        QTest::newRow("small") << 0.0001 << 0.0 << u"0.0001"_s;
        QTest::newRow("three digits") << 2.456 << 0.0 << u"2.46"_s;
        QTest::newRow("trailing zeros dropped") << 3.0 << 0.0 << u"3"_s;
        QTest::newRow("hundreds") << 512.0 << 0.0 << u"512"_s;
        QTest::newRow("thousands grouped") << 1500.0 << 0.0 << u"1,500"_s;
        QTest::newRow("a fraction above 100 is whole") << 1234.56 << 0.0 << u"1,235"_s;
        QTest::newRow("negative") << -1500.0 << 0.0 << u"-1,500"_s;
        QTest::newRow("just under ten thousand") << 9999.0 << 0.0 << u"9,999"_s;
        QTest::newRow("ten thousand") << 10000.0 << 0.0 << u"10 k"_s;
        QTest::newRow("k") << 12500.0 << 0.0 << u"12.5 k"_s;
        QTest::newRow("k, four digits") << 123456.0 << 0.0 << u"123.5 k"_s;
        QTest::newRow("M") << 1.5e6 << 0.0 << u"1.5 M"_s;
        QTest::newRow("rounds up into M") << 999'999.0 << 0.0 << u"1 M"_s;
        QTest::newRow("G") << 2.25e9 << 0.0 << u"2.25 G"_s;
        QTest::newRow("T") << 7e12 << 0.0 << u"7 T"_s;
        QTest::newRow("beyond T stays T") << 3e16 << 0.0 << u"30,000 T"_s;
        QTest::newRow("an axis's suffix") << 2500.0 << 12500.0 << u"2.5 k"_s;
        QTest::newRow("an axis's zero") << 0.0 << 12500.0 << u"0"_s;
        QTest::newRow("an axis in millions") << 250'000.0 << 1.25e6 << u"0.25 M"_s;
        QTest::newRow("not a number") << std::numeric_limits<double>::quiet_NaN() << 0.0 << u"–"_s;
    }

    void formatCount()
    {
        QFETCH(double, value);
        QFETCH(double, scaleOf);
        QFETCH(QString, text);
        QCOMPARE(presentation::formatCount(value, scaleOf), text);
    }

    void formatCountFollowsTheLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(presentation::formatCount(1500.0), u"1.500"_s);
        QCOMPARE(presentation::formatCount(2.5), u"2,5"_s);
        QCOMPARE(presentation::formatCount(12500.0), u"12,5 k"_s);
    }

    void monthNamesFollowTheLocale()
    {
        // Over more than a day and a half the time carries the day and month: in the user's language.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const qint64 from = QDateTime(QDate(2026, 12, 1), QTime(6, 0)).toMSecsSinceEpoch();
        ChartLine line = rising(10);
        for (int i = 0; i < line.points.size(); ++i)
            line.points[i].setX(double(from + i * 3'600'000LL));
        TimeChart chart(u"Kosten"_s);
        chart.resize(800, 300);
        chart.setFrame(from, from + 60 * 3'600'000LL, {line}, 3'600'000);
        const QString values = chart.valuesAt(from + 30 * 3'600'000LL);
        QVERIFY2(values.contains(u"Dez"_s) && !values.contains(u"Dec"_s), qPrintable(values));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(chart.valuesAt(from + 30 * 3'600'000LL).contains(u"Dec"_s), qPrintable(chart.valuesAt(from)));
    }

    void countAxisIsReadable()
    {
        TimeChart chart(u"Tasks"_s);
        chart.resize(600, 300);
        chart.setFrame(1'000'000, 1'060'000, {rising(1500)}, 5000);
        // Up to 1,650 (10% headroom) in steps of 500.
        QCOMPARE(joined(chart.valueAxisLabels()), u"0 | 500 | 1,000 | 1,500 | 2,000"_s);
        QVERIFY2(chart.valuesAt(1'060'000).contains(u"value: 1,500"_s), qPrintable(chart.valuesAt(1'060'000)));

        chart.setFrame(1'000'000, 1'060'000, {rising(15000)}, 5000);
        QCOMPARE(joined(chart.valueAxisLabels()), u"0 | 5 k | 10 k | 15 k | 20 k"_s);
        QVERIFY2(chart.valuesAt(1'060'000).contains(u"value: 15 k"_s), qPrintable(chart.valuesAt(1'060'000)));

        chart.setFrame(1'000'000, 1'060'000, {rising(0.8)}, 5000);
        QCOMPARE(joined(chart.valueAxisLabels()), u"0 | 0.25 | 0.5 | 0.75 | 1"_s);
    }

    void timeAxisAtRoundClockTimes()
    {
        // The evidence chart's window: 1 min 43 s from an odd second (it printed 00:57:19, 00:57:36, 00:57:54...).
        TimeChart chart(u"Evidence"_s);
        chart.resize(800, 300);
        const qint64 from = QDateTime(QDate(2026, 11, 25), QTime(0, 57, 19)).toMSecsSinceEpoch();
        const qint64 to = from + 103'000;
        chart.setFrame(from, to, {rising(1500)}, 5000);
        const QList<qint64> ticks = chart.timeTicks();
        QVERIFY2(ticks.size() >= 4 && ticks.size() <= 9, qPrintable(QString::number(ticks.size())));
        const qint64 step = ticks[1] - ticks[0];
        QVERIFY2(step == 10'000 || step == 15'000 || step == 30'000, qPrintable(QString::number(step)));
        for (qsizetype i = 0; i < ticks.size(); ++i) {
            QVERIFY(ticks[i] >= from && ticks[i] <= to);
            if (i > 0)
                QCOMPARE(ticks[i] - ticks[i - 1], step);
            const QTime at = QDateTime::fromMSecsSinceEpoch(ticks[i]).time();
            QCOMPARE(at.msec(), 0);
            QCOMPARE((at.second() * 1000) % step, 0); // 00:57:30, 00:57:45, 00:58:00...
        }
        QVERIFY(ticks.first() - from < step); // the first one is the first round time in the window

        // Six hours: ticks on whole local hours.
        chart.setFrame(from, from + 6 * 3'600'000, {rising(1500)}, 5000);
        for (const qint64 t : chart.timeTicks()) {
            const QTime at = QDateTime::fromMSecsSinceEpoch(t).time();
            QVERIFY2(at.minute() == 0 && at.second() == 0, qPrintable(at.toString()));
        }
    }

    void byteAxisUsesBinaryUnits()
    {
        TimeChart chart(u"Memory"_s);
        chart.resize(600, 300);
        chart.setValueFormatter([](double v) { return presentation::formatBytes(qint64(v)); });
        chart.setValueUnits({{1.0, u"bytes"_s}, {1024.0, u"KiB"_s}, {1024.0 * 1024, u"MiB"_s}, {1024.0 * 1024 * 1024, u"GiB"_s}});

        chart.setFrame(1'000'000, 1'060'000, {rising(1.5 * 1024 * 1024 * 1024)}, 5000);
        QCOMPARE(chart.shownTitle(), u"Memory (GiB)"_s);
        QCOMPARE(joined(chart.valueAxisLabels()), u"0 | 0.5 | 1 | 1.5 | 2"_s);
        QVERIFY2(chart.valuesAt(1'060'000).contains(u"value: 1.50 GiB"_s), qPrintable(chart.valuesAt(1'060'000)));

        chart.setFrame(1'000'000, 1'060'000, {rising(600 * 1024)}, 5000);
        QCOMPARE(chart.shownTitle(), u"Memory (KiB)"_s);
        QCOMPARE(joined(chart.valueAxisLabels()), u"0 | 200 | 400 | 600 | 800"_s);

        chart.setFrame(1'000'000, 1'060'000, {rising(900 * 1024 * 1024)}, 5000);
        QCOMPARE(chart.shownTitle(), u"Memory (MiB)"_s);
        QCOMPARE(joined(chart.valueAxisLabels()), u"0 | 250 | 500 | 750 | 1,000"_s);
        for (const QString &label : chart.valueAxisLabels())
            QVERIFY2(!label.contains(u'e'), qPrintable(label));
    }
};

QTEST_MAIN(TstTimeChart)
#include "tst_timechart.moc"
