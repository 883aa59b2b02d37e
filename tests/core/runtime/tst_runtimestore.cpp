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

    void eventsKeepTheirOrderTypesAndNumbers()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runtime.sqlite"_s);
        {
            RuntimeStore store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            QVERIFY(store.saveCluster(sampleCluster()));
            ClusterEvent out;
            out.clusterId = u"c-test"_s;
            out.time = QDateTime::fromMSecsSinceEpoch(1795500001000, Qt::UTC);
            out.type = QLatin1StringView(ClusterEvent::kScaleOut);
            out.reason = u"The adaptive signal asks for 3 workers"_s;
            out.from = 1;
            out.to = 3;
            out.metrics = QJsonObject{{u"adaptiveTarget"_s, 7}, {u"signal"_s, u"adaptive"_s}};
            QVERIFY(store.appendEvent(&out));
            QVERIFY(out.seq > 0);
            ClusterEvent state = out;
            state.type = QLatin1StringView(ClusterEvent::kStateChange);
            state.from = u"WAITING"_s;
            state.to = u"RUNNING"_s;
            state.metrics = {};
            state.executorId = u"w2"_s;
            QVERIFY(store.appendEvent(&state));
            QVERIFY(state.seq > out.seq);
            ClusterEvent unknownCluster = out;
            unknownCluster.clusterId = u"c-nope"_s; // the foreign key holds
            QVERIFY(!store.appendEvent(&unknownCluster));
        }
        RuntimeStore reopened;
        QString error;
        QVERIFY2(reopened.open(path, &error), qPrintable(error));
        const QList<ClusterEvent> events = reopened.loadEvents(u"c-test"_s);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].type, u"scale_out"_s);
        QCOMPARE(events[0].from.toInt(), 1);
        QCOMPARE(events[0].to.toInt(), 3);
        QCOMPARE(events[0].metrics.value(u"adaptiveTarget"_s).toInt(), 7);
        QCOMPARE(events[0].time, QDateTime::fromMSecsSinceEpoch(1795500001000, Qt::UTC));
        QCOMPARE(events[1].from.toString(), u"WAITING"_s);
        QCOMPARE(events[1].executorId, u"w2"_s);
        QCOMPARE(reopened.loadEvents(u"c-test"_s, events[0].seq).size(), 1); // after a seq
        QCOMPARE(reopened.loadEvents(u"c-test"_s, 0, 1).size(), 1); // a limit
        QVERIFY(reopened.loadEvents(u"c-other"_s).isEmpty());
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
