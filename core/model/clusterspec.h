// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "enginekind.h"
#include "scalingpolicy.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace cdeck {

class InstanceCatalog;

enum class Market { OnDemand, Spot };
QString toString(Market market); // "on-demand" / "spot"

// One problem with a spec, naming the field the launch form should highlight.
struct FieldError
{
    QString field; // "name", "workers", "instanceType", "market", "idleTimeoutSeconds", "tags", ...
    QString message; // translated, shown as is
    friend bool operator==(const FieldError &, const FieldError &) = default;
};

// What a user asks for when launching a cluster (the launch form's fields).
struct ClusterSpec
{
    QString name;
    EngineKind engine = EngineKind::Dask; // "engine": which engine the runtime launches for it
    int workers = 2;
    QString instanceType; // empty: the catalog's default
    Market market = Market::OnDemand;
    qint64 idleTimeoutSeconds = 0; // 0: never auto-terminate
    bool terminationProtection = false;
    QMap<QString, QString> tags;
    ScalingPolicy scaling; // manual: `workers` is what the user asked for; managed: the current target
    SpotSettings spot; // read when market is spot
    QList<BootstrapAction> bootstrapActions;

    static constexpr int kMaxNameLength = 64;
    static constexpr int kMaxTags = 50; // EMR's limit
    static constexpr qint64 kMaxIdleTimeoutSeconds = 7 * 24 * 3600;

    // Every problem, in field order; empty when the spec can be launched.
    QList<FieldError> validate(const InstanceCatalog &catalog) const;
    static QList<FieldError> validateName(const QString &name);
    static QList<FieldError> validateTag(const QString &key, const QString &value);

    QJsonObject toJson() const;
    // Reads a JSON body strictly: wrong types are reported as field errors, unknown fields are refused
    // (a typo such as "worker" must not silently launch the default).
    static ClusterSpec fromJson(const QJsonObject &o, QList<FieldError> *errors);

    friend bool operator==(const ClusterSpec &, const ClusterSpec &) = default;
};

QString describe(const QList<FieldError> &errors); // "name: ...; workers: ..."

} // namespace cdeck
