// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/yarn/yarnmodel.h"

#include "core/model/jsonutil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QtNumeric>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {
// Text::tr, not a free tr(): lupdate takes the context from Q_DECLARE_TR_FUNCTIONS at every call,
// where a free function would be filed under each caller's namespace or class and never match.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::yarn::YarnModel)
};
} // namespace

namespace cdeck::yarn {

namespace {

constexpr qint64 kMiB = 1024 * 1024;

// A sum of MiB figures in bytes, saturated: a hostile or broken answer can carry any 64-bit number, and an overflow
// would be undefined behaviour (found by the yarnjson fuzz target: 9223372036854775807 MiB).
qint64 mibToBytes(qint64 a, qint64 b = 0)
{
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    qint64 sum = 0;
    if (qAddOverflow(a, b, &sum))
        return a > 0 ? kMax : kMin;
    qint64 bytes = 0;
    if (qMulOverflow(sum, kMiB, &bytes))
        return sum > 0 ? kMax : kMin;
    return bytes;
}

// Numbers may come as strings (the container examples print "1536") or as "NaN" (the Fifo example): both read.
double real(const QJsonObject &o, QLatin1StringView key, double fallback = 0)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().toDouble(&ok);
        if (ok && !std::isnan(d))
            return d;
    }
    return fallback;
}

qint64 num(const QJsonObject &o, QLatin1StringView key, qint64 fallback = 0)
{
    return json::saturatingInteger(real(o, key, double(fallback)), fallback);
}

int int32(const QJsonObject &o, QLatin1StringView key) { return int(num(o, key)); }

// Ids such as clusterInfo.id and app.clusterId are printed as numbers; keep them as text without a ".0".
QString text(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return QString::number(json::saturatingInteger(v.toDouble()));
    return v.toString();
}

// YARN uses 0 for "not yet" (finishedTime of a running app): no date, rather than 1970.
QDateTime msTime(const QJsonObject &o, QLatin1StringView key)
{
    const qint64 ms = num(o, key);
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

std::optional<QJsonObject> member(const QJsonValue &body, QLatin1StringView key, QString *error)
{
    const QJsonValue v = body.toObject().value(key);
    if (!v.isObject()) {
        *error = Text::tr("expected an object \"%1\" in the ResourceManager's answer").arg(key);
        return std::nullopt;
    }
    return v.toObject();
}

// {"apps": {"app": [...]}}: the RM prints {"apps": null} or {"apps": {}} when there is nothing, and old
// Jersey versions print a lone element as an object instead of a one-element array.
std::optional<QList<QJsonObject>> collection(const QJsonValue &body, QLatin1StringView outer, QLatin1StringView inner,
                                             QString *error)
{
    const QJsonObject root = body.toObject();
    if (!body.isObject() || !root.contains(outer)) {
        *error = Text::tr("expected \"%1\" in the ResourceManager's answer").arg(outer);
        return std::nullopt;
    }
    const QJsonValue wrapper = root.value(outer);
    QList<QJsonObject> out;
    if (wrapper.isNull())
        return out;
    if (!wrapper.isObject()) {
        *error = Text::tr("expected an object \"%1\" in the ResourceManager's answer").arg(outer);
        return std::nullopt;
    }
    const QJsonValue items = wrapper.toObject().value(inner);
    if (items.isObject()) {
        out.append(items.toObject());
        return out;
    }
    if (items.isUndefined() || items.isNull())
        return out;
    if (!items.isArray()) {
        *error = Text::tr("expected a list \"%1\" in the ResourceManager's answer").arg(inner);
        return std::nullopt;
    }
    for (const QJsonValue &v : items.toArray()) {
        if (!v.isObject()) {
            *error = Text::tr("expected objects in the ResourceManager's \"%1\" list").arg(inner);
            return std::nullopt;
        }
        out.append(v.toObject());
    }
    return out;
}

YarnNode nodeFrom(const QJsonObject &o)
{
    YarnNode n;
    n.id = text(o, "id"_L1);
    n.rack = text(o, "rack"_L1);
    n.state = text(o, "state"_L1);
    n.hostName = text(o, "nodeHostName"_L1);
    n.httpAddress = text(o, "nodeHTTPAddress"_L1);
    n.lastHealthUpdate = msTime(o, "lastHealthUpdate"_L1);
    n.version = text(o, "version"_L1);
    n.healthReport = text(o, "healthReport"_L1);
    n.numContainers = int32(o, "numContainers"_L1);
    n.usedMemoryMB = num(o, "usedMemoryMB"_L1);
    n.availMemoryMB = num(o, "availMemoryMB"_L1);
    n.usedVirtualCores = int32(o, "usedVirtualCores"_L1);
    n.availableVirtualCores = int32(o, "availableVirtualCores"_L1);
    const QJsonObject util = o.value("resourceUtilization"_L1).toObject();
    n.physicalMemoryMB = num(util, "nodePhysicalMemoryMB"_L1, -1);
    n.cpuUsage = real(util, "nodeCPUUsage"_L1, -1);
    return n;
}

YarnApp appFrom(const QJsonObject &o)
{
    YarnApp a;
    a.id = text(o, "id"_L1);
    a.user = text(o, "user"_L1);
    a.name = text(o, "name"_L1);
    a.queue = text(o, "queue"_L1);
    a.state = text(o, "state"_L1);
    a.finalStatus = text(o, "finalStatus"_L1);
    a.progress = real(o, "progress"_L1);
    a.trackingUI = text(o, "trackingUI"_L1);
    a.trackingUrl = text(o, "trackingUrl"_L1);
    a.diagnostics = text(o, "diagnostics"_L1);
    a.clusterId = text(o, "clusterId"_L1);
    a.applicationType = text(o, "applicationType"_L1);
    for (const QString &tag : text(o, "applicationTags"_L1).split(u',', Qt::SkipEmptyParts))
        a.applicationTags.append(tag.trimmed());
    a.priority = int32(o, "priority"_L1); // documented as a string, printed as a number: num() takes both
    a.startedTime = msTime(o, "startedTime"_L1);
    a.launchTime = msTime(o, "launchTime"_L1);
    a.finishedTime = msTime(o, "finishedTime"_L1);
    a.elapsedMs = num(o, "elapsedTime"_L1);
    a.amHostHttpAddress = text(o, "amHostHttpAddress"_L1);
    a.amContainerLogs = text(o, "amContainerLogs"_L1);
    a.allocatedMB = num(o, "allocatedMB"_L1);
    a.allocatedVCores = int32(o, "allocatedVCores"_L1);
    a.runningContainers = int32(o, "runningContainers"_L1);
    a.memorySeconds = num(o, "memorySeconds"_L1);
    a.vcoreSeconds = num(o, "vcoreSeconds"_L1);
    return a;
}

} // namespace

