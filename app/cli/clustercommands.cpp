// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// cluster launch | list | describe | scale | policy | events | timeline | protect | terminate
#include "clicontext.h"

#include "core/model/clusterevent.h"
#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/triage/timeline.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

void printCluster(const ClusterInfo &c)
{
    out() << c.id << "  " << c.spec.name << "  " << toString(c.state) << "  workers " << c.runningWorkers << "/"
          << c.spec.workers << "  " << c.spec.instanceType << (c.spec.market == Market::Spot ? " spot" : "")
          << (c.spec.terminationProtection ? "  protected" : "") << "\n    " << c.stateReason << "\n";
}

void printClusterJson(const QJsonValue &v)
{
    printCluster(ClusterInfo::fromJson(v.toObject()));
}

QString eventValue(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return u"-"_s;
    if (v.isObject())
        return v.toObject().value(u"mode"_s).toString(u"{..}"_s);
    return v.toVariant().toString();
}

void addPolicyOptions(CommandOptions &o)
{
    o.value("--min-workers", "managed scaling: the fewest workers")
        .value("--max-workers", "managed scaling: the most workers")
        .value("--scale-out-cooldown", "seconds between scale-outs")
        .value("--scale-in-cooldown", "seconds between scale-ins")
        .value("--max-step", "the most workers added or removed at once")
        .value("--signal", "adaptive|pending-tasks|memory")
        .value("--stabilization", "seconds a signal must hold");
}

// The policy options of `cluster launch` and `cluster policy` as the API's scaling object; empty when none given.
QJsonObject policyFromOptions(const CommandOptions &o, bool manualAllowed)
{
    if (manualAllowed && o.has(u"--manual"_s))
        return {{u"mode"_s, u"manual"_s}};
    static const QList<std::pair<QString, QString>> numeric{{u"--min-workers"_s, u"minWorkers"_s},
                                                            {u"--max-workers"_s, u"maxWorkers"_s},
                                                            {u"--scale-out-cooldown"_s, u"scaleOutCooldownSeconds"_s},
                                                            {u"--scale-in-cooldown"_s, u"scaleInCooldownSeconds"_s},
                                                            {u"--max-step"_s, u"maxStep"_s},
                                                            {u"--stabilization"_s, u"stabilizationSeconds"_s}};
    QJsonObject policy;
    for (const auto &[option, field] : numeric)
        if (o.has(option))
            policy.insert(field, o.intValue(option));
    if (o.has(u"--signal"_s))
        policy.insert(u"signal"_s, o.value(u"--signal"_s));
    if (policy.isEmpty())
        return policy;
    if (!policy.contains(u"minWorkers"_s) || !policy.contains(u"maxWorkers"_s))
        throw UsageError(u"managed scaling needs both --min-workers and --max-workers"_s);
    policy.insert(u"mode"_s, u"managed"_s);
    return policy;
}

int list(Context &ctx, const CommandOptions &)
{
    const ApiReply r = ctx.call(api::RouteId::Clusters);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const QJsonArray list = r.body.toArray();
        if (list.isEmpty())
            out() << "No clusters.\n";
        for (const QJsonValue &v : list)
            printClusterJson(v);
    });
}

int describe(Context &ctx, const CommandOptions &o)
{
    const ApiReply r = ctx.call(api::RouteId::Cluster, {ctx.clusterId(o.word(u"CLUSTER"_s))});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const ClusterInfo c = ClusterInfo::fromJson(r.body.toObject());
        printCluster(c);
        out() << "  scheduler " << c.schedulerAddress << "  metrics " << c.dashboardUrl << "\n";
        out() << "  scaling " << c.spec.scaling.summary() << "\n  history:\n";
        for (const StateChange &s : c.history)
            out() << "    " << s.at.toString(Qt::ISODateWithMs) << "  " << toString(s.state) << "  " << s.reason
                  << "\n";
    });
}

