// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "scalingdecider.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

ScalingDecider::ScalingDecider(ScalingPolicy policy)
    : m_policy(std::move(policy))
{
}

void ScalingDecider::setPolicy(const ScalingPolicy &policy)
{
    m_policy = policy;
    m_lastRefusal.clear(); // a new policy can be refused anew
}

void ScalingDecider::restoreHistory(std::optional<qint64> lastScaleOutMs, std::optional<qint64> lastScaleInMs)
{
    m_lastOutMs = lastScaleOutMs;
    m_lastInMs = lastScaleInMs;
}

std::optional<int> ScalingDecider::desiredWorkers(const ScalingSample &s, QJsonObject *metrics) const
{
    metrics->insert(u"signal"_s, toString(m_policy.signal));
    metrics->insert(u"workers"_s, s.workers);
    metrics->insert(u"idleWorkers"_s, s.idleWorkers);
    metrics->insert(u"pendingTasks"_s, s.pendingTasks);
    metrics->insert(u"threads"_s, s.threads);
    if (s.adaptiveTarget >= 0)
        metrics->insert(u"adaptiveTarget"_s, s.adaptiveTarget);
    const double memoryFraction = s.memoryLimitBytes > 0 ? double(s.memoryBytes) / double(s.memoryLimitBytes) : 0.0;
    metrics->insert(u"memoryFraction"_s, std::round(memoryFraction * 1000) / 1000);
    const double threadsPerWorker = s.workers > 0 && s.threads > 0 ? double(s.threads) / s.workers : 1.0;
    switch (m_policy.signal) {
    case ScalingSignal::AdaptiveTarget:
        if (s.adaptiveTarget < 0)
            return std::nullopt;
        return s.adaptiveTarget;
    case ScalingSignal::PendingTasks: {
        if (s.threads <= 0)
            return std::nullopt;
        const double perThread = double(s.pendingTasks) / s.threads;
        metrics->insert(u"pendingPerThread"_s, std::round(perThread * 100) / 100);
        if (perThread <= kPendingOutPerThread && perThread >= kPendingInPerThread)
            return s.workers; // the dead band
        return int(std::ceil(s.pendingTasks / (threadsPerWorker * kPendingTargetPerThread)));
    }
    case ScalingSignal::MemoryPressure: {
        if (s.memoryLimitBytes <= 0 || s.workers <= 0)
            return std::nullopt;
        if (memoryFraction <= kMemoryOut && memoryFraction >= kMemoryIn)
            return s.workers;
        const double limitPerWorker = double(s.memoryLimitBytes) / s.workers;
        return int(std::ceil(double(s.memoryBytes) / (limitPerWorker * kMemoryTarget)));
    }
    }
    return std::nullopt;
}

ScalingDecision ScalingDecider::refuse(ScalingDecision d, const QString &key, const QString &reason)
{
    d.kind = ScalingDecision::Kind::Refused;
    d.reason = reason;
    d.record = key != m_lastRefusal;
    m_lastRefusal = key;
    return d;
}

