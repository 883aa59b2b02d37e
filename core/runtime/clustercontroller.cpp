// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clustercontroller.h"

#include "core/dag/dag.h"
#include "core/runtime/daskidentity.h"
#include "core/runtime/jobstaging.h"
#include "core/runtime/processes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QUrl>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

std::shared_ptr<spdlog::logger> opsLog()
{
    auto logger = spdlog::get("ops");
    return logger ? logger : spdlog::default_logger();
}

// The scheduler binds port 0 for both its comm and its HTTP server and writes what it got to this file;
// workers wait for the same file. Picking ports here and handing them over raced: the kernel could give
// the same "free" port twice, or hand it to another socket before Dask bound it, and Dask then quietly
// serves its dashboard elsewhere (seen on CI: a cluster stuck in STARTING for 180 s).
constexpr auto kSchedulerFile = "scheduler/scheduler.json";

struct SchedulerEndpoints
{
    int commPort = 0;
    int dashboardPort = 0;
};

// Reads the scheduler file; nullopt while it is missing or half written.
std::optional<SchedulerEndpoints> readSchedulerFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QUrl address(o.value(u"address"_s).toString());
    SchedulerEndpoints e;
    e.commPort = address.port();
    e.dashboardPort = o.value(u"services"_s).toObject().value(u"dashboard"_s).toInt();
    if (e.commPort <= 0 || e.dashboardPort <= 0)
        return std::nullopt;
    return e;
}

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

// Who a job runs as. The runtime and its engine may run as root; a job is user code and gets no more
// than it needs: an unprivileged user, its primary group, no supplementary groups.
struct JobIdentity
{
    bool drop = false; // false: run as the runtime's own user (the runtime is not root)
    uid_t uid = 0;
    gid_t gid = 0;
    QString error; // the user cannot be used: the job must not start as root instead
};

JobIdentity jobIdentity(const QString &user)
{
    JobIdentity id;
    if (::geteuid() != 0)
        return id;
    passwd entry{};
    passwd *found = nullptr;
    std::array<char, 16384> buffer{};
    const QByteArray name = user.toLocal8Bit();
    if (::getpwnam_r(name.constData(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found) {
        id.error = u"The job user '%1' does not exist (set CLUSTERDECK_JOB_USER to an unprivileged user)"_s.arg(user);
        return id;
    }
    if (found->pw_uid == 0) {
        id.error = u"The job user '%1' is root: jobs must run unprivileged (CLUSTERDECK_JOB_USER)"_s.arg(user);
        return id;
    }
    id.drop = true;
    id.uid = found->pw_uid;
    id.gid = found->pw_gid;
    return id;
}

constexpr qint64 kLogTailBytes = 16 * 1024;
constexpr int kLogTailLines = 40;
constexpr qint64 kMaxIdentityBytes = 32 * 1024 * 1024; // ~1 KB per worker: far above any real cluster
constexpr qint64 kHourMs = 3600 * 1000; // the spot interruption rate is a trailing-hour count

} // namespace

ClusterController::ClusterController(StoredCluster record, InstanceType type, const RuntimeConfig &config,
                                     RuntimeStore &store, QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_record(std::move(record))
    , m_type(std::move(type))
    , m_config(config)
    , m_store(store)
    , m_network(network)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ClusterController::poll);
    m_idleFor.start();
    m_decider.setPolicy(m_record.info.spec.scaling);
}

ClusterController::~ClusterController()
{
    for (JobSlot &slot : m_jobs)
        if (slot.process)
            slot.process->disconnect(this);
}

QString ClusterController::clusterDir() const
{
    return m_config.dataDir + u"/clusters/"_s + m_record.info.id;
}

ClusterInfo ClusterController::info() const
{
    ClusterInfo i = m_record.info;
    i.runningWorkers = int(std::count_if(m_executors.cbegin(), m_executors.cend(), [](const StoredExecutor &e) {
        return e.executor.status == ExecutorStatus::Running || e.executor.status == ExecutorStatus::Paused;
    }));
    i.activeJobs = activeJobCount();
    return i;
}

QList<Executor> ClusterController::executors() const
{
    QList<Executor> result;
    result.reserve(m_executors.size());
    for (const StoredExecutor &e : m_executors)
        result.append(e.executor);
    return result;
}

QList<Job> ClusterController::jobs() const
{
    QList<Job> result;
    for (const JobSlot &slot : m_jobs)
        result.append(withLiveLogTail(slot));
    return result;
}

std::optional<Job> ClusterController::job(const QString &jobId) const
{
    for (const JobSlot &slot : m_jobs)
        if (slot.stored.job.id == jobId)
            return withLiveLogTail(slot);
    return std::nullopt;
}

Job ClusterController::withLiveLogTail(const JobSlot &slot) const
{
    // A running job's tail is read from its log on each request (16 KB at most), so a user watching it
    // sees progress; a finished job's tail was fixed when it ended.
    if (isFinished(slot.stored.job.state))
        return slot.stored.job;
    JobSlot live = slot;
    refreshLogTail(live);
    return live.stored.job;
}

StoredExecutor *ClusterController::findExecutor(const QString &id)
{
    for (StoredExecutor &e : m_executors)
        if (e.executor.id == id)
            return &e;
    return nullptr;
}

int ClusterController::activeJobCount() const
{
    return int(std::count_if(m_jobs.cbegin(), m_jobs.cend(),
                             [](const JobSlot &s) { return !isFinished(s.stored.job.state); }));
}

int ClusterController::liveWorkerCount() const
{
    return int(std::count_if(m_executors.cbegin(), m_executors.cend(), [](const StoredExecutor &e) {
        return !isGone(e.executor.status) && !e.retireRequested;
    }));
}

void ClusterController::saveCluster()
{
    m_store.saveCluster(m_record);
}

void ClusterController::saveExecutor(const StoredExecutor &e)
{
    m_store.saveExecutor(m_record.info.id, e);
}

void ClusterController::saveJob(const JobSlot &slot)
{
    m_store.saveJob(slot.stored);
}

void ClusterController::setState(ClusterState state, const QString &reason)
{
    ClusterInfo &i = m_record.info;
    if (i.state == state || !canTransition(i.state, state))
        return;
    opsLog()->info("cluster {} ({}): {} -> {}: {}", i.id.toStdString(), i.spec.name.toStdString(),
                   toString(i.state).toStdString(), toString(state).toStdString(), reason.toStdString());
    const StateChange change{state, reason, now()};
    ClusterEvent event;
    event.time = change.at;
    event.type = QLatin1StringView(ClusterEvent::kStateChange);
    event.reason = reason;
    event.from = toString(i.state);
    event.to = toString(state);
    i.state = state;
    i.stateReason = reason;
    i.stateChangedAt = change.at;
    i.history.append(change);
    if (state == ClusterState::Waiting) {
        m_idleFor.restart();
        if (!i.readyAt.isValid())
            i.readyAt = change.at;
    }
    if (isTerminal(state))
        i.endedAt = change.at;
    m_store.appendStateChange(i.id, change);
    saveCluster();
    recordEvent(event);
    Q_EMIT changed();
}

void ClusterController::recordEvent(ClusterEvent event)
{
    event.clusterId = m_record.info.id;
    if (!event.time.isValid())
        event.time = now();
    m_store.appendEvent(&event);
    if (event.type != QLatin1StringView(ClusterEvent::kStateChange))
        opsLog()->info("cluster {}: {} {} -> {}: {}", m_record.info.id.toStdString(), event.type.toStdString(),
                       event.from.toVariant().toString().toStdString(), event.to.toVariant().toString().toStdString(),
                       event.reason.toStdString());
    Q_EMIT changed();
}

QList<ClusterEvent> ClusterController::events(qint64 afterSeq, int limit) const
{
    return m_store.loadEvents(m_record.info.id, afterSeq, limit);
}

QStringList ClusterController::engineEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The routes the runtime reads are off by default; each cluster gets its own copy of the config
    // because Dask may write its default files into DASK_CONFIG.
    env.insert(u"DASK_CONFIG"_s, clusterDir() + u"/dask-config"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"PYTHONUNBUFFERED"_s, u"1"_s);
    env.insert(u"CLUSTERDECK_CLUSTER_ID"_s, m_record.info.id);
    return env.toStringList();
}

