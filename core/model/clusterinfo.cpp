// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusterinfo.h"

#include "jsonutil.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cdeck {

QJsonObject ClusterInfo::toJson(bool withHistory) const
{
    // The spec's fields are flattened into the cluster object, as EMR's DescribeCluster does.
    QJsonObject o = spec.toJson();
    o.insert(u"id"_s, id);
    o.insert(u"state"_s, toString(state));
    o.insert(u"stateReason"_s, stateReason);
    o.insert(u"stateChangedAt"_s, json::fromDateTime(stateChangedAt));
    o.insert(u"createdAt"_s, json::fromDateTime(createdAt));
    o.insert(u"readyAt"_s, json::fromDateTime(readyAt));
    o.insert(u"endedAt"_s, json::fromDateTime(endedAt));
    o.insert(u"schedulerAddress"_s, schedulerAddress);
    o.insert(u"dashboardUrl"_s, dashboardUrl);
    o.insert(u"runningWorkers"_s, runningWorkers);
    o.insert(u"capacityReason"_s, capacityReason);
    o.insert(u"activeJobs"_s, activeJobs);
    if (!owner.isEmpty())
        o.insert(u"owner"_s, owner);
    if (withHistory) {
        QJsonArray h;
        for (const StateChange &c : history)
            h.append(c.toJson());
        o.insert(u"stateHistory"_s, h);
    }
    return o;
}

ClusterInfo ClusterInfo::fromJson(const QJsonObject &o)
{
    ClusterInfo c;
    QList<FieldError> ignored; // the runtime's own output: lenient, extra fields are expected
    QJsonObject specPart;
    for (const char *key : {"name", "engine", "workers", "instanceType", "market", "idleTimeoutSeconds",
                            "terminationProtection", "tags", "scaling", "spot", "bootstrapActions"})
        if (o.contains(QLatin1StringView(key)))
            specPart.insert(QLatin1StringView(key), o.value(QLatin1StringView(key)));
    c.spec = ClusterSpec::fromJson(specPart, &ignored);
    c.id = o.value(u"id"_s).toString();
    c.state = clusterStateFromString(o.value(u"state"_s).toString()).value_or(ClusterState::TerminatedWithErrors);
    c.stateReason = o.value(u"stateReason"_s).toString();
    c.stateChangedAt = json::toDateTime(o.value(u"stateChangedAt"_s));
    c.createdAt = json::toDateTime(o.value(u"createdAt"_s));
    c.readyAt = json::toDateTime(o.value(u"readyAt"_s));
    c.endedAt = json::toDateTime(o.value(u"endedAt"_s));
    c.schedulerAddress = o.value(u"schedulerAddress"_s).toString();
    c.dashboardUrl = o.value(u"dashboardUrl"_s).toString();
    c.runningWorkers = o.value(u"runningWorkers"_s).toInt();
    c.capacityReason = o.value(u"capacityReason"_s).toString();
    c.activeJobs = o.value(u"activeJobs"_s).toInt();
    c.owner = o.value(u"owner"_s).toString();
    for (const QJsonValue &v : o.value(u"stateHistory"_s).toArray())
        c.history.append(StateChange::fromJson(v.toObject()));
    return c;
}

} // namespace cdeck
