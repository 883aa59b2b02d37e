// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "signindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

SignInDialog::SignInDialog(const QString &runtimeName, const QString &runtimeUrl, QWidget *parent)
    : QDialog(parent)
    , m_message(new QLabel(this))
    , m_token(new QLineEdit(this))
{
    setObjectName(u"signInDialog"_s);
    setWindowTitle(tr("Sign in to %1").arg(runtimeName));
    setWindowModality(Qt::WindowModal);
    m_message->setObjectName(u"signInMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_token->setObjectName(u"signInToken"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("the token an admin gave you (clusterdeck-cli user add)"));

    auto *intro = new QLabel(tr("Sign in to the runtime at %1 with your own token: what you may do there follows "
                                "the role it belongs to.")
                                 .arg(runtimeUrl),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    auto *kept = new QLabel(tr("Once the runtime accepts it, the token is kept in the system keychain or, where there "
                               "is none, in a file only you can read. Sign out forgets it."),
                            this);
    kept->setWordWrap(true);
    auto *form = new QFormLayout;
    auto *tokenLabel = new QLabel(tr("&Token:"), this);
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, m_token);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setDefault(true);
    m_signIn->setEnabled(false);
    connect(m_token, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_signIn->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(kept);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

void SignInDialog::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString SignInDialog::message() const
{
    return m_message->text();
}

QByteArray SignInDialog::token() const
{
    return m_token->text().trimmed().toUtf8();
}

void SignInDialog::setToken(const QString &token)
{
    m_token->setText(token);
}

} // namespace cdeck
