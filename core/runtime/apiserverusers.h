// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/apiroutes.h"
#include "core/runtime/accessguards.h"
#include "core/store/securitystore.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace cdeck {

// Who is calling, as the runtime knows it from the token (never from the request's own words).
struct Caller
{
    QString user;
    api::Role role = api::Role::Viewer;
};

// The runtime's users: per-user random tokens kept as keyed hashes (core/security/usertokens.h), checked in
// constant time; the token file of a local install is the first admin, "admin". Thread: the runtime's main.
class UserDirectory
{
public:
    UserDirectory(SecurityStore &store, QByteArray tokenKey, QByteArray tokenFileToken);

    static QString tokenFileUser() { return QStringLiteral("admin"); }

    std::optional<Caller> authenticate(const QByteArray &token) const;

    struct Issued
    {
        QString name;
        api::Role role;
        QByteArray token; // shown once
    };
    // BadQuota: a quota for a role other than scientist (the others have none).
    enum class Refusal { None, BadName, Taken, NotFound, Store, BadQuota };
    std::optional<Issued> add(const QString &name, api::Role role, Refusal *why, const UserQuota &quota = {});
    bool remove(const QString &name, Refusal *why);
    std::optional<Issued> rotate(const QString &name, Refusal *why);
    // A scientist's own quota, replacing the one it had (UserQuota::changed makes it from a request).
    bool setQuota(const QString &name, const UserQuota &quota, Refusal *why);
    std::optional<UserQuota> quota(const QString &name) const; // nullopt: no such user
    // What holds for this scientist: its own limits where set, the runtime's defaults for the rest.
    ScientistQuota quotaOf(const QString &name, const ScientistQuota &defaults) const;
    // name, role, createdAt, tokenSetAt (never a hash); a scientist's quota as ScientistQuota::toJson.
    QJsonArray list(const ScientistQuota &defaults) const;

    static bool validName(const QString &name);

private:
    void reload();

    SecurityStore &m_store;
    QByteArray m_key;
    QByteArray m_tokenFileToken;
    QList<UserRecord> m_users;
};

} // namespace cdeck
