// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/security/tokenfile.h"
#include "core/store/runtimestore.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstRuntimeStore : public QObject
{
    Q_OBJECT
private:
    static StoredCluster sampleCluster()
    {
        StoredCluster c;
        c.info.id = u"c-test"_s;
        c.info.spec.name = u"etl"_s;
        c.info.spec.workers = 3;
        c.info.spec.instanceType = u"local.small"_s;
        c.info.spec.tags = {{u"team"_s, u"data"_s}};
        c.info.state = ClusterState::Waiting;
        c.info.stateReason = u"All 3 workers registered"_s;
        c.info.createdAt = QDateTime::fromMSecsSinceEpoch(1795500000123, Qt::UTC);
        c.info.schedulerAddress = u"tcp://127.0.0.1:4000"_s;
        c.schedulerPid = 4242;
        c.schedulerPort = 4000;
        c.dashboardPort = 4001;
        c.nextWorkerIndex = 4;
        return c;
    }

private Q_SLOTS:
    void migratesAndUsesWal()
    {
        QTemporaryDir dir;
        RuntimeStore store;
        QString error;
        QVERIFY2(store.open(dir.filePath(u"runtime.sqlite"_s), &error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), RuntimeStore::latestSchemaVersion());
        QVERIFY(QFileInfo::exists(dir.filePath(u"runtime.sqlite-wal"_s)));
    }

    void refusesANewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runtime.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"future"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"PRAGMA user_version = 99"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"future"_s);
        RuntimeStore store;
        QString error;
        QVERIFY(!store.open(path, &error));
        QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
    }

    void everythingSurvivesAReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runtime.sqlite"_s);
        QString error;
        {
            RuntimeStore store;
            QVERIFY(store.open(path, &error));
            StoredCluster c = sampleCluster();
            QVERIFY2(store.saveCluster(c), qPrintable(store.lastError()));
            QVERIFY(store.appendStateChange(c.info.id, {ClusterState::Starting, u"Launch requested"_s, c.info.createdAt}));
            QVERIFY(store.appendStateChange(c.info.id, {ClusterState::Waiting, u"All 3 workers registered"_s,
                                                        c.info.createdAt.addSecs(3)}));
            c.info.state = ClusterState::Running; // an update replaces, it does not duplicate
            QVERIFY(store.saveCluster(c));
            StoredExecutor e;
            e.executor.id = u"w2"_s;
            e.executor.pid = 5151;
            e.executor.status = ExecutorStatus::Retired;
            e.executor.bytesInTotal = qint64(3) << 33;
            e.retireRequested = true;
            e.dashboardPort = 4100;
            QVERIFY(store.saveExecutor(c.info.id, e));
            StoredJob j;
            j.job.id = u"job-1"_s;
            j.job.clusterId = c.info.id;
            j.job.state = JobState::Completed;
            j.job.exitCode = 0;
            j.job.submittedAt = c.info.createdAt.addSecs(10);
            j.pid = 6000;
            j.logPath = u"/tmp/job-1.log"_s;
            QVERIFY(store.saveJob(j));
        }
        RuntimeStore store;
        QVERIFY(store.open(path, &error));
        const QList<StoredCluster> clusters = store.loadClusters();
        QCOMPARE(clusters.size(), 1);
        const StoredCluster &c = clusters.first();
        QCOMPARE(c.info.id, u"c-test"_s);
        QVERIFY(c.info.state == ClusterState::Running);
        QVERIFY(c.info.spec == sampleCluster().info.spec);
        QCOMPARE(c.info.createdAt, sampleCluster().info.createdAt);
        QCOMPARE(c.schedulerPid, 4242);
        QCOMPARE(c.nextWorkerIndex, 4);
        QCOMPARE(c.info.history.size(), 2);
        QCOMPARE(c.info.history[1].reason, u"All 3 workers registered"_s);
        const QList<StoredExecutor> executors = store.loadExecutors(u"c-test"_s);
        QCOMPARE(executors.size(), 1);
        QVERIFY(executors.first().retireRequested);
        QVERIFY(executors.first().executor.status == ExecutorStatus::Retired);
        QCOMPARE(executors.first().executor.bytesInTotal, qint64(3) << 33);
        const QList<StoredJob> jobs = store.loadJobs(u"c-test"_s);
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().pid, 6000);
        QCOMPARE(jobs.first().job.exitCode.value_or(-1), 0);
    }

    void tokenFileIsPrivateAndStable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"token"_s);
        QString error;
        const QByteArray token = security::ensureTokenFile(path, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        QCOMPARE(token.size(), 64);
        QCOMPARE(QFileInfo(path).permissions(),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
        QCOMPARE(security::ensureTokenFile(path, &error), token); // a restart keeps the token
        QVERIFY(security::tokensEqual(token, token));
        QVERIFY(!security::tokensEqual(token, token.left(63) + 'x'));
        QVERIFY(!security::tokensEqual(token, QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TstRuntimeStore)
#include "tst_runtimestore.moc"
