// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The SparkDriver on a real Spark 4.0 standalone cluster (the pyspark install scripts/install-deps.sh makes),
// on loopback, driven as the controller drives a driver: prepare, start the Master, discover it, start the
// Workers, poll the executors every second, run jobs as their processes, retire, terminate. One cluster is
// shared by the steps, in order (JVMs on two cores are slow to start): 2 Workers; etl_groupby with shuffle
// bytes on every Worker and a stage DAG with its shuffle boundary; scale to 3 and back to 2 by decommission;
// a Worker killed mid-job while the job completes; memory_hog dying of memory with the triage detectors
// reading the Worker's own words; export_report denied as the job user; terminate leaves no JVM (/proc).
#include "core/runtime/engine/sparkdriver.h"
#include "core/runtime/engine/sparkinstall.h"
#include "core/runtime/runtimeconfig.h"
#include "core/triage/detectors.h"
#include "sparktesthost.h"
#include "testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

// Every live process of the cluster's engine: the Master, Workers, their executor JVMs and Python workers all
// carry the cluster's id in their environment (executors inherit their Worker's).
QList<qint64> processesOfCluster(const QString &clusterId)
{
    QList<qint64> pids;
    const QByteArray needle = "CLUSTERDECK_CLUSTER_ID=" + clusterId.toUtf8();
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.front().isDigit())
            continue;
        QFile stat(u"/proc/"_s + pid + u"/stat"_s);
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray line = stat.readAll();
            const auto close = line.lastIndexOf(')');
            if (close > 0 && line.size() > close + 2 && line[close + 2] == 'Z')
                continue;
        }
        QFile environ(u"/proc/"_s + pid + u"/environ"_s);
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(needle))
            pids.append(pid.toLongLong());
    }
    return pids;
}

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

QList<triage::LogLine> logLines(const QString &path, qint64 nowMs)
{
    QList<triage::LogLine> lines;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        for (const QString &l : QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts))
            lines.append({triage::logLineTimeMs(l, nowMs), l});
    return lines;
}

} // namespace

