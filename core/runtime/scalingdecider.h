// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/scalingpolicy.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cdeck {

// What the engine reported at one moment, as far as scaling cares.
struct ScalingSample
{
    qint64 timeMs = 0;
    int workers = 0; // live workers (registered or starting, not retiring)
    int idleWorkers = 0; // of those, the ones with no task at all: the only ones a scale-in may retire
    int threads = 0; // worker threads in total
    int adaptiveTarget = -1; // the scheduler's own adaptive_target(); -1 when unknown
    int pendingTasks = 0; // runnable backlog: processing on workers + queued + no worker
    qint64 memoryBytes = 0; // the workers' resident memory
    qint64 memoryLimitBytes = 0;
};

struct ScalingDecision
{
    enum class Kind { Hold, ScaleOut, ScaleIn, Refused };
    Kind kind = Kind::Hold;
    int from = 0;
    int to = 0; // for a refusal: what the signal asked for, within the bounds
    int desired = 0; // what the signal asked for before bounds, steps and idleness
    QString reason;
    QJsonObject metrics; // the values behind it, for the event
    bool record = false; // worth an event (a refusal is recorded once per episode, not once per poll)
    bool boundCorrection = false; // the workers lie outside a changed policy's bounds: no idleness rule
};

// The managed-scaling decision, kept apart from processes and the network so it can be tested on
// recorded metric histories. Feed it one sample per poll; it keeps what it needs between calls:
// - cooldowns count from the previous action in the same direction; the first action is not delayed;
// - bounds: never below minWorkers, never above maxWorkers; one action moves at most maxStep workers;
// - hysteresis: threshold signals have a dead band (pending tasks per thread: out above 2, in below 0.5;
//   memory: out above 75% of the limit, in below 30%), and a scale-in must hold for the stabilization
//   window, going to the highest count asked for during it, so a steady signal causes no flapping;
// - scale-in retires idle workers only.
// Thread contract: none; a plain value object.
class ScalingDecider
{
public:
    explicit ScalingDecider(ScalingPolicy policy = {});

    void setPolicy(const ScalingPolicy &policy); // keeps the cooldown history
    const ScalingPolicy &policy() const { return m_policy; }
    // After a runtime restart: the times of the last actions, from the event list.
    void restoreHistory(std::optional<qint64> lastScaleOutMs, std::optional<qint64> lastScaleInMs);
    // Decides, and takes a ScaleOut/ScaleIn as done at sample.timeMs (its cooldown starts).
    ScalingDecision decide(const ScalingSample &sample);

    static constexpr double kPendingOutPerThread = 2.0;
    static constexpr double kPendingInPerThread = 0.5;
    static constexpr double kPendingTargetPerThread = 1.0;
    static constexpr double kMemoryOut = 0.75;
    static constexpr double kMemoryIn = 0.30;
    static constexpr double kMemoryTarget = 0.6;

private:
    // The signal's wish (before bounds): nullopt when the signal is unknown; holds inside the dead band.
    std::optional<int> desiredWorkers(const ScalingSample &s, QJsonObject *metrics) const;
    ScalingDecision refuse(ScalingDecision d, const QString &key, const QString &reason);

    ScalingPolicy m_policy;
    std::optional<qint64> m_lastOutMs;
    std::optional<qint64> m_lastInMs;
    std::optional<qint64> m_lowSinceMs; // since when the signal has asked for fewer workers
    int m_highestLowWish = 0; // the highest count asked for since then
    QString m_lastRefusal; // the refusal episode already recorded
};

} // namespace cdeck
