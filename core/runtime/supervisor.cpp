// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "supervisor.h"

#include "core/runtime/clustercontroller.h"
#include "core/runtime/engine/drivers.h"
#include "core/runtime/incidentmonitor.h"
#include "core/runtime/slomonitor.h"
#include "core/runtime/costbook.h"
#include "core/runtime/metricsampler.h"
#include "core/cost/pricecatalog.h"
#include "core/dag/dag.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace cdeck {

Supervisor::Supervisor(RuntimeConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_costBook(std::make_unique<CostBook>(m_store, m_catalog, [this] {
        QList<ClusterCostFacts> facts;
        for (const QString &id : std::as_const(m_order)) {
            const ClusterController *c = m_clusters.value(id);
            facts.append({c->info(), c->executors(), c->jobs()});
        }
        return facts;
    }))
{
    // Every change of a cluster (launch, scale, reclaim, terminate) brings its recorded lifetimes up to date.
    connect(this, &Supervisor::clusterChanged, this, [this](const QString &id) {
        if (const ClusterController *c = m_clusters.value(id))
            m_costBook->record(c->info(), c->executors());
    });
    connect(this, &Supervisor::clusterChanged, this, &Supervisor::followResubmission);
}

Supervisor::~Supervisor()
{
    // Before the members they read (config, store, controllers) go: QObject would delete them only after.
    delete m_slos;
    delete m_sampler;
}

bool Supervisor::start(QString *error)
{
    if (!QDir().mkpath(m_config.dataDir + u"/clusters"_s)) {
        *error = u"cannot create the data directory %1"_s.arg(m_config.dataDir);
        return false;
    }
    if (const QString off = m_host.isolationOff(); !off.isEmpty()) {
        spdlog::warn("runtime: engine isolation is OFF: {}. Run the runtime as root for a user per cluster "
                     "(see docs/security.md)",
                     off.toStdString());
    } else {
        // Each cluster's user reaches its own folder through these two, and lists neither: search only.
        for (const QString &dir : QStringList{m_config.dataDir, m_config.dataDir + u"/clusters"_s})
            if (::chmod(QFile::encodeName(dir).constData(), 0711) != 0) {
                *error = u"cannot set the mode of %1 to 0711: %2"_s.arg(dir, QString::fromLocal8Bit(strerror(errno)));
                return false;
            }
        spdlog::info("runtime: engine isolation is on: each cluster runs as a user of its own (uids {}-{})",
                     m_config.engineUidFirst, m_config.engineUidLast);
    }
    auto catalog = InstanceCatalog::load(m_config.resourcesDir + u"/instance-types/local.json"_s, error);
    if (!catalog)
        return false;
    m_catalog = *catalog;
    for (const char *file : {"/engine/dask.yaml", "/engine/scheduler_preload.py", "/engine/worker_preload.py"}) {
        if (!QFileInfo::exists(m_config.resourcesDir + QLatin1StringView(file))) {
            *error = u"resources are incomplete: %1%2 is missing (use --resources DIR)"_s.arg(m_config.resourcesDir,
                                                                                             QLatin1StringView(file));
            return false;
        }
    }
    if (!m_store.open(m_config.dataDir + u"/runtime.sqlite"_s, error))
        return false;
    if (!m_costBook->start(m_config.pricingPath.isEmpty()
                               ? cost::PriceCatalog::defaultPath(m_config.resourcesDir)
                               : m_config.pricingPath,
                           error))
        return false;
    for (StoredCluster &record : m_store.loadClusters()) {
        const QString id = record.info.id;
        const QList<StoredExecutor> executors = m_store.loadExecutors(id);
        const QList<StoredJob> jobs = m_store.loadJobs(id);
        ClusterController *c = addController(std::move(record));
        c->reattach(executors, jobs);
        m_costBook->record(c->info(), c->executors()); // lifetimes that ended while no runtime ran
    }
    // Metrics have their own file: the store's schema version is per file, and a busy sampler must
    // not hold runtime.sqlite's write lock.
    m_sampler = new MetricSampler(
        m_config,
        [this] {
            QList<ClusterController *> list;
            for (const QString &id : std::as_const(m_order))
                list.append(m_clusters.value(id));
            return list;
        },
        this);
    if (!m_sampler->start(error))
        return false;
    // Detectors run on every cluster, fed by the sampler's points as they are stored.
    m_incidents = new IncidentMonitor(
        m_config, m_store,
        [this] {
            QList<ClusterController *> list;
            for (const QString &id : std::as_const(m_order))
                list.append(m_clusters.value(id));
            return list;
        },
        this);
    connect(m_sampler, &MetricSampler::sampled, m_incidents, &IncidentMonitor::onSampled);
    m_incidents->start();
    // SLOs over every cluster's jobs; their slo_burn incidents go through the incident monitor.
    m_slos = new SloMonitor(
        m_store, *m_incidents,
        [this] {
            QList<ClusterController *> list;
            for (const QString &id : std::as_const(m_order))
                list.append(m_clusters.value(id));
            return list;
        },
        m_config.triageIntervalMs, this);
    m_slos->start();
    spdlog::info("runtime: {} cluster(s) on record in {}", m_order.size(), m_config.dataDir.toStdString());
    return true;
}

void Supervisor::shutdown()
{
    for (ClusterController *c : std::as_const(m_clusters))
        c->shutdown();
}

ClusterController *Supervisor::addController(StoredCluster record)
{
    const QString id = record.info.id;
    const InstanceType type = m_catalog.find(record.info.spec.instanceType).value_or(InstanceType{});
    auto *controller = new ClusterController(std::move(record), type, m_config, m_store, m_network, m_host, this);
    connect(controller, &ClusterController::changed, this, [this, id] { Q_EMIT clusterChanged(id); });
    m_clusters.insert(id, controller);
    m_order.append(id);
    return controller;
}

ClusterList Supervisor::clusters() const
{
    ClusterList result;
    for (const QString &id : m_order)
        result.append(m_clusters.value(id)->info());
    return result;
}

ClusterController *Supervisor::cluster(const QString &id) const
{
    return m_clusters.value(id, nullptr);
}

QString Supervisor::newClusterId() const
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789"; // no look-alikes (l/1, o/0)
    for (;;) {
        QString id = u"c-"_s;
        for (int n = 0; n < 10; ++n)
            id.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]));
        if (!m_clusters.contains(id))
            return id;
    }
}

