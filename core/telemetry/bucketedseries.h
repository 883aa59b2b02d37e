// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/telemetry/samplering.h"

#include <QList>
#include <QPointF>

#include <optional>

namespace cdeck::telemetry {

// One series of the console's in-memory window at a fixed bucket width: history buckets (min/max from the
// runtime's roll-ups) and live samples (1 s) end up in the same shape, a min and a max point per bucket,
// so a 24 h window holds as many points as a 5 min one and a spike is kept at any width.
// Memory is fixed by the bucket count (a ring), so a console left open for days stays flat.
// Not thread-safe: one owner thread (the GUI's).
class BucketedSeries
{
public:
    BucketedSeries(qint64 stepMs, qsizetype buckets);

    qint64 stepMs() const { return m_stepMs; }
    qint64 bucketOf(qint64 timestampMs) const; // start of the bucket holding this time

    // A bucket from history. Buckets not after the last one held are ignored (history overlapping what
    // the stream already delivered).
    void addBucket(qint64 bucketStartMs, double min, double max);
    // A live sample: it goes into the open bucket; a sample of a later bucket closes the open one.
    // Samples older than the open bucket are ignored.
    void addSample(qint64 timestampMs, double value);

    bool isEmpty() const { return m_ring.isEmpty() && !m_open; }
    std::optional<TimedValue> latest() const { return m_latest; } // the newest live sample or bucket max
    qint64 lastBucketMs() const; // -1 when empty

    // Points in [fromMs, toMs] (closed buckets, then the open one), at most a min/max pair per column.
    QList<QPointF> decimated(qint64 fromMs, qint64 toMs, int columns) const;
    // The highest value in [fromMs, toMs] (NaN when there is none): what the top-N rule ranks by.
    double peak(qint64 fromMs, qint64 toMs) const;
    qsizetype pointCount() const { return m_ring.size() + (m_open ? 2 : 0); }

private:
    void closeOpenBucket();

    qint64 m_stepMs;
    SampleRing m_ring; // two points per closed bucket (min, max), one when they are equal
    struct Open
    {
        qint64 startMs = 0;
        double min = 0;
        double max = 0;
        qint64 minAt = 0;
        qint64 maxAt = 0;
    };
    std::optional<Open> m_open;
    std::optional<TimedValue> m_latest;
};

} // namespace cdeck::telemetry