void ClusterController::launch()
{
    ClusterInfo &i = m_record.info;
    const QString dir = clusterDir();
    for (const char *sub : {"logs", "scheduler", "workers", "jobs", "dask-config"})
        QDir().mkpath(dir + u'/' + QLatin1StringView(sub));
    QFile::remove(dir + u"/dask-config/dask.yaml"_s);
    if (!QFile::copy(m_config.resourcesDir + u"/engine/dask.yaml"_s, dir + u"/dask-config/dask.yaml"_s)) {
        fail(u"Cannot copy the engine configuration from %1/engine/dask.yaml"_s.arg(m_config.resourcesDir));
        return;
    }
    QFile::remove(dir + u'/' + QLatin1StringView(kSchedulerFile));
    // Known once the scheduler has written its file (see pollSchedulerFile).
    m_record.schedulerPort = 0;
    m_record.dashboardPort = 0;
    i.schedulerAddress.clear();
    i.dashboardUrl.clear();
    const StateChange first{ClusterState::Starting, u"Launch requested"_s, now()};
    i.state = first.state;
    i.stateReason = first.reason;
    i.stateChangedAt = first.at;
    i.history = {first};
    saveCluster();
    m_store.appendStateChange(i.id, first);
    ClusterEvent launched;
    launched.time = first.at;
    launched.type = QLatin1StringView(ClusterEvent::kStateChange);
    launched.reason = first.reason;
    launched.to = toString(first.state);
    launched.metrics = QJsonObject{{u"workers"_s, i.spec.workers}, {u"scaling"_s, i.spec.scaling.toJson()}};
    recordEvent(launched);
    m_sinceLaunch.start();

    spawnScheduler();
    if (isTerminal(i.state))
        return;
    // Workers start with the scheduler rather than after it: they retry until it answers, which saves
    // the scheduler's start-up time from every launch.
    for (int n = 0; n < i.spec.workers; ++n) {
        m_executors.append(newExecutor());
        if (!spawnWorker(&m_executors.last())) {
            fail(u"Cannot start worker %1: see %2/logs"_s.arg(m_executors.last().executor.id, dir));
            return;
        }
    }
    saveCluster();
    schedulePoll();
}

void ClusterController::spawnScheduler()
{
    const QString dir = clusterDir();
    processes::SpawnRequest req;
    req.program = m_config.daskProgram;
    req.arguments = {u"scheduler"_s,
                     u"--host"_s,
                     u"127.0.0.1"_s,
                     u"--port"_s,
                     u"0"_s,
                     u"--dashboard-address"_s,
                     u"127.0.0.1:0"_s,
                     u"--scheduler-file"_s,
                     dir + u'/' + QLatin1StringView(kSchedulerFile),
                     u"--preload"_s,
                     m_config.resourcesDir + u"/engine/scheduler_preload.py"_s};
    req.environment = engineEnvironment();
    req.workingDirectory = dir + u"/scheduler"_s;
    req.logPath = dir + u"/logs/scheduler.log"_s;
    wrapWithBootstrap(u"scheduler"_s, true, &req);
    QString error;
    m_record.schedulerPid = processes::spawnDetached(req, &error);
    if (m_record.schedulerPid <= 0) {
        fail(u"Cannot start the scheduler: %1"_s.arg(error));
        return;
    }
    opsLog()->info("cluster {}: scheduler pid {} started", m_record.info.id.toStdString(), m_record.schedulerPid);
}

StoredExecutor ClusterController::newExecutor()
{
    StoredExecutor e;
    e.executor.id = u"w%1"_s.arg(m_record.nextWorkerIndex++);
    e.executor.status = ExecutorStatus::Starting;
    e.executor.threads = m_type.threads;
    e.executor.memoryLimitBytes = m_type.memoryLimitBytes;
    e.executor.market = m_record.info.spec.market == Market::Spot && !m_spotFallback ? Market::Spot : Market::OnDemand;
    return e;
}

bool ClusterController::spawnWorker(StoredExecutor *e)
{
    const QString dir = clusterDir();
    const QString workDir = dir + u"/workers/"_s + e->executor.id;
    QDir().mkpath(workDir);
    processes::SpawnRequest req;
    req.program = m_config.daskProgram;
    req.arguments = {u"worker"_s,
                     u"--scheduler-file"_s,
                     dir + u'/' + QLatin1StringView(kSchedulerFile),
                     u"--name"_s,
                     e->executor.id,
                     u"--nthreads"_s,
                     QString::number(m_type.threads),
                     u"--memory-limit"_s,
                     QString::number(m_type.memoryLimitBytes),
                     u"--host"_s,
                     u"127.0.0.1"_s,
                     u"--dashboard-address"_s,
                     u"127.0.0.1:0"_s,
                     u"--local-directory"_s,
                     workDir,
                     u"--preload"_s,
                     m_config.resourcesDir + u"/engine/worker_preload.py"_s,
                     // A worker whose scheduler is gone for this long exits by itself: no orphans.
                     u"--death-timeout"_s,
                     u"120"_s};
    req.environment = engineEnvironment();
    req.workingDirectory = workDir;
    req.logPath = dir + u"/logs/"_s + e->executor.id + u".log"_s;
    wrapWithBootstrap(e->executor.id, false, &req);
    QString error;
    e->executor.pid = processes::spawnDetached(req, &error);
    e->executor.startedAt = now();
    if (e->executor.pid <= 0) {
        e->executor.status = ExecutorStatus::Lost;
        e->executor.statusReason = error;
        e->executor.endedAt = now();
        saveExecutor(*e);
        return false;
    }
    saveExecutor(*e);
    return true;
}

void ClusterController::schedulePoll()
{
    const ClusterState s = m_record.info.state;
    if (isTerminal(s))
        return;
    const bool settling = s == ClusterState::Starting || s == ClusterState::Bootstrapping
        || s == ClusterState::Terminating
        || std::any_of(m_executors.cbegin(), m_executors.cend(), [](const StoredExecutor &e) {
               return e.executor.status == ExecutorStatus::Starting || e.executor.status == ExecutorStatus::Retiring;
           });
    m_pollTimer.start(settling ? m_config.fastPollIntervalMs : m_config.pollIntervalMs);
}

void ClusterController::poll()
{
    const ClusterState s = m_record.info.state;
    if (isTerminal(s))
        return;
    updateLiveness();
    if (s == ClusterState::Terminating) {
        finishTermination();
        schedulePoll();
        return;
    }
    if ((s == ClusterState::Starting || s == ClusterState::Bootstrapping)
        && m_sinceLaunch.isValid() && m_sinceLaunch.elapsed() > qint64(m_config.startTimeoutSeconds) * 1000) {
        fail(u"Workers did not all register within %1 s (%2 of %3): see %4/logs"_s.arg(m_config.startTimeoutSeconds)
                 .arg(info().runningWorkers)
                 .arg(m_record.info.spec.workers)
                 .arg(clusterDir()));
        return;
    }
    checkIdle();
    interruptSpotAtRandom();
    if ((s == ClusterState::Starting || s == ClusterState::Bootstrapping) && !m_bootstrapFailed.isEmpty()
        && int(m_bootstrapFailed.size()) >= m_record.info.spec.workers) {
        fail(u"Bootstrap failed on every worker: %1"_s.arg(findExecutor(*m_bootstrapFailed.cbegin())->executor.statusReason));
        return;
    }
    if (isTerminal(m_record.info.state) || m_record.info.state == ClusterState::Terminating) {
        schedulePoll();
        return;
    }
    if (m_pollInFlight) {
        schedulePoll();
        return;
    }
    if (m_record.info.dashboardUrl.isEmpty() && !readEndpoints()) {
        if (!processes::isGroupAlive(m_record.schedulerPid)) {
            fail(schedulerExitReason());
            return;
        }
        schedulePoll();
        return;
    }
    QNetworkRequest request(QUrl(m_record.info.dashboardUrl + u"/json/identity.json"_s));
    request.setTransferTimeout(m_config.scrapeTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    m_pollInFlight = true;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxIdentityBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_pollInFlight = false;
        if (isTerminal(m_record.info.state))
            return;
        if (reply->error() != QNetworkReply::NoError) {
            onScrapeFailed(reply->errorString());
        } else {
            QString error;
            const auto workers = dask::parseIdentity(reply->readAll(), &error);
            if (workers) {
                onIdentity(*workers);
                evaluateScaling();
            } else {
                onScrapeFailed(error);
            }
        }
        schedulePoll();
    });
}

