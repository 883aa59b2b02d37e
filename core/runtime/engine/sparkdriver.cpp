// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "sparkdriver.h"

#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/sparkstages.h"
#include "core/dag/dag.h"
#include "core/runtime/engine/clustertls.h"
#include "core/runtime/runtimeconfig.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck::engine {

namespace {

constexpr qint64 kMaxLogRead = 8 * 1024 * 1024; // the ports are in a daemon's first lines
constexpr qint64 kMaxJsonBytes = 32 * 1024 * 1024;
constexpr qint64 kMiB = 1024 * 1024;
// A killed Worker is declared dead by the master after this many seconds without a heartbeat (Spark's
// default is 60); Workers heartbeat every quarter of it, so both sides must be told.
constexpr int kWorkerTimeoutSeconds = 10;
constexpr auto kWorkerMapFile = "spark/workers.json";

QString mib(qint64 bytes)
{
    return QString::number(std::max<qint64>(1, bytes / kMiB)) + u'm';
}

// The executor JVM's heap for a Worker of `workerBytes`: what is left after the JVM's own overhead and the
// Python worker, at least 512 MiB, never more than the Worker has.
qint64 executorHeapBytes(qint64 workerBytes)
{
    const qint64 heap = std::max<qint64>(512 * kMiB, workerBytes - 384 * kMiB);
    return std::min(heap, std::max<qint64>(workerBytes, 512 * kMiB));
}

} // namespace

struct SparkDriver::Snapshot
{
    spark::MasterStatus master;
    QHash<QString, QList<spark::DriverExecutor>> executorsByApp;
    int pendingTasks = 0;
    int outstanding = 1; // replies still to come (1: the master's)
    QString error;
};

struct RetireWait
{
    QList<int> ports; // the Workers' RPC ports
    QStringList ids;
    QElapsedTimer since;
    EngineDriver::RetireCallback done;
};

SparkDriver::SparkDriver(DriverContext context, QObject *parent)
    : EngineDriver(std::move(context), parent)
{
    m_install = spark::findSpark();
    m_scratchDir = m_context.clusterDir + u"/spark"_s;
}

SparkDriver::~SparkDriver() = default;

QString SparkDriver::prepare()
{
    if (!m_install.usable())
        return m_install.error;
    Host &host = *m_context.host;
    const QString dir = m_context.clusterDir;
    for (const char *sub : {"logs", "master", "workers", "jobs", "spark"})
        host.makePath(dir + u'/' + QLatin1StringView(sub));
    if (!host.makePath(eventLogDir()) || !host.makePath(m_scratchDir + u"/workers"_s))
        return u"Cannot create %1 for the cluster's event logs"_s.arg(m_scratchDir);
    // Spark's authentication: the Master, the Workers, their executors and every job's driver share this
    // cluster's secret, so a client without it (another cluster's job, another local user) is refused at
    // the first RPC. In a properties file, never on a command line (/proc/PID/cmdline is world-readable).
    const QByteArray secret = makeClusterKey(); // 256 bits
    if (!host.writeFile(propertiesFile(), "spark.authenticate=true\nspark.authenticate.secret=" + secret + '\n'))
        return u"Cannot write the cluster's Spark secret to %1"_s.arg(propertiesFile());
    // The drivers' log configuration: Spark's INFO chatter would bury a job's own output in its log tail.
    if (!host.copyFile(m_context.config->resourcesDir + u"/engine/spark-log4j2.properties"_s,
                       m_scratchDir + u"/log4j2.properties"_s))
        return u"Cannot copy %1/engine/spark-log4j2.properties"_s.arg(m_context.config->resourcesDir);
    // Last: the whole folder, the secret included, goes to the cluster's user (0700, files 0600).
    if (const QString why = takeEngineUser(true); !why.isEmpty())
        return u"Cannot give the cluster a user of its own: "_s + why;
    followEngine();
    return {};
}

void SparkDriver::followEngine()
{
    if (m_following)
        return;
    // Jobs' logs live in jobs/, not here: only the Master's and the Workers' lines are read.
    m_following = m_context.host->followFiles({m_context.clusterDir + u"/logs"_s}, this,
                                              [this](const QString &path, const QByteArray &appended) {
                                                  if (m_news.hasNews(path, appended))
                                                      Q_EMIT changed();
                                              });
}

