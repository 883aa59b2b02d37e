// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/bucketedseries.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cdeck::telemetry {

BucketedSeries::BucketedSeries(qint64 stepMs, qsizetype buckets)
    : m_stepMs(std::max<qint64>(stepMs, 1))
    , m_ring(2 * std::max<qsizetype>(buckets, 1))
{
}

qint64 BucketedSeries::bucketOf(qint64 timestampMs) const
{
    // Floor division, also for times before the epoch.
    qint64 q = timestampMs / m_stepMs;
    if (timestampMs % m_stepMs < 0)
        --q;
    return q * m_stepMs;
}

qint64 BucketedSeries::lastBucketMs() const
{
    if (m_open)
        return m_open->startMs;
    return m_ring.isEmpty() ? -1 : bucketOf(m_ring.last().timestampMs);
}

void BucketedSeries::addBucket(qint64 bucketStartMs, double min, double max)
{
    if (std::isnan(min) || std::isnan(max))
        return;
    const qint64 start = bucketOf(bucketStartMs);
    if (start <= lastBucketMs())
        return;
    m_ring.append(start, min);
    if (max != min)
        m_ring.append(start, max);
    m_latest = TimedValue{start, max};
}

void BucketedSeries::addSample(qint64 timestampMs, double value)
{
    if (std::isnan(value))
        return;
    const qint64 start = bucketOf(timestampMs);
    if (m_open && start < m_open->startMs)
        return;
    if (!m_open && start <= lastBucketMs())
        return; // history already covers this bucket
    if (m_open && start > m_open->startMs)
        closeOpenBucket();
    if (!m_open) {
        m_open = Open{start, value, value, timestampMs, timestampMs};
    } else {
        if (value < m_open->min) {
            m_open->min = value;
            m_open->minAt = timestampMs;
        }
        if (value > m_open->max) {
            m_open->max = value;
            m_open->maxAt = timestampMs;
        }
    }
    m_latest = TimedValue{timestampMs, value};
}

void BucketedSeries::closeOpenBucket()
{
    const Open o = *m_open;
    m_open.reset();
    // At 1 s buckets a bucket holds one sample: keep its own time so live lines are exact.
    const qint64 t = m_stepMs <= 1000 ? o.minAt : o.startMs;
    m_ring.append(t, o.min);
    if (o.max != o.min)
        m_ring.append(t, o.max);
}

QList<QPointF> BucketedSeries::decimated(qint64 fromMs, qint64 toMs, int columns) const
{
    QList<QPointF> out = m_ring.minMaxDecimated(fromMs, toMs, columns);
    if (m_open) {
        const qint64 t = m_stepMs <= 1000 ? m_open->minAt : m_open->startMs;
        if (t >= fromMs && t <= toMs) {
            out.append(QPointF(double(t), m_open->min));
            if (m_open->max != m_open->min)
                out.append(QPointF(double(t), m_open->max));
        }
    }
    return out;
}

double BucketedSeries::peak(qint64 fromMs, qint64 toMs) const
{
    double best = m_ring.maxBetween(fromMs, toMs);
    if (m_open && m_open->startMs <= toMs && m_open->startMs + m_stepMs > fromMs && !(m_open->max <= best))
        best = m_open->max;
    return best;
}

} // namespace cdeck::telemetry
