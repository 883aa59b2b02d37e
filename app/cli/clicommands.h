// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace cdeck::cli {

// Parses the command line (without the program name), runs the command, returns the exit code.
// With --json, stdout is exactly one JSON document; errors always go to stderr.
int run(const QStringList &args);

} // namespace cdeck::cli
