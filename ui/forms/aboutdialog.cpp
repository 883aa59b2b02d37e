// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

QString AboutDialog::versionText()
{
    return tr("ClusterDeck %1\nQt %2 (built with %3)\n%4 (%5)")
        .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture());
}

QUrl AboutDialog::documentationUrl()
{
    return QUrl(u"https://clusterdeck.io/docs/"_s); // as the AppStream metadata's help URL
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About ClusterDeck"));
    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(96, 96));
    auto *title
        = new QLabel(tr("<h2>ClusterDeck</h2><p>Launch, watch, triage and cost data-processing clusters.</p>"), this);
    auto *versions = new QLabel(versionText().toHtmlEscaped().replace(u'\n', u"<br>"_s), this);
    versions->setObjectName(u"aboutVersions"_s);
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QUrl docs = documentationUrl();
    auto *links = new QLabel(tr("Documentation: <a href=\"%1\">%1</a><br>Licensed under the Apache License 2.0.")
                                 .arg(docs.toString().toHtmlEscaped()),
                             this);
    links->setOpenExternalLinks(true);
    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(versions);
    text->addWidget(links);
    auto *row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addLayout(text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [] { QGuiApplication::clipboard()->setText(versionText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

} // namespace cdeck