// The samples in one folder: each script's name, engine, path and the first paragraph of its docstring.
static void appendSamples(const QString &folder, const QString &engine, QJsonArray *result)
{
    for (const QFileInfo &fi : QDir(folder).entryInfoList({u"*.py"_s}, QDir::Files, QDir::Name)) {
        QFile f(fi.filePath());
        QString description;
        if (f.open(QIODevice::ReadOnly)) {
            // The module docstring's first paragraph describes the sample.
            const QString text = QString::fromUtf8(f.read(8192));
            const qsizetype start = text.indexOf(u"\"\"\""_s);
            if (start >= 0) {
                const qsizetype close = text.indexOf(u"\"\"\""_s, start + 3);
                qsizetype end = text.indexOf(u"\n\n"_s, start + 3);
                if (end < 0 || (close >= 0 && close < end))
                    end = close;
                if (end > start)
                    description = text.mid(start + 3, end - start - 3).simplified();
            }
        }
        result->append(QJsonObject{{u"name"_s, fi.completeBaseName()},
                                   {u"engine"_s, engine},
                                   {u"path"_s, fi.absoluteFilePath()},
                                   {u"description"_s, description}});
    }
}

QJsonArray Supervisor::samples() const
{
    // Each engine's samples, with the same names and stories: Dask's in jobs/, PySpark's in jobs/spark/.
    QJsonArray result;
    appendSamples(m_config.resourcesDir + u"/jobs"_s, u"dask"_s, &result);
    appendSamples(m_config.resourcesDir + u"/jobs/spark"_s, u"spark"_s, &result);
    return result;
}

QJsonArray Supervisor::engines() const
{
    // Asked afresh each time (a few file checks): installing Spark while the runtime runs is seen at once.
    QJsonArray result;
    for (const EngineKind kind : {EngineKind::Dask, EngineKind::Spark}) {
        const QString missing = engine::missingForEngine(kind, m_config);
        const QString isolationOff = m_host.isolationOff();
        result.append(QJsonObject{
            {u"engine"_s, toString(kind)},
            {u"available"_s, missing.isEmpty()},
            {u"reason"_s, missing},
            {u"isolated"_s, isolationOff.isEmpty()},
            {u"isolation"_s,
             isolationOff.isEmpty()
                 ? u"each cluster runs as a user of its own (cdk<uid>, uids %1-%2)"_s.arg(m_config.engineUidFirst)
                       .arg(m_config.engineUidLast)
                 : u"off: "_s + isolationOff}});
    }
    return result;
}

