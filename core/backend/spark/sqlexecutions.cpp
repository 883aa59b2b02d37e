// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/sqlexecutions.h"

#include "core/backend/spark/sparkmodelbuilder.h"
#include "core/backend/spark/sqlmetricvalues.h"

#include "core/model/jsonutil.h"

#include <QJsonArray>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

namespace {

qint64 integer(const QJsonValue &v, qint64 fallback = 0)
{
    if (v.isDouble())
        return clampEventLogInteger(json::saturatingInteger(v.toDouble()));
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? clampEventLogInteger(n) : fallback;
    }
    return fallback;
}

// An accumulator's update as Spark reads it back from a log: SQL metrics are logged as text.
std::optional<qint64> accumulatorUpdate(const QJsonObject &acc)
{
    const QJsonValue v = acc.value("Update"_L1);
    if (v.isDouble())
        return clampEventLogInteger(json::saturatingInteger(v.toDouble()));
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return clampEventLogInteger(n);
    }
    return std::nullopt;
}

QList<SqlPlanMetric> metricsOf(const QJsonArray &list)
{
    QList<SqlPlanMetric> out;
    for (const QJsonValue &v : list) {
        const QJsonObject m = v.toObject();
        out.append(
            {m.value("name"_L1).toString(), integer(m.value("accumulatorId"_L1)), m.value("metricType"_L1).toString()});
    }
    return out;
}

// Spark's SparkPlanInfo equality (name, simple string and children; metrics left out), as a key: it finds the
// exchanges and subqueries a plan reuses.
QString planKey(const QJsonObject &info)
{
    QString key = info.value("nodeName"_L1).toString() + u'\x1f' + info.value("simpleString"_L1).toString() + u'[';
    for (const QJsonValue &c : info.value("children"_L1).toArray())
        key += planKey(c.toObject()) + u'\x1e';
    return key + u']';
}

// Spark's SparkPlanGraph: operators become nodes, WholeStageCodegen a cluster around the operators it fused;
// adapters and query stages are looked through; reused exchanges and subqueries point at the original.
class PlanGraphBuilder
{
public:
    QList<SqlPlanNode> nodes;
    QList<SqlPlanEdge> edges;

    void build(const QJsonObject &info, std::optional<qint64> parent, std::optional<qint64> cluster, bool inCluster)
    {
        const QString name = info.value("nodeName"_L1).toString();
        const QJsonArray children = info.value("children"_L1).toArray();
        auto first = [&] { return children.first().toObject(); };
        if (name.startsWith("WholeStageCodegen"_L1)) {
            const qint64 id = m_next++;
            nodes.append({id, name, metricsOf(info.value("metrics"_L1).toArray()), std::nullopt});
            if (!children.isEmpty())
                build(first(), parent, codegenId(name.trimmed()), true);
        } else if (name == "InputAdapter"_L1) {
            if (!children.isEmpty())
                build(first(), parent, std::nullopt, false);
        } else if (name == "BroadcastQueryStage"_L1 || name == "ShuffleQueryStage"_L1) {
            if (children.isEmpty())
                return;
            if (m_exchanges.contains(planKey(first())))
                edge(m_exchanges.value(planKey(first())), parent);
            else
                build(first(), parent, std::nullopt, false);
        } else if (name == "TableCacheQueryStage"_L1 || name == "ResultQueryStage"_L1) {
            if (!children.isEmpty())
                build(first(), parent, std::nullopt, false);
        } else if (name == "Subquery"_L1 && inCluster) {
            build(info, parent, std::nullopt, false); // a subquery is never part of a codegen stage
        } else if (name == "Subquery"_L1 && m_exchanges.contains(planKey(info))) {
            edge(m_exchanges.value(planKey(info)), parent);
        } else if (name == "ReusedSubquery"_L1) {
            if (!children.isEmpty())
                build(first(), parent, cluster, inCluster);
        } else if (name == "ReusedExchange"_L1 && !children.isEmpty() && m_exchanges.contains(planKey(first()))) {
            edge(m_exchanges.value(planKey(first())), parent);
        } else {
            const qint64 id = m_next++;
            nodes.append({id, name, metricsOf(info.value("metrics"_L1).toArray()), inCluster ? cluster : std::nullopt});
            if (name.contains("Exchange"_L1) || name == "Subquery"_L1)
                m_exchanges.insert(planKey(info), id);
            edge(id, parent);
            for (const QJsonValue &c : children)
                build(c.toObject(), id, cluster, inCluster);
        }
    }

private:
    void edge(qint64 from, std::optional<qint64> to)
    {
        if (to)
            edges.append({from, *to});
    }
    // "WholeStageCodegen (3)" -> 3
    static std::optional<qint64> codegenId(const QString &clusterName)
    {
        const qsizetype prefix = qsizetype(qstrlen("WholeStageCodegen ("));
        bool ok = false;
        const qint64 id = clusterName.mid(prefix, clusterName.size() - prefix - 1).toLongLong(&ok);
        return ok ? std::optional<qint64>(id) : std::nullopt;
    }

