// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "faultinjector.h"

#include "core/runtime/opslog.h"
#include "core/runtime/faulttarget.h"

#include <QRandomGenerator>
#include <QTimer>

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

QList<FaultCandidate> candidatesOf(const QList<StoredExecutor> &executors)
{
    QList<FaultCandidate> candidates;
    for (const StoredExecutor &e : executors)
        candidates.append({e.executor, e.retireRequested});
    return candidates;
}

const StoredExecutor *find(const QList<StoredExecutor> &executors, const QString &id)
{
    for (const StoredExecutor &e : executors)
        if (e.executor.id == id)
            return &e;
    return nullptr;
}

} // namespace

FaultInjector::FaultInjector(QString clusterId, Market market, SpotSettings spot, engine::Host &host, QObject *parent)
    : QObject(parent)
    , m_clusterId(std::move(clusterId))
    , m_market(market)
    , m_settings(spot)
    , m_host(host)
    , m_spot(market, spot)
{
}

QString FaultInjector::pick(const QList<StoredExecutor> &executors, ClusterState state, QString *executorId,
                            bool *notFound) const
{
    if (!isActive(state))
        return u"Cluster %1 is %2: faults are injected into WAITING or RUNNING clusters"_s.arg(m_clusterId,
                                                                                               toString(state));
    const FaultTarget chosen
        = chooseFaultTarget(candidatesOf(executors), *executorId, FaultScope::AnyLive, m_clusterId);
    if (!chosen.refusal.isEmpty()) {
        if (notFound && chosen.notFound)
            *notFound = true;
        return chosen.refusal;
    }
    *executorId = chosen.executorId;
    return {};
}

QString FaultInjector::kill(const QList<StoredExecutor> &executors, ClusterState state, QString *executorId,
                            const QString &reason, bool *notFound)
{
    const QString refused = pick(executors, state, executorId, notFound);
    if (!refused.isEmpty())
        return refused;
    const Executor &x = find(executors, *executorId)->executor;
    const qint64 pgid = x.pid;
    m_stalledGroups.remove(pgid); // a kill ends a stopped process too
    if (!m_host.signal({pgid}, engine::ProcessSignal::Kill))
        opsLog()->warn("cluster {}: kill {}: process group {} was already gone", m_clusterId.toStdString(),
                       x.id.toStdString(), pgid);
    opsLog()->warn("cluster {}: executor {} killed (SIGKILL to process group {}): {}", m_clusterId.toStdString(),
                   x.id.toStdString(), pgid, reason.toStdString());
    return {};
}

QString FaultInjector::stall(const QList<StoredExecutor> &executors, ClusterState state, QString *executorId,
                             int seconds, bool *notFound)
{
    if (seconds < 1 || seconds > kMaxStallSeconds)
        return u"seconds: must be between 1 and %1"_s.arg(kMaxStallSeconds);
    const QString refused = pick(executors, state, executorId, notFound);
    if (!refused.isEmpty())
        return refused;
    const qint64 pgid = find(executors, *executorId)->executor.pid;
    if (m_stalledGroups.contains(pgid))
        return u"Executor %1 is already stalled"_s.arg(*executorId);
    if (!m_host.signal({pgid}, engine::ProcessSignal::Stop))
        return u"Executor %1's process group %2 is gone"_s.arg(*executorId).arg(pgid);
    m_stalledGroups.insert(pgid);
    opsLog()->warn("cluster {}: executor {} stalled for {} s (SIGSTOP to process group {})", m_clusterId.toStdString(),
                   executorId->toStdString(), seconds, pgid);
    const QString id = *executorId;
    QTimer::singleShot(seconds * 1000, this, [this, pgid, id] {
        // Only a group we stopped and still stands stopped: after a kill the pid may belong to someone else.
        if (!m_stalledGroups.remove(pgid))
            return;
        m_host.signal({pgid}, engine::ProcessSignal::Continue);
        opsLog()->info("cluster {}: executor {} resumed (SIGCONT)", m_clusterId.toStdString(), id.toStdString());
    });
    return {};
}

void FaultInjector::resumeStalled()
{
    for (qint64 pgid : std::as_const(m_stalledGroups))
        m_host.signal({pgid}, engine::ProcessSignal::Continue);
    m_stalledGroups.clear();
}

QString FaultInjector::chooseReclaim(const QList<StoredExecutor> &executors, ClusterState state, QString *executorId,
                                     bool *notFound) const
{
    if (m_market != Market::Spot)
        return u"Cluster %1 runs on-demand workers: there is no spot capacity to reclaim"_s.arg(m_clusterId);
    if (!isActive(state))
        return u"Cluster %1 is %2: spot interruptions hit WAITING or RUNNING clusters"_s.arg(m_clusterId,
                                                                                             toString(state));
    const FaultTarget chosen
        = chooseFaultTarget(candidatesOf(executors), *executorId, FaultScope::SpotOnly, m_clusterId);
    if (!chosen.refusal.isEmpty()) {
        if (notFound && chosen.notFound)
            *notFound = true;
        if (executorId->isEmpty())
            return chosen.refusal + (m_spot.fellBack() ? u" (it fell back to on-demand)"_s : u" (none is running)"_s);
        return chosen.refusal;
    }
    *executorId = chosen.executorId;
    return {};
}

QList<ClusterEvent> FaultInjector::recordReclaim(qint64 nowMs, const QString &cause, const QString &executorId,
                                                 int liveBefore)
{
    const SpotReclaimPlan plan = m_spot.reclaim(nowMs, cause);
    QList<ClusterEvent> events;
    ClusterEvent interruption;
    interruption.type = QLatin1StringView(ClusterEvent::kSpotInterruption);
    interruption.executorId = executorId;
    interruption.reason
        = u"Spot capacity reclaimed (%1): worker %2 lost; %3 interruption(s) in the last %4 s"_s.arg(cause, executorId)
              .arg(plan.interruptionsInWindow)
              .arg(m_settings.fallbackWindowSeconds);
    interruption.from = liveBefore;
    interruption.to = liveBefore - 1;
    interruption.metrics = plan.numbers;
    events.append(interruption);
    if (plan.fallBackNow) {
        ClusterEvent fallback;
        fallback.type = QLatin1StringView(ClusterEvent::kMarketFallback);
        fallback.reason = u"%1 spot interruptions within %2 s (threshold %3): workers are bought on-demand for the "
                          "rest of the cluster's life"_s.arg(plan.interruptionsInWindow)
                              .arg(m_settings.fallbackWindowSeconds)
                              .arg(m_settings.fallbackAfter);
        fallback.from = toString(Market::Spot);
        fallback.to = toString(Market::OnDemand);
        fallback.metrics = plan.numbers;
        events.append(fallback);
    }
    return events;
}

QStringList FaultInjector::dueRandomReclaims(const QList<StoredExecutor> &executors, ClusterState state)
{
    const bool armed = m_market == Market::Spot && m_settings.interruptionsPerHour > 0 && isActive(state);
    const qint64 elapsedMs = m_sinceSpotDraw.isValid() ? m_sinceSpotDraw.restart() : (m_sinceSpotDraw.start(), 0);
    if (!armed || elapsedMs <= 0)
        return {};
    QStringList spotWorkers;
    for (const StoredExecutor &e : executors)
        if (e.executor.market == Market::Spot && e.executor.status == ExecutorStatus::Running && !e.retireRequested)
            spotWorkers.append(e.executor.id);
    return m_spot.drawReclaims(elapsedMs, spotWorkers, [] { return QRandomGenerator::global()->generateDouble(); });
}

} // namespace cdeck
