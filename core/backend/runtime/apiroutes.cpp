// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiroutes.h"

#include <QUrl>

#include <array>

using namespace Qt::StringLiterals;

namespace cdeck::api {

namespace {

using enum RouteId;
constexpr Role V = Role::Viewer;
constexpr Role S = Role::Scientist;
constexpr Role O = Role::Operator;
constexpr Role A = Role::Admin;
constexpr Scope Any = Scope::Any;
constexpr Scope Own = Scope::OwnCluster;

// clang-format off
constexpr std::array kRoutes{
    Route{Health,               "GET",    "/health",                                true,  V, Any, "liveness and version"},
    Route{Whoami,               "GET",    "/whoami",                                false, V, Any, "the caller's user and role"},
    Route{InstanceTypes,        "GET",    "/instance-types",                        false, V, Any, "the instance types"},
    Route{Samples,              "GET",    "/samples",                               false, V, Any, "the sample jobs"},
    Route{Engines,              "GET",    "/engines",                               false, V, Any, "the engines this runtime runs, and why not"},
    Route{Clusters,             "GET",    "/clusters",                              false, V, Any, "every cluster"},
    Route{ClusterLaunch,        "POST",   "/clusters",                              false, S, Any, "launch a cluster"},
    Route{Cluster,              "GET",    "/clusters/{id}",                         false, V, Any, "one cluster"},
    Route{ClusterTerminate,     "DELETE", "/clusters/{id}",                         false, S, Own, "terminate"},
    Route{ClusterScale,         "POST",   "/clusters/{id}/scale",                   false, S, Own, "set the worker count"},
    Route{ClusterProtection,    "PUT",    "/clusters/{id}/protection",              false, O, Any, "termination protection"},
    Route{ClusterPolicy,        "GET",    "/clusters/{id}/policy",                  false, V, Any, "the scaling policy"},
    Route{ClusterPolicySet,     "PUT",    "/clusters/{id}/policy",                  false, S, Own, "set the scaling policy"},
    Route{ClusterEvents,        "GET",    "/clusters/{id}/events",                  false, V, Any, "scaling and state events"},
    Route{ClusterExecutors,     "GET",    "/clusters/{id}/executors",               false, V, Any, "executors"},
    Route{ClusterIncidents,     "GET",    "/clusters/{id}/incidents",               false, V, Any, "incidents"},
    Route{ClusterIncident,      "GET",    "/clusters/{id}/incidents/{incidentId}",  false, V, Any, "one incident"},
    Route{ClusterActions,       "POST",   "/clusters/{id}/actions",                 false, O, Any, "a guarded action"},
    Route{ClusterAudit,         "GET",    "/clusters/{id}/audit",                   false, V, Any, "the cluster's audit entries"},
    Route{ClusterTimeline,      "GET",    "/clusters/{id}/timeline",                false, V, Any, "the timeline"},
    Route{ClusterChaos,         "POST",   "/clusters/{id}/chaos",                   false, A, Any, "fault injection"},
    Route{Jobs,                 "GET",    "/clusters/{id}/jobs",                    false, V, Any, "jobs"},
    Route{JobSubmit,            "POST",   "/clusters/{id}/jobs",                    false, S, Own, "submit a job"},
    Route{Job,                  "GET",    "/clusters/{id}/jobs/{jobId}",            false, V, Any, "one job"},
    Route{JobCancel,            "DELETE", "/clusters/{id}/jobs/{jobId}",            false, S, Own, "cancel a job"},
    Route{JobDag,               "GET",    "/clusters/{id}/jobs/{jobId}/dag",        false, V, Any, "a job's DAG"},
    Route{ClusterLogs,          "GET",    "/clusters/{id}/logs",                    false, V, Any, "the cluster's logs"},
    Route{ClusterLog,           "GET",    "/clusters/{id}/logs/{source}",           false, V, Any, "one log by range, or followed (SSE)"},
    Route{ClusterMetrics,       "GET",    "/clusters/{id}/metrics",                 false, V, Any, "stored telemetry"},
    Route{ClusterMetricsStream, "GET",    "/clusters/{id}/metrics/stream",          false, V, Any, "live telemetry (SSE)"},
    Route{ClusterCost,          "GET",    "/clusters/{id}/cost",                    false, V, Any, "one cluster's cost"},
    Route{Runbooks,             "GET",    "/runbooks",                              false, V, Any, "runbooks"},
    Route{Runbook,              "GET",    "/runbooks/{id}",                         false, V, Any, "one runbook"},
    Route{Cost,                 "GET",    "/cost",                                  false, V, Any, "the cost ledger"},
    Route{CostMeters,           "GET",    "/cost/meters",                           false, V, Any, "running meters"},
    Route{CostSummary,          "GET",    "/cost/summary",                          false, V, Any, "the executive summary"},
    Route{CostForecast,         "GET",    "/cost/forecast",                         false, V, Any, "the month-end forecast"},
    Route{Budgets,              "GET",    "/budgets",                               false, V, Any, "budgets"},
    Route{BudgetPut,            "POST",   "/budgets",                               false, A, Any, "add or replace a budget"},
    Route{BudgetRemove,         "DELETE", "/budgets/{tag}",                         false, A, Any, "remove a budget"},
    Route{Pricing,              "GET",    "/pricing",                               false, V, Any, "the price catalog"},
    Route{Slos,                 "GET",    "/slos",                                  false, V, Any, "SLOs"},
    Route{SloAdd,               "POST",   "/slos",                                  false, O, Any, "add an SLO"},
    Route{Slo,                  "GET",    "/slos/{id}",                             false, V, Any, "one SLO"},
    Route{SloRemove,            "DELETE", "/slos/{id}",                             false, O, Any, "remove an SLO"},
    Route{Audit,                "GET",    "/audit",                                 false, V, Any, "the audit log"},
    Route{Users,                "GET",    "/users",                                 false, A, Any, "users"},
    Route{UserAdd,              "POST",   "/users",                                 false, A, Any, "add a user (its token, once)"},
    Route{UserRemove,           "DELETE", "/users/{name}",                          false, A, Any, "remove a user"},
    Route{UserRotate,           "POST",   "/users/{name}/rotate",                   false, A, Any, "a new token for a user"},
    Route{Prometheus,           "GET",    "/metrics",                               false, V, Any, "the runtime's own Prometheus metrics"},
    Route{UserQuota,            "PUT",    "/users/{name}/quota",                    false, A, Any, "a scientist's own quota"},
};
// clang-format on

// The table is indexed by RouteId: every enumerator in order, once.
constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < kRoutes.size(); ++i)
        if (std::size_t(kRoutes[i].id) != i)
            return false;
    return std::size_t(UserQuota) + 1 == kRoutes.size();
}
static_assert(inEnumOrder(), "kRoutes must list every RouteId once, in declaration order");
constexpr bool onlyHealthIsPublic()
{
    for (const Route &r : kRoutes)
        if (r.isPublic != (r.id == Health))
            return false;
    return true;
}
static_assert(onlyHealthIsPublic(), "only GET /health answers without a token");