bool ClusterController::readEndpoints()
{
    const auto endpoints = readSchedulerFile(clusterDir() + u'/' + QLatin1StringView(kSchedulerFile));
    if (!endpoints)
        return false;
    m_record.schedulerPort = endpoints->commPort;
    m_record.dashboardPort = endpoints->dashboardPort;
    m_record.info.schedulerAddress = u"tcp://127.0.0.1:%1"_s.arg(endpoints->commPort);
    m_record.info.dashboardUrl = u"http://127.0.0.1:%1"_s.arg(endpoints->dashboardPort);
    saveCluster();
    opsLog()->info("cluster {}: scheduler at {}, dashboard port {}", m_record.info.id.toStdString(),
                   m_record.info.schedulerAddress.toStdString(), endpoints->dashboardPort);
    return true;
}

void ClusterController::onScrapeFailed(const QString &why)
{
    ++m_failedScrapes;
    const ClusterState s = m_record.info.state;
    if (s == ClusterState::Terminating || isTerminal(s))
        return;
    if (!processes::isGroupAlive(m_record.schedulerPid)) {
        fail(schedulerExitReason());
        return;
    }
    // A scheduler that is starting refuses connections for a few seconds: normal, not worth a log line.
    if (s != ClusterState::Starting && (m_failedScrapes == 1 || m_failedScrapes % 30 == 0))
        opsLog()->warn("cluster {}: scrape failed ({} in a row): {}", m_record.info.id.toStdString(), m_failedScrapes,
                       why.toStdString());
}

void ClusterController::onIdentity(const QList<dask::WorkerReport> &workers)
{
    m_failedScrapes = 0;
    ClusterInfo &i = m_record.info;
    if (i.state == ClusterState::Starting)
        setState(ClusterState::Bootstrapping,
                 u"Scheduler is up at %1; waiting for %n worker(s) to register"_s.arg(i.schedulerAddress)
                     .replace(u"%n"_s, QString::number(i.spec.workers)));
    const QDateTime t = now();
    for (StoredExecutor &e : m_executors) {
        Executor &x = e.executor;
        if (isGone(x.status))
            continue;
        const auto report = std::find_if(workers.cbegin(), workers.cend(),
                                         [&](const dask::WorkerReport &w) { return w.name == x.id; });
        if (report == workers.cend()) {
            // Registered before, absent now, process alive: its nanny is restarting it.
            if (x.status == ExecutorStatus::Running || x.status == ExecutorStatus::Paused) {
                x.status = e.retireRequested ? ExecutorStatus::Retiring : ExecutorStatus::Starting;
                x.statusReason = e.retireRequested ? u"Retiring (scale-down)"_s : u"Restarting (the nanny restarts the worker)"_s;
                saveExecutor(e);
            }
            continue;
        }
        const ExecutorStatus before = x.status;
        if (!x.address.isEmpty() && x.address != report->address) {
            // A new incarnation: its counters start again at zero, ours must not go backwards.
            ++x.restarts;
            e.dashboardPort = 0;
            ClusterEvent restarted; // on the timeline's executor lane: when, not only how many
            restarted.type = QLatin1StringView(ClusterEvent::kWorkerRestarted);
            restarted.executorId = x.id;
            restarted.reason = u"Its nanny restarted it (restart %1; now at %2)"_s.arg(x.restarts).arg(report->address);
            recordEvent(restarted);
        }
        const bool newIncarnation = x.address != report->address;
        if (newIncarnation && x.restarts > 0) {
            // Keep the totals of earlier incarnations as a base (stored in the executor's totals).
            e.bytesInBase = x.bytesInTotal;
            e.bytesOutBase = x.bytesOutTotal;
        }
        x.address = report->address;
        x.threads = report->threads;
        x.memoryLimitBytes = report->memoryLimitBytes;
        x.memoryManagedBytes = report->managedBytes;
        x.memoryUnmanagedBytes = std::max<qint64>(0, report->processMemoryBytes - report->managedBytes);
        x.memorySpilledBytes = report->spilledBytes;
        x.tasksExecuting = report->tasksExecuting;
        x.tasksReady = report->tasksReady;
        x.tasksInMemory = report->tasksInMemory;
        if (report->bytesInTotal >= 0)
            x.bytesInTotal = e.bytesInBase + report->bytesInTotal;
        if (report->bytesOutTotal >= 0)
            x.bytesOutTotal = e.bytesOutBase + report->bytesOutTotal;
        x.cpuPercent = report->cpuPercent;
        x.updatedAt = t;
        if (report->metricsPort > 0)
            e.dashboardPort = report->metricsPort;
        if (e.retireRequested)
            x.status = ExecutorStatus::Retiring;
        else if (report->status == "paused"_L1)
            x.status = ExecutorStatus::Paused;
        else if (report->status.startsWith("closing"_L1))
            x.status = ExecutorStatus::Retiring;
        else
            x.status = ExecutorStatus::Running;
        if (x.status != ExecutorStatus::Retiring)
            x.statusReason.clear();
        if (before != x.status || newIncarnation)
            saveExecutor(e); // status changes are stored; per-second metrics go to the sampler's store
    }
    // A worker whose bootstrap failed never joins: the others are enough to be ready.
    const int expected = i.spec.workers - int(m_bootstrapFailed.size());
    if (i.state == ClusterState::Bootstrapping && expected > 0 && info().runningWorkers >= expected) {
        setState(activeJobCount() > 0 ? ClusterState::Running : ClusterState::Waiting,
                 m_bootstrapFailed.isEmpty()
                     ? u"All %1 workers registered"_s.arg(i.spec.workers)
                     : u"%1 of %2 workers registered; %3 failed its bootstrap"_s.arg(expected)
                           .arg(i.spec.workers)
                           .arg(m_bootstrapFailed.size()));
    }
    Q_EMIT changed();
}

void ClusterController::updateLiveness()
{
    const QSet<qint64> live = processes::liveProcessGroups();
    const QDateTime t = now();
    for (StoredExecutor &e : m_executors) {
        Executor &x = e.executor;
        if (isGone(x.status) || live.contains(x.pid))
            continue;
        x.endedAt = t;
        x.address.clear();
        if (e.retireRequested || m_record.info.state == ClusterState::Terminating) {
            x.status = ExecutorStatus::Retired;
            x.statusReason = m_record.info.state == ClusterState::Terminating ? u"Cluster terminated"_s
                                                                              : u"Retired by a scale-down"_s;
        } else {
            x.status = ExecutorStatus::Lost;
            x.statusReason = u"Worker process group %1 exited unexpectedly: see logs/%2.log"_s.arg(x.pid).arg(x.id);
            if (const auto failure = bootstrapFailure(x.id)) {
                x.statusReason = *failure;
                m_bootstrapFailed.insert(x.id);
                ClusterEvent event;
                event.type = QLatin1StringView(ClusterEvent::kBootstrapFailed);
                event.reason = *failure;
                event.executorId = x.id;
                recordEvent(event);
            }
            opsLog()->warn("cluster {}: executor {} lost (pid {})", m_record.info.id.toStdString(), x.id.toStdString(),
                           x.pid);
        }
        x.memoryManagedBytes = x.memoryUnmanagedBytes = 0;
        x.tasksExecuting = x.tasksReady = x.tasksInMemory = 0;
        saveExecutor(e);
        Q_EMIT changed();
    }
}

QString ClusterController::scale(int workers)
{
    ClusterInfo &i = m_record.info;
    if (!isActive(i.state))
        return u"Cluster %1 is %2: scaling needs a WAITING or RUNNING cluster"_s.arg(i.id, toString(i.state));
    const ScalingPolicy &policy = i.spec.scaling;
    if (policy.managed() && (workers < policy.minWorkers || workers > policy.maxWorkers))
        return u"Cluster %1 scales itself between %2 and %3 workers: change its scaling policy to go outside them"_s
            .arg(i.id)
            .arg(policy.minWorkers)
            .arg(policy.maxWorkers);
    const int live = liveWorkerCount();
    if (workers != live) {
        ClusterEvent event;
        event.type = QLatin1StringView(workers > live ? ClusterEvent::kScaleOut : ClusterEvent::kScaleIn);
        event.reason = u"Requested by the user"_s;
        event.from = live;
        event.to = workers;
        event.metrics = QJsonObject{{u"manual"_s, true}, {u"workers"_s, live}};
        recordEvent(event);
    }
    resize(workers, {});
    return {};
}

