// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// cost, pricing (per-second billing, one-minute minimum, from the runtime's recorded lifetimes)
#include "clicontext.h"

#include "core/cost/costreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

int cost(Context &ctx, const CommandOptions &o)
{
    // The runtime keeps the ledger (recorded lifetimes at the rates of their start); the CLI asks for it.
    QUrlQuery query;
    if (o.has(u"--by"_s)) {
        if (!cost::costGroupingFromString(o.value(u"--by"_s)))
            throw UsageError(u"--by expects instance, tag, job or day"_s);
        query.addQueryItem(u"by"_s, o.value(u"--by"_s));
    }
    if (o.has(u"--tag-key"_s))
        query.addQueryItem(u"tagKey"_s, QString::fromLatin1(QUrl::toPercentEncoding(o.value(u"--tag-key"_s))));
    for (const QString &option : {u"--from"_s, u"--to"_s}) {
        if (!o.has(option))
            continue;
        QDateTime dt = QDateTime::fromString(o.value(option), Qt::ISODateWithMs);
        if (!dt.isValid())
            dt = QDate::fromString(o.value(option), Qt::ISODate).startOfDay(Qt::UTC);
        if (!dt.isValid())
            throw UsageError(option + u" expects an ISO 8601 date or time"_s);
        query.addQueryItem(option.mid(2), QString::number(dt.toMSecsSinceEpoch()));
    }
    const QString cluster = o.word(u"CLUSTER"_s);
    const QString q = query.toString(QUrl::FullyEncoded);
    const ApiReply r = cluster.isEmpty() ? ctx.call(api::RouteId::Cost, {}, {}, q)
                                         : ctx.call(api::RouteId::ClusterCost, {ctx.clusterId(cluster)}, {}, q);
    if (!r.ok())
        return ctx.fail(r);
    QJsonObject report = r.body.toObject();
    // The Cost page's extras stay in the API; the CLI prints the ledger.
    for (const QString &extra : {u"meter"_s, u"jobs"_s, u"now"_s})
        report.remove(extra);
    return ctx.done(report, [&] { out() << QJsonDocument(report).toJson(QJsonDocument::Indented); });
}

int pricing(Context &ctx, const CommandOptions &)
{
    const ApiReply r = ctx.call(api::RouteId::Pricing);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const QJsonObject o = r.body.toObject();
        out() << "Price catalog " << o.value(u"source"_s).toString() << " (" << o.value(u"currency"_s).toString()
              << ", as of " << o.value(u"asOf"_s).toString() << ")\n";
        out() << QJsonDocument(o.value(u"instanceTypes"_s).toArray()).toJson(QJsonDocument::Indented);
    });
}

} // namespace

void addCostCommands(CLI::App &root, Context &ctx)
{
    addCommand(root, ctx, "cost", "What clusters cost (per-second billing, one-minute minimum); all of them without CLUSTER",
               cost)
        ->positional("CLUSTER", "a cluster's id or name", false)
        .value("--by", "instance|tag|job|day")
        .value("--tag-key", "with --by tag: the tag's key")
        .value("--from", "ISO 8601 date or time")
        .value("--to", "ISO 8601 date or time");
    addCommand(root, ctx, "pricing",
               "The price catalog the runtime bills with (start the runtime with --pricing FILE for your own)", pricing);
}

} // namespace cdeck::cli