// A 400 naming the field that is wrong, as every request body the supervisor checks answers it.
static Outcome badField(const QString &title, const QString &field, const QString &message)
{
    Outcome o = Outcome::fail(Outcome::BadRequest, title, field + u": "_s + message);
    o.fields.insert(field, message);
    return o;
}

static Outcome notFound(const QString &id)
{
    return Outcome::fail(Outcome::NotFound, u"cluster not found"_s, u"no cluster with id %1"_s.arg(id));
}

Outcome Supervisor::launch(const QJsonObject &body, ClusterInfo *created)
{
    QList<FieldError> errors;
    ClusterSpec spec = ClusterSpec::fromJson(body, &errors);
    if (spec.instanceType.isEmpty())
        spec.instanceType = m_catalog.defaultType();
    if (errors.isEmpty())
        errors = spec.validate(m_catalog);
    if (!errors.isEmpty()) {
        Outcome o = Outcome::fail(Outcome::BadRequest, u"invalid cluster spec"_s, describe(errors));
        for (const FieldError &e : errors)
            o.fields.insert(e.field, e.message);
        return o;
    }
    if (const QString missing = engine::missingForEngine(spec.engine, m_config); !missing.isEmpty()) {
        Outcome o = Outcome::fail(Outcome::BadRequest, u"engine not available"_s, missing);
        o.fields.insert(u"engine"_s, missing);
        return o;
    }
    StoredCluster record;
    record.info.id = newClusterId();
    record.info.spec = spec;
    record.info.createdAt = QDateTime::currentDateTimeUtc();
    ClusterController *controller = addController(std::move(record));
    controller->launch();
    *created = controller->info();
    return Outcome::ok(Outcome::Created);
}

Outcome Supervisor::scale(const QString &id, const QJsonObject &body, ClusterInfo *result)
{
    ClusterController *c = cluster(id);
    if (!c)
        return notFound(id);
    const QJsonValue workers = body.value(u"workers"_s);
    const int maxWorkers = m_catalog.find(c->info().spec.instanceType).value_or(InstanceType{}).maxWorkers;
    if (!workers.isDouble() || workers.toDouble() != double(workers.toInt()) || workers.toInt() < 1
        || workers.toInt() > maxWorkers) {
        Outcome o = Outcome::fail(Outcome::BadRequest, u"invalid scale request"_s,
                                  u"workers: must be an integer between 1 and %1"_s.arg(maxWorkers));
        o.fields.insert(u"workers"_s, o.detail);
        return o;
    }
    const QString refused = c->scale(workers.toInt());
    if (!refused.isEmpty())
        return Outcome::fail(Outcome::Conflict, u"cannot scale"_s, refused);
    *result = c->info();
    return Outcome::ok(Outcome::Accepted);
}

Outcome Supervisor::setProtection(const QString &id, const QJsonObject &body, ClusterInfo *result)
{
    ClusterController *c = cluster(id);
    if (!c)
        return notFound(id);
    if (!body.value(u"enabled"_s).isBool())
        return Outcome::fail(Outcome::BadRequest, u"invalid protection request"_s, u"enabled: expected true or false"_s);
    if (isTerminal(c->info().state))
        return Outcome::fail(Outcome::Conflict, u"cluster terminated"_s,
                             u"cluster %1 is %2"_s.arg(id, toString(c->info().state)));
    c->setTerminationProtection(body.value(u"enabled"_s).toBool());
    *result = c->info();
    return Outcome::ok();
}

