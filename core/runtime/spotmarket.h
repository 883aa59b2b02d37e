// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterspec.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cdeck {

// What the controller does about one spot reclaim (the kill and the replacement are its part).
struct SpotReclaimPlan
{
    int interruptionsInWindow = 0;
    bool fallBackNow = false; // this reclaim reached the threshold: record market_fallback, buy on-demand
    Market replacementMarket = Market::Spot; // the market in force after this reclaim
    QJsonObject numbers; // the figures behind it, for the events
};

// A spot cluster's market: which market a new worker is bought on, the interruptions within the fallback
// window and the trailing hour, and the random reclaims of game days. Kept apart from processes so it is
// tested on a fixed clock. Thread contract: none; a plain value object.
class SpotMarket
{
public:
    SpotMarket() = default;
    SpotMarket(Market market, SpotSettings settings);

    // After a runtime restart: the interruptions and the fallback, from the event list.
    void restore(const QList<qint64> &interruptionTimesMs, bool fellBack);
    bool fellBack() const { return m_fallback; }
    Market marketForNewWorker() const;
    // A reclaim at nowMs (cause: "chaos API", "random, 12 per hour"): recorded, and the plan says whether
    // the cluster falls back to on-demand now.
    SpotReclaimPlan reclaim(qint64 nowMs, const QString &cause);
    // Interruptions in the hour up to nowMs: nullopt for a cluster that never had spot capacity and was
    // never interrupted (no rate to chart).
    std::optional<double> interruptionsLastHour(qint64 nowMs) const;
    // Game days: of `spotWorkers` (running, not retiring), the ones reclaimed after `elapsedMs` at the
    // configured rate per worker and hour (a Poisson process each). `uniform` draws from [0, 1).
    QStringList drawReclaims(qint64 elapsedMs, const QStringList &spotWorkers,
                             const std::function<double()> &uniform) const;

    static constexpr qint64 kHourMs = 3600 * 1000;

private:
    Market m_market = Market::OnDemand;
    SpotSettings m_settings;
    QList<qint64> m_inWindowMs; // within the fallback window (older ones are dropped)
    QList<qint64> m_lastHourMs; // the trailing hour's, for the rate series
    bool m_fallback = false;
};

} // namespace cdeck
