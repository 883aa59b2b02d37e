// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/cost/money.h"
#include "core/model/clusterspec.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace cdeck::cost {

class PriceCatalog;

enum class Role { Master, Worker };
QString toString(Role role); // "master" / "worker"
std::optional<Role> roleFromString(const QString &text);
std::optional<Market> marketFromString(const QString &text); // "on-demand" / "spot"

// One instance's life as the runtime recorded it: the scheduler is the master, each worker an instance.
// A scale-in, a spot reclaim or a termination ends a lifetime; a scale-out starts a new one.
struct InstanceLifetime
{
    QString instanceId;
    Role role = Role::Worker;
    QString instanceType; // the reference cloud type ("m5.xlarge"), see PriceCatalog::referenceTypeFor
    Market market = Market::OnDemand;
    QDateTime start;
    QDateTime end; // invalid: still running, billed up to the ledger's "now"
    QString clusterId;
    QMap<QString, QString> tags;
    // The rate recorded when the lifetime began (the runtime keeps it, so a later catalog edit does not
    // reprice history); 0: priced from the catalog when the ledger is built.
    qint64 rateMicrosPerHour = 0;

    // {"instance", "role", "instanceType", "market", "start", "end" (null while running), "cluster", "tags"}:
    // how the runtime stores and serves lifetimes. fromJson is strict: on a missing or wrong field it
    // returns nullopt and sets *error naming the field.
    QJsonObject toJson() const;
    static std::optional<InstanceLifetime> fromJson(const QJsonObject &o, QString *error);
};

// One priced lifetime. cost == billedSeconds x ratePerHour / 3600, exactly (see Money).
struct CostLine
{
    QString instance;
    Role role = Role::Worker;
    QString instanceType;
    Market market = Market::OnDemand;
    QDateTime start;
    QDateTime end; // the recorded end, or the ledger's now while open
    bool open = false;
    QString clusterId;
    QMap<QString, QString> tags;
    qint64 lifetimeMs = 0;
    qint64 billedSeconds = 0;
    qint64 rateMicrosPerHour = 0;
    Money cost;

    double seconds() const { return double(lifetimeMs) / 1000.0; }
    double ratePerHour() const { return double(rateMicrosPerHour) / 1e6; }

    // How many of the billed seconds fall before t. Seconds are counted from the start, a partial last
    // second and the top-up to the one-minute minimum fall at the end, so splitting a line at any
    // instants (UTC midnights, a report window) gives pieces that add up to billedSeconds exactly.
    qint64 billedSecondsBefore(const QDateTime &t) const;

    // {"instance", "role", "instanceType", "market", "start", "end", "seconds", "billedSeconds",
    //  "ratePerHour", "cost"} (+ "open": true while running).
    QJsonObject toJson() const;
};

struct Ledger
{
    QString currency;
    QDateTime now; // the instant open lifetimes were billed up to
    QList<CostLine> lines; // ordered by cluster, start, instance: the same history gives the same list
    Money total; // the exact sum of the lines

    // {"total", "currency", "lines": [...]}
    QJsonObject toJson() const;
};

// Per-second billing with a one-minute minimum per instance: a partial second counts as a whole one.
qint64 billedSecondsFor(qint64 lifetimeMs);

// Prices every lifetime (at its recorded rate when it has one). Bad input (an unpriced type, an end before its start, a missing start, an open
// lifetime that starts after now) gives nullopt and one error per problem, naming the instance: a ledger
// that silently skipped an instance would under-report money.
std::optional<Ledger> buildLedger(const QList<InstanceLifetime> &lifetimes, const PriceCatalog &catalog,
                                  const QDateTime &now, QStringList *errors);

// The lines of one cluster (total recomputed).
Ledger forCluster(const Ledger &ledger, const QString &clusterId);

// The part of each line inside [from, to) (an invalid bound is open): start/end/seconds are clipped,
// billedSeconds is the line's billed seconds that fall inside (see billedSecondsBefore), cost follows;
// lines with nothing inside are dropped. So the one-minute minimum is charged in the window holding the end.
Ledger clipped(const Ledger &ledger, const QDateTime &from, const QDateTime &to);

} // namespace cdeck::cost

Q_DECLARE_METATYPE(cdeck::cost::Ledger)
