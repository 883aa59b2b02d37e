// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "faulttarget.h"

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

bool live(const FaultCandidate &c)
{
    return !isGone(c.executor.status) && !c.retireRequested && c.executor.pid > 0;
}

int load(const Executor &x)
{
    return x.tasksExecuting + x.tasksReady + x.tasksInMemory;
}

} // namespace

FaultTarget chooseFaultTarget(const QList<FaultCandidate> &executors, const QString &requested, FaultScope scope,
                              const QString &clusterId)
{
    FaultTarget t;
    if (!requested.isEmpty()) {
        const auto it = std::find_if(executors.cbegin(), executors.cend(),
                                     [&requested](const FaultCandidate &c) { return c.executor.id == requested; });
        if (it == executors.cend()) {
            t.notFound = true;
            t.refusal = u"no executor %1 on cluster %2"_s.arg(requested, clusterId);
            return t;
        }
        if (scope == FaultScope::SpotOnly && it->executor.market != Market::Spot) {
            t.refusal = u"Executor %1 was bought on-demand: only spot workers are reclaimed"_s.arg(requested);
            return t;
        }
        if (!live(*it)) {
            t.refusal = u"Executor %1 is %2: only a live executor that is not retiring can be hit"_s.arg(
                requested, toString(it->executor.status));
            return t;
        }
        t.executorId = requested;
        return t;
    }
    const FaultCandidate *best = nullptr;
    for (const FaultCandidate &c : executors) {
        if (!live(c) || (scope == FaultScope::SpotOnly && c.executor.market != Market::Spot))
            continue;
        if (!best || load(c.executor) > load(best->executor))
            best = &c;
    }
    if (!best) {
        t.refusal = scope == FaultScope::SpotOnly ? u"Cluster %1 has no live spot worker"_s.arg(clusterId)
                                                  : u"Cluster %1 has no live executor to hit"_s.arg(clusterId);
        return t;
    }
    t.executorId = best->executor.id;
    return t;
}

} // namespace cdeck
