// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// slo list | add | remove (per job name or cluster tag; error budget and multiwindow burn-rate alerts)
#include "clicontext.h"

#include <QJsonArray>

#include <optional>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

QString number(const std::optional<double> &v, char format, int precision, const QString &suffix = {})
{
    return v ? QString::number(*v, format, precision) + suffix : u"-"_s;
}

std::optional<double> optional(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

int list(Context &ctx, const CommandOptions &)
{
    const ApiReply r = ctx.call(api::RouteId::Slos);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const QJsonArray list = r.body.toArray();
        if (list.isEmpty()) {
            out() << "No SLOs. Add one: clusterdeck-cli slo add --job NAME --objective 0.99\n";
            return;
        }
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
                     .arg(u"ID"_s, -12)
                     .arg(u"SLO"_s, -28)
                     .arg(u"SLI NOW"_s, -10)
                     .arg(u"OBJECTIVE"_s, -10)
                     .arg(u"BUDGET"_s, -8)
                     .arg(u"1H"_s, -7)
                     .arg(u"6H"_s, -7)
                     .arg(u"1D"_s, -7)
                     .arg(u"3D"_s, -7)
                     .arg(u"ALERT"_s);
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            const QJsonObject st = o.value(u"status"_s).toObject();
            const QJsonObject burns = st.value(u"burnRates"_s).toObject();
            const QString sli = o.value(u"sli"_s).toString();
            const auto now = optional(st.value(u"sli"_s));
            const QString sliText = sli == "p95_duration"_L1 || sli == "freshness"_L1
                ? number(now, 'f', 1, u" s"_s)
                : number(now ? std::optional<double>(*now * 100) : std::nullopt, 'f', 2, u"%"_s);
            out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
                         .arg(o.value(u"id"_s).toString(), -12)
                         .arg(o.value(u"name"_s).toString().left(28), -28)
                         .arg(sliText, -10)
                         .arg(QString::number(o.value(u"objective"_s).toDouble() * 100, 'g', 4) + u"%"_s, -10)
                         .arg(QString::number(st.value(u"budgetRemaining"_s).toDouble() * 100, 'f', 0) + u"%"_s, -8)
                         .arg(number(optional(burns.value(u"1h"_s)), 'f', 1, u"x"_s), -7)
                         .arg(number(optional(burns.value(u"6h"_s)), 'f', 1, u"x"_s), -7)
                         .arg(number(optional(burns.value(u"1d"_s)), 'f', 1, u"x"_s), -7)
                         .arg(number(optional(burns.value(u"3d"_s)), 'f', 1, u"x"_s), -7)
                         .arg(st.value(u"alert"_s).toString());
            if (!st.value(u"summary"_s).toString().isEmpty())
                out() << "    " << st.value(u"summary"_s).toString() << "\n";
        }
    });
}

int add(Context &ctx, const CommandOptions &o)
{
    QJsonObject body;
    static const QList<std::pair<QString, QString>> passed{{u"--job"_s, u"job"_s},
                                                           {u"--tag"_s, u"tag"_s},
                                                           {u"--sli"_s, u"sli"_s},
                                                           {u"--window"_s, u"window"_s},
                                                           {u"--name"_s, u"name"_s}};
    for (const auto &[option, field] : passed)
        if (o.has(option))
            body.insert(field, o.value(option));
    if (!o.has(u"--objective"_s))
        throw UsageError(u"slo add needs --objective (0.99, or 99%)"_s);
    QString objective = o.value(u"--objective"_s).trimmed();
    const bool percent = objective.endsWith(u'%');
    if (percent)
        objective.chop(1);
    bool ok = false;
    const double value = objective.toDouble(&ok);
    if (!ok)
        throw UsageError(u"--objective expects a fraction (0.99) or a percentage (99%)"_s);
    body.insert(u"objective"_s, percent ? value / 100 : value);
    if (o.has(u"--threshold"_s)) {
        const double threshold = o.value(u"--threshold"_s).toDouble(&ok);
        if (!ok)
            throw UsageError(u"--threshold expects seconds"_s);
        body.insert(u"thresholdSeconds"_s, threshold);
    }
    const ApiReply r = ctx.call(api::RouteId::SloAdd, {}, body);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const QJsonObject slo = r.body.toObject();
        out() << "Added SLO " << slo.value(u"id"_s).toString() << " (" << slo.value(u"name"_s).toString() << ")\n";
    });
}

int remove(Context &ctx, const CommandOptions &o)
{
    const QString id = o.word(u"SLO_ID"_s);
    const ApiReply r = ctx.call(api::RouteId::SloRemove, {id});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] { out() << "Removed SLO " << id << "\n"; });
}

} // namespace

void addSloCommands(CLI::App &root, Context &ctx)
{
    CLI::App &slo = addGroup(root, "slo", "SLOs per job name or cluster tag: error budget, burn-rate alerts");
    addCommand(slo, ctx, "list", "SLI now, objective, budget left, burn 1h/6h/1d/3d, alert", list);
    addCommand(slo, ctx, "add", "Add an SLO (--job NAME or --tag k=v)", add)
        ->value("--job", "a job name")
        .value("--tag", "k=v: clusters carrying this tag")
        .value("--objective", "0.99, or 99%")
        .value("--sli", "success_rate|p95_duration|failed_task_rate|freshness")
        .value("--window", "the SLO window, e.g. 30d")
        .value("--threshold", "seconds (p95_duration, freshness)")
        .value("--name", "a name");
    addCommand(slo, ctx, "remove", "Remove an SLO", remove)->positional("SLO_ID", "the SLO's id (slo list)");
}

} // namespace cdeck::cli
