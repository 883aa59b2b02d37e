// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"

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

} // namespace cdeck::spark::historytasks
