// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/historytasks.h"

#include "core/backend/spark/historyjson.h"

#include <QJsonArray>
#include <QtNumeric>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace cdeck::spark::historytasks {

namespace {

// The value Spark indexes a task's run time under: the run time of a successful task; for other tasks with
// metrics, -(run time) - 1 (kept out of summaries); -1 for a task without metrics.
qint64 runtimeKey(const SparkTask &t)
{
    if (!t.hasMetrics)
        return -1;
    return t.successful() ? t.metrics.executorRunTime : -t.metrics.executorRunTime - 1;
}

} // namespace

std::optional<TaskSorting> parseSorting(const QString &text)
{
    const QString v = text.trimmed();
    if (v.compare("ID"_L1, Qt::CaseInsensitive) == 0)
        return TaskSorting::Id;
    if (v.compare("runtime"_L1, Qt::CaseInsensitive) == 0 || v.compare("INCREASING_RUNTIME"_L1, Qt::CaseInsensitive) == 0)
        return TaskSorting::IncreasingRuntime;
    if (v.compare("-runtime"_L1, Qt::CaseInsensitive) == 0 || v.compare("DECREASING_RUNTIME"_L1, Qt::CaseInsensitive) == 0)
        return TaskSorting::DecreasingRuntime;
    return std::nullopt;
}

std::vector<const SparkTask *> taskList(const std::vector<SparkTask> &tasks, TaskSorting sorting,
                                        const QStringList &statuses, qint64 offset, qint64 length)
{
    std::vector<const SparkTask *> order;
    order.reserve(tasks.size());
    for (const SparkTask &t : tasks)
        order.push_back(&t);
    // Spark's store orders an index by its value, then by task id; a descending view reverses both.
    if (sorting == TaskSorting::Id) {
        std::sort(order.begin(), order.end(), [](const SparkTask *a, const SparkTask *b) { return a->taskId < b->taskId; });
    } else {
        std::sort(order.begin(), order.end(), [](const SparkTask *a, const SparkTask *b) {
            const qint64 ka = runtimeKey(*a), kb = runtimeKey(*b);
            return ka != kb ? ka < kb : a->taskId < b->taskId;
        });
        if (sorting == TaskSorting::DecreasingRuntime)
            std::reverse(order.begin(), order.end());
    }
    std::vector<const SparkTask *> out;
    qint64 skipped = 0;
    for (const SparkTask *t : order) {
        if (qint64(out.size()) >= length)
            break;
        if (!statuses.isEmpty() && !statuses.contains(t->status()))
            continue;
        if (skipped < offset) {
            ++skipped;
            continue;
        }
        out.push_back(t);
    }
    return out;
}

