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

std::optional<UserDirectory::Issued> UserDirectory::add(const QString &name, api::Role role, Refusal *why)
{
    if (!validName(name)) {
        *why = Refusal::BadName;
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
    if (!m_store.addUser(UserRecord{name, api::toString(role), security::hashToken(issued.token, m_key), now, now},
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

QJsonArray UserDirectory::list() const
{
    QJsonArray result{QJsonObject{{u"name"_s, tokenFileUser()}, {u"role"_s, u"admin"_s}, {u"tokenFile"_s, true}}};
    for (const UserRecord &u : m_users)
        result.append(QJsonObject{{u"name"_s, u.name},
                                  {u"role"_s, u.role},
                                  {u"createdAt"_s, u.createdAt.toString(Qt::ISODateWithMs)},
                                  {u"tokenSetAt"_s, u.tokenSetAt.toString(Qt::ISODateWithMs)}});
    return result;
}

} // namespace cdeck
