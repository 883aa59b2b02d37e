// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

class QAbstractItemView;
class QString;

namespace cdeck {

// A table of records the user reads and picks one of (incidents, SLOs): whole rows selected, one
// at a time, nothing edited in place, no row numbers, the last column taking the spare width,
// one line per row, and a name for screen readers.
void setUpRecordTable(QAbstractItemView *table, const QString &accessibleName);

} // namespace cdeck
