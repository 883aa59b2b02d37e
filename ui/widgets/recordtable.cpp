// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "recordtable.h"

#include <QHeaderView>
#include <QTableView>

namespace cdeck {

void setUpRecordTable(QAbstractItemView *table, const QString &accessibleName)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    if (auto *view = qobject_cast<QTableView *>(table)) {
        view->verticalHeader()->hide();
        view->horizontalHeader()->setStretchLastSection(true);
        view->setWordWrap(false);
    }
    table->setAccessibleName(accessibleName);
}

} // namespace cdeck
