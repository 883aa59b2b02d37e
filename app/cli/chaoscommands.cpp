// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// chaos CLUSTER kill-worker | stall-worker | spot-interruption (game days; the loss is recorded as unplanned)
#include "clicontext.h"

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

int chaos(Context &ctx, const CommandOptions &o)
{
    const QString action = o.word(u"ACTION"_s);
    if (action != "kill-worker"_L1 && action != "stall-worker"_L1 && action != "spot-interruption"_L1)
        throw UsageError(u"chaos needs a cluster and kill-worker, stall-worker or spot-interruption"_s);
    QJsonObject body{{u"action"_s, action}};
    if (o.has(u"--executor"_s))
        body.insert(u"executor"_s, o.value(u"--executor"_s));
    if (o.has(u"--seconds"_s)) {
        if (action != "stall-worker"_L1)
            throw UsageError(u"--seconds goes with stall-worker"_s);
        body.insert(u"seconds"_s, o.intValue(u"--seconds"_s));
    }
    const QString id = ctx.clusterId(o.word(u"CLUSTER"_s));
    const ApiReply r = ctx.call(api::RouteId::ClusterChaos, {id}, body);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const QJsonObject result = r.body.toObject();
        if (action == "spot-interruption"_L1)
            out() << "Spot-interrupted executor " << result.value(u"executor"_s).toString()
                  << ": LOST, a replacement is starting (cluster events " << id << " shows the market it bought)\n";
        else if (action == "kill-worker"_L1)
            out() << "Killed executor " << result.value(u"executor"_s).toString() << " (process group "
                  << qint64(result.value(u"processGroup"_s).toDouble()) << "): it is LOST and will not restart\n";
        else
            out() << "Stalled executor " << result.value(u"executor"_s).toString() << " for "
                  << result.value(u"seconds"_s).toInt() << " s (process group "
                  << qint64(result.value(u"processGroup"_s).toDouble()) << ")\n";
    });
}

} // namespace

void addChaosCommands(CLI::App &root, Context &ctx)
{
    addCommand(root, ctx, "chaos",
               "Fault injection: kill-worker (SIGKILL to the worker's process group), stall-worker (SIGSTOP, "
               "SIGCONT after --seconds, default 10), spot-interruption (a reclaim: killed, replaced)",
               chaos)
        ->positional("CLUSTER", "a cluster's id or name")
        .positional("ACTION", "kill-worker | stall-worker | spot-interruption")
        .value("--executor", "the executor (default: one the runtime picks)")
        .value("--seconds", "stall-worker: how long");
}

} // namespace cdeck::cli
