// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"

#include <QJsonObject>

#include <map>
#include <memory>
#include <set>
#include <vector>

namespace cdeck::spark {

// Replays the SQL listener events of a log (execution start and end, adaptive plan updates, driver metric
// updates) and the task accumulators of SQL stages into SqlExecutions, the way Spark's SQLAppStatusListener
// does for its History Server: the same plan graph, the same metric values, the same job lists. Fed by
// SparkModelBuilder, on its thread; the task events must arrive as JSON (they carry the accumulators).
class SqlExecutionTracker
{
public:
    // spark.sql.ui.retainedExecutions as Spark's History Server applies it by default (its own setting, not the
    // application's): once more executions are stored, the oldest completed ones are dropped.
    static constexpr int kRetainedExecutions = 1000;

    void onEvent(const QString &type, const QJsonObject &event);
    // The end of the replay: executions still open are kept as they stand, their metrics aggregated.
    QMap<qint64, SqlExecution> finish();

private:
    using MetricTypes = std::shared_ptr<QHash<qint64, QString>>;
    // One stage attempt's SQL accumulator values, one slot per partition (Spark's LiveStageMetrics).
    struct StageMetrics
    {
        int stageId = 0;
        int attemptId = 0;
        int numTasks = 0;
        MetricTypes types; // shared with the execution: adaptive plans add metrics while the stage runs
        QHash<qint64, int> taskIndices;
        std::vector<bool> completed;
        // by accumulator id: partition index -> value. Spark keeps an array of numTasks zeros per metric; only
        // the partitions that reported are stored here, the rest count as zeros (a log cannot make us allocate).
        std::map<qint64, std::map<int, qint64>> values;
        std::map<qint64, std::pair<qint64, qint64>> maxima; // accumulator id -> (value, task id)
    };
    struct LiveExecution
    {
        SqlExecution data;
        QList<SqlPlanMetric> metrics; // every metric of every plan version, as Spark keeps them
        MetricTypes types = std::make_shared<QHash<qint64, QString>>();
        QList<int> jobOrder; // insertion order of the job ids
        QList<int> stages; // insertion order
        QList<QPair<qint64, qint64>> driverUpdates;
        int endEvents = 0;
        bool aggregated = false;
    };

    void onExecutionStart(const QJsonObject &e);
    void onPlanUpdate(const QJsonObject &e);
    void onExecutionEnd(const QJsonObject &e);
    void onJobStart(const QJsonObject &e);
    void onJobEnd(const QJsonObject &e);
    void onStageSubmitted(const QJsonObject &e);
    void onTaskStart(const QJsonObject &e);
    void onTaskEnd(const QJsonObject &e);
    void onMetricsUpdate(const QJsonObject &e);
    void updateStage(int stageId, int attemptId, qint64 taskId, int index, const QJsonArray &accumulables,
                     bool succeeded);
    LiveExecution &execution(qint64 id);
    void addMetrics(LiveExecution &x, const QList<SqlPlanMetric> &metrics);
    void setPlan(LiveExecution &x, const QJsonObject &planInfo);
    void aggregate(LiveExecution &x);
    void dropStaleStageMetrics(const LiveExecution &ended);
    void closeIfDone(qint64 id);
    void keepDone(qint64 id, const SqlExecution &data);
    void dropOldestCompleted();
    bool isSqlStage(int stageId) const;
    void orderJobs(LiveExecution &x);

    std::map<qint64, LiveExecution> m_live;
    std::map<int, StageMetrics> m_stageMetrics;
    QMap<qint64, SqlExecution> m_done;
    std::set<std::pair<qint64, qint64>> m_doneByCompletion; // (completion time, id) of the completed in m_done
};

// Scala 2.13's iteration order for an immutable Map or Set of Int keys built by adding them in this order (up
// to four keep their order; more become a hash trie). Spark lists a query's job ids in this order.
QList<int> scalaIterationOrder(const QList<int> &insertionOrder);

} // namespace cdeck::spark
