// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/samplering.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cdeck::telemetry {

SampleRing::SampleRing(qsizetype capacity)
    : m_times(size_t(std::max<qsizetype>(capacity, 1)))
    , m_values(size_t(std::max<qsizetype>(capacity, 1)))
{
}

void SampleRing::clear()
{
    m_head = 0;
    m_size = 0;
}

qsizetype SampleRing::physical(qsizetype i) const
{
    const qsizetype cap = capacity();
    const qsizetype p = m_head + i;
    return p >= cap ? p - cap : p;
}

bool SampleRing::append(qint64 timestampMs, double value)
{
    if (m_size > 0 && timestampMs < m_times[size_t(physical(m_size - 1))])
        return false;
    const qsizetype cap = capacity();
    if (m_size < cap) {
        const qsizetype p = physical(m_size);
        m_times[size_t(p)] = timestampMs;
        m_values[size_t(p)] = value;
        ++m_size;
    } else {
        m_times[size_t(m_head)] = timestampMs;
        m_values[size_t(m_head)] = value;
        m_head = m_head + 1 == cap ? 0 : m_head + 1;
    }
    return true;
}

TimedValue SampleRing::at(qsizetype i) const
{
    Q_ASSERT(i >= 0 && i < m_size);
    const size_t p = size_t(physical(i));
    return {m_times[p], m_values[p]};
}

qsizetype SampleRing::lowerBound(qint64 t) const
{
    qsizetype lo = 0, hi = m_size;
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (m_times[size_t(physical(mid))] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

qsizetype SampleRing::upperBound(qint64 t) const
{
    qsizetype lo = 0, hi = m_size;
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (m_times[size_t(physical(mid))] <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

QList<QPointF> SampleRing::minMaxDecimated(qint64 fromMs, qint64 toMs, int columns) const
{
    QList<QPointF> out;
    if (columns <= 0 || toMs < fromMs || m_size == 0)
        return out;
    const qsizetype begin = lowerBound(fromMs);
    const qsizetype end = upperBound(toMs);
    if (begin >= end)
        return out;
    if (end - begin <= 2 * qsizetype(columns)) {
        out.reserve(end - begin);
        for (qsizetype i = begin; i < end; ++i) {
            const TimedValue tv = at(i);
            if (!std::isnan(tv.value))
                out.append(QPointF(double(tv.timestampMs), tv.value));
        }
        return out;
    }
    out.reserve(2 * qsizetype(columns));
    // In double: toMs - fromMs may not fit in qint64 for hostile ranges.
    const double span = double(toMs) - double(fromMs);
    const double perMs = span > 0 ? double(columns) / span : 0.0;
    int column = -1;
    qsizetype minI = -1, maxI = -1;
    auto flush = [&] {
        if (minI < 0)
            return;
        const TimedValue a = at(std::min(minI, maxI));
        out.append(QPointF(double(a.timestampMs), a.value));
        if (minI != maxI) {
            const TimedValue b = at(std::max(minI, maxI));
            out.append(QPointF(double(b.timestampMs), b.value));
        }
        minI = maxI = -1;
    };
    for (qsizetype i = begin; i < end; ++i) {
        const size_t p = size_t(physical(i));
        const double v = m_values[p];
        if (std::isnan(v))
            continue;
        const int c = std::min(columns - 1, int((double(m_times[p]) - double(fromMs)) * perMs));
        if (c != column) {
            flush();
            column = c;
        }
        if (minI < 0) {
            minI = maxI = i;
        } else {
            if (v < m_values[size_t(physical(minI))])
                minI = i;
            if (v > m_values[size_t(physical(maxI))])
                maxI = i;
        }
    }
    flush();
    return out;
}

double SampleRing::maxBetween(qint64 fromMs, qint64 toMs) const
{
    double best = std::numeric_limits<double>::quiet_NaN();
    if (m_size == 0 || toMs < fromMs)
        return best;
    // Two contiguous runs of the ring's storage, no per-point index arithmetic: the console ranks
    // thousands of series by this every frame.
    const qsizetype begin = lowerBound(fromMs);
    const qsizetype end = upperBound(toMs);
    const qsizetype cap = capacity();
    auto scan = [&](qsizetype from, qsizetype to) {
        for (qsizetype p = from; p < to; ++p) {
            const double v = m_values[size_t(p)];
            if (v > best || (std::isnan(best) && !std::isnan(v)))
                best = v;
        }
    };
    const qsizetype first = physical(begin);
    const qsizetype count = end - begin;
    if (count <= 0)
        return best;
    if (first + count <= cap) {
        scan(first, first + count);
    } else {
        scan(first, cap);
        scan(0, first + count - cap);
    }
    return best;
}

CounterRate::CounterRate(qint64 maxGapMs)
    : m_maxGapMs(maxGapMs)
{
}

std::optional<double> CounterRate::update(qint64 timestampMs, double counter)
{
    if (!std::isfinite(counter)) {
        m_previous.reset(); // the next good sample starts over: no rate across the hole
        return std::nullopt;
    }
    if (!m_previous) {
        m_previous = TimedValue{timestampMs, counter};
        return std::nullopt;
    }
    const TimedValue prev = *m_previous;
    if (timestampMs <= prev.timestampMs)
        return std::nullopt; // a repeated or late scrape: keep the baseline
    m_previous = TimedValue{timestampMs, counter};
    const double dtMs = double(timestampMs) - double(prev.timestampMs);
    if (dtMs > double(m_maxGapMs))
        return std::nullopt;
    const double delta = counter >= prev.value ? counter - prev.value : counter;
    return delta * 1000.0 / dtMs;
}

QList<TimedValue> counterToRate(const QList<TimedValue> &counter, qint64 maxGapMs)
{
    QList<TimedValue> out;
    out.reserve(counter.size());
    CounterRate rate(maxGapMs);
    for (const TimedValue &s : counter) {
        if (const auto r = rate.update(s.timestampMs, s.value))
            out.append({s.timestampMs, *r});
    }
    return out;
}

} // namespace cdeck::telemetry
