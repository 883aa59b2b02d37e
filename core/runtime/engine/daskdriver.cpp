// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "daskdriver.h"

#include "core/dag/dag.h"
#include "core/runtime/daskidentity.h"
#include "core/runtime/engine/clustertls.h"
#include "core/runtime/runtimeconfig.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace cdeck::engine {

namespace {

// The scheduler binds port 0 for both its comm and its HTTP server and writes what it got to this file;
// workers wait for the same file. Picking ports here and handing them over raced: the kernel could give
// the same "free" port twice, or hand it to another socket before Dask bound it, and Dask then quietly
// serves its dashboard elsewhere (seen on CI: a cluster stuck in STARTING for 180 s).
constexpr auto kSchedulerFile = "scheduler/scheduler.json";
constexpr qint64 kMaxReplyBytes = 32 * 1024 * 1024; // ~1 KB per worker: far above any real cluster

ExecutorReport toReport(const dask::WorkerReport &w)
{
    ExecutorReport r;
    r.executorId = w.name;
    r.address = w.address;
    r.status = w.status == "paused"_L1      ? ExecutorReport::Status::Paused
        : w.status.startsWith("closing"_L1) ? ExecutorReport::Status::Closing
                                            : ExecutorReport::Status::Running;
    r.threads = w.threads;
    r.memoryLimitBytes = w.memoryLimitBytes;
    r.processMemoryBytes = w.processMemoryBytes;
    r.managedBytes = w.managedBytes;
    r.spilledBytes = w.spilledBytes;
    r.tasksExecuting = w.tasksExecuting;
    r.tasksReady = w.tasksReady;
    r.tasksInMemory = w.tasksInMemory;
    r.bytesInTotal = w.bytesInTotal;
    r.bytesOutTotal = w.bytesOutTotal;
    r.cpuPercent = w.cpuPercent;
    r.metricsPort = w.metricsPort;
    return r;
}

void capSize(QNetworkReply *reply)
{
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxReplyBytes)
            reply->abort();
    });
}

} // namespace

DaskDriver::DaskDriver(DriverContext context, QObject *parent)
    : EngineDriver(std::move(context), parent)
{
}

QString DaskDriver::missing(const RuntimeConfig &config)
{
    if (!QFileInfo(config.daskProgram).isExecutable())
        return u"Dask is not installed (%1 is missing): run scripts/install-deps.sh (Debian's python3-distributed)"_s
            .arg(config.daskProgram);
    return {};
}

QString DaskDriver::headName() const
{
    return u"scheduler"_s;
}

QString DaskDriver::schedulerFile() const
{
    return m_context.clusterDir + u'/' + QLatin1StringView(kSchedulerFile);
}

QString DaskDriver::tlsFile(const char *name) const
{
    return m_context.clusterDir + u"/tls/"_s + QLatin1StringView(name);
}

QStringList DaskDriver::tlsEnvironment() const
{
    // One certificate is the cluster's CA and every party's certificate (see clustertls.h); Dask then
    // refuses an unencrypted comm outright.
    const QString cert = tlsFile("cert.pem");
    const QString key = tlsFile("key.pem");
    QStringList env{u"DASK_DISTRIBUTED__COMM__REQUIRE_ENCRYPTION=True"_s,
                    u"DASK_DISTRIBUTED__COMM__TLS__CA_FILE="_s + cert};
    for (const char *party : {"SCHEDULER", "WORKER", "CLIENT"}) {
        const QString prefix = u"DASK_DISTRIBUTED__COMM__TLS__"_s + QLatin1StringView(party);
        env << prefix + u"__CERT="_s + cert << prefix + u"__KEY="_s + key;
    }
    return env;
}

