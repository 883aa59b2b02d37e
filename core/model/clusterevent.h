// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>

namespace cdeck {

// One entry of a cluster's event list: every scaling decision (taken, refused or failed), state change,
// spot interruption and market fallback, with the reason and the metric values behind it.
struct ClusterEvent
{
    // The types, as they travel in JSON.
    static constexpr auto kScaleOut = "scale_out";
    static constexpr auto kScaleIn = "scale_in";
    static constexpr auto kScaleRefused = "scale_refused";
    static constexpr auto kScaleFailed = "scale_failed";
    static constexpr auto kStateChange = "state_change";
    static constexpr auto kSpotInterruption = "spot_interruption";
    static constexpr auto kMarketFallback = "market_fallback";
    static constexpr auto kPolicyChange = "policy_change";
    static constexpr auto kBootstrapFailed = "bootstrap_failed";
    static constexpr auto kWorkerReplaced = "worker_replaced";
    static constexpr auto kWorkerRestarted = "worker_restarted"; // its nanny restarted it (e.g. after an OOM)

    qint64 seq = 0; // the store's order, increasing per runtime
    QString clusterId;
    QDateTime time;
    QString type;
    QString reason; // one sentence a user reads as is
    QJsonValue from; // worker counts for scaling, state names for state changes, markets for a fallback
    QJsonValue to;
    QJsonObject metrics; // the values the decision was made on (signal, target, cooldown left, ...)
    QString executorId; // the worker concerned, if one is

    bool isScaling() const { return type.startsWith(u"scale_"); }
    QJsonObject toJson() const;
    static ClusterEvent fromJson(const QJsonObject &o);
    friend bool operator==(const ClusterEvent &, const ClusterEvent &) = default;
};

using ClusterEventList = QList<ClusterEvent>;

} // namespace cdeck

Q_DECLARE_METATYPE(cdeck::ClusterEvent)
