// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "scalingpolicy.h"

#include "clusterspec.h"
#include "jsonutil.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
// Text::tr, not a free tr(): lupdate takes the context from Q_DECLARE_TR_FUNCTIONS at every call,
// where a free function would be filed under each caller's namespace or class and never match.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::ScalingPolicy)
};
} // namespace

namespace cdeck {

QString toString(ScalingMode mode)
{
    return mode == ScalingMode::Managed ? u"managed"_s : u"manual"_s;
}

QString toString(ScalingSignal signal)
{
    switch (signal) {
    case ScalingSignal::AdaptiveTarget:
        return u"adaptive"_s;
    case ScalingSignal::PendingTasks:
        return u"pending-tasks"_s;
    case ScalingSignal::MemoryPressure:
        return u"memory"_s;
    }
    return u"adaptive"_s;
}

std::optional<ScalingSignal> scalingSignalFromString(const QString &text)
{
    for (ScalingSignal s : {ScalingSignal::AdaptiveTarget, ScalingSignal::PendingTasks, ScalingSignal::MemoryPressure})
        if (toString(s) == text)
            return s;
    return std::nullopt;
}

namespace {

void refuseUnknown(const QJsonObject &o, const QSet<QString> &known, const QString &prefix, QList<FieldError> *errors)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            errors->append({prefix + it.key().left(64), Text::tr("Unknown field '%1'.").arg(it.key().left(64))});
}

int readInt(const QJsonObject &o, const char *key, int fallback, const QString &prefix, QList<FieldError> *errors)
{
    QString e;
    const qint64 v = json::integer(o, QLatin1StringView(key), &e, fallback);
    if (!e.isEmpty())
        errors->append({prefix + QLatin1StringView(key), e});
    return int(std::clamp<qint64>(v, -1, 1000000000));
}

} // namespace

QList<FieldError> ScalingPolicy::validate(int typeMaxWorkers) const
{
    QList<FieldError> errors;
    if (mode == ScalingMode::Manual)
        return errors;
    if (minWorkers < 1 || minWorkers > typeMaxWorkers)
        errors.append(
            {u"scaling.minWorkers"_s, Text::tr("Minimum workers must be between 1 and %1.").arg(typeMaxWorkers)});
    if (maxWorkers < 1 || maxWorkers > typeMaxWorkers)
        errors.append(
            {u"scaling.maxWorkers"_s, Text::tr("Maximum workers must be between 1 and %1.").arg(typeMaxWorkers)});
    else if (maxWorkers < minWorkers)
        errors.append(
            {u"scaling.maxWorkers"_s,
             Text::tr("Maximum workers (%1) must not be below the minimum (%2).").arg(maxWorkers).arg(minWorkers)});
    if (scaleOutCooldownSeconds < 0 || scaleOutCooldownSeconds > kMaxCooldownSeconds)
        errors.append({u"scaling.scaleOutCooldownSeconds"_s,
                       Text::tr("Scale-out cooldown must be between 0 and 86400 seconds.")});
    if (scaleInCooldownSeconds < 0 || scaleInCooldownSeconds > kMaxCooldownSeconds)
        errors.append(
            {u"scaling.scaleInCooldownSeconds"_s, Text::tr("Scale-in cooldown must be between 0 and 86400 seconds.")});
    if (stabilizationSeconds < 0 || stabilizationSeconds > kMaxCooldownSeconds)
        errors.append(
            {u"scaling.stabilizationSeconds"_s, Text::tr("Stabilization must be between 0 and 86400 seconds.")});
    if (maxStep < 1 || maxStep > typeMaxWorkers)
        errors.append(
            {u"scaling.maxStep"_s, Text::tr("Largest step must be between 1 and %1 workers.").arg(typeMaxWorkers)});
    return errors;
}

QJsonObject ScalingPolicy::toJson() const
{
    QJsonObject o{{u"mode"_s, toString(mode)}};
    if (mode == ScalingMode::Managed) {
        o.insert(u"minWorkers"_s, minWorkers);
        o.insert(u"maxWorkers"_s, maxWorkers);
        o.insert(u"scaleOutCooldownSeconds"_s, scaleOutCooldownSeconds);
        o.insert(u"scaleInCooldownSeconds"_s, scaleInCooldownSeconds);
        o.insert(u"maxStep"_s, maxStep);
        o.insert(u"signal"_s, toString(signal));
        o.insert(u"stabilizationSeconds"_s, stabilizationSeconds);
    }
    return o;
}

