// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTextStream>

class QIODevice;

namespace cdeck::spark {

// What Spark's History Server would answer for one /api/v1 request, computed from event logs on disk.
struct HistoryAnswer
{
    int status = 200; // 200, or 400 (bad parameter) / 404 (unknown app, job, stage, endpoint) / 500 (unreadable)
    QByteArray json; // indented JSON when status is 200
    QString error; // translated, one line, when status is not 200
    QStringList warnings; // logs skipped or damaged, translated
};

// logPath: a log file, a rolling eventlog_v2_* directory, or a directory of logs (the History Server's log
// directory); symlinks are followed. endpoint: the part after /api/v1/, with an optional query string.
HistoryAnswer answerHistoryRequest(const QString &logPath, const QString &endpoint);
// The same, with the JSON written to sink as it is produced instead of into json (left empty): a stage with all
// its tasks (details=true) is written task by task, so memory does not grow with the answer. Nothing is written
// unless the status is 200; a failed write makes it 500.
HistoryAnswer answerHistoryRequest(const QString &logPath, const QString &endpoint, QIODevice &sink);

// `clusterdeck-cli spark-log PATH --api ENDPOINT`: args are what follows "spark-log". Prints the JSON to out;
// returns 0, or non-zero with a message on err: 1 for a bad path, endpoint or parameter, 2 for bad usage.
int runSparkLogCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace cdeck::spark
