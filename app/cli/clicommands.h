// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace cdeck::cli {

// Parses the command line (without the program name), runs the command, returns the exit code
// (0 done, 1 refused or failed, 2 bad command line, 3 runtime unreachable or no token).
// With --json, stdout is exactly one JSON document; errors go to stderr (as one JSON object under --json).
int run(const QStringList &args, const QString &version);

} // namespace cdeck::cli
