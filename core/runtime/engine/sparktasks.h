// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkrestclient.h"
#include "core/triage/detectors.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// A running application's stages and tasks, as the skew and stall detectors see them, parsed without a
// network: the incident monitor reads the driver's REST API (GET .../stages, .../stages/<id>/<attempt>/taskList)
// and each stage attempt becomes one task group, the Spark counterpart of a Dask task group.
namespace cdeck::spark {

// One task of a stage attempt (GET .../taskList): what skew and stall need of Spark's TaskData.
struct StageTask
{
    qint64 taskId = 0;
    QString executorId; // Spark's executor id ("0", "1"; "driver" in local mode)
    QString status; // RUNNING, SUCCESS, FAILED, KILLED
    qint64 launchMs = 0; // since the epoch, 0 when Spark gave none
    qint64 durationMs = -1; // -1 while it runs (Spark leaves "duration" out)
    qint64 shuffleReadBytes = 0; // remote + local bytes of shuffle input
    qint64 shuffleWriteBytes = 0;
};

// nullopt with *error on anything but a JSON array of task objects.
std::optional<QList<StageTask>> parseTaskList(const QByteArray &json, QString *error);

// Whether a stage attempt's tasks can still change (ACTIVE or PENDING): finished attempts are read once.
bool stageCanChange(const SparkStageInfo &stage);

// How many tasks of a stage attempt are read at most: the detectors need durations, not every task of a
// 100,000-task stage (the first ones by index are a fair sample and the answer stays a few MB).
constexpr int kMaxTasksPerStage = 5000;

// The detectors' view of one stage attempt of `jobId`'s application: durations and shuffle input of the
// tasks that succeeded, tasks per executor, when the first started and the last finished, and how many of
// its tasks are still to do (its tasks less the completed ones while it can change, else none).
triage::TaskGroupFacts taskGroupOf(const QString &jobId, const SparkStageInfo &stage, const QList<StageTask> &tasks);

} // namespace cdeck::spark