void ClusterController::resize(int workers, const QStringList &retireFirst)
{
    ClusterInfo &i = m_record.info;
    const int live = liveWorkerCount();
    opsLog()->info("cluster {}: scale {} -> {}", i.id.toStdString(), live, workers);
    i.spec.workers = workers;
    if (workers > live) {
        QStringList failed;
        for (int n = live; n < workers; ++n) {
            m_executors.append(newExecutor());
            if (!spawnWorker(&m_executors.last())) {
                opsLog()->error("cluster {}: cannot start worker {}", i.id.toStdString(),
                                m_executors.last().executor.id.toStdString());
                failed.append(m_executors.last().executor.id);
            }
        }
        if (!failed.isEmpty()) {
            ClusterEvent event;
            event.type = QLatin1StringView(ClusterEvent::kScaleFailed);
            event.reason = u"Cannot start worker(s) %1: see logs"_s.arg(failed.join(u", "_s));
            event.from = live;
            event.to = workers - int(failed.size());
            recordEvent(event);
        }
    } else if (workers < live) {
        // Retire those that cost least to move: the ones asked for first (idle workers), then those never
        // registered, then least work, then newest.
        QList<StoredExecutor *> candidates;
        for (StoredExecutor &e : m_executors)
            if (!isGone(e.executor.status) && !e.retireRequested)
                candidates.append(&e);
        std::stable_sort(candidates.begin(), candidates.end(),
                         [&retireFirst](const StoredExecutor *a, const StoredExecutor *b) {
                             const qsizetype aRank = retireFirst.indexOf(a->executor.id);
                             const qsizetype bRank = retireFirst.indexOf(b->executor.id);
                             if ((aRank >= 0) != (bRank >= 0))
                                 return aRank >= 0;
                             if (aRank >= 0)
                                 return aRank < bRank;
                             const bool aStarting = a->executor.status == ExecutorStatus::Starting;
                             const bool bStarting = b->executor.status == ExecutorStatus::Starting;
                             if (aStarting != bStarting)
                                 return aStarting;
                             const int aLoad = a->executor.tasksExecuting + a->executor.tasksReady
                                 + a->executor.tasksInMemory;
                             const int bLoad = b->executor.tasksExecuting + b->executor.tasksReady
                                 + b->executor.tasksInMemory;
                             if (aLoad != bLoad)
                                 return aLoad < bLoad;
                             return a->executor.startedAt > b->executor.startedAt;
                         });
        QStringList names;
        for (int n = 0; n < live - workers && n < candidates.size(); ++n)
            names.append(candidates[n]->executor.id);
        retire(names);
    }
    saveCluster();
    Q_EMIT changed();
    schedulePoll();
}

QString ClusterController::setScalingPolicy(const ScalingPolicy &policy)
{
    ClusterInfo &i = m_record.info;
    if (isTerminal(i.state) || i.state == ClusterState::Terminating)
        return u"Cluster %1 is %2"_s.arg(i.id, toString(i.state));
    const ScalingPolicy before = i.spec.scaling;
    i.spec.scaling = policy;
    m_decider.setPolicy(policy);
    saveCluster();
    ClusterEvent event;
    event.type = QLatin1StringView(ClusterEvent::kPolicyChange);
    event.reason = u"Scaling policy set to %1"_s.arg(policy.summary());
    event.from = before.toJson();
    event.to = policy.toJson();
    recordEvent(event);
    schedulePoll();
    return {};
}

void ClusterController::evaluateScaling()
{
    const ClusterInfo &i = m_record.info;
    if (!i.spec.scaling.managed() || !isActive(i.state) || m_loadInFlight || i.dashboardUrl.isEmpty())
        return;
    // One action at a time: while workers start or retire the counts are in motion.
    const bool settling = std::any_of(m_executors.cbegin(), m_executors.cend(), [](const StoredExecutor &e) {
        return e.executor.status == ExecutorStatus::Starting || e.executor.status == ExecutorStatus::Retiring;
    });
    if (settling)
        return;
    QNetworkRequest request(QUrl(i.dashboardUrl + u"/clusterdeck/v1/load"_s));
    request.setTransferTimeout(m_config.scrapeTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    m_loadInFlight = true;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxIdentityBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_loadInFlight = false;
        if (reply->error() != QNetworkReply::NoError) {
            opsLog()->debug("cluster {}: load read failed: {}", m_record.info.id.toStdString(),
                            reply->errorString().toStdString());
            return;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        if (doc.isObject())
            onLoad(doc.object());
    });
}

void ClusterController::onLoad(const QJsonObject &load)
{
    const ClusterInfo &i = m_record.info;
    if (!i.spec.scaling.managed() || !isActive(i.state))
        return;
    const bool settling = std::any_of(m_executors.cbegin(), m_executors.cend(), [](const StoredExecutor &e) {
        return e.executor.status == ExecutorStatus::Starting || e.executor.status == ExecutorStatus::Retiring;
    });
    if (settling)
        return;
    // Idle by the scheduler's account (no task at all) and running by ours; newest first, so the
    // longest-lived workers (and their warm caches) stay.
    QList<const StoredExecutor *> idle;
    const QJsonArray idleNames = load.value(u"idle"_s).toArray();
    for (const StoredExecutor &e : m_executors)
        if (e.executor.status == ExecutorStatus::Running && !e.retireRequested
            && idleNames.contains(QJsonValue(e.executor.id)))
            idle.append(&e);
    std::stable_sort(idle.begin(), idle.end(), [](const StoredExecutor *a, const StoredExecutor *b) {
        return a->executor.startedAt > b->executor.startedAt;
    });
    QStringList idleIds;
    for (const StoredExecutor *e : idle)
        idleIds.append(e->executor.id);
    ScalingSample sample;
    sample.timeMs = now().toMSecsSinceEpoch();
    sample.workers = liveWorkerCount();
    sample.idleWorkers = int(idleIds.size());
    sample.threads = load.value(u"threads"_s).toInt();
    sample.adaptiveTarget = load.value(u"adaptiveTarget"_s).toInt(-1);
    sample.pendingTasks = load.value(u"processing"_s).toInt() + load.value(u"queued"_s).toInt()
        + load.value(u"unrunnable"_s).toInt();
    sample.memoryBytes = qint64(load.value(u"memoryBytes"_s).toDouble());
    sample.memoryLimitBytes = qint64(load.value(u"memoryLimitBytes"_s).toDouble());
    const ScalingDecision d = m_decider.decide(sample);
    if (d.kind == ScalingDecision::Kind::Hold)
        return;
    if (d.record) {
        ClusterEvent event;
        event.type = QLatin1StringView(d.kind == ScalingDecision::Kind::ScaleOut ? ClusterEvent::kScaleOut
                                       : d.kind == ScalingDecision::Kind::ScaleIn ? ClusterEvent::kScaleIn
                                                                                  : ClusterEvent::kScaleRefused);
        event.reason = d.reason;
        event.from = d.from;
        event.to = d.to;
        event.metrics = d.metrics;
        if (d.kind == ScalingDecision::Kind::ScaleIn && !d.boundCorrection)
            event.metrics.insert(u"retiring"_s, QJsonArray::fromStringList(idleIds.mid(0, d.from - d.to)));
        recordEvent(event);
    }
    if (d.kind == ScalingDecision::Kind::ScaleOut || d.kind == ScalingDecision::Kind::ScaleIn)
        resize(d.to, d.boundCorrection ? QStringList{} : idleIds);
}

void ClusterController::retire(const QStringList &names)
{
    QJsonArray registered;
    for (const QString &name : names) {
        StoredExecutor *e = findExecutor(name);
        if (!e)
            continue;
        e->retireRequested = true;
        const bool wasRegistered = e->executor.status != ExecutorStatus::Starting;
        e->executor.status = ExecutorStatus::Retiring;
        e->executor.statusReason = u"Retiring (scale-down): moving its data to the other workers"_s;
        saveExecutor(*e);
        if (wasRegistered)
            registered.append(name);
        else
            processes::signalGroup(e->executor.pid, SIGTERM); // nothing to move yet
    }
    if (registered.isEmpty())
        return;
    QNetworkRequest request(QUrl(m_record.info.dashboardUrl + u"/clusterdeck/v1/retire"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(120 * 1000); // moving data can take a while on a busy cluster
    QNetworkReply *reply = m_network.post(request, QJsonDocument(QJsonObject{{u"names"_s, registered}}).toJson());
    connect(reply, &QNetworkReply::finished, this, [this, reply, registered] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            opsLog()->warn("cluster {}: retire call failed ({}); stopping the workers anyway",
                           m_record.info.id.toStdString(), reply->errorString().toStdString());
            ClusterEvent event;
            event.type = QLatin1StringView(ClusterEvent::kScaleFailed);
            event.reason = u"The scheduler did not confirm the retire of %1 (%2): their data may not have moved; "
                           "stopping them anyway"_s.arg(
                               QString::fromUtf8(QJsonDocument(registered).toJson(QJsonDocument::Compact)),
                               reply->errorString());
            recordEvent(event);
        }
        // The retire moved the data and closed the workers; now reap each nanny's process group:
        // SIGTERM, then SIGKILL after the grace period if anything is left.
        for (const QJsonValue &v : registered) {
            const StoredExecutor *e = findExecutor(v.toString());
            if (!e)
                continue;
            const qint64 pgid = e->executor.pid;
            processes::signalGroup(pgid, SIGTERM);
            QTimer::singleShot(m_config.retireGraceSeconds * 1000, this, [pgid] {
                if (processes::isGroupAlive(pgid))
                    processes::signalGroup(pgid, SIGKILL);
            });
        }
        schedulePoll();
    });
}

