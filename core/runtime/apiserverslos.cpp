// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserverslos.h"

#include "core/runtime/apicall.h"
#include "core/runtime/slomonitor.h"
#include "core/runtime/supervisor.h"

using namespace Qt::StringLiterals;

namespace cdeck {

using namespace reply;

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

void SloRoutes::slos(ApiCall &call)
{
    if (SloMonitor *slos = sloMonitorOr503(m_supervisor, call))
        ok(call, slos->statusJson());
}

void SloRoutes::addSlo(ApiCall &call)
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
    call.target = added->id; // on the record, as a launch's cluster is
    ok(call, slos->statusJson(added->id).value_or(added->toJson()), Status::Created);
}

void SloRoutes::slo(ApiCall &call)
{
    SloMonitor *slos = sloMonitorOr503(m_supervisor, call);
    if (!slos)
        return;
    const auto one = slos->statusJson(call.parameter(0));
    if (!one)
        return fail(call, Status::NotFound, u"SLO not found"_s, u"no SLO %1"_s.arg(call.parameter(0)));
    ok(call, *one);
}

void SloRoutes::removeSlo(ApiCall &call)
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

} // namespace cdeck