class TstSparkIntegration : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_data;
    RuntimeConfig m_config;
    test::SparkTestHost m_host;
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
        engine::WorkerLaunch launch{id, m_clusterDir + u"/workers/"_s + id, m_clusterDir + u"/logs/"_s + id + u".log"_s};
        QDir().mkpath(launch.workDir);
        QString error;
        const engine::ProcessHandle h = m_host.startDetached(m_driver->workerProcess(launch), &error);
        if (!h.isValid())
            qWarning("worker %s: %s", qPrintable(id), qPrintable(error));
        m_workers.insert(id, h);
        return id;
    }

    struct RunningJob
    {
        QString id;
        QString logPath;
        QPointer<engine::JobProcess> process;
        std::optional<int> exitCode;
    };

    std::shared_ptr<RunningJob> submit(const QString &sample, const QStringList &args = {})
    {
        auto job = std::make_shared<RunningJob>();
        job->id = u"job-"_s + QString::number(QRandomGenerator::global()->generate() & 0xffffff, 16);
        job->logPath = m_clusterDir + u"/jobs/"_s + job->id + u".log"_s;
        QString script = test::resourcesDir() + u"/jobs/spark/"_s + sample + u".py"_s;
        QString workDir = m_clusterDir + u"/jobs/"_s + job->id;
        QDir().mkpath(workDir);
        QString error;
        const engine::RunAs runAs = m_host.jobUser(m_config.jobUser, &error);
        if (runAs.drop) {
            const auto staged = m_host.stageJob(job->id, script, runAs, &error);
            script = staged.script;
            workDir = staged.directory;
        }
        const engine::JobCommand command = m_driver->jobCommand({job->id, script, args, workDir});
        engine::ProcessSpec spec;
        spec.program = command.program;
        spec.arguments = command.arguments;
        // The driver's keys replace the host's, as the controller merges them.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &kv : command.environment + QStringList{u"CLUSTERDECK_JOB_ID="_s + job->id,
                                                                   u"CLUSTERDECK_CLUSTER_ID="_s + m_clusterId,
                                                                   u"HOME="_s + workDir})
            env.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
        spec.environment = env.toStringList();
        spec.workingDirectory = workDir;
        spec.logPath = job->logPath;
        job->process = m_host.startJob(spec, runAs, this);
        connect(job->process, &engine::JobProcess::finished, this, [job](int code, bool crashed) {
            job->exitCode = crashed ? -1 : code;
        });
        connect(job->process, &engine::JobProcess::failedToStart, this, [job](const QString &) { job->exitCode = -2; });
        return job;
    }

    QString logOf(const RunningJob &job) const
    {
        QFile f(job.logPath);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
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
        m_config.retireGraceSeconds = 90;
        engine::DriverContext context{m_clusterId, m_clusterDir, 1, qint64(1) << 30, &m_config, &m_host, &m_network};
        m_driver = std::make_unique<engine::SparkDriver>(context);
        m_poll.setInterval(1000);
        connect(&m_poll, &QTimer::timeout, this, &TstSparkIntegration::pollOnce);
    }

    void cleanupTestCase()
    {
        m_poll.stop();
        for (qint64 pid : processesOfCluster(m_clusterId))
            ::kill(pid_t(pid), SIGKILL);
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
                 qPrintable(QString::fromUtf8(m_host.readFile(m_clusterDir + u"/logs/master.log"_s, 1 << 20).value_or(QByteArray()))));
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
            if (::geteuid() == 0)
                QVERIFY2(uidOf(h.id) != 0, "a Worker runs as root");
        }
    }

    void etlGroupbyShufflesOnEveryWorkerAndHasAStageDag()
    {
        auto job = submit(u"etl_groupby"_s);
        QVERIFY2(waitFor([&] { return job->exitCode.has_value(); }, 300), qPrintable(logOf(*job).right(3000)));
        QVERIFY2(*job->exitCode == 0, qPrintable(logOf(*job).right(3000)));
        const QString log = logOf(*job);
        QVERIFY2(log.contains(u"rows: 2000000"_s), qPrintable(log.right(2000)));
        QVERIFY2(log.contains(u"as job "_s + job->id), qPrintable(log.right(2000))); // CLUSTERDECK_JOB_ID reached it
        // The log tail is the job's, not Spark's INFO chatter.
        QVERIFY2(!log.contains(u"INFO DAGScheduler"_s), qPrintable(log.right(2000)));
        // Shuffle totals per Worker, read while the application ran and kept after it ended.
        QVERIFY2(waitFor([&] {
                     return running() == 2 && std::all_of(m_last.cbegin(), m_last.cend(), [](const engine::ExecutorReport &r) {
                                return r.bytesInTotal > 0 && r.bytesOutTotal > 0;
                            });
                 }, 10),
                 qPrintable(describe()));
        // The stage DAG from the application's event log: the exchange is an edge carrying the shuffle's bytes.
        std::optional<QByteArray> dagJson;
        QString dagError;
        bool answered = false;
        m_driver->readDag(job->id, [&](std::optional<QByteArray> json, const QString &error) {
            dagJson = json;
            dagError = error;
            answered = true;
        });
        QVERIFY(waitFor([&] { return answered; }, 30));
        QVERIFY2(dagJson, qPrintable(dagError));
        const QJsonObject dag = QJsonDocument::fromJson(*dagJson).object();
        const QJsonArray nodes = dag.value(u"nodes"_s).toArray();
        const QJsonArray edges = dag.value(u"edges"_s).toArray();
        QVERIFY2(nodes.size() >= 2, dagJson->constData());
        QCOMPARE(dag.value(u"jobId"_s).toString(), job->id);
        QVERIFY2(std::any_of(edges.begin(), edges.end(), [](const QJsonValue &e) { return e.toObject().value(u"bytes"_s).toDouble() > 0; }),
                 dagJson->constData());
        for (const QJsonValue &n : nodes)
            QVERIFY2(n.toObject().value(u"state"_s).toString() != u"failed"_s, dagJson->constData());
    }

    void scaleToThreeAndBackByDecommission()
    {
        const QString added = startWorker();
        QVERIFY2(waitFor([&] { return running() == 3; }, 120), qPrintable(describe()));
        QVERIFY(m_last.contains(added));
        // Scale in: SIGPWR, wait for the master to see the Worker drained, then stop it.
        bool drained = false;
        QString retireError = u"(no answer)"_s;
        m_driver->retire({{added, m_workers.value(added), m_last.value(added).address}}, [&](const QString &error) {
            retireError = error;
            drained = true;
        });
        QVERIFY(waitFor([&] { return drained; }, 120));
        QVERIFY2(retireError.isEmpty(), qPrintable(retireError));
        QVERIFY(m_host.signal(m_workers.value(added), engine::ProcessSignal::Terminate));
        QVERIFY(waitFor([&] { return !m_host.isAlive(m_workers.value(added)); }, 30));
        m_workers.remove(added);
        QVERIFY2(waitFor([&] { return running() == 2 && !m_last.contains(added); }, 30), qPrintable(describe()));
        // Spark's own account of the decommission, in the Worker's log.
        const QByteArray log = m_host.readFile(m_clusterDir + u"/logs/"_s + added + u".log"_s, 8 << 20).value_or(QByteArray());
        QVERIFY2(log.contains("ecommission"), log.right(3000).constData());
    }

    void aWorkerKilledMidJobIsLostAndTheJobCompletes()
    {
        auto job = submit(u"etl_groupby"_s, {u"2"_s});
        // Once its executors work (it printed its input), kill a Worker's whole process group, as a crash would.
        QVERIFY2(waitFor([&] { return logOf(*job).contains(u"input:"_s) || job->exitCode.has_value(); }, 180),
                 qPrintable(logOf(*job).right(2000)));
        QVERIFY2(!job->exitCode.has_value(), qPrintable(logOf(*job).right(2000)));
        QTest::qWait(2000);
        const QString victim = m_workers.firstKey();
        QVERIFY(m_host.signal(m_workers.value(victim), engine::ProcessSignal::Kill));
        QVERIFY2(waitFor([&] { return job->exitCode.has_value(); }, 400), qPrintable(logOf(*job).right(3000)));
        QVERIFY2(*job->exitCode == 0, qPrintable(logOf(*job).right(3000)));
        m_workers.remove(victim);
        // The master declares it dead within its lowered timeout: it leaves the report.
        QVERIFY2(waitFor([&] { return !m_last.contains(victim) && running() == 1; }, 40), qPrintable(describe()));
        // Spark saw the loss (the executor on it was lost) and still completed.
        QVERIFY2(logOf(*job).contains(u"Lost executor"_s) || logOf(*job).contains(u"ExecutorLostFailure"_s)
                     || logOf(*job).contains(u"worker lost"_s),
                 qPrintable(logOf(*job).right(3000)));
        startWorker(); // back to two for the next step
        QVERIFY2(waitFor([&] { return running() == 2; }, 120), qPrintable(describe()));
    }

    void memoryHogDiesOfMemoryAndTheDetectorsSayItInSparksWords()
    {
        auto job = submit(u"memory_hog"_s);
        QVERIFY2(waitFor([&] { return job->exitCode.has_value(); }, 400), qPrintable(logOf(*job).right(3000)));
        QVERIFY2(*job->exitCode != 0, qPrintable(logOf(*job).right(3000)));
        QVERIFY2(logOf(*job).contains(u"Command exited with code 52"_s), qPrintable(logOf(*job).right(3000)));
        // The triage detectors on what was recorded: the Workers' logs and the job's.
        triage::ClusterFacts facts;
        facts.clusterId = m_clusterId;
        facts.nowMs = QDateTime::currentMSecsSinceEpoch();
        facts.engine = EngineKind::Spark;
        for (const QString &id : m_workers.keys()) {
            triage::ExecutorFacts e;
            e.executor.id = id;
            e.executor.status = ExecutorStatus::Running;
            e.executor.memoryLimitBytes = qint64(1) << 30;
            e.executor.updatedAt = QDateTime::currentDateTimeUtc();
            e.log = logLines(m_clusterDir + u"/logs/"_s + id + u".log"_s, facts.nowMs);
            facts.executors.append(e);
        }
        triage::JobFacts j;
        j.job.id = job->id;
        j.job.name = u"memory_hog"_s;
        j.job.state = JobState::Failed;
        j.job.startedAt = QDateTime::currentDateTimeUtc().addSecs(-120);
        j.job.endedAt = QDateTime::currentDateTimeUtc();
        j.log = logLines(job->logPath, facts.nowMs);
        facts.jobs = {j};
        const triage::IncidentList incidents = triage::detectAll(facts);
        const auto oom = std::find_if(incidents.cbegin(), incidents.cend(),
                                      [](const triage::Incident &i) { return i.type == triage::IncidentType::ExecutorOom; });
        QVERIFY2(oom != incidents.cend(), "no executor_oom incident from the Workers' logs");
        QCOMPARE(oom->runbook, u"spark_executor_oom"_s);
        QCOMPARE(triage::toString(oom->severity), triage::toString(triage::Severity::Critical));
    }

    void exportReportIsDeniedAsTheJobUser()
    {
        if (::geteuid() != 0)
            QSKIP("jobs only run as another user when the runtime is root");
        auto job = submit(u"export_report"_s);
        QVERIFY2(waitFor([&] { return job->exitCode.has_value(); }, 300), qPrintable(logOf(*job).right(3000)));
        QVERIFY2(*job->exitCode != 0, qPrintable(logOf(*job).right(3000)));
        QVERIFY2(logOf(*job).contains(u"PermissionError"_s), qPrintable(logOf(*job).right(3000)));
        QVERIFY2(!logOf(*job).contains(u"running as uid 0 "_s), qPrintable(logOf(*job).right(3000)));
    }

    void terminateLeavesNoJvm()
    {
        QVERIFY(!processesOfCluster(m_clusterId).isEmpty()); // the check below sees them while they live
        m_poll.stop();
        QList<engine::ProcessHandle> all = m_workers.values();
        all.append(m_master);
        for (const engine::ProcessHandle &h : all)
            m_host.signal(h, engine::ProcessSignal::Terminate);
        QVERIFY2(waitFor([&] { return m_host.aliveAmong(all).isEmpty() && processesOfCluster(m_clusterId).isEmpty(); }, 30),
                 qPrintable(u"%1 process(es) left"_s.arg(processesOfCluster(m_clusterId).size())));
    }
};

QTEST_GUILESS_MAIN(TstSparkIntegration)
#include "tst_spark_integration.moc"