QStringList SparkDriver::daemonEnvironment(const QString &extraOpts) const
{
    QStringList env = m_context.host->environment();
    // Ours replace the runtime's (execve's getenv takes the first of a duplicated key).
    env.removeIf([](const QString &kv) {
        return kv.startsWith("SPARK_"_L1) || kv.startsWith("PYSPARK_"_L1) || kv.startsWith("HOME="_L1)
            || kv.startsWith("JAVA_HOME="_L1) || kv.startsWith("CLUSTERDECK_CLUSTER_ID="_L1);
    });
    env << u"SPARK_HOME="_s + m_install.sparkHome << u"SPARK_LOCAL_IP="_s + m_context.host->bindAddress()
        << u"SPARK_LOCAL_HOSTNAME="_s + m_context.host->bindAddress()
        // Daemons are bookkeepers: a small heap, a quick-starting JIT, one GC thread on a shared machine.
        << u"SPARK_DAEMON_MEMORY=256m"_s
        << u"SPARK_DAEMON_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dclusterdeck.cluster="_s
            + m_context.clusterId
        << extraOpts << u"HOME="_s + m_scratchDir << u"CLUSTERDECK_CLUSTER_ID="_s + m_context.clusterId;
    if (!m_install.javaHome.isEmpty())
        env << u"JAVA_HOME="_s + m_install.javaHome;
    return env;
}

ProcessSpec SparkDriver::asEngineUser(ProcessSpec spec) const
{
    // The host switches to the cluster's user between fork and exec: same pid, same process group, no root.
    spec.runAs = m_engineUser;
    return spec;
}

ProcessSpec SparkDriver::headProcess()
{
    ProcessSpec spec;
    spec.program = m_install.sparkClass;
    const QString host = m_context.host->bindAddress();
    spec.arguments = {u"org.apache.spark.deploy.master.Master"_s,
                      u"--host"_s,
                      host,
                      u"--port"_s,
                      u"0"_s,
                      u"--webui-port"_s,
                      u"0"_s,
                      u"--properties-file"_s,
                      propertiesFile()};
    spec.environment = daemonEnvironment(u"SPARK_MASTER_OPTS=-Dspark.worker.timeout=%1"_s.arg(kWorkerTimeoutSeconds));
    spec.workingDirectory = m_context.clusterDir + u"/master"_s;
    spec.logPath = m_context.clusterDir + u"/logs/master.log"_s;
    return asEngineUser(spec);
}

ProcessSpec SparkDriver::workerProcess(const WorkerLaunch &worker)
{
    WorkerSlot &slot = m_workers[worker.executorId];
    slot = WorkerSlot{};
    slot.logPath = worker.logPath;
    saveWorkerMap();
    // Executors' folders (their stdout/stderr, the application's files) go where the Worker's user may write.
    const QString scratch = m_scratchDir + u"/workers/"_s + worker.executorId;
    m_context.host->makePath(scratch); // the cluster user's, like the rest of its folder
    ProcessSpec spec;
    spec.program = m_install.sparkClass;
    const QString host = m_context.host->bindAddress();
    spec.arguments = {u"org.apache.spark.deploy.worker.Worker"_s,
                      u"--host"_s,
                      host,
                      u"--port"_s,
                      u"0"_s,
                      u"--webui-port"_s,
                      u"0"_s,
                      u"--cores"_s,
                      QString::number(std::max(1, m_context.threadsPerWorker)),
                      u"--memory"_s,
                      mib(m_context.memoryPerWorkerBytes),
                      u"--work-dir"_s,
                      scratch,
                      u"--properties-file"_s,
                      propertiesFile(),
                      m_endpoints ? m_endpoints->headAddress : QString()};
    // Decommission on SIGPWR (graceful scale-in); the heartbeat follows the lowered timeout.
    spec.environment = daemonEnvironment(
        u"SPARK_WORKER_OPTS=-Dspark.worker.timeout=%1 -Dspark.decommission.enabled=true -Dspark.worker.decommission.signal=PWR"_s
            .arg(kWorkerTimeoutSeconds));
    spec.workingDirectory = worker.workDir;
    spec.logPath = worker.logPath;
    return asEngineUser(spec);
}

