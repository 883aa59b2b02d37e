// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserverincidents.h"

#include "core/runtime/apicall.h"
#include "core/runtime/incidentmonitor.h"
#include "core/runtime/supervisor.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cdeck {

using namespace reply;

void IncidentRoutes::incidents(ApiCall &call)
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

void IncidentRoutes::incident(ApiCall &call)
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

void IncidentRoutes::guardedAction(ApiCall &call)
{
    QJsonObject result;
    // The actor on the record is who the token says, never a name the request brings.
    const Outcome o = m_supervisor.guardedAction(call.parameter(0), call.body, call.caller.user, &result);
    if (!o.succeeded() && result.contains(u"audit"_s)) {
        // Refused, and the refusal is on the record: say both.
        QJsonObject error{{u"error"_s, o.error}, {u"detail"_s, o.detail}, {u"audit"_s, result.value(u"audit"_s)}};
        return sendJson(call, QJsonDocument(error), statusOf(o));
    }
    answer(call, o, result);
}

} // namespace cdeck
