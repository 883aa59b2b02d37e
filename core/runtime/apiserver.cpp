// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserver.h"

#include "core/runtime/apiserverlistener.h"
#include "core/runtime/clustercontroller.h"
#include "core/runtime/incidentmonitor.h"
#include "core/runtime/slomonitor.h"
#include "core/runtime/costbook.h"
#include "core/runtime/metricsampler.h"
#include "core/runtime/supervisor.h"
#include "core/store/securitystore.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>
#include <array>

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

using Status = QHttpServerResponder::StatusCode;
using Method = QHttpServerRequest::Method;

void sendJson(QHttpServerResponder &responder, const QJsonDocument &doc, Status status)
{
    responder.write(doc.toJson(QJsonDocument::Compact), "application/json", status);
}

void sendError(QHttpServerResponder &responder, Status status, const QString &error, const QString &detail,
               const QJsonObject &fields = {})
{
    QJsonObject o{{u"error"_s, error}, {u"detail"_s, detail}};
    if (!fields.isEmpty())
        o.insert(u"fields"_s, fields);
    sendJson(responder, QJsonDocument(o), status);
}

Status statusOf(Outcome::Kind kind)
{
    switch (kind) {
    case Outcome::Ok:
        return Status::Ok;
    case Outcome::Accepted:
        return Status::Accepted;
    case Outcome::Created:
        return Status::Created;
    case Outcome::BadRequest:
        return Status::BadRequest;
    case Outcome::NotFound:
        return Status::NotFound;
    case Outcome::Conflict:
        return Status::Conflict;
    case Outcome::Internal:
        break;
    }
    return Status::InternalServerError;
}

QString methodName(Method m)
{
    switch (m) {
    case Method::Get:
        return u"GET"_s;
    case Method::Post:
        return u"POST"_s;
    case Method::Put:
        return u"PUT"_s;
    case Method::Delete:
        return u"DELETE"_s;
    default:
        return u"OTHER"_s;
    }
}

// A non-negative integer query parameter (milliseconds); nullopt when absent, *bad set when malformed.
std::optional<qint64> msParameter(const QUrlQuery &query, const QString &name, QString *bad)
{
    if (!query.hasQueryItem(name))
        return std::nullopt;
    bool ok = false;
    const qint64 v = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || v < 0) {
        *bad = u"%1: expected milliseconds since the epoch (a non-negative integer), got '%2'"_s.arg(
            name, query.queryItemValue(name));
        return std::nullopt;
    }
    return v;
}

QStringList listParameter(const QUrlQuery &query, const QString &name)
{
    QStringList result;
    for (const QString &v : query.allQueryItemValues(name, QUrl::FullyDecoded))
        for (const QString &part : v.split(u',', Qt::SkipEmptyParts))
            result.append(part.trimmed());
    return result;
}

QJsonValue executorJson(const QString &executorId)
{
    return executorId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(executorId);
}

// The answers a handler gives, recorded on the call for its audit entry.
void sendJson(ApiCall &call, const QJsonDocument &doc, Status status)
{
    call.status = int(status);
    sendJson(call.responder, doc, status);
}

void fail(ApiCall &call, Status status, const QString &error, const QString &detail, const QJsonObject &fields = {})
{
    call.status = int(status);
    call.error = detail.isEmpty() ? error : QString(error + u": "_s + detail);
    sendError(call.responder, status, error, detail, fields);
}

void ok(ApiCall &call, const QJsonValue &value, Status status = Status::Ok)
{
    sendJson(call, value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()), status);
}

void answer(ApiCall &call, const Outcome &o, const QJsonValue &value)
{
    if (o.succeeded())
        ok(call, value, statusOf(o.kind));
    else
        fail(call, statusOf(o.kind), o.error, o.detail, o.fields);
}

} // namespace

using api::RouteId;

