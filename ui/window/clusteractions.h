// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"

#include <QObject>

class QWidget;

namespace cdeck {

class Connection;
class ConnectionRegistry;
class ConnectionStatus;
class FocusedCluster;
class PageStack;

// The focused cluster's actions from the window: the scale and terminate dialogs, and what comes of every
// cluster action a connection ran (launch, scale, policy, protection, terminate, job submit and cancel, guarded
// actions): the cluster updated in place, the outcome in the status bar, a refusal in a message box.
class ClusterActions : public QObject
{
    Q_OBJECT
public:
    ClusterActions(QWidget *dialogParent, FocusedCluster *focus, PageStack *pages, ConnectionRegistry *connections,
                   ConnectionStatus *status);

    void openScaleDialog();
    void openTerminateDialog();
    void watch(Connection *connection); // its actions' results

Q_SIGNALS:
    void launched(cdeck::Connection *connection, const QString &clusterId); // select it

private:
    void onAction(Connection *connection, const ActionResult &result);

    QWidget *m_dialogParent;
    FocusedCluster *m_focus;
    PageStack *m_pages;
    ConnectionRegistry *m_connections;
    ConnectionStatus *m_status;
};

} // namespace cdeck
