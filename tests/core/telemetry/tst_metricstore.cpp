// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/metricstore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace cdeck::telemetry;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z, an hour boundary
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

MetricPoint point(qint64 t, double v, const QString &name = u"memory_managed_bytes"_s, const QString &executor = u"w1"_s)
{
    return MetricPoint{u"c1"_s, executor, name, t, v};
}

const SeriesKey kManaged{u"w1"_s, u"memory_managed_bytes"_s};

} // namespace

class TstMetricStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_file = 0;

    QString freshPath() { return m_dir.filePath(u"metrics-%1.sqlite"_s.arg(++m_file)); }

    // Two hours of 1 s samples: value = second-of-minute (0..59), plus one spike and one dip.
    static QList<MetricPoint> twoHours()
    {
        QList<MetricPoint> batch;
        for (qint64 s = 0; s < 2 * 3600; ++s) {
            double v = double(s % 60);
            if (s == 3723)
                v = 1e6; // 1 h 2 min 3 s
            if (s == 125)
                v = -7;
            batch.append(point(kT0 + s * kSecond, v));
        }
        return batch;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void opensAndMigrates()
    {
        const QString path = freshPath();
        {
            MetricStore store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            QCOMPARE(store.schemaVersion(), MetricStore::latestSchemaVersion());
            QVERIFY(store.append({point(kT0, 1)}));
        }
        MetricStore again;
        QString error;
        QVERIFY2(again.open(path, &error), qPrintable(error));
        QCOMPARE(again.rowCount(u"raw"_s), 1); // history survives a restart
        QCOMPARE(again.clusters(), QStringList{u"c1"_s});
        QCOMPARE(again.seriesOf(u"c1"_s), QList<SeriesKey>{kManaged});
        QCOMPARE(again.firstTimestamp(u"c1"_s), kT0);
        QCOMPARE(again.firstTimestamp(u"nope"_s), -1);
    }

    void refusesNewerSchema()
    {
        const QString path = freshPath();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"PRAGMA user_version = 99"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"newer"_s);
        MetricStore store;
        QString error;
        QVERIFY(!store.open(path, &error));
        QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
        QVERIFY(!store.append({point(kT0, 1)})); // a clear refusal, not a crash
        QVERIFY(store.query(u"c1"_s, {kManaged}, kT0, kT0 + kHour, kMinute, kT0).first().points.isEmpty());

        MetricStore bad;
        QVERIFY(!bad.open(m_dir.filePath(u"no/such/dir/x.sqlite"_s), &error));
        QVERIFY(!error.isEmpty());
    }

    void rawPointsComeBackAsWritten()
    {
        MetricStore store;
        QVERIFY(store.open(freshPath(), nullptr));
        QList<MetricPoint> batch;
        for (int s = 0; s < 600; ++s)
            batch.append(point(kT0 + s * kSecond, s * 1.5));
        QVERIFY(store.append(batch));
        const auto r = store.query(u"c1"_s, {kManaged}, kT0, kT0 + 599 * kSecond, kSecond, kT0 + 600 * kSecond);
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first().resolutionMs, MetricStore::kRawResolutionMs);
        QCOMPARE(r.first().points.size(), 600);
        for (int s = 0; s < 600; ++s) {
            const RangePoint &p = r.first().points[s];
            QCOMPARE(p.timestampMs, kT0 + s * kSecond);
            QCOMPARE(p.mean, s * 1.5);
            QCOMPARE(p.count, 1);
        }
        // Other series and clusters are not mixed in; unknown series come back empty.
        QVERIFY(store.append({point(kT0, 42, u"memory_managed_bytes"_s, u"w2"_s)}));
        const auto other = store.query(u"c1"_s, {{u"w9"_s, u"x"_s}, {u"w2"_s, u"memory_managed_bytes"_s}}, kT0,
                                       kT0 + kMinute, kSecond, kT0 + kMinute);
        QCOMPARE(other.size(), 2);
        QVERIFY(other[0].points.isEmpty());
        QCOMPARE(other[1].points.size(), 1);
        QVERIFY(store.query(u"c2"_s, {kManaged}, kT0, kT0 + kMinute, kSecond, kT0).first().points.isEmpty());
    }

    void aMissingScrapeIsAGap()
    {
        MetricStore store;
        QVERIFY(store.open(freshPath(), nullptr));
        QList<MetricPoint> batch;
        for (int s = 0; s < 60; ++s) {
            if (s >= 20 && s < 30)
                continue; // ten scrapes timed out
            batch.append(point(kT0 + s * kSecond, s == 40 ? qQNaN() : 5.0));
        }
        QVERIFY(store.append(batch));
        const SeriesRange r = store.query(u"c1"_s, {kManaged}, kT0, kT0 + 59 * kSecond, kSecond, kT0 + kMinute).first();
        QCOMPARE(r.points.size(), 49);
        for (const RangePoint &p : r.points)
            QCOMPARE(p.mean, 5.0); // never a zero for the missing seconds
        using Gap = std::pair<qint64, qint64>;
        QCOMPARE(r.gaps(), (QList<Gap>{{kT0 + 20 * kSecond, kT0 + 30 * kSecond}, {kT0 + 40 * kSecond, kT0 + 41 * kSecond}}));
        // Coarser steps show the hole as fewer samples, not as a lower mean.
        const SeriesRange tenS = store.query(u"c1"_s, {kManaged}, kT0, kT0 + 59 * kSecond, 10 * kSecond, kT0 + kMinute).first();
        QCOMPARE(tenS.points.size(), 5);
        QCOMPARE(tenS.points[1].count, 10);
        QCOMPARE(tenS.points[2].timestampMs, kT0 + 30 * kSecond);
        QCOMPARE(tenS.points[2].mean, 5.0);
    }

    void rollUpMath()
    {
        MetricStore store;
        QVERIFY(store.open(freshPath(), nullptr));
        QVERIFY(store.append(twoHours()));
        QVERIFY(store.maintain(kT0 + 2 * kHour + 500));
        QCOMPARE(store.rowCount(u"1m"_s), 120);
        QCOMPARE(store.rowCount(u"1h"_s), 2);
        QCOMPARE(store.rowCount(u"raw"_s), 3599); // raw points of the last hour (ts >= now - 1 h) stay

        // Minute buckets of the first hour, read with a start older than the raw retention.
        const qint64 now = kT0 + 2 * kHour + 500;
        SeriesRange m = store.query(u"c1"_s, {kManaged}, kT0, kT0 + kHour - 1, kSecond, now).first();
        QCOMPARE(m.resolutionMs, MetricStore::kMinuteMs);
        QCOMPARE(m.stepMs, MetricStore::kMinuteMs);
        QCOMPARE(m.points.size(), 60);
        QCOMPARE(m.points[0].count, 60);
        QCOMPARE(m.points[0].min, 0.0);
        QCOMPARE(m.points[0].max, 59.0);
        QCOMPARE(m.points[0].mean, 29.5);
        QCOMPARE(m.points[2].min, -7.0); // the dip at 2 min 5 s survives
        QCOMPARE(m.points[2].mean, (29.5 * 60 - 5 - 7) / 60);

        // Hour buckets: the one-second spike is the maximum of its hour.
        SeriesRange h = store.query(u"c1"_s, {kManaged}, kT0, kT0 + 2 * kHour - 1, kHour, now).first();
        QCOMPARE(h.resolutionMs, MetricStore::kHourMs);
        QCOMPARE(h.points.size(), 2);
        QCOMPARE(h.points[0].count, 3600);
        QCOMPARE(h.points[0].min, -7.0);
        QCOMPARE(h.points[1].max, 1e6);
        QCOMPARE(h.points[1].mean, (29.5 * 3600 - 3 + 1e6) / 3600);

        // maintain() is idempotent: running it again adds nothing.
        QVERIFY(store.maintain(now));
        QVERIFY(store.maintain(now + 1000));
        h = store.query(u"c1"_s, {kManaged}, kT0, kT0 + 2 * kHour - 1, kHour, now).first();
        QCOMPARE(h.points[0].count, 3600);
        QCOMPARE(h.points[1].count, 3600);
    }

    void retentionWithInjectedTime()
    {
        MetricStore store;
        QVERIFY(store.open(freshPath(), nullptr));
        QVERIFY(store.append(twoHours()));
        // The runtime was down for three days: the first maintain does everything at once.
        qint64 now = kT0 + 3 * kDay;
        QVERIFY(store.maintain(now));
        QCOMPARE(store.rowCount(u"raw"_s), 0);
        QCOMPARE(store.rowCount(u"1m"_s), 120);
        QCOMPARE(store.rowCount(u"1h"_s), 2);
        SeriesRange r = store.query(u"c1"_s, {kManaged}, kT0, kT0 + 2 * kHour - 1, kSecond, now).first();
        QCOMPARE(r.resolutionMs, MetricStore::kMinuteMs);
        QCOMPARE(r.points.size(), 120);
        QCOMPARE(r.points[62].max, 1e6);

        now = kT0 + 8 * kDay;
        QVERIFY(store.maintain(now));
        QCOMPARE(store.rowCount(u"1m"_s), 0);
        QCOMPARE(store.rowCount(u"1h"_s), 2);
        r = store.query(u"c1"_s, {kManaged}, kT0, kT0 + 2 * kHour - 1, kMinute, now).first();
        QCOMPARE(r.resolutionMs, MetricStore::kHourMs);
        QCOMPARE(r.points.size(), 2);
        QCOMPARE(r.points[1].max, 1e6);

        now = kT0 + 91 * kDay;
        QVERIFY(store.maintain(now));
        QCOMPARE(store.rowCount(u"1h"_s), 0);
        QVERIFY(store.query(u"c1"_s, {kManaged}, kT0, now, kHour, now).first().points.isEmpty());
    }

    void theNewestMinutesAreNeverMissing()
    {
        MetricStore store;
        QVERIFY(store.open(freshPath(), nullptr));
        QList<MetricPoint> batch;
        for (int s = 0; s < 150; ++s) // 2.5 minutes
            batch.append(point(kT0 + s * kSecond, 10));
        QVERIFY(store.append(batch));
        QVERIFY(store.maintain(kT0 + 150 * kSecond)); // rolls up minutes 0 and 1 only
        QCOMPARE(store.rowCount(u"1m"_s), 2);
        const SeriesRange r = store.query(u"c1"_s, {kManaged}, kT0, kT0 + 150 * kSecond, kMinute, kT0 + 150 * kSecond).first();
        QCOMPARE(r.points.size(), 3);
        QCOMPARE(r.points[2].count, 30); // the running minute, computed from raw points
        // An hour step before the first hourly roll-up still sees everything.
        const SeriesRange h = store.query(u"c1"_s, {kManaged}, kT0, kT0 + 150 * kSecond, kHour, kT0 + 150 * kSecond).first();
        QCOMPARE(h.points.size(), 1);
        QCOMPARE(h.points[0].count, 150);
    }

    void aLateSampleIsFoldedIn()
    {
        MetricStore store;
        QVERIFY(store.open(freshPath(), nullptr));
        QVERIFY(store.append(twoHours()));
        const qint64 now = kT0 + 2 * kHour + 500;
        QVERIFY(store.maintain(now));
        // A scrape that was slow to arrive lands in an already rolled-up minute and hour.
        const qint64 late = kT0 + kHour + 30 * kSecond + 500;
        QVERIFY(store.append({point(late, 5e6)}));
        QVERIFY(store.append({point(late, 9e9)})); // the same instant again: ignored, not double-counted
        const SeriesRange m = store.query(u"c1"_s, {kManaged}, kT0 + kHour, kT0 + kHour + kMinute - 1, kMinute, now).first();
        QCOMPARE(m.points.size(), 1);
        QCOMPARE(m.points[0].count, 61);
        QCOMPARE(m.points[0].max, 5e6);
        QVERIFY(store.maintain(now + kHour));
        const SeriesRange h = store.query(u"c1"_s, {kManaged}, kT0, kT0 + 2 * kHour - 1, kHour, now + kHour).first();
        QCOMPARE(h.points[1].count, 3601);
        QCOMPARE(h.points[1].max, 5e6);
    }

    void badBatchesWriteNothing()
    {
        MetricStore store;
        QVERIFY(store.open(freshPath(), nullptr));
        QVERIFY(!store.append({point(kT0, 1), point(-5, 1)}));
        QVERIFY(store.lastError().contains(u"bad point"_s));
        QVERIFY(!store.append({point(kT0, 1), point(kT0 + 1, 1, QString())}));
        QCOMPARE(store.rowCount(u"raw"_s), 0);
        QVERIFY(store.seriesOf(u"c1"_s).isEmpty());
        QVERIFY(store.append({point(kT0, qInf()), point(kT0 + 1000, 3)})); // non-finite: left out
        QCOMPARE(store.rowCount(u"raw"_s), 1);
        QVERIFY(store.append({}));
        QVERIFY(store.query(u"c1"_s, {kManaged}, kT0 + 10, kT0, kSecond, kT0).first().points.isEmpty());
    }

    void hugeRangesAreCapped()
    {
        MetricStore store;
        QVERIFY(store.open(freshPath(), nullptr));
        QVERIFY(store.append({point(kT0, 1)}));
        const SeriesRange r = store.query(u"c1"_s, {kManaged}, 0, std::numeric_limits<qint64>::max() / 2, 1, kT0).first();
        QVERIFY(r.stepMs >= (std::numeric_limits<qint64>::max() / 2) / MetricStore::kMaxPointsPerSeries);
        QCOMPARE(r.points.size(), 1);
    }

    void readerOnAnotherThread()
    {
        const QString path = freshPath();
        MetricStore writer;
        QVERIFY(writer.open(path, nullptr));
        QVERIFY(writer.append(twoHours()));
        qsizetype seen = -1;
        QString error;
        QThread *t = QThread::create([&] {
            MetricStore reader; // its own connection, created in its own thread
            if (!reader.open(path, &error))
                return;
            seen = reader.query(u"c1"_s, {kManaged}, kT0 + kHour, kT0 + 2 * kHour - 1, kSecond, kT0 + 2 * kHour)
                       .first()
                       .points.size();
        });
        t->start();
        QVERIFY(t->wait(30000));
        delete t;
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(seen, 3600);
    }
};

QTEST_GUILESS_MAIN(TstMetricStore)
#include "tst_metricstore.moc"