// Every route's handler, in api::RouteId order: the one place a route meets its code.
struct ApiServerHandlers
{
    static constexpr std::array<std::pair<api::RouteId, ApiServer::Handler>, std::size_t(api::RouteId::UserQuota) + 1>
        table{{
            {RouteId::Health, &ApiServer::health},
            {RouteId::Whoami, &ApiServer::whoami},
            {RouteId::InstanceTypes, &ApiServer::instanceTypes},
            {RouteId::Samples, &ApiServer::samples},
            {RouteId::Engines, &ApiServer::engines},
            {RouteId::Clusters, &ApiServer::clusters},
            {RouteId::ClusterLaunch, &ApiServer::launch},
            {RouteId::Cluster, &ApiServer::cluster},
            {RouteId::ClusterTerminate, &ApiServer::terminate},
            {RouteId::ClusterScale, &ApiServer::scale},
            {RouteId::ClusterProtection, &ApiServer::protection},
            {RouteId::ClusterPolicy, &ApiServer::policy},
            {RouteId::ClusterPolicySet, &ApiServer::setPolicy},
            {RouteId::ClusterEvents, &ApiServer::events},
            {RouteId::ClusterExecutors, &ApiServer::executors},
            {RouteId::ClusterIncidents, &ApiServer::incidents},
            {RouteId::ClusterIncident, &ApiServer::incident},
            {RouteId::ClusterActions, &ApiServer::guardedAction},
            {RouteId::ClusterAudit, &ApiServer::clusterAudit},
            {RouteId::ClusterTimeline, &ApiServer::timeline},
            {RouteId::ClusterChaos, &ApiServer::chaos},
            {RouteId::Jobs, &ApiServer::jobs},
            {RouteId::JobSubmit, &ApiServer::submitJob},
            {RouteId::Job, &ApiServer::job},
            {RouteId::JobCancel, &ApiServer::cancelJob},
            {RouteId::JobDag, &ApiServer::jobDag},
            {RouteId::ClusterLogs, &ApiServer::logs},
            {RouteId::ClusterLog, &ApiServer::log},
            {RouteId::ClusterMetrics, &ApiServer::metrics},
            {RouteId::ClusterMetricsStream, &ApiServer::metricsStream},
            {RouteId::ClusterCost, &ApiServer::clusterCost},
            {RouteId::Runbooks, &ApiServer::runbooks},
            {RouteId::Runbook, &ApiServer::runbook},
            {RouteId::Cost, &ApiServer::cost},
            {RouteId::CostMeters, &ApiServer::costMeters},
            {RouteId::CostSummary, &ApiServer::costSummary},
            {RouteId::CostForecast, &ApiServer::costForecast},
            {RouteId::Budgets, &ApiServer::budgets},
            {RouteId::BudgetPut, &ApiServer::putBudget},
            {RouteId::BudgetRemove, &ApiServer::removeBudget},
            {RouteId::Pricing, &ApiServer::pricing},
            {RouteId::Slos, &ApiServer::slos},
            {RouteId::SloAdd, &ApiServer::addSlo},
            {RouteId::Slo, &ApiServer::slo},
            {RouteId::SloRemove, &ApiServer::removeSlo},
            {RouteId::Audit, &ApiServer::auditLog},
            {RouteId::Users, &ApiServer::users},
            {RouteId::UserAdd, &ApiServer::addUser},
            {RouteId::UserRemove, &ApiServer::removeUser},
            {RouteId::UserRotate, &ApiServer::rotateUser},
            {RouteId::Prometheus, &ApiServer::prometheus},
            {RouteId::UserQuota, &ApiServer::setUserQuota},
        }};
};

// Each entry names its handler as &ApiServer::name, which cannot be null, so the order is what is left to check.
// (Comparing a member function pointer with nullptr here is not a constant expression under -fsanitize=undefined.)
constexpr bool everyRouteHandledInOrder()
{
    for (std::size_t i = 0; i < ApiServerHandlers::table.size(); ++i)
        if (std::size_t(ApiServerHandlers::table[i].first) != i)
            return false;
    return true;
}
static_assert(everyRouteHandledInOrder(), "ApiServerHandlers::table binds every api::RouteId once, in order");

ApiServer::ApiServer(Supervisor &supervisor, UserDirectory &users, SecurityStore &security, QObject *parent)
    : QObject(parent)
    , m_supervisor(supervisor)
    , m_users(users)
    , m_security(security)
    , m_scriptFolders(ScriptFolders::forRuntime(supervisor.config().resourcesDir, supervisor.config().dataDir))
{
    Q_ASSERT(api::routes().size() == ApiServerHandlers::table.size());
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });
    if (MetricSampler *sampler = m_supervisor.sampler())
        connect(sampler, &MetricSampler::sampled, this, &ApiServer::onSampled);
    connect(&m_supervisor, &Supervisor::clusterChanged, this, [this](const QString &id) {
        sendClusterEvents(id); // before any end: a waiting client reads the final state from it
        const ClusterController *c = m_supervisor.cluster(id);
        if (c && isTerminal(c->info().state))
            endStreams(id, toString(c->info().state));
    });
}

quint16 ApiServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    // Our own listening socket: it checks each request's head before QHttpServer buffers anything.
    auto *listener = new GuardedTcpServer(RequestLimits::fromEnvironment(), &m_server);
    if (!listener->listen(address, port)) {
        *error = u"cannot listen on %1:%2: %3 (is another runtime running?)"_s.arg(address.toString())
                     .arg(port)
                     .arg(listener->errorString());
        delete listener;
        return 0;
    }
    m_server.bind(listener);
    return listener->serverPort();
}

std::optional<Caller> ApiServer::authenticate(const QHttpServerRequest &request) const
{
    const QByteArray auth = request.value("Authorization");
    if (!auth.startsWith("Bearer "))
        return std::nullopt;
    return m_users.authenticate(auth.mid(7).trimmed());
}

bool ApiServer::audit(const ApiCall &call, const QString &outcome, const QString &detail, qint64 requestSeq,
                      qint64 *seq)
{
    AuditRecord e;
    e.at = QDateTime::currentDateTimeUtc();
    e.user = call.caller.user;
    e.role = api::toString(call.caller.role);
    e.action = QString::fromLatin1(call.route.method) + u' ' + QString::fromLatin1(call.route.pattern);
    e.target = call.createdTarget.isEmpty() ? call.parameters.join(u'/') : call.createdTarget;
    e.request
        = call.body.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(call.body).toJson(QJsonDocument::Compact));
    e.outcome = outcome;
    e.detail = detail;
    e.requestSeq = requestSeq;
    const std::optional<AuditRecord> stored = m_security.appendAudit(e);
    if (!stored) {
        spdlog::error("api: the audit entry ({}) of {} by {} could not be written", outcome.toStdString(),
                      e.action.toStdString(), e.user.toStdString());
        return false;
    }
    if (seq)
        *seq = stored->seq;
    return true;
}

