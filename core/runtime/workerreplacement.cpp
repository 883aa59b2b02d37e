// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "workerreplacement.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

WorkerReplacement::WorkerReplacement(Settings settings)
    : m_settings(settings)
{
}

void WorkerReplacement::recordLoss(const QString &executorId, const QString &reason, qint64 nowMs, qint64 livedMs,
                                   bool external, bool bootstrapFailed)
{
    m_unreplaced.append({executorId, reason, nowMs});
    const bool quick = bootstrapFailed || (!external && livedMs < m_settings.quickFailureMs);
    if (quick) {
        ++m_streak;
        m_lastLossMs = nowMs;
        m_registeredAfterLossMs = -1;
    } else if (!external) {
        m_streak = 0; // it ran a while: an ordinary loss, replaced at once
    }
}

void WorkerReplacement::forget(const QString &executorId)
{
    m_unreplaced.removeIf([&executorId](const Loss &l) { return l.executorId == executorId; });
}

void WorkerReplacement::recordRegistered(qint64 nowMs)
{
    if (m_streak > 0 && m_registeredAfterLossMs < 0 && nowMs >= m_lastLossMs)
        m_registeredAfterLossMs = nowMs;
}

void WorkerReplacement::reset()
{
    m_streak = 0;
    m_lastLossMs = -1;
    m_registeredAfterLossMs = -1;
}

qint64 WorkerReplacement::backoffMs() const
{
    if (m_streak <= 0)
        return 0;
    qint64 wait = m_settings.firstBackoffMs;
    for (int n = 1; n < m_streak && wait < m_settings.maxBackoffMs; ++n)
        wait *= 2;
    return std::min(wait, m_settings.maxBackoffMs);
}

WorkerReplacement::Plan WorkerReplacement::plan(qint64 nowMs, int requested, int live)
{
    Plan p;
    // A replacement that registered and outlived the quick-failure time ends the streak.
    if (m_streak > 0 && m_registeredAfterLossMs >= 0 && nowMs - m_registeredAfterLossMs >= m_settings.quickFailureMs)
        reset();
    const int missing = requested - live;
    if (missing <= 0) {
        // At the count (a scale-in or a spot replacement answered the losses): nothing waits for a replacement.
        m_unreplaced.clear();
        return p;
    }
    if (m_streak >= m_settings.maxQuickFailures) {
        p.capped = true;
        p.summary = u"%1 of %2 workers: not replacing after %3 workers in a row died within %4 s of starting or "
                    "failed their bootstrap (scale the cluster to try again)"_s.arg(live)
                        .arg(requested)
                        .arg(m_streak)
                        .arg(m_settings.quickFailureMs / 1000);
        return p;
    }
    const qint64 readyAt = m_lastLossMs < 0 ? nowMs : m_lastLossMs + backoffMs();
    if (nowMs < readyAt) {
        p.waitMs = readyAt - nowMs;
        p.summary = u"%1 of %2 workers: replacing in %3 s (%4 quick failure(s) in a row)"_s.arg(live)
                        .arg(requested)
                        .arg((p.waitMs + 999) / 1000)
                        .arg(m_streak);
        return p;
    }
    p.start = missing;
    for (int n = 0; n < missing && !m_unreplaced.isEmpty(); ++n)
        p.replaces.append(m_unreplaced.takeFirst());
    p.summary = u"%1 of %2 workers: starting %3 replacement(s)"_s.arg(live).arg(requested).arg(missing);
    return p;
}

} // namespace cdeck