std::optional<QJsonObject> taskSummary(const std::vector<SparkTask> &tasks, QList<double> quantiles,
                                       qint64 lastUpdated)
{
    std::sort(quantiles.begin(), quantiles.end());
    std::vector<const SparkTask *> done;
    for (const SparkTask &t : tasks) {
        if (t.status() == "SUCCESS"_L1 && t.hasMetrics)
            done.push_back(&t);
    }
    if (done.empty())
        return std::nullopt;
    // Spark counts the successful tasks, then picks each quantile's position in one metric's index. The task
    // metrics of failed tasks are indexed negative (left out), but duration, scheduler delay and getting-result
    // time are indexed for every task that has them, failed ones included: those quantiles mix them in.
    std::vector<const SparkTask *> timed;
    for (const SparkTask &t : tasks)
        timed.push_back(&t);
    const qint64 count = qint64(done.size());
    std::vector<qint64> values;
    // One metric's values at the quantiles: sorted, then picked where Spark picks them.
    // needsMetrics: Spark indexes the value as -1 (left out) for a task without metrics.
    auto over = [&](const std::vector<const SparkTask *> &set, const std::function<qint64(const SparkTask &)> &metric,
                    bool everyTask, bool needsMetrics) {
        values.clear();
        for (const SparkTask *t : set) {
            const qint64 v = metric(*t);
            if (!everyTask || (v >= 0 && (t->hasMetrics || !needsMetrics)))
                values.push_back(v);
        }
        std::sort(values.begin(), values.end());
        QJsonArray out;
        for (double q : std::as_const(quantiles)) {
            const qint64 index = std::clamp<qint64>(qint64(q * double(count)), 0, count - 1);
            out.append(size_t(index) < values.size() ? double(values[size_t(index)]) : qQNaN());
        }
        return out;
    };
    auto at = [&](const std::function<qint64(const SparkTask &)> &metric) { return over(done, metric, false, false); };
    using M = TaskMetricSums;
    auto field = [&](qint64 M::*member) { return at([member](const SparkTask &t) { return t.metrics.*member; }); };
    auto duration = [lastUpdated](const SparkTask &t) { return historyjson::taskDuration(t, lastUpdated); };

    QJsonArray qs;
    for (double q : std::as_const(quantiles))
        qs.append(q);
    QJsonObject o;
    o.insert("quantiles"_L1, qs);
    o.insert("duration"_L1, over(timed, duration, true, false));
    o.insert("executorDeserializeTime"_L1, field(&M::executorDeserializeTime));
    o.insert("executorDeserializeCpuTime"_L1, field(&M::executorDeserializeCpuTime));
    o.insert("executorRunTime"_L1, field(&M::executorRunTime));
    o.insert("executorCpuTime"_L1, field(&M::executorCpuTime));
    o.insert("resultSize"_L1, field(&M::resultSize));
    o.insert("jvmGcTime"_L1, field(&M::jvmGcTime));
    o.insert("resultSerializationTime"_L1, field(&M::resultSerializationTime));
    o.insert("gettingResultTime"_L1,
             over(
                 timed,
                 [&](const SparkTask &t) {
                     return historyjson::gettingResultTime(t, historyjson::taskDuration(t, lastUpdated));
                 },
                 true, true));
    o.insert("schedulerDelay"_L1,
             over(
                 timed,
                 [&](const SparkTask &t) {
                     return historyjson::schedulerDelay(t, historyjson::taskDuration(t, lastUpdated));
                 },
                 true, true));
    o.insert("peakExecutionMemory"_L1, field(&M::peakExecutionMemory));
    o.insert("memoryBytesSpilled"_L1, field(&M::memoryBytesSpilled));
    o.insert("diskBytesSpilled"_L1, field(&M::diskBytesSpilled));
    o.insert("inputMetrics"_L1,
             QJsonObject{{"bytesRead"_L1, field(&M::inputBytes)}, {"recordsRead"_L1, field(&M::inputRecords)}});
    o.insert("outputMetrics"_L1, QJsonObject{{"bytesWritten"_L1, field(&M::outputBytes)},
                                             {"recordsWritten"_L1, field(&M::outputRecords)}});
    QJsonObject push{{"corruptMergedBlockChunks"_L1, field(&M::pushCorruptMergedBlockChunks)},
                     {"mergedFetchFallbackCount"_L1, field(&M::pushMergedFetchFallbackCount)},
                     {"remoteMergedBlocksFetched"_L1, field(&M::pushRemoteMergedBlocksFetched)},
                     {"localMergedBlocksFetched"_L1, field(&M::pushLocalMergedBlocksFetched)},
                     {"remoteMergedChunksFetched"_L1, field(&M::pushRemoteMergedChunksFetched)},
                     {"localMergedChunksFetched"_L1, field(&M::pushLocalMergedChunksFetched)},
                     {"remoteMergedBytesRead"_L1, field(&M::pushRemoteMergedBytesRead)},
                     {"localMergedBytesRead"_L1, field(&M::pushLocalMergedBytesRead)},
                     {"remoteMergedReqsDuration"_L1, field(&M::pushRemoteMergedReqsDuration)}};
    o.insert("shuffleReadMetrics"_L1,
             QJsonObject{{"readBytes"_L1, at([](const SparkTask &t) { return t.metrics.shuffleReadBytes(); })},
                         {"readRecords"_L1, field(&M::shuffleReadRecords)},
                         {"remoteBlocksFetched"_L1, field(&M::shuffleRemoteBlocksFetched)},
                         {"localBlocksFetched"_L1, field(&M::shuffleLocalBlocksFetched)},
                         {"fetchWaitTime"_L1, field(&M::shuffleFetchWaitTime)},
                         {"remoteBytesRead"_L1, field(&M::shuffleRemoteBytesRead)},
                         {"remoteBytesReadToDisk"_L1, field(&M::shuffleRemoteBytesReadToDisk)},
                         {"totalBlocksFetched"_L1, at([](const SparkTask &t) {
                              return t.metrics.shuffleLocalBlocksFetched + t.metrics.shuffleRemoteBlocksFetched;
                          })},
                         {"remoteReqsDuration"_L1, field(&M::shuffleRemoteReqsDuration)},
                         {"shufflePushReadMetricsDist"_L1, push}});
    o.insert("shuffleWriteMetrics"_L1, QJsonObject{{"writeBytes"_L1, field(&M::shuffleWriteBytes)},
                                                   {"writeRecords"_L1, field(&M::shuffleWriteRecords)},
                                                   {"writeTime"_L1, field(&M::shuffleWriteTime)}});
    return o;
}

