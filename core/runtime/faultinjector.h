// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterevent.h"
#include "core/model/clusterspec.h"
#include "core/model/clusterstate.h"
#include "core/runtime/engine/host.h"
#include "core/runtime/spotmarket.h"
#include "core/store/runtimestore.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

namespace cdeck {

// One cluster's faults (game days, tests) and simulated spot reclaims: which executor a fault hits (see
// chooseFaultTarget), the signals sent to its process group through the Host (SIGKILL; SIGSTOP and the
// SIGCONT that ends a stall), and the spot market's bookkeeping. It reads the executors' records it is given
// and never changes them: the controller records the loss, the events it returns and the replacement.
// Thread contract: the runtime's main thread; every method returns at once.
class FaultInjector : public QObject
{
    Q_OBJECT
public:
    FaultInjector(QString clusterId, Market market, SpotSettings spot, engine::Host &host, QObject *parent = nullptr);

    // SIGKILL to the executor's whole process group. An empty *executorId picks the live executor with the
    // most work in flight. "" on success (*executorId set to the one hit), else why not; *notFound when
    // there is no such id. The caller records the executor LOST.
    QString kill(const QList<StoredExecutor> &executors, ClusterState state, QString *executorId, const QString &reason,
                 bool *notFound);
    // SIGSTOP to the executor's process group, SIGCONT after `seconds`. Same picking and answers as kill.
    QString stall(const QList<StoredExecutor> &executors, ClusterState state, QString *executorId, int seconds,
                  bool *notFound);
    static constexpr int kMaxStallSeconds = 600;
    // SIGCONT every group a stall stopped (before signals that must be acted on: a stopped process holds them).
    void resumeStalled();

    // A spot reclaim's target: the named spot worker, else a live one. "" when chosen.
    QString chooseReclaim(const QList<StoredExecutor> &executors, ClusterState state, QString *executorId,
                          bool *notFound) const;
    // After the reclaimed worker was killed: the market's bookkeeping and the events to record
    // (spot_interruption, and market_fallback when this reclaim reached the threshold).
    QList<ClusterEvent> recordReclaim(qint64 nowMs, const QString &cause, const QString &executorId, int liveBefore);
    // Game days: the live spot workers reclaimed since the last call at the configured rate per hour.
    QStringList dueRandomReclaims(const QList<StoredExecutor> &executors, ClusterState state);

    SpotMarket &spot() { return m_spot; }
    const SpotMarket &spot() const { return m_spot; }

private:
    // The executor a fault hits (AnyLive scope); "" or why not.
    QString pick(const QList<StoredExecutor> &executors, ClusterState state, QString *executorId, bool *notFound) const;

    QString m_clusterId;
    Market m_market;
    SpotSettings m_settings;
    engine::Host &m_host;
    SpotMarket m_spot;
    QSet<qint64> m_stalledGroups; // process groups a stall stopped and has not resumed yet
    QElapsedTimer m_sinceSpotDraw;
};

} // namespace cdeck
