// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QPushButton;

namespace cdeck {

class BudgetDialog;

// The executive summary's budget controls: add a budget, or pick one to edit or remove. Add and Edit open a
// BudgetDialog, Remove asks first; the requests leave through saveRequested/deleteRequested (the window sends
// them to the connection's feed) and the runtime's answer comes back through showSaveAnswer.
class BudgetActions : public QWidget
{
    Q_OBJECT
public:
    explicit BudgetActions(QWidget *parent = nullptr);

    // The summary's "budgets" (BudgetStatus list) and currency; the picked budget stays picked.
    void setBudgets(const QJsonArray &budgets, const QString &currency);
    // Whether this connection keeps budgets; whyNot is the disabled buttons' tooltip.
    void setEditable(bool editable, const QString &whyNot = {});
    BudgetDialog *openEditor(bool editPicked); // the dialog shown (nullptr when there is nothing to edit)
    void removePicked(); // asks first
    void showSaveAnswer(bool accepted, const QString &message);

    BudgetDialog *editor() const; // the editor open now, if any
    QComboBox *picker() const { return m_picker; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void saveRequested(const QJsonObject &budget, const QString &replacing);
    void deleteRequested(const QString &tag);

private:
    void updateButtons();
    QJsonObject picked() const;

    QJsonArray m_budgets;
    QString m_currency;
    bool m_editable = false;
    QComboBox *m_picker;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPointer<BudgetDialog> m_editor;
};

} // namespace cdeck
