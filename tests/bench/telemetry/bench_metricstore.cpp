// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/metricstore.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace cdeck::telemetry;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
const QStringList kSeries{u"memory_managed_bytes"_s, u"memory_unmanaged_bytes"_s, u"memory_spilled_bytes"_s,
                          u"memory_limit_bytes"_s, u"bytes_in_per_s"_s, u"bytes_out_per_s"_s,
                          u"tasks_executing"_s, u"cpu_seconds_per_s"_s};

} // namespace

// The store as the runtime fills it: 4 executors x 8 series at 1 Hz for 25 simulated hours, one
// batch per second's scrape round, maintain() once a simulated minute. Then the console's 24 h
// chart query of one series.
class BenchMetricStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MetricStore m_store;
    qint64 m_now = 0;
    static constexpr int kExecutors = 4;
    static constexpr qint64 kHours = 25;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath(u"metrics.sqlite"_s), &error), qPrintable(error));
        QElapsedTimer fill;
        fill.start();
        qint64 maintainNs = 0;
        qint64 worstMaintainNs = 0;
        QList<MetricPoint> batch;
        for (qint64 s = 0; s < kHours * 3600; ++s) {
            const qint64 t = kT0 + s * 1000;
            batch.clear();
            for (int e = 0; e < kExecutors; ++e) {
                const QString executor = u"w%1"_s.arg(e + 1);
                for (int k = 0; k < kSeries.size(); ++k)
                    batch.append({u"c1"_s, executor, kSeries[k], t, 1e6 * (k + 1) + 1e5 * std::sin(double(s) / 300 + e)});
            }
            QVERIFY(m_store.append(batch));
            if (s % 60 == 59) {
                QElapsedTimer m;
                m.start();
                QVERIFY(m_store.maintain(t + 1));
                const qint64 ns = m.nsecsElapsed();
                maintainNs += ns;
                worstMaintainNs = std::max(worstMaintainNs, ns);
            }
        }
        m_now = kT0 + kHours * 3600 * 1000;
        qInfo("filled %lld s x %d series in %.1f s (maintain total %.1f s, worst %.1f ms); rows raw %lld, 1m %lld, 1h %lld",
              qlonglong(kHours * 3600), int(kExecutors * kSeries.size()), double(fill.elapsed()) / 1e3,
              double(maintainNs) / 1e9, double(worstMaintainNs) / 1e6, qlonglong(m_store.rowCount(u"raw"_s)),
              qlonglong(m_store.rowCount(u"1m"_s)), qlonglong(m_store.rowCount(u"1h"_s)));
    }

    void query24h_data()
    {
        QTest::addColumn<qint64>("stepMs");
        QTest::addRow("step 1 s asked (served from 1 min)") << qint64(1000);
        QTest::addRow("step 60 s") << qint64(60'000);
        QTest::addRow("step 5 min") << qint64(300'000);
        QTest::addRow("step 1 h") << qint64(3'600'000);
    }
    void query24h()
    {
        QFETCH(qint64, stepMs);
        const SeriesKey key{u"w2"_s, u"bytes_in_per_s"_s};
        QList<double> ms;
        qsizetype points = 0;
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer t;
            t.start();
            const QList<SeriesRange> r = m_store.query(u"c1"_s, {key}, m_now - 24 * 3'600'000, m_now, stepMs, m_now);
            ms.append(double(t.nsecsElapsed()) / 1e6);
            points = r.first().points.size();
        }
        std::sort(ms.begin(), ms.end());
        const double median = ms[ms.size() / 2];
        const double worst = ms.last();
        qInfo("24 h of one series, %s: %lld points, median %.2f ms, worst %.2f ms of 50 (goal < 20 ms)",
              QTest::currentDataTag(), qlonglong(points), median, worst);
        QVERIFY(points > 0);
        QVERIFY2(worst < 20.0, "a 24 h query took 20 ms or more");
    }
};

QTEST_GUILESS_MAIN(BenchMetricStore)
#include "bench_metricstore.moc"
