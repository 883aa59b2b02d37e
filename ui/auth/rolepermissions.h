// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/apiroutes.h"

#include <QCoreApplication>
#include <QString>

class QAction;
class QWidget;

namespace cdeck {

class Connection;

// What the signed-in user may do on a runtime, read from the runtime's own route table (api::routes(): the role
// each route needs and whether it acts on the caller's own clusters only), so the console disables what the
// runtime would refuse and says why. The runtime still decides: a forced call gets its 403, shown as sent.
class RolePermissions
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::RolePermissions)
public:
    // "" when allowed, and when nothing is known to forbid it (no users on that server, the identity not yet
    // answered); else one sentence saying why not, naming the role it needs or the cluster's owner.
    static QString whyNot(const Connection *c, api::RouteId route, const QString &clusterOwner = {});

    // Disables a control the role cannot use and gives the reason as its tooltip, status tip and accessible
    // description (a screen reader says it too); allowed: leaves it as the caller set it.
    static void explain(QWidget *control, const QString &whyNot);
    static void explain(QAction *action, const QString &whyNot);

private:
    static QString what(api::RouteId route); // "launch clusters", for the sentence
};

} // namespace cdeck