ScalingDecision ScalingDecider::decide(const ScalingSample &s)
{
    ScalingDecision d;
    d.from = d.to = s.workers;
    if (!m_policy.managed())
        return d;
    const int lo = m_policy.minWorkers;
    const int hi = m_policy.maxWorkers;
    const int step = std::max(1, m_policy.maxStep);
    const auto wish = desiredWorkers(s, &d.metrics);
    d.desired = wish.value_or(s.workers);
    d.metrics.insert(u"desired"_s, d.desired);
    d.metrics.insert(u"minWorkers"_s, lo);
    d.metrics.insert(u"maxWorkers"_s, hi);

    // Outside the bounds (the policy changed): come back inside, whatever the signal says, no cooldown.
    if (s.workers < lo || s.workers > hi) {
        m_lowSinceMs.reset();
        d.boundCorrection = true;
        d.record = true;
        m_lastRefusal.clear();
        if (s.workers < lo) {
            d.kind = ScalingDecision::Kind::ScaleOut;
            d.to = std::min(lo, s.workers + step);
            d.reason = u"Below the minimum of %1 workers"_s.arg(lo);
            m_lastOutMs = s.timeMs;
        } else {
            d.kind = ScalingDecision::Kind::ScaleIn;
            d.to = std::max(hi, s.workers - step);
            d.reason = u"Above the maximum of %1 workers"_s.arg(hi);
            m_lastInMs = s.timeMs;
        }
        return d;
    }
    if (!wish) {
        d.reason = u"No %1 signal yet"_s.arg(toString(m_policy.signal));
        return d;
    }
    const int wanted = *wish;

    if (wanted > s.workers) {
        m_lowSinceMs.reset();
        if (s.workers >= hi)
            return refuse(d, u"max"_s,
                          u"The %1 signal asks for %2 workers; the maximum is %3"_s.arg(toString(m_policy.signal))
                              .arg(wanted)
                              .arg(hi));
        d.to = std::min({wanted, hi, s.workers + step});
        if (m_lastOutMs) {
            const qint64 left = *m_lastOutMs + qint64(m_policy.scaleOutCooldownSeconds) * 1000 - s.timeMs;
            if (left > 0) {
                d.metrics.insert(u"cooldownLeftS"_s, std::ceil(left / 100.0) / 10);
                return refuse(d, u"out-cooldown"_s,
                              u"The %1 signal asks for %2 workers; scale-out cooldown (%3 s) has %4 s left"_s
                                  .arg(toString(m_policy.signal))
                                  .arg(wanted)
                                  .arg(m_policy.scaleOutCooldownSeconds)
                                  .arg(std::ceil(left / 1000.0)));
            }
        }
        d.kind = ScalingDecision::Kind::ScaleOut;
        d.record = true;
        d.reason = u"The %1 signal asks for %2 workers"_s.arg(toString(m_policy.signal)).arg(wanted);
        if (d.to < wanted)
            d.reason += d.to == hi ? u" (the maximum is %1)"_s.arg(hi) : u" (largest step %1)"_s.arg(step);
        m_lastOutMs = s.timeMs;
        m_lastRefusal.clear();
        return d;
    }

    if (wanted < s.workers) {
        if (s.workers <= lo) {
            m_lowSinceMs.reset();
            return refuse(d, u"min"_s,
                          u"The %1 signal asks for %2 workers; the minimum is %3"_s.arg(toString(m_policy.signal))
                              .arg(wanted)
                              .arg(lo));
        }
        // Stabilization: act only on a wish that has held for the window, and on the highest count
        // asked for during it (a dip in the signal does not retire workers the next second needs).
        if (!m_lowSinceMs) {
            m_lowSinceMs = s.timeMs;
            m_highestLowWish = wanted;
        } else {
            m_highestLowWish = std::max(m_highestLowWish, wanted);
        }
        const qint64 held = s.timeMs - *m_lowSinceMs;
        d.metrics.insert(u"lowForS"_s, held / 1000.0);
        if (held < qint64(m_policy.stabilizationSeconds) * 1000)
            return d; // Hold: not yet a decision, so no event
        const int target = std::max({m_highestLowWish, lo, s.workers - step});
        d.metrics.insert(u"stabilizedWish"_s, m_highestLowWish);
        if (target >= s.workers)
            return d;
        if (m_lastInMs) {
            const qint64 left = *m_lastInMs + qint64(m_policy.scaleInCooldownSeconds) * 1000 - s.timeMs;
            if (left > 0) {
                d.to = target;
                d.metrics.insert(u"cooldownLeftS"_s, std::ceil(left / 100.0) / 10);
                return refuse(d, u"in-cooldown"_s,
                              u"The %1 signal asks for %2 workers; scale-in cooldown (%3 s) has %4 s left"_s
                                  .arg(toString(m_policy.signal))
                                  .arg(m_highestLowWish)
                                  .arg(m_policy.scaleInCooldownSeconds)
                                  .arg(std::ceil(left / 1000.0)));
            }
        }
        // Only workers with no task go: a busy worker stays until it is idle.
        const int retirable = std::min(s.idleWorkers, s.workers - target);
        if (retirable <= 0) {
            d.to = target;
            return refuse(d, u"no-idle"_s,
                          u"The %1 signal asks for %2 workers, but no worker is idle"_s.arg(toString(m_policy.signal))
                              .arg(m_highestLowWish));
        }
        d.kind = ScalingDecision::Kind::ScaleIn;
        d.to = s.workers - retirable;
        d.record = true;
        d.reason = u"The %1 signal has asked for %2 workers for %3 s"_s.arg(toString(m_policy.signal))
                       .arg(m_highestLowWish)
                       .arg(held / 1000);
        if (d.to > m_highestLowWish)
            d.reason += d.to == lo ? u" (the minimum is %1)"_s.arg(lo)
                        : retirable < s.workers - target ? u" (%1 idle)"_s.arg(s.idleWorkers)
                                                         : u" (largest step %1)"_s.arg(step);
        m_lastInMs = s.timeMs;
        m_lowSinceMs.reset();
        m_lastRefusal.clear();
        return d;
    }
    // Steady: what the signal asks for is what there is.
    m_lowSinceMs.reset();
    m_lastRefusal.clear();
    return d;
}

} // namespace cdeck
