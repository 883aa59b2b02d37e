// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "editordialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

EditorDialog::EditorDialog(QWidget *parent)
    : QDialog(parent)
    , m_fields(new QWidget(this))
    , m_form(new QFormLayout(m_fields))
    , m_problem(new QLabel(this))
    , m_save(nullptr)
{
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse); // a refusal can be copied into a ticket
    QFont bold = m_problem->font(); // the problem stands out by weight, not by a colour the theme may not suit
    bold.setBold(true);
    m_problem->setFont(bold);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(u"saveButton"_s);
    m_saveText = m_save->text(); // the platform's wording (and mnemonic, where it gives one)
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &EditorDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_fields);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString EditorDialog::problemText() const
{
    return m_problem->text();
}

void EditorDialog::revalidate()
{
    if (m_busy)
        return;
    const QString problem = validate();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_save->setEnabled(problem.isEmpty());
}

void EditorDialog::send()
{
    if (m_busy || !validate().isEmpty())
        return;
    setBusy(true);
    Q_EMIT submitted(record(), replacing());
}

void EditorDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_save->setEnabled(!busy);
    m_save->setText(busy ? tr("Saving…") : m_saveText);
    m_fields->setEnabled(!busy); // a field a subclass disabled itself stays disabled when this enables again
}

void EditorDialog::showAnswer(bool accepted, const QString &message)
{
    setBusy(false);
    if (accepted) {
        accept();
        return;
    }
    m_problem->setText(tr("The runtime refused it: %1").arg(message));
    m_problem->show();
}

std::optional<double> EditorDialog::typedNumber(const QString &text)
{
    bool ok = false;
    double value = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok)
        value = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace cdeck
