// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "securitystore.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

// Migrations in order; user_version is the number applied. Never edit a shipped step: add one.
const std::array<QStringList, 2> kMigrations{{
    {
        u"CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL, token_hash BLOB NOT NULL, "
        "created_at INTEGER NOT NULL, token_set_at INTEGER NOT NULL)"_s,
        u"CREATE TABLE audit (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL, "
        "action TEXT NOT NULL, target TEXT NOT NULL, request TEXT NOT NULL, outcome TEXT NOT NULL, "
        "detail TEXT NOT NULL, request_seq INTEGER NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"_s,
        u"CREATE TABLE cluster_owners (cluster_id TEXT PRIMARY KEY, user TEXT NOT NULL)"_s,
        // Append-only as far as SQL goes: an UPDATE or DELETE through this file is refused. (Whoever can
        // write the file can drop the triggers too; the hash chain is what shows that.)
        u"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is "
        "append-only'); END"_s,
        u"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is "
        "append-only'); END"_s,
    },
    {
        // A scientist's own quota; NULL: the runtime's default.
        u"ALTER TABLE users ADD COLUMN max_clusters INTEGER"_s,
        u"ALTER TABLE users ADD COLUMN max_workers INTEGER"_s,
        u"ALTER TABLE users ADD COLUMN max_micros_per_hour INTEGER"_s,
    },
}};

constexpr qsizetype kMaxRequestChars = 4096;

// QSqlQuery binds a null QString as SQL NULL; the audit's text columns are NOT NULL with '' for "none".
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(u""_s)) : QVariant(s);
}

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &v)
{
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

template <typename T> std::optional<T> optionalFrom(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<T>(T(v.toLongLong()));
}

template <typename T> QVariant optionalValue(const std::optional<T> &v)
{
    return v ? QVariant(qint64(*v)) : QVariant(QMetaType::fromType<qint64>());
}

AuditRecord auditFrom(const QSqlQuery &q)
{
    AuditRecord e;
    e.seq = q.value(0).toLongLong();
    e.at = fromMs(q.value(1));
    e.user = q.value(2).toString();
    e.role = q.value(3).toString();
    e.action = q.value(4).toString();
    e.target = q.value(5).toString();
    e.request = q.value(6).toString();
    e.outcome = q.value(7).toString();
    e.detail = q.value(8).toString();
    e.requestSeq = q.value(9).toLongLong();
    e.prevHash = q.value(10).toString().toLatin1();
    e.hash = q.value(11).toString().toLatin1();
    return e;
}

const char *const kAuditColumns
    = "seq, at, user, role, action, target, request, outcome, detail, request_seq, prev_hash, hash";

} // namespace

QByteArray AuditRecord::computeHash() const
{
    // Each field with its length, so no two different entries serialise alike.
    QCryptographicHash h(QCryptographicHash::Sha256);
    auto add = [&h](const QByteArray &field) {
        h.addData(QByteArray(QByteArray::number(field.size()) + ':'));
        h.addData(field);
    };
    add(prevHash);
    add(QByteArray::number(seq));
    add(QByteArray::number(ms(at)));
    for (const QString *s : {&user, &role, &action, &target, &request, &outcome, &detail})
        add(s->toUtf8());
    add(QByteArray::number(requestSeq));
    return h.result().toHex();
}

