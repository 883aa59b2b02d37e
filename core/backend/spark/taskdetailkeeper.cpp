// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/taskdetailkeeper.h"

#include "core/backend/spark/sparkmodelbuilder.h"

#include "core/model/jsonutil.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

namespace {

qint64 num(const QJsonObject &o, QLatin1StringView key, qint64 fallback = 0)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return clampEventLogInteger(json::saturatingInteger(v.toDouble()));
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? clampEventLogInteger(n) : fallback;
    }
    return fallback;
}

QString str(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

} // namespace

// What a task start and a task end both carry, in "Task Info"; the end's values replace the start's.
static void readTaskInfo(const QJsonObject &info, SparkTask &t)
{
    t.index = int(num(info, "Index"_L1));
    t.attempt = int(num(info, "Attempt"_L1));
    t.partitionId = int(num(info, "Partition ID"_L1, -1));
    t.launchTime = num(info, "Launch Time"_L1);
    t.gettingResultTime = num(info, "Getting Result Time"_L1);
    t.finishTime = num(info, "Finish Time"_L1);
    t.executorId = str(info, "Executor ID"_L1);
    t.host = str(info, "Host"_L1);
    t.locality = str(info, "Locality"_L1);
    t.speculative = info.value("Speculative"_L1).toBool();
    t.failed = info.value("Failed"_L1).toBool();
    t.killed = info.value("Killed"_L1).toBool();
    t.accumulables = SparkModelBuilder::accumulablesFromJson(info.value("Accumulables"_L1).toArray());
}

void TaskDetailKeeper::onTaskStart(const QJsonObject &e, TaskMap &tasks)
{
    const QJsonObject info = e.value("Task Info"_L1).toObject();
    SparkTask t;
    t.taskId = num(info, "Task ID"_L1);
    readTaskInfo(info, t);
    const QPair<int, int> key(int(num(e, "Stage ID"_L1)), int(num(e, "Stage Attempt ID"_L1)));
    std::vector<SparkTask> &list = tasks[key];
    m_live.insert(t.taskId, {key, list.size()});
    list.push_back(std::move(t));
}

void TaskDetailKeeper::onTaskEnd(const QJsonObject &e, TaskMap &tasks)
{
    // As Spark, a task is stored only when its start was seen; the end replaces what the start said.
    const QJsonObject info = e.value("Task Info"_L1).toObject();
    const auto found = m_live.constFind(num(info, "Task ID"_L1));
    if (found == m_live.constEnd())
        return;
    const auto slot = found.value();
    m_live.erase(found);
    auto list = tasks.find(slot.first);
    if (list == tasks.end() || slot.second >= list->size())
        return;
    SparkTask &t = (*list)[slot.second];
    readTaskInfo(info, t);
    const QJsonObject reason = e.value("Task End Reason"_L1).toObject();
    t.errorMessage = SparkModelBuilder::taskEndErrorString(reason);
    t.hasError = !t.errorMessage.isEmpty() || (!reason.isEmpty() && str(reason, "Reason"_L1) != "Success"_L1);
    // Spark 4 reads a task end without metrics as all-zero metrics, and shows them.
    t.hasMetrics = true;
    t.metrics = SparkModelBuilder::taskMetricsFromJson(e.value("Task Metrics"_L1).toObject());
}

} // namespace cdeck::spark