std::optional<YarnClusterInfo> parseClusterInfo(const QJsonValue &body, QString *error)
{
    const auto o = member(body, "clusterInfo"_L1, error);
    if (!o)
        return std::nullopt;
    YarnClusterInfo i;
    i.id = text(*o, "id"_L1);
    i.startedOn = msTime(*o, "startedOn"_L1);
    i.state = text(*o, "state"_L1);
    i.haState = text(*o, "haState"_L1);
    i.resourceManagerVersion = text(*o, "resourceManagerVersion"_L1);
    i.resourceManagerVersionBuiltOn = text(*o, "resourceManagerVersionBuiltOn"_L1);
    i.hadoopVersion = text(*o, "hadoopVersion"_L1);
    i.hadoopVersionBuiltOn = text(*o, "hadoopVersionBuiltOn"_L1);
    i.haZooKeeperConnectionState = text(*o, "haZooKeeperConnectionState"_L1);
    return i;
}

std::optional<YarnClusterMetrics> parseClusterMetrics(const QJsonValue &body, QString *error)
{
    const auto o = member(body, "clusterMetrics"_L1, error);
    if (!o)
        return std::nullopt;
    YarnClusterMetrics m;
    m.appsSubmitted = int32(*o, "appsSubmitted"_L1);
    m.appsCompleted = int32(*o, "appsCompleted"_L1);
    m.appsPending = int32(*o, "appsPending"_L1);
    m.appsRunning = int32(*o, "appsRunning"_L1);
    m.appsFailed = int32(*o, "appsFailed"_L1);
    m.appsKilled = int32(*o, "appsKilled"_L1);
    m.reservedMB = num(*o, "reservedMB"_L1);
    m.availableMB = num(*o, "availableMB"_L1);
    m.allocatedMB = num(*o, "allocatedMB"_L1);
    m.totalMB = num(*o, "totalMB"_L1);
    m.reservedVirtualCores = int32(*o, "reservedVirtualCores"_L1);
    m.availableVirtualCores = int32(*o, "availableVirtualCores"_L1);
    m.allocatedVirtualCores = int32(*o, "allocatedVirtualCores"_L1);
    m.totalVirtualCores = int32(*o, "totalVirtualCores"_L1);
    m.containersAllocated = int32(*o, "containersAllocated"_L1);
    m.containersReserved = int32(*o, "containersReserved"_L1);
    m.containersPending = int32(*o, "containersPending"_L1);
    m.totalNodes = int32(*o, "totalNodes"_L1);
    m.activeNodes = int32(*o, "activeNodes"_L1);
    m.lostNodes = int32(*o, "lostNodes"_L1);
    m.unhealthyNodes = int32(*o, "unhealthyNodes"_L1);
    m.decommissioningNodes = int32(*o, "decommissioningNodes"_L1);
    m.decommissionedNodes = int32(*o, "decommissionedNodes"_L1);
    m.rebootedNodes = int32(*o, "rebootedNodes"_L1);
    m.shutdownNodes = int32(*o, "shutdownNodes"_L1);
    return m;
}

