// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "editordialog.h"

#include <optional>

class QLineEdit;

namespace cdeck {

// Adds or edits one of the runtime's budgets as its API defines them (POST /api/v1/budgets): a limit on what
// the instances of the clusters carrying one tag (key=value, e.g. team=data) cost in the calendar month
// (UTC); the runtime warns from 80 % and calls it exceeded from 100 %. Saving under another tag replaces the
// edited budget once the new one is accepted.
class BudgetDialog : public EditorDialog
{
    Q_OBJECT
public:
    // Empty tag: a new budget.
    explicit BudgetDialog(const QString &currency, const QString &tag = {}, double limit = 0, QWidget *parent = nullptr);

    QLineEdit *keyField() const { return m_key; }
    QLineEdit *valueField() const { return m_value; }
    QLineEdit *limitField() const { return m_limit; }
    QJsonObject record() const override; // {"tag": "team=data", "limit": 500}

protected:
    QString validate() const override;
    QString replacing() const override;

private:
    std::optional<double> limit() const;

    QString m_editedTag;
    QLineEdit *m_key;
    QLineEdit *m_value;
    QLineEdit *m_limit;
};

} // namespace cdeck
