// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"
#include "core/backend/spark/sparkrestclient.h"
#include "core/dag/dag.h"

namespace cdeck::spark {

// An event log's model in the shapes the REST client reads, so the console shows a log and a live Spark
// server through the same code (the same conversions to clusters, executors and jobs).
SparkAppInfo appInfoOf(const SparkApplication &app);
SparkExecutorInfo executorInfoOf(const SparkExecutor &e);
SparkJobInfo jobInfoOf(const SparkJob &j);
SparkStageInfo stageInfoOf(const SparkStage &s); // with parent ids (parentsKnown) and the executors it ran on

// Fills each stage's jobIds from the jobs' stageIds (the REST API's stage objects name no job).
void assignJobIds(QList<SparkStageInfo> &stages, const QList<SparkJobInfo> &jobs);

// The DAG id of a stage node: "stage-3".
QString stageNodeId(int stageId);

// One job's stage DAG in core/dag's model: a node per stage of the job (its newest attempt), an edge from each
// parent stage to its child, nodes coloured by state (a skipped stage, whose output an earlier job had made, is
// PENDING and says so in its name), tasks by state, bytes written (shuffle write + output), run time summed over
// tasks. Edge bytes are the parent's shuffle write: what its children read. Needs parentsKnown stages (an
// event log): *error says so otherwise and the result is empty.
std::optional<dag::Dag> stageDag(const QList<SparkStageInfo> &stages, const SparkJobInfo &job, QString *error);

// Peak number of executors alive at once over the application's life, from the add/remove time line
// (the driver not counted).
int peakConcurrentExecutors(const SparkApplication &app);

} // namespace cdeck::spark
