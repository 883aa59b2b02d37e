// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusterspec.h"

#include "instancecatalog.h"
#include "jsonutil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {
// Text::tr, not a free tr(): lupdate takes the context from Q_DECLARE_TR_FUNCTIONS at every call,
// where a free function would be filed under each caller's namespace or class and never match.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::ClusterSpec)
};
} // namespace

namespace cdeck {

QString toString(Market market)
{
    return market == Market::Spot ? u"spot"_s : u"on-demand"_s;
}

QList<FieldError> ClusterSpec::validateName(const QString &name)
{
    static const QRegularExpression allowed(u"^[A-Za-z0-9_-]+$"_s);
    if (name.isEmpty())
        return {{u"name"_s, Text::tr("Name is required.")}};
    if (name.size() > kMaxNameLength)
        return {{u"name"_s,
                 Text::tr("Name is %1 characters long; at most %2 are allowed.").arg(name.size()).arg(kMaxNameLength)}};
    if (!allowed.match(name).hasMatch())
        return {{u"name"_s, Text::tr("Name may hold only letters, digits, '-' and '_'.")}};
    return {};
}

QList<FieldError> ClusterSpec::validateTag(const QString &key, const QString &value)
{
    static const QRegularExpression allowed(u"^[A-Za-z0-9 _.:/=+@-]+$"_s);
    if (key.isEmpty())
        return {{u"tags"_s, Text::tr("A tag needs a key (key=value).")}};
    if (key.size() > 128 || !allowed.match(key).hasMatch())
        return {
            {u"tags"_s, Text::tr("Tag key '%1' must be 1-128 letters, digits, spaces or _.:/=+-@.").arg(key.left(40))}};
    if (value.size() > 256 || (!value.isEmpty() && !allowed.match(value).hasMatch()))
        return {{u"tags"_s,
                 Text::tr("Tag value for '%1' must be at most 256 letters, digits, spaces or _.:/=+-@.").arg(key)}};
    return {};
}

QList<FieldError> ClusterSpec::validate(const InstanceCatalog &catalog) const
{
    QList<FieldError> errors = validateName(name);
    const QString typeName = instanceType.isEmpty() ? catalog.defaultType() : instanceType;
    const auto type = catalog.find(typeName);
    const int maxWorkers = type ? type->maxWorkers : 1;
    if (workers < 1 || workers > maxWorkers)
        errors.append({u"workers"_s,
                       Text::tr("Workers must be between 1 and %1 for %2 (this machine's memory).")
                           .arg(maxWorkers)
                           .arg(typeName)});
    if (!type)
        errors.append({u"instanceType"_s, Text::tr("Unknown instance type '%1'.").arg(typeName)});
    if (idleTimeoutSeconds < 0 || idleTimeoutSeconds > kMaxIdleTimeoutSeconds)
        errors.append({u"idleTimeoutSeconds"_s, Text::tr("Idle auto-termination must be between 0 (off) and 7 days.")});
    if (tags.size() > kMaxTags)
        errors.append({u"tags"_s, Text::tr("At most %1 tags are allowed.").arg(kMaxTags)});
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        errors += validateTag(it.key(), it.value());
    const QList<FieldError> policyErrors = scaling.validate(maxWorkers);
    errors += policyErrors;
    if (scaling.managed() && policyErrors.isEmpty() && (workers < scaling.minWorkers || workers > scaling.maxWorkers))
        errors.append({u"workers"_s,
                       Text::tr("Workers (%1) must lie between the scaling minimum (%2) and maximum (%3).")
                           .arg(workers)
                           .arg(scaling.minWorkers)
                           .arg(scaling.maxWorkers)});
    if (market == Market::Spot)
        errors += spot.validate();
    errors += validateBootstrapActions(bootstrapActions);
    return errors;
}

QJsonObject ClusterSpec::toJson() const
{
    QJsonObject t;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        t.insert(it.key(), it.value());
    return {{u"name"_s, name},
            {u"engine"_s, toString(engine)},
            {u"workers"_s, workers},
            {u"instanceType"_s, instanceType},
            {u"market"_s, toString(market)},
            {u"idleTimeoutSeconds"_s, double(idleTimeoutSeconds)},
            {u"terminationProtection"_s, terminationProtection},
            {u"tags"_s, t},
            {u"scaling"_s, scaling.toJson()},
            {u"spot"_s, market == Market::Spot ? QJsonValue(spot.toJson()) : QJsonValue(QJsonValue::Null)},
            {u"bootstrapActions"_s, bootstrapActionsToJson(bootstrapActions)}};
}

ClusterSpec ClusterSpec::fromJson(const QJsonObject &o, QList<FieldError> *errors)
{
    static const QSet<QString> known{u"name"_s,
                                     u"engine"_s,
                                     u"workers"_s,
                                     u"instanceType"_s,
                                     u"market"_s,
                                     u"idleTimeoutSeconds"_s,
                                     u"terminationProtection"_s,
                                     u"tags"_s,
                                     u"scaling"_s,
                                     u"spot"_s,
                                     u"bootstrapActions"_s};
    ClusterSpec s;
    auto check = [errors](const QString &field, const QString &error) {
        if (!error.isEmpty())
            errors->append({field, error});
    };
    QString e;
    s.name = json::string(o, "name"_L1, &e);
    check(u"name"_s, std::exchange(e, {}));
    const QString engine = json::string(o, "engine"_L1, &e, toString(EngineKind::Dask));
    check(u"engine"_s, std::exchange(e, {}));
    if (const auto kind = engineKindFromString(engine))
        s.engine = *kind;
    else if (o.value(u"engine"_s).isString()) // a wrong type was reported above
        errors->append({u"engine"_s, Text::tr("Engine must be 'dask' or 'spark'.")});
    const qint64 workers = json::integer(o, "workers"_L1, &e, 2);
    s.workers = int(std::clamp<qint64>(workers, -1, 100000));
    check(u"workers"_s, std::exchange(e, {}));
    s.instanceType = json::string(o, "instanceType"_L1, &e);
    check(u"instanceType"_s, std::exchange(e, {}));
    const QString market = json::string(o, "market"_L1, &e, u"on-demand"_s);
    check(u"market"_s, std::exchange(e, {}));
    if (market == "spot"_L1)
        s.market = Market::Spot;
    else if (market != "on-demand"_L1)
        errors->append({u"market"_s, Text::tr("Market must be 'on-demand' or 'spot'.")});
    s.idleTimeoutSeconds = json::integer(o, "idleTimeoutSeconds"_L1, &e, 0);
    check(u"idleTimeoutSeconds"_s, std::exchange(e, {}));
    s.terminationProtection = json::boolean(o, "terminationProtection"_L1, &e, false);
    check(u"terminationProtection"_s, std::exchange(e, {}));
    const QJsonValue tags = o.value(u"tags"_s);
    if (tags.isObject()) {
        const QJsonObject t = tags.toObject();
        for (auto it = t.begin(); it != t.end(); ++it) {
            if (!it.value().isString())
                errors->append({u"tags"_s, Text::tr("Tag '%1' must have a string value.").arg(it.key().left(40))});
            else
                s.tags.insert(it.key(), it.value().toString());
        }
    } else if (!tags.isUndefined() && !tags.isNull()) {
        errors->append({u"tags"_s, Text::tr("Tags must be an object of key: value strings.")});
    }
    const QJsonValue scaling = o.value(u"scaling"_s);
    if (scaling.isObject()) {
        s.scaling = ScalingPolicy::fromJson(scaling.toObject(), errors);
        // A managed cluster launched without a worker count starts at its minimum.
        if (s.scaling.managed() && (o.value(u"workers"_s).isUndefined() || o.value(u"workers"_s).isNull()))
            s.workers = s.scaling.minWorkers;
    } else if (!scaling.isUndefined() && !scaling.isNull()) {
        errors->append({u"scaling"_s, Text::tr("Scaling must be an object (mode, minWorkers, maxWorkers, ...).")});
    }
    const QJsonValue spot = o.value(u"spot"_s);
    if (spot.isObject())
        s.spot = SpotSettings::fromJson(spot.toObject(), errors);
    else if (!spot.isUndefined() && !spot.isNull())
        errors->append({u"spot"_s, Text::tr("Spot settings must be an object.")});
    const QJsonValue bootstrap = o.value(u"bootstrapActions"_s);
    if (bootstrap.isArray()) {
        const QJsonArray list = bootstrap.toArray();
        for (qsizetype n = 0; n < list.size(); ++n) {
            if (list[n].isObject())
                s.bootstrapActions.append(BootstrapAction::fromJson(list[n].toObject(), int(n), errors));
            else
                errors->append({u"bootstrapActions[%1]"_s.arg(n), Text::tr("A bootstrap action must be an object.")});
        }
    } else if (!bootstrap.isUndefined() && !bootstrap.isNull()) {
        errors->append({u"bootstrapActions"_s, Text::tr("Bootstrap actions must be an array.")});
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            errors->append({it.key().left(64), Text::tr("Unknown field '%1'.").arg(it.key().left(64))});
    return s;
}

QString describe(const QList<FieldError> &errors)
{
    QStringList parts;
    for (const FieldError &e : errors)
        parts.append(e.field + u": "_s + e.message);
    return parts.join(u"; "_s);
}

} // namespace cdeck
