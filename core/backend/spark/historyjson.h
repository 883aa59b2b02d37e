// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cdeck::spark {

// The JSON objects Spark's History Server serves under /api/v1, built from the model. Optional values that
// are absent are left out, as Spark's Jackson settings do.
namespace historyjson {

QString date(qint64 epochMs); // "2015-02-03T16:43:05.829GMT"
QJsonObject attempt(const SparkAttempt &a);
// attempts: newest start first, as Spark lists them.
QJsonObject application(const QString &id, const QString &name, const QList<SparkAttempt> &attempts);
QJsonObject job(const SparkJob &j);
QJsonObject stage(const SparkStage &s, bool withExecutorSummary);
QJsonObject executor(const SparkExecutor &e);
QJsonObject peakMetrics(const PeakMetrics &m);
QJsonArray accumulables(const QList<SparkAccumulable> &list);
QJsonObject taskMetrics(const TaskMetricSums &m);
// Spark's TaskData: executorLogs are the task's executor's; lastUpdated times a task that never ended.
QJsonObject task(const SparkTask &t, const QMap<QString, QString> &executorLogs, qint64 lastUpdated);
qint64 taskDuration(const SparkTask &t, qint64 lastUpdated);
qint64 gettingResultTime(const SparkTask &t, qint64 duration);
qint64 schedulerDelay(const SparkTask &t, qint64 duration);
QJsonObject process(const SparkProcess &p);
QJsonObject rdd(const SparkRdd &r, const QMap<QString, SparkExecutor> &executors);
// Spark's ExecutionData: details adds nodes and edges, planDescription the physical plan's text; now times a
// running execution.
QJsonObject sqlExecution(const SqlExecution &x, bool details, bool planDescription, qint64 now);

} // namespace historyjson

} // namespace cdeck::spark
