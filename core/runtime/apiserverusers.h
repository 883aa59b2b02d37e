// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/apiroutes.h"
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
    enum class Refusal { None, BadName, Taken, NotFound, Store };
    std::optional<Issued> add(const QString &name, api::Role role, Refusal *why);
    bool remove(const QString &name, Refusal *why);
    std::optional<Issued> rotate(const QString &name, Refusal *why);
    QJsonArray list() const; // name, role, createdAt, tokenSetAt: never a hash

    static bool validName(const QString &name);

private:
    void reload();

    SecurityStore &m_store;
    QByteArray m_key;
    QByteArray m_tokenFileToken;
    QList<UserRecord> m_users;
};

} // namespace cdeck
