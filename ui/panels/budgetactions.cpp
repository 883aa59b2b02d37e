// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "budgetactions.h"

#include "ui/forms/budgetdialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace cdeck {

BudgetActions::BudgetActions(QWidget *parent)
    : QWidget(parent)
    , m_picker(new QComboBox(this))
    , m_add(new QPushButton(tr("&Add budget…"), this))
    , m_edit(new QPushButton(tr("E&dit…"), this))
    , m_remove(new QPushButton(tr("Re&move…"), this))
{
    setObjectName(u"budgetActions"_s);
    m_picker->setObjectName(u"budgetPicker"_s);
    m_picker->setAccessibleName(tr("Budget to edit or remove"));
    m_add->setObjectName(u"addBudgetButton"_s);
    m_edit->setObjectName(u"editBudgetButton"_s);
    m_remove->setObjectName(u"removeBudgetButton"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_add);
    layout->addStretch(1);
    layout->addWidget(m_picker);
    layout->addWidget(m_edit);
    layout->addWidget(m_remove);
    connect(m_add, &QPushButton::clicked, this, [this] { openEditor(false); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openEditor(true); });
    connect(m_remove, &QPushButton::clicked, this, &BudgetActions::removePicked);
    updateButtons();
}

void BudgetActions::setBudgets(const QJsonArray &budgets, const QString &currency)
{
    m_budgets = budgets;
    m_currency = currency;
    const QString wasPicked = m_picker->currentData().toString();
    const QSignalBlocker block(m_picker);
    m_picker->clear();
    for (const QJsonValue &v : budgets) {
        const QString tag = v[u"tag"_s].toString();
        m_picker->addItem(tag, tag);
    }
    const int again = m_picker->findData(wasPicked);
    if (again >= 0)
        m_picker->setCurrentIndex(again);
    updateButtons();
}

void BudgetActions::setEditable(bool editable, const QString &whyNot)
{
    m_editable = editable;
    for (QPushButton *b : {m_add, m_edit, m_remove})
        b->setToolTip(editable ? QString() : whyNot);
    updateButtons();
}

void BudgetActions::updateButtons()
{
    const bool any = m_picker->count() > 0;
    m_picker->setVisible(any);
    m_add->setEnabled(m_editable);
    m_edit->setEnabled(m_editable && any);
    m_remove->setEnabled(m_editable && any);
    m_edit->setVisible(any);
    m_remove->setVisible(any);
}

QJsonObject BudgetActions::picked() const
{
    const QString tag = m_picker->currentData().toString();
    for (const QJsonValue &v : m_budgets)
        if (v[u"tag"_s].toString() == tag)
            return v.toObject();
    return {};
}

BudgetDialog *BudgetActions::openEditor(bool editPicked)
{
    if (!m_editable)
        return nullptr;
    if (m_editor) {
        m_editor->raise();
        return m_editor;
    }
    const QJsonObject budget = editPicked ? picked() : QJsonObject{};
    if (editPicked && budget.isEmpty())
        return nullptr;
    m_editor = new BudgetDialog(m_currency.isEmpty() ? u"USD"_s : m_currency, budget[u"tag"_s].toString(),
                                budget[u"limit"_s].toDouble(), this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &BudgetDialog::submitted, this, &BudgetActions::saveRequested);
    m_editor->open();
    return m_editor;
}

BudgetDialog *BudgetActions::editor() const
{
    return m_editor;
}

void BudgetActions::showSaveAnswer(bool accepted, const QString &message)
{
    if (m_editor && m_editor->isBusy())
        m_editor->showAnswer(accepted, message);
}

void BudgetActions::removePicked()
{
    const QString tag = picked()[u"tag"_s].toString();
    if (!m_editable || tag.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove budget"),
                                tr("Remove the budget for %1? Its spending stays in the ledger; only the limit goes.").arg(tag),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"removeBudgetConfirmation"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, tag](int result) {
        if (result == QMessageBox::Yes)
            Q_EMIT deleteRequested(tag);
    });
    box->open();
}

} // namespace cdeck
