// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>
#include <vector>

namespace cdeck::spark::historytasks {

// The History Server's task queries over one stage attempt's tasks, with its orderings and quantile rule.

enum class TaskSorting { Id, IncreasingRuntime, DecreasingRuntime };

// Spark's sortBy values: ID, runtime / INCREASING_RUNTIME, -runtime / DECREASING_RUNTIME (case-insensitive).
std::optional<TaskSorting> parseSorting(const QString &text);

// statuses: upper-case status names (SUCCESS, FAILED, ...); empty keeps every task.
std::vector<const SparkTask *> taskList(const std::vector<SparkTask> &tasks, TaskSorting sorting,
                                        const QStringList &statuses, qint64 offset, qint64 length);

// The taskSummary answer: per metric, the values of the successful tasks at each quantile (sorted), as Spark
// picks them (index min(q * count, count - 1) into the sorted values). std::nullopt when no task succeeded.
std::optional<QJsonObject> taskSummary(const std::vector<SparkTask> &tasks, QList<double> quantiles,
                                       qint64 lastUpdated);

// Spark's getQuantilesValue: sorted values picked at min(q * count, count - 1); zeros when there are none.
QJsonArray quantileValues(std::vector<double> values, const QList<double> &sortedQuantiles);

// withSummaries' executorMetricsDistributions: quantiles over the stage's per-executor summaries (task time,
// task counts, bytes and records, spills, and each peak memory metric). std::nullopt without executors.
std::optional<QJsonObject> executorDistributions(const SparkStage &stage, QList<double> quantiles);

} // namespace cdeck::spark::historytasks