std::optional<Endpoints> SparkDriver::discoverEndpoints()
{
    if (m_endpoints)
        return m_endpoints;
    const auto log = m_context.host->readFile(m_context.clusterDir + u"/logs/master.log"_s, kMaxLogRead);
    if (!log)
        return std::nullopt;
    const int port = spark::loggedServicePort(*log, "sparkMaster");
    const int uiPort = spark::loggedServicePort(*log, "MasterUI");
    if (port <= 0 || uiPort <= 0)
        return std::nullopt;
    const QString host = m_context.host->bindAddress();
    m_endpoints = Endpoints{u"spark://%1:%2"_s.arg(host).arg(port), u"http://%1:%2"_s.arg(host).arg(uiPort)};
    spdlog::info("cluster {}: Spark master at {}, UI {}", m_context.clusterId.toStdString(),
                 m_endpoints->headAddress.toStdString(), m_endpoints->uiUrl.toStdString());
    return m_endpoints;
}

void SparkDriver::restoreEndpoints(const Endpoints &endpoints)
{
    m_endpoints = endpoints;
    if (const QString why = takeEngineUser(false); !why.isEmpty())
        spdlog::error("cluster {}: {}: no new worker or job will start on it", m_context.clusterId.toStdString(),
                      why.toStdString());
    loadWorkerMap();
    followEngine();
}

void SparkDriver::saveWorkerMap()
{
    QJsonObject map;
    for (auto it = m_workers.cbegin(); it != m_workers.cend(); ++it)
        map.insert(it.key(), QJsonObject{{u"log"_s, it->logPath}, {u"port"_s, it->port}});
    m_context.host->writeFile(m_context.clusterDir + u'/' + QLatin1StringView(kWorkerMapFile),
                              QJsonDocument(map).toJson(QJsonDocument::Compact));
}

void SparkDriver::loadWorkerMap()
{
    const auto bytes
        = m_context.host->readFile(m_context.clusterDir + u'/' + QLatin1StringView(kWorkerMapFile), kMaxLogRead);
    if (!bytes)
        return;
    const QJsonObject map = QJsonDocument::fromJson(*bytes).object();
    for (auto it = map.begin(); it != map.end(); ++it) {
        WorkerSlot &slot = m_workers[it.key()];
        slot.logPath = it.value().toObject().value(u"log"_s).toString();
        slot.port = it.value().toObject().value(u"port"_s).toInt();
        if (slot.port > 0)
            slot.address = u"%1:%2"_s.arg(m_context.host->bindAddress()).arg(slot.port);
    }
}

void SparkDriver::learnWorkerPorts()
{
    bool learned = false;
    for (WorkerSlot &slot : m_workers) {
        if (slot.port > 0)
            continue;
        const auto log = m_context.host->readFile(slot.logPath, kMaxLogRead);
        if (!log)
            continue;
        slot.port = spark::loggedServicePort(*log, "sparkWorker");
        if (slot.port > 0) {
            slot.address = u"%1:%2"_s.arg(m_context.host->bindAddress()).arg(slot.port);
            learned = true;
        }
    }
    if (learned)
        saveWorkerMap();
}

void SparkDriver::learnJob(JobSlot &job) const
{
    if (job.gone || (job.uiPort > 0 && !job.appId.isEmpty()))
        return;
    const auto log = m_context.host->readFile(job.logPath, kMaxLogRead);
    if (!log)
        return;
    if (job.uiPort <= 0)
        job.uiPort = spark::loggedServicePort(*log, "SparkUI");
    if (job.appId.isEmpty())
        job.appId = spark::loggedApplicationId(*log);
}

QNetworkReply *SparkDriver::get(const QString &url, int timeoutMs)
{
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_context.network->get(request);
    reply->setParent(this); // a driver destroyed first never answers (see EngineDriver)
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxJsonBytes)
            reply->abort();
    });
    return reply;
}