QString ClusterController::pickFaultTarget(QString *executorId, bool *notFound, StoredExecutor **target)
{
    const ClusterInfo &i = m_record.info;
    if (!isActive(i.state))
        return u"Cluster %1 is %2: faults are injected into WAITING or RUNNING clusters"_s.arg(i.id, toString(i.state));
    auto eligible = [](const StoredExecutor &e) {
        return !isGone(e.executor.status) && !e.retireRequested && e.executor.pid > 0;
    };
    if (!executorId->isEmpty()) {
        StoredExecutor *e = findExecutor(*executorId);
        if (!e) {
            if (notFound)
                *notFound = true;
            return u"no executor %1 on cluster %2"_s.arg(*executorId, i.id);
        }
        if (!eligible(*e))
            return u"Executor %1 is %2: only a live executor that is not retiring can be hit"_s.arg(
                *executorId, toString(e->executor.status));
        *target = e;
        return {};
    }
    // The one with the most work in flight: a fault is a test of what the cluster does with lost work.
    StoredExecutor *best = nullptr;
    for (StoredExecutor &e : m_executors) {
        if (!eligible(e))
            continue;
        const int load = e.executor.tasksExecuting + e.executor.tasksReady + e.executor.tasksInMemory;
        if (!best || load > best->executor.tasksExecuting + best->executor.tasksReady + best->executor.tasksInMemory)
            best = &e;
    }
    if (!best)
        return u"Cluster %1 has no live executor to hit"_s.arg(i.id);
    *executorId = best->executor.id;
    *target = best;
    return {};
}

QString ClusterController::killWorker(QString *executorId, const QString &reason, bool *notFound)
{
    StoredExecutor *e = nullptr;
    const QString refused = pickFaultTarget(executorId, notFound, &e);
    if (!refused.isEmpty())
        return refused;
    Executor &x = e->executor;
    const qint64 pgid = x.pid;
    m_stalledGroups.remove(pgid); // SIGKILL ends a stopped process too
    if (!processes::signalGroup(pgid, SIGKILL))
        opsLog()->warn("cluster {}: kill {}: process group {} was already gone", m_record.info.id.toStdString(),
                       x.id.toStdString(), pgid);
    opsLog()->warn("cluster {}: executor {} killed (SIGKILL to process group {}): {}", m_record.info.id.toStdString(),
                   x.id.toStdString(), pgid, reason.toStdString());
    // Recorded now, with the caller's reason: the liveness check would only see "exited unexpectedly".
    x.status = ExecutorStatus::Lost;
    x.statusReason = reason;
    x.endedAt = now();
    x.address.clear();
    x.memoryManagedBytes = x.memoryUnmanagedBytes = 0;
    x.tasksExecuting = x.tasksReady = x.tasksInMemory = 0;
    saveExecutor(*e);
    Q_EMIT changed();
    schedulePoll();
    return {};
}

QString ClusterController::interruptSpot(QString *executorId, const QString &cause, bool *notFound)
{
    const ClusterInfo &i = m_record.info;
    if (i.spec.market != Market::Spot)
        return u"Cluster %1 runs on-demand workers: there is no spot capacity to reclaim"_s.arg(i.id);
    if (!isActive(i.state))
        return u"Cluster %1 is %2: spot interruptions hit WAITING or RUNNING clusters"_s.arg(i.id, toString(i.state));
    if (executorId->isEmpty()) {
        // The spot worker with the most work in flight: a reclaim does not wait for a quiet moment.
        const StoredExecutor *best = nullptr;
        for (const StoredExecutor &e : m_executors) {
            if (isGone(e.executor.status) || e.retireRequested || e.executor.market != Market::Spot || e.executor.pid <= 0)
                continue;
            const int load = e.executor.tasksExecuting + e.executor.tasksReady + e.executor.tasksInMemory;
            if (!best || load > best->executor.tasksExecuting + best->executor.tasksReady + best->executor.tasksInMemory)
                best = &e;
        }
        if (!best)
            return u"Cluster %1 has no live spot worker (%2)"_s.arg(
                i.id, m_spotFallback ? u"it fell back to on-demand"_s : u"none is running"_s);
        *executorId = best->executor.id;
    } else if (const StoredExecutor *e = findExecutor(*executorId); e && e->executor.market != Market::Spot) {
        return u"Executor %1 was bought on-demand: only spot workers are reclaimed"_s.arg(*executorId);
    }
    const int before = liveWorkerCount();
    const QString refused = killWorker(executorId, u"Spot interruption (%1): capacity reclaimed"_s.arg(cause), notFound);
    if (!refused.isEmpty())
        return refused;
    const qint64 t = now().toMSecsSinceEpoch();
    const qint64 windowMs = qint64(i.spec.spot.fallbackWindowSeconds) * 1000;
    m_spotInterruptionsMs.append(t);
    m_spotInterruptionsMs.removeIf([t, windowMs](qint64 at) { return at < t - windowMs; });
    m_spotInterruptionsLastHourMs.append(t);
    m_spotInterruptionsLastHourMs.removeIf([t](qint64 at) { return at < t - kHourMs; });
    const int inWindow = int(m_spotInterruptionsMs.size());
    const QJsonObject numbers{{u"cause"_s, cause},
                              {u"interruptionsInWindow"_s, inWindow},
                              {u"windowSeconds"_s, i.spec.spot.fallbackWindowSeconds},
                              {u"fallbackAfter"_s, i.spec.spot.fallbackAfter},
                              {u"interruptionsPerHour"_s, i.spec.spot.interruptionsPerHour}};
    ClusterEvent interruption;
    interruption.type = QLatin1StringView(ClusterEvent::kSpotInterruption);
    interruption.executorId = *executorId;
    interruption.reason = u"Spot capacity reclaimed (%1): worker %2 lost; %3 interruption(s) in the last %4 s"_s
                              .arg(cause, *executorId)
                              .arg(inWindow)
                              .arg(i.spec.spot.fallbackWindowSeconds);
    interruption.from = before;
    interruption.to = before - 1;
    interruption.metrics = numbers;
    recordEvent(interruption);
    if (!m_spotFallback && inWindow >= i.spec.spot.fallbackAfter) {
        m_spotFallback = true;
        ClusterEvent fallback;
        fallback.type = QLatin1StringView(ClusterEvent::kMarketFallback);
        fallback.reason = u"%1 spot interruptions within %2 s (threshold %3): workers are bought on-demand for the "
                          "rest of the cluster's life"_s.arg(inWindow)
                              .arg(i.spec.spot.fallbackWindowSeconds)
                              .arg(i.spec.spot.fallbackAfter);
        fallback.from = toString(Market::Spot);
        fallback.to = toString(Market::OnDemand);
        fallback.metrics = numbers;
        recordEvent(fallback);
    }
    // The replacement, on the market in force now.
    m_executors.append(newExecutor());
    StoredExecutor &replacement = m_executors.last();
    const bool started = spawnWorker(&replacement);
    ClusterEvent replaced;
    replaced.type = QLatin1StringView(started ? ClusterEvent::kWorkerReplaced : ClusterEvent::kScaleFailed);
    replaced.executorId = replacement.executor.id;
    replaced.reason = started ? u"Worker %1 (%2) replaces spot-interrupted %3"_s.arg(
                                    replacement.executor.id, toString(replacement.executor.market), *executorId)
                              : u"Cannot start a replacement for spot-interrupted %1: %2"_s.arg(
                                    *executorId, replacement.executor.statusReason);
    replaced.from = before - 1;
    replaced.to = started ? before : before - 1;
    replaced.metrics = QJsonObject{{u"market"_s, toString(replacement.executor.market)}, {u"replaces"_s, *executorId}};
    recordEvent(replaced);
    saveCluster();
    schedulePoll();
    return {};
}

