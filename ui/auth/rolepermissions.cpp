// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "rolepermissions.h"

#include "ui/backend/connection.h"

#include <QAction>
#include <QWidget>

namespace cdeck {

QString RolePermissions::what(api::RouteId route)
{
    switch (route) {
    case api::RouteId::ClusterLaunch:
        return tr("launch clusters");
    case api::RouteId::ClusterScale:
        return tr("scale clusters");
    case api::RouteId::ClusterPolicySet:
        return tr("change scaling policies");
    case api::RouteId::ClusterTerminate:
        return tr("terminate clusters");
    case api::RouteId::ClusterProtection:
        return tr("change termination protection");
    case api::RouteId::JobSubmit:
        return tr("submit jobs");
    case api::RouteId::JobCancel:
        return tr("cancel jobs");
    case api::RouteId::ClusterActions:
        return tr("run guarded actions");
    case api::RouteId::BudgetPut:
    case api::RouteId::BudgetRemove:
        return tr("edit budgets");
    case api::RouteId::SloAdd:
    case api::RouteId::SloRemove:
        return tr("edit SLOs");
    default:
        break;
    }
    return QString::fromLatin1(api::route(route).summary);
}

QString RolePermissions::whyNot(const Connection *c, api::RouteId routeId, const QString &clusterOwner)
{
    if (!c || !c->hasUsers() || !c->role())
        return {};
    const api::Role role = *c->role();
    const api::Route &route = api::route(routeId);
    if (!api::allows(route, role))
        return tr("Signed in as %1 (%2): only the %3 role and above may %4.")
            .arg(c->user(), api::toString(role), api::toString(route.role), what(routeId));
    if (route.scope == api::Scope::OwnCluster && role == api::Role::Scientist && clusterOwner != c->user())
        return clusterOwner.isEmpty()
            ? tr("Signed in as %1 (scientist): this cluster was not launched by you, and a scientist may %2 only on "
                 "the clusters it launched.")
                  .arg(c->user(), what(routeId))
            : tr("Signed in as %1 (scientist): this cluster was launched by %2, and a scientist may %3 only on the "
                 "clusters it launched.")
                  .arg(c->user(), clusterOwner, what(routeId));
    return {};
}

void RolePermissions::explain(QWidget *control, const QString &whyNot)
{
    if (whyNot.isEmpty()) {
        if (!control->accessibleDescription().isEmpty() && control->accessibleDescription() == control->statusTip()) {
            control->setAccessibleDescription({});
            control->setStatusTip({});
        }
        return;
    }
    control->setEnabled(false);
    control->setToolTip(whyNot);
    control->setStatusTip(whyNot);
    control->setAccessibleDescription(whyNot);
}

void RolePermissions::explain(QAction *action, const QString &whyNot)
{
    if (whyNot.isEmpty()) {
        if (!action->statusTip().isEmpty() && action->statusTip() == action->toolTip()) {
            action->setStatusTip({});
            action->setToolTip({});
        }
        return;
    }
    action->setEnabled(false);
    action->setToolTip(whyNot);
    action->setStatusTip(whyNot);
}

} // namespace cdeck
