// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "recordeditors.h"

#include "connectionstatus.h"
#include "pagestack.h"
#include "ui/auth/rolepermissions.h"
#include "ui/backend/connection.h"
#include "ui/panels/budgetactions.h"
#include "ui/panels/slospanel.h"
#include "ui/panels/summarypanel.h"

#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace cdeck {

RecordEditors::RecordEditors(QWidget *dialogParent, PageStack *pages, ConnectionStatus *status)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_pages(pages)
    , m_status(status)
{
    BudgetActions *budgets = pages->summary()->budgetActions();
    connect(budgets, &BudgetActions::saveRequested, this, [this](const QJsonObject &budget, const QString &replacing) {
        if (Connection *c = m_pages->summaryConnection())
            c->saveBudget(budget, replacing);
    });
    connect(budgets, &BudgetActions::deleteRequested, this, [this](const QString &tag) {
        if (Connection *c = m_pages->summaryConnection())
            c->deleteBudget(tag);
    });
    SlosPanel *slos = pages->slos();
    connect(slos, &SlosPanel::saveRequested, this, [this](const QJsonObject &definition, const QString &replacing) {
        if (Connection *c = m_pages->slosConnection())
            c->saveSlo(definition, replacing);
    });
    connect(slos, &SlosPanel::deleteRequested, this, [this](const QString &sloId) {
        if (Connection *c = m_pages->slosConnection())
            c->deleteSlo(sloId);
    });
}

bool RecordEditors::isRecordAction(const QString &action)
{
    return action == "budget"_L1 || action == "budget-delete"_L1 || action == "slo"_L1 || action == "slo-delete"_L1;
}

void RecordEditors::watch(Connection *connection)
{
    connect(connection->feed(), &ClusterFeed::actionFinished, this, [this, connection](const ActionResult &result) {
        if (isRecordAction(result.action))
            onRecordAction(connection, result);
    });
}

void RecordEditors::updateEditable()
{
    const auto editable = [](Connection *c) { return c && c->capabilities().editsBudgetsAndSlos; };
    const auto whyNot = [](Connection *c) {
        return c ? tr("%1 keeps no budgets or SLOs: a ClusterDeck runtime does.").arg(c->capabilities().serverName)
                 : QString();
    };
    Connection *summary = m_pages->summaryConnection();
    Connection *slos = m_pages->slosConnection();
    // A runtime keeps them, but the signed-in role may not change them: the editors say so (budgets: admin; SLOs:
    // operator).
    const QString budgetsRefused = RolePermissions::whyNot(summary, api::RouteId::BudgetPut);
    const QString slosRefused = RolePermissions::whyNot(slos, api::RouteId::SloAdd);
    m_pages->summary()->budgetActions()->setEditable(editable(summary) && budgetsRefused.isEmpty(),
                                                     editable(summary) ? budgetsRefused : whyNot(summary));
    m_pages->slos()->setEditable(editable(slos) && slosRefused.isEmpty(), editable(slos) ? slosRefused : whyNot(slos));
}

void RecordEditors::onRecordAction(Connection *connection, const ActionResult &r)
{
    const bool budget = r.action == "budget"_L1 || r.action == "budget-delete"_L1;
    if (r.action == "budget"_L1 && connection == m_pages->summaryConnection())
        m_pages->summary()->budgetActions()->showSaveAnswer(r.ok, r.message);
    if (r.action == "slo"_L1 && connection == m_pages->slosConnection())
        m_pages->slos()->showSaveAnswer(r.ok, r.message);
    if (r.ok) {
        m_status->showMessage(r.action == "budget"_L1              ? tr("Budget saved.")
                                  : r.action == "budget-delete"_L1 ? tr("Budget removed.")
                                  : r.action == "slo"_L1           ? tr("SLO saved.")
                                                                   : tr("SLO removed."),
                              5000);
        connection->pollNow();
    } else if (r.action.endsWith("-delete"_L1)) {
        // A save's refusal shows in its editor, which stays open; a removal has no editor to show it in.
        const QString what = budget ? tr("Removing the budget was refused") : tr("Removing the SLO was refused");
        auto *box = new QMessageBox(QMessageBox::Warning, what, tr("%1: %2").arg(what, r.message), QMessageBox::Ok,
                                    m_dialogParent);
        box->setObjectName(u"recordRefusal"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

} // namespace cdeck
