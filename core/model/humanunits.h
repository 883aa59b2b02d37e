// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

// Sizes and durations as people read them, for text written in core (feeds, reports) and in the console alike.
namespace cdeck::units {

QString formatBytes(qint64 bytes); // "1.5 GiB"
QString formatDuration(double seconds); // "12.3 s", "4 min 05 s", "2 h 03 min"

} // namespace cdeck::units