SecurityStore::SecurityStore()
    : m_connectionName(u"securitystore-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

SecurityStore::~SecurityStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SecurityStore::exec(const QString &sql, QString *error) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

bool SecurityStore::open(const QString &path, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        *error = u"cannot open %1: %2"_s.arg(path, db.lastError().text());
        return false;
    }
    // FULL: an audit entry that was acknowledged survives a power cut.
    if (!exec(u"PRAGMA journal_mode=WAL"_s, error) || !exec(u"PRAGMA synchronous=FULL"_s, error))
        return false;
    QSqlQuery version(db);
    const int current = version.exec(u"PRAGMA user_version"_s) && version.next() ? version.value(0).toInt() : -1;
    if (current < 0 || current > int(kMigrations.size())) {
        *error = u"%1 has schema version %2, which this runtime does not understand"_s.arg(path).arg(current);
        return false;
    }
    for (int v = current; v < int(kMigrations.size()); ++v) {
        db.transaction();
        bool ok = true;
        for (const QString &sql : kMigrations[std::size_t(v)])
            ok = ok && exec(sql, error);
        ok = ok && exec(u"PRAGMA user_version = %1"_s.arg(v + 1), error);
        if (!ok || !db.commit()) {
            db.rollback();
            *error = u"%1: migration to schema version %2 failed: %3"_s.arg(path).arg(v + 1).arg(*error);
            return false;
        }
    }
    return true;
}

bool SecurityStore::openReadOnly(const QString &path, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        *error = u"cannot open %1: %2"_s.arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery version(db);
    const int current = version.exec(u"PRAGMA user_version"_s) && version.next() ? version.value(0).toInt() : -1;
    if (current != int(kMigrations.size())) {
        *error = u"%1 has schema version %2; this program reads version %3"_s.arg(path).arg(current).arg(
            kMigrations.size());
        return false;
    }
    return true;
}

QList<UserRecord> SecurityStore::users() const
{
    QList<UserRecord> result;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.exec(u"SELECT name, role, token_hash, created_at, token_set_at, max_clusters, max_workers, "
                "max_micros_per_hour FROM users ORDER BY created_at, name"_s))
        return result;
    while (q.next())
        result.append(UserRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toByteArray(),
                                 fromMs(q.value(3)), fromMs(q.value(4)), optionalFrom<int>(q.value(5)),
                                 optionalFrom<int>(q.value(6)), optionalFrom<qint64>(q.value(7))});
    return result;
}

bool SecurityStore::addUser(const UserRecord &user, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(u"INSERT INTO users (name, role, token_hash, created_at, token_set_at, max_clusters, max_workers, "
              "max_micros_per_hour) VALUES (?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(user.name);
    q.addBindValue(user.role);
    q.addBindValue(user.tokenHash);
    q.addBindValue(ms(user.createdAt));
    q.addBindValue(ms(user.tokenSetAt));
    q.addBindValue(optionalValue(user.maxClusters));
    q.addBindValue(optionalValue(user.maxWorkers));
    q.addBindValue(optionalValue(user.maxMicrosPerHour));
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

bool SecurityStore::removeUser(const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(u"DELETE FROM users WHERE name = ?"_s);
    q.addBindValue(name);
    return q.exec() && q.numRowsAffected() == 1;
}

bool SecurityStore::setTokenHash(const QString &name, const QByteArray &hash)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(u"UPDATE users SET token_hash = ?, token_set_at = ? WHERE name = ?"_s);
    q.addBindValue(hash);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(name);
    return q.exec() && q.numRowsAffected() == 1;
}

bool SecurityStore::setQuota(const UserRecord &user)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(u"UPDATE users SET max_clusters = ?, max_workers = ?, max_micros_per_hour = ? WHERE name = ?"_s);
    q.addBindValue(optionalValue(user.maxClusters));
    q.addBindValue(optionalValue(user.maxWorkers));
    q.addBindValue(optionalValue(user.maxMicrosPerHour));
    q.addBindValue(user.name);
    return q.exec() && q.numRowsAffected() == 1;
}

bool SecurityStore::setClusterOwner(const QString &clusterId, const QString &user)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(u"INSERT OR REPLACE INTO cluster_owners (cluster_id, user) VALUES (?, ?)"_s);
    q.addBindValue(clusterId);
    q.addBindValue(user);
    return q.exec();
}