void ApiServer::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QString path = request.url().path(QUrl::FullyEncoded);
    const Method method = request.method();
    spdlog::debug("api: {} {}", methodName(method).toStdString(), path.toStdString());
    if (!path.startsWith("/api/v1/"_L1))
        return sendError(responder, Status::NotFound, u"not found"_s, u"the API lives under /api/v1"_s);
    const api::RouteMatch match = api::matchRoute(methodName(method).toLatin1(), path.mid(7));
    std::optional<Caller> caller;
    if (!match.route || !match.route->isPublic) {
        caller = authenticate(request);
        if (!caller)
            return sendError(responder, Status::Unauthorized, u"unauthorized"_s,
                             u"send Authorization: Bearer <token>: a user's token (clusterdeck-cli user add), or the "
                             "runtime's own in its data dir (file 'token')"_s);
    }
    if (!match.route) {
        if (match.pathExists)
            return sendError(responder, Status::MethodNotAllowed, u"method not allowed"_s,
                             u"%1 is not supported on %2"_s.arg(methodName(method), request.url().path()));
        return sendError(responder, Status::NotFound, u"not found"_s,
                         u"no such endpoint: %1"_s.arg(request.url().path()));
    }
    const api::Route &route = *match.route;
    ApiCall call{route, request, responder, match.parameters, {}, caller.value_or(Caller{}), nullptr, 0, {}, {}};
    if (route.isPublic)
        return (this->*ApiServerHandlers::table[std::size_t(route.id)].second)(call);

    auto deny = [&](const QString &detail, const QString &error = u"forbidden"_s) {
        // A refusal by role (or quota, or script folder) is on the record too, whatever the route: who tried what.
        audit(call, u"denied"_s, detail, 0, nullptr);
        fail(call, Status::Forbidden, error, detail);
    };
    if (!api::allows(route, call.caller.role))
        return deny(u"%1 %2 needs the %3 role; %4 is %5"_s.arg(
            QString::fromLatin1(route.method), QString::fromLatin1(route.pattern), api::toString(route.role),
            call.caller.user, api::toString(call.caller.role)));
    if (!route.clusterParameter().isEmpty()) {
        call.cluster = m_supervisor.cluster(call.parameter(0));
        if (!call.cluster)
            return fail(call, Status::NotFound, u"cluster not found"_s,
                        u"no cluster with id %1"_s.arg(call.parameter(0)));
        if (route.scope == api::Scope::OwnCluster && call.caller.role == api::Role::Scientist) {
            const QString owner = m_security.clusterOwner(call.parameter(0));
            if (owner != call.caller.user)
                return deny(u"cluster %1 belongs to %2: a scientist acts on its own clusters only"_s.arg(
                    call.parameter(0), owner.isEmpty() ? u"nobody known"_s : owner));
        }
    }
    if (method == Method::Post || method == Method::Put) {
        const QByteArray raw = request.body();
        if (raw.size() > kMaxBodyBytes)
            return fail(call, Status::PayloadTooLarge, u"body too large"_s, u"at most 1 MiB"_s);
        if (!raw.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject())
                return fail(call, Status::BadRequest, u"invalid JSON"_s,
                            parseError.error != QJsonParseError::NoError
                                ? u"%1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset)
                                : u"expected a JSON object"_s);
            call.body = doc.object();
        }
    }
    // What the role alone does not settle, now that the body is known: where scripts come from (an admin's
    // from anywhere) and a scientist's quotas.
    if (call.caller.role != api::Role::Admin)
        if (const QString why = m_scriptFolders.refusal(ScriptFolders::scriptsOf(route.id, call.body)); !why.isEmpty())
            return deny(why, u"script not allowed"_s);
    if (call.caller.role == api::Role::Scientist)
        if (const QString why = quotaRefusal(call); !why.isEmpty())
            return deny(why, u"quota exceeded"_s);
    const Handler handler = ApiServerHandlers::table[std::size_t(route.id)].second;
    if (!route.mutates())
        return (this->*handler)(call);
    // A mutating call is on the record before it takes effect; no record, no action.
    qint64 requestSeq = 0;
    if (!audit(call, u"requested"_s, {}, 0, &requestSeq))
        return fail(call, Status::ServiceUnavailable, u"audit unavailable"_s,
                    u"the audit log could not be written, so nothing was done: see runtime.log"_s);
    (this->*handler)(call);
    const bool succeeded = call.status >= 200 && call.status < 300;
    audit(call, succeeded ? u"succeeded"_s : u"failed"_s,
          succeeded ? u"HTTP %1"_s.arg(call.status) : u"HTTP %1: %2"_s.arg(call.status).arg(call.error), requestSeq,
          nullptr);
}

// --- read-only and catalog routes ---

void ApiServer::health(ApiCall &call)
{
    ok(call,
       QJsonObject{{u"status"_s, u"ok"_s},
                   {u"service"_s, u"clusterdeck-runtime"_s},
                   {u"version"_s, QCoreApplication::applicationVersion()}});
}

void ApiServer::whoami(ApiCall &call)
{
    ok(call, QJsonObject{{u"user"_s, call.caller.user}, {u"role"_s, api::toString(call.caller.role)}});
}

void ApiServer::instanceTypes(ApiCall &call)
{
    QJsonArray types;
    for (const InstanceType &t : m_supervisor.catalog().types()) {
        QJsonObject o = t.toJson();
        o.insert(u"default"_s, t.name == m_supervisor.catalog().defaultType());
        types.append(o);
    }
    ok(call, types);
}