ScalingPolicy ScalingPolicy::fromJson(const QJsonObject &o, QList<FieldError> *errors)
{
    static const QSet<QString> known{u"mode"_s,    u"minWorkers"_s, u"maxWorkers"_s,
                                     u"scaleOutCooldownSeconds"_s,  u"scaleInCooldownSeconds"_s,
                                     u"maxStep"_s, u"signal"_s,     u"stabilizationSeconds"_s};
    const QString prefix = u"scaling."_s;
    ScalingPolicy p;
    QString e;
    // Giving bounds without a mode means managed: `{"minWorkers":1,"maxWorkers":3}` is what people type.
    const bool bounds = o.contains(u"minWorkers"_s) || o.contains(u"maxWorkers"_s);
    const QString mode = json::string(o, "mode"_L1, &e, bounds ? u"managed"_s : u"manual"_s);
    if (!e.isEmpty())
        errors->append({prefix + u"mode"_s, e});
    if (mode == "managed"_L1)
        p.mode = ScalingMode::Managed;
    else if (mode != "manual"_L1)
        errors->append({prefix + u"mode"_s, Text::tr("Scaling mode must be 'manual' or 'managed'.")});
    p.minWorkers = readInt(o, "minWorkers", p.minWorkers, prefix, errors);
    p.maxWorkers = readInt(o, "maxWorkers", std::max(p.minWorkers, p.maxWorkers), prefix, errors);
    p.scaleOutCooldownSeconds = readInt(o, "scaleOutCooldownSeconds", p.scaleOutCooldownSeconds, prefix, errors);
    p.scaleInCooldownSeconds = readInt(o, "scaleInCooldownSeconds", p.scaleInCooldownSeconds, prefix, errors);
    p.maxStep = readInt(o, "maxStep", p.maxStep, prefix, errors);
    p.stabilizationSeconds = readInt(o, "stabilizationSeconds", p.stabilizationSeconds, prefix, errors);
    const QString signal = json::string(o, "signal"_L1, &e, toString(p.signal));
    if (!e.isEmpty())
        errors->append({prefix + u"signal"_s, std::exchange(e, {})});
    if (const auto s = scalingSignalFromString(signal))
        p.signal = *s;
    else
        errors->append({prefix + u"signal"_s, Text::tr("Signal must be 'adaptive', 'pending-tasks' or 'memory'.")});
    refuseUnknown(o, known, prefix, errors);
    return p;
}

QString ScalingPolicy::summary() const
{
    if (mode == ScalingMode::Manual)
        return Text::tr("manual");
    return Text::tr("managed %1-%2 workers, %3, cooldowns %4 s out / %5 s in, step %6")
        .arg(minWorkers)
        .arg(maxWorkers)
        .arg(toString(signal))
        .arg(scaleOutCooldownSeconds)
        .arg(scaleInCooldownSeconds)
        .arg(maxStep);
}

QList<FieldError> SpotSettings::validate() const
{
    QList<FieldError> errors;
    if (!std::isfinite(interruptionsPerHour) || interruptionsPerHour < 0 || interruptionsPerHour > 3600)
        errors.append(
            {u"spot.interruptionsPerHour"_s, Text::tr("Interruption rate must be between 0 and 3600 per hour.")});
    if (fallbackAfter < 1 || fallbackAfter > 1000)
        errors.append(
            {u"spot.fallbackAfter"_s, Text::tr("Fallback threshold must be between 1 and 1000 interruptions.")});
    if (fallbackWindowSeconds < 1 || fallbackWindowSeconds > 7 * 24 * 3600)
        errors.append(
            {u"spot.fallbackWindowSeconds"_s, Text::tr("Fallback window must be between 1 second and 7 days.")});
    return errors;
}

QJsonObject SpotSettings::toJson() const
{
    return {{u"interruptionsPerHour"_s, interruptionsPerHour},
            {u"fallbackAfter"_s, fallbackAfter},
            {u"fallbackWindowSeconds"_s, fallbackWindowSeconds}};
}

