// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// audit, user add | list | remove | rotate, whoami
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

int userAdd(Context &ctx, const CommandOptions &o)
{
    if (!o.has(u"--role"_s))
        throw UsageError(u"user add needs --role viewer|scientist|operator|admin"_s);
    const ApiReply r
        = ctx.call(api::RouteId::UserAdd, {}, {{u"name"_s, o.word(u"NAME"_s)}, {u"role"_s, o.value(u"--role"_s)}});
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
            out() << QStringLiteral("%1 %2 %3\n")
                         .arg(u.value(u"name"_s).toString(), -20)
                         .arg(u.value(u"role"_s).toString(), -10)
                         .arg(u.value(u"tokenFile"_s).toBool() ? u"(the runtime's token file)"_s
                                                               : u"token set "_s + u.value(u"tokenSetAt"_s).toString());
        }
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
        .value("--role", "viewer | scientist | operator | admin");
    addCommand(user, ctx, "list", "Users and roles (never their tokens)", userList);
    addCommand(user, ctx, "remove", "Remove a user: its token stops working at once", userRemove)
        ->positional("NAME", "the user");
    addCommand(user, ctx, "rotate", "A new token for a user (printed once); the old one stops working", userRotate)
        ->positional("NAME", "the user");
    addCommand(root, ctx, "whoami", "The user and role of the token in use", whoami);
}

} // namespace cdeck::cli
