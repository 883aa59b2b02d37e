// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clustercontroller.h"

#include "core/runtime/opslog.h"
#include "core/runtime/engine/drivers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace

ClusterController::ClusterController(StoredCluster record, InstanceType type, const RuntimeConfig &config,
                                     RuntimeStore &store, QNetworkAccessManager &network, engine::Host &host,
                                     QObject *parent)
    : QObject(parent)
    , m_record(std::move(record))
    , m_type(std::move(type))
    , m_config(config)
    , m_store(store)
    , m_host(host)
    , m_faults(
          std::make_unique<FaultInjector>(m_record.info.id, m_record.info.spec.market, m_record.info.spec.spot, host))
    , m_bootstrap(m_record.info.spec.bootstrapActions, clusterDir(), config.resourcesDir, config.pythonProgram, host)
    , m_replacement([&config] {
        WorkerReplacement::Settings s;
        s.firstBackoffMs = config.replaceBackoffMs;
        s.maxQuickFailures = config.replaceMaxQuickFailures;
        return s;
    }())
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ClusterController::poll);
    m_idleFor.start();
    m_decider.setPolicy(m_record.info.spec.scaling);
    engine::DriverContext context;
    context.clusterId = m_record.info.id;
    context.clusterDir = clusterDir();
    context.threadsPerWorker = m_type.threads;
    context.memoryPerWorkerBytes = m_type.memoryLimitBytes;
    context.config = &m_config;
    context.host = &m_host;
    context.network = &network;
    m_driver = engine::createDriver(m_record.info.spec.engine, context);
    if (m_driver) {
        // News from the engine: look now rather than at the next tick (the poll itself is idempotent). A
        // read in flight may have left before the news: another follows it at once.
        connect(m_driver.get(), &engine::EngineDriver::changed, this, [this] {
            if (isTerminal(m_record.info.state))
                return;
            if (m_pollInFlight)
                m_pollAgain = true;
            else
                m_pollTimer.start(0);
        });
    }
    JobRunner::Context jobs;
    jobs.clusterId = m_record.info.id;
    jobs.clusterDir = clusterDir();
    jobs.config = &m_config;
    jobs.store = &m_store;
    jobs.host = &m_host;
    jobs.driver = m_driver.get();
    m_jobs = std::make_unique<JobRunner>(jobs);
    m_jobs->setClusterState(m_record.info.state);
    connect(m_jobs.get(), &JobRunner::jobRunning, this, [this](const QString &jobId) {
        if (m_record.info.state == ClusterState::Waiting)
            setState(ClusterState::Running, u"Job %1 is running"_s.arg(jobId));
    });
    connect(m_jobs.get(), &JobRunner::jobEnded, this, [this] {
        if (activeJobCount() == 0 && m_record.info.state == ClusterState::Running)
            setState(ClusterState::Waiting, u"No job is running"_s);
    });
    connect(m_jobs.get(), &JobRunner::changed, this, &ClusterController::changed);
}

ClusterController::~ClusterController() = default;

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
    if (isActive(i.state) && i.runningWorkers < i.spec.workers) {
        const int starting = int(std::count_if(m_executors.cbegin(), m_executors.cend(), [](const StoredExecutor &e) {
            return e.executor.status == ExecutorStatus::Starting && !e.retireRequested;
        }));
        i.capacityReason = !m_capacityNote.isEmpty() && starting == 0
            ? m_capacityNote
            : u"%1 of %2 workers running; %3 starting"_s.arg(i.runningWorkers).arg(i.spec.workers).arg(starting);
    }
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
    return m_jobs->jobs();
}

std::optional<Job> ClusterController::job(const QString &jobId) const
{
    return m_jobs->job(jobId);
}

