// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// What a Spark standalone cluster says about itself, parsed from text recorded on a real Spark 4.0.1
// (tests/core/runtime/data/spark-*): the ports its daemons log, the master's /json, the driver's executors.
#include "core/runtime/engine/sparkinstall.h"
#include "core/runtime/engine/sparkreports.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cdeck::spark;
using namespace Qt::StringLiterals;

namespace {

QByteArray data(const char *name)
{
    QFile f(QStringLiteral(TEST_DATA_DIR "/") + QLatin1StringView(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", name);
    return f.readAll();
}

} // namespace

class TestSparkReports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aWorkersOwnJsonSaysItsExecutors()
    {
        // The shape of a Worker's GET /json (Spark 4.0's JsonProtocol.writeWorkerState), one executor left.
        const QByteArray busy
            = "{\"id\": \"worker-20261208032000-127.0.0.1-41203\", \"cores\": 1, \"coresused\": 1, "
              "\"coresfree\": 0, \"memory\": 1024, \"memoryused\": 1024, \"executors\": [{\"id\": 2, "
              "\"memory\": 1024, \"appid\": \"app-20261208032100-0002\"}], \"finishedexecutors\": []}";
        QString error;
        const auto self = parseWorkerJson(busy, &error);
        QVERIFY2(self, qPrintable(error));
        QCOMPARE(self->coresUsed, 1);
        QCOMPARE(self->executors, 1);
        const auto drained
            = parseWorkerJson("{\"coresused\": 0, \"executors\": [], \"finishedexecutors\": [{\"id\": 2}]}", &error);
        QVERIFY(drained);
        QCOMPARE(drained->coresUsed, 0);
        QCOMPARE(drained->executors, 0);
        // An array or an HTML error page is not a Worker's answer.
        QVERIFY(!parseWorkerJson("[{\"coresused\": 0}]", &error));
        QVERIFY(!parseWorkerJson("<html>", &error));
    }

    void portsFromDaemonLogs()
    {
        const QByteArray master = data("spark-master.log");
        QCOMPARE(loggedServicePort(master, "sparkMaster"), 45049);
        QCOMPARE(loggedServicePort(master, "MasterUI"), 43485);
        QCOMPARE(loggedServicePort(master, "sparkWorker"), 0);
        const QByteArray worker = data("spark-worker.log");
        QCOMPARE(loggedServicePort(worker, "sparkWorker"), 41203);
        QCOMPARE(loggedServicePort(worker, "WorkerUI"), 39913);
        QVERIFY(workerRegistered(worker));
        QVERIFY(!workerRegistered(master));
    }

    void portsHalfWrittenOrRestarted()
    {
        // A line still being written gives no port rather than a wrong one...
        QCOMPARE(loggedServicePort("Successfully started service 'MasterUI' on port ", "MasterUI"), 0);
        QCOMPARE(loggedServicePort("Successfully started service 'MasterUI' on port 999999.", "MasterUI"), 0);
        // ...and a daemon restarted into the same log is read at its latest binding.
        QCOMPARE(loggedServicePort("Successfully started service 'sparkWorker' on port 1234.\n"
                                   "Successfully started service 'sparkWorker' on port 5678.\n",
                                   "sparkWorker"),
                 5678);
    }

    void applicationIdFromDriverLog()
    {
        QCOMPARE(loggedApplicationId("26/12/07 16:08:27 INFO StandaloneSchedulerBackend: Connected to Spark cluster "
                                     "with app ID app-20261207160827-0000\n"),
                 u"app-20261207160827-0000"_s);
        QCOMPARE(loggedApplicationId(
                     "26/12/07 16:08:26 INFO Utils: Successfully started service 'SparkUI' on port 43427.\n"),
                 QString());
    }

    void masterJson()
    {
        QString error;
        const auto status = parseMasterJson(data("spark-master.json"), &error);
        QVERIFY2(status, qPrintable(error));
        QCOMPARE(status->status, u"ALIVE"_s);
        QCOMPARE(status->workers.size(), 2);
        const MasterWorker &w = status->workers[0];
        QCOMPARE(w.id, u"worker-20261207160820-127.0.0.1-41203"_s);
        QCOMPARE(w.port, 41203); // what the worker's own log said it bound: the key that matches the two
        QCOMPARE(w.webUiAddress, u"http://127.0.0.1:39913"_s);
        QCOMPARE(w.state, u"ALIVE"_s);
        QCOMPARE(w.cores, 1);
        QCOMPARE(w.memoryBytes, qint64(1024) * 1024 * 1024);
    }

    void masterJsonRefusesOtherDocuments()
    {
        QString error;
        QVERIFY(!parseMasterJson("<html>redirect</html>", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!parseMasterJson("{\"url\":\"spark://x\"}", &error));
        QVERIFY(error.contains(u"workers"_s));
    }

    void driverExecutors()
    {
        QString error;
        const auto executors = parseDriverExecutors(data("spark-driver-executors.json"), &error);
        QVERIFY2(executors, qPrintable(error));
        QCOMPARE(executors->size(), 2); // the driver's own entry is not an executor
        const DriverExecutor &e = executors->at(0);
        QCOMPARE(e.id, u"0"_s);
        QVERIFY(e.active);
        QCOMPARE(e.workerUiPort, 45379); // the Worker's web UI serves its executors' logs
        QCOMPARE(e.maxMemoryBytes, qint64(133378867));
        QCOMPARE(executors->at(1).workerUiPort, 46427);
        QVERIFY(!parseDriverExecutors("{}", &error));
    }

    void workerTotalsOutliveApplications()
    {
        const auto exec = [](const char *id, int uiPort, qint64 read, qint64 write, int failed) {
            DriverExecutor e;
            e.id = QString::fromLatin1(id);
            e.workerUiPort = uiPort;
            e.shuffleReadBytes = read;
            e.shuffleWriteBytes = write;
            e.failedTasks = failed;
            return e;
        };
        WorkerTotals totals;
        totals.update(u"app-1"_s, 100, {exec("0", 100, 10, 20, 0), exec("1", 200, 1000, 1000, 5)});
        QCOMPARE(totals.shuffleReadBytes(), 10); // executor 1 runs on another Worker
        totals.update(u"app-1"_s, 100, {exec("0", 100, 30, 40, 1)});
        QCOMPARE(totals.shuffleWriteBytes(), 40);
        // A lagging answer does not take a total backwards.
        totals.update(u"app-1"_s, 100, {exec("0", 100, 25, 35, 0)});
        QCOMPARE(totals.shuffleReadBytes(), 30);
        // The next application's executor "0" adds to the Worker's totals; the first one's stay.
        totals.update(u"app-2"_s, 100, {exec("0", 100, 5, 6, 2)});
        QCOMPARE(totals.shuffleReadBytes(), 35);
        QCOMPARE(totals.shuffleWriteBytes(), 46);
        QCOMPARE(totals.failedTasks(), 3);
    }

    void findSparkNamesWhatToInstall()
    {
        QTemporaryDir empty;
        qunsetenv("CLUSTERDECK_SPARK_HOME");
        qunsetenv("CLUSTERDECK_SPARK_PYTHON");
        const SparkInstall none = findSpark(empty.path());
        QVERIFY(!none.usable());
        QVERIFY2(none.error.contains(u"scripts/install-deps.sh"_s), qPrintable(none.error));
        QVERIFY2(none.error.contains(u"pyspark"_s), qPrintable(none.error));
    }
};

QTEST_GUILESS_MAIN(TestSparkReports)
#include "tst_sparkreports.moc"
