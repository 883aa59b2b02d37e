// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "addruntimedialog.h"

#include "ui/consolesettings.h"
#include "ui/presentation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

AddRuntimeDialog::AddRuntimeDialog(QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_form(new QFormLayout)
    , m_note(new QLabel(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Add a runtime, Spark or YARN server"));
    m_kind->setObjectName(u"connectionKindCombo"_s);
    m_kind->addItem(tr("ClusterDeck runtime"), int(ConnectionKind::Runtime));
    m_kind->addItem(tr("Spark UI or History Server"), int(ConnectionKind::Spark));
    m_kind->addItem(tr("YARN ResourceManager"), int(ConnectionKind::Yarn));
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setPlaceholderText(tr("e.g. team gateway"));
    m_url->setObjectName(u"urlEdit"_s);
    m_token->setObjectName(u"tokenEdit"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("contents of the runtime's DATA/token file"));
    m_user->setObjectName(u"userEdit"_s);
    m_user->setPlaceholderText(tr("optional: user.name for killing applications (simple auth)"));
    m_error->setObjectName(u"addRuntimeError"_s);
    m_error->setStyleSheet(u"color: %1;"_s.arg(presentation::tone(presentation::Tone::Danger).name()));
    m_error->setWordWrap(true);
    m_note->setWordWrap(true);
    m_form->addRow(tr("&Server"), m_kind);
    m_form->addRow(tr("&Name"), m_name);
    m_form->addRow(tr("&URL"), m_url);
    m_form->addRow(tr("&Token"), m_token);
    m_form->addRow(tr("&User"), m_user);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        check();
        if (m_error->text().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateKindRows();
        if (!m_error->text().isEmpty())
            check(); // an error about the other kind's fields must not linger
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    updateKindRows();
}

ConnectionKind AddRuntimeDialog::kind() const
{
    return ConnectionKind(m_kind->currentData().toInt());
}

void AddRuntimeDialog::setKind(ConnectionKind kind)
{
    const int index = m_kind->findData(int(kind));
    if (index >= 0)
        m_kind->setCurrentIndex(index);
}

void AddRuntimeDialog::updateKindRows()
{
    const bool runtime = kind() == ConnectionKind::Runtime;
    const bool yarn = kind() == ConnectionKind::Yarn;
    m_form->setRowVisible(m_token, runtime);
    m_form->setRowVisible(m_user, yarn);
    if (runtime) {
        m_url->setPlaceholderText(u"http://gateway.example:7650"_s);
        m_note->setText(tr("The token is stored in a file readable only by you (mode 0600) under the "
                           "console's data directory, not in the settings file."));
    } else if (yarn) {
        m_url->setPlaceholderText(u"http://rm-host:8088"_s);
        m_note->setText(tr("The ResourceManager's nodes show as executors and its applications as jobs; "
                           "cancelling a job kills the application. ClusterDeck does not launch, scale or "
                           "terminate YARN clusters."));
    } else {
        m_url->setPlaceholderText(u"http://driver:4040  or  http://history:18080"_s);
        m_note->setText(tr("Each application shows as a cluster, with its executors and jobs. ClusterDeck "
                           "does not launch, scale or terminate Spark applications."));
    }
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

QString AddRuntimeDialog::user() const
{
    return kind() == ConnectionKind::Yarn ? m_user->text().trimmed() : QString();
}

QString AddRuntimeDialog::problem() const
{
    const ConnectionKind e = kind();
    if (m_url->text().trimmed().isEmpty())
        return tr("Give the server's URL, e.g. %1.").arg(m_url->placeholderText().section(u' ', 0, 0));
    const QUrl u = url();
    if (!u.isValid() || (u.scheme() != "http"_L1 && u.scheme() != "https"_L1) || u.host().isEmpty())
        return tr("The URL must be http(s)://host:port.");
    if (u.hasQuery() || u.hasFragment())
        return tr("The URL must be the server's base address, without ?query or #fragment.");
    const QString path = u.path();
    if (e == ConnectionKind::Spark && path.contains(u"/api/v1"_s))
        return tr("Give the Spark server's base URL, without /api/v1: ClusterDeck adds it.");
    if (e == ConnectionKind::Yarn && path.contains(u"/ws/v1"_s))
        return tr("Give the ResourceManager's base URL, without /ws/v1: ClusterDeck adds it.");
    if (e == ConnectionKind::Runtime && token().isEmpty())
        return tr("The token is required.");
    if (e == ConnectionKind::Yarn
        && m_user->text().trimmed().contains(QRegularExpression(u"[\\s/?&#=]"_s)))
        return tr("The user name must not contain spaces or any of / ? & # =.");
    return {};
}

void AddRuntimeDialog::check()
{
    m_error->setText(problem());
}

} // namespace cdeck
