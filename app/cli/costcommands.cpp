// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// cost, pricing (per-second billing, one-minute minimum, from the runtime's recorded lifetimes), budget list|set|remove
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

// TAG is key=value with neither part empty: checked before anything is sent.
void checkBudgetTag(const QString &tag)
{
    const qsizetype eq = tag.indexOf(u'=');
    if (eq <= 0 || eq == tag.size() - 1)
        throw UsageError(u"TAG expects key=value, such as team=data"_s);
}

int budgetList(Context &ctx, const CommandOptions &)
{
    const ApiReply r = ctx.call(api::RouteId::Budgets);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const QJsonObject o = r.body.toObject();
        const QJsonArray budgets = o.value(u"budgets"_s).toArray();
        if (budgets.isEmpty()) {
            out() << "No budgets. Set one: clusterdeck-cli budget set team=data 500\n";
            return;
        }
        const QString currency = o.value(u"currency"_s).toString();
        out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                     .arg(u"TAG"_s, -28)
                     .arg(u"LIMIT"_s, -12)
                     .arg(u"SPENT"_s, -12)
                     .arg(u"USED"_s, -7)
                     .arg(u"LEVEL"_s);
        for (const QJsonValue &v : budgets) {
            const QJsonObject b = v.toObject();
            out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                         .arg(b.value(u"tag"_s).toString(), -28)
                         .arg(QString::number(b.value(u"limit"_s).toDouble(), 'f', 2) + u' ' + currency, -12)
                         .arg(QString::number(b.value(u"spent"_s).toDouble(), 'f', 2) + u' ' + currency, -12)
                         .arg(QString::number(b.value(u"fraction"_s).toDouble() * 100, 'f', 1) + u'%', -7)
                         .arg(b.value(u"level"_s).toString());
        }
    });
}

int budgetSet(Context &ctx, const CommandOptions &o)
{
    const QString tag = o.word(u"TAG"_s);
    checkBudgetTag(tag);
    bool ok = false;
    const double limit = o.word(u"LIMIT"_s).toDouble(&ok);
    if (!ok)
        throw UsageError(u"LIMIT expects an amount, such as 500 or 99.50"_s);
    const ApiReply r = ctx.call(api::RouteId::BudgetPut, {}, QJsonObject{{u"tag"_s, tag}, {u"limit"_s, limit}});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body,
                    [&] { out() << "Budget for " << tag << ": " << QString::number(limit, 'f', 2) << " a month\n"; });
}

int budgetRemove(Context &ctx, const CommandOptions &o)
{
    const QString tag = o.word(u"TAG"_s);
    checkBudgetTag(tag);
    const ApiReply r = ctx.call(api::RouteId::BudgetRemove, {tag});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] { out() << "Removed the budget for " << tag << "\n"; });
}

} // namespace

void addCostCommands(CLI::App &root, Context &ctx)
{
    addCommand(root, ctx, "cost",
               "What clusters cost (per-second billing, one-minute minimum); all of them without CLUSTER", cost)
        ->positional("CLUSTER", "a cluster's id or name", false)
        .value("--by", "instance|tag|job|day")
        .value("--tag-key", "with --by tag: the tag's key")
        .value("--from", "ISO 8601 date or time")
        .value("--to", "ISO 8601 date or time");
    addCommand(root, ctx, "pricing",
               "The price catalog the runtime bills with (start the runtime with --pricing FILE for your own)",
               pricing);
    CLI::App &budget
        = addGroup(root, "budget", "Monthly spending limits per cluster tag (warning at 80%, exceeded at 100%)");
    addCommand(budget, ctx, "list", "Each budget's limit, what was spent this calendar month (UTC) and its level",
               budgetList);
    addCommand(budget, ctx, "set", "Set (add or replace) the budget of a tag", budgetSet)
        ->positional("TAG", "key=value, such as team=data")
        .positional("LIMIT", "the monthly limit in the catalog's currency");
    addCommand(budget, ctx, "remove", "Remove a tag's budget", budgetRemove)->positional("TAG", "key=value");
}

} // namespace cdeck::cli