    qint64 m_next = 0;
    QHash<QString, qint64> m_exchanges;
};

// A node of Scala's hash trie (CHAMP): the keys whose hash bits so far are unique sit in the node, in bit
// order; the others go one level down, each group after all of the node's own keys.
void champOrder(QList<int> keys, int shift, QList<int> *out)
{
    if (keys.size() == 1 || shift >= 32) {
        std::sort(keys.begin(), keys.end());
        *out += keys;
        return;
    }
    auto hash = [](int k) { return quint32(k) ^ (quint32(k) >> 16); }; // Scala's improveHash of Int.##
    QMap<quint32, QList<int>> byFragment;
    for (int k : std::as_const(keys))
        byFragment[(hash(k) >> shift) & 31u].append(k);
    for (const QList<int> &group : std::as_const(byFragment)) {
        if (group.size() == 1)
            out->append(group.first());
    }
    for (const QList<int> &group : std::as_const(byFragment)) {
        if (group.size() > 1)
            champOrder(group, shift + 5, out);
    }
}

} // namespace

QList<int> scalaIterationOrder(const QList<int> &insertionOrder)
{
    if (insertionOrder.size() <= 4)
        return insertionOrder;
    QList<int> out;
    champOrder(insertionOrder, 0, &out);
    return out;
}

SqlExecutionTracker::LiveExecution &SqlExecutionTracker::execution(qint64 id)
{
    auto it = m_live.find(id);
    if (it == m_live.end()) {
        it = m_live.emplace(id, LiveExecution()).first;
        it->second.data.id = id;
    }
    return it->second;
}

void SqlExecutionTracker::onEvent(const QString &type, const QJsonObject &e)
{
    if (type == "SparkListenerTaskEnd"_L1)
        return onTaskEnd(e);
    if (type == "SparkListenerTaskStart"_L1)
        return onTaskStart(e);
    if (type == "SparkListenerJobStart"_L1)
        return onJobStart(e);
    if (type == "SparkListenerJobEnd"_L1)
        return onJobEnd(e);
    if (type == "SparkListenerStageSubmitted"_L1)
        return onStageSubmitted(e);
    if (type == "SparkListenerExecutorMetricsUpdate"_L1)
        return onMetricsUpdate(e);
    if (!type.startsWith("org.apache.spark.sql.execution.ui."_L1))
        return;
    const QString name = type.mid(type.lastIndexOf(u'.') + 1);
    if (name == "SparkListenerSQLExecutionStart"_L1) {
        onExecutionStart(e);
    } else if (name == "SparkListenerSQLAdaptiveExecutionUpdate"_L1) {
        onPlanUpdate(e);
    } else if (name == "SparkListenerSQLAdaptiveSQLMetricUpdates"_L1) {
        const auto it = m_live.find(integer(e.value("executionId"_L1)));
        if (it != m_live.end())
            addMetrics(it->second, metricsOf(e.value("sqlPlanMetrics"_L1).toArray()));
    } else if (name == "SparkListenerSQLExecutionEnd"_L1) {
        onExecutionEnd(e);
    } else if (name == "SparkListenerDriverAccumUpdates"_L1) {
        const auto it = m_live.find(integer(e.value("executionId"_L1)));
        if (it == m_live.end())
            return;
        for (const QJsonValue &pair : e.value("accumUpdates"_L1).toArray()) {
            const QJsonArray p = pair.toArray();
            if (p.size() == 2)
                it->second.driverUpdates.append({integer(p.at(0)), integer(p.at(1))});
        }
    }
}

void SqlExecutionTracker::addMetrics(LiveExecution &x, const QList<SqlPlanMetric> &metrics)
{
    x.metrics += metrics;
    for (const SqlPlanMetric &m : metrics)
        x.types->insert(m.accumulatorId, m.metricType);
}