std::optional<double> ClusterController::spotInterruptionsLastHour(qint64 nowMs) const
{
    if (m_record.info.spec.market != Market::Spot && m_spotInterruptionsLastHourMs.isEmpty())
        return std::nullopt; // on-demand from the start: no spot capacity, no rate to chart
    const auto inHour = std::count_if(m_spotInterruptionsLastHourMs.cbegin(), m_spotInterruptionsLastHourMs.cend(),
                                      [nowMs](qint64 at) { return at > nowMs - kHourMs && at <= nowMs; });
    return double(inHour);
}

void ClusterController::interruptSpotAtRandom()
{
    const ClusterInfo &i = m_record.info;
    const bool armed = i.spec.market == Market::Spot && i.spec.spot.interruptionsPerHour > 0 && isActive(i.state);
    const qint64 elapsedMs = m_sinceSpotDraw.isValid() ? m_sinceSpotDraw.restart() : (m_sinceSpotDraw.start(), 0);
    if (!armed || elapsedMs <= 0)
        return;
    // Each spot worker is reclaimed as a Poisson process at the configured rate.
    const double p = 1.0 - std::exp(-i.spec.spot.interruptionsPerHour * double(elapsedMs) / 3.6e6);
    QStringList hit;
    for (const StoredExecutor &e : m_executors)
        if (e.executor.market == Market::Spot && e.executor.status == ExecutorStatus::Running && !e.retireRequested
            && QRandomGenerator::global()->generateDouble() < p)
            hit.append(e.executor.id);
    for (QString id : hit)
        interruptSpot(&id, u"random, %1 per hour"_s.arg(i.spec.spot.interruptionsPerHour));
}

QString ClusterController::writeBootstrapPlan(const QString &node, bool scheduler)
{
    QJsonArray actions;
    for (const BootstrapAction &a : m_record.info.spec.bootstrapActions)
        if (scheduler ? a.runsOnScheduler() : a.runsOnWorkers())
            actions.append(a.toJson());
    if (actions.isEmpty())
        return {};
    const QString dir = clusterDir() + u"/bootstrap"_s;
    QDir().mkpath(dir);
    const QString result = dir + u'/' + node + u".result.json"_s;
    QFile::remove(result);
    const QString planPath = dir + u'/' + node + u".plan.json"_s;
    QFile plan(planPath);
    if (!plan.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    plan.write(QJsonDocument(QJsonObject{{u"node"_s, node}, {u"result"_s, result}, {u"actions"_s, actions}}).toJson());
    return planPath;
}

void ClusterController::wrapWithBootstrap(const QString &node, bool scheduler, processes::SpawnRequest *request)
{
    const QString plan = writeBootstrapPlan(node, scheduler);
    if (plan.isEmpty())
        return;
    // The wrapper runs the actions, then exec()s the engine process: same pid, same process group.
    request->arguments = QStringList{m_config.resourcesDir + u"/engine/bootstrap.py"_s, plan, u"--"_s, request->program}
        + request->arguments;
    request->program = m_config.pythonProgram;
}

std::optional<QString> ClusterController::bootstrapFailure(const QString &node) const
{
    QFile file(clusterDir() + u"/bootstrap/"_s + node + u".result.json"_s);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024)
        return std::nullopt;
    const QJsonObject r = QJsonDocument::fromJson(file.readAll()).object();
    if (r.isEmpty() || r.value(u"ok"_s).toBool())
        return std::nullopt;
    return u"Bootstrap action '%1' failed on %2: %3 (its output is in logs/%2.log)"_s.arg(
        r.value(u"action"_s).toString(), node, r.value(u"reason"_s).toString());
}

QString ClusterController::schedulerExitReason() const
{
    if (const auto failure = bootstrapFailure(u"scheduler"_s))
        return *failure;
    return u"The scheduler process (pid %1) exited: see %2/logs/scheduler.log"_s.arg(m_record.schedulerPid).arg(clusterDir());
}

QString ClusterController::stallWorker(QString *executorId, int seconds, bool *notFound)
{
    if (seconds < 1 || seconds > kMaxStallSeconds)
        return u"seconds: must be between 1 and %1"_s.arg(kMaxStallSeconds);
    StoredExecutor *e = nullptr;
    const QString refused = pickFaultTarget(executorId, notFound, &e);
    if (!refused.isEmpty())
        return refused;
    const qint64 pgid = e->executor.pid;
    if (m_stalledGroups.contains(pgid))
        return u"Executor %1 is already stalled"_s.arg(*executorId);
    if (!processes::signalGroup(pgid, SIGSTOP))
        return u"Executor %1's process group %2 is gone"_s.arg(*executorId).arg(pgid);
    m_stalledGroups.insert(pgid);
    opsLog()->warn("cluster {}: executor {} stalled for {} s (SIGSTOP to process group {})",
                   m_record.info.id.toStdString(), executorId->toStdString(), seconds, pgid);
    const QString id = *executorId;
    QTimer::singleShot(seconds * 1000, this, [this, pgid, id] {
        // Only a group we stopped and still stands stopped: after a kill the pid may belong to someone else.
        if (!m_stalledGroups.remove(pgid))
            return;
        processes::signalGroup(pgid, SIGCONT);
        opsLog()->info("cluster {}: executor {} resumed (SIGCONT)", m_record.info.id.toStdString(), id.toStdString());
    });
    return {};
}

void ClusterController::resumeStalled()
{
    for (qint64 pgid : std::as_const(m_stalledGroups))
        processes::signalGroup(pgid, SIGCONT);
    m_stalledGroups.clear();
}

void ClusterController::setTerminationProtection(bool on)
{
    m_record.info.spec.terminationProtection = on;
    saveCluster();
    Q_EMIT changed();
}

QString ClusterController::terminate(const QString &reason)
{
    ClusterInfo &i = m_record.info;
    if (isTerminal(i.state))
        return u"Cluster %1 is already %2"_s.arg(i.id, toString(i.state));
    if (i.spec.terminationProtection)
        return u"Cluster %1 has termination protection on: turn it off first"_s.arg(i.id);
    if (i.state == ClusterState::Terminating)
        return {};
    setState(ClusterState::Terminating, reason);
    resumeStalled(); // a stopped worker would hold its SIGTERM until the grace period ends in SIGKILL
    for (JobSlot &slot : m_jobs)
        if (!isFinished(slot.stored.job.state) && slot.stored.pid > 0)
            processes::signalGroup(slot.stored.pid, SIGTERM);
    for (const StoredExecutor &e : m_executors)
        if (!isGone(e.executor.status))
            processes::signalGroup(e.executor.pid, SIGTERM);
    processes::signalGroup(m_record.schedulerPid, SIGTERM);
    m_terminatingFor.start();
    m_killSent = false;
    schedulePoll();
    return {};
}

void ClusterController::finishTermination()
{
    QList<qint64> groups{m_record.schedulerPid};
    for (const StoredExecutor &e : m_executors)
        groups.append(e.executor.pid);
    for (const JobSlot &slot : m_jobs)
        if (slot.process && slot.process->state() != QProcess::NotRunning)
            groups.append(slot.stored.pid);
    const QSet<qint64> live = processes::liveProcessGroups();
    QList<qint64> alive;
    for (qint64 g : groups)
        if (g > 0 && live.contains(g))
            alive.append(g);
    if (alive.isEmpty()) {
        setState(ClusterState::Terminated, m_record.info.stateReason);
        return;
    }
    const qint64 elapsed = m_terminatingFor.isValid() ? m_terminatingFor.elapsed() : 0;
    if (!m_killSent && elapsed > qint64(m_config.terminateGraceSeconds) * 1000) {
        opsLog()->warn("cluster {}: {} process group(s) still alive after {} s: SIGKILL",
                       m_record.info.id.toStdString(), alive.size(), m_config.terminateGraceSeconds);
        for (qint64 g : alive)
            processes::signalGroup(g, SIGKILL);
        m_killSent = true;
    } else if (m_killSent && elapsed > qint64(m_config.terminateGraceSeconds) * 1000 + 15000) {
        QStringList pids;
        for (qint64 g : alive)
            pids.append(QString::number(g));
        fail(u"Process groups %1 survived SIGKILL"_s.arg(pids.join(u", "_s)));
    }
}