int launch(Context &ctx, const CommandOptions &o)
{
    const QJsonObject policy = policyFromOptions(o, false);
    QJsonObject spec{{u"name"_s, o.value(u"--name"_s)}};
    if (!policy.isEmpty())
        spec.insert(u"scaling"_s, policy);
    if (policy.isEmpty() || o.has(u"--workers"_s))
        spec.insert(u"workers"_s, o.intValue(u"--workers"_s));
    QJsonObject spot;
    if (o.has(u"--spot-interruptions-per-hour"_s)) {
        bool ok = false;
        const double rate = o.value(u"--spot-interruptions-per-hour"_s).toDouble(&ok);
        if (!ok)
            throw UsageError(u"--spot-interruptions-per-hour expects a number"_s);
        spot.insert(u"interruptionsPerHour"_s, rate);
    }
    if (o.has(u"--spot-fallback-after"_s))
        spot.insert(u"fallbackAfter"_s, o.intValue(u"--spot-fallback-after"_s));
    if (o.has(u"--spot-fallback-window"_s))
        spot.insert(u"fallbackWindowSeconds"_s, o.intValue(u"--spot-fallback-window"_s));
    if (!spot.isEmpty()) {
        if (!o.has(u"--spot"_s))
            throw UsageError(u"the --spot-* options need --spot"_s);
        spec.insert(u"spot"_s, spot);
    }
    QJsonArray bootstrap;
    for (const QString &script : o.values(u"--bootstrap"_s)) {
        QJsonObject action{{u"script"_s, QFileInfo(script).absoluteFilePath()}};
        if (o.has(u"--bootstrap-timeout"_s))
            action.insert(u"timeoutSeconds"_s, o.intValue(u"--bootstrap-timeout"_s));
        bootstrap.append(action);
    }
    if (!bootstrap.isEmpty())
        spec.insert(u"bootstrapActions"_s, bootstrap);
    if (o.has(u"--engine"_s))
        spec.insert(u"engine"_s, o.value(u"--engine"_s));
    if (o.has(u"--instance-type"_s))
        spec.insert(u"instanceType"_s, o.value(u"--instance-type"_s));
    if (o.has(u"--spot"_s))
        spec.insert(u"market"_s, u"spot"_s);
    if (o.has(u"--idle-minutes"_s))
        spec.insert(u"idleTimeoutSeconds"_s, o.intValue(u"--idle-minutes"_s) * 60);
    if (o.has(u"--idle-seconds"_s))
        spec.insert(u"idleTimeoutSeconds"_s, o.intValue(u"--idle-seconds"_s));
    if (o.has(u"--protect"_s))
        spec.insert(u"terminationProtection"_s, true);
    QJsonObject tags;
    for (const QString &tag : o.values(u"--tag"_s)) {
        const qsizetype eq = tag.indexOf(u'=');
        if (eq <= 0)
            throw UsageError(u"--tag expects key=value, got '%1'"_s.arg(tag));
        tags.insert(tag.left(eq), tag.mid(eq + 1));
    }
    if (!tags.isEmpty())
        spec.insert(u"tags"_s, tags);
    const ApiReply r = ctx.call(api::RouteId::ClusterLaunch, {}, spec);
    if (!r.ok())
        return ctx.fail(r);
    QJsonValue last = r.body;
    if (o.has(u"--wait"_s)) {
        const QString newId = r.body.toObject().value(u"id"_s).toString();
        if (!ctx.global.json)
            err() << "Launched " << newId << "; waiting for WAITING (every worker registered)...\n";
        const int verdict = ctx.waitForCluster(
            newId,
            [](const QJsonObject &cluster, const QJsonArray &) {
                const ClusterInfo c = ClusterInfo::fromJson(cluster);
                if (isTerminal(c.state) || c.state == ClusterState::Terminating)
                    return -1;
                // The runtime turns WAITING once every worker has registered, or failed its bootstrap (that one
                // never will): the state says it, the worker count alone cannot.
                return c.state == ClusterState::Waiting ? 1 : 0;
            },
            &last, u"the cluster to be WAITING"_s);
        if (verdict < 0) {
            ctx.done(last, [&] { printClusterJson(last); });
            return ExitFailed;
        }
    }
    return ctx.done(last, [&] { printClusterJson(last); });
}

