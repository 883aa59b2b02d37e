// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>

#include <optional>

namespace cdeck::logs {

enum class LogLevel { None, Debug, Info, Warning, Error };

// The level a line states, as Dask (Python logging: "2026-12-07 16:03:54,123 - distributed.worker -
// WARNING - ..."), Spark (log4j: "26/12/07 16:03:54 WARN Worker: ..."), spdlog (the runtime) and Python
// tracebacks write it. Only the line's head is read, so a message quoting "ERROR" stays what it is.
LogLevel levelOf(QByteArrayView line);

// The time a line starts with, in ms since the epoch, read as local time (the engines log in the
// runtime's local time): "2026-12-07 16:03:54,123", "2026-12-07T16:03:54.123", "26/12/07 16:03:54".
// nullopt for a line without one (a traceback's body, a job's print()).
std::optional<qint64> timestampOf(QByteArrayView line);

} // namespace cdeck::logs
