// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace cdeck::spark {

// Whole-tree JSON comparison the way Spark's HistoryServerSuite compares answers: parsed JSON, every field, with
// lastUpdated / lastUpdatedEpoch blanked (they come from the log file's modification time).
QJsonValue clearLastUpdated(const QJsonValue &v);
// The first difference between two trees with its path ("$[0].tasks.12.duration: expected 3, got 4"); empty
// when equal. Numbers compare by value (Spark writes 1.0 where others write 1).
QString firstJsonDifference(const QJsonValue &expected, const QJsonValue &actual,
                            const QString &path = QStringLiteral("$"));

// The endpoints worth comparing for the logs at logPath: the application list, and for every application
// attempt its jobs, stages (each, each attempt, task list in two orders, task summary), executors, environment,
// storage and processes.
QStringList endpointsToCompare(const QString &logPath, QStringList *warnings);

// `spark-log PATH --compare-with URL`: asks a live History Server (URL = its root or its /api/v1) each endpoint
// and prints, per endpoint, "same" or the first difference between our answer and its answer. Returns 0 when
// every endpoint matches, 1 when one differs or the server cannot be asked.
int compareWithServer(const QString &logPath, const QString &baseUrl, const QStringList &endpoints, QTextStream &out,
                      QTextStream &err);

} // namespace cdeck::spark