std::optional<QList<YarnNode>> parseNodes(const QJsonValue &body, QString *error)
{
    const auto items = collection(body, "nodes"_L1, "node"_L1, error);
    if (!items)
        return std::nullopt;
    QList<YarnNode> out;
    out.reserve(items->size());
    for (const QJsonObject &o : *items)
        out.append(nodeFrom(o));
    return out;
}

std::optional<YarnNode> parseNode(const QJsonValue &body, QString *error)
{
    const auto o = member(body, "node"_L1, error);
    return o ? std::optional(nodeFrom(*o)) : std::nullopt;
}

std::optional<QList<YarnApp>> parseApps(const QJsonValue &body, QString *error)
{
    const auto items = collection(body, "apps"_L1, "app"_L1, error);
    if (!items)
        return std::nullopt;
    QList<YarnApp> out;
    out.reserve(items->size());
    for (const QJsonObject &o : *items)
        out.append(appFrom(o));
    return out;
}

std::optional<YarnApp> parseApp(const QJsonValue &body, QString *error)
{
    const auto o = member(body, "app"_L1, error);
    return o ? std::optional(appFrom(*o)) : std::nullopt;
}

std::optional<QString> parseAppState(const QJsonValue &body, QString *error)
{
    const QJsonValue state = body.toObject().value("state"_L1);
    if (!state.isString() || state.toString().isEmpty()) {
        *error = Text::tr("expected \"state\" in the ResourceManager's answer");
        return std::nullopt;
    }
    return state.toString();
}

QString parseRemoteException(const QJsonValue &body)
{
    const QJsonObject e = body.toObject().value("RemoteException"_L1).toObject();
    const QString exception = e.value("exception"_L1).toString();
    const QString message = e.value("message"_L1).toString();
    if (exception.isEmpty())
        return message;
    return message.isEmpty() ? exception : exception + u": "_s + message;
}

ClusterInfo toClusterInfo(const YarnCluster &cluster, const QString &name, const QString &rmUrl)
{
    const YarnClusterInfo &i = cluster.info;
    const YarnClusterMetrics &m = cluster.metrics;
    ClusterInfo c;
    c.id = i.id;
    c.spec.name = name;
    c.spec.workers = m.totalNodes;
    if (!i.hadoopVersion.isEmpty())
        c.spec.tags.insert(u"hadoop-version"_s, i.hadoopVersion);
    if (i.state == "STARTED"_L1 && (i.haState == "ACTIVE"_L1 || i.haState.isEmpty())) {
        // EMR's words: RUNNING while steps run, WAITING when idle.
        c.state = m.appsRunning > 0 ? ClusterState::Running : ClusterState::Waiting;
        c.readyAt = i.startedOn;
    } else if (i.state == "STARTED"_L1 && i.haState == "STANDBY"_L1) {
        // A standby RM answers but schedules nothing: the user pointed the console at the wrong one of the pair.
        c.state = ClusterState::Waiting;
        c.stateReason = Text::tr("standby ResourceManager: the active one of the HA pair runs the applications");
    } else if (i.state == "STOPPED"_L1 || i.haState == "STOPPED"_L1) {
        c.state = ClusterState::Terminated;
    } else {
        c.state = ClusterState::Starting; // NOTINITED, INITED, or an HA state still INITIALIZING
        c.stateReason = Text::tr("ResourceManager state %1, HA state %2").arg(i.state, i.haState);
    }
    c.createdAt = i.startedOn;
    c.stateChangedAt = i.startedOn;
    c.dashboardUrl = rmUrl;
    c.runningWorkers = m.activeNodes;
    c.activeJobs = m.appsRunning + m.appsPending; // as the runtime counts: not yet finished
    return c;
}

