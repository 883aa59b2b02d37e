// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "spotmarket.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

SpotMarket::SpotMarket(Market market, SpotSettings settings)
    : m_market(market)
    , m_settings(settings)
{
}

void SpotMarket::restore(const QList<qint64> &interruptionTimesMs, bool fellBack)
{
    // The window is trimmed at the next reclaim, the hour when the rate is read.
    m_inWindowMs = interruptionTimesMs;
    m_lastHourMs = interruptionTimesMs;
    m_fallback = fellBack;
}

Market SpotMarket::marketForNewWorker() const
{
    return m_market == Market::Spot && !m_fallback ? Market::Spot : Market::OnDemand;
}

SpotReclaimPlan SpotMarket::reclaim(qint64 nowMs, const QString &cause)
{
    const qint64 windowMs = qint64(m_settings.fallbackWindowSeconds) * 1000;
    m_inWindowMs.append(nowMs);
    m_inWindowMs.removeIf([nowMs, windowMs](qint64 at) { return at < nowMs - windowMs; });
    m_lastHourMs.append(nowMs);
    m_lastHourMs.removeIf([nowMs](qint64 at) { return at < nowMs - kHourMs; });
    SpotReclaimPlan plan;
    plan.interruptionsInWindow = int(m_inWindowMs.size());
    plan.numbers = QJsonObject{{u"cause"_s, cause},
                               {u"interruptionsInWindow"_s, plan.interruptionsInWindow},
                               {u"windowSeconds"_s, m_settings.fallbackWindowSeconds},
                               {u"fallbackAfter"_s, m_settings.fallbackAfter},
                               {u"interruptionsPerHour"_s, m_settings.interruptionsPerHour}};
    if (!m_fallback && plan.interruptionsInWindow >= m_settings.fallbackAfter) {
        m_fallback = true;
        plan.fallBackNow = true;
    }
    plan.replacementMarket = marketForNewWorker();
    return plan;
}

std::optional<double> SpotMarket::interruptionsLastHour(qint64 nowMs) const
{
    if (m_market != Market::Spot && m_lastHourMs.isEmpty())
        return std::nullopt;
    return double(std::count_if(m_lastHourMs.cbegin(), m_lastHourMs.cend(),
                                [nowMs](qint64 at) { return at > nowMs - kHourMs && at <= nowMs; }));
}

QStringList SpotMarket::drawReclaims(qint64 elapsedMs, const QStringList &spotWorkers,
                                     const std::function<double()> &uniform) const
{
    QStringList hit;
    if (m_market != Market::Spot || m_settings.interruptionsPerHour <= 0 || elapsedMs <= 0)
        return hit;
    const double p = 1.0 - std::exp(-m_settings.interruptionsPerHour * double(elapsedMs) / 3.6e6);
    for (const QString &id : spotWorkers)
        if (uniform() < p)
            hit.append(id);
    return hit;
}

} // namespace cdeck
