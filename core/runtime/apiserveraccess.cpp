// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserveraccess.h"

#include "core/runtime/apicall.h"
#include "core/runtime/apiserverusers.h"
#include "core/store/securitystore.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cdeck {

using namespace reply;

namespace {

QJsonObject auditJson(const AuditRecord &e)
{
    QJsonObject o{{u"seq"_s, double(e.seq)},
                  {u"at"_s, e.at.toString(Qt::ISODateWithMs)},
                  {u"user"_s, e.user},
                  {u"role"_s, e.role},
                  {u"action"_s, e.action},
                  {u"target"_s, e.target},
                  {u"outcome"_s, e.outcome},
                  {u"detail"_s, e.detail},
                  {u"hash"_s, QString::fromLatin1(e.hash)}};
    if (e.requestSeq > 0)
        o.insert(u"requestSeq"_s, double(e.requestSeq));
    if (!e.request.isEmpty())
        o.insert(u"request"_s, e.request);
    return o;
}

QString refusalText(UserDirectory::Refusal why, const QString &name)
{
    switch (why) {
    case UserDirectory::Refusal::BadName:
        return u"name: 1-64 of a-z, 0-9, '_', '.', '-', starting with a letter, and not 'admin' (the token file's)"_s;
    case UserDirectory::Refusal::Taken:
        return u"a user %1 exists already"_s.arg(name);
    case UserDirectory::Refusal::NotFound:
        return u"no user %1"_s.arg(name);
    case UserDirectory::Refusal::BadQuota:
        return u"only a scientist has a quota (maxClusters, maxWorkers, maxDollarsPerHour)"_s;
    case UserDirectory::Refusal::Store:
    case UserDirectory::Refusal::None:
        break;
    }
    return u"the user store refused it: see runtime.log"_s;
}

Status refusalStatus(UserDirectory::Refusal why)
{
    switch (why) {
    case UserDirectory::Refusal::BadName:
    case UserDirectory::Refusal::BadQuota:
        return Status::BadRequest;
    case UserDirectory::Refusal::Taken:
        return Status::Conflict;
    case UserDirectory::Refusal::NotFound:
        return Status::NotFound;
    case UserDirectory::Refusal::Store:
    case UserDirectory::Refusal::None:
        break;
    }
    return Status::InternalServerError;
}

QJsonObject issuedJson(const UserDirectory::Issued &issued)
{
    return {{u"name"_s, issued.name},
            {u"role"_s, api::toString(issued.role)},
            {u"token"_s, QString::fromLatin1(issued.token)}};
}

} // namespace

void AccessRoutes::whoami(ApiCall &call)
{
    ok(call, QJsonObject{{u"user"_s, call.caller.user}, {u"role"_s, api::toString(call.caller.role)}});
}

void AccessRoutes::auditLog(ApiCall &call)
{
    const QUrlQuery query(call.request.url());
    bool valid = true;
    const qint64 after = query.hasQueryItem(u"after"_s) ? query.queryItemValue(u"after"_s).toLongLong(&valid) : 0;
    if (!valid || after < 0)
        return fail(call, Status::BadRequest, u"invalid audit query"_s, u"after: expected an entry seq"_s);
    const qint64 before = query.hasQueryItem(u"before"_s) ? query.queryItemValue(u"before"_s).toLongLong(&valid) : 0;
    if (!valid || before < 0)
        return fail(call, Status::BadRequest, u"invalid audit query"_s, u"before: expected an entry seq"_s);
    int limit = 1000;
    if (query.hasQueryItem(u"limit"_s)) {
        limit = query.queryItemValue(u"limit"_s).toInt(&valid);
        if (!valid || limit < 1 || limit > 10000)
            return fail(call, Status::BadRequest, u"invalid audit query"_s, u"limit: 1 to 10000"_s);
    }
    QJsonArray list;
    for (const AuditRecord &e : m_security.audit(after, limit, query.queryItemValue(u"user"_s, QUrl::FullyDecoded),
                                                 query.queryItemValue(u"cluster"_s, QUrl::FullyDecoded),
                                                 query.queryItemValue(u"action"_s, QUrl::FullyDecoded), before))
        list.append(auditJson(e));
    ok(call, list);
}

void AccessRoutes::users(ApiCall &call)
{
    ok(call, m_users.list(m_quota));
}

void AccessRoutes::addUser(ApiCall &call)
{
    const QString name = call.body.value(u"name"_s).toString();
    const auto role = api::roleFromString(call.body.value(u"role"_s).toString());
    if (!role)
        return fail(call, Status::BadRequest, u"invalid user"_s, u"role: viewer, scientist, operator or admin"_s);
    QString bad;
    const std::optional<UserQuota> quota = UserQuota::changed({}, call.body, &bad);
    if (!quota)
        return fail(call, Status::BadRequest, u"invalid user"_s, bad);
    UserDirectory::Refusal why = UserDirectory::Refusal::None;
    const auto issued = m_users.add(name, *role, &why, *quota);
    if (!issued)
        return fail(call, refusalStatus(why), u"invalid user"_s, refusalText(why, name));
    ok(call, issuedJson(*issued), Status::Created);
}

void AccessRoutes::removeUser(ApiCall &call)
{
    UserDirectory::Refusal why = UserDirectory::Refusal::None;
    if (!m_users.remove(call.parameter(0), &why))
        return fail(call, refusalStatus(why), u"user not removed"_s, refusalText(why, call.parameter(0)));
    ok(call, QJsonObject{{u"deleted"_s, call.parameter(0)}});
}

void AccessRoutes::rotateUser(ApiCall &call)
{
    UserDirectory::Refusal why = UserDirectory::Refusal::None;
    const auto issued = m_users.rotate(call.parameter(0), &why);
    if (!issued)
        return fail(call, refusalStatus(why), u"token not rotated"_s, refusalText(why, call.parameter(0)));
    ok(call, issuedJson(*issued));
}

void AccessRoutes::setUserQuota(ApiCall &call)
{
    const QString name = call.parameter(0);
    const std::optional<UserQuota> current = m_users.quota(name);
    if (!current)
        return fail(call, Status::NotFound, u"user not found"_s, u"no user %1"_s.arg(name));
    if (!UserQuota::mentionedIn(call.body))
        return fail(call, Status::BadRequest, u"invalid quota"_s,
                    u"give maxClusters, maxWorkers or maxDollarsPerHour (null: the runtime's default)"_s);
    QString bad;
    const std::optional<UserQuota> changed = UserQuota::changed(*current, call.body, &bad);
    if (!changed)
        return fail(call, Status::BadRequest, u"invalid quota"_s, bad);
    UserDirectory::Refusal why = UserDirectory::Refusal::None;
    if (!m_users.setQuota(name, *changed, &why))
        return why == UserDirectory::Refusal::BadQuota
            ? fail(call, Status::BadRequest, u"invalid quota"_s,
                   u"%1 is not a scientist: only a scientist has a quota"_s.arg(name))
            : fail(call, Status::InternalServerError, u"quota not stored"_s,
                   u"the user store refused it: see runtime.log"_s);
    ok(call, QJsonObject{{u"name"_s, name}, {u"quota"_s, m_quota.toJson(*changed)}});
}

} // namespace cdeck
