// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserverclusters.h"

#include "core/runtime/apicall.h"
#include "core/runtime/clustercontroller.h"
#include "core/runtime/incidentmonitor.h"
#include "core/runtime/supervisor.h"
#include "core/store/securitystore.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace cdeck {

using namespace reply;

void ClusterRoutes::clusters(ApiCall &call)
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

void ClusterRoutes::launch(ApiCall &call)
{
    ClusterInfo created;
    const Outcome o = m_supervisor.launch(call.body, &created);
    if (o.succeeded() && !m_security.setClusterOwner(created.id, call.caller.user))
        spdlog::error("api: the owner of {} ({}) was not stored", created.id.toStdString(),
                      call.caller.user.toStdString());
    if (o.succeeded())
        call.target = created.id;
    QJsonObject answered = created.toJson(true);
    answered.insert(u"owner"_s, call.caller.user);
    answer(call, o, answered);
}

void ClusterRoutes::cluster(ApiCall &call)
{
    QJsonObject o = call.cluster->info().toJson(true);
    o.insert(u"owner"_s, m_security.clusterOwner(call.parameter(0)));
    ok(call, o);
}

void ClusterRoutes::terminate(ApiCall &call)
{
    ClusterInfo result;
    const Outcome o = m_supervisor.terminate(call.parameter(0), &result);
    answer(call, o, result.toJson(true));
}

void ClusterRoutes::scale(ApiCall &call)
{
    ClusterInfo result;
    const Outcome o = m_supervisor.scale(call.parameter(0), call.body, &result);
    answer(call, o, result.toJson(true));
}

void ClusterRoutes::protection(ApiCall &call)
{
    ClusterInfo result;
    const Outcome o = m_supervisor.setProtection(call.parameter(0), call.body, &result);
    answer(call, o, result.toJson(true));
}

void ClusterRoutes::policy(ApiCall &call)
{
    ok(call, call.cluster->info().spec.scaling.toJson());
}

void ClusterRoutes::setPolicy(ApiCall &call)
{
    ClusterInfo result;
    const Outcome o = m_supervisor.setScalingPolicy(call.parameter(0), call.body, &result);
    answer(call, o, result.toJson(true));
}

void ClusterRoutes::events(ApiCall &call)
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

void ClusterRoutes::executors(ApiCall &call)
{
    QJsonArray list;
    for (const Executor &e : call.cluster->executors())
        list.append(e.toJson());
    ok(call, list);
}

void ClusterRoutes::clusterAudit(ApiCall &call)
{
    ok(call, m_supervisor.auditLog(call.parameter(0)));
}

void ClusterRoutes::timeline(ApiCall &call)
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

void ClusterRoutes::chaos(ApiCall &call)
{
    QJsonObject result;
    const Outcome o = m_supervisor.chaos(call.parameter(0), call.body, &result);
    answer(call, o, result);
}

} // namespace cdeck