QStringList DaskDriver::environment() const
{
    QStringList env = m_context.host->environment();
    // The routes the runtime reads are off by default; each cluster gets its own copy of the config
    // because Dask may write its default files into DASK_CONFIG.
    const auto set = [&env](const QString &key, const QString &value) {
        env.removeIf([&key](const QString &kv) { return kv.startsWith(key + u'='); });
        env.append(key + u'=' + value);
    };
    set(u"DASK_CONFIG"_s, m_context.clusterDir + u"/dask-config"_s);
    set(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    set(u"PYTHONUNBUFFERED"_s, u"1"_s);
    set(u"CLUSTERDECK_CLUSTER_ID"_s, m_context.clusterId);
    set(u"HOME"_s, m_context.clusterDir + u"/home"_s);
    set(u"CLUSTERDECK_HTTP_KEY_FILE"_s, tlsFile("http.key"));
    env += tlsEnvironment();
    return env;
}

QString DaskDriver::prepare()
{
    Host &host = *m_context.host;
    const QString dir = m_context.clusterDir;
    for (const char *sub : {"scheduler", "workers", "dask-config", "tls", "home"})
        host.makePath(dir + u'/' + QLatin1StringView(sub));
    const QString config = m_context.config->resourcesDir + u"/engine/dask.yaml"_s;
    if (!host.copyFile(config, dir + u"/dask-config/dask.yaml"_s))
        return u"Cannot copy the engine configuration from %1"_s.arg(config);
    QString error;
    const auto certificate = makeClusterCertificate(u"clusterdeck-"_s + m_context.clusterId, &error);
    if (!certificate)
        return error;
    m_httpKey = makeClusterKey();
    if (!host.writeFile(tlsFile("cert.pem"), certificate->certificatePem)
        || !host.writeFile(tlsFile("key.pem"), certificate->keyPem) || !host.writeFile(tlsFile("http.key"), m_httpKey))
        return u"Cannot write the cluster's certificate into %1/tls"_s.arg(dir);
    host.removeFile(schedulerFile()); // known once the scheduler has written it anew
    m_endpoints.reset();
    // Last: the whole folder, certificate and key included, goes to the cluster's user (0700, files 0600).
    if (const QString why = takeEngineUser(true); !why.isEmpty())
        return u"Cannot give the cluster a user of its own: "_s + why;
    followEngine();
    return {};
}

void DaskDriver::followEngine()
{
    if (m_following)
        return;
    const QString dir = m_context.clusterDir;
    m_context.host->makePath(dir + u"/logs"_s);
    // The scheduler writes its file once it listens, and logs each worker it registers or removes.
    m_following = m_context.host->followFiles(
        {dir + u"/logs"_s, dir + u"/scheduler"_s}, this, [this](const QString &path, const QByteArray &appended) {
            const bool news = path == schedulerFile()
                ? true
                : path == m_context.clusterDir + u"/logs/scheduler.log"_s && m_news.hasNews(path, appended);
            if (news)
                Q_EMIT changed();
        });
}

ProcessSpec DaskDriver::headProcess()
{
    const QString dir = m_context.clusterDir;
    const QString bind = m_context.host->bindAddress();
    ProcessSpec spec;
    spec.program = m_context.config->daskProgram;
    spec.arguments = {u"scheduler"_s,
                      u"--host"_s,
                      bind,
                      u"--port"_s,
                      u"0"_s,
                      u"--protocol"_s,
                      u"tls"_s,
                      u"--dashboard-address"_s,
                      bind + u":0"_s,
                      u"--scheduler-file"_s,
                      schedulerFile(),
                      u"--preload"_s,
                      m_context.config->resourcesDir + u"/engine/scheduler_preload.py"_s};
    spec.environment = environment();
    spec.workingDirectory = dir + u"/scheduler"_s;
    spec.logPath = dir + u"/logs/scheduler.log"_s;
    spec.runAs = m_engineUser;
    return spec;
}

ProcessSpec DaskDriver::workerProcess(const WorkerLaunch &worker)
{
    const QString bind = m_context.host->bindAddress();
    ProcessSpec spec;
    spec.program = m_context.config->daskProgram;
    spec.arguments = {u"worker"_s, u"--scheduler-file"_s, schedulerFile(), u"--name"_s, worker.executorId,
                      u"--nthreads"_s, QString::number(m_context.threadsPerWorker), u"--memory-limit"_s,
                      QString::number(m_context.memoryPerWorkerBytes), u"--host"_s, bind, u"--dashboard-address"_s,
                      bind + u":0"_s, u"--local-directory"_s, worker.workDir, u"--preload"_s,
                      m_context.config->resourcesDir + u"/engine/worker_preload.py"_s,
                      // A worker whose scheduler is gone for this long exits by itself: no orphans.
                      u"--death-timeout"_s, u"120"_s};
    spec.environment = environment();
    spec.workingDirectory = worker.workDir;
    spec.logPath = worker.logPath;
    spec.runAs = m_engineUser;
    return spec;
}

std::optional<Endpoints> DaskDriver::discoverEndpoints()
{
    if (m_endpoints)
        return m_endpoints;
    // nullopt while the file is missing or half written.
    const auto content = m_context.host->readFile(schedulerFile(), 1024 * 1024);
    if (!content)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*content, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const int commPort = QUrl(o.value(u"address"_s).toString()).port();
    const int dashboardPort = o.value(u"services"_s).toObject().value(u"dashboard"_s).toInt();
    if (commPort <= 0 || dashboardPort <= 0)
        return std::nullopt;
    const QString bind = m_context.host->bindAddress();
    m_endpoints = Endpoints{u"tls://%1:%2"_s.arg(bind).arg(commPort), u"http://%1:%2"_s.arg(bind).arg(dashboardPort)};
    return m_endpoints;
}

void DaskDriver::restoreEndpoints(const Endpoints &endpoints)
{
    m_endpoints = endpoints;
    if (const QString why = takeEngineUser(false); !why.isEmpty())
        spdlog::error("cluster {}: {}: no new worker or job will start on it", m_context.clusterId.toStdString(),
                      why.toStdString());
    if (const auto key = m_context.host->readFile(tlsFile("http.key"), 1024))
        m_httpKey = key->trimmed();
    followEngine();
}

QNetworkReply *DaskDriver::get(const QString &path, int timeoutMs) const
{
    QNetworkRequest request(QUrl(m_endpoints->uiUrl + path));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_context.network->get(request);
    reply->setParent(const_cast<DaskDriver *>(this)); // never answered once the driver is gone
    capSize(reply);
    return reply;
}

void DaskDriver::readExecutors(ExecutorsCallback done)
{
    if (!m_endpoints) {
        done(std::nullopt, u"the scheduler has not written its address yet"_s);
        return;
    }
    QNetworkReply *reply = get(u"/json/identity.json"_s, m_context.config->scrapeTimeoutMs);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            done(std::nullopt, reply->errorString());
            return;
        }
        QString error;
        const auto workers = dask::parseIdentity(reply->readAll(), &error);
        if (!workers) {
            done(std::nullopt, error);
            return;
        }
        QList<ExecutorReport> reports;
        reports.reserve(workers->size());
        for (const dask::WorkerReport &w : *workers)
            reports.append(toReport(w));
        done(reports, {});
    });
}

