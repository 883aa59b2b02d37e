// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkmodel.h"
#include "core/backend/spark/sparkmodelbuilder.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace cdeck::spark {

// Reads Spark event logs into a SparkApplication, streaming: memory follows the model, not the log.
// Accepts a single log file (plain JSON lines or .zstd, possibly .inprogress) or a rolling
// eventlog_v2_* directory. Task events, nearly all of a big log, go through a simdjson fast path; the rest
// through QJsonDocument. Thread contract: a reader is used on one thread; run it off the GUI thread.
class EventLogReader
{
public:
    struct Options
    {
        bool listingOnly = false; // application and attempt only: task, job and stage events are skipped
        bool stopAtApplicationStart = false; // enough to learn the application and attempt ids
        const std::atomic<bool> *cancel = nullptr; // set from any thread to stop early (the model says so)
        std::function<void(qint64 bytes)> progress; // compressed/plain bytes read so far, at most ~10 times/s
        // 2: two threads decode 8 MiB chunks of lines (copied) while the calling thread applies them in order;
        // memory grows by a few chunks, not with the log. 1: all on the calling thread, in place. 1 stays the
        // default until a quiet machine shows 2 is faster (docs/benchmarks.md: on a loaded one it is not).
        int decodeThreads = 1;
        // The stages whose tasks the model keeps whole (SparkApplication::tasks), for the task endpoints; their
        // task events take the general path. Default: none, so memory follows the stages, not the tasks.
        TaskKeepFilter keepTasks;
        // SparkApplication::sqlExecutions, for the sql endpoints: every task event then takes the general path
        // (the SQL metrics are in its accumulators), which makes the replay slower.
        bool sqlExecutions = false;
    };

    // std::nullopt and *error (translated) when the path cannot be read at all: missing, unreadable, an
    // unsupported codec, or no application in it. A damaged or unfinished log still opens, with flags set.
    static std::optional<SparkApplication> read(const QString &path, QString *error, const Options &options);
    static std::optional<SparkApplication> read(const QString &path, QString *error)
    {
        return read(path, error, Options{});
    }

    // The event logs in a History Server style directory (files and eventlog_v2_* directories), symlinks
    // followed, hidden files and checksums skipped, sorted by name.
    static QStringList findLogs(const QString &directory);
    // True when path is a log on its own (a file or a rolling directory), false for a directory of logs.
    static bool isSingleLog(const QString &path);
};

} // namespace cdeck::spark
