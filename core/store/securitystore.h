// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cdeck {

// A user of the runtime: its token is kept only as a keyed hash (core/security/usertokens.h).
struct UserRecord
{
    QString name;
    QString role; // viewer, scientist, operator, admin
    QByteArray tokenHash; // 32 bytes
    QDateTime createdAt;
    QDateTime tokenSetAt; // created or last rotated
    // A scientist's own quota; unset: the runtime's default (CLUSTERDECK_SCIENTIST_MAX_*).
    std::optional<int> maxClusters;
    std::optional<int> maxWorkers;
    std::optional<qint64> maxMicrosPerHour;
};

// One entry of the runtime's audit log. Append-only and hash-chained: hash = SHA-256 over the previous
// entry's hash and this entry's fields, so editing, removing or reordering an entry breaks every hash after it.
struct AuditRecord
{
    qint64 seq = 0; // assigned by the store, from 1
    QDateTime at;
    QString user; // the authenticated user (never a name the request supplies)
    QString role;
    QString action; // "POST /clusters/{id}/scale"
    QString target; // the route's parameters: "c-abc", "c-abc/job-1"
    QString request; // the request body (compact JSON, at most 4 KiB kept)
    QString outcome; // requested, succeeded, failed, denied
    QString detail; // the HTTP status and the refusal's words
    qint64 requestSeq = 0; // for an outcome: the seq of its "requested" entry
    QByteArray prevHash; // hex
    QByteArray hash; // hex

    QByteArray computeHash() const; // over prevHash and every field above it
};

struct AuditVerification
{
    bool ok = false;
    qint64 entries = 0;
    qint64 firstBadSeq = 0; // 0 when ok
    QString message;
};

// DATA/security.sqlite: users and the audit log, apart from runtime.sqlite so neither's migrations wait on
// the other. Thread contract: the thread that opened it.
class SecurityStore
{
public:
    SecurityStore();
    ~SecurityStore();
    SecurityStore(const SecurityStore &) = delete;
    SecurityStore &operator=(const SecurityStore &) = delete;

    bool open(const QString &path, QString *error);
    // For `audit verify`: opens without writing anything (no migration, no journal change), so it can check
    // the log of a running runtime and cannot alter the file it is checking.
    bool openReadOnly(const QString &path, QString *error);

    QList<UserRecord> users() const;
    bool addUser(const UserRecord &user, QString *error); // fails on a taken name
    bool removeUser(const QString &name);
    bool setTokenHash(const QString &name, const QByteArray &hash);
    // The user's own quota (maxClusters, maxWorkers, maxMicrosPerHour of user; name picks the row).
    bool setQuota(const UserRecord &user);

    // Who launched a cluster (a scientist acts only on its own); empty when unknown (launched before users).
    bool setClusterOwner(const QString &clusterId, const QString &user);
    QString clusterOwner(const QString &clusterId) const;

    // Appends in one transaction, chaining to the last entry; the stored entry, or nullopt when it could
    // not be written (the caller must then refuse what it was about to do).
    std::optional<AuditRecord> appendAudit(AuditRecord entry);
    // Newest last; afterSeq/limit page through it, the filters match exactly when set. beforeSeq > 0: the
    // newest limit entries below it (still newest last), for a view that opens on the latest.
    QList<AuditRecord> audit(qint64 afterSeq, int limit, const QString &user = {}, const QString &target = {},
                             const QString &action = {}, qint64 beforeSeq = 0) const;
    AuditVerification verifyAudit() const;

private:
    bool exec(const QString &sql, QString *error) const;
    QString m_connectionName;
};

} // namespace cdeck