StoredExecutor *ClusterController::findExecutor(const QString &id)
{
    for (StoredExecutor &e : m_executors)
        if (e.executor.id == id)
            return &e;
    return nullptr;
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
    m_jobs->setClusterState(state);
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
    if (isTerminal(state) && m_driver) {
        // The cluster's user goes, with anything still running as it: at once after a termination (its
        // processes are gone), after the grace period after a failure (they were only asked to stop).
        const int delayMs = state == ClusterState::Terminated ? 0 : m_config.terminateGraceSeconds * 1000 + 500;
        QTimer::singleShot(delayMs, m_driver.get(), [driver = m_driver.get()] { driver->release(); });
    }
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

void ClusterController::launch()
{
    ClusterInfo &i = m_record.info;
    const QString dir = clusterDir();
    for (const char *sub : {"logs", "jobs"})
        m_host.makePath(dir + u'/' + QLatin1StringView(sub));
    // Known once the head listens (see readEndpoints).
    m_record.schedulerPort = 0;
    m_record.dashboardPort = 0;
    i.schedulerAddress.clear();
    i.dashboardUrl.clear();
    const StateChange first{ClusterState::Starting, u"Launch requested"_s, now()};
    i.state = first.state;
    m_jobs->setClusterState(first.state);
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
    if (!m_driver) {
        fail(engine::missingForEngine(i.spec.engine, m_config));
        return;
    }
    if (const QString why = m_driver->prepare(); !why.isEmpty()) {
        fail(why);
        return;
    }

    spawnHead();
    if (isTerminal(i.state))
        return;
    // Workers start with the head where the engine allows it: they retry until it answers, which saves
    // the head's start-up time from every launch. Otherwise they wait for its endpoints (poll).
    for (int n = 0; n < i.spec.workers; ++n) {
        m_executors.append(newExecutor());
        if (!m_driver->workersStartWithHead()) {
            saveExecutor(m_executors.last());
            continue;
        }
        if (!spawnWorker(&m_executors.last())) {
            fail(u"Cannot start worker %1: see %2/logs"_s.arg(m_executors.last().executor.id, dir));
            return;
        }
    }
    saveCluster();
    schedulePoll();
}

void ClusterController::spawnHead()
{
    engine::ProcessSpec spec = m_driver->headProcess();
    m_host.makePath(spec.workingDirectory);
    m_bootstrap.wrap(m_driver->headName(), true, &spec);
    QString error;
    m_record.schedulerPid = m_host.startDetached(spec, &error).id;
    if (m_record.schedulerPid <= 0) {
        fail(u"Cannot start the %1: %2"_s.arg(m_driver->headName(), error));
        return;
    }
    opsLog()->info("cluster {}: {} pid {} started", m_record.info.id.toStdString(), m_driver->headName().toStdString(),
                   m_record.schedulerPid);
}

StoredExecutor ClusterController::newExecutor()
{
    StoredExecutor e;
    e.executor.id = u"w%1"_s.arg(m_record.nextWorkerIndex++);
    e.executor.status = ExecutorStatus::Starting;
    e.executor.threads = m_type.threads;
    e.executor.memoryLimitBytes = m_type.memoryLimitBytes;
    e.executor.market = m_faults->spot().marketForNewWorker();
    return e;
}

bool ClusterController::spawnWorker(StoredExecutor *e)
{
    const QString dir = clusterDir();
    engine::WorkerLaunch launch;
    launch.executorId = e->executor.id;
    launch.workDir = dir + u"/workers/"_s + e->executor.id;
    launch.logPath = dir + u"/logs/"_s + e->executor.id + u".log"_s;
    m_host.makePath(launch.workDir);
    if (m_driver->lacksEngineUser()) {
        // Never as the runtime's user: the worker is lost with the reason instead.
        e->executor.status = ExecutorStatus::Lost;
        e->executor.statusReason = u"The cluster's own user was not found after a runtime restart: no worker "
                                   "starts as the runtime's user"_s;
        e->executor.endedAt = now();
        saveExecutor(*e);
        return false;
    }
    engine::ProcessSpec spec = m_driver->workerProcess(launch);
    m_bootstrap.wrap(e->executor.id, false, &spec);
    QString error;
    e->executor.pid = m_host.startDetached(spec, &error).id;
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

void ClusterController::spawnWaitingWorkers()
{
    QStringList failed;
    for (StoredExecutor &e : m_executors)
        if (e.executor.status == ExecutorStatus::Starting && e.executor.pid <= 0 && !e.retireRequested
            && !spawnWorker(&e))
            failed.append(e.executor.id);
    if (failed.isEmpty())
        return;
    if (m_record.info.state == ClusterState::Starting || m_record.info.state == ClusterState::Bootstrapping) {
        fail(u"Cannot start worker(s) %1: see %2/logs"_s.arg(failed.join(u", "_s), clusterDir()));
        return;
    }
    ClusterEvent event;
    event.type = QLatin1StringView(ClusterEvent::kScaleFailed);
    event.reason = u"Cannot start worker(s) %1: see logs"_s.arg(failed.join(u", "_s));
    recordEvent(event);
}

void ClusterController::schedulePoll()
{
    const ClusterState s = m_record.info.state;
    if (isTerminal(s))
        return;
    if (m_pollAgain && !m_pollInFlight) {
        m_pollAgain = false;
        m_pollTimer.start(0);
        return;
    }
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
    replaceLostWorkers();
    if ((s == ClusterState::Starting || s == ClusterState::Bootstrapping) && m_bootstrap.failedCount() > 0
        && m_bootstrap.failedCount() >= m_record.info.spec.workers) {
        fail(u"Bootstrap failed on every worker: %1"_s.arg(
            findExecutor(m_bootstrap.anyFailed())->executor.statusReason));
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
        if (!m_host.isAlive(headHandle())) {
            fail(headExitReason());
            return;
        }
        schedulePoll();
        return;
    }
    m_pollInFlight = true;
    m_driver->readExecutors([this](std::optional<QList<engine::ExecutorReport>> reports, const QString &error) {
        m_pollInFlight = false;
        if (isTerminal(m_record.info.state))
            return;
        if (reports) {
            onExecutors(*reports);
            evaluateScaling();
        } else {
            onScrapeFailed(error);
        }
        schedulePoll();
    });
}

bool ClusterController::readEndpoints()
{
    const auto endpoints = m_driver->discoverEndpoints();
    if (!endpoints)
        return false;
    m_record.schedulerPort = QUrl(endpoints->headAddress).port(0);
    m_record.dashboardPort = QUrl(endpoints->uiUrl).port(0);
    m_record.info.schedulerAddress = endpoints->headAddress;
    m_record.info.dashboardUrl = endpoints->uiUrl;
    saveCluster();
    opsLog()->info("cluster {}: {} at {}, web UI at {}", m_record.info.id.toStdString(),
                   m_driver->headName().toStdString(), endpoints->headAddress.toStdString(),
                   endpoints->uiUrl.toStdString());
    spawnWaitingWorkers();
    return true;
}

void ClusterController::onScrapeFailed(const QString &why)
{
    ++m_failedScrapes;
    const ClusterState s = m_record.info.state;
    if (s == ClusterState::Terminating || isTerminal(s))
        return;
    if (!m_host.isAlive(headHandle())) {
        fail(headExitReason());
        return;
    }
    // A head that is starting refuses connections for a few seconds: normal, not worth a log line.
    if (s != ClusterState::Starting && (m_failedScrapes == 1 || m_failedScrapes % 30 == 0))
        opsLog()->warn("cluster {}: scrape failed ({} in a row): {}", m_record.info.id.toStdString(), m_failedScrapes,
                       why.toStdString());
}

void ClusterController::onExecutors(const QList<engine::ExecutorReport> &workers)
{
    m_failedScrapes = 0;
    ClusterInfo &i = m_record.info;
    if (i.state == ClusterState::Starting)
        setState(
            ClusterState::Bootstrapping,
            u"The %1 is up at %2; waiting for %3 worker(s) to register"_s.arg(m_driver->headName(), i.schedulerAddress)
                .arg(i.spec.workers));
    const QDateTime t = now();
    for (StoredExecutor &e : m_executors) {
        Executor &x = e.executor;
        if (isGone(x.status))
            continue;
        const auto report = std::find_if(workers.cbegin(), workers.cend(),
                                         [&](const engine::ExecutorReport &w) { return w.executorId == x.id; });
        if (report == workers.cend()) {
            // Registered before, absent now, process alive: it is restarting in place (a nanny's restart).
            if (x.status == ExecutorStatus::Running || x.status == ExecutorStatus::Paused) {
                x.status = e.retireRequested ? ExecutorStatus::Retiring : ExecutorStatus::Starting;
                x.statusReason = e.retireRequested ? u"Retiring (scale-down)"_s : m_driver->restartingReason();
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
        if (report->tasksFailed >= 0)
            x.tasksFailed = report->tasksFailed;
        if (report->tasksCompleted >= 0)
            x.tasksCompleted = report->tasksCompleted;
        if (report->peakHeapBytes >= 0)
            x.peakHeapBytes = report->peakHeapBytes;
        x.cpuPercent = report->cpuPercent;
        x.updatedAt = t;
        if (report->metricsPort > 0)
            e.dashboardPort = report->metricsPort;
        if (e.retireRequested)
            x.status = ExecutorStatus::Retiring;
        else if (report->status == engine::ExecutorReport::Status::Paused)
            x.status = ExecutorStatus::Paused;
        else if (report->status == engine::ExecutorReport::Status::Closing)
            x.status = ExecutorStatus::Retiring;
        else
            x.status = ExecutorStatus::Running;
        if (x.status != ExecutorStatus::Retiring)
            x.statusReason.clear();
        if (x.status == ExecutorStatus::Running && before == ExecutorStatus::Starting)
            m_replacement.recordRegistered(t.toMSecsSinceEpoch());
        if (before != x.status || newIncarnation)
            saveExecutor(e); // status changes are stored; per-second metrics go to the sampler's store
    }
    // A worker whose bootstrap failed never joins: the others are enough to be ready.
    const int expected = i.spec.workers - m_bootstrap.failedCount();
    if (i.state == ClusterState::Bootstrapping && expected > 0 && info().runningWorkers >= expected) {
        setState(activeJobCount() > 0 ? ClusterState::Running : ClusterState::Waiting,
                 m_bootstrap.failedCount() == 0
                     ? u"All %1 workers registered"_s.arg(i.spec.workers)
                     : u"%1 of %2 workers registered; %3 failed its bootstrap"_s.arg(expected)
                           .arg(i.spec.workers)
                           .arg(m_bootstrap.failedCount()));
    }
    Q_EMIT changed();
}

void ClusterController::updateLiveness()
{
    QList<engine::ProcessHandle> handles;
    for (const StoredExecutor &e : std::as_const(m_executors))
        if (!isGone(e.executor.status) && e.executor.pid > 0)
            handles.append(handleOf(e));
    const QList<engine::ProcessHandle> live = m_host.aliveAmong(handles);
    const QDateTime t = now();
    for (StoredExecutor &e : m_executors) {
        Executor &x = e.executor;
        // A worker with no process yet waits for the head's endpoints: not started, not lost.
        if (isGone(x.status) || x.pid <= 0 || live.contains(handleOf(e)))
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
            const auto failure = m_bootstrap.failure(x.id);
            if (failure) {
                x.statusReason = *failure;
                m_bootstrap.markFailed(x.id);
                ClusterEvent event;
                event.type = QLatin1StringView(ClusterEvent::kBootstrapFailed);
                event.reason = *failure;
                event.executorId = x.id;
                recordEvent(event);
            }
            noteLoss(e, false, failure.has_value());
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
    // A count the user set is a fresh start for replacements that had stopped at their cap.
    m_replacement.reset();
    m_capRecorded = false;
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
    m_replacement.reset();
    m_capRecorded = false;
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
    m_loadInFlight = true;
    m_driver->readLoad([this](std::optional<engine::EngineLoad> load, const QString &error) {
        m_loadInFlight = false;
        if (!load) {
            opsLog()->debug("cluster {}: load read failed: {}", m_record.info.id.toStdString(), error.toStdString());
            return;
        }
        onLoad(*load);
    });
}

void ClusterController::onLoad(const engine::EngineLoad &load)
{
    const ClusterInfo &i = m_record.info;
    if (!i.spec.scaling.managed() || !isActive(i.state))
        return;
    const bool settling = std::any_of(m_executors.cbegin(), m_executors.cend(), [](const StoredExecutor &e) {
        return e.executor.status == ExecutorStatus::Starting || e.executor.status == ExecutorStatus::Retiring;
    });
    if (settling)
        return;
    // Idle by the engine's account (no task at all) and running by ours; newest first, so the
    // longest-lived workers (and their warm caches) stay.
    QList<const StoredExecutor *> idle;
    for (const StoredExecutor &e : m_executors)
        if (e.executor.status == ExecutorStatus::Running && !e.retireRequested
            && load.idleExecutors.contains(e.executor.id))
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
    sample.threads = load.threads;
    sample.adaptiveTarget = load.adaptiveTarget;
    sample.pendingTasks = load.pendingTasks;
    sample.memoryBytes = load.memoryBytes;
    sample.memoryLimitBytes = load.memoryLimitBytes;
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
    QList<engine::RetiringWorker> draining;
    for (const QString &name : names) {
        StoredExecutor *e = findExecutor(name);
        if (!e)
            continue;
        e->retireRequested = true;
        const bool wasRegistered = e->executor.status != ExecutorStatus::Starting && !e->executor.address.isEmpty();
        e->executor.status = ExecutorStatus::Retiring;
        e->executor.statusReason = u"Retiring (scale-down): moving its data to the other workers"_s;
        saveExecutor(*e);
        if (wasRegistered)
            draining.append({e->executor.id, handleOf(*e), e->executor.address});
        else if (e->executor.pid > 0)
            m_host.signal(handleOf(*e), engine::ProcessSignal::Terminate); // nothing to move yet
        else {
            // Never started (it waited for the head's endpoints): nothing to stop.
            e->executor.status = ExecutorStatus::Retired;
            e->executor.statusReason = u"Retired by a scale-down before it started"_s;
            e->executor.endedAt = now();
            saveExecutor(*e);
        }
    }
    if (draining.isEmpty())
        return;
    m_driver->retire(draining, [this, draining](const QString &error) {
        if (!error.isEmpty()) {
            opsLog()->warn("cluster {}: retire not confirmed ({}); stopping the workers anyway",
                           m_record.info.id.toStdString(), error.toStdString());
            ClusterEvent event;
            event.type = QLatin1StringView(ClusterEvent::kScaleFailed);
            event.reason = error + u"; stopping them anyway"_s;
            recordEvent(event);
        }
        // The retire moved the work and closed the workers; now reap each one's process group:
        // terminate, then kill after the grace period if anything is left.
        for (const engine::RetiringWorker &w : draining) {
            m_host.signal(w.process, engine::ProcessSignal::Terminate);
            QTimer::singleShot(m_config.retireGraceSeconds * 1000, this, [this, process = w.process] {
                if (m_host.isAlive(process))
                    m_host.signal(process, engine::ProcessSignal::Kill);
            });
        }
        schedulePoll();
    });
}

QString ClusterController::killWorker(QString *executorId, const QString &reason, bool *notFound)
{
    const QString refused = m_faults->kill(m_executors, m_record.info.state, executorId, reason, notFound);
    if (!refused.isEmpty())
        return refused;
    StoredExecutor *e = findExecutor(*executorId);
    Executor &x = e->executor;
    // Recorded now, with the caller's reason: the liveness check would only see "exited unexpectedly".
    x.status = ExecutorStatus::Lost;
    x.statusReason = reason;
    x.endedAt = now();
    x.address.clear();
    x.memoryManagedBytes = x.memoryUnmanagedBytes = 0;
    x.tasksExecuting = x.tasksReady = x.tasksInMemory = 0;
    saveExecutor(*e);
    noteLoss(*e, true, false); // the caller's doing, not the worker's: replaced without backoff
    Q_EMIT changed();
    schedulePoll();
    return {};
}

QString ClusterController::interruptSpot(QString *executorId, const QString &cause, bool *notFound)
{
    const QString unchosen = m_faults->chooseReclaim(m_executors, m_record.info.state, executorId, notFound);
    if (!unchosen.isEmpty())
        return unchosen;
    const int before = liveWorkerCount();
    const QString refused = killWorker(executorId, u"Spot interruption (%1): capacity reclaimed"_s.arg(cause), notFound);
    if (!refused.isEmpty())
        return refused;
    for (const ClusterEvent &event : m_faults->recordReclaim(now().toMSecsSinceEpoch(), cause, *executorId, before))
        recordEvent(event);
    // The replacement, on the market in force now (started here, not by replaceLostWorkers()).
    m_replacement.forget(*executorId);
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
    return m_faults->spot().interruptionsLastHour(nowMs);
}

void ClusterController::interruptSpotAtRandom()
{
    const ClusterInfo &i = m_record.info;
    for (QString id : m_faults->dueRandomReclaims(m_executors, i.state))
        interruptSpot(&id, u"random, %1 per hour"_s.arg(i.spec.spot.interruptionsPerHour));
}

QString ClusterController::headExitReason() const
{
    const QString head = m_driver ? m_driver->headName() : u"head"_s;
    if (const auto failure = m_bootstrap.failure(head))
        return *failure;
    return u"The %1 process (pid %2) exited: see %3/logs/%1.log"_s.arg(head)
        .arg(m_record.schedulerPid)
        .arg(clusterDir());
}

QString ClusterController::stallWorker(QString *executorId, int seconds, bool *notFound)
{
    return m_faults->stall(m_executors, m_record.info.state, executorId, seconds, notFound);
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
    m_faults->resumeStalled(); // a stopped worker would hold its SIGTERM until the grace period ends in SIGKILL
    m_jobs->terminateAll();
    for (const StoredExecutor &e : m_executors)
        if (!isGone(e.executor.status))
            m_host.signal(handleOf(e), engine::ProcessSignal::Terminate);
    m_host.signal(headHandle(), engine::ProcessSignal::Terminate);
    m_terminatingFor.start();
    m_killSent = false;
    schedulePoll();
    return {};
}

void ClusterController::finishTermination()
{
    QList<engine::ProcessHandle> groups{headHandle()};
    for (const StoredExecutor &e : m_executors)
        groups.append(handleOf(e));
    groups += m_jobs->runningGroups();
    const QList<engine::ProcessHandle> alive = m_host.aliveAmong(groups);
    if (alive.isEmpty()) {
        setState(ClusterState::Terminated, m_record.info.stateReason);
        return;
    }
    const qint64 elapsed = m_terminatingFor.isValid() ? m_terminatingFor.elapsed() : 0;
    if (!m_killSent && elapsed > qint64(m_config.terminateGraceSeconds) * 1000) {
        opsLog()->warn("cluster {}: {} process group(s) still alive after {} s: SIGKILL",
                       m_record.info.id.toStdString(), alive.size(), m_config.terminateGraceSeconds);
        for (const engine::ProcessHandle &g : alive)
            m_host.signal(g, engine::ProcessSignal::Kill);
        m_killSent = true;
    } else if (m_killSent && elapsed > qint64(m_config.terminateGraceSeconds) * 1000 + 15000) {
        QStringList pids;
        for (const engine::ProcessHandle &g : alive)
            pids.append(QString::number(g.id));
        fail(u"Process groups %1 survived SIGKILL"_s.arg(pids.join(u", "_s)));
    }
}

void ClusterController::fail(const QString &reason)
{
    ClusterInfo &i = m_record.info;
    if (isTerminal(i.state))
        return;
    opsLog()->error("cluster {}: {}", i.id.toStdString(), reason.toStdString());
    m_faults->resumeStalled();
    QList<engine::ProcessHandle> groups{headHandle()};
    for (const StoredExecutor &e : m_executors)
        groups.append(handleOf(e));
    groups += m_jobs->unfinishedGroups();
    groups.removeIf([](const engine::ProcessHandle &g) { return !g.isValid(); });
    for (const engine::ProcessHandle &g : std::as_const(groups))
        m_host.signal(g, engine::ProcessSignal::Terminate);
    QTimer::singleShot(m_config.terminateGraceSeconds * 1000, this, [this, groups] {
        for (const engine::ProcessHandle &g : groups)
            if (m_host.isAlive(g))
                m_host.signal(g, engine::ProcessSignal::Kill);
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

void ClusterController::noteLoss(const StoredExecutor &e, bool external, bool bootstrapFailed)
{
    const Executor &x = e.executor;
    const qint64 at = (x.endedAt.isValid() ? x.endedAt : now()).toMSecsSinceEpoch();
    const qint64 lived = x.startedAt.isValid() ? at - x.startedAt.toMSecsSinceEpoch() : 0;
    m_replacement.recordLoss(x.id, x.statusReason, at, lived, external, bootstrapFailed);
}

void ClusterController::replaceLostWorkers()
{
    const ClusterInfo &i = m_record.info;
    // While starting, the launch's own rules apply (the start timeout, a bootstrap failing everywhere);
    // while terminating, nothing is replaced.
    if (!isActive(i.state) || !m_driver) {
        m_capacityNote.clear();
        return;
    }
    const int live = liveWorkerCount();
    const WorkerReplacement::Plan plan = m_replacement.plan(now().toMSecsSinceEpoch(), i.spec.workers, live);
    m_capacityNote = plan.summary;
    if (plan.capped && !m_capRecorded) {
        m_capRecorded = true;
        ClusterEvent event;
        event.type = QLatin1StringView(ClusterEvent::kScaleFailed);
        event.reason = u"Lost workers are no longer replaced: "_s + plan.summary;
        event.from = live;
        event.to = live;
        event.metrics = QJsonObject{{u"requested"_s, i.spec.workers},
                                    {u"quickFailuresInARow"_s, m_replacement.quickFailuresInARow()}};
        recordEvent(event);
        Q_EMIT changed();
    }
    if (plan.start <= 0)
        return;
    m_capRecorded = false;
    for (int n = 0; n < plan.start; ++n) {
        const bool replacesALoss = n < plan.replaces.size();
        const WorkerReplacement::Loss loss = replacesALoss ? plan.replaces[n] : WorkerReplacement::Loss{};
        m_executors.append(newExecutor());
        StoredExecutor &replacement = m_executors.last();
        const int before = liveWorkerCount() - 1;
        bool started = true;
        if (m_driver->workersStartWithHead() || !i.schedulerAddress.isEmpty())
            started = spawnWorker(&replacement);
        else
            saveExecutor(replacement); // starts once the head's endpoints are known
        ClusterEvent event;
        event.type = QLatin1StringView(started ? ClusterEvent::kWorkerReplaced : ClusterEvent::kScaleFailed);
        event.executorId = replacement.executor.id;
        const QString lost
            = replacesALoss ? u"lost %1 (%2)"_s.arg(loss.executorId, loss.reason) : u"a worker that did not start"_s;
        event.reason = started
            ? u"Worker %1 (%2) replaces %3: the cluster keeps its requested %4 workers"_s
                  .arg(replacement.executor.id, toString(replacement.executor.market), lost)
                  .arg(i.spec.workers)
            : u"Cannot start a replacement for %1: %2"_s.arg(lost, replacement.executor.statusReason);
        event.from = before;
        event.to = started ? before + 1 : before;
        event.metrics = QJsonObject{{u"market"_s, toString(replacement.executor.market)},
                                    {u"replaces"_s, loss.executorId},
                                    {u"lossReason"_s, loss.reason},
                                    {u"requested"_s, i.spec.workers},
                                    {u"quickFailuresInARow"_s, m_replacement.quickFailuresInARow()}};
        recordEvent(event);
        if (!started)
            noteLoss(replacement, false, false); // a start that fails at once counts towards the backoff
    }
    saveCluster();
    Q_EMIT changed();
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
    m_jobs->submit(request, scriptPath, job);
    return {};
}

void ClusterController::fetchDag(const QString &jobId, DagCallback done, bool fromEngine)
{
    m_jobs->fetchDag(jobId, std::move(done), fromEngine);
}

QString ClusterController::cancelJob(const QString &jobId, Job *job)
{
    return m_jobs->cancel(jobId, job);
}

void ClusterController::shutdown()
{
    m_pollTimer.stop();
    m_jobs->interruptAll(u"The runtime stopped while the job ran"_s);
    if (m_record.info.state == ClusterState::Running)
        setState(ClusterState::Waiting, u"The runtime stopped; no job is running"_s);
}

void ClusterController::reattach(QList<StoredExecutor> executors, QList<StoredJob> jobs)
{
    m_executors = std::move(executors);
    m_jobs->restore(std::move(jobs));
    ClusterInfo &i = m_record.info;
    if (isTerminal(i.state)) {
        if (m_driver)
            m_driver->release(); // ended while the runtime was down before its user went: nothing if it did
        return;
    }
    const bool headAlive = m_driver && m_host.isAlive(headHandle()) && m_host.runsInside(headHandle(), clusterDir());
    if (!headAlive) {
        for (const StoredExecutor &e : m_executors)
            if (!isGone(e.executor.status) && m_host.runsInside(handleOf(e), clusterDir()))
                m_host.signal(handleOf(e), engine::ProcessSignal::Kill);
        fail(m_driver ? u"The runtime restarted and the %1 process (pid %2) was gone"_s.arg(m_driver->headName())
                            .arg(m_record.schedulerPid)
                      : engine::missingForEngine(i.spec.engine, m_config));
        return;
    }
    m_driver->restoreEndpoints({i.schedulerAddress, i.dashboardUrl});
    opsLog()->info("cluster {}: re-attached to {} pid {}", i.id.toStdString(), m_driver->headName().toStdString(),
                   m_record.schedulerPid);
    // A stall injected before the restart has lost its timer: resume every worker (harmless if running).
    for (const StoredExecutor &e : m_executors)
        if (!isGone(e.executor.status) && m_host.runsInside(handleOf(e), clusterDir()))
            m_host.signal(handleOf(e), engine::ProcessSignal::Continue);
    // Cooldowns survive a restart: they count from the last recorded actions.
    std::optional<qint64> lastOut, lastIn;
    QList<qint64> interruptions;
    bool fellBack = false;
    for (const ClusterEvent &e : events()) {
        if (e.type == QLatin1StringView(ClusterEvent::kScaleOut))
            lastOut = e.time.toMSecsSinceEpoch();
        else if (e.type == QLatin1StringView(ClusterEvent::kScaleIn))
            lastIn = e.time.toMSecsSinceEpoch();
        else if (e.type == QLatin1StringView(ClusterEvent::kSpotInterruption))
            interruptions.append(e.time.toMSecsSinceEpoch());
        else if (e.type == QLatin1StringView(ClusterEvent::kMarketFallback))
            fellBack = true;
    }
    m_decider.restoreHistory(lastOut, lastIn);
    m_faults->spot().restore(interruptions, fellBack);
    m_sinceLaunch.start();
    if (i.state == ClusterState::Terminating) {
        m_terminatingFor.start();
        for (const StoredExecutor &e : m_executors)
            if (!isGone(e.executor.status))
                m_host.signal(handleOf(e), engine::ProcessSignal::Terminate);
        m_host.signal(headHandle(), engine::ProcessSignal::Terminate);
    } else if (i.state == ClusterState::Running) {
        setState(ClusterState::Waiting, u"The runtime restarted; its running jobs were interrupted"_s);
    }
    for (const StoredExecutor &e : m_executors)
        if (e.retireRequested && !isGone(e.executor.status))
            m_host.signal(handleOf(e), engine::ProcessSignal::Terminate);
    schedulePoll();
}

} // namespace cdeck
