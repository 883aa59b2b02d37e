// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/eventlogextras.h"

#include "core/backend/spark/eventlogreader.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

std::optional<EventLogExtras> readEventLogExtras(const QString &path, bool withSql, QString *error,
                                                 const std::atomic<bool> *cancel)
{
    EventLogReader::Options options;
    options.cancel = cancel;
    options.sqlExecutions = withSql;
    std::optional<SparkApplication> app = EventLogReader::read(path, error, options);
    if (!app)
        return std::nullopt;
    if (cancel && cancel->load()) {
        *error = QCoreApplication::translate("cdeck::spark::EventLogExtras", "The read was cancelled.");
        return std::nullopt;
    }
    EventLogExtras extras;
    extras.hasEnvironment = app->hasEnvironment;
    extras.environment = app->environment;
    extras.sqlExecutions = std::move(app->sqlExecutions);
    return extras;
}

QList<EnvironmentRow> environmentRows(const QJsonObject &environment)
{
    QList<EnvironmentRow> rows;
    const QJsonObject runtime = environment.value("runtime"_L1).toObject();
    for (const auto &[key, label] :
         {std::pair{"javaVersion"_L1, "Java Version"_L1}, std::pair{"javaHome"_L1, "Java Home"_L1},
          std::pair{"scalaVersion"_L1, "Scala Version"_L1}})
        if (runtime.contains(key))
            rows.append({u"Runtime Information"_s, label, runtime.value(key).toString()});
    for (const auto &[key, section] : {std::pair{"sparkProperties"_L1, "Spark Properties"_L1},
                                       std::pair{"hadoopProperties"_L1, "Hadoop Properties"_L1},
                                       std::pair{"systemProperties"_L1, "System Properties"_L1},
                                       std::pair{"metricsProperties"_L1, "Metrics Properties"_L1},
                                       std::pair{"classpathEntries"_L1, "Classpath Entries"_L1}}) {
        for (const QJsonValue &pair : environment.value(key).toArray()) {
            const QJsonArray kv = pair.toArray();
            rows.append({section, kv.at(0).toString(), kv.at(1).toString()});
        }
    }
    return rows;
}

namespace {

// Spark formats a timing or size metric over tasks as "total (min, med, max (stageId: taskId))\n12 ms (1 ms, 2 ms,
// 5 ms (stage 3.0: task 7))": the total is the first figure of its last line. A plain count is the value itself.
QString metricTotal(const QString &value)
{
    const QString last = value.section(u'\n', -1).trimmed();
    const qsizetype paren = last.indexOf(u" ("_s);
    return paren > 0 ? last.left(paren) : last;
}

} // namespace

QString sqlOperatorCaption(const SqlExecution &execution, const SqlPlanNode &node)
{
    QStringList parts;
    const SqlPlanMetric *rows = nullptr;
    for (const SqlPlanMetric &m : node.metrics)
        if (m.name == "number of output rows"_L1 && execution.metricValues.contains(m.accumulatorId))
            rows = &m;
    if (rows)
        parts.append(QCoreApplication::translate("cdeck::spark::SqlPlan", "%1 rows")
                         .arg(metricTotal(execution.metricValues.value(rows->accumulatorId))));
    for (const SqlPlanMetric &m : node.metrics) {
        if (parts.size() >= 2)
            break;
        const auto it = execution.metricValues.constFind(m.accumulatorId);
        if (&m != rows && it != execution.metricValues.cend())
            parts.append(u"%1: %2"_s.arg(m.name, metricTotal(it.value())));
    }
    return parts.join(u" · "_s);
}

dag::Dag sqlPlanDag(const SqlExecution &execution)
{
    dag::Dag graph;
    graph.setJobId(u"sql-%1"_s.arg(execution.id));
    const QString status = execution.status();
    const dag::NodeState state = status == "FAILED"_L1 ? dag::NodeState::Failed
        : status == "COMPLETED"_L1                     ? dag::NodeState::Completed
                                                       : dag::NodeState::Running;
    for (const SqlPlanNode &n : execution.nodes) {
        dag::DagNode node;
        node.id = u"node-%1"_s.arg(n.id);
        node.name = n.wholeStageCodegenId ? u"%1 (codegen %2)"_s.arg(n.name).arg(*n.wholeStageCodegenId) : n.name;
        node.state = state;
        node.caption = sqlOperatorCaption(execution, n);
        graph.upsertNode(node);
    }
    for (const SqlPlanEdge &e : execution.edges)
        graph.addEdge({u"node-%1"_s.arg(e.fromId), u"node-%1"_s.arg(e.toId), 0});
    return graph;
}

QList<QPair<QString, QString>> sqlNodeMetrics(const SqlExecution &execution, qint64 nodeId)
{
    QList<QPair<QString, QString>> out;
    for (const SqlPlanNode &n : execution.nodes) {
        if (n.id != nodeId)
            continue;
        for (const SqlPlanMetric &m : n.metrics)
            if (const auto it = execution.metricValues.constFind(m.accumulatorId); it != execution.metricValues.cend())
                out.append({m.name, it.value()});
    }
    return out;
}

} // namespace cdeck::spark
