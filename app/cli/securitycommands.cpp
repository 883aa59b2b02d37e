// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// audit, user add | list | remove | rotate | quota, whoami
#include "clicontext.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

int audit(Context &ctx, const CommandOptions &o)
{
    QUrlQuery query;
    if (o.has(u"--user"_s))
        query.addQueryItem(u"user"_s, QString::fromLatin1(QUrl::toPercentEncoding(o.value(u"--user"_s))));
    if (o.has(u"--cluster"_s))
        query.addQueryItem(u"cluster"_s,
                           QString::fromLatin1(QUrl::toPercentEncoding(ctx.clusterId(o.value(u"--cluster"_s)))));
    if (o.has(u"--after"_s))
        query.addQueryItem(u"after"_s, QString::number(o.intValue(u"--after"_s)));
    const ApiReply r = ctx.call(api::RouteId::Audit, {}, {}, query.toString(QUrl::FullyEncoded));
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const QJsonArray list = r.body.toArray();
        if (list.isEmpty())
            out() << "No audit entries.\n";
        for (const QJsonValue &v : list) {
            const QJsonObject e = v.toObject();
            out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                         .arg(qint64(e.value(u"seq"_s).toDouble()), 6)
                         .arg(e.value(u"at"_s).toString(), -24)
                         .arg(e.value(u"user"_s).toString(), -12)
                         .arg(e.value(u"outcome"_s).toString(), -9)
                         .arg(e.value(u"action"_s).toString(), -36)
                         .arg(e.value(u"target"_s).toString());
            if (!e.value(u"detail"_s).toString().isEmpty())
                out() << "  (" << e.value(u"detail"_s).toString() << ")";
            out() << "\n";
        }
    });
}

void printIssued(const QJsonObject &o, const char *what)
{
    out() << what << " " << o.value(u"name"_s).toString() << " (" << o.value(u"role"_s).toString()
          << "). Its token, shown this once:\n"
          << o.value(u"token"_s).toString() << "\n";
}

// --max-clusters, --max-workers, --max-dollars-per-hour as the API's fields: a number, or "default" (null: the
// runtime's CLUSTERDECK_SCIENTIST_MAX_* again). The runtime checks the numbers; here only that they are numbers.
QJsonObject quotaFields(const CommandOptions &o)
{
    QJsonObject fields;
    const std::pair<QString, QString> options[] = {{u"--max-clusters"_s, u"maxClusters"_s},
                                                   {u"--max-workers"_s, u"maxWorkers"_s},
                                                   {u"--max-dollars-per-hour"_s, u"maxDollarsPerHour"_s}};
    for (const auto &[option, field] : options) {
        if (!o.has(option))
            continue;
        const QString text = o.value(option);
        if (text == "default"_L1) {
            fields.insert(field, QJsonValue::Null);
            continue;
        }
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok)
            throw UsageError(u"%1 expects a number or 'default'"_s.arg(option));
        fields.insert(field, v);
    }
    return fields;
}

QString quotaText(const QJsonObject &quota)
{
    QStringList own;
    for (const QJsonValue &v : quota.value(u"own"_s).toArray())
        own.append(v.toString());
    const auto mark = [&own](const QString &field) { return own.contains(field) ? u"*"_s : QString(); };
    return u"quota %1%2 clusters, %3%4 workers, $%5%6/h"_s.arg(quota.value(u"maxClusters"_s).toInt())
        .arg(mark(u"maxClusters"_s))
        .arg(quota.value(u"maxWorkers"_s).toInt())
        .arg(mark(u"maxWorkers"_s))
        .arg(QString::number(quota.value(u"maxDollarsPerHour"_s).toDouble(), 'f', 2), mark(u"maxDollarsPerHour"_s));
}

int userAdd(Context &ctx, const CommandOptions &o)
{
    if (!o.has(u"--role"_s))
        throw UsageError(u"user add needs --role viewer|scientist|operator|admin"_s);
    QJsonObject body = quotaFields(o);
    body.insert(u"name"_s, o.word(u"NAME"_s));
    body.insert(u"role"_s, o.value(u"--role"_s));
    const ApiReply r = ctx.call(api::RouteId::UserAdd, {}, body);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] { printIssued(r.body.toObject(), "Added"); });
}

