// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserverusers.h"

#include "core/security/tokenfile.h"
#include "core/security/usertokens.h"
#include "core/store/securitystore.h"

#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

UserQuota quotaOfRecord(const UserRecord &u)
{
    return UserQuota{u.maxClusters, u.maxWorkers, u.maxMicrosPerHour};
}

} // namespace

UserDirectory::UserDirectory(SecurityStore &store, QByteArray tokenKey, QByteArray tokenFileToken)
    : m_store(store)
    , m_key(std::move(tokenKey))
    , m_tokenFileToken(std::move(tokenFileToken))
{
    reload();
}

void UserDirectory::reload()
{
    m_users = m_store.users();
}

bool UserDirectory::validName(const QString &name)
{
    static const QRegularExpression allowed(u"^[a-z][a-z0-9_.-]{0,63}$"_s);
    return allowed.match(name).hasMatch() && name != tokenFileUser();
}

std::optional<Caller> UserDirectory::authenticate(const QByteArray &token) const
{
    if (token.isEmpty())
        return std::nullopt;
    if (!m_tokenFileToken.isEmpty() && security::tokensEqual(token, m_tokenFileToken))
        return Caller{tokenFileUser(), api::Role::Admin};
    const QByteArray hash = security::hashToken(token, m_key);
    std::optional<Caller> found;
    // Every user is compared, in constant time each: how long this takes says nothing about the token.
    for (const UserRecord &u : m_users)
        if (security::hashesEqual(hash, u.tokenHash))
            found = Caller{u.name, api::roleFromString(u.role).value_or(api::Role::Viewer)};
    return found;
}

std::optional<UserDirectory::Issued> UserDirectory::add(const QString &name, api::Role role, Refusal *why,
                                                        const UserQuota &quota)
{
    if (!validName(name)) {
        *why = Refusal::BadName;
        return std::nullopt;
    }
    if (!quota.isEmpty() && role != api::Role::Scientist) {
        *why = Refusal::BadQuota;
        return std::nullopt;
    }
    for (const UserRecord &u : std::as_const(m_users))
        if (u.name == name) {
            *why = Refusal::Taken;
            return std::nullopt;
        }
    Issued issued{name, role, security::newUserToken()};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    if (!m_store.addUser(UserRecord{name, api::toString(role), security::hashToken(issued.token, m_key), now, now,
                                    quota.clusters, quota.workers, quota.microsPerHour},
                         &error)) {
        *why = Refusal::Store;
        return std::nullopt;
    }
    reload();
    return issued;
}

bool UserDirectory::remove(const QString &name, Refusal *why)
{
    if (!m_store.removeUser(name)) {
        *why = Refusal::NotFound;
        return false;
    }
    reload();
    return true;
}

std::optional<UserDirectory::Issued> UserDirectory::rotate(const QString &name, Refusal *why)
{
    for (const UserRecord &u : std::as_const(m_users)) {
        if (u.name != name)
            continue;
        Issued issued{name, api::roleFromString(u.role).value_or(api::Role::Viewer), security::newUserToken()};
        if (!m_store.setTokenHash(name, security::hashToken(issued.token, m_key))) {
            *why = Refusal::Store;
            return std::nullopt;
        }
        reload();
        return issued;
    }
    *why = Refusal::NotFound;
    return std::nullopt;
}

bool UserDirectory::setQuota(const QString &name, const UserQuota &quota, Refusal *why)
{
    for (UserRecord u : std::as_const(m_users)) {
        if (u.name != name)
            continue;
        if (u.role != api::toString(api::Role::Scientist)) {
            *why = Refusal::BadQuota;
            return false;
        }
        u.maxClusters = quota.clusters;
        u.maxWorkers = quota.workers;
        u.maxMicrosPerHour = quota.microsPerHour;
        if (!m_store.setQuota(u)) {
            *why = Refusal::Store;
            return false;
        }
        reload();
        return true;
    }
    *why = Refusal::NotFound;
    return false;
}

std::optional<UserQuota> UserDirectory::quota(const QString &name) const
{
    for (const UserRecord &u : m_users)
        if (u.name == name)
            return quotaOfRecord(u);
    return std::nullopt;
}

ScientistQuota UserDirectory::quotaOf(const QString &name, const ScientistQuota &defaults) const
{
    return defaults.withOwn(quota(name).value_or(UserQuota{}));
}

QJsonArray UserDirectory::list(const ScientistQuota &defaults) const
{
    QJsonArray result{QJsonObject{{u"name"_s, tokenFileUser()}, {u"role"_s, u"admin"_s}, {u"tokenFile"_s, true}}};
    for (const UserRecord &u : m_users) {
        QJsonObject o{{u"name"_s, u.name},
                      {u"role"_s, u.role},
                      {u"createdAt"_s, u.createdAt.toString(Qt::ISODateWithMs)},
                      {u"tokenSetAt"_s, u.tokenSetAt.toString(Qt::ISODateWithMs)}};
        if (u.role == api::toString(api::Role::Scientist))
            o.insert(u"quota"_s, defaults.toJson(quotaOfRecord(u)));
        result.append(o);
    }
    return result;
}

} // namespace cdeck