void SqlExecutionTracker::setPlan(LiveExecution &x, const QJsonObject &planInfo)
{
    PlanGraphBuilder graph;
    graph.build(planInfo, std::nullopt, std::nullopt, false);
    QList<SqlPlanMetric> metrics;
    QSet<qint64> seen;
    for (const SqlPlanNode &n : std::as_const(graph.nodes)) {
        for (const SqlPlanMetric &m : n.metrics) {
            if (!seen.contains(m.accumulatorId)) {
                seen.insert(m.accumulatorId);
                metrics.append(m);
            }
        }
    }
    x.data.nodes = graph.nodes;
    x.data.edges = graph.edges;
    addMetrics(x, metrics);
}

void SqlExecutionTracker::onExecutionStart(const QJsonObject &e)
{
    LiveExecution &x = execution(integer(e.value("executionId"_L1)));
    x.data.description = e.value("description"_L1).toString();
    x.data.planDescription = e.value("physicalPlanDescription"_L1).toString();
    x.data.submissionTime = integer(e.value("time"_L1), -1);
    setPlan(x, e.value("sparkPlanInfo"_L1).toObject());
}

void SqlExecutionTracker::onPlanUpdate(const QJsonObject &e)
{
    LiveExecution &x = execution(integer(e.value("executionId"_L1)));
    x.data.planDescription = e.value("physicalPlanDescription"_L1).toString();
    setPlan(x, e.value("sparkPlanInfo"_L1).toObject());
}

void SqlExecutionTracker::onJobStart(const QJsonObject &e)
{
    const QJsonValue idValue = e.value("Properties"_L1).toObject().value("spark.sql.execution.id"_L1);
    if (!idValue.isString())
        return; // not a job of a SQL query
    bool ok = false;
    const qint64 executionId = idValue.toString().toLongLong(&ok);
    if (!ok)
        return;
    if (!m_live.contains(executionId) && m_done.contains(executionId)) {
        // A job started after its execution was closed (Spark reads it back from its store and goes on).
        LiveExecution revived;
        revived.data = m_done.take(executionId);
        if (revived.data.completionTime)
            m_doneByCompletion.erase({*revived.data.completionTime, executionId});
        for (const auto &j : std::as_const(revived.data.jobs))
            revived.jobOrder.append(j.first);
        revived.aggregated = true;
        revived.endEvents = int(revived.data.jobs.size()) + 1;
        m_live.emplace(executionId, std::move(revived));
    }
    LiveExecution &x = execution(executionId);
    if (!x.types->isEmpty()) {
        for (const QJsonValue &v : e.value("Stage Infos"_L1).toArray()) {
            const QJsonObject s = v.toObject();
            StageMetrics m;
            m.stageId = int(integer(s.value("Stage ID"_L1)));
            m.numTasks = int(integer(s.value("Number of Tasks"_L1)));
            m.types = x.types;
            m_stageMetrics[m.stageId] = std::move(m);
        }
    }
    const int jobId = int(integer(e.value("Job ID"_L1)));
    if (!x.jobOrder.contains(jobId))
        x.jobOrder.append(jobId);
    bool found = false;
    for (auto &j : x.data.jobs) {
        if (j.first == jobId) {
            j.second = JobStatus::Running;
            found = true;
        }
    }
    if (!found)
        x.data.jobs.append({jobId, JobStatus::Running});
    for (const QJsonValue &v : e.value("Stage IDs"_L1).toArray()) {
        const int stageId = int(integer(v));
        if (!x.stages.contains(stageId))
            x.stages.append(stageId);
    }
}

void SqlExecutionTracker::onJobEnd(const QJsonObject &e)
{
    const int jobId = int(integer(e.value("Job ID"_L1)));
    const bool succeeded = e.value("Job Result"_L1).toObject().value("Result"_L1).toString() == "JobSucceeded"_L1;
    QList<qint64> touched;
    for (auto &[id, x] : m_live) {
        for (auto &j : x.data.jobs) {
            if (j.first == jobId) {
                j.second = succeeded ? JobStatus::Succeeded : JobStatus::Failed;
                ++x.endEvents;
                touched.append(id);
            }
        }
    }
    for (qint64 id : std::as_const(touched))
        closeIfDone(id);
}

void SqlExecutionTracker::onStageSubmitted(const QJsonObject &e)
{
    const QJsonObject info = e.value("Stage Info"_L1).toObject();
    const int stageId = int(integer(info.value("Stage ID"_L1)));
    const int attempt = int(integer(info.value("Stage Attempt ID"_L1)));
    if (!isSqlStage(stageId))
        return;
    const auto it = m_stageMetrics.find(stageId);
    if (it == m_stageMetrics.end() || it->second.attemptId == attempt)
        return;
    // A new attempt starts from nothing (Spark's listener replaces the tracking object).
    StageMetrics fresh;
    fresh.stageId = stageId;
    fresh.attemptId = attempt;
    fresh.numTasks = it->second.numTasks;
    fresh.types = it->second.types;
    it->second = std::move(fresh);
}

