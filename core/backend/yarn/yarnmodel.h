// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/model/job.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cdeck::yarn {

// /ws/v1/cluster/info. The ...BuiltOn fields stay text: the doc calls them ms timestamps, real RMs print dates.
struct YarnClusterInfo
{
    QString id; // the RM's cluster timestamp, also every app's clusterId
    QDateTime startedOn;
    QString state; // NOTINITED, INITED, STARTED, STOPPED
    QString haState; // INITIALIZING, ACTIVE, STANDBY, STOPPED
    QString resourceManagerVersion;
    QString resourceManagerVersionBuiltOn;
    QString hadoopVersion;
    QString hadoopVersionBuiltOn;
    QString haZooKeeperConnectionState;
};

// /ws/v1/cluster/metrics. Memory in MB as YARN counts it (allocation, not use).
struct YarnClusterMetrics
{
    int appsSubmitted = 0;
    int appsCompleted = 0;
    int appsPending = 0;
    int appsRunning = 0;
    int appsFailed = 0;
    int appsKilled = 0;
    qint64 reservedMB = 0;
    qint64 availableMB = 0;
    qint64 allocatedMB = 0;
    qint64 totalMB = 0;
    int reservedVirtualCores = 0;
    int availableVirtualCores = 0;
    int allocatedVirtualCores = 0;
    int totalVirtualCores = 0;
    int containersAllocated = 0;
    int containersReserved = 0;
    int containersPending = 0;
    int totalNodes = 0;
    int activeNodes = 0;
    int lostNodes = 0;
    int unhealthyNodes = 0;
    int decommissioningNodes = 0;
    int decommissionedNodes = 0;
    int rebootedNodes = 0;
    int shutdownNodes = 0;
};

// One NodeManager from /ws/v1/cluster/nodes or /nodes/{id}.
struct YarnNode
{
    QString id; // host:port of the NM's RPC address
    QString rack;
    QString state; // NEW, RUNNING, UNHEALTHY, DECOMMISSIONING, DECOMMISSIONED, LOST, REBOOTED, SHUTDOWN
    QString hostName;
    QString httpAddress; // nodeHTTPAddress, host:8042
    QDateTime lastHealthUpdate;
    QString version;
    QString healthReport;
    int numContainers = 0;
    qint64 usedMemoryMB = 0;
    qint64 availMemoryMB = 0;
    int usedVirtualCores = 0;
    int availableVirtualCores = 0;
    qint64 physicalMemoryMB = -1; // resourceUtilization.nodePhysicalMemoryMB; -1 when not reported
    double cpuUsage = -1; // resourceUtilization.nodeCPUUsage (vcores busy); -1 when not reported
};

// One application from /ws/v1/cluster/apps or /apps/{id}.
struct YarnApp
{
    QString id;
    QString user;
    QString name;
    QString queue;
    QString state; // NEW, NEW_SAVING, SUBMITTED, ACCEPTED, RUNNING, FINISHED, FAILED, KILLED
    QString finalStatus; // UNDEFINED, SUCCEEDED, FAILED, KILLED
    double progress = 0; // percent
    QString trackingUI;
    QString trackingUrl; // the RM proxy to a running Spark UI, or the history link
    QString diagnostics;
    QString clusterId;
    QString applicationType; // SPARK, MAPREDUCE, ...
    QStringList applicationTags; // YARN sends one comma-separated string
    int priority = 0;
    QDateTime startedTime; // submission, in YARN's words
    QDateTime launchTime; // AM launched; newer RMs only
    QDateTime finishedTime; // invalid while running (YARN sends 0)
    qint64 elapsedMs = 0;
    QString amHostHttpAddress;
    QString amContainerLogs;
    qint64 allocatedMB = 0; // -1 once finished
    int allocatedVCores = 0;
    int runningContainers = 0;
    qint64 memorySeconds = 0; // MB-seconds
    qint64 vcoreSeconds = 0;
};

// info and metrics together: what the console shows as one cluster.
struct YarnCluster
{
    YarnClusterInfo info;
    YarnClusterMetrics metrics;
};

// Pure parsers of ResourceManager answers (tested on the Hadoop doc's examples). nullopt and *error when the
// body is not the expected shape; unknown keys are ignored, as the field set grows with Hadoop releases.
std::optional<YarnClusterInfo> parseClusterInfo(const QJsonValue &body, QString *error);
std::optional<YarnClusterMetrics> parseClusterMetrics(const QJsonValue &body, QString *error);
std::optional<QList<YarnNode>> parseNodes(const QJsonValue &body, QString *error); // {"nodes":{"node":[...]}}
std::optional<YarnNode> parseNode(const QJsonValue &body, QString *error); // {"node":{...}}
std::optional<QList<YarnApp>> parseApps(const QJsonValue &body, QString *error); // {"apps":{"app":[...]}}
std::optional<YarnApp> parseApp(const QJsonValue &body, QString *error); // {"app":{...}}
std::optional<QString> parseAppState(const QJsonValue &body, QString *error); // {"state":"KILLED"}
// "NotFoundException: java.lang.Exception: app with id ... not found", or "" when body is no RemoteException.
QString parseRemoteException(const QJsonValue &body);

// Into the console's model: the RM is a cluster, NodeManagers are its executors, applications its jobs.
// rmUrl becomes the cluster's dashboard link; name its display name (the RM has none of its own).
ClusterInfo toClusterInfo(const YarnCluster &cluster, const QString &name, const QString &rmUrl);
ExecutorStatus executorStatus(const QString &nodeState);
Executor toExecutor(const YarnNode &node);
JobState jobState(const QString &state, const QString &finalStatus);
Job toJob(const YarnApp &app);

} // namespace cdeck::yarn