void SparkDriver::snapshot(std::function<void(std::shared_ptr<Snapshot>, const QString &)> done)
{
    if (!m_endpoints) {
        done(nullptr, u"the Spark master has not said where it listens yet"_s);
        return;
    }
    learnWorkerPorts();
    auto snap = std::make_shared<Snapshot>();
    const int timeout = m_context.config->scrapeTimeoutMs;
    auto finishOne = [snap, done] {
        if (--snap->outstanding == 0)
            done(snap->error.isEmpty() ? snap : nullptr, snap->error);
    };
    // The running applications' drivers first (their replies may come before the master's).
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
        JobSlot &job = it.value();
        learnJob(job);
        if (job.gone || job.uiPort <= 0 || job.appId.isEmpty())
            continue;
        const QString base = u"http://%1:%2/api/v1/applications/%3"_s.arg(m_context.host->bindAddress())
                                 .arg(job.uiPort)
                                 .arg(job.appId);
        const QString jobId = it.key();
        ++snap->outstanding;
        QNetworkReply *reply = get(base + u"/allexecutors"_s, timeout);
        connect(reply, &QNetworkReply::finished, this, [this, reply, snap, jobId, finishOne] {
            reply->deleteLater();
            auto found = m_jobs.find(jobId);
            if (found != m_jobs.end()) {
                if (reply->error() == QNetworkReply::ConnectionRefusedError) {
                    found->gone = true; // the application ended: its executors' totals stay as last read
                } else if (reply->error() == QNetworkReply::NoError) {
                    QString error;
                    if (auto executors = spark::parseDriverExecutors(reply->readAll(), &error))
                        snap->executorsByApp.insert(found->appId, *executors);
                }
            }
            finishOne();
        });
        ++snap->outstanding;
        QNetworkReply *jobsReply = get(base + u"/jobs?status=running"_s, timeout);
        connect(jobsReply, &QNetworkReply::finished, this, [jobsReply, snap, finishOne] {
            jobsReply->deleteLater();
            if (jobsReply->error() == QNetworkReply::NoError) {
                for (const QJsonValue &v : QJsonDocument::fromJson(jobsReply->readAll()).array()) {
                    const QJsonObject j = v.toObject();
                    snap->pendingTasks
                        += std::max(0,
                                    j.value(u"numTasks"_s).toInt() - j.value(u"numCompletedTasks"_s).toInt()
                                        - j.value(u"numSkippedTasks"_s).toInt());
                }
            }
            finishOne();
        });
    }
    // "/json/": "/json" answers with a redirect to it.
    QNetworkReply *reply = get(m_endpoints->uiUrl + u"/json/"_s, timeout);
    connect(reply, &QNetworkReply::finished, this, [reply, snap, finishOne] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            snap->error = u"the Spark master's /json: %1"_s.arg(reply->errorString());
        } else {
            QString error;
            if (auto status = spark::parseMasterJson(reply->readAll(), &error))
                snap->master = *status;
            else
                snap->error = error;
        }
        finishOne();
    });
}