// A path's segments. An empty one inside ("/clusters//jobs") is kept, so it matches no route rather than
// silently shifting the rest; the leading slash and one trailing slash are not segments.
QStringList segments(QStringView path)
{
    QStringList result;
    for (const QStringView s : path.split(u'/'))
        result.append(s.toString());
    if (!result.isEmpty() && result.first().isEmpty())
        result.removeFirst();
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

} // namespace

QString toString(Role role)
{
    switch (role) {
    case Role::Viewer:
        return u"viewer"_s;
    case Role::Scientist:
        return u"scientist"_s;
    case Role::Operator:
        return u"operator"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return u"viewer"_s;
}

std::optional<Role> roleFromString(const QString &name)
{
    for (const Role r : kRoles)
        if (toString(r) == name)
            return r;
    return std::nullopt;
}

bool Route::mutates() const
{
    return QByteArrayView(method) != "GET";
}

QString Route::clusterParameter() const
{
    return QByteArrayView(pattern).startsWith("/clusters/{id}") ? u"id"_s : QString();
}

std::span<const Route> routes()
{
    return kRoutes;
}

const Route &route(RouteId id)
{
    return kRoutes[std::size_t(id)];
}

QString path(RouteId id, const QStringList &parameters)
{
    QString result;
    qsizetype next = 0;
    for (const QString &segment : segments(QString::fromLatin1(route(id).pattern))) {
        result += u'/';
        if (segment.startsWith(u'{'))
            result += QString::fromLatin1(QUrl::toPercentEncoding(parameters.value(next++)));
        else
            result += segment;
    }
    return result;
}

RouteMatch matchRoute(const QByteArray &method, const QString &encodedPath)
{
    RouteMatch match;
    const QStringList wanted = segments(encodedPath);
    for (const Route &r : kRoutes) {
        const QStringList pattern = segments(QString::fromLatin1(r.pattern));
        if (pattern.size() != wanted.size())
            continue;
        QStringList parameters;
        bool same = true;
        for (qsizetype i = 0; i < pattern.size() && same; ++i) {
            if (pattern[i].startsWith(u'{')) {
                const QString decoded = QUrl::fromPercentEncoding(wanted[i].toUtf8());
                same = !decoded.isEmpty();
                parameters.append(decoded);
            } else {
                same = pattern[i] == wanted[i];
            }
        }
        if (!same)
            continue;
        match.pathExists = true;
        if (method == r.method) {
            match.route = &r;
            match.parameters = parameters;
            return match;
        }
    }
    return match;
}

bool allows(const Route &route, Role role)
{
    return route.isPublic || role >= route.role;
}

} // namespace cdeck::api
