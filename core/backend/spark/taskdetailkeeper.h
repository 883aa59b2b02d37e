// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"

#include <QJsonObject>

namespace cdeck::spark {

// Keeps whole tasks (Spark's TaskData) for the stages a request names, from their start and end events as
// JSON: what the task endpoints show. SparkModelBuilder feeds it the task events of those stages only.
class TaskDetailKeeper
{
public:
    using TaskMap = QMap<QPair<int, int>, std::vector<SparkTask>>; // SparkApplication::tasks
    void onTaskStart(const QJsonObject &e, TaskMap &tasks);
    void onTaskEnd(const QJsonObject &e, TaskMap &tasks);

private:
    QHash<qint64, QPair<QPair<int, int>, size_t>> m_live; // started, not ended: task id -> (stage key, position)
};

} // namespace cdeck::spark
