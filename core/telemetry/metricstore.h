// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <utility>

namespace cdeck::telemetry {

// A series within one cluster: executorId is empty for the cluster's totals.
struct SeriesKey
{
    QString executorId;
    QString name;
    friend bool operator==(const SeriesKey &, const SeriesKey &) = default;
};

struct MetricPoint
{
    QString clusterId;
    QString executorId; // empty: a cluster total
    QString name; // e.g. memory_managed_bytes
    qint64 timestampMs = 0;
    double value = 0;
};

// One step of a range answer: min and max keep a spike visible after roll-ups, mean = sum / count.
struct RangePoint
{
    qint64 timestampMs = 0; // start of the step bucket (aligned to multiples of stepMs since the epoch)
    double min = 0;
    double max = 0;
    double mean = 0;
    qint64 count = 0; // raw samples behind the bucket
    friend bool operator==(const RangePoint &, const RangePoint &) = default;
};

struct SeriesRange
{
    SeriesKey key;
    qint64 stepMs = 0; // the step actually used (never finer than the stored resolution)
    qint64 resolutionMs = 0; // what it was read from: 1000 (raw), 60000 or 3600000
    QList<RangePoint> points; // buckets with no sample are absent: a gap, never a zero

    // Holes between the first and the last point wider than one step: [end of the point before,
    // start of the point after).
    QList<std::pair<qint64, qint64>> gaps() const;
};

// The runtime's metric history in SQLite: raw points (1 s) kept an hour, 1 min buckets 7 days,
// 1 h buckets 90 days; each bucket keeps count, sum, min and max. WAL mode, schema versions in
// PRAGMA user_version. Use its own database file (the version number is per file).
//
// Thread contract: a MetricStore is used only from the thread that called open() (QSqlDatabase's
// rule). Another thread (an API handler) opens its own MetricStore on the same file to read;
// one thread writes (append and maintain).
class MetricStore
{
public:
    static constexpr qint64 kMinuteMs = 60'000;
    static constexpr qint64 kHourMs = 3'600'000;
    static constexpr qint64 kRawResolutionMs = 1'000; // nominal: the sampler's period
    static constexpr qint64 kMaxPointsPerSeries = 100'000; // a query's step grows to stay under this

    struct Retention
    {
        qint64 rawMs = kHourMs;
        qint64 minuteMs = 7 * 24 * kHourMs;
        qint64 hourMs = 90 * 24 * kHourMs;
    };

    MetricStore();
    ~MetricStore();
    MetricStore(const MetricStore &) = delete;
    MetricStore &operator=(const MetricStore &) = delete;

    bool open(const QString &path, QString *error);
    bool isOpen() const;
    int schemaVersion() const;
    static int latestSchemaVersion();

    void setRetention(const Retention &retention) { m_retention = retention; }
    Retention retention() const { return m_retention; }

    // One transaction per batch. NaN and infinite values are not stored (a gap, as SQLite would
    // turn NaN into NULL); negative timestamps and empty names are refused. Points older than what
    // was already rolled up are merged into the roll-ups too, so a late sample is never lost.
    // Returns false (and sets lastError) when the batch could not be written; nothing is half-written.
    bool append(const QList<MetricPoint> &batch);

    // Roll-ups and retention, idempotent: the runtime calls it periodically (every minute is
    // plenty). Only whole minutes / hours before nowMs are rolled up.
    bool maintain(qint64 nowMs = QDateTime::currentMSecsSinceEpoch());

    // Buckets of stepMs over [fromMs, toMs] (from aligned down to the step). The resolution is the
    // coarsest one not coarser than the step, made coarser when the finer one no longer covers
    // fromMs. A resolution's not yet rolled-up tail is computed from the finer data, so the last
    // minutes are never missing. Unknown series come back with no points.
    QList<SeriesRange> query(const QString &clusterId, const QList<SeriesKey> &series, qint64 fromMs, qint64 toMs,
                             qint64 stepMs, qint64 nowMs = QDateTime::currentMSecsSinceEpoch()) const;

    QList<SeriesKey> seriesOf(const QString &clusterId) const;
    QStringList clusters() const;
    // The oldest stored timestamp of a cluster at any resolution, or -1 when it has none.
    qint64 firstTimestamp(const QString &clusterId) const;

    // Rows per table, for tests and diagnostics: "raw", "1m", "1h".
    qint64 rowCount(const QString &table) const;

    QString lastError() const { return m_lastError; }

private:
    bool migrate(QString *error);
    bool exec(const QString &sql);
    qint64 seriesId(const QString &clusterId, const QString &executorId, const QString &name, bool create);
    qint64 watermark(int level) const;
    bool fail(const QString &what, const QString &detail);

    QString m_connectionName;
    QString m_lastError;
    Retention m_retention;
    QHash<QString, qint64> m_seriesIds; // "cluster\x1fexecutor\x1fname" -> id
};

} // namespace cdeck::telemetry