QString SecurityStore::clusterOwner(const QString &clusterId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(u"SELECT user FROM cluster_owners WHERE cluster_id = ?"_s);
    q.addBindValue(clusterId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

std::optional<AuditRecord> SecurityStore::appendAudit(AuditRecord entry)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!db.isOpen() || !db.transaction())
        return std::nullopt;
    QSqlQuery last(db);
    if (!last.exec(u"SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"_s)) {
        db.rollback();
        return std::nullopt;
    }
    entry.seq = last.next() ? last.value(0).toLongLong() + 1 : 1;
    entry.prevHash = entry.seq == 1 ? QByteArray() : last.value(1).toString().toLatin1();
    last.finish();
    if (entry.request.size() > kMaxRequestChars)
        entry.request = entry.request.left(kMaxRequestChars) + u"…"_s;
    entry.at = QDateTime::fromMSecsSinceEpoch(ms(entry.at), Qt::UTC); // what the store keeps
    entry.hash = entry.computeHash();
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO audit (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"_s.arg(QLatin1StringView(kAuditColumns)));
    for (const QVariant &v :
         {QVariant(entry.seq), QVariant(ms(entry.at)), text(entry.user), text(entry.role), text(entry.action),
          text(entry.target), text(entry.request), text(entry.outcome), text(entry.detail), QVariant(entry.requestSeq),
          text(QString::fromLatin1(entry.prevHash)), text(QString::fromLatin1(entry.hash))})
        q.addBindValue(v);
    if (!q.exec() || !db.commit()) {
        db.rollback();
        return std::nullopt;
    }
    return entry;
}

QList<AuditRecord> SecurityStore::audit(qint64 afterSeq, int limit, const QString &user, const QString &target,
                                        const QString &action, qint64 beforeSeq) const
{
    QString sql = u"SELECT %1 FROM audit WHERE seq > ?"_s.arg(QLatin1StringView(kAuditColumns));
    QVariantList binds{afterSeq};
    // target matches the cluster too: "c-abc" finds "c-abc" and "c-abc/job-1".
    if (!user.isEmpty()) {
        sql += u" AND user = ?"_s;
        binds.append(user);
    }
    if (!target.isEmpty()) {
        sql += u" AND (target = ? OR substr(target, 1, ?) = ?)"_s;
        binds << target << target.size() + 1 << QString(target + u'/');
    }
    if (!action.isEmpty()) {
        sql += u" AND action = ?"_s;
        binds.append(action);
    }
    if (beforeSeq > 0) {
        sql += u" AND seq < ?"_s;
        binds.append(beforeSeq);
    }
    sql += beforeSeq > 0 ? u" ORDER BY seq DESC LIMIT ?"_s : u" ORDER BY seq LIMIT ?"_s;
    binds.append(limit);
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    QList<AuditRecord> result;
    if (!q.exec())
        return result;
    while (q.next())
        result.append(auditFrom(q));
    if (beforeSeq > 0)
        std::reverse(result.begin(), result.end());
    return result;
}

AuditVerification SecurityStore::verifyAudit() const
{
    AuditVerification v;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT %1 FROM audit ORDER BY seq"_s.arg(QLatin1StringView(kAuditColumns)))) {
        v.message = u"cannot read the audit log: "_s + q.lastError().text();
        return v;
    }
    QByteArray previous;
    qint64 expectedSeq = 1;
    while (q.next()) {
        const AuditRecord e = auditFrom(q);
        QString problem;
        if (e.seq != expectedSeq)
            problem = u"entry %1 follows %2: entries are missing"_s.arg(e.seq).arg(expectedSeq - 1);
        else if (e.prevHash != previous)
            problem = u"entry %1 does not chain to entry %2 (its previous hash differs)"_s.arg(e.seq).arg(e.seq - 1);
        else if (e.computeHash() != e.hash)
            problem = u"entry %1 was altered (its hash does not match its contents)"_s.arg(e.seq);
        if (!problem.isEmpty()) {
            v.firstBadSeq = e.seq;
            v.message = problem;
            v.entries = e.seq - 1;
            return v;
        }
        previous = e.hash;
        ++expectedSeq;
        ++v.entries;
    }
    v.ok = true;
    v.message = u"%1 entries, the chain is intact"_s.arg(v.entries);
    return v;
}

} // namespace cdeck
