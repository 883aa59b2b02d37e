// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"
#include "core/dag/dag.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <optional>

namespace cdeck::spark {

// What the console's first read of an event log leaves out, read again when a page asks: the environment
// (Spark, Hadoop, system and metrics properties, classpath) and the SQL executions with their plans (which need
// every task event's accumulators, a slower replay).
struct EventLogExtras
{
    bool hasEnvironment = false;
    QJsonObject environment; // the History Server's environment answer
    QMap<qint64, SqlExecution> sqlExecutions; // by execution id; empty unless asked for
};

// std::nullopt and *error (translated) when the log cannot be read or the read was cancelled.
std::optional<EventLogExtras> readEventLogExtras(const QString &path, bool withSql, QString *error,
                                                 const std::atomic<bool> *cancel = nullptr);

// The environment as rows: (section, name, value), sections in Spark's order (Runtime, Spark Properties, Resource
// profiles are left out, Hadoop Properties, System Properties, Metrics Properties, Classpath Entries); the
// section names are Spark's (not translated: they are what users search the web for).
struct EnvironmentRow
{
    QString section;
    QString name;
    QString value;
};
QList<EnvironmentRow> environmentRows(const QJsonObject &environment);

// The line a plan operator's card shows under its name: its output rows, then its first other metric with a value
// (totals only), e.g. "1,000 rows · duration: 12 ms"; empty when the log recorded no value for it.
QString sqlOperatorCaption(const SqlExecution &execution, const SqlPlanNode &node);
// An execution's plan as a graph for the DAG view: one node per operator ("node-<id>", named by the operator,
// its WholeStageCodegen cluster in the name), an edge per plan edge (child to parent: the data flows that way),
// the state from the execution's status, each card captioned with its operator's metrics (sqlOperatorCaption).
dag::Dag sqlPlanDag(const SqlExecution &execution);
// A node's metrics as Spark's SQL tab shows them: (metric name, value as Spark formatted it), in plan order.
QList<QPair<QString, QString>> sqlNodeMetrics(const SqlExecution &execution, qint64 nodeId);

} // namespace cdeck::spark
