// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/stagedetail.h"

#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/historytasks.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

std::optional<StageDetail> readStageDetail(const QString &path, int stageId, int attemptId, QString *error,
                                           const std::atomic<bool> *cancel, const std::function<void(qint64)> &progress)
{
    EventLogReader::Options options;
    options.cancel = cancel;
    options.progress = progress;
    options.keepTasks.stageIds.insert(stageId);
    std::optional<SparkApplication> app = EventLogReader::read(path, error, options);
    if (!app)
        return std::nullopt;
    if (cancel && cancel->load()) {
        *error = QCoreApplication::translate("cdeck::spark::StageDetail", "The read was cancelled.");
        return std::nullopt;
    }
    const auto stage = app->stages.constFind({stageId, attemptId});
    if (stage == app->stages.constEnd()) {
        *error = QCoreApplication::translate("cdeck::spark::StageDetail", "The event log has no stage %1 attempt %2.")
                     .arg(stageId)
                     .arg(attemptId);
        return std::nullopt;
    }
    StageDetail detail;
    detail.stage = stage.value();
    detail.tasks = std::move(app->tasks[{stageId, attemptId}]);
    detail.lastUpdated = app->attempt.lastUpdated;
    for (const SparkExecutor &e : std::as_const(app->executors))
        detail.executorHosts.insert(e.id, e.hostPort);
    return detail;
}

qint64 eventLogBytesOnDisk(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return info.size();
    qint64 total = 0;
    QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

std::optional<TaskSummary> stageQuantiles(const StageDetail &detail)
{
    const std::optional<QJsonObject> summary
        = historytasks::taskSummary(detail.tasks, stagePageQuantiles(), detail.lastUpdated);
    if (!summary)
        return std::nullopt;
    QString error;
    return parseTaskSummary(*summary, &error); // our own answer: its shape is right by construction
}

namespace {
// The line that says what went wrong. Usually the first (Spark's toErrorString starts with the exception), but a
// PySpark task's first line is "...PythonException: Traceback (most recent call last):": the Python exception is
// the first line after the traceback's indented frames.
QString failureReason(const QString &message)
{
    const QStringList lines = message.split(u'\n');
    const QString first = lines.value(0).trimmed();
    static const QLatin1StringView traceback("Traceback (most recent call last):");
    if (!first.endsWith(traceback))
        return first;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (!line.isEmpty() && !line.front().isSpace())
            return first.chopped(traceback.size()).trimmed() + u' ' + line.trimmed();
    }
    return first;
}
} // namespace

QList<TaskFailureGroup> taskFailureGroups(const std::vector<SparkTask> &tasks)
{
    QHash<QString, qsizetype> byReason;
    QList<TaskFailureGroup> out;
    for (const SparkTask &t : tasks) {
        if (!t.failed)
            continue;
        const QString message = t.hasError ? t.errorMessage : QString();
        const QString reason = failureReason(message);
        auto it = byReason.constFind(reason);
        if (it == byReason.constEnd()) {
            it = byReason.insert(reason, out.size());
            out.append({reason, message, 0, {}, {}});
        }
        TaskFailureGroup &g = out[*it];
        ++g.count;
        if (!g.executors.contains(t.executorId))
            g.executors.append(t.executorId);
        g.taskIds.append(t.taskId);
    }
    for (TaskFailureGroup &g : out) {
        g.executors.sort();
        std::sort(g.taskIds.begin(), g.taskIds.end());
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const TaskFailureGroup &a, const TaskFailureGroup &b) { return a.count > b.count; });
    return out;
}

} // namespace cdeck::spark