int scale(Context &ctx, const CommandOptions &o)
{
    const QString id = ctx.clusterId(o.word(u"CLUSTER"_s));
    const int target = o.intValue(u"--workers"_s);
    const ApiReply r = ctx.call(api::RouteId::ClusterScale, {id}, {{u"workers"_s, target}});
    if (!r.ok())
        return ctx.fail(r);
    QJsonValue last = r.body;
    if (o.has(u"--wait"_s)) {
        QJsonValue cluster;
        const int verdict = ctx.waitForCluster(
            id,
            [target](const QJsonObject &, const QJsonArray &executors) {
                int running = 0;
                int unsettled = 0;
                for (const QJsonValue &e : executors) {
                    const ExecutorStatus s = Executor::fromJson(e.toObject()).status;
                    running += s == ExecutorStatus::Running || s == ExecutorStatus::Paused;
                    unsettled += s == ExecutorStatus::Starting || s == ExecutorStatus::Retiring;
                }
                return running == target && unsettled == 0 ? 1 : 0;
            },
            &cluster, u"%1 running executors"_s.arg(target));
        const ApiReply final = ctx.call(api::RouteId::Cluster, {id});
        if (final.ok())
            last = final.body;
        if (verdict < 0) {
            ctx.done(last, [&] { printClusterJson(last); });
            return ExitFailed;
        }
    }
    return ctx.done(last, [&] { printClusterJson(last); });
}

int policy(Context &ctx, const CommandOptions &o)
{
    const QString id = ctx.clusterId(o.word(u"CLUSTER"_s));
    const QJsonObject policy = policyFromOptions(o, true);
    const ApiReply r = policy.isEmpty() ? ctx.call(api::RouteId::ClusterPolicy, {id})
                                        : ctx.call(api::RouteId::ClusterPolicySet, {id}, policy);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        if (policy.isEmpty()) {
            QList<FieldError> ignored;
            out() << ScalingPolicy::fromJson(r.body.toObject(), &ignored).summary() << "\n";
        } else {
            const ClusterInfo c = ClusterInfo::fromJson(r.body.toObject());
            printCluster(c);
            out() << "  scaling: " << c.spec.scaling.summary() << "\n";
        }
    });
}

int events(Context &ctx, const CommandOptions &o)
{
    const QString query = o.has(u"--type"_s)
        ? u"type="_s + QString::fromLatin1(QUrl::toPercentEncoding(o.value(u"--type"_s), ","))
        : QString();
    const ApiReply r = ctx.call(api::RouteId::ClusterEvents, {ctx.clusterId(o.word(u"CLUSTER"_s))}, {}, query);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const QJsonArray list = r.body.toArray();
        if (list.isEmpty())
            out() << "No events.\n";
        for (const QJsonValue &v : list) {
            const ClusterEvent e = ClusterEvent::fromJson(v.toObject());
            out() << e.time.toString(Qt::ISODateWithMs) << "  " << QStringLiteral("%1").arg(e.type, -17) << "  "
                  << eventValue(e.from) << " -> " << eventValue(e.to) << "  " << e.reason
                  << (e.executorId.isEmpty() ? QString() : u" ["_s + e.executorId + u']') << "\n";
        }
    });
}

int timeline(Context &ctx, const CommandOptions &o)
{
    const QString id = ctx.clusterId(o.word(u"CLUSTER"_s));
    QUrlQuery query;
    for (const QString &option : {u"--from"_s, u"--to"_s}) {
        if (!o.has(option))
            continue;
        const QDateTime dt = QDateTime::fromString(o.value(option), Qt::ISODateWithMs);
        if (!dt.isValid())
            throw UsageError(option + u" expects an ISO 8601 time (2026-11-24T10:00:00Z)"_s);
        query.addQueryItem(option.mid(2), QString::number(dt.toMSecsSinceEpoch()));
    }
    const ApiReply r = ctx.call(api::RouteId::ClusterTimeline, {id}, {}, query.toString(QUrl::FullyEncoded));
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const triage::Timeline timeline = triage::timelineFromJson(r.body.toArray());
        if (timeline.isEmpty())
            out() << "Nothing on the timeline.\n";
        for (const triage::TimelineEntry &e : timeline)
            out() << e.time.toString(Qt::ISODateWithMs) << "  " << QStringLiteral("%1").arg(toString(e.layer), -8)
                  << "  " << QStringLiteral("%1").arg(e.kind, -16) << "  " << e.text << "\n";
    });
}

int protect(Context &ctx, const CommandOptions &o)
{
    const bool on = o.has(u"--on"_s);
    if (on == o.has(u"--off"_s))
        throw UsageError(u"cluster protect needs exactly one of --on or --off"_s);
    const ApiReply r
        = ctx.call(api::RouteId::ClusterProtection, {ctx.clusterId(o.word(u"CLUSTER"_s))}, {{u"enabled"_s, on}});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] { printClusterJson(r.body); });
}