void SqlExecutionTracker::onTaskStart(const QJsonObject &e)
{
    const auto it = m_stageMetrics.find(int(integer(e.value("Stage ID"_L1))));
    if (it == m_stageMetrics.end() || it->second.attemptId != int(integer(e.value("Stage Attempt ID"_L1))))
        return;
    const QJsonObject info = e.value("Task Info"_L1).toObject();
    it->second.taskIndices.insert(integer(info.value("Task ID"_L1)), int(integer(info.value("Index"_L1))));
}

void SqlExecutionTracker::onTaskEnd(const QJsonObject &e)
{
    const int stageId = int(integer(e.value("Stage ID"_L1)));
    if (!isSqlStage(stageId))
        return;
    const QJsonObject info = e.value("Task Info"_L1).toObject();
    const bool succeeded = integer(info.value("Finish Time"_L1)) != 0 && !info.value("Failed"_L1).toBool()
        && !info.value("Killed"_L1).toBool();
    updateStage(stageId, int(integer(e.value("Stage Attempt ID"_L1))), integer(info.value("Task ID"_L1)),
                int(integer(info.value("Index"_L1))), info.value("Accumulables"_L1).toArray(), succeeded);
}

void SqlExecutionTracker::onMetricsUpdate(const QJsonObject &e)
{
    for (const QJsonValue &v : e.value("Metrics Updated"_L1).toArray()) {
        const QJsonObject u = v.toObject();
        updateStage(int(integer(u.value("Stage ID"_L1))), int(integer(u.value("Stage Attempt ID"_L1))),
                    integer(u.value("Task ID"_L1)), -1, u.value("Accumulator Updates"_L1).toArray(), false);
    }
}

// index -1: a running task's update, which names no partition (the task's start said which).
void SqlExecutionTracker::updateStage(int stageId, int attemptId, qint64 taskId, int index,
                                      const QJsonArray &accumulables, bool succeeded)
{
    const auto it = m_stageMetrics.find(stageId);
    if (it == m_stageMetrics.end() || it->second.attemptId != attemptId)
        return;
    StageMetrics &s = it->second;
    if (index < 0) {
        if (!s.taskIndices.contains(taskId))
            return;
        index = s.taskIndices.value(taskId);
    } else {
        s.taskIndices.insert(taskId, index);
    }
    if (size_t(index) < s.completed.size() && s.completed[size_t(index)])
        return;
    if (index >= s.numTasks)
        return; // Spark would fail on this task's update; it never happens with a consistent log
    for (const QJsonValue &v : accumulables) {
        const QJsonObject acc = v.toObject();
        const qint64 id = integer(acc.value("ID"_L1), -1);
        const auto value = accumulatorUpdate(acc);
        if (!value || !s.types->contains(id))
            continue;
        s.values[id][index] = *value;
        if (s.types->value(id) != "sum"_L1) {
            const auto m = s.maxima.find(id);
            if (m == s.maxima.end())
                s.maxima.emplace(id, std::make_pair(*value, taskId));
            else if (*value > m->second.first)
                m->second = {*value, taskId};
        }
    }
    if (succeeded) {
        if (s.completed.size() <= size_t(index))
            s.completed.resize(size_t(index) + 1, false);
        s.completed[size_t(index)] = true;
    }
}

bool SqlExecutionTracker::isSqlStage(int stageId) const
{
    return std::any_of(m_live.begin(), m_live.end(), [&](const auto &x) { return x.second.stages.contains(stageId); });
}