void ApiServer::samples(ApiCall &call)
{
    ok(call, m_supervisor.samples());
}

void ApiServer::engines(ApiCall &call)
{
    ok(call, m_supervisor.engines());
}

void ApiServer::runbooks(ApiCall &call)
{
    ok(call, m_supervisor.runbooks());
}

void ApiServer::runbook(ApiCall &call)
{
    const auto runbook = m_supervisor.runbook(call.parameter(0));
    if (!runbook)
        return fail(call, Status::NotFound, u"runbook not found"_s, u"no runbook %1"_s.arg(call.parameter(0)));
    ok(call, *runbook);
}

// --- clusters ---

void ApiServer::clusters(ApiCall &call)
{
    QJsonArray list;
    const IncidentMonitor *monitor = m_supervisor.incidents();
    for (const ClusterInfo &c : m_supervisor.clusters()) {
        QJsonObject o = c.toJson();
        o.insert(u"owner"_s, m_security.clusterOwner(c.id)); // who launched it: a scientist acts on its own only
        // The console's sidebar badges each cluster with it: one list answer instead of a poll per cluster.
        if (monitor) {
            const triage::IncidentList incidents = monitor->incidents(c.id);
            o.insert(u"openIncidents"_s,
                     int(std::count_if(incidents.cbegin(), incidents.cend(),
                                       [](const triage::Incident &i) { return i.isOpen(); })));
        }
        list.append(o);
    }
    ok(call, list);
}

void ApiServer::launch(ApiCall &call)
{
    ClusterInfo created;
    const Outcome o = m_supervisor.launch(call.body, &created);
    if (o.succeeded() && !m_security.setClusterOwner(created.id, call.caller.user))
        spdlog::error("api: the owner of {} ({}) was not stored", created.id.toStdString(),
                      call.caller.user.toStdString());
    if (o.succeeded())
        call.createdTarget = created.id;
    QJsonObject answered = created.toJson(true);
    answered.insert(u"owner"_s, call.caller.user);
    answer(call, o, answered);
}

void ApiServer::cluster(ApiCall &call)
{
    QJsonObject o = call.cluster->info().toJson(true);
    o.insert(u"owner"_s, m_security.clusterOwner(call.parameter(0)));
    ok(call, o);
}

void ApiServer::terminate(ApiCall &call)
{
    ClusterInfo result;
    const Outcome o = m_supervisor.terminate(call.parameter(0), &result);
    answer(call, o, result.toJson(true));
}

void ApiServer::scale(ApiCall &call)
{
    ClusterInfo result;
    const Outcome o = m_supervisor.scale(call.parameter(0), call.body, &result);
    answer(call, o, result.toJson(true));
}

void ApiServer::protection(ApiCall &call)
{
    ClusterInfo result;
    const Outcome o = m_supervisor.setProtection(call.parameter(0), call.body, &result);
    answer(call, o, result.toJson(true));
}

void ApiServer::policy(ApiCall &call)
{
    ok(call, call.cluster->info().spec.scaling.toJson());
}

void ApiServer::setPolicy(ApiCall &call)
{
    ClusterInfo result;
    const Outcome o = m_supervisor.setScalingPolicy(call.parameter(0), call.body, &result);
    answer(call, o, result.toJson(true));
}

void ApiServer::events(ApiCall &call)
{
    const QUrlQuery query(call.request.url());
    bool valid = true;
    const qint64 after = query.hasQueryItem(u"after"_s) ? query.queryItemValue(u"after"_s).toLongLong(&valid) : 0;
    if (!valid || after < 0)
        return fail(call, Status::BadRequest, u"invalid events query"_s,
                    u"after: expected an event seq (a non-negative integer)"_s);
    const QStringList types = query.queryItemValue(u"type"_s).split(u',', Qt::SkipEmptyParts);
    QJsonArray list;
    for (const ClusterEvent &e : call.cluster->events(after))
        if (types.isEmpty() || types.contains(e.type))
            list.append(e.toJson());
    ok(call, list);
}

void ApiServer::executors(ApiCall &call)
{
    QJsonArray list;
    for (const Executor &e : call.cluster->executors())
        list.append(e.toJson());
    ok(call, list);
}

void ApiServer::incidents(ApiCall &call)
{
    const IncidentMonitor *monitor = m_supervisor.incidents();
    if (!monitor)
        return fail(call, Status::ServiceUnavailable, u"incidents unavailable"_s,
                    u"the incident monitor is not running: see runtime.log"_s);
    QJsonArray list;
    for (const triage::Incident &i : monitor->incidents(call.parameter(0)))
        list.append(i.toJson());
    ok(call, list);
}

void ApiServer::incident(ApiCall &call)
{
    const IncidentMonitor *monitor = m_supervisor.incidents();
    if (!monitor)
        return fail(call, Status::ServiceUnavailable, u"incidents unavailable"_s,
                    u"the incident monitor is not running: see runtime.log"_s);
    const auto incident = monitor->incident(call.parameter(0), call.parameter(1));
    if (!incident)
        return fail(call, Status::NotFound, u"incident not found"_s,
                    u"no incident %1 on cluster %2"_s.arg(call.parameter(1), call.parameter(0)));
    ok(call, incident->toJson());
}

