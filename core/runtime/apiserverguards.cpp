// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// ApiServer's reads of the supervisor for what the role alone does not settle: a scientist's quotas
// (accessguards.h holds the pure rules) and the runtime's own Prometheus metrics (runtimemetrics.h renders).
#include "apiserver.h"

#include "core/runtime/clustercontroller.h"
#include "core/runtime/costbook.h"
#include "core/runtime/incidentmonitor.h"
#include "core/runtime/supervisor.h"
#include "core/store/securitystore.h"

#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

using Status = QHttpServerResponder::StatusCode;

// The answers of the handlers in this file, recorded on the call for its audit entry as apiserver.cpp's are.
void reply(ApiCall &call, Status status, const QJsonObject &body)
{
    call.status = int(status);
    call.responder.write(QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", status);
}

void refuse(ApiCall &call, Status status, const QString &error, const QString &detail)
{
    call.error = error + u": "_s + detail;
    reply(call, status, QJsonObject{{u"error"_s, error}, {u"detail"_s, detail}});
}

} // namespace

Footprint ApiServer::footprintOf(const ClusterSpec &spec) const
{
    // At its most: a managed cluster may grow to its maxWorkers by itself.
    const int workers = spec.scaling.managed() ? qMax(spec.scaling.maxWorkers, spec.workers) : spec.workers;
    return Footprint{1, workers, m_supervisor.costBook().clusterRateMicrosPerHour(spec, workers)};
}

QString ApiServer::quotaRefusal(const ApiCall &call) const
{
    const api::RouteId route = call.route.id;
    if (route != api::RouteId::ClusterLaunch && route != api::RouteId::ClusterScale
        && route != api::RouteId::ClusterPolicySet)
        return {};
    Footprint before;
    for (const ClusterInfo &c : m_supervisor.clusters()) {
        if (isTerminal(c.state) || m_security.clusterOwner(c.id) != call.caller.user)
            continue;
        const Footprint f = footprintOf(c.spec);
        before.clusters += f.clusters;
        before.workers += f.workers;
        before.microsPerHour += f.microsPerHour;
    }
    Footprint after = before;
    auto add = [&after](const Footprint &f, int sign) {
        after.clusters += sign * f.clusters;
        after.workers += sign * f.workers;
        after.microsPerHour += sign * f.microsPerHour;
    };
    QList<FieldError> errors;
    if (route == api::RouteId::ClusterLaunch) {
        const ClusterSpec spec = ClusterSpec::fromJson(call.body, &errors);
        if (!errors.isEmpty())
            return {}; // the launch answers 400 naming the field
        add(footprintOf(spec), +1);
    } else {
        // On one of its own clusters (the scope was checked): its footprint is replaced by the new one.
        const ClusterSpec now = call.cluster->info().spec;
        ClusterSpec next = now;
        if (route == api::RouteId::ClusterScale) {
            const QJsonValue workers = call.body.value(u"workers"_s);
            if (!workers.isDouble())
                return {}; // the scale answers 400
            next.workers = workers.toInt();
        } else {
            next.scaling = ScalingPolicy::fromJson(call.body, &errors);
            if (!errors.isEmpty())
                return {};
        }
        add(footprintOf(now), -1);
        add(footprintOf(next), +1);
        after.clusters = before.clusters;
    }
    return cdeck::quotaRefusal(m_users.quotaOf(call.caller.user, m_quota), before, after);
}

void ApiServer::setUserQuota(ApiCall &call)
{
    const QString name = call.parameter(0);
    const std::optional<UserQuota> current = m_users.quota(name);
    if (!current)
        return refuse(call, Status::NotFound, u"user not found"_s, u"no user %1"_s.arg(name));
    if (!UserQuota::mentionedIn(call.body))
        return refuse(call, Status::BadRequest, u"invalid quota"_s,
                      u"give maxClusters, maxWorkers or maxDollarsPerHour (null: the runtime's default)"_s);
    QString bad;
    const std::optional<UserQuota> changed = UserQuota::changed(*current, call.body, &bad);
    if (!changed)
        return refuse(call, Status::BadRequest, u"invalid quota"_s, bad);
    UserDirectory::Refusal why = UserDirectory::Refusal::None;
    if (!m_users.setQuota(name, *changed, &why))
        return why == UserDirectory::Refusal::BadQuota
            ? refuse(call, Status::BadRequest, u"invalid quota"_s,
                     u"%1 is not a scientist: only a scientist has a quota"_s.arg(name))
            : refuse(call, Status::InternalServerError, u"quota not stored"_s,
                     u"the user store refused it: see runtime.log"_s);
    reply(call, Status::Ok, QJsonObject{{u"name"_s, name}, {u"quota"_s, m_quota.toJson(*changed)}});
}

RuntimeMetricsSnapshot ApiServer::metricsSnapshot() const
{
    RuntimeMetricsSnapshot s;
    for (const ClusterState state :
         {ClusterState::Starting, ClusterState::Bootstrapping, ClusterState::Running, ClusterState::Waiting,
          ClusterState::Terminating, ClusterState::Terminated, ClusterState::TerminatedWithErrors})
        s.clustersByState.insert(toString(state), 0);
    QHash<QString, double> rates;
    for (const QJsonValue &v : m_supervisor.costBook().metersJson())
        rates.insert(v.toObject().value(u"cluster"_s).toString(), v.toObject().value(u"ratePerHour"_s).toDouble());
    const IncidentMonitor *monitor = m_supervisor.incidents();
    for (const ClusterInfo &c : m_supervisor.clusters()) {
        ++s.clustersByState[toString(c.state)];
        if (isTerminal(c.state))
            continue;
        int open = -1;
        if (monitor) {
            const triage::IncidentList incidents = monitor->incidents(c.id);
            open = int(std::count_if(incidents.cbegin(), incidents.cend(),
                                     [](const triage::Incident &i) { return i.isOpen(); }));
        }
        s.clusters.append({c.id, c.spec.name, rates.value(c.id), open});
        if (const ClusterController *controller = m_supervisor.cluster(c.id))
            for (const Executor &e : controller->executors())
                if (!isGone(e.status))
                    s.executors.append({c.id, e.id, toString(e.status), e.memoryManagedBytes, e.memoryUnmanagedBytes,
                                        e.memorySpilledBytes, e.memoryLimitBytes, e.bytesInTotal, e.bytesOutTotal});
    }
    return s;
}

void ApiServer::prometheus(ApiCall &call)
{
    call.status = 200;
    call.responder.write(renderPrometheus(metricsSnapshot()), "text/plain; version=0.0.4; charset=utf-8",
                         QHttpServerResponder::StatusCode::Ok);
}

} // namespace cdeck
