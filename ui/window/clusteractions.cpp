// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusteractions.h"

#include "connectionregistry.h"
#include "connectionstatus.h"
#include "pagestack.h"
#include "recordeditors.h"
#include "ui/backend/connection.h"
#include "ui/backend/focusedcluster.h"
#include "ui/forms/launchform.h"
#include "ui/forms/scaledialog.h"
#include "ui/forms/terminatedialog.h"
#include "ui/models/clusterlistmodel.h"

#include <QMessageBox>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace cdeck {

ClusterActions::ClusterActions(QWidget *dialogParent, FocusedCluster *focus, PageStack *pages,
                               ConnectionRegistry *connections, ConnectionStatus *status)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_focus(focus)
    , m_pages(pages)
    , m_connections(connections)
    , m_status(status)
{
}

void ClusterActions::watch(Connection *connection)
{
    connect(connection->feed(), &ClusterFeed::actionFinished, this,
            [this, connection](const ActionResult &result) { onAction(connection, result); });
}

void ClusterActions::openScaleDialog()
{
    Connection *connection = m_focus->connection();
    if (!m_focus->isSet())
        return;
    const ClusterInfo &cluster = m_pages->clusterPage()->cluster();
    std::optional<InstanceType> type;
    for (const InstanceType &t : m_connections->catalog(connection).types.value_or(QList<InstanceType>{}))
        if (t.name == cluster.spec.instanceType)
            type = t;
    auto *dialog = new ScaleDialog(cluster, type, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto meter = connection->clusters()->meter(m_focus->clusterId()))
        dialog->setCostRates(meter->ratePerHour, meter->workerRatePerHour, meter->currency);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, connection = QPointer(connection), id = m_focus->clusterId(), name = cluster.name()] {
                if (!connection)
                    return;
                const std::optional<int> target
                    = dialog->targetChanged() ? std::optional(dialog->target()) : std::nullopt;
                // The policy first, the target only once it is accepted: a target inside new bounds would
                // otherwise be refused by the old ones.
                if (dialog->policyChanged()) {
                    connection->setScalingPolicy(id, dialog->policy(), target);
                    m_status->showMessage(tr("Scaling policy of %1: %2").arg(name, dialog->policy().summary()), 5000);
                } else if (target) {
                    connection->scale(id, *target);
                    m_status->showMessage(tr("Scaling %1 to %n worker(s)…", nullptr, *target).arg(name), 5000);
                }
            });
    dialog->open();
}

void ClusterActions::openTerminateDialog()
{
    const ClusterInfo &cluster = m_pages->clusterPage()->cluster();
    if (!m_focus->isSet() || cluster.spec.terminationProtection)
        return;
    auto *dialog = new TerminateDialog(cluster, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, connection = QPointer(m_focus->connection()), id = m_focus->clusterId(), name = cluster.name()] {
                if (connection) {
                    connection->terminate(id);
                    m_status->showMessage(tr("Terminating %1…").arg(name), 5000);
                }
            });
    dialog->open();
}

void ClusterActions::onAction(Connection *connection, const ActionResult &r)
{

    if (RecordEditors::isRecordAction(r.action)) // the record editors answer those
        return;
    if (r.action == "launch"_L1) {
        LaunchForm *form = m_pages->launchForm();
        if (!r.ok) {
            form->showRefusal(r.message, r.fields);
            return;
        }
        // The cluster shows at once as the runtime described it (STARTING); polling moves it on.
        const ClusterInfo created = ClusterInfo::fromJson(r.body.toObject());
        connection->clusters()->upsert(created);
        form->setBusy(false);
        m_pages->clusterPage()->showTab(ClusterPage::Tab::Overview);
        Q_EMIT launched(connection, created.id);
        m_status->showMessage(tr("Launched %1 (%2).").arg(created.name(), created.id), 8000);
        return;
    }
    if (!r.ok) {
        QString what;
        if (r.action == "scale"_L1)
            what = tr("Scaling failed");
        else if (r.action == "terminate"_L1)
            what = tr("Terminate refused");
        else if (r.action == "protection"_L1)
            what = tr("Changing termination protection failed");
        else if (r.action == "policy"_L1)
            what = tr("Changing the scaling policy failed");
        else if (r.action == "submit"_L1)
            what = tr("Job submission refused");
        else if (r.action == "guarded"_L1)
            what = tr("The action was refused (and recorded in the audit log)");
        else
            what = tr("Cancelling the job failed");
        auto *box = new QMessageBox(QMessageBox::Warning, what, u"%1: %2"_s.arg(what, r.message), QMessageBox::Ok,
                                    m_dialogParent);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    if (r.body.isObject() && r.body.toObject().contains(u"state"_s) && r.action != "submit"_L1
        && r.action != "cancel"_L1) {
        ClusterInfo updated = ClusterInfo::fromJson(r.body.toObject());
        // An action's answer does not say who owns the cluster; the list did.
        if (const int row = connection->clusters()->rowOf(updated.id); row >= 0 && updated.owner.isEmpty())
            updated.owner = connection->clusters()->at(row).owner;
        connection->clusters()->upsert(updated);
        if (connection == m_focus->connection() && updated.id == m_focus->clusterId())
            m_pages->clusterPage()->applyCluster(updated);
    }
    if (r.action == "submit"_L1)
        m_status->showMessage(tr("Job submitted."), 5000);
    if (r.action == "guarded"_L1) {
        const QJsonObject audit = r.body.toObject().value(u"audit"_s).toObject();
        m_status->showMessage(tr("%1 by %2: %3 → %4 (audit log #%5).")
                                  .arg(audit.value(u"action"_s).toString(), audit.value(u"actor"_s).toString(),
                                       audit.value(u"before"_s).toString(), audit.value(u"after"_s).toString())
                                  .arg(audit.value(u"seq"_s).toInteger()),
                              10000);
    }
}

} // namespace cdeck
