// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/runtime/engine/sparktasks.h"

#include "core/model/jsonutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

namespace {

qint64 number(const QJsonObject &o, QLatin1StringView key)
{
    return std::max<qint64>(0, json::saturatingInteger(o.value(key).toDouble()));
}

} // namespace

std::optional<QList<StageTask>> parseTaskList(const QByteArray &json, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        *error = u"expected Spark's task list (a JSON array): %1"_s.arg(
            parseError.error != QJsonParseError::NoError ? parseError.errorString() : u"not an array"_s);
        return std::nullopt;
    }
    QList<StageTask> tasks;
    for (const QJsonValue &v : doc.array()) {
        if (!v.isObject()) {
            *error = u"expected task objects in Spark's task list"_s;
            return std::nullopt;
        }
        const QJsonObject o = v.toObject();
        StageTask t;
        t.taskId = number(o, "taskId"_L1);
        t.executorId = o.value("executorId"_L1).toString();
        t.status = o.value("status"_L1).toString();
        const QDateTime launched = parseRestDate(o.value("launchTime"_L1).toString());
        t.launchMs = launched.isValid() ? launched.toMSecsSinceEpoch() : 0;
        if (o.contains("duration"_L1))
            t.durationMs = number(o, "duration"_L1);
        const QJsonObject metrics = o.value("taskMetrics"_L1).toObject();
        const QJsonObject read = metrics.value("shuffleReadMetrics"_L1).toObject();
        t.shuffleReadBytes = number(read, "remoteBytesRead"_L1) + number(read, "localBytesRead"_L1);
        t.shuffleWriteBytes = number(metrics.value("shuffleWriteMetrics"_L1).toObject(), "bytesWritten"_L1);
        tasks.append(t);
    }
    return tasks;
}

bool stageCanChange(const SparkStageInfo &stage)
{
    return stage.status == "ACTIVE"_L1 || stage.status == "PENDING"_L1;
}

triage::TaskGroupFacts taskGroupOf(const QString &jobId, const SparkStageInfo &stage, const QList<StageTask> &tasks)
{
    triage::TaskGroupFacts g;
    g.jobId = jobId;
    g.group = u"stage-%1.%2"_s.arg(stage.stageId).arg(stage.attemptId);
    // Spark names a stage after the call that ran it ("collect at /…/skewed_join.py:43"): keep the file's name.
    QString call = stage.name;
    const qsizetype at = call.indexOf(" at "_L1);
    if (at >= 0) {
        const qsizetype slash = call.lastIndexOf(u'/');
        if (slash > at)
            call = call.left(at + 4) + call.mid(slash + 1);
    }
    g.prefix = stage.attemptId > 0 ? u"stage %1 attempt %2 (%3)"_s.arg(stage.stageId).arg(stage.attemptId).arg(call)
                                   : u"stage %1 (%2)"_s.arg(stage.stageId).arg(call);
    for (const StageTask &t : tasks) {
        if (t.status != "SUCCESS"_L1 || t.durationMs < 0)
            continue;
        g.durationsS.append(double(t.durationMs) / 1000.0);
        g.shuffleReadBytes.append(t.shuffleReadBytes);
        g.tasksByExecutor[t.executorId] += 1;
        if (t.launchMs > 0) {
            g.fromMs = g.fromMs == 0 ? t.launchMs : std::min(g.fromMs, t.launchMs);
            g.toMs = std::max(g.toMs, t.launchMs + t.durationMs);
        }
    }
    g.remaining = stageCanChange(stage) ? std::max(0, stage.numTasks - stage.numCompleteTasks) : 0;
    return g;
}

} // namespace cdeck::spark