Outcome Supervisor::setScalingPolicy(const QString &id, const QJsonObject &body, ClusterInfo *result)
{
    ClusterController *c = cluster(id);
    if (!c)
        return notFound(id);
    QList<FieldError> errors;
    const ScalingPolicy policy = ScalingPolicy::fromJson(body, &errors);
    const int maxWorkers = m_catalog.find(c->info().spec.instanceType).value_or(InstanceType{}).maxWorkers;
    if (errors.isEmpty())
        errors = policy.validate(maxWorkers);
    if (!errors.isEmpty()) {
        Outcome o = Outcome::fail(Outcome::BadRequest, u"invalid scaling policy"_s, describe(errors));
        for (const FieldError &e : errors)
            o.fields.insert(e.field, e.message);
        return o;
    }
    const QString refused = c->setScalingPolicy(policy);
    if (!refused.isEmpty())
        return Outcome::fail(Outcome::Conflict, u"cannot change the policy"_s, refused);
    *result = c->info();
    return Outcome::ok();
}

Outcome Supervisor::terminate(const QString &id, ClusterInfo *result)
{
    ClusterController *c = cluster(id);
    if (!c)
        return notFound(id);
    const QString refused = c->terminate(u"Terminated by user request"_s);
    *result = c->info();
    if (!refused.isEmpty())
        return Outcome::fail(Outcome::Conflict,
                             c->info().spec.terminationProtection ? u"termination protection"_s : u"cluster terminated"_s,
                             refused);
    return Outcome::ok(Outcome::Accepted);
}

Outcome Supervisor::submitJob(const QString &id, const QJsonObject &body, Job *job)
{
    ClusterController *c = cluster(id);
    if (!c)
        return notFound(id);
    QString error;
    const JobRequest request = JobRequest::fromJson(body, &error);
    if (!error.isEmpty())
        return Outcome::fail(Outcome::BadRequest, u"invalid job"_s, error);
    QString script;
    if (!request.sample.isEmpty()) {
        static const QRegularExpression stem(u"^[A-Za-z0-9_]+$"_s); // no path tricks through a sample name
        // The cluster's engine's sample: PySpark's live in jobs/spark/ under the same names as Dask's.
        const QString folder = c->info().spec.engine == EngineKind::Spark ? u"/jobs/spark/"_s : u"/jobs/"_s;
        script = m_config.resourcesDir + folder + request.sample + u".py"_s;
        if (!stem.match(request.sample).hasMatch() || !QFileInfo(script).isFile())
            return Outcome::fail(Outcome::BadRequest, u"invalid job"_s,
                                 u"sample: no sample named '%1' (GET /api/v1/samples lists them)"_s.arg(request.sample));
    } else {
        const QFileInfo fi(request.script);
        if (!fi.isAbsolute() || !fi.isFile() || !fi.isReadable())
            return Outcome::fail(Outcome::BadRequest, u"invalid job"_s,
                                 u"script: '%1' is not a readable file (give an absolute path on the runtime's host)"_s
                                     .arg(request.script));
        script = fi.absoluteFilePath();
    }
    const QString refused = c->submitJob(request, script, job);
    if (!refused.isEmpty())
        return Outcome::fail(Outcome::Conflict, u"cannot run a job"_s, refused);
    return Outcome::ok(Outcome::Created);
}

Outcome Supervisor::cancelJob(const QString &id, const QString &jobId, Job *job)
{
    ClusterController *c = cluster(id);
    if (!c)
        return notFound(id);
    if (!c->job(jobId))
        return Outcome::fail(Outcome::NotFound, u"job not found"_s, u"no job %1 on cluster %2"_s.arg(jobId, id));
    const QString refused = c->cancelJob(jobId, job);
    if (!refused.isEmpty())
        return Outcome::fail(Outcome::Conflict, u"cannot cancel"_s, refused);
    return Outcome::ok(Outcome::Accepted);
}