void ApiServer::guardedAction(ApiCall &call)
{
    QJsonObject result;
    // The actor on the record is who the token says, never a name the request brings.
    const Outcome o = m_supervisor.guardedAction(call.parameter(0), call.body, call.caller.user, &result);
    if (!o.succeeded() && result.contains(u"audit"_s)) {
        // Refused, and the refusal is on the record: say both.
        QJsonObject error{{u"error"_s, o.error}, {u"detail"_s, o.detail}, {u"audit"_s, result.value(u"audit"_s)}};
        return sendJson(call, QJsonDocument(error), statusOf(o.kind));
    }
    answer(call, o, result);
}

void ApiServer::clusterAudit(ApiCall &call)
{
    ok(call, m_supervisor.auditLog(call.parameter(0)));
}

void ApiServer::timeline(ApiCall &call)
{
    const QUrlQuery query(call.request.url());
    QString bad;
    const std::optional<qint64> fromMs = msParameter(query, u"from"_s, &bad);
    const std::optional<qint64> toMs = msParameter(query, u"to"_s, &bad);
    if (bad.isEmpty() && fromMs && toMs && *fromMs > *toMs)
        bad = u"from: must not be after to"_s;
    if (!bad.isEmpty())
        return fail(call, Status::BadRequest, u"invalid timeline query"_s, bad);
    auto when = [](const std::optional<qint64> &ms) -> std::optional<QDateTime> {
        if (!ms)
            return std::nullopt;
        return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    };
    triage::Timeline timeline;
    const Outcome o = m_supervisor.timeline(call.parameter(0), when(fromMs), when(toMs), &timeline);
    answer(call, o, triage::toJson(timeline));
}

void ApiServer::chaos(ApiCall &call)
{
    QJsonObject result;
    const Outcome o = m_supervisor.chaos(call.parameter(0), call.body, &result);
    answer(call, o, result);
}

void ApiServer::clusterCost(ApiCall &call)
{
    QString bad;
    const auto report = m_supervisor.costBook().costJson(QUrlQuery(call.request.url()), call.parameter(0), &bad);
    if (!report)
        return fail(call, Status::BadRequest, u"invalid cost query"_s, bad);
    ok(call, *report);
}

// --- jobs ---

void ApiServer::jobs(ApiCall &call)
{
    QJsonArray list;
    for (const Job &j : call.cluster->jobs())
        list.append(j.toJson());
    ok(call, list);
}

void ApiServer::submitJob(ApiCall &call)
{
    Job job;
    const Outcome o = m_supervisor.submitJob(call.parameter(0), call.body, &job);
    answer(call, o, job.toJson());
}

void ApiServer::job(ApiCall &call)
{
    const auto job = call.cluster->job(call.parameter(1));
    if (!job)
        return fail(call, Status::NotFound, u"job not found"_s,
                    u"no job %1 on cluster %2"_s.arg(call.parameter(1), call.parameter(0)));
    ok(call, job->toJson());
}

void ApiServer::cancelJob(ApiCall &call)
{
    Job job;
    const Outcome o = m_supervisor.cancelJob(call.parameter(0), call.parameter(1), &job);
    answer(call, o, job.toJson());
}

void ApiServer::jobDag(ApiCall &call)
{
    auto kept = std::make_shared<QHttpServerResponder>(std::move(call.responder));
    QPointer<QTcpSocket> socket = kept->socket();
    call.cluster->fetchDag(call.parameter(1),
                           [kept, socket](const QByteArray &json, const QString &error, bool notFound) {
                               if (!socket || socket->state() != QAbstractSocket::ConnectedState)
                                   return; // the client left
                               if (notFound)
                                   return sendError(*kept, Status::NotFound, u"job not found"_s, error);
                               if (json.isEmpty())
                                   return sendError(*kept, Status::ServiceUnavailable, u"DAG unavailable"_s, error);
                               kept->write(json, "application/json", Status::Ok);
                           });
}

// --- logs ---

void ApiServer::logs(ApiCall &call)
{
    m_logs.list(*call.cluster, call.responder);
}

void ApiServer::log(ApiCall &call)
{
    m_logs.serve(*call.cluster, call.parameter(1), call.request, std::move(call.responder));
}

// --- cost ---

void ApiServer::cost(ApiCall &call)
{
    const QUrlQuery query(call.request.url());
    QString bad;
    const auto report = m_supervisor.costBook().costJson(query, {}, &bad);
    if (!report)
        return fail(call, Status::BadRequest, u"invalid cost query"_s, bad);
    if (const QString c = query.queryItemValue(u"cluster"_s); !c.isEmpty() && !m_supervisor.cluster(c))
        return fail(call, Status::NotFound, u"cluster not found"_s, u"no cluster with id %1"_s.arg(c));
    ok(call, *report);
}

void ApiServer::costMeters(ApiCall &call)
{
    ok(call, m_supervisor.costBook().metersJson());
}

void ApiServer::costSummary(ApiCall &call)
{
    QString bad;
    const auto report = m_supervisor.costBook().summaryJson(QUrlQuery(call.request.url()), &bad);
    if (!report)
        return fail(call, Status::BadRequest, u"invalid cost query"_s, bad);
    ok(call, *report);
}

void ApiServer::costForecast(ApiCall &call)
{
    ok(call, m_supervisor.costBook().forecastJson());
}

void ApiServer::budgets(ApiCall &call)
{
    ok(call, m_supervisor.costBook().budgetsJson());
}

