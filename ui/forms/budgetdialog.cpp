// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "budgetdialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

BudgetDialog::BudgetDialog(const QString &currency, const QString &tag, double limit, QWidget *parent)
    : EditorDialog(parent)
    , m_editedTag(tag)
    , m_key(new QLineEdit(this))
    , m_value(new QLineEdit(this))
    , m_limit(new QLineEdit(this))
{
    setObjectName(u"budgetDialog"_s);
    setWindowTitle(tag.isEmpty() ? tr("New budget") : tr("Edit budget %1").arg(tag));
    m_key->setObjectName(u"budgetKey"_s);
    m_value->setObjectName(u"budgetValue"_s);
    m_limit->setObjectName(u"budgetLimit"_s);
    m_key->setPlaceholderText(tr("team"));
    m_value->setPlaceholderText(tr("data"));
    m_limit->setPlaceholderText(QLocale().toString(500.0, 'f', 2));
    const qsizetype eq = tag.indexOf(u'=');
    if (eq > 0) {
        m_key->setText(tag.left(eq));
        m_value->setText(tag.mid(eq + 1));
    } else {
        m_key->setText(u"team"_s); // the summary's default grouping: teams are what budgets are usually for
    }
    if (limit > 0)
        m_limit->setText(QLocale().toString(limit, 'f', 2));

    auto *intro = new QLabel(tr("A budget limits what the clusters carrying one tag cost in a calendar month (UTC). "
                                "The summary warns from 80 % of the limit and marks it exceeded from 100 %."),
                             this);
    intro->setWordWrap(true);
    form()->addRow(intro);
    form()->addRow(tr("Tag &key:"), m_key);
    form()->addRow(tr("Tag &value:"), m_value);
    form()->addRow(tr("&Limit per month (%1):").arg(currency), m_limit);
    for (QLineEdit *field : {m_key, m_value, m_limit})
        connect(field, &QLineEdit::textChanged, this, &BudgetDialog::revalidate);
    revalidate();
}

std::optional<double> BudgetDialog::limit() const
{
    return typedNumber(m_limit->text());
}

QString BudgetDialog::validate() const
{
    const QString key = m_key->text().trimmed();
    const QString value = m_value->text().trimmed();
    if (key.isEmpty())
        return tr("Give the tag's key, such as team.");
    if (key.contains(u'='))
        return tr("The tag's key cannot hold \"=\": it separates the key from the value.");
    if (value.isEmpty())
        return tr("Give the tag's value, such as data: the budget covers the clusters tagged %1=value.").arg(key);
    if (m_limit->text().trimmed().isEmpty())
        return tr("Give the monthly limit, such as %1.").arg(QLocale().toString(500.0, 'f', 2));
    const auto amount = limit();
    if (!amount)
        return tr("The limit \"%1\" is not a number.").arg(m_limit->text().trimmed());
    if (*amount <= 0)
        return tr("The limit must be above zero.");
    if (*amount > 1e12)
        return tr("The limit is too large.");
    return {};
}

QJsonObject BudgetDialog::record() const
{
    const QString tag = m_key->text().trimmed() + u'=' + m_value->text().trimmed();
    return {{u"tag"_s, tag}, {u"limit"_s, limit().value_or(0.0)}};
}

QString BudgetDialog::replacing() const
{
    const QString tag = record().value(u"tag"_s).toString();
    return m_editedTag.isEmpty() || m_editedTag == tag ? QString() : m_editedTag;
}

} // namespace cdeck