SpotSettings SpotSettings::fromJson(const QJsonObject &o, QList<FieldError> *errors)
{
    static const QSet<QString> known{u"interruptionsPerHour"_s, u"fallbackAfter"_s, u"fallbackWindowSeconds"_s};
    const QString prefix = u"spot."_s;
    SpotSettings s;
    const QJsonValue rate = o.value(u"interruptionsPerHour"_s);
    if (rate.isDouble())
        s.interruptionsPerHour = rate.toDouble();
    else if (!rate.isUndefined() && !rate.isNull())
        errors->append({prefix + u"interruptionsPerHour"_s, Text::tr("interruptionsPerHour: expected a number")});
    s.fallbackAfter = readInt(o, "fallbackAfter", s.fallbackAfter, prefix, errors);
    s.fallbackWindowSeconds = readInt(o, "fallbackWindowSeconds", s.fallbackWindowSeconds, prefix, errors);
    refuseUnknown(o, known, prefix, errors);
    return s;
}

QString toString(BootstrapAction::Target target)
{
    switch (target) {
    case BootstrapAction::Target::Workers:
        return u"workers"_s;
    case BootstrapAction::Target::Scheduler:
        return u"scheduler"_s;
    case BootstrapAction::Target::All:
        break;
    }
    return u"all"_s;
}

QJsonObject BootstrapAction::toJson() const
{
    return {{u"name"_s, name},
            {u"script"_s, script},
            {u"args"_s, QJsonArray::fromStringList(args)},
            {u"timeoutSeconds"_s, timeoutSeconds},
            {u"on"_s, toString(on)}};
}

BootstrapAction BootstrapAction::fromJson(const QJsonObject &o, int index, QList<FieldError> *errors)
{
    static const QSet<QString> known{u"name"_s, u"script"_s, u"args"_s, u"timeoutSeconds"_s, u"on"_s};
    const QString prefix = u"bootstrapActions[%1]."_s.arg(index);
    BootstrapAction a;
    QString e;
    a.script = json::string(o, "script"_L1, &e);
    if (!e.isEmpty())
        errors->append({prefix + u"script"_s, std::exchange(e, {})});
    a.name = json::string(o, "name"_L1, &e, QFileInfo(a.script).fileName());
    if (!e.isEmpty())
        errors->append({prefix + u"name"_s, std::exchange(e, {})});
    const QJsonValue args = o.value(u"args"_s);
    if (args.isArray()) {
        for (const QJsonValue &v : args.toArray()) {
            if (!v.isString())
                errors->append({prefix + u"args"_s, Text::tr("Arguments must be strings.")});
            else
                a.args.append(v.toString());
        }
    } else if (!args.isUndefined() && !args.isNull()) {
        errors->append({prefix + u"args"_s, Text::tr("Arguments must be an array of strings.")});
    }
    a.timeoutSeconds = readInt(o, "timeoutSeconds", a.timeoutSeconds, prefix, errors);
    const QString on = json::string(o, "on"_L1, &e, u"all"_s);
    if (!e.isEmpty())
        errors->append({prefix + u"on"_s, std::exchange(e, {})});
    if (on == "workers"_L1)
        a.on = Target::Workers;
    else if (on == "scheduler"_L1)
        a.on = Target::Scheduler;
    else if (on != "all"_L1)
        errors->append({prefix + u"on"_s, Text::tr("'on' must be 'all', 'workers' or 'scheduler'.")});
    refuseUnknown(o, known, prefix, errors);
    return a;
}

QList<FieldError> validateBootstrapActions(const QList<BootstrapAction> &actions)
{
    QList<FieldError> errors;
    if (actions.size() > 16)
        errors.append({u"bootstrapActions"_s, Text::tr("At most 16 bootstrap actions are allowed.")});
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const BootstrapAction &a = actions[i];
        const QString prefix = u"bootstrapActions[%1]."_s.arg(i);
        const QFileInfo fi(a.script);
        if (a.script.isEmpty())
            errors.append({prefix + u"script"_s, Text::tr("A bootstrap action needs a script.")});
        else if (!fi.isAbsolute() || !fi.isFile() || !fi.isReadable())
            errors.append(
                {prefix + u"script"_s,
                 Text::tr("'%1' is not a readable file (give an absolute path on the runtime's host).").arg(a.script)});
        if (a.timeoutSeconds < 1 || a.timeoutSeconds > 3600)
            errors.append({prefix + u"timeoutSeconds"_s, Text::tr("Timeout must be between 1 and 3600 seconds.")});
    }
    return errors;
}

QJsonArray bootstrapActionsToJson(const QList<BootstrapAction> &actions)
{
    QJsonArray a;
    for (const BootstrapAction &b : actions)
        a.append(b.toJson());
    return a;
}

} // namespace cdeck
