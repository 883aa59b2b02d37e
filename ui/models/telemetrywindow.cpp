// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "telemetrywindow.h"

#include <QCollator>
#include <QDateTime>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
const QString kManaged = u"memory_managed_bytes"_s;
const QString kUnmanaged = u"memory_unmanaged_bytes"_s;
const QString kSpilled = u"memory_spilled_bytes"_s;
const QString kLimit = u"memory_limit_bytes"_s;
const QString kInTotal = u"bytes_in_total"_s;
const QString kOutTotal = u"bytes_out_total"_s;
const QString kTasksExecuting = u"tasks_executing"_s;

// Steps that give about kBuckets buckets per range and divide a minute or an hour evenly.
qint64 stepFor(qint64 spanMs)
{
    static const qint64 steps[] = {1000, 2000, 5000, 10'000, 15'000, 30'000, 60'000, 120'000, 240'000, 300'000,
                                   600'000, 900'000, 1'800'000, 3'600'000, 7'200'000, 21'600'000, 86'400'000};
    for (qint64 s : steps)
        if (spanMs / s <= TelemetryWindow::kBuckets)
            return s;
    return 86'400'000;
}

void setLatestField(ExecutorLatest &l, const QString &name, double value)
{
    if (name == kManaged)
        l.managed = value;
    else if (name == kUnmanaged)
        l.unmanaged = value;
    else if (name == kSpilled)
        l.spilled = value;
    else if (name == kLimit)
        l.limit = value;
    else if (name == TelemetryWindow::kBytesIn)
        l.inRate = value;
    else if (name == TelemetryWindow::kBytesOut)
        l.outRate = value;
    else if (name == kInTotal)
        l.inTotal = value;
    else if (name == kOutTotal)
        l.outTotal = value;
    else if (name == kTasksExecuting)
        l.tasksExecuting = value;
}
} // namespace

