// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"

#include <QObject>

class QWidget;

namespace cdeck {

class Connection;
class ConnectionStatus;
class PageStack;

// Budgets (the summary page) and SLOs (the SLOs page): the editors' requests go to the connection the page
// speaks for, and the runtime's answers come back to the editors (a removal's refusal in a message box).
class RecordEditors : public QObject
{
    Q_OBJECT
public:
    RecordEditors(QWidget *dialogParent, PageStack *pages, ConnectionStatus *status);

    static bool isRecordAction(const QString &action); // budget, budget-delete, slo, slo-delete
    void updateEditable(); // after the pages changed connection
    void watch(Connection *connection); // its record actions' results

private:
    void onRecordAction(Connection *connection, const ActionResult &result);

    QWidget *m_dialogParent;
    PageStack *m_pages;
    ConnectionStatus *m_status;
};

} // namespace cdeck