QJsonArray quantileValues(std::vector<double> values, const QList<double> &sortedQuantiles)
{
    std::sort(values.begin(), values.end());
    const qint64 count = qint64(values.size());
    QJsonArray out;
    for (double q : sortedQuantiles)
        out.append(count > 0 ? values[size_t(std::clamp<qint64>(qint64(q * double(count)), 0, count - 1))] : 0.0);
    return out;
}

std::optional<QJsonObject> executorDistributions(const SparkStage &stage, QList<double> quantiles)
{
    if (stage.executorSummary.isEmpty())
        return std::nullopt;
    std::sort(quantiles.begin(), quantiles.end());
    auto over = [&](const std::function<double(const StageExecutorSummary &)> &metric) {
        std::vector<double> values;
        for (const StageExecutorSummary &e : stage.executorSummary)
            values.push_back(metric(e));
        return quantileValues(std::move(values), quantiles);
    };
    QJsonArray qs;
    for (double q : std::as_const(quantiles))
        qs.append(q);
    QJsonObject o;
    o.insert("quantiles"_L1, qs);
    o.insert("taskTime"_L1, over([](const StageExecutorSummary &e) { return double(e.taskTime); }));
    o.insert("failedTasks"_L1, over([](const StageExecutorSummary &e) { return double(e.failedTasks); }));
    o.insert("succeededTasks"_L1, over([](const StageExecutorSummary &e) { return double(e.succeededTasks); }));
    o.insert("killedTasks"_L1, over([](const StageExecutorSummary &e) { return double(e.killedTasks); }));
    o.insert("inputBytes"_L1, over([](const StageExecutorSummary &e) { return double(e.metrics.inputBytes); }));
    o.insert("inputRecords"_L1, over([](const StageExecutorSummary &e) { return double(e.metrics.inputRecords); }));
    o.insert("outputBytes"_L1, over([](const StageExecutorSummary &e) { return double(e.metrics.outputBytes); }));
    o.insert("outputRecords"_L1, over([](const StageExecutorSummary &e) { return double(e.metrics.outputRecords); }));
    o.insert("shuffleRead"_L1,
             over([](const StageExecutorSummary &e) { return double(e.metrics.shuffleReadBytes()); }));
    o.insert("shuffleReadRecords"_L1,
             over([](const StageExecutorSummary &e) { return double(e.metrics.shuffleReadRecords); }));
    o.insert("shuffleWrite"_L1,
             over([](const StageExecutorSummary &e) { return double(e.metrics.shuffleWriteBytes); }));
    o.insert("shuffleWriteRecords"_L1,
             over([](const StageExecutorSummary &e) { return double(e.metrics.shuffleWriteRecords); }));
    o.insert("memoryBytesSpilled"_L1,
             over([](const StageExecutorSummary &e) { return double(e.metrics.memoryBytesSpilled); }));
    o.insert("diskBytesSpilled"_L1,
             over([](const StageExecutorSummary &e) { return double(e.metrics.diskBytesSpilled); }));
    // Each peak metric over the executors that reported peaks (Spark's ExecutorPeakMetricsDistributions).
    QJsonObject peaks;
    for (int m = 0; m < kExecutorMetricCount; ++m) {
        std::vector<double> values;
        for (const StageExecutorSummary &e : stage.executorSummary) {
            if (e.peak.set)
                values.push_back(double(e.peak.values[size_t(m)]));
        }
        peaks.insert(QLatin1StringView(kExecutorMetricNames[size_t(m)]), quantileValues(std::move(values), quantiles));
    }
    o.insert("peakMemoryMetrics"_L1, peaks);
    return o;
}

} // namespace cdeck::spark::historytasks