void SparkDriver::readExecutors(ExecutorsCallback done)
{
    snapshot([this, done](std::shared_ptr<Snapshot> snap, const QString &error) {
        if (!snap) {
            done(std::nullopt, error);
            return;
        }
        QList<ExecutorReport> reports;
        for (auto it = m_workers.begin(); it != m_workers.end(); ++it) {
            WorkerSlot &slot = it.value();
            if (slot.port <= 0)
                continue;
            // The newest registration on that port that is not dead (a port can come back after a Worker died).
            const spark::MasterWorker *entry = nullptr;
            for (const spark::MasterWorker &w : snap->master.workers)
                if (w.port == slot.port && w.state != "DEAD"_L1)
                    entry = &w;
            if (!entry)
                continue;
            const int uiPort = QUrl(entry->webUiAddress).port();
            ExecutorReport r;
            r.executorId = it.key();
            r.address = slot.address;
            r.status = entry->state == "ALIVE"_L1 ? ExecutorReport::Status::Running : ExecutorReport::Status::Closing;
            r.threads = entry->cores;
            r.memoryLimitBytes = entry->memoryBytes;
            qint64 peakHeap = -1;
            int completed = 0;
            for (auto app = snap->executorsByApp.cbegin(); app != snap->executorsByApp.cend(); ++app) {
                slot.totals.update(app.key(), uiPort, app.value());
                for (const spark::DriverExecutor &e : app.value()) {
                    if (e.workerUiPort != uiPort)
                        continue;
                    completed += e.completedTasks;
                    if (!e.active)
                        continue;
                    r.managedBytes += e.storageMemoryUsedBytes;
                    r.tasksExecuting += e.activeTasks;
                    // Spark reports an executor's memory as peaks (heartbeats every 2 s): the resident set of its
                    // JVM and Python workers when process-tree metrics are on, else its JVM heap.
                    const qint64 rss
                        = std::max<qint64>(0, e.peakJvmRssBytes) + std::max<qint64>(0, e.peakPythonRssBytes);
                    const qint64 used = rss > 0 ? rss : std::max<qint64>(0, e.peakHeapBytes);
                    r.processMemoryBytes += std::max(used, e.storageMemoryUsedBytes);
                    if (e.peakHeapBytes >= 0)
                        peakHeap = std::max<qint64>(0, peakHeap) + e.peakHeapBytes;
                }
            }
            r.peakHeapBytes = peakHeap;
            r.bytesInTotal = slot.totals.shuffleReadBytes();
            r.bytesOutTotal = slot.totals.shuffleWriteBytes();
            r.tasksFailed = slot.totals.failedTasks();
            r.tasksCompleted = completed;
            reports.append(r);
        }
        done(reports, {});
    });
}

QString SparkDriver::restartingReason() const
{
    return u"Not registered with the master (its heartbeats stopped, or it is re-registering)"_s;
}

void SparkDriver::readLoad(LoadCallback done)
{
    snapshot([this, done](std::shared_ptr<Snapshot> snap, const QString &error) {
        if (!snap) {
            done(std::nullopt, error);
            return;
        }
        EngineLoad load;
        load.pendingTasks = snap->pendingTasks;
        for (auto it = m_workers.cbegin(); it != m_workers.cend(); ++it) {
            for (const spark::MasterWorker &w : snap->master.workers) {
                if (w.port != it->port || w.state != "ALIVE"_L1)
                    continue;
                load.threads += w.cores;
                load.memoryBytes += w.memoryUsedBytes;
                load.memoryLimitBytes += w.memoryBytes;
                if (w.coresUsed == 0)
                    load.idleExecutors.append(it.key());
            }
        }
        done(load, {});
    });
}

void SparkDriver::retire(const QList<RetiringWorker> &workers, RetireCallback done)
{
    learnWorkerPorts();
    auto wait = std::make_shared<RetireWait>();
    wait->done = std::move(done);
    wait->since.start();
    for (const RetiringWorker &w : workers) {
        // SIGPWR: the Worker tells the master it is decommissioning, its executors are decommissioned (their
        // blocks migrate) and leave; the master's kill URL cannot pick one Worker here (all are 127.0.0.1).
        if (!m_context.host->signal(w.process, ProcessSignal::Decommission))
            continue; // already gone: nothing to drain
        const int port = m_workers.value(w.executorId).port;
        if (port > 0) {
            wait->ports.append(port);
            wait->ids.append(w.executorId);
        }
    }
    checkRetired(wait);
}