void ClusterController::fail(const QString &reason)
{
    ClusterInfo &i = m_record.info;
    if (isTerminal(i.state))
        return;
    opsLog()->error("cluster {}: {}", i.id.toStdString(), reason.toStdString());
    resumeStalled();
    QList<qint64> groups{m_record.schedulerPid};
    for (const StoredExecutor &e : m_executors)
        groups.append(e.executor.pid);
    for (const JobSlot &slot : m_jobs)
        if (!isFinished(slot.stored.job.state))
            groups.append(slot.stored.pid);
    for (qint64 g : groups)
        if (g > 0)
            processes::signalGroup(g, SIGTERM);
    QTimer::singleShot(m_config.terminateGraceSeconds * 1000, this, [groups] {
        for (qint64 g : groups)
            if (g > 0 && processes::isGroupAlive(g))
                processes::signalGroup(g, SIGKILL);
    });
    const QDateTime t = now();
    for (StoredExecutor &e : m_executors) {
        if (isGone(e.executor.status))
            continue;
        e.executor.status = e.retireRequested ? ExecutorStatus::Retired : ExecutorStatus::Lost;
        e.executor.statusReason = u"Cluster terminated with errors"_s;
        e.executor.endedAt = t;
        e.executor.address.clear();
        saveExecutor(e);
    }
    setState(ClusterState::TerminatedWithErrors, reason);
}

void ClusterController::checkIdle()
{
    const ClusterInfo &i = m_record.info;
    if (i.spec.idleTimeoutSeconds <= 0 || i.state != ClusterState::Waiting || i.spec.terminationProtection)
        return;
    if (m_idleFor.elapsed() >= i.spec.idleTimeoutSeconds * 1000)
        terminate(u"Idle for %1 s with no job: auto-terminated"_s.arg(i.spec.idleTimeoutSeconds));
}

QString ClusterController::submitJob(const JobRequest &request, const QString &scriptPath, Job *job)
{
    const ClusterInfo &i = m_record.info;
    if (!isActive(i.state))
        return u"Cluster %1 is %2: jobs run on WAITING or RUNNING clusters"_s.arg(i.id, toString(i.state));
    JobSlot slot;
    Job &j = slot.stored.job;
    j.id = u"job-"_s + QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffULL, 16).rightJustified(10, u'0');
    j.clusterId = i.id;
    j.sample = request.sample;
    j.script = scriptPath;
    j.args = request.args;
    j.name = !request.name.isEmpty() ? request.name : !request.sample.isEmpty() ? request.sample : QFileInfo(scriptPath).fileName();
    j.state = JobState::Pending;
    j.submittedAt = now();
    QDir().mkpath(clusterDir() + u"/jobs/"_s + j.id);
    slot.stored.logPath = clusterDir() + u"/jobs/"_s + j.id + u".log"_s;
    m_jobs.append(slot);
    saveJob(m_jobs.last());
    startJob(m_jobs.last());
    *job = m_jobs.last().stored.job;
    Q_EMIT changed();
    return {};
}

void ClusterController::startJob(JobSlot &slot)
{
    auto *process = new QProcess(this);
    slot.process = process;
    const QString jobId = slot.stored.job.id;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DASK_SCHEDULER_ADDRESS"_s, m_record.info.schedulerAddress);
    env.insert(u"CLUSTERDECK_JOB_ID"_s, jobId);
    env.insert(u"CLUSTERDECK_CLUSTER_ID"_s, m_record.info.id);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"PYTHONUNBUFFERED"_s, u"1"_s);
    QString workDir = clusterDir() + u"/jobs/"_s + jobId;
    QString script = slot.stored.job.script;
    const auto refuse = [&](const QString &why) {
        process->deleteLater();
        Job &j = slot.stored.job;
        j.state = JobState::Failed;
        j.stateReason = why;
        j.endedAt = now();
        saveJob(slot);
        opsLog()->error("cluster {}: job {} not started: {}", m_record.info.id.toStdString(), jobId.toStdString(),
                        why.toStdString());
    };
    const JobIdentity identity = jobIdentity(m_config.jobUser);
    if (!identity.error.isEmpty()) {
        refuse(identity.error);
        return;
    }
    if (identity.drop) {
        // The job runs from a staged copy that its user can reach (see jobstaging.h); that folder is the
        // one place it may write, and HOME points there because the user's home (/nonexistent for nobody)
        // is not writable and Python tools write caches under it.
        QString error;
        const QString root = jobStagingRoot(&error);
        const StagedJob staged = root.isEmpty() ? StagedJob{{}, {}, error}
                                                : stageJob(root, jobId, script, identity.uid, identity.gid);
        if (!staged.error.isEmpty()) {
            refuse(staged.error);
            return;
        }
        workDir = staged.directory;
        script = staged.script;
        env.insert(u"HOME"_s, workDir);
        env.insert(u"USER"_s, m_config.jobUser);
        env.insert(u"LOGNAME"_s, m_config.jobUser);
        QFile log(slot.stored.logPath);
        if (log.open(QIODevice::Append))
            log.write(u"[clusterdeck] the runtime runs as root; this job runs as %1 (uid %2, gid %3) from %4\n"_s
                          .arg(m_config.jobUser)
                          .arg(identity.uid)
                          .arg(identity.gid)
                          .arg(workDir)
                          .toUtf8());
    }
    process->setProcessEnvironment(env);
    process->setProgram(m_config.pythonProgram);
    process->setArguments(QStringList{script} + slot.stored.job.args);
    process->setWorkingDirectory(workDir);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardOutputFile(slot.stored.logPath, QIODevice::Append);
    process->setStandardInputFile(QProcess::nullDevice());
    // Its own process group: a cancel reaches the script and anything it started. Privileges are dropped
    // here, between fork and exec (after Qt opened the log and entered the folder as root): groups first,
    // then the group id, then the user id, which cannot be undone. A failed drop never runs the job.
    process->setChildProcessModifier([identity] {
        setpgid(0, 0);
        if (!identity.drop)
            return;
        if (::setgroups(0, nullptr) != 0 || ::setgid(identity.gid) != 0 || ::setuid(identity.uid) != 0
            || ::setuid(0) == 0) {
            static const char message[] = "[clusterdeck] cannot drop root privileges: the job was not started\n";
            [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
            ::_exit(126);
        }
    });
    connect(process, &QProcess::started, this, [this, jobId, process] {
        for (JobSlot &s : m_jobs) {
            if (s.stored.job.id != jobId)
                continue;
            s.stored.pid = process->processId();
            if (s.stored.job.state == JobState::Pending)
                s.stored.job.state = JobState::Running;
            s.stored.job.startedAt = now();
            saveJob(s);
        }
        if (m_record.info.state == ClusterState::Waiting)
            setState(ClusterState::Running, u"Job %1 is running"_s.arg(jobId));
        Q_EMIT changed();
    });
    connect(process, &QProcess::finished, this, [this, jobId](int exitCode, QProcess::ExitStatus status) {
        onJobFinished(jobId, exitCode, status == QProcess::CrashExit);
    });
    connect(process, &QProcess::errorOccurred, this, [this, jobId, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        for (JobSlot &s : m_jobs) {
            if (s.stored.job.id != jobId)
                continue;
            s.stored.job.state = JobState::Failed;
            s.stored.job.stateReason = u"Cannot start %1: %2"_s.arg(m_config.pythonProgram, process->errorString());
            s.stored.job.endedAt = now();
            saveJob(s);
        }
        process->deleteLater();
        Q_EMIT changed();
    });
    process->start();
}

void ClusterController::refreshLogTail(JobSlot &slot) const
{
    QFile f(slot.stored.logPath);
    if (!f.open(QIODevice::ReadOnly))
        return;
    if (f.size() > kLogTailBytes)
        f.seek(f.size() - kLogTailBytes);
    QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
    if (f.size() > kLogTailBytes && !lines.isEmpty())
        lines.removeFirst(); // a partial line
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.size() > kLogTailLines)
        lines = lines.mid(lines.size() - kLogTailLines);
    slot.stored.job.logTail = lines.join(u'\n');
}

