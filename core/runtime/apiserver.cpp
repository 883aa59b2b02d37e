// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserver.h"

#include "core/runtime/apicall.h"
#include "core/runtime/apiserverlistener.h"
#include "core/runtime/supervisor.h"
#include "core/store/securitystore.h"

#include <QJsonDocument>

#include <array>

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

using Method = QHttpServerRequest::Method;

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

} // namespace

using api::RouteId;
using namespace reply;

// Every route's handler, in api::RouteId order: the one place a route meets its family's code.
struct ApiServerHandlers
{
    using Handler = void (*)(ApiServer &server, ApiCall &call);
    static constexpr std::array<std::pair<api::RouteId, Handler>, std::size_t(api::RouteId::UserQuota) + 1> table{{
        {RouteId::Health, [](ApiServer &s, ApiCall &c) { s.m_catalog.health(c); }},
        {RouteId::Whoami, [](ApiServer &s, ApiCall &c) { s.m_access.whoami(c); }},
        {RouteId::InstanceTypes, [](ApiServer &s, ApiCall &c) { s.m_catalog.instanceTypes(c); }},
        {RouteId::Samples, [](ApiServer &s, ApiCall &c) { s.m_catalog.samples(c); }},
        {RouteId::Engines, [](ApiServer &s, ApiCall &c) { s.m_catalog.engines(c); }},
        {RouteId::Clusters, [](ApiServer &s, ApiCall &c) { s.m_clusters.clusters(c); }},
        {RouteId::ClusterLaunch, [](ApiServer &s, ApiCall &c) { s.m_clusters.launch(c); }},
        {RouteId::Cluster, [](ApiServer &s, ApiCall &c) { s.m_clusters.cluster(c); }},
        {RouteId::ClusterTerminate, [](ApiServer &s, ApiCall &c) { s.m_clusters.terminate(c); }},
        {RouteId::ClusterScale, [](ApiServer &s, ApiCall &c) { s.m_clusters.scale(c); }},
        {RouteId::ClusterProtection, [](ApiServer &s, ApiCall &c) { s.m_clusters.protection(c); }},
        {RouteId::ClusterPolicy, [](ApiServer &s, ApiCall &c) { s.m_clusters.policy(c); }},
        {RouteId::ClusterPolicySet, [](ApiServer &s, ApiCall &c) { s.m_clusters.setPolicy(c); }},
        {RouteId::ClusterEvents, [](ApiServer &s, ApiCall &c) { s.m_clusters.events(c); }},
        {RouteId::ClusterExecutors, [](ApiServer &s, ApiCall &c) { s.m_clusters.executors(c); }},
        {RouteId::ClusterIncidents, [](ApiServer &s, ApiCall &c) { s.m_incidents.incidents(c); }},
        {RouteId::ClusterIncident, [](ApiServer &s, ApiCall &c) { s.m_incidents.incident(c); }},
        {RouteId::ClusterActions, [](ApiServer &s, ApiCall &c) { s.m_incidents.guardedAction(c); }},
        {RouteId::ClusterAudit, [](ApiServer &s, ApiCall &c) { s.m_clusters.clusterAudit(c); }},
        {RouteId::ClusterTimeline, [](ApiServer &s, ApiCall &c) { s.m_clusters.timeline(c); }},
        {RouteId::ClusterChaos, [](ApiServer &s, ApiCall &c) { s.m_clusters.chaos(c); }},
        {RouteId::Jobs, [](ApiServer &s, ApiCall &c) { s.m_jobs.jobs(c); }},
        {RouteId::JobSubmit, [](ApiServer &s, ApiCall &c) { s.m_jobs.submitJob(c); }},
        {RouteId::Job, [](ApiServer &s, ApiCall &c) { s.m_jobs.job(c); }},
        {RouteId::JobCancel, [](ApiServer &s, ApiCall &c) { s.m_jobs.cancelJob(c); }},
        {RouteId::JobDag, [](ApiServer &s, ApiCall &c) { s.m_jobs.jobDag(c); }},
        {RouteId::ClusterLogs, [](ApiServer &s, ApiCall &c) { s.m_jobs.logs(c); }},
        {RouteId::ClusterLog, [](ApiServer &s, ApiCall &c) { s.m_jobs.log(c); }},
        {RouteId::ClusterMetrics, [](ApiServer &s, ApiCall &c) { s.m_metrics.metrics(c); }},
        {RouteId::ClusterMetricsStream, [](ApiServer &s, ApiCall &c) { s.m_metrics.metricsStream(c); }},
        {RouteId::ClusterCost, [](ApiServer &s, ApiCall &c) { s.m_cost.clusterCost(c); }},
        {RouteId::Runbooks, [](ApiServer &s, ApiCall &c) { s.m_catalog.runbooks(c); }},
        {RouteId::Runbook, [](ApiServer &s, ApiCall &c) { s.m_catalog.runbook(c); }},
        {RouteId::Cost, [](ApiServer &s, ApiCall &c) { s.m_cost.cost(c); }},
        {RouteId::CostMeters, [](ApiServer &s, ApiCall &c) { s.m_cost.costMeters(c); }},
        {RouteId::CostSummary, [](ApiServer &s, ApiCall &c) { s.m_cost.costSummary(c); }},
        {RouteId::CostForecast, [](ApiServer &s, ApiCall &c) { s.m_cost.costForecast(c); }},
        {RouteId::Budgets, [](ApiServer &s, ApiCall &c) { s.m_cost.budgets(c); }},
        {RouteId::BudgetPut, [](ApiServer &s, ApiCall &c) { s.m_cost.putBudget(c); }},
        {RouteId::BudgetRemove, [](ApiServer &s, ApiCall &c) { s.m_cost.removeBudget(c); }},
        {RouteId::Pricing, [](ApiServer &s, ApiCall &c) { s.m_cost.pricing(c); }},
        {RouteId::Slos, [](ApiServer &s, ApiCall &c) { s.m_slos.slos(c); }},
        {RouteId::SloAdd, [](ApiServer &s, ApiCall &c) { s.m_slos.addSlo(c); }},
        {RouteId::Slo, [](ApiServer &s, ApiCall &c) { s.m_slos.slo(c); }},
        {RouteId::SloRemove, [](ApiServer &s, ApiCall &c) { s.m_slos.removeSlo(c); }},
        {RouteId::Audit, [](ApiServer &s, ApiCall &c) { s.m_access.auditLog(c); }},
        {RouteId::Users, [](ApiServer &s, ApiCall &c) { s.m_access.users(c); }},
        {RouteId::UserAdd, [](ApiServer &s, ApiCall &c) { s.m_access.addUser(c); }},
        {RouteId::UserRemove, [](ApiServer &s, ApiCall &c) { s.m_access.removeUser(c); }},
        {RouteId::UserRotate, [](ApiServer &s, ApiCall &c) { s.m_access.rotateUser(c); }},
        {RouteId::Prometheus, [](ApiServer &s, ApiCall &c) { s.m_metrics.prometheus(c); }},
        {RouteId::UserQuota, [](ApiServer &s, ApiCall &c) { s.m_access.setUserQuota(c); }},
    }};

