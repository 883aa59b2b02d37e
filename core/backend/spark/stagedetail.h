// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"
#include "core/backend/spark/sparkrestclient.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace cdeck::spark {

// One stage attempt as the console's stage page shows it: the attempt with its per-executor sums, and every
// task whole. The console's first read keeps no tasks (memory follows the stages, not the tasks): the page asks
// for them when it opens, and they are read again from the log for that stage only.
struct StageDetail
{
    SparkStage stage;
    std::vector<SparkTask> tasks; // in the order their start events came (task id order in practice)
    QMap<QString, QString> executorHosts; // executor id -> host:port, for the per-executor table
    qint64 lastUpdated = 0; // the log's modification time: how long a still-running task had run
};

// Replays the log at path keeping the tasks of stageId only. std::nullopt and *error (translated) when the log
// cannot be read, the read was cancelled (cancel set from another thread), or the log has no such attempt.
// progress: bytes of the log read so far (compressed bytes for a compressed log), at most ~10 times a second.
std::optional<StageDetail> readStageDetail(const QString &path, int stageId, int attemptId, QString *error,
                                           const std::atomic<bool> *cancel = nullptr,
                                           const std::function<void(qint64)> &progress = {});

// What the log at path weighs on disk (a rolling eventlog_v2_* directory: all its files): the 100 % of the
// reader's progress.
qint64 eventLogBytesOnDisk(const QString &path);

// The summary metrics of Spark's stage page: per metric, the successful tasks' values at min, 25th percentile,
// median, 75th percentile and max, picked by the History Server's rule (historytasks::taskSummary, proven against
// Spark's taskSummary answers) and worded as the Jobs tab words a live Spark's summary (parseTaskSummary).
// std::nullopt when no task of the attempt succeeded with metrics (Spark's page then shows no summary either).
inline const QList<double> &stagePageQuantiles()
{
    static const QList<double> q{0.0, 0.25, 0.5, 0.75, 1.0};
    return q;
}
std::optional<TaskSummary> stageQuantiles(const StageDetail &detail);

// The failed tasks of an attempt grouped by reason (the first line of their error, Spark's toErrorString; for a
// PySpark task, the Python exception after the traceback), most frequent first: what an on-call engineer reads
// first on a failed stage.
struct TaskFailureGroup
{
    QString reason; // the first line (a PySpark task's: the exception class and the Python exception)
    QString example; // one whole error message with that first line (stack trace included)
    int count = 0;
    QStringList executors; // sorted, distinct
    QList<qint64> taskIds; // ascending
};
QList<TaskFailureGroup> taskFailureGroups(const std::vector<SparkTask> &tasks);

} // namespace cdeck::spark