void ApiServer::putBudget(ApiCall &call)
{
    QJsonObject status;
    QString bad;
    bool internal = false;
    if (!m_supervisor.costBook().putBudget(call.body, &status, &bad, &internal))
        return fail(call, internal ? Status::InternalServerError : Status::BadRequest,
                    internal ? u"budget not saved"_s : u"invalid budget"_s, bad);
    ok(call, status);
}

void ApiServer::removeBudget(ApiCall &call)
{
    bool notFound = false;
    QString bad;
    if (!m_supervisor.costBook().deleteBudget(call.parameter(0), &notFound, &bad))
        return fail(call, notFound ? Status::NotFound : Status::BadRequest,
                    notFound ? u"budget not found"_s : u"invalid budget"_s, bad);
    ok(call, QJsonObject{{u"deleted"_s, call.parameter(0)}});
}

void ApiServer::pricing(ApiCall &call)
{
    ok(call, m_supervisor.costBook().catalog().toJson());
}

// --- SLOs ---

namespace {

SloMonitor *sloMonitorOr503(Supervisor &supervisor, ApiCall &call)
{
    SloMonitor *slos = supervisor.slos();
    if (!slos)
        fail(call, Status::ServiceUnavailable, u"SLOs unavailable"_s,
             u"the SLO monitor is not running: see runtime.log"_s);
    return slos;
}

} // namespace

void ApiServer::slos(ApiCall &call)
{
    if (SloMonitor *slos = sloMonitorOr503(m_supervisor, call))
        ok(call, slos->statusJson());
}

void ApiServer::addSlo(ApiCall &call)
{
    SloMonitor *slos = sloMonitorOr503(m_supervisor, call);
    if (!slos)
        return;
    QString bad;
    bool internal = false;
    const auto added = slos->add(call.body, &bad, &internal);
    if (!added)
        return fail(call, internal ? Status::InternalServerError : Status::BadRequest,
                    internal ? u"SLO not saved"_s : u"invalid SLO"_s, bad);
    ok(call, slos->statusJson(added->id).value_or(added->toJson()), Status::Created);
}

void ApiServer::slo(ApiCall &call)
{
    SloMonitor *slos = sloMonitorOr503(m_supervisor, call);
    if (!slos)
        return;
    const auto one = slos->statusJson(call.parameter(0));
    if (!one)
        return fail(call, Status::NotFound, u"SLO not found"_s, u"no SLO %1"_s.arg(call.parameter(0)));
    ok(call, *one);
}

void ApiServer::removeSlo(ApiCall &call)
{
    SloMonitor *slos = sloMonitorOr503(m_supervisor, call);
    if (!slos)
        return;
    bool internal = false;
    if (!slos->remove(call.parameter(0), &internal))
        return internal
            ? fail(call, Status::InternalServerError, u"SLO not removed"_s, u"the store refused it: see runtime.log"_s)
            : fail(call, Status::NotFound, u"SLO not found"_s, u"no SLO %1"_s.arg(call.parameter(0)));
    ok(call, QJsonObject{{u"deleted"_s, call.parameter(0)}});
}

// --- metrics ---

void ApiServer::metrics(ApiCall &call)
{
    MetricSampler *sampler = m_supervisor.sampler();
    if (!sampler)
        return fail(call, Status::ServiceUnavailable, u"metrics unavailable"_s,
                    u"the metric store is not open: see runtime.log"_s);
    const QUrlQuery query(call.request.url());
    MetricSampler::Query q;
    q.clusterId = call.parameter(0);
    q.names = listParameter(query, u"series"_s);
    q.executors = listParameter(query, u"executors"_s);
    QString bad;
    q.fromMs = msParameter(query, u"from"_s, &bad);
    q.toMs = msParameter(query, u"to"_s, &bad);
    const std::optional<qint64> step = msParameter(query, u"step"_s, &bad);
    if (bad.isEmpty() && step && *step < 1)
        bad = u"step: must be at least 1 (ms); steps finer than the stored resolution come back at that resolution"_s;
    if (bad.isEmpty() && q.fromMs && q.toMs && *q.fromMs > *q.toMs)
        bad = u"from: must not be after to"_s;
    const QStringList known = MetricSampler::clusterSeriesNames();
    for (const QString &name : std::as_const(q.names))
        if (bad.isEmpty() && !known.contains(name))
            bad = u"series: unknown series '%1' (known: %2)"_s.arg(name, known.join(u", "_s));
    if (!bad.isEmpty())
        return fail(call, Status::BadRequest, u"invalid metrics query"_s, bad);
    if (step)
        q.stepMs = *step;
    // The query runs on the store's thread; the answer is written when it comes back, if the client stayed.
    auto kept = std::make_shared<QHttpServerResponder>(std::move(call.responder));
    QPointer<QTcpSocket> socket = kept->socket();
    const bool listOnly = q.names.isEmpty();
    sampler->query(q, this, [kept, socket, listOnly](const MetricSampler::QueryResult &r) {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (!r.error.isEmpty())
            return sendError(*kept, Status::InternalServerError, u"metrics query failed"_s, r.error);
        QJsonArray list;
        if (listOnly) {
            for (const telemetry::SeriesKey &k : r.available)
                list.append(QJsonObject{{u"name"_s, k.name}, {u"executor"_s, executorJson(k.executorId)}});
            return sendJson(*kept, QJsonDocument(list), Status::Ok);
        }
        for (const telemetry::SeriesRange &range : r.ranges) {
            QJsonArray points;
            for (const telemetry::RangePoint &p : range.points)
                points.append(QJsonArray{double(p.timestampMs), p.mean, p.min, p.max});
            QJsonArray gaps;
            for (const auto &[from, to] : range.gaps())
                gaps.append(QJsonArray{double(from), double(to)});
            list.append(QJsonObject{{u"name"_s, range.key.name},
                                    {u"executor"_s, executorJson(range.key.executorId)},
                                    {u"stepMs"_s, double(range.stepMs)},
                                    {u"resolutionMs"_s, double(range.resolutionMs)},
                                    {u"points"_s, points},
                                    {u"gaps"_s, gaps}});
        }
        sendJson(*kept, QJsonDocument(list), Status::Ok);
    });
}