ExecutorStatus executorStatus(const QString &nodeState)
{
    if (nodeState == "RUNNING"_L1)
        return ExecutorStatus::Running;
    if (nodeState == "NEW"_L1)
        return ExecutorStatus::Starting;
    if (nodeState == "DECOMMISSIONING"_L1)
        return ExecutorStatus::Retiring;
    // SHUTDOWN is an NM stopped on purpose, like a decommission.
    if (nodeState == "DECOMMISSIONED"_L1 || nodeState == "SHUTDOWN"_L1)
        return ExecutorStatus::Retired;
    // LOST, UNHEALTHY, REBOOTED (the RM told a stale NM to resync: its containers are gone), and anything newer.
    return ExecutorStatus::Lost;
}

Executor toExecutor(const YarnNode &node)
{
    Executor x;
    x.id = node.id;
    x.status = executorStatus(node.state);
    // executor.h: no address once gone. An UNHEALTHY node still serves its NM pages, but runs nothing new.
    x.address = isGone(x.status) && node.state != "UNHEALTHY"_L1 ? QString() : node.httpAddress;
    if (x.status != ExecutorStatus::Running)
        x.statusReason
            = node.healthReport.isEmpty() ? Text::tr("YARN node state %1").arg(node.state) : node.healthReport;
    x.threads = node.usedVirtualCores + node.availableVirtualCores;
    // YARN counts allocation to containers, not use: the limit is what the NM offers, "managed" what is granted.
    x.memoryLimitBytes = mibToBytes(node.usedMemoryMB, node.availMemoryMB);
    x.memoryManagedBytes = mibToBytes(node.usedMemoryMB);
    x.tasksExecuting = node.numContainers;
    if (node.cpuUsage >= 0)
        x.cpuPercent = node.cpuUsage * 100; // vcores busy, so 100 per core as for a worker process
    x.updatedAt = node.lastHealthUpdate;
    return x;
}

JobState jobState(const QString &state, const QString &finalStatus)
{
    if (state == "NEW"_L1 || state == "NEW_SAVING"_L1 || state == "SUBMITTED"_L1 || state == "ACCEPTED"_L1)
        return JobState::Pending;
    if (state == "RUNNING"_L1)
        return JobState::Running;
    if (state == "FAILED"_L1)
        return JobState::Failed;
    if (state == "KILLED"_L1)
        return JobState::Cancelled;
    if (state == "FINISHED"_L1) {
        // The AM's own verdict: FINISHED means it unregistered, not that it succeeded.
        if (finalStatus == "SUCCEEDED"_L1)
            return JobState::Completed;
        if (finalStatus == "FAILED"_L1)
            return JobState::Failed;
        if (finalStatus == "KILLED"_L1)
            return JobState::Cancelled;
    }
    return JobState::Interrupted; // FINISHED without a verdict, or a state newer than this code
}

Job toJob(const YarnApp &app)
{
    Job j;
    j.id = app.id;
    j.clusterId = app.clusterId;
    j.name = app.name.isEmpty() ? app.id : app.name;
    j.state = jobState(app.state, app.finalStatus);
    if (j.state != JobState::Completed)
        j.stateReason = app.diagnostics.trimmed();
    if (j.state == JobState::Interrupted && j.stateReason.isEmpty())
        j.stateReason = Text::tr("YARN state %1, final status %2").arg(app.state, app.finalStatus);
    j.submittedAt = app.startedTime; // YARN's startedTime is when the RM accepted the submission
    if (app.launchTime.isValid())
        j.startedAt = app.launchTime;
    else if (j.state != JobState::Pending) // older RMs have no launchTime: submission is the best we know
        j.startedAt = app.startedTime;
    j.endedAt = app.finishedTime;
    return j;
}

} // namespace cdeck::yarn
