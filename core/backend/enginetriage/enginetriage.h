// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkrestclient.h"
#include "core/backend/yarn/yarnmodel.h"
#include "core/triage/detectors.h"

#include <QHash>
#include <QList>
#include <QString>

// The triage detectors on engines ClusterDeck watches but does not run (Spark, YARN): what their REST APIs
// give, turned into the same ClusterFacts the runtime builds for its own clusters, so the same detectors
// judge them. Pure: the console's feeds call it after each poll; tests call it on recorded answers.
namespace cdeck::enginetriage {

// What one poll of a Spark application read (GET .../executors, .../jobs, .../stages, and the task summaries
// of whichever stages were asked for).
struct SparkSnapshot
{
    QString clusterId; // the application id, as the console names the cluster
    qint64 nowMs = 0;
    QList<spark::SparkExecutorInfo> executors;
    QList<spark::SparkJobInfo> jobs;
    QList<spark::SparkStageInfo> stages;
    QHash<QString, spark::TaskSummary> taskSummaries; // by stageKey()
};
QString stageKey(int stageId, int attemptId); // "3.0"

// One poll of a YARN ResourceManager (GET /ws/v1/cluster/nodes and /apps).
struct YarnSnapshot
{
    QString clusterId; // the RM's cluster id
    qint64 nowMs = 0;
    QList<yarn::YarnNode> nodes;
    QList<yarn::YarnApp> apps;
};

// Spark: executors (an inactive one removed for anything but the driver's own decision is lost), jobs with
// their stages' failure reasons as log lines, every failed stage attempt as a failed run of that stage (a stage
// failing attempt after attempt is a retry storm), each summarised stage's task durations (Spark's quantiles,
// the highest standing for the slowest task) as a task group.
triage::ClusterFacts sparkFacts(const SparkSnapshot &snapshot);
// YARN: NodeManagers as executors (LOST, UNHEALTHY, REBOOTED ones lost, at their last health report),
// applications as jobs with their diagnostics as log lines.
triage::ClusterFacts yarnFacts(const YarnSnapshot &snapshot);

// The detectors these facts can feed (executor_lost, shuffle_skew, permission_denied, retry_storm: no metric
// series or worker logs come from these engines), each incident with its id, cluster and runbook.
triage::IncidentList detectOnEngine(const triage::ClusterFacts &facts, const triage::Thresholds &t = {});

} // namespace cdeck::enginetriage