void ApiServer::metricsStream(ApiCall &call)
{
    const QString clusterId = call.parameter(0);
    auto kept = std::make_shared<QHttpServerResponder>(std::move(call.responder));
    QPointer<QTcpSocket> socket = kept->socket();
    if (!socket)
        return;
    // No Content-Length: the body is the event stream and ends when either side closes.
    kept->writeStatusLine(Status::Ok);
    kept->writeHeader("Content-Type", "text/event-stream");
    kept->writeHeader("Cache-Control", "no-cache");
    kept->writeHeader("Connection", "close");
    kept->writeBody(": clusterdeck-runtime metrics stream, one 'samples' event per second, a 'cluster' event on each "
                    "change\nretry: 2000\n\n");
    m_streams.append(Stream{clusterId, kept, socket, {}});
    QTcpSocket *raw = socket.data();
    connect(raw, &QAbstractSocket::disconnected, &m_streamHandlers, [this, raw] {
        m_streams.removeIf([raw](const Stream &s) { return s.socket == raw || !s.socket; });
    });
    sendClusterEvents(clusterId); // where it stands now: a client waiting for a state misses nothing
    if (isTerminal(call.cluster->info().state))
        endStreams(clusterId, toString(call.cluster->info().state)); // nothing will come: say so rather than hang
}

// --- audit and users ---

namespace {

QJsonObject auditJson(const AuditRecord &e)
{
    QJsonObject o{{u"seq"_s, double(e.seq)},
                  {u"at"_s, e.at.toString(Qt::ISODateWithMs)},
                  {u"user"_s, e.user},
                  {u"role"_s, e.role},
                  {u"action"_s, e.action},
                  {u"target"_s, e.target},
                  {u"outcome"_s, e.outcome},
                  {u"detail"_s, e.detail},
                  {u"hash"_s, QString::fromLatin1(e.hash)}};
    if (e.requestSeq > 0)
        o.insert(u"requestSeq"_s, double(e.requestSeq));
    if (!e.request.isEmpty())
        o.insert(u"request"_s, e.request);
    return o;
}

QString refusalText(UserDirectory::Refusal why, const QString &name)
{
    switch (why) {
    case UserDirectory::Refusal::BadName:
        return u"name: 1-64 of a-z, 0-9, '_', '.', '-', starting with a letter, and not 'admin' (the token file's)"_s;
    case UserDirectory::Refusal::Taken:
        return u"a user %1 exists already"_s.arg(name);
    case UserDirectory::Refusal::NotFound:
        return u"no user %1"_s.arg(name);
    case UserDirectory::Refusal::BadQuota:
        return u"only a scientist has a quota (maxClusters, maxWorkers, maxDollarsPerHour)"_s;
    case UserDirectory::Refusal::Store:
    case UserDirectory::Refusal::None:
        break;
    }
    return u"the user store refused it: see runtime.log"_s;
}

Status refusalStatus(UserDirectory::Refusal why)
{
    switch (why) {
    case UserDirectory::Refusal::BadName:
    case UserDirectory::Refusal::BadQuota:
        return Status::BadRequest;
    case UserDirectory::Refusal::Taken:
        return Status::Conflict;
    case UserDirectory::Refusal::NotFound:
        return Status::NotFound;
    case UserDirectory::Refusal::Store:
    case UserDirectory::Refusal::None:
        break;
    }
    return Status::InternalServerError;
}

QJsonObject issuedJson(const UserDirectory::Issued &issued)
{
    return {{u"name"_s, issued.name},
            {u"role"_s, api::toString(issued.role)},
            {u"token"_s, QString::fromLatin1(issued.token)}};
}

} // namespace

void ApiServer::auditLog(ApiCall &call)
{
    const QUrlQuery query(call.request.url());
    bool valid = true;
    const qint64 after = query.hasQueryItem(u"after"_s) ? query.queryItemValue(u"after"_s).toLongLong(&valid) : 0;
    if (!valid || after < 0)
        return fail(call, Status::BadRequest, u"invalid audit query"_s, u"after: expected an entry seq"_s);
    const qint64 before = query.hasQueryItem(u"before"_s) ? query.queryItemValue(u"before"_s).toLongLong(&valid) : 0;
    if (!valid || before < 0)
        return fail(call, Status::BadRequest, u"invalid audit query"_s, u"before: expected an entry seq"_s);
    int limit = 1000;
    if (query.hasQueryItem(u"limit"_s)) {
        limit = query.queryItemValue(u"limit"_s).toInt(&valid);
        if (!valid || limit < 1 || limit > 10000)
            return fail(call, Status::BadRequest, u"invalid audit query"_s, u"limit: 1 to 10000"_s);
    }
    QJsonArray list;
    for (const AuditRecord &e : m_security.audit(after, limit, query.queryItemValue(u"user"_s, QUrl::FullyDecoded),
                                                 query.queryItemValue(u"cluster"_s, QUrl::FullyDecoded),
                                                 query.queryItemValue(u"action"_s, QUrl::FullyDecoded), before))
        list.append(auditJson(e));
    ok(call, list);
}

