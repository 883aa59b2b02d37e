// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// security.sqlite: users kept by their token's hash, cluster owners, and the hash-chained audit log that
// refuses UPDATE and DELETE and shows an entry altered behind its back.
#include "core/store/securitystore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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
