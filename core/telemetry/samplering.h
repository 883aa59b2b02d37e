// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPointF>

#include <optional>
#include <vector>

namespace cdeck::telemetry {

struct TimedValue
{
    qint64 timestampMs = 0;
    double value = 0;
    friend bool operator==(const TimedValue &, const TimedValue &) = default;
};

// A fixed-capacity window of one series, oldest first; appending to a full ring drops the oldest
// point, so memory stays flat however long the console runs. Not thread-safe: one owner thread.
class SampleRing
{
public:
    explicit SampleRing(qsizetype capacity = 3600);

    qsizetype capacity() const { return qsizetype(m_times.size()); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    void clear();

    // Timestamps must not go backwards: an older point is refused (false) so the window stays
    // sorted and range lookups stay binary searches. NaN is stored; decimation skips it.
    bool append(qint64 timestampMs, double value);

    TimedValue at(qsizetype i) const; // 0 is the oldest; i must be in [0, size())
    TimedValue first() const { return at(0); }
    TimedValue last() const { return at(m_size - 1); }

    // Points with fromMs <= t <= toMs, reduced to at most a min and a max per pixel column (in
    // time order within the column), so the tallest spike and the deepest dip always survive.
    // When the range holds no more than 2 * columns points, they come back unchanged.
    // x is the timestamp in ms, y the value.
    QList<QPointF> minMaxDecimated(qint64 fromMs, qint64 toMs, int columns) const;
    // The highest value with fromMs <= t <= toMs, NaN when there is none (NaN points are skipped).
    double maxBetween(qint64 fromMs, qint64 toMs) const;

private:
    qsizetype physical(qsizetype i) const;
    qsizetype lowerBound(qint64 t) const; // first logical index with time >= t
    qsizetype upperBound(qint64 t) const; // first logical index with time > t

    std::vector<qint64> m_times;
    std::vector<double> m_values;
    qsizetype m_head = 0; // physical index of the oldest point
    qsizetype m_size = 0;
};

// Per-second rate of a monotonic counter (bytes sent, CPU seconds), fed one scrape at a time.
// A counter that goes down was reset (the process restarted): the new value is what it counted
// since, as Prometheus' rate() assumes. No rate comes out for the first sample, after a gap longer
// than maxGapMs, or for a NaN: a gap stays a gap instead of turning into a zero or a spike.
class CounterRate
{
public:
    explicit CounterRate(qint64 maxGapMs = 5000);
    std::optional<double> update(qint64 timestampMs, double counter);
    void reset() { m_previous.reset(); }

private:
    qint64 m_maxGapMs;
    std::optional<TimedValue> m_previous;
};

// The same over a whole series (sorted by time): one rate point per pair of usable neighbours,
// stamped with the later sample's time.
QList<TimedValue> counterToRate(const QList<TimedValue> &counter, qint64 maxGapMs);

} // namespace cdeck::telemetry
