// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"
#include "core/telemetry/bucketedseries.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <limits>
#include <memory>

namespace cdeck {

// The latest value of every series of one executor (or of the cluster), NaN where none came yet.
struct ExecutorLatest
{
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    double managed = kNone;
    double unmanaged = kNone;
    double spilled = kNone;
    double limit = kNone;
    double inRate = kNone;
    double outRate = kNone;
    double inTotal = kNone;
    double outTotal = kNone;
    double tasksExecuting = kNone;
    qint64 lastSeenMs = 0; // the newest sample of this executor
};

// The console's in-memory metrics of the cluster on screen, shared by the memory and shuffle panels: one
// BucketedSeries per charted series and executor (plus the cluster total) over the chosen time range,
// and the latest value of every series for the bars. Fed by the connection's feed's history and live batches;
// memory is fixed by kBuckets per series, whatever the range.
//
// Thread contract: GUI thread only.
class TelemetryWindow : public QObject
{
    Q_OBJECT
public:
    // OneMinute last: the values of the others stay what they were.
    enum class Range { FiveMinutes, OneHour, OneDay, SevenDays, Custom, OneMinute };

    // The series the charts draw over time. memory_used_bytes is managed + unmanaged (Dask's process memory),
    // derived here; from roll-ups its min and max are the sums of the parts' (a bound, exact at 1 s).
    static inline const QString kMemoryUsed = QStringLiteral("memory_used_bytes");
    static inline const QString kBytesIn = QStringLiteral("bytes_in_per_s");
    static inline const QString kBytesOut = QStringLiteral("bytes_out_per_s");
    static constexpr qsizetype kBuckets = 360; // per series: 5 min at 1 s, 1 h at 10 s, 24 h at 4 min, 7 d at 30 min
    static constexpr qint64 kStaleAfterMs = 3500; // an executor this far behind the cluster's newest sample is unreachable

    explicit TelemetryWindow(QObject *parent = nullptr);

    // The runtime series the window asks for (history and stream).
    static QStringList requestedSeries();
    static qint64 spanOf(Range range); // 0 for Custom
    static QString rangeName(Range range);

    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); } // tests and the benchmark
    qint64 nowMs() const { return m_now(); }

    // A new cluster (or none) or range: drops what is held, takes a new ticket, emits requestChanged.
    void setCluster(const QString &clusterId);
    void setRange(Range range, qint64 customFromMs = 0, qint64 customToMs = 0);
    QString clusterId() const { return m_clusterId; }
    Range range() const { return m_range; }
    bool isLive() const { return m_range != Range::Custom; }
    qint64 stepMs() const { return m_stepMs; }
    quint64 ticket() const { return m_ticket; }
    MetricsWindowRequest request() const;
    // The time span on screen now: live windows end at the newest sample (or now), custom ones are fixed.
    std::pair<qint64, qint64> visibleSpan() const;

    // From the feed (answers with another ticket are for an older request and are ignored).
    void applyHistory(quint64 ticket, const QList<MetricSeriesData> &series);
    void applyBatch(quint64 ticket, const MetricBatch &batch);
    void setLink(quint64 ticket, MetricsLink link, const QString &message);

    MetricsLink link() const { return m_link; }
    QString linkMessage() const { return m_linkMessage; }
    qint64 linkChangedAtMs() const { return m_linkChangedAtMs; }
    qint64 lastSampleMs() const { return m_lastSampleMs; } // newest sample of the cluster
    bool hasData() const { return m_hasData; }

    QStringList executors() const; // every executor seen in the window, sorted naturally (w2 before w10)
    // nullptr when nothing came for it; executor empty = the cluster total.
    const telemetry::BucketedSeries *series(const QString &name, const QString &executor) const;
    ExecutorLatest latest(const QString &executor) const; // executor empty = the cluster total
    bool isStale(const QString &executor) const; // no sample for kStaleAfterMs while others report
    // The n executors with the highest peak of this series in the visible span (ties by name).
    QStringList topExecutors(const QString &name, int n) const;

Q_SIGNALS:
    void requestChanged(); // follow request() now
    void dataChanged(); // new history or samples: panels schedule a frame
    void linkChanged();

private:
    // Everything held for one executor (or the total): one hash lookup per sample, not one per series.
    struct Track
    {
        ExecutorLatest latest;
        std::unique_ptr<telemetry::BucketedSeries> used;
        std::unique_ptr<telemetry::BucketedSeries> in;
        std::unique_ptr<telemetry::BucketedSeries> out;
        qint64 partsAtMs = -1; // the batch time of the first of managed/unmanaged seen (their sum needs both)
    };
    Track &trackFor(const QString &executor, qint64 atMs);
    std::unique_ptr<telemetry::BucketedSeries> &slotFor(Track &track, const QString &name);
    telemetry::BucketedSeries &seriesIn(std::unique_ptr<telemetry::BucketedSeries> &slot);
    void clear();

    std::function<qint64()> m_now;
    QString m_clusterId;
    Range m_range = Range::FiveMinutes;
    qint64 m_customFromMs = 0;
    qint64 m_customToMs = 0;
    qint64 m_stepMs = 1000;
    quint64 m_ticket = 0;
    QHash<QString, std::shared_ptr<Track>> m_tracks; // shared_ptr: a Track stays put when the hash grows
    mutable QStringList m_sortedExecutors;
    mutable bool m_executorsDirty = false;
    MetricsLink m_link = MetricsLink::Idle;
    QString m_linkMessage;
    qint64 m_linkChangedAtMs = 0;
    qint64 m_lastSampleMs = 0;
    bool m_hasData = false;
};

} // namespace cdeck
