// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "addruntimedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

AddRuntimeDialog::AddRuntimeDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Add a remote runtime"));
    m_name->setPlaceholderText(tr("e.g. team gateway"));
    m_url->setPlaceholderText(u"http://gateway.example:7650"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("contents of the runtime's DATA/token file"));
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&URL"), m_url);
    form->addRow(tr("&Token"), m_token);
    auto *note = new QLabel(tr("The token is stored in a file readable only by you (mode 0600) under the "
                               "console's data directory, not in the settings file."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        check();
        if (m_error->text().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString AddRuntimeDialog::name() const
{
    return m_name->text().trimmed().isEmpty() ? url().authority() : m_name->text().trimmed();
}

QUrl AddRuntimeDialog::url() const
{
    return QUrl::fromUserInput(m_url->text().trimmed());
}

QByteArray AddRuntimeDialog::token() const
{
    return m_token->text().trimmed().toUtf8();
}

void AddRuntimeDialog::check()
{
    const QUrl u = url();
    if (!u.isValid() || (u.scheme() != "http"_L1 && u.scheme() != "https"_L1) || u.host().isEmpty())
        m_error->setText(tr("The URL must be http(s)://host:port."));
    else if (token().isEmpty())
        m_error->setText(tr("The token is required."));
    else
        m_error->clear();
}

} // namespace cdeck