void ClusterController::fetchDag(const QString &jobId, DagCallback done, bool fromEngine)
{
    const auto found = job(jobId);
    if (!found) {
        done({}, u"no job %1 on cluster %2"_s.arg(jobId, m_record.info.id), true);
        return;
    }
    const ClusterState s = m_record.info.state;
    const bool engineUp = isActive(s) || s == ClusterState::Bootstrapping;
    const QByteArray stored = m_store.loadJobDag(jobId);
    if (!engineUp || (!fromEngine && isFinished(found->state) && !stored.isEmpty())) {
        if (stored.isEmpty())
            done({}, u"no DAG was recorded for job %1 before its cluster ended"_s.arg(jobId), false);
        else
            done(stored, {}, false);
        return;
    }
    QUrl url(m_record.info.dashboardUrl + u"/clusterdeck/v1/dag"_s);
    url.setQuery(u"job="_s + QString::fromLatin1(QUrl::toPercentEncoding(jobId)));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_config.scrapeTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxIdentityBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, jobId, stored, done] {
        reply->deleteLater();
        QString error;
        std::optional<dag::Dag> graph;
        if (reply->error() == QNetworkReply::NoError)
            graph = dag::Dag::fromJson(reply->readAll(), &error);
        else
            error = reply->errorString();
        if (!graph) {
            // The scheduler is busy or gone: the last stored DAG is better than nothing.
            if (!stored.isEmpty())
                done(stored, {}, false);
            else
                done({}, u"cannot read the DAG from the scheduler: %1"_s.arg(error), false);
            return;
        }
        graph->setJobId(jobId);
        const QByteArray json = graph->toJsonBytes();
        m_store.saveJobDag(jobId, json);
        done(json, {}, false);
    });
}

void ClusterController::onJobFinished(const QString &jobId, int exitCode, bool crashed)
{
    for (JobSlot &s : m_jobs) {
        if (s.stored.job.id != jobId)
            continue;
        Job &j = s.stored.job;
        j.endedAt = now();
        j.exitCode = crashed ? -1 : exitCode;
        if (s.cancelRequested) {
            j.state = JobState::Cancelled;
            j.stateReason = u"Cancelled by request"_s;
        } else if (m_record.info.state == ClusterState::Terminating || isTerminal(m_record.info.state)) {
            j.state = JobState::Interrupted;
            j.stateReason = u"Its cluster ended while it ran"_s;
        } else if (!crashed && exitCode == 0) {
            j.state = JobState::Completed;
            j.stateReason.clear();
        } else {
            j.state = JobState::Failed;
            j.stateReason = crashed ? u"Killed by a signal"_s : u"Exited with code %1"_s.arg(exitCode);
        }
        // Anything the script left behind in its group goes with it.
        if (s.stored.pid > 0 && processes::isGroupAlive(s.stored.pid))
            processes::signalGroup(s.stored.pid, SIGKILL);
        refreshLogTail(s);
        saveJob(s);
        if (s.process)
            s.process->deleteLater();
        opsLog()->info("cluster {}: job {} {} (exit {})", m_record.info.id.toStdString(), jobId.toStdString(),
                       toString(j.state).toStdString(), exitCode);
    }
    // Keep the finished job's DAG: its task groups stay on the scheduler until the cluster ends.
    // A copy stored while it ran (any read saves one) is out of date now: read the final one from the scheduler.
    fetchDag(jobId, [](const QByteArray &, const QString &, bool) {}, true);
    if (activeJobCount() == 0 && m_record.info.state == ClusterState::Running)
        setState(ClusterState::Waiting, u"No job is running"_s);
    Q_EMIT changed();
}

QString ClusterController::cancelJob(const QString &jobId, Job *job)
{
    for (JobSlot &s : m_jobs) {
        if (s.stored.job.id != jobId)
            continue;
        if (isFinished(s.stored.job.state)) {
            *job = s.stored.job;
            return u"Job %1 is already %2"_s.arg(jobId, toString(s.stored.job.state));
        }
        s.cancelRequested = true;
        s.stored.job.state = JobState::CancelPending;
        saveJob(s);
        const qint64 pgid = s.stored.pid;
        if (pgid > 0) {
            processes::signalGroup(pgid, SIGTERM);
            QPointer<QProcess> process = s.process;
            QTimer::singleShot(m_config.cancelGraceSeconds * 1000, this, [process, pgid] {
                if (process && process->state() != QProcess::NotRunning)
                    processes::signalGroup(pgid, SIGKILL);
            });
        } else if (s.process) {
            s.process->kill();
        }
        *job = s.stored.job;
        Q_EMIT changed();
        return {};
    }
    return u"no job %1 on cluster %2"_s.arg(jobId, m_record.info.id);
}

void ClusterController::shutdown()
{
    m_pollTimer.stop();
    for (JobSlot &s : m_jobs) {
        if (isFinished(s.stored.job.state))
            continue;
        if (s.process)
            s.process->disconnect(this);
        if (s.stored.pid > 0)
            processes::signalGroup(s.stored.pid, SIGKILL);
        s.stored.job.state = JobState::Interrupted;
        s.stored.job.stateReason = u"The runtime stopped while the job ran"_s;
        s.stored.job.endedAt = now();
        refreshLogTail(s);
        saveJob(s);
    }
    if (m_record.info.state == ClusterState::Running)
        setState(ClusterState::Waiting, u"The runtime stopped; no job is running"_s);
}

void ClusterController::reattach(QList<StoredExecutor> executors, QList<StoredJob> jobs)
{
    m_executors = std::move(executors);
    for (StoredJob &stored : jobs) {
        JobSlot slot;
        slot.stored = std::move(stored);
        Job &j = slot.stored.job;
        if (!isFinished(j.state)) {
            if (slot.stored.pid > 0 && processes::isGroupAlive(slot.stored.pid))
                processes::signalGroup(slot.stored.pid, SIGKILL); // we can no longer follow it
            j.state = JobState::Interrupted;
            j.stateReason = u"The runtime restarted while the job ran"_s;
            j.endedAt = now();
            refreshLogTail(slot);
            m_store.saveJob(slot.stored);
        }
        m_jobs.append(slot);
    }
    ClusterInfo &i = m_record.info;
    if (isTerminal(i.state))
        return;
    const bool schedulerAlive = processes::isGroupAlive(m_record.schedulerPid)
        && processes::workingDirectory(m_record.schedulerPid).startsWith(clusterDir());
    if (!schedulerAlive) {
        for (const StoredExecutor &e : m_executors)
            if (!isGone(e.executor.status) && processes::workingDirectory(e.executor.pid).startsWith(clusterDir()))
                processes::signalGroup(e.executor.pid, SIGKILL);
        fail(u"The runtime restarted and the scheduler process (pid %1) was gone"_s.arg(m_record.schedulerPid));
        return;
    }
    opsLog()->info("cluster {}: re-attached to scheduler pid {}", i.id.toStdString(), m_record.schedulerPid);
    // A stall injected before the restart has lost its timer: resume every worker (harmless if running).
    for (const StoredExecutor &e : m_executors)
        if (!isGone(e.executor.status) && processes::workingDirectory(e.executor.pid).startsWith(clusterDir()))
            processes::signalGroup(e.executor.pid, SIGCONT);
    // Cooldowns survive a restart: they count from the last recorded actions.
    std::optional<qint64> lastOut, lastIn;
    for (const ClusterEvent &e : events()) {
        if (e.type == QLatin1StringView(ClusterEvent::kScaleOut))
            lastOut = e.time.toMSecsSinceEpoch();
        else if (e.type == QLatin1StringView(ClusterEvent::kScaleIn))
            lastIn = e.time.toMSecsSinceEpoch();
    }
    m_decider.restoreHistory(lastOut, lastIn);
    for (const ClusterEvent &e : events()) {
        if (e.type == QLatin1StringView(ClusterEvent::kSpotInterruption)) {
            m_spotInterruptionsMs.append(e.time.toMSecsSinceEpoch());
            m_spotInterruptionsLastHourMs.append(e.time.toMSecsSinceEpoch());
        }
        else if (e.type == QLatin1StringView(ClusterEvent::kMarketFallback))
            m_spotFallback = true;
    }
    m_sinceLaunch.start();
    if (i.state == ClusterState::Terminating) {
        m_terminatingFor.start();
        for (const StoredExecutor &e : m_executors)
            if (!isGone(e.executor.status))
                processes::signalGroup(e.executor.pid, SIGTERM);
        processes::signalGroup(m_record.schedulerPid, SIGTERM);
    } else if (i.state == ClusterState::Running) {
        setState(ClusterState::Waiting, u"The runtime restarted; its running jobs were interrupted"_s);
    }
    for (const StoredExecutor &e : m_executors)
        if (e.retireRequested && !isGone(e.executor.status))
            processes::signalGroup(e.executor.pid, SIGTERM);
    schedulePoll();
}

} // namespace cdeck