void ApiServer::users(ApiCall &call)
{
    ok(call, m_users.list(m_quota));
}

void ApiServer::addUser(ApiCall &call)
{
    const QString name = call.body.value(u"name"_s).toString();
    const auto role = api::roleFromString(call.body.value(u"role"_s).toString());
    if (!role)
        return fail(call, Status::BadRequest, u"invalid user"_s, u"role: viewer, scientist, operator or admin"_s);
    QString bad;
    const std::optional<UserQuota> quota = UserQuota::changed({}, call.body, &bad);
    if (!quota)
        return fail(call, Status::BadRequest, u"invalid user"_s, bad);
    UserDirectory::Refusal why = UserDirectory::Refusal::None;
    const auto issued = m_users.add(name, *role, &why, *quota);
    if (!issued)
        return fail(call, refusalStatus(why), u"invalid user"_s, refusalText(why, name));
    ok(call, issuedJson(*issued), Status::Created);
}

void ApiServer::removeUser(ApiCall &call)
{
    UserDirectory::Refusal why = UserDirectory::Refusal::None;
    if (!m_users.remove(call.parameter(0), &why))
        return fail(call, refusalStatus(why), u"user not removed"_s, refusalText(why, call.parameter(0)));
    ok(call, QJsonObject{{u"deleted"_s, call.parameter(0)}});
}

void ApiServer::rotateUser(ApiCall &call)
{
    UserDirectory::Refusal why = UserDirectory::Refusal::None;
    const auto issued = m_users.rotate(call.parameter(0), &why);
    if (!issued)
        return fail(call, refusalStatus(why), u"token not rotated"_s, refusalText(why, call.parameter(0)));
    ok(call, issuedJson(*issued));
}

void ApiServer::onSampled(const SampleBatch &batch)
{
    QByteArray event;
    for (qsizetype i = 0; i < m_streams.size();) {
        Stream &s = m_streams[i];
        if (!s.socket || s.socket->state() != QAbstractSocket::ConnectedState) {
            m_streams.removeAt(i);
            continue;
        }
        if (s.clusterId == batch.clusterId) {
            // A client that stopped reading must not grow the runtime's memory without bound.
            if (s.socket->bytesToWrite() > 4 * 1024 * 1024) {
                spdlog::warn("api: dropping a metrics stream of {} (client not reading)", batch.clusterId.toStdString());
                s.socket->abort();
                m_streams.removeAt(i);
                continue;
            }
            if (event.isEmpty()) {
                QJsonArray samples;
                for (const telemetry::MetricPoint &p : batch.points)
                    samples.append(QJsonObject{{u"name"_s, p.name}, {u"executor"_s, executorJson(p.executorId)},
                                               {u"value"_s, p.value}});
                const QJsonObject data{{u"clusterId"_s, batch.clusterId},
                                       {u"timestampMs"_s, double(batch.timestampMs)},
                                       {u"samples"_s, samples}};
                event = "id: " + QByteArray::number(batch.timestampMs) + "\nevent: samples\ndata: "
                    + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
            }
            s.responder->writeBody(event);
        }
        ++i;
    }
}

void ApiServer::sendClusterEvents(const QString &clusterId)
{
    const ClusterController *c = m_supervisor.cluster(clusterId);
    if (!c || std::none_of(m_streams.cbegin(), m_streams.cend(), [&](const Stream &s) {
            return s.clusterId == clusterId;
        }))
        return;
    // The cluster as GET /clusters/{id} answers it, and each executor's state (a scale's end is an executor
    // leaving RETIRING, which the cluster's own fields do not show). Metrics stay out: they change each poll.
    QJsonArray executors;
    for (const Executor &e : c->executors())
        executors.append(QJsonObject{{u"id"_s, e.id}, {u"status"_s, toString(e.status)}});
    const QByteArray data
        = QJsonDocument(QJsonObject{{u"cluster"_s, c->info().toJson(true)}, {u"executors"_s, executors}})
              .toJson(QJsonDocument::Compact);
    for (Stream &s : m_streams) {
        if (s.clusterId != clusterId || s.lastCluster == data || !s.socket
            || s.socket->state() != QAbstractSocket::ConnectedState || s.socket->bytesToWrite() > 4 * 1024 * 1024)
            continue; // a stream not reading is dropped by the next samples event
        s.lastCluster = data;
        s.responder->writeBody("event: cluster\ndata: " + data + "\n\n");
    }
}

void ApiServer::endStreams(const QString &clusterId, const QString &state)
{
    for (qsizetype i = 0; i < m_streams.size();) {
        Stream &s = m_streams[i];
        if (s.clusterId != clusterId) {
            ++i;
            continue;
        }
        if (s.socket && s.socket->state() == QAbstractSocket::ConnectedState) {
            const QJsonObject data{{u"clusterId"_s, clusterId}, {u"state"_s, state}};
            s.responder->writeBody("event: end\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n");
            s.socket->disconnectFromHost(); // flushes what is queued, then closes
        }
        m_streams.removeAt(i);
    }
}

} // namespace cdeck
