// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/executor.h"

#include <QList>
#include <QString>

namespace cdeck {

// Which executor a fault (a kill, a stall, a spot reclaim) hits, chosen from the executors' records alone.
struct FaultTarget
{
    QString executorId; // "" when refused
    QString refusal; // why not ("" when chosen)
    bool notFound = false; // the named executor does not exist (a 404 rather than a 409)
};

struct FaultCandidate
{
    Executor executor;
    bool retireRequested = false;
};

enum class FaultScope {
    AnyLive, // kill, stall: any live executor that is not retiring
    SpotOnly, // a spot reclaim: only workers bought on the spot market
};

// The named executor (requested non-empty) if it may be hit, else the eligible one with the most work in
// flight (executing + ready + in memory; the first on a tie): a fault tests what the cluster does with
// lost work, and a reclaim does not wait for a quiet moment.
FaultTarget chooseFaultTarget(const QList<FaultCandidate> &executors, const QString &requested, FaultScope scope,
                              const QString &clusterId);

} // namespace cdeck