int userList(Context &ctx, const CommandOptions &)
{
    const ApiReply r = ctx.call(api::RouteId::Users);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        for (const QJsonValue &v : r.body.toArray()) {
            const QJsonObject u = v.toObject();
            out() << QStringLiteral("%1 %2 %3")
                         .arg(u.value(u"name"_s).toString(), -20)
                         .arg(u.value(u"role"_s).toString(), -10)
                         .arg(u.value(u"tokenFile"_s).toBool() ? u"(the runtime's token file)"_s
                                                               : u"token set "_s + u.value(u"tokenSetAt"_s).toString());
            if (u.contains(u"quota"_s))
                out() << "  " << quotaText(u.value(u"quota"_s).toObject());
            out() << "\n";
        }
        out() << "(* a user's own quota; the others are the runtime's defaults)\n";
    });
}

int userQuota(Context &ctx, const CommandOptions &o)
{
    const QJsonObject body = quotaFields(o);
    if (body.isEmpty())
        throw UsageError(u"user quota needs --max-clusters, --max-workers or --max-dollars-per-hour"_s);
    const ApiReply r = ctx.call(api::RouteId::UserQuota, {o.word(u"NAME"_s)}, body);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        out() << r.body.toObject().value(u"name"_s).toString() << ": "
              << quotaText(r.body.toObject().value(u"quota"_s).toObject()) << " (* its own)\n";
    });
}

int userRemove(Context &ctx, const CommandOptions &o)
{
    const ApiReply r = ctx.call(api::RouteId::UserRemove, {o.word(u"NAME"_s)});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] { out() << "Removed " << o.word(u"NAME"_s) << "; its token no longer works\n"; });
}

int userRotate(Context &ctx, const CommandOptions &o)
{
    const ApiReply r = ctx.call(api::RouteId::UserRotate, {o.word(u"NAME"_s)});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] { printIssued(r.body.toObject(), "Rotated the token of"); });
}

int whoami(Context &ctx, const CommandOptions &)
{
    const ApiReply r = ctx.call(api::RouteId::Whoami);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        out() << r.body.toObject().value(u"user"_s).toString() << " (" << r.body.toObject().value(u"role"_s).toString()
              << ")\n";
    });
}

} // namespace

void addSecurityCommands(CLI::App &root, Context &ctx)
{
    addCommand(root, ctx, "audit",
               "The audit log: every mutating call (requested, then succeeded or failed) and every refusal by role "
               "(denied), oldest first",
               audit)
        ->value("--user", "only this user's entries")
        .value("--cluster", "only entries on this cluster (id or name)")
        .value("--after", "only entries after this seq");
    CLI::App &user = addGroup(root, "user", "Users and their tokens (admin)");
    addCommand(user, ctx, "add", "Add a user; its token is printed once (--json: {\"name\", \"role\", \"token\"})",
               userAdd)
        ->positional("NAME", "a-z, 0-9, '_', '.', '-'")
        .value("--role", "viewer | scientist | operator | admin")
        .value("--max-clusters", "a scientist's own quota of live clusters (default: the runtime's)")
        .value("--max-workers", "a scientist's own quota of workers across its live clusters")
        .value("--max-dollars-per-hour", "a scientist's own quota of dollars per hour across its live clusters");
    addCommand(user, ctx, "list", "Users and roles (never their tokens)", userList);
    addCommand(user, ctx, "remove", "Remove a user: its token stops working at once", userRemove)
        ->positional("NAME", "the user");
    addCommand(user, ctx, "rotate", "A new token for a user (printed once); the old one stops working", userRotate)
        ->positional("NAME", "the user");
    addCommand(user, ctx, "quota",
               "Change a scientist's own quota; 'default' puts a limit back to the runtime's "
               "CLUSTERDECK_SCIENTIST_MAX_*",
               userQuota)
        ->positional("NAME", "the scientist")
        .value("--max-clusters", "live clusters, or 'default'")
        .value("--max-workers", "workers across its live clusters, or 'default'")
        .value("--max-dollars-per-hour", "dollars per hour across its live clusters, or 'default'");
    addCommand(root, ctx, "whoami", "The user and role of the token in use", whoami);
}

} // namespace cdeck::cli
