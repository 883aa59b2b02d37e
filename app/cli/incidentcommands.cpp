// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// incidents, runbook
#include "clicontext.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

int incidents(Context &ctx, const CommandOptions &o)
{
    const ApiReply r = ctx.call(api::RouteId::ClusterIncidents, {ctx.clusterId(o.word(u"CLUSTER"_s))});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const QJsonArray list = r.body.toArray();
        if (list.isEmpty())
            out() << "No incidents.\n";
        for (const QJsonValue &v : list) {
            const QJsonObject i = v.toObject();
            out() << QStringLiteral("%1 %2 %3 %4\n")
                         .arg(i.value(u"severity"_s).toString(), -9)
                         .arg(i.value(u"type"_s).toString(), -18)
                         .arg(i.value(u"start"_s).toString())
                         .arg(i.value(u"end"_s).isNull() ? u"(open)"_s : u"-> "_s + i.value(u"end"_s).toString())
                  << "    " << i.value(u"summary"_s).toString() << "\n    runbook: " << i.value(u"runbook"_s).toString()
                  << "  (clusterdeck-cli runbook " << i.value(u"runbook"_s).toString() << ")\n";
        }
    });
}

int runbook(Context &ctx, const CommandOptions &o)
{
    const ApiReply r = ctx.call(api::RouteId::Runbook, {o.word(u"NAME"_s)});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] { out() << r.body.toObject().value(u"markdown"_s).toString(); });
}

} // namespace

void addIncidentCommands(CLI::App &root, Context &ctx)
{
    addCommand(
        root, ctx, "incidents",
        "A cluster's incidents (detected all the time; each with its evidence and runbook), open and worst first",
        incidents)
        ->positional("CLUSTER", "a cluster's id or name");
    addCommand(root, ctx, "runbook", "A runbook's text (executor_oom, executor_lost, ...)", runbook)
        ->positional("NAME", "the runbook's name");
}

} // namespace cdeck::cli
