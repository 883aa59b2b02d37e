// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace cdeck {

// When a cluster below its requested count starts replacements, as EMR keeps an instance group at its
// requested count. Kept apart from processes so it is tested on a fixed clock.
// - A loss from outside (a fault injected, a spot reclaim) or after a worker ran a while is replaced at once.
// - A worker that dies again soon after it started, or fails its bootstrap, is a quick failure: each one
//   in a row doubles the wait before the next replacement (backoff), and after maxQuickFailures in a row
//   replacement stops (the cap) until the user scales the cluster or changes its policy (reset()).
// - A replacement that registers and then lives quickFailureMs ends the streak.
// Thread contract: none; a plain value object.
class WorkerReplacement
{
public:
    struct Settings
    {
        qint64 firstBackoffMs = 2000;
        qint64 maxBackoffMs = 60000;
        qint64 quickFailureMs = 30000; // a worker that dies within this of its start failed quickly
        int maxQuickFailures = 5;
    };

    struct Loss
    {
        QString executorId;
        QString reason;
        qint64 atMs = 0;
    };

    struct Plan
    {
        int start = 0; // replacements to start now
        QList<Loss> replaces; // the losses they replace, oldest first (as many as known, up to start)
        qint64 waitMs = 0; // > 0: below the count, but backing off for this long
        bool capped = false; // below the count and no longer replacing
        QString summary; // for the cluster's header: "" when at the requested count
    };

    WorkerReplacement() = default;
    explicit WorkerReplacement(Settings settings);

    // An executor lost at nowMs, livedMs after its process started. external: nobody's fault but the
    // caller's (a fault injected, a spot reclaim: not counted against the workers). bootstrapFailed: its
    // bootstrap action failed (a quick failure whatever its age).
    void recordLoss(const QString &executorId, const QString &reason, qint64 nowMs, qint64 livedMs, bool external,
                    bool bootstrapFailed);
    // A loss the caller replaced itself (a spot reclaim starts its own replacement on the right market).
    void forget(const QString &executorId);
    // An executor registered with the engine at nowMs (a replacement that works).
    void recordRegistered(qint64 nowMs);
    // The user set a new count or policy: a fresh start (the streak and the cap are forgotten).
    void reset();
    // What to do with `live` workers (starting or running, not retiring) of `requested` at nowMs. Starting
    // replacements is taken as done (call it once per decision).
    Plan plan(qint64 nowMs, int requested, int live);

    int quickFailuresInARow() const { return m_streak; }

private:
    qint64 backoffMs() const;

    Settings m_settings;
    QList<Loss> m_unreplaced; // losses no replacement has answered yet
    int m_streak = 0;
    qint64 m_lastLossMs = -1;
    qint64 m_registeredAfterLossMs = -1;
};

} // namespace cdeck
