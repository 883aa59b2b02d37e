// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>

// The one table of clusterdeck-runtime's /api/v1 routes: method, path, the role a caller needs and what
// the route is. The server dispatches from it (and binds one handler to each route), the client builds its
// paths from it, the auth-matrix test walks it and docs/runtime-api.md is checked against it.
namespace cdeck::api {

// Ordered: each role may do everything the ones before it may.
enum class Role {
    Viewer, // every read, cost included
    Scientist, // launches, scales, runs jobs on and terminates its own clusters, under quotas
    Operator, // all of that on every cluster, plus guarded actions, protection and SLOs
    Admin, // users, budgets, chaos, bootstrap actions and scripts from anywhere
};
QString toString(Role role);
std::optional<Role> roleFromString(const QString &name);
inline constexpr Role kRoles[] = {Role::Viewer, Role::Scientist, Role::Operator, Role::Admin};

enum class RouteId {
    Health,
    Whoami,
    InstanceTypes,
    Samples,
    Engines,
    Clusters,
    ClusterLaunch,
    Cluster,
    ClusterTerminate,
    ClusterScale,
    ClusterProtection,
    ClusterPolicy,
    ClusterPolicySet,
    ClusterEvents,
    ClusterExecutors,
    ClusterIncidents,
    ClusterIncident,
    ClusterActions,
    ClusterAudit,
    ClusterTimeline,
    ClusterChaos,
    Jobs,
    JobSubmit,
    Job,
    JobCancel,
    JobDag,
    ClusterLogs,
    ClusterLog,
    ClusterMetrics,
    ClusterMetricsStream,
    ClusterCost,
    Runbooks,
    Runbook,
    Cost,
    CostMeters,
    CostSummary,
    CostForecast,
    Budgets,
    BudgetPut,
    BudgetRemove,
    Pricing,
    Slos,
    SloAdd,
    Slo,
    SloRemove,
    Audit,
    Users,
    UserAdd,
    UserRemove,
    UserRotate,
    Prometheus,
    UserQuota, // the last: a new route goes after it and moves this note (and the static_asserts' end)
};

// Whom a route's cluster belongs to matters: a scientist acts only on the clusters it launched.
enum class Scope { Any, OwnCluster };

struct Route
{
    RouteId id;
    const char *method; // GET, POST, PUT, DELETE
    const char *pattern; // relative to /api/v1; {name} is one path segment
    bool isPublic; // no token needed (health only)
    Role role; // the least role that may call it
    Scope scope;
    const char *summary;

    bool mutates() const; // anything but GET: audited
    QString clusterParameter() const; // "id" when the pattern has a {id} cluster segment, else empty
};

std::span<const Route> routes();
const Route &route(RouteId id);

// A route's path with its {parameters} filled in order, each percent-encoded as one segment:
// path(RouteId::Job, {"c-1", "job/2"}) == "/clusters/c-1/jobs/job%2F2". Missing parameters are empty.
QString path(RouteId id, const QStringList &parameters = {});

struct RouteMatch
{
    const Route *route = nullptr; // null: no route for this method (see pathExists)
    QStringList parameters; // decoded, in pattern order
    bool pathExists = false; // some route has this path (another method: 405, not 404)
};
// Matches a request: method and the path relative to /api/v1, still percent-encoded (so an encoded '/'
// stays inside its segment). A pure function, for the server and the fuzzer.
RouteMatch matchRoute(const QByteArray &method, const QString &encodedPath);

// Whether role may call route at all (the scope is checked against the cluster's owner afterwards).
bool allows(const Route &route, Role role);

} // namespace cdeck::api