    static void call(ApiServer &server, ApiCall &call) { table[std::size_t(call.route.id)].second(server, call); }
};

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
}

quint16 ApiServer::listen(const QHostAddress &address, quint16 port, QString *error,
                          const std::optional<QSslConfiguration> &tls)
{
    // Our own listening socket: it checks each request's head before QHttpServer buffers anything.
    auto *listener = new GuardedTcpServer(RequestLimits::fromEnvironment(), &m_server);
    if (tls)
        listener->setTls(*tls);
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

QString ApiServer::auditTarget(const ApiCall &call)
{
    if (!call.target.isEmpty())
        return call.target; // what the handler created (a launch's cluster, an SLO)
    if (call.route.id == RouteId::UserAdd) {
        // The user is named in the body, which a refusal by role comes before: read from the request then. Bounded,
        // as the entry keeps it: a valid name has at most 64 characters.
        const QJsonObject body
            = call.body.isEmpty() ? QJsonDocument::fromJson(call.request.body()).object() : call.body;
        return body.value(u"name"_s).toString().left(128);
    }
    return call.parameters.join(u'/'); // the path names it: a cluster, a job, a user, a budget's tag
}

bool ApiServer::audit(const ApiCall &call, const QString &outcome, const QString &detail, qint64 requestSeq,
                      qint64 *seq)
{
    AuditRecord e;
    e.at = QDateTime::currentDateTimeUtc();
    e.user = call.caller.user;
    e.role = api::toString(call.caller.role);
    e.action = QString::fromLatin1(call.route.method) + u' ' + QString::fromLatin1(call.route.pattern);
    e.target = auditTarget(call);
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
        return ApiServerHandlers::call(*this, call);

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
    if (!route.mutates())
        return ApiServerHandlers::call(*this, call);
    // A mutating call is on the record before it takes effect; no record, no action.
    qint64 requestSeq = 0;
    if (!audit(call, u"requested"_s, {}, 0, &requestSeq))
        return fail(call, Status::ServiceUnavailable, u"audit unavailable"_s,
                    u"the audit log could not be written, so nothing was done: see runtime.log"_s);
    ApiServerHandlers::call(*this, call);
    const bool succeeded = call.status >= 200 && call.status < 300;
    audit(call, succeeded ? u"succeeded"_s : u"failed"_s,
          succeeded ? u"HTTP %1"_s.arg(call.status) : u"HTTP %1: %2"_s.arg(call.status).arg(call.error), requestSeq,
          nullptr);
}

} // namespace cdeck