QString DaskDriver::restartingReason() const
{
    return u"Restarting (the nanny restarts the worker)"_s;
}

void DaskDriver::readLoad(LoadCallback done)
{
    if (!m_endpoints) {
        done(std::nullopt, u"the scheduler has not written its address yet"_s);
        return;
    }
    QNetworkReply *reply = get(u"/clusterdeck/v1/load"_s, m_context.config->scrapeTimeoutMs);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            done(std::nullopt, reply->errorString());
            return;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        if (!doc.isObject()) {
            done(std::nullopt, u"the scheduler's load is not a JSON object"_s);
            return;
        }
        const QJsonObject o = doc.object();
        EngineLoad load;
        load.threads = o.value(u"threads"_s).toInt();
        load.adaptiveTarget = o.value(u"adaptiveTarget"_s).toInt(-1);
        load.pendingTasks
            = o.value(u"processing"_s).toInt() + o.value(u"queued"_s).toInt() + o.value(u"unrunnable"_s).toInt();
        load.memoryBytes = qint64(o.value(u"memoryBytes"_s).toDouble());
        load.memoryLimitBytes = qint64(o.value(u"memoryLimitBytes"_s).toDouble());
        for (const QJsonValue &v : o.value(u"idle"_s).toArray())
            load.idleExecutors.append(v.toString());
        done(load, {});
    });
}

void DaskDriver::retire(const QList<RetiringWorker> &workers, RetireCallback done)
{
    // Only registered workers have data to move; the others are stopped by the controller directly.
    QJsonArray registered;
    for (const RetiringWorker &w : workers)
        if (!w.address.isEmpty())
            registered.append(w.executorId);
    if (registered.isEmpty() || !m_endpoints) {
        done({});
        return;
    }
    QNetworkRequest request(QUrl(m_endpoints->uiUrl + u"/clusterdeck/v1/retire"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(120 * 1000); // moving data can take a while on a busy cluster
    request.setRawHeader("X-ClusterDeck-Key", m_httpKey);
    QNetworkReply *reply
        = m_context.network->post(request, QJsonDocument(QJsonObject{{u"names"_s, registered}}).toJson());
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, [reply, registered, done = std::move(done)] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            done(u"The scheduler did not confirm the retire of %1 (%2): their data may not have moved"_s.arg(
                QString::fromUtf8(QJsonDocument(registered).toJson(QJsonDocument::Compact)), reply->errorString()));
            return;
        }
        done({});
    });
}

JobCommand DaskDriver::jobCommand(const JobLaunch &job) const
{
    JobCommand c;
    c.program = m_context.config->pythonProgram;
    c.arguments = QStringList{job.script} + job.args;
    // The cluster's certificate through Dask's own settings: a plain Client(DASK_SCHEDULER_ADDRESS) works.
    c.environment = QStringList{u"DASK_SCHEDULER_ADDRESS="_s + (m_endpoints ? m_endpoints->headAddress : QString())}
        + tlsEnvironment();
    return c;
}

void DaskDriver::cancelJob(const QString &)
{
    // The job's client goes with its process group; the scheduler forgets its futures by itself.
}

void DaskDriver::readDag(const QString &jobId, DagCallback done)
{
    if (!m_endpoints) {
        done(std::nullopt, u"the scheduler has not written its address yet"_s);
        return;
    }
    QNetworkReply *reply = get(u"/clusterdeck/v1/dag?job="_s + QString::fromLatin1(QUrl::toPercentEncoding(jobId)),
                               m_context.config->scrapeTimeoutMs);
    connect(reply, &QNetworkReply::finished, this, [reply, jobId, done = std::move(done)] {
        reply->deleteLater();
        QString error;
        std::optional<dag::Dag> graph;
        if (reply->error() == QNetworkReply::NoError)
            graph = dag::Dag::fromJson(reply->readAll(), &error);
        else
            error = reply->errorString();
        if (!graph) {
            done(std::nullopt, error);
            return;
        }
        graph->setJobId(jobId);
        done(graph->toJsonBytes(), {});
    });
}

} // namespace cdeck::engine
