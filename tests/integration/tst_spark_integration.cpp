// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The SparkDriver alone on a real Spark 4.0 standalone cluster (the pyspark install scripts/install-deps.sh
// makes), on loopback, through the runtime's own LocalHost, driven as the controller drives a driver: prepare,
// start the Master, discover it from its log, start 2 Workers, poll their reports, terminate leaving no JVM.
// Jobs, shuffle totals, the DAG, decommission, a lost Worker and the memory incident are tested through the
// runtime's API in tst_spark_runtime_integration, which drives this same driver through the controller.
#include "core/runtime/engine/sparkdriver.h"
#include "core/runtime/engine/sparkinstall.h"
#include "core/runtime/runtimeconfig.h"
#include "core/runtime/engine/localhost.h"
#include "loopback.h"
#include "testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

QString commandOf(qint64 pid)
{
    QFile f(u"/proc/%1/cmdline"_s.arg(pid));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().replace('\0', ' ')) : QString();
}

int uidOf(qint64 pid)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("Uid:"))
            return line.mid(4).simplified().split(' ').value(0).toInt();
    return -1;
}

} // namespace

class TstSparkIntegration : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_data;
    RuntimeConfig m_config;
    engine::LocalHost m_host{QString()}; // identities in memory: this test outlives no process it starts
    QNetworkAccessManager m_network;
    std::unique_ptr<engine::SparkDriver> m_driver;
    QString m_clusterId;
    QString m_clusterDir;
    engine::ProcessHandle m_master;
    QMap<QString, engine::ProcessHandle> m_workers; // live ones, by executor id
    int m_nextWorker = 1;
    QHash<QString, engine::ExecutorReport> m_last; // the latest poll, by executor id
    QTimer m_poll; // the controller's 1 s executor poll
    bool m_pollInFlight = false;

    void pollOnce()
    {
        if (m_pollInFlight)
            return;
        m_pollInFlight = true;
        m_driver->readExecutors([this](std::optional<QList<engine::ExecutorReport>> reports, const QString &) {
            m_pollInFlight = false;
            if (!reports)
                return;
            m_last.clear();
            for (const engine::ExecutorReport &r : *reports)
                m_last.insert(r.executorId, r);
        });
    }

    int running() const
    {
        return int(std::count_if(m_last.cbegin(), m_last.cend(), [](const engine::ExecutorReport &r) {
            return r.status == engine::ExecutorReport::Status::Running;
        }));
    }

    QString describe() const
    {
        QStringList lines;
        for (const engine::ExecutorReport &r : m_last)
            lines.append(u"%1 %2 in %3 out %4 failed %5 mem %6/%7"_s.arg(r.executorId)
                             .arg(int(r.status))
                             .arg(r.bytesInTotal)
                             .arg(r.bytesOutTotal)
                             .arg(r.tasksFailed)
                             .arg(r.processMemoryBytes)
                             .arg(r.memoryLimitBytes));
        return lines.join(u"; "_s);
    }

    QString startWorker()
    {
        const QString id = u"w%1"_s.arg(m_nextWorker++);
        engine::WorkerLaunch launch{id, m_clusterDir + u"/workers/"_s + id,
                                    m_clusterDir + u"/logs/"_s + id + u".log"_s};
        m_host.makePath(launch.workDir); // as the controller does: the cluster user's, like its folder
        QString error;
        const engine::ProcessHandle h = m_host.startDetached(m_driver->workerProcess(launch), &error);
        if (!h.isValid())
            qWarning("worker %s: %s", qPrintable(id), qPrintable(error));
        m_workers.insert(id, h);
        return id;
    }

    bool waitFor(const std::function<bool()> &done, int seconds)
    {
        QElapsedTimer t;
        t.start();
        while (!done()) {
            if (t.elapsed() > seconds * 1000)
                return false;
            QTest::qWait(200);
        }
        return true;
    }

    QJsonObject masterJson()
    {
        QNetworkReply *reply = m_network.get(QNetworkRequest(QUrl(m_driver->masterUiUrl() + u"/json/"_s)));
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    int aliveWorkersAtMaster()
    {
        int n = 0;
        for (const QJsonValue &w : masterJson().value(u"workers"_s).toArray())
            n += w.toObject().value(u"state"_s).toString() == u"ALIVE"_s;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Where scripts/install-deps.sh put pyspark: the runtime and this test look in the same place.
        const spark::SparkInstall install = spark::findSpark();
        QVERIFY2(install.usable(), qPrintable(install.error));
        QVERIFY2(install.version.startsWith(u"4.0."_s), qPrintable(install.version));
        QVERIFY(m_data.isValid());
        m_clusterId = u"c-sparkit"_s + QString::number(QRandomGenerator::global()->generate() & 0xfffff, 16);
        m_clusterDir = m_data.path() + u"/clusters/"_s + m_clusterId;
        for (const char *sub : {"logs", "workers", "jobs"})
            QVERIFY(QDir().mkpath(m_clusterDir + u'/' + QLatin1StringView(sub)));
        m_config.dataDir = m_data.path();
        m_config.resourcesDir = test::resourcesDir();
        // As the runtime sets them up: the cluster's own user crosses the data dir and clusters/ (0711).
        for (const QString &dir : QStringList{m_data.path(), m_data.path() + u"/clusters"_s})
            QFile::setPermissions(dir,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                      | QFileDevice::ExeGroup | QFileDevice::ExeOther);
        engine::DriverContext context{m_clusterId, m_clusterDir, 1, qint64(1) << 30, &m_config, &m_host, &m_network};
        m_driver = std::make_unique<engine::SparkDriver>(context);
        m_poll.setInterval(1000);
        connect(&m_poll, &QTimer::timeout, this, &TstSparkIntegration::pollOnce);
    }

    void cleanupTestCase()
    {
        m_poll.stop();
        for (qint64 pid : test::processesOfCluster(m_clusterId))
            ::kill(pid_t(pid), SIGKILL);
        // The cluster's user goes, as the controller has it go when a cluster ends.
        if (m_driver) {
            const engine::RunAs user = m_driver->engineUser();
            m_driver->release();
            if (user.drop)
                QVERIFY2(::getpwuid(user.uid) == nullptr, qPrintable(user.user + u" outlived its cluster"_s));
        }
    }

    void launchTwoWorkers()
    {
        QElapsedTimer t;
        t.start();
        QCOMPARE(m_driver->prepare(), QString());
        QString error;
        m_master = m_host.startDetached(m_driver->headProcess(), &error);
        QVERIFY2(m_master.isValid(), qPrintable(error));
        QVERIFY2(waitFor([&] { return m_driver->discoverEndpoints().has_value(); }, 90),
                 qPrintable(QString::fromUtf8(
                     m_host.readFile(m_clusterDir + u"/logs/master.log"_s, 1 << 20).value_or(QByteArray()))));
        QVERIFY(m_driver->endpoints()->headAddress.startsWith(u"spark://127.0.0.1:"_s));
        QVERIFY(m_driver->endpoints()->uiUrl.startsWith(u"http://127.0.0.1:"_s));
        startWorker();
        startWorker();
        m_poll.start();
        QVERIFY2(waitFor([&] { return running() == 2; }, 120), qPrintable(describe()));
        qInfo("launch to 2 registered Workers: %lld ms", t.elapsed());
        QCOMPARE(aliveWorkersAtMaster(), 2);
        for (const engine::ExecutorReport &r : m_last) {
            QCOMPARE(r.memoryLimitBytes, qint64(1) << 30); // local.small: the Worker's memory
            QCOMPARE(r.threads, 1);
            QVERIFY(r.address.startsWith(u"127.0.0.1:"_s));
        }
        // Loopback only, each in its own process group, the cluster's folder as working directory, and no
        // root for the Workers (they run user Python) when the runtime is root.
        for (const engine::ProcessHandle &h : m_workers) {
            QVERIFY2(commandOf(h.id).contains(u"org.apache.spark.deploy.worker.Worker"_s), qPrintable(commandOf(h.id)));
            QVERIFY(commandOf(h.id).contains(u"--host 127.0.0.1"_s));
            QVERIFY(m_host.runsInside(h, m_clusterDir));
            if (::geteuid() == 0) {
                QVERIFY2(uidOf(h.id) != 0, "a Worker runs as root");
                QCOMPARE(unsigned(uidOf(h.id)), m_driver->engineUser().uid); // the cluster's own user
            }
        }
    }

    void terminateLeavesNoJvm()
    {
        QVERIFY(!test::processesOfCluster(m_clusterId).isEmpty()); // the check below sees them while they live
        m_poll.stop();
        QList<engine::ProcessHandle> all = m_workers.values();
        all.append(m_master);
        for (const engine::ProcessHandle &h : all)
            m_host.signal(h, engine::ProcessSignal::Terminate);
        QVERIFY2(
            waitFor([&] { return m_host.aliveAmong(all).isEmpty() && test::processesOfCluster(m_clusterId).isEmpty(); },
                    30),
            qPrintable(u"%1 process(es) left"_s.arg(test::processesOfCluster(m_clusterId).size())));
    }
};

QTEST_GUILESS_MAIN(TstSparkIntegration)
#include "tst_spark_integration.moc"