Outcome Supervisor::chaos(const QString &id, const QJsonObject &body, QJsonObject *result)
{
    ClusterController *c = cluster(id);
    if (!c)
        return notFound(id);
    auto bad = [](const QString &field, const QString &message) { return badField(u"invalid fault"_s, field, message); };
    static const QSet<QString> known{u"action"_s, u"executor"_s, u"seconds"_s};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!known.contains(it.key()))
            return bad(it.key(), u"unknown field (known: action, executor, seconds)"_s);
    const QString action = body.value(u"action"_s).toString();
    if (action != "kill-worker"_L1 && action != "stall-worker"_L1 && action != "spot-interruption"_L1)
        return bad(u"action"_s, u"expected \"kill-worker\", \"stall-worker\" or \"spot-interruption\""_s);
    const QJsonValue executor = body.value(u"executor"_s);
    if (!executor.isUndefined() && !executor.isNull() && !executor.isString())
        return bad(u"executor"_s, u"expected an executor id such as \"w1\""_s);
    QString executorId = executor.toString();
    int seconds = 10;
    if (body.contains(u"seconds"_s)) {
        const QJsonValue v = body.value(u"seconds"_s);
        if (action != "stall-worker"_L1)
            return bad(u"seconds"_s, u"only stall-worker takes a duration"_s);
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 1
            || v.toInt() > ClusterController::kMaxStallSeconds)
            return bad(u"seconds"_s, u"must be an integer between 1 and %1"_s.arg(ClusterController::kMaxStallSeconds));
        seconds = v.toInt();
    }
    bool missing = false;
    // A spot interruption is the kill-worker path plus what a spot reclaim brings: an event, a replacement,
    // and the fallback to on-demand past the cluster's threshold.
    const QString refused = action == "kill-worker"_L1
        ? c->killWorker(&executorId, u"Killed by fault injection (kill-worker): SIGKILL to its process group"_s, &missing)
        : action == "spot-interruption"_L1 ? c->interruptSpot(&executorId, u"fault injection"_s, &missing)
                                           : c->stallWorker(&executorId, seconds, &missing);
    if (!refused.isEmpty())
        return Outcome::fail(missing ? Outcome::NotFound : Outcome::Conflict,
                             missing ? u"executor not found"_s : u"cannot inject the fault"_s, refused);
    qint64 pid = 0;
    for (const Executor &e : c->executors())
        if (e.id == executorId)
            pid = e.pid;
    *result = QJsonObject{{u"clusterId"_s, id},
                          {u"action"_s, action},
                          {u"executor"_s, executorId},
                          {u"processGroup"_s, double(pid)},
                          {u"at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    if (action == "stall-worker"_L1)
        result->insert(u"seconds"_s, seconds);
    return Outcome::ok(Outcome::Accepted);
}

std::optional<QJsonObject> Supervisor::runbook(const QString &id) const
{
    static const QRegularExpression stem(u"^[a-z0-9_]+$"_s); // no path tricks through an id
    if (!stem.match(id).hasMatch())
        return std::nullopt;
    QFile f(m_config.resourcesDir + u"/runbooks/"_s + id + u".md"_s);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QString markdown = QString::fromUtf8(f.read(256 * 1024));
    QString title = id;
    for (const QString &line : markdown.split(u'\n'))
        if (line.startsWith(u"# "_s)) {
            title = line.mid(2).trimmed();
            break;
        }
    return QJsonObject{{u"id"_s, id}, {u"title"_s, title}, {u"markdown"_s, markdown}};
}

QJsonArray Supervisor::runbooks() const
{
    QJsonArray list;
    const QDir dir(m_config.resourcesDir + u"/runbooks"_s);
    for (const QFileInfo &fi : dir.entryInfoList({u"*.md"_s}, QDir::Files, QDir::Name))
        if (const auto r = runbook(fi.completeBaseName()))
            list.append(QJsonObject{{u"id"_s, r->value(u"id"_s)}, {u"title"_s, r->value(u"title"_s)}});
    return list;
}

namespace {

QJsonObject auditJson(const AuditEntry &e)
{
    return QJsonObject{{u"seq"_s, double(e.seq)},
                       {u"at"_s, e.at.toUTC().toString(Qt::ISODateWithMs)},
                       {u"actor"_s, e.actor},
                       {u"action"_s, e.action},
                       {u"clusterId"_s, e.clusterId},
                       {u"target"_s, e.target},
                       {u"incidentId"_s, e.incidentId},
                       {u"before"_s, e.before},
                       {u"after"_s, e.after},
                       {u"outcome"_s, e.outcome}};
}

QString workersText(const ClusterInfo &c)
{
    return u"%1 (%2 of %3 workers running)"_s.arg(toString(c.state)).arg(c.runningWorkers).arg(c.spec.workers);
}

} // namespace

Outcome Supervisor::guardedAction(const QString &id, const QJsonObject &body, const QString &actor, QJsonObject *result)
{
    ClusterController *c = cluster(id);
    if (!c)
        return notFound(id);
    auto bad = [](const QString &field, const QString &message) { return badField(u"invalid action"_s, field, message); };
    const QString action = body.value(u"action"_s).toString();
    if (action != "scale"_L1 && action != "cancel-job"_L1 && action != "terminate"_L1 && action != "resubmit-larger"_L1)
        return bad(u"action"_s, u"expected \"scale\", \"cancel-job\", \"terminate\" or \"resubmit-larger\""_s);
    if (body.value(u"dryRun"_s).toBool()) {
        // Only the resubmission has a plan the console cannot work out itself (the catalog's next type, prices).
        if (action != "resubmit-larger"_L1)
            return bad(u"dryRun"_s, u"only resubmit-larger has a plan to show"_s);
        if (body.value(u"jobId"_s).toString().isEmpty())
            return bad(u"jobId"_s, u"the job to run again on a larger instance type"_s);
        QJsonObject plan;
        QJsonObject launchBody;
        JobRequest request;
        const Outcome o = planResubmitLarger(id, body.value(u"jobId"_s).toString(), &plan, &launchBody, &request);
        if (o.succeeded())
            result->insert(u"plan"_s, plan);
        return o;
    }
    // Who asked is what the API authenticated (the user the token belongs to), never a name the request
    // supplies (a client could write anyone's): a request's "actor" is ignored.
    AuditEntry entry;
    entry.at = QDateTime::currentDateTimeUtc();
    entry.actor = actor;
    entry.action = action;
    entry.clusterId = id;
    entry.incidentId = body.value(u"incidentId"_s).toString();
    Outcome outcome;
    if (action == "scale"_L1) {
        entry.before = workersText(c->info());
        ClusterInfo after;
        outcome = scale(id, body, &after);
        entry.after = outcome.succeeded() ? u"%1 workers requested"_s.arg(after.spec.workers) : entry.before;
        if (outcome.succeeded())
            result->insert(u"cluster"_s, after.toJson());
    } else if (action == "cancel-job"_L1) {
        entry.target = body.value(u"jobId"_s).toString();
        if (entry.target.isEmpty())
            return bad(u"jobId"_s, u"the job to cancel"_s);
        const auto job = c->job(entry.target);
        entry.before = job ? toString(job->state) : u"no such job"_s;
        Job after;
        outcome = cancelJob(id, entry.target, &after);
        entry.after = outcome.succeeded() ? toString(after.state) : entry.before;
        if (outcome.succeeded())
            result->insert(u"job"_s, after.toJson());
    } else if (action == "resubmit-larger"_L1) {
        entry.target = body.value(u"jobId"_s).toString();
        if (entry.target.isEmpty())
            return bad(u"jobId"_s, u"the job to run again on a larger instance type"_s);
        QJsonObject plan;
        QJsonObject launchBody;
        JobRequest request;
        outcome = planResubmitLarger(id, entry.target, &plan, &launchBody, &request);
        entry.before = outcome.succeeded()
            ? u"job %1 on %2: %3"_s.arg(entry.target, id, plan.value(u"from"_s).toObject().value(u"instanceType"_s).toString())
            : u"job %1 on %2"_s.arg(entry.target, id);
        if (outcome.succeeded()) {
            ClusterInfo created;
            outcome = launch(launchBody, &created);
            if (outcome.succeeded()) {
                m_resubmissions.insert(created.id, Resubmission{id, entry.target, request, actor, entry.incidentId});
                result->insert(u"cluster"_s, created.toJson());
                entry.after = u"cluster %1 (%2) launching; the job is resubmitted there once it is WAITING. %3"_s.arg(
                    created.id, created.spec.instanceType, plan.value(u"summary"_s).toString());
                plan.insert(u"clusterId"_s, created.id);
            }
            result->insert(u"plan"_s, plan);
        }
        if (!outcome.succeeded())
            entry.after = entry.before;
    } else {
        entry.before = workersText(c->info());
        ClusterInfo after;
        outcome = terminate(id, &after);
        entry.after = outcome.succeeded() ? toString(after.state) : entry.before;
        if (outcome.succeeded())
            result->insert(u"cluster"_s, after.toJson());
    }
    entry.outcome = outcome.succeeded() ? u"accepted"_s : outcome.error + u": "_s + outcome.detail;
    if (!m_store.appendAudit(entry) && outcome.succeeded())
        spdlog::error("runtime: the audit entry of {} on {} by {} was not stored", action.toStdString(),
                      id.toStdString(), actor.toStdString());
    const QList<AuditEntry> stored = m_store.loadAudit(id);
    result->insert(u"audit"_s, auditJson(stored.isEmpty() ? entry : stored.last()));
    spdlog::info("runtime: {} on {} by {} ({}): {} -> {}", action.toStdString(), id.toStdString(),
                 actor.toStdString(), entry.outcome.toStdString(), entry.before.toStdString(), entry.after.toStdString());
    return outcome;
}

QJsonArray Supervisor::auditLog(const QString &id) const
{
    QJsonArray list;
    for (const AuditEntry &e : m_store.loadAudit(id))
        list.append(auditJson(e));
    return list;
}

Outcome Supervisor::timeline(const QString &id, const std::optional<QDateTime> &from,
                             const std::optional<QDateTime> &to, triage::Timeline *result) const
{
    const ClusterController *c = cluster(id);
    if (!c)
        return notFound(id);
    triage::TimelineSources sources;
    sources.clusterId = id;
    sources.events = c->events();
    sources.executors = c->executors();
    sources.jobs = c->jobs();
    for (const Job &job : std::as_const(sources.jobs)) {
        // The DAG as last stored (on each read while the job ran, and once more when it ended).
        const QByteArray stored = m_store.loadJobDag(job.id);
        if (stored.isEmpty())
            continue;
        QString error;
        const auto dag = dag::Dag::fromJson(stored, &error);
        if (!dag) {
            spdlog::warn("runtime: the stored DAG of {} is unreadable ({}): its stages are left off the timeline",
                         job.id.toStdString(), error.toStdString());
            continue;
        }
        QList<triage::StageSpan> &spans = sources.stages[job.id];
        for (const dag::DagNode &n : dag->nodes())
            spans.append({n.id, n.name, dag::toString(n.state), n.start, n.stop, n.taskCount()});
    }
    if (m_incidents)
        sources.incidents = m_incidents->incidents(id);
    for (const AuditEntry &a : m_store.loadAudit(id))
        sources.actions.append({a.seq, a.at, a.actor, a.action, a.target, a.incidentId, a.before, a.after, a.outcome});
    *result = triage::buildTimeline(sources, from, to);
    return Outcome::ok();
}

namespace {

// What a cluster of this spec costs per hour: its workers at the spec's market, the master on-demand
// (as CostBook bills it). nullopt when the catalog does not price the type.
std::optional<double> clusterRatePerHour(const CostBook &book, const InstanceCatalog &profiles, const ClusterSpec &spec, int workers)
{
    const auto price = book.catalog().find(cost::PriceCatalog::referenceTypeFor(profiles, spec.instanceType));
    if (!price)
        return std::nullopt;
    return workers * price->ratePerHour(spec.market) + price->ratePerHour(Market::OnDemand);
}

QString rateText(const std::optional<double> &rate, const QString &currency)
{
    if (!rate)
        return u"unpriced"_s;
    // "$0.240/h", as the console writes rates everywhere; other currencies after the amount.
    return currency == "USD"_L1 ? u"$%1/h"_s.arg(*rate, 0, 'f', 3) : u"%1 %2/h"_s.arg(*rate, 0, 'f', 3).arg(currency);
}

} // namespace

Outcome Supervisor::planResubmitLarger(const QString &id, const QString &jobId, QJsonObject *plan, QJsonObject *launchBody,
                                       JobRequest *request) const
{
    const ClusterController *c = cluster(id);
    if (!c)
        return notFound(id);
    const auto job = c->job(jobId);
    if (!job)
        return Outcome::fail(Outcome::NotFound, u"job not found"_s, u"no job %1 on cluster %2"_s.arg(jobId, id));
    const ClusterInfo info = c->info();
    const QString fromType = info.spec.instanceType.isEmpty() ? m_catalog.defaultType() : info.spec.instanceType;
    const auto larger = m_catalog.nextLarger(fromType);
    if (!larger)
        return Outcome::fail(Outcome::Conflict, u"no larger instance type"_s,
                             u"%1 has the most memory in the catalog: a larger type cannot help"_s.arg(fromType));
    ClusterSpec spec = info.spec;
    spec.instanceType = larger->name;
    const QString suffix = u"-"_s + larger->name.section(u'.', -1);
    spec.name = info.spec.name.left(ClusterSpec::kMaxNameLength - suffix.size()) + suffix;
    const int workers = std::max(1, info.spec.workers);
    const QString currency = m_costBook->catalog().currency();
    const auto before = clusterRatePerHour(*m_costBook, m_catalog, info.spec, workers);
    const auto after = clusterRatePerHour(*m_costBook, m_catalog, spec, workers);
    request->sample = job->sample;
    request->script = job->sample.isEmpty() ? job->script : QString();
    request->args = job->args;
    request->name = job->name;
    *launchBody = spec.toJson();
    const auto rate = [](const std::optional<double> &r) { return r ? QJsonValue(*r) : QJsonValue(QJsonValue::Null); };
    *plan = QJsonObject{
        {u"action"_s, u"resubmit-larger"_s},
        {u"job"_s, QJsonObject{{u"id"_s, job->id}, {u"name"_s, job->name}, {u"sample"_s, job->sample},
                               {u"script"_s, request->script}, {u"args"_s, QJsonArray::fromStringList(job->args)},
                               {u"state"_s, toString(job->state)}}},
        {u"from"_s, QJsonObject{{u"clusterId"_s, id}, {u"instanceType"_s, fromType},
                                {u"memoryLimitBytes"_s, double(m_catalog.find(fromType).value_or(InstanceType{}).memoryLimitBytes)},
                                {u"workers"_s, workers}, {u"ratePerHour"_s, rate(before)}}},
        {u"to"_s, QJsonObject{{u"name"_s, spec.name}, {u"instanceType"_s, larger->name},
                              {u"memoryLimitBytes"_s, double(larger->memoryLimitBytes)}, {u"threads"_s, larger->threads},
                              {u"workers"_s, workers}, {u"ratePerHour"_s, rate(after)}}},
        {u"currency"_s, currency},
        {u"summary"_s, u"Job %1 (%2) again on a new cluster %3: %4 x %5 (%6) -> %4 x %7 (%8)"_s
                          .arg(job->name, job->id, spec.name)
                          .arg(workers)
                          .arg(fromType, rateText(before, currency), larger->name, rateText(after, currency))}};
    return Outcome::ok();
}

void Supervisor::followResubmission(const QString &clusterId)
{
    const auto it = m_resubmissions.constFind(clusterId);
    if (it == m_resubmissions.cend())
        return;
    const ClusterController *c = cluster(clusterId);
    if (!c)
        return;
    const ClusterInfo info = c->info();
    const bool ready = isActive(info.state);
    const bool gone = info.state == ClusterState::Terminating || isTerminal(info.state);
    if (!ready && !gone)
        return; // still starting
    const Resubmission r = *it;
    m_resubmissions.erase(it); // before submitting: the submission changes the cluster again
    AuditEntry entry;
    entry.at = QDateTime::currentDateTimeUtc();
    entry.actor = r.actor;
    entry.action = u"resubmit-larger"_s;
    entry.clusterId = r.sourceClusterId;
    entry.incidentId = r.incidentId;
    entry.before = u"cluster %1 %2 (%3)"_s.arg(clusterId, toString(info.state), info.spec.instanceType);
    if (ready) {
        Job job;
        const Outcome o = submitJob(clusterId, r.request.toJson(), &job);
        entry.target = o.succeeded() ? job.id : r.sourceJobId;
        entry.after = o.succeeded() ? u"job %1 (%2) submitted on %3, resubmitting %4"_s.arg(job.id, job.name, clusterId, r.sourceJobId)
                                    : entry.before;
        entry.outcome = o.succeeded() ? u"accepted"_s : o.error + u": "_s + o.detail;
    } else {
        entry.target = r.sourceJobId;
        entry.after = entry.before;
        entry.outcome = u"the new cluster ended before the job could run: %1"_s.arg(info.stateReason);
    }
    if (!m_store.appendAudit(entry))
        spdlog::error("runtime: the audit entry of resubmitting {} on {} was not stored", r.sourceJobId.toStdString(),
                      clusterId.toStdString());
    spdlog::info("runtime: resubmit-larger of {} on {}: {}", r.sourceJobId.toStdString(), clusterId.toStdString(),
                 entry.outcome.toStdString());
}

} // namespace cdeck
