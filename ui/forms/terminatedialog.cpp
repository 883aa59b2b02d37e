// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "terminatedialog.h"

#include "ui/presentation.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

TerminateDialog::TerminateDialog(const ClusterInfo &cluster, QWidget *parent)
    : QDialog(parent)
    , m_cluster(cluster)
{
    setObjectName(u"terminateDialog"_s);
    setWindowTitle(tr("Terminate %1").arg(cluster.name()));
    auto *text = new QLabel(tr("Terminating <b>%1</b> stops its scheduler and its %n executor(s); running jobs are "
                               "interrupted and data held in memory is lost. This cannot be undone.",
                               nullptr, cluster.runningWorkers)
                                .arg(cluster.name().toHtmlEscaped()),
                            this);
    text->setWordWrap(true);
    auto *prompt = new QLabel(tr("Type the cluster's name, <b>%1</b>, to confirm:").arg(cluster.name().toHtmlEscaped()), this);
    auto *confirm = new QLineEdit(this);
    confirm->setObjectName(u"confirmEdit"_s);
    confirm->setPlaceholderText(cluster.name());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *terminate = buttons->addButton(tr("Terminate"), QDialogButtonBox::AcceptRole);
    terminate->setObjectName(u"terminateButton"_s);
    terminate->setEnabled(false);
    const QColor danger = presentation::tone(presentation::Tone::Danger);
    terminate->setStyleSheet(u"QPushButton:enabled { background: %1; color: %2; font-weight: bold; }"_s.arg(
        danger.name(), presentation::textOn(danger).name()));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(confirm, &QLineEdit::textChanged, this,
            [terminate, name = cluster.name()](const QString &t) { terminate->setEnabled(t == name); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(prompt);
    layout->addWidget(confirm);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

} // namespace cdeck