void SqlExecutionTracker::aggregate(LiveExecution &x)
{
    if (x.aggregated)
        return;
    x.aggregated = true;
    QHash<qint64, QString> types;
    for (const SqlPlanMetric &m : std::as_const(x.metrics))
        types.insert(m.accumulatorId, m.metricType);
    struct Values
    {
        std::vector<qint64> reported;
        qint64 unreported = 0; // partitions that reported nothing: zeros in Spark's arrays
    };
    std::map<qint64, Values> all;
    struct Max
    {
        qint64 value, stageId, attemptId, taskId;
    };
    std::map<qint64, Max> maxima;
    for (int stageId : scalaIterationOrder(x.stages)) {
        const auto it = m_stageMetrics.find(stageId);
        if (it == m_stageMetrics.end())
            continue;
        for (const auto &[id, values] : it->second.values) {
            if (!types.contains(id))
                continue;
            Values &v = all[id];
            for (const auto &slot : values)
                v.reported.push_back(slot.second);
            v.unreported += std::max<qint64>(0, it->second.numTasks - qint64(values.size()));
        }
        for (const auto &[id, max] : it->second.maxima) {
            if (!types.contains(id))
                continue;
            const auto m = maxima.find(id);
            if (m == maxima.end())
                maxima.emplace(id, Max{max.first, stageId, it->second.attemptId, max.second});
            else if (max.first > m->second.value)
                m->second = Max{max.first, stageId, it->second.attemptId, max.second};
        }
    }
    for (const auto &[id, value] : std::as_const(x.driverUpdates)) {
        if (!types.contains(id))
            continue;
        // A driver value above every task's makes Spark name the driver as the maximum's source.
        const auto m = maxima.find(id);
        if (all.count(id) && m != maxima.end() && value > m->second.value)
            maxima.erase(m);
        all[id].reported.push_back(value);
    }
    x.data.metricValues.clear();
    for (const auto &[id, values] : all) {
        sqlmetricvalues::MaxSource source;
        const auto m = maxima.find(id);
        if (m != maxima.end())
            source = {true, m->second.stageId, m->second.attemptId, m->second.taskId};
        x.data.metricValues.insert(
            id, sqlmetricvalues::format(types.value(id), values.reported, source, values.unreported));
    }
}

void SqlExecutionTracker::onExecutionEnd(const QJsonObject &e)
{
    const qint64 id = integer(e.value("executionId"_L1));
    const auto it = m_live.find(id);
    if (it == m_live.end())
        return;
    LiveExecution &x = it->second;
    x.data.completionTime = integer(e.value("time"_L1));
    if (e.contains("errorMessage"_L1) && !e.value("errorMessage"_L1).isNull())
        x.data.errorMessage = e.value("errorMessage"_L1).toString();
    aggregate(x);
    dropStaleStageMetrics(x);
    x.endEvents += 2; // Spark counts the end, then the metrics aggregation it starts from the end
    closeIfDone(id);
}

void SqlExecutionTracker::dropStaleStageMetrics(const LiveExecution &ended)
{
    QSet<int> active;
    for (const auto &[id, x] : m_live) {
        if (&x != &ended) {
            for (int s : x.stages)
                active.insert(s);
        }
    }
    for (auto it = m_stageMetrics.begin(); it != m_stageMetrics.end();) {
        if (active.contains(it->first))
            ++it;
        else
            it = m_stageMetrics.erase(it);
    }
}

void SqlExecutionTracker::orderJobs(LiveExecution &x)
{
    QHash<int, JobStatus> status;
    for (const auto &j : std::as_const(x.data.jobs))
        status.insert(j.first, j.second);
    x.data.jobs.clear();
    for (int id : scalaIterationOrder(x.jobOrder))
        x.data.jobs.append({id, status.value(id)});
}

void SqlExecutionTracker::closeIfDone(qint64 id)
{
    const auto it = m_live.find(id);
    if (it == m_live.end() || it->second.endEvents < it->second.data.jobs.size() + 2)
        return;
    dropStaleStageMetrics(it->second);
    orderJobs(it->second);
    const SqlExecution data = std::move(it->second.data);
    m_live.erase(it);
    keepDone(id, data);
}

void SqlExecutionTracker::keepDone(qint64 id, const SqlExecution &data)
{
    m_done.insert(id, data);
    if (data.completionTime)
        m_doneByCompletion.insert({*data.completionTime, id});
    dropOldestCompleted();
}

// Spark's SQLAppStatusListener.cleanupExecutions, run whenever its store holds more executions than it retains:
// the stored count (open ones included) minus the limit, taken from the completed ones in order of completion
// time (ties by id, the store's index order). Open executions are never dropped.
void SqlExecutionTracker::dropOldestCompleted()
{
    while (m_done.size() + qsizetype(m_live.size()) > kRetainedExecutions && !m_doneByCompletion.empty()) {
        m_done.remove(m_doneByCompletion.begin()->second);
        m_doneByCompletion.erase(m_doneByCompletion.begin());
    }
}

QMap<qint64, SqlExecution> SqlExecutionTracker::finish()
{
    std::map<qint64, LiveExecution> open;
    open.swap(m_live);
    for (auto &[id, x] : open) {
        aggregate(x);
        orderJobs(x);
        keepDone(id, x.data);
    }
    m_stageMetrics.clear();
    return m_done;
}

} // namespace cdeck::spark
