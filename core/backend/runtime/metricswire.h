// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <utility>

namespace cdeck {

// The runtime's metric answers as values (docs/runtime-api.md, "Metrics"). An empty executor means the
// cluster's total, as in the store.

struct MetricBucket
{
    qint64 timestampMs = 0; // start of the bucket
    double mean = 0;
    double min = 0;
    double max = 0;
    friend bool operator==(const MetricBucket &, const MetricBucket &) = default;
};

struct MetricSeriesData
{
    QString name;
    QString executor; // empty: the cluster total
    qint64 stepMs = 1000;
    QList<MetricBucket> points; // buckets without a sample are absent
    QList<std::pair<qint64, qint64>> gaps;
};

struct MetricSample
{
    QString name;
    QString executor; // empty: the cluster total
    double value = 0;
};

// One second of the live stream: what the runtime stored for that second.
struct MetricBatch
{
    QString clusterId;
    qint64 timestampMs = 0;
    QList<MetricSample> samples;
};

// What GET /clusters/{id}/metrics is asked for.
struct MetricsQuery
{
    QStringList series;
    QStringList executors; // empty: all; "total" for the cluster's
    qint64 fromMs = 0; // 0: the oldest stored
    qint64 toMs = 0; // 0: now
    qint64 stepMs = 0; // 0: the runtime's default (1 s)
};

// Strict readers: a malformed element is reported in *error (which one) and skipped; the rest is kept.
QList<MetricSeriesData> parseMetricSeries(const QJsonArray &array, QString *error = nullptr);
MetricBatch parseMetricBatch(const QByteArray &json, QString *error = nullptr);

} // namespace cdeck

Q_DECLARE_METATYPE(cdeck::MetricBatch)
Q_DECLARE_METATYPE(cdeck::MetricSeriesData)