void SparkDriver::checkRetired(std::shared_ptr<RetireWait> wait)
{
    if (wait->ports.isEmpty()) {
        wait->done({});
        return;
    }
    snapshot([this, wait](std::shared_ptr<Snapshot> snap, const QString &error) {
        // Drained once the master no longer counts the Worker alive and the Worker itself runs no executor.
        // The master's coresused cannot say the latter: it forgets a decommissioned Worker's executors at once
        // and ignores their exit, so under a running job it never dropped to 0 (the retire grace ran out).
        auto askWorkers = std::make_shared<QHash<int, QString>>(); // port -> its web UI
        if (snap) {
            wait->ports.removeIf([&](int port) {
                for (const spark::MasterWorker &w : snap->master.workers)
                    if (w.port == port) {
                        if (w.state != "ALIVE"_L1)
                            askWorkers->insert(port, w.webUiAddress);
                        return false;
                    }
                return true; // the master no longer lists it
            });
        }
        auto next = [this, wait, error] {
            if (wait->ports.isEmpty()) {
                wait->done({});
                return;
            }
            if (wait->since.elapsed() > qint64(m_context.config->retireGraceSeconds) * 1000) {
                wait->done(u"Spark did not finish decommissioning %1 within %2 s%3"_s.arg(wait->ids.join(u", "_s))
                               .arg(m_context.config->retireGraceSeconds)
                               .arg(error.isEmpty() ? QString() : u" (%1)"_s.arg(error)));
                return;
            }
            QTimer::singleShot(300, this, [this, wait] { checkRetired(wait); });
        };
        if (askWorkers->isEmpty()) {
            next();
            return;
        }
        auto outstanding = std::make_shared<int>(int(askWorkers->size()));
        for (auto it = askWorkers->cbegin(); it != askWorkers->cend(); ++it) {
            QNetworkReply *reply = get(it.value() + u"/json"_s, m_context.config->scrapeTimeoutMs);
            const int port = it.key();
            connect(reply, &QNetworkReply::finished, this, [reply, wait, port, outstanding, next] {
                reply->deleteLater();
                QString why;
                const auto self = reply->error() == QNetworkReply::NoError
                    ? spark::parseWorkerJson(reply->readAll(), &why)
                    : std::nullopt;
                if (self && self->coresUsed == 0 && self->executors == 0) {
                    const qsizetype at = wait->ports.indexOf(port);
                    if (at >= 0)
                        wait->ports.removeAt(at);
                }
                if (--*outstanding == 0)
                    next();
            });
        }
    });
}

JobCommand SparkDriver::jobCommand(const JobLaunch &job) const
{
    // The job's log is the controller's <cluster>/jobs/<id>.log: the driver prints its UI port and application
    // id there, which is how its REST API and its event log are found (both bound or named at run time).
    JobSlot &slot = m_jobs[job.jobId];
    slot = JobSlot{};
    slot.logPath = m_context.clusterDir + u"/jobs/"_s + job.jobId + u".log"_s;
    const QString host = m_context.host->bindAddress();
    const auto conf = [](const QString &key, const QString &value) {
        return QStringList{u"--conf"_s, key + u'=' + value};
    };
    JobCommand c;
    c.program = m_install.sparkSubmit;
    c.arguments << u"--master"_s << (m_endpoints ? m_endpoints->headAddress : QString()) << u"--properties-file"_s
                << propertiesFile() // the cluster's secret
                << u"--deploy-mode"_s << u"client"_s << u"--name"_s << u"clusterdeck-job-"_s + job.jobId;
    c.arguments << conf(u"spark.driver.host"_s, host) << conf(u"spark.driver.bindAddress"_s, host)
                << conf(u"spark.ui.port"_s, u"0"_s) // 0: any free port, logged as 'SparkUI'
                << conf(u"spark.executor.cores"_s, QString::number(std::max(1, m_context.threadsPerWorker)))
                << conf(u"spark.executor.memory"_s, mib(executorHeapBytes(m_context.memoryPerWorkerBytes)))
                << conf(u"spark.executor.heartbeatInterval"_s, u"2s"_s)
                << conf(u"spark.executor.processTreeMetrics.enabled"_s, u"true"_s)
                << conf(u"spark.eventLog.enabled"_s, u"true"_s)
                << conf(u"spark.eventLog.dir"_s, u"file:"_s + eventLogDir())
                // Plain and in one file, so the stage DAG can be read while the application runs.
                << conf(u"spark.eventLog.compress"_s, u"false"_s)
                << conf(u"spark.eventLog.rolling.enabled"_s, u"false"_s)
                << conf(u"spark.decommission.enabled"_s, u"true"_s)
                << conf(u"spark.storage.decommission.enabled"_s, u"true"_s)
                << conf(u"spark.storage.decommission.shuffleBlocks.enabled"_s, u"true"_s)
                << conf(u"spark.storage.decommission.rddBlocks.enabled"_s, u"true"_s)
                // A decommissioned executor leaves only after a block migration pass that started after its
                // last task ended, and passes run every replicationReattemptInterval (30 s by default, for RDD
                // and shuffle blocks each): under a running job that took longer than the retire grace. Pass
                // every 2 s, and have the driver kill an executor still decommissioning at 2/3 of the grace, so
                // a scale-in under a job ends inside the grace with Spark's consent (its tasks rerun elsewhere).
                << conf(u"spark.storage.decommission.replicationReattemptInterval"_s, u"2s"_s)
                << conf(u"spark.executor.decommission.forceKillTimeout"_s,
                        u"%1s"_s.arg(std::max(5, m_context.config->retireGraceSeconds * 2 / 3)))
                << conf(u"spark.pyspark.python"_s, m_install.python)
                << conf(u"spark.pyspark.driver.python"_s, m_install.python) << u"--driver-java-options"_s
                << u"-Dlog4j2.configurationFile=file:"_s + m_scratchDir + u"/log4j2.properties"_s;
    c.arguments << job.script << job.args;
    c.environment << u"SPARK_HOME="_s + m_install.sparkHome << u"SPARK_LOCAL_IP="_s + host
                  << u"SPARK_LOCAL_HOSTNAME="_s + host << u"PYSPARK_PYTHON="_s + m_install.python
                  << u"PYSPARK_DRIVER_PYTHON="_s + m_install.python;
    if (!m_install.javaHome.isEmpty())
        c.environment << u"JAVA_HOME="_s + m_install.javaHome;
    return c;
}