TelemetryWindow::TelemetryWindow(QObject *parent)
    : QObject(parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

QStringList TelemetryWindow::requestedSeries()
{
    return {kManaged, kUnmanaged, kSpilled, kLimit, kBytesIn, kBytesOut, kInTotal, kOutTotal, kTasksExecuting};
}

qint64 TelemetryWindow::spanOf(Range range)
{
    switch (range) {
    case Range::OneMinute:
        return 60'000;
    case Range::FiveMinutes:
        return 5 * 60'000;
    case Range::OneHour:
        return 3'600'000;
    case Range::OneDay:
        return 24 * 3'600'000LL;
    case Range::SevenDays:
        return 7 * 24 * 3'600'000LL;
    case Range::Custom:
        break;
    }
    return 0;
}

QString TelemetryWindow::rangeName(Range range)
{
    switch (range) {
    case Range::OneMinute:
        return tr("Last minute");
    case Range::FiveMinutes:
        return tr("Last 5 minutes");
    case Range::OneHour:
        return tr("Last hour");
    case Range::OneDay:
        return tr("Last 24 hours");
    case Range::SevenDays:
        return tr("Last 7 days");
    case Range::Custom:
        break;
    }
    return tr("Custom…");
}

void TelemetryWindow::clear()
{
    m_tracks.clear();
    m_sortedExecutors.clear();
    m_executorsDirty = false;
    m_lastSampleMs = 0;
    m_hasData = false;
    ++m_ticket;
}

void TelemetryWindow::setCluster(const QString &clusterId)
{
    m_clusterId = clusterId;
    clear();
    m_link = MetricsLink::Idle;
    m_linkMessage.clear();
    Q_EMIT requestChanged();
    Q_EMIT dataChanged();
    Q_EMIT linkChanged();
}

void TelemetryWindow::setRange(Range range, qint64 customFromMs, qint64 customToMs)
{
    m_range = range;
    if (range == Range::Custom) {
        m_customFromMs = std::min(customFromMs, customToMs);
        m_customToMs = std::max(customFromMs, customToMs);
        m_stepMs = stepFor(std::max<qint64>(m_customToMs - m_customFromMs, 1000));
    } else {
        m_stepMs = stepFor(spanOf(range));
    }
    clear();
    Q_EMIT requestChanged();
    Q_EMIT dataChanged();
}

MetricsWindowRequest TelemetryWindow::request() const
{
    MetricsWindowRequest r;
    r.clusterId = m_clusterId;
    r.ticket = m_ticket;
    r.stepMs = m_stepMs;
    r.series = requestedSeries();
    if (isLive()) {
        r.fromMs = m_now() - spanOf(m_range);
        r.toMs = 0;
    } else {
        r.fromMs = m_customFromMs;
        r.toMs = m_customToMs;
    }
    return r;
}

std::pair<qint64, qint64> TelemetryWindow::visibleSpan() const
{
    if (!isLive())
        return {m_customFromMs, m_customToMs};
    // The right edge follows the clock so a stalled stream shows as an empty stretch, not a frozen chart.
    const qint64 to = std::max(m_now(), m_lastSampleMs);
    return {to - spanOf(m_range), to};
}

TelemetryWindow::Track &TelemetryWindow::trackFor(const QString &executor, qint64 atMs)
{
    std::shared_ptr<Track> &t = m_tracks[executor];
    if (!t) {
        t = std::make_shared<Track>();
        if (!executor.isEmpty())
            m_executorsDirty = true;
    }
    t->latest.lastSeenMs = std::max(t->latest.lastSeenMs, atMs);
    return *t;
}

std::unique_ptr<telemetry::BucketedSeries> &TelemetryWindow::slotFor(Track &track, const QString &name)
{
    if (name == kBytesIn)
        return track.in;
    if (name == kBytesOut)
        return track.out;
    return track.used;
}

telemetry::BucketedSeries &TelemetryWindow::seriesIn(std::unique_ptr<telemetry::BucketedSeries> &slot)
{
    if (!slot)
        slot = std::make_unique<telemetry::BucketedSeries>(m_stepMs, kBuckets + 2);
    return *slot;
}

const telemetry::BucketedSeries *TelemetryWindow::series(const QString &name, const QString &executor) const
{
    const auto it = m_tracks.constFind(executor);
    if (it == m_tracks.constEnd())
        return nullptr;
    const Track &t = **it;
    if (name == kBytesIn)
        return t.in.get();
    if (name == kBytesOut)
        return t.out.get();
    if (name == kMemoryUsed)
        return t.used.get();
    return nullptr;
}

void TelemetryWindow::applyHistory(quint64 ticket, const QList<MetricSeriesData> &list)
{
    if (ticket != m_ticket)
        return;
    QHash<QString, const MetricSeriesData *> unmanagedOf;
    for (const MetricSeriesData &s : list)
        if (s.name == kUnmanaged)
            unmanagedOf.insert(s.executor, &s);
    for (const MetricSeriesData &s : list) {
        if (s.points.isEmpty())
            continue;
        m_hasData = true;
        const MetricBucket &last = s.points.last();
        Track &track = trackFor(s.executor, last.timestampMs);
        m_lastSampleMs = std::max(m_lastSampleMs, last.timestampMs);
        setLatestField(track.latest, s.name, last.mean);
        if (s.name == kBytesIn || s.name == kBytesOut) {
            telemetry::BucketedSeries &target = seriesIn(slotFor(track, s.name));
            for (const MetricBucket &b : s.points)
                target.addBucket(b.timestampMs, b.min, b.max);
        } else if (s.name == kManaged) {
            const MetricSeriesData *unmanaged = unmanagedOf.value(s.executor);
            if (!unmanaged)
                continue;
            // Both come from one scrape, so their buckets line up; a bucket missing from either is a gap.
            telemetry::BucketedSeries &target = seriesIn(track.used);
            qsizetype j = 0;
            for (const MetricBucket &b : s.points) {
                while (j < unmanaged->points.size() && unmanaged->points[j].timestampMs < b.timestampMs)
                    ++j;
                if (j < unmanaged->points.size() && unmanaged->points[j].timestampMs == b.timestampMs)
                    target.addBucket(b.timestampMs, b.min + unmanaged->points[j].min, b.max + unmanaged->points[j].max);
            }
        }
    }
    Q_EMIT dataChanged();
}

void TelemetryWindow::applyBatch(quint64 ticket, const MetricBatch &batch)
{
    if (ticket != m_ticket)
        return;
    if (!isLive() || batch.samples.isEmpty())
        return;
    m_hasData = true;
    m_lastSampleMs = std::max(m_lastSampleMs, batch.timestampMs);
    const qint64 t = batch.timestampMs;
    // The runtime sends an executor's samples together: look its track up once per run of samples.
    const QString *current = nullptr;
    Track *track = nullptr;
    for (const MetricSample &s : batch.samples) {
        if (!current || s.executor != *current) {
            current = &s.executor;
            track = &trackFor(s.executor, t);
        }
        ExecutorLatest &l = track->latest;
        setLatestField(l, s.name, s.value);
        if (s.name == kBytesIn || s.name == kBytesOut) {
            seriesIn(slotFor(*track, s.name)).addSample(t, s.value);
        } else if (s.name == kManaged || s.name == kUnmanaged) {
            // A batch is one second of one scrape: both parts are in it, or the executor was not scraped.
            // The sum goes in once, when the second part arrives.
            if (track->partsAtMs == t) {
                seriesIn(track->used).addSample(t, l.managed + l.unmanaged);
                track->partsAtMs = -1;
            } else {
                track->partsAtMs = t;
            }
        }
    }
    Q_EMIT dataChanged();
}

void TelemetryWindow::setLink(quint64 ticket, MetricsLink link, const QString &message)
{
    if (ticket != m_ticket)
        return;
    if (link == m_link && message == m_linkMessage)
        return;
    if (link != m_link)
        m_linkChangedAtMs = m_now();
    m_link = link;
    m_linkMessage = message;
    Q_EMIT linkChanged();
}

QStringList TelemetryWindow::executors() const
{
    if (m_executorsDirty) {
        m_sortedExecutors.clear();
        for (auto it = m_tracks.cbegin(); it != m_tracks.cend(); ++it)
            if (!it.key().isEmpty())
                m_sortedExecutors.append(it.key());
        QCollator collator;
        collator.setNumericMode(true);
        std::sort(m_sortedExecutors.begin(), m_sortedExecutors.end(),
                  [&collator](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
        m_executorsDirty = false;
    }
    return m_sortedExecutors;
}

ExecutorLatest TelemetryWindow::latest(const QString &executor) const
{
    const auto it = m_tracks.constFind(executor);
    return it == m_tracks.constEnd() ? ExecutorLatest{} : (*it)->latest;
}

bool TelemetryWindow::isStale(const QString &executor) const
{
    const auto it = m_tracks.constFind(executor);
    if (it == m_tracks.constEnd())
        return false;
    return m_lastSampleMs - (*it)->latest.lastSeenMs > kStaleAfterMs;
}

QStringList TelemetryWindow::topExecutors(const QString &name, int n) const
{
    const auto [from, to] = visibleSpan();
    struct Ranked
    {
        double peak;
        qsizetype order;
    };
    const QStringList all = executors();
    QList<Ranked> ranked;
    ranked.reserve(all.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        const telemetry::BucketedSeries *s = series(name, all[i]);
        const double p = s ? s->peak(from, to) : std::nan("");
        if (!std::isnan(p))
            ranked.append({p, i});
    }
    const qsizetype keep = std::min<qsizetype>(n, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(), [](const Ranked &a, const Ranked &b) {
        return a.peak != b.peak ? a.peak > b.peak : a.order < b.order;
    });
    QStringList top;
    for (qsizetype i = 0; i < keep; ++i)
        top.append(all[ranked[i].order]);
    return top;
}

} // namespace cdeck
