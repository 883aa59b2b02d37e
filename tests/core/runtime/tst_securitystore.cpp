// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// security.sqlite: users kept by their token's hash, cluster owners, and the hash-chained audit log that
// refuses UPDATE and DELETE and shows an entry altered behind its back.
#include "core/store/securitystore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TestSecurityStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.path() + u"/security.sqlite"_s; }

    static AuditRecord entry(const QString &user, const QString &outcome, const QString &request = {})
    {
        AuditRecord e;
        e.at = QDateTime::currentDateTimeUtc();
        e.user = user;
        e.role = u"admin"_s;
        e.action = u"POST /budgets"_s;
        e.outcome = outcome;
        e.request = request; // empty: no body
        return e;
    }

private Q_SLOTS:
    void theAuditChainsItsEntries()
    {
        SecurityStore store;
        QString error;
        QVERIFY2(store.open(path(), &error), qPrintable(error));
        const auto first = store.appendAudit(entry(u"admin"_s, u"requested"_s));
        QVERIFY(first);
        QCOMPARE(first->seq, 1);
        QVERIFY(first->prevHash.isEmpty());
        const auto second = store.appendAudit(entry(u"alice"_s, u"denied"_s, u"{\"tag\":\"x=y\"}"_s));
        QVERIFY(second);
        QCOMPARE(second->prevHash, first->hash);
        QVERIFY(store.appendAudit(entry(u"bob"_s, u"succeeded"_s)));
        QCOMPARE(store.audit(0, 10).size(), 3);
        QCOMPARE(store.audit(0, 10, u"alice"_s).size(), 1);
        const AuditVerification v = store.verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.message));
        QCOMPARE(v.entries, 3);
        QVERIFY(store.setClusterOwner(u"c-1"_s, u"alice"_s));
        QCOMPARE(store.clusterOwner(u"c-1"_s), u"alice"_s);
        QCOMPARE(store.clusterOwner(u"c-2"_s), QString());
    }

    void theNewestPageAndAScientistsOwnQuota()
    {
        QTemporaryDir dir;
        const QString file = dir.path() + u"/security.sqlite"_s;
        {
            // A version 1 file (before per-user quotas), with a user in it.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL, token_hash BLOB NOT NULL, "
                           "created_at INTEGER NOT NULL, token_set_at INTEGER NOT NULL)"_s));
            QVERIFY(q.exec(u"CREATE TABLE audit (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, user TEXT NOT NULL, "
                           "role TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, request TEXT NOT NULL, "
                           "outcome TEXT NOT NULL, detail TEXT NOT NULL, request_seq INTEGER NOT NULL, prev_hash TEXT "
                           "NOT NULL, hash TEXT NOT NULL)"_s));
            QVERIFY(q.exec(u"CREATE TABLE cluster_owners (cluster_id TEXT PRIMARY KEY, user TEXT NOT NULL)"_s));
            QVERIFY(q.exec(u"INSERT INTO users VALUES ('sam', 'scientist', x'00', 1, 1)"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = 1"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v1"_s);
        SecurityStore store;
        QString error;
        QVERIFY2(store.open(file, &error), qPrintable(error)); // migrates: the user stays, without a quota
        QList<UserRecord> users = store.users();
        QCOMPARE(users.size(), 1);
        QVERIFY(!users[0].maxClusters && !users[0].maxWorkers && !users[0].maxMicrosPerHour);
        UserRecord sam = users[0];
        sam.maxWorkers = 1;
        sam.maxMicrosPerHour = 1'500'000;
        QVERIFY(store.setQuota(sam));
        users = store.users();
        QCOMPARE(users[0].maxWorkers, 1);
        QCOMPARE(users[0].maxMicrosPerHour, qint64(1'500'000));
        QVERIFY(!users[0].maxClusters);
        sam.name = u"nobody"_s;
        QVERIFY(!store.setQuota(sam));
        // The newest page: the last entries below a seq, still oldest first.
        for (int i = 0; i < 5; ++i)
            QVERIFY(store.appendAudit(entry(u"admin"_s, u"requested"_s)));
        const QList<AuditRecord> newest = store.audit(0, 2, {}, {}, {}, std::numeric_limits<qint64>::max());
        QCOMPARE(newest.size(), 2);
        QCOMPARE(newest[0].seq, 4);
        QCOMPARE(newest[1].seq, 5);
        QCOMPARE(store.audit(0, 2, {}, {}, {}, 4).last().seq, 3);
    }

    void tamperingIsRefusedOrFound()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            {
                QSqlQuery q(db);
                QVERIFY(!q.exec(u"DELETE FROM audit WHERE seq = 2"_s)); // append-only
                QVERIFY(!q.exec(u"UPDATE audit SET user = 'eve' WHERE seq = 2"_s));
                QVERIFY(q.exec(u"DROP TRIGGER audit_no_update"_s));
                QVERIFY(q.exec(u"UPDATE audit SET user = 'eve' WHERE seq = 2"_s));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(u"tamper"_s);
        SecurityStore store;
        QString error;
        QVERIFY2(store.open(path(), &error), qPrintable(error));
        const AuditVerification v = store.verifyAudit();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, 2);
        QVERIFY2(v.message.contains(u"entry 2"_s), qPrintable(v.message));
    }
};

QTEST_GUILESS_MAIN(TestSecurityStore)
#include "tst_securitystore.moc"