void SparkDriver::cancelJob(const QString &jobId)
{
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end() || !m_endpoints)
        return;
    learnJob(*it);
    if (it->appId.isEmpty())
        return; // it never reached the master: stopping its process is all there is
    // The master's own kill, so its executors go even if the driver's process group is slow to die.
    QNetworkRequest request{QUrl(m_endpoints->uiUrl + u"/app/kill/"_s)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setTransferTimeout(m_context.config->scrapeTimeoutMs);
    QNetworkReply *reply
        = m_context.network->post(request, "id=" + QUrl::toPercentEncoding(it->appId) + "&terminate=true");
    reply->setParent(this);
    const QString app = it->appId;
    connect(reply, &QNetworkReply::finished, this, [this, reply, app] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError)
            spdlog::warn("cluster {}: killing application {} at the master: {}", m_context.clusterId.toStdString(),
                         app.toStdString(), reply->errorString().toStdString());
    });
}

QString SparkDriver::jobUiUrl(const QString &jobId) const
{
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end())
        return {};
    learnJob(*it);
    if (it->gone || it->uiPort <= 0)
        return {};
    return u"http://%1:%2"_s.arg(m_context.host->bindAddress()).arg(it->uiPort);
}

void SparkDriver::readDag(const QString &jobId, DagCallback done)
{
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end()) {
        done(std::nullopt, u"job %1 is not known to this cluster's Spark driver"_s.arg(jobId));
        return;
    }
    learnJob(*it);
    if (it->appId.isEmpty()) {
        done(std::nullopt, u"job %1 has not registered a Spark application yet"_s.arg(jobId));
        return;
    }
    // The event log is read in place: it is on this host (a node agent would ship it).
    QString path = eventLogDir() + u'/' + it->appId;
    if (!QFileInfo::exists(path))
        path += u".inprogress"_s;
    QString error;
    const auto app = spark::EventLogReader::read(path, &error);
    if (!app) {
        done(std::nullopt, u"cannot read the event log of %1: %2"_s.arg(it->appId, error));
        return;
    }
    QList<spark::SparkStageInfo> stages;
    for (const auto &s : app->stages)
        stages.append(spark::stageInfoOf(s));
    QList<spark::SparkJobInfo> jobs;
    for (const auto &j : app->jobs)
        jobs.append(spark::jobInfoOf(j));
    spark::assignJobIds(stages, jobs);
    dag::Dag graph;
    for (const spark::SparkJobInfo &j : std::as_const(jobs)) {
        QString why;
        const auto part = spark::stageDag(stages, j, &why);
        if (part)
            graph.merge(*part);
    }
    graph.setJobId(jobId);
    done(graph.toJsonBytes(), {});
}

} // namespace cdeck::engine
