// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// ApiServer's reads of the supervisor for what the role alone does not settle: a scientist's quotas
// (accessguards.h holds the pure rules).
#include "apiserver.h"

#include "core/runtime/apicall.h"
#include "core/runtime/clustercontroller.h"
#include "core/runtime/costbook.h"
#include "core/runtime/supervisor.h"
#include "core/store/securitystore.h"

using namespace Qt::StringLiterals;

namespace cdeck {

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

} // namespace cdeck