int terminate(Context &ctx, const CommandOptions &o)
{
    const QString id = ctx.clusterId(o.word(u"CLUSTER"_s));
    const ApiReply r = ctx.call(api::RouteId::ClusterTerminate, {id});
    if (!r.ok())
        return ctx.fail(r);
    QJsonValue last = r.body;
    if (o.has(u"--wait"_s)) {
        const int verdict = ctx.waitForCluster(
            id,
            [](const QJsonObject &cluster, const QJsonArray &) {
                return isTerminal(ClusterInfo::fromJson(cluster).state) ? 1 : 0;
            },
            &last, u"the cluster to be TERMINATED"_s);
        const bool clean = ClusterInfo::fromJson(last.toObject()).state == ClusterState::Terminated;
        ctx.done(last, [&] { printClusterJson(last); });
        return verdict > 0 && clean ? ExitOk : ExitFailed;
    }
    return ctx.done(last, [&] { printClusterJson(last); });
}

const char *const kCluster = "a cluster's id or name";

} // namespace

void addClusterCommands(CLI::App &root, Context &ctx)
{
    CLI::App &cluster = addGroup(root, "cluster", "Launch, list, scale, protect and terminate clusters");
    {
        auto o = addCommand(cluster, ctx, "launch",
                            "Launch a cluster (managed scaling with --min-workers/--max-workers; K defaults to A)",
                            launch);
        o->value("--name", "the cluster's name (letters, digits, '-', '_')")
            .value("--workers", "how many workers (K)")
            .value("--engine", "the cluster's engine: dask (the default) or spark")
            .value("--instance-type", "the instance type (see clusterdeck-cli pricing)")
            .flag("--spot", "spot market")
            .value("--idle-minutes", "terminate after M idle minutes")
            .value("--idle-seconds", "terminate after S idle seconds")
            .flag("--protect", "termination protection on")
            .list("--tag", "k=v (repeatable)")
            .flag("--wait", "wait until WAITING (every worker registered)")
            .value("--spot-interruptions-per-hour", "simulated spot reclaims per hour (needs --spot)")
            .value("--spot-fallback-after", "reclaims before falling back to on-demand (needs --spot)")
            .value("--spot-fallback-window", "seconds the reclaims are counted over (needs --spot)")
            .list("--bootstrap", "a bootstrap script run on every worker before it starts (repeatable)")
            .value("--bootstrap-timeout", "seconds each bootstrap script may take");
        addPolicyOptions(*o);
    }
    addCommand(cluster, ctx, "list", "List the clusters", list);
    addCommand(cluster, ctx, "describe", "A cluster's state, addresses, scaling and history", describe)
        ->positional("CLUSTER", kCluster);
    addCommand(cluster, ctx, "scale", "Set the worker count", scale)
        ->positional("CLUSTER", kCluster)
        .value("--workers", "the new worker count")
        .flag("--wait", "wait until that many executors run");
    {
        auto o
            = addCommand(cluster, ctx, "policy",
                         "Show the scaling policy (no option), or set it (--manual, or --min/--max-workers)", policy);
        o->positional("CLUSTER", kCluster).flag("--manual", "manual scaling");
        addPolicyOptions(*o);
    }
    addCommand(cluster, ctx, "events", "Scaling decisions, state changes, spot interruptions, fallbacks", events)
        ->positional("CLUSTER", kCluster)
        .value("--type", "T[,T...]: only these event types");
    addCommand(cluster, ctx, "timeline", "One time axis: state, scaling, executors, jobs, stages, incidents, actions",
               timeline)
        ->positional("CLUSTER", kCluster)
        .value("--from", "ISO 8601 time")
        .value("--to", "ISO 8601 time");
    addCommand(cluster, ctx, "protect", "Termination protection on or off", protect)
        ->positional("CLUSTER", kCluster)
        .flag("--on", "protect")
        .flag("--off", "unprotect");
    addCommand(cluster, ctx, "terminate", "Terminate a cluster", terminate)
        ->positional("CLUSTER", kCluster)
        .flag("--wait", "wait until TERMINATED");
}

} // namespace cdeck::cli
