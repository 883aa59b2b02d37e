// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "scaledialog.h"

#include "ui/cost/costexport.h"
#include "ui/presentation.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

ScaleDialog::ScaleDialog(const ClusterInfo &cluster, const std::optional<InstanceType> &type, QWidget *parent)
    : QDialog(parent)
    , m_cluster(cluster)
    , m_type(type)
    , m_target(new QSpinBox(this))
    , m_delta(new QLabel(this))
    , m_costDelta(new QLabel(this))
{
    setObjectName(u"scaleDialog"_s);
    setWindowTitle(tr("Scale %1").arg(cluster.name()));
    m_target->setObjectName(u"targetSpin"_s);
    m_target->setRange(1, type ? type->maxWorkers : 64);
    m_target->setValue(cluster.spec.workers);
    m_delta->setObjectName(u"deltaLabel"_s);
    m_delta->setWordWrap(true);
    m_delta->setMinimumWidth(360);

    auto *form = new QFormLayout;
    form->addRow(tr("Now"), new QLabel(tr("%1 workers requested, %2 running (%3)")
                                           .arg(cluster.spec.workers)
                                           .arg(cluster.runningWorkers)
                                           .arg(cluster.spec.instanceType),
                                       this));
    form->addRow(tr("&Target workers"), m_target);
    form->addRow(tr("Change"), m_delta);
    m_costDelta->setObjectName(u"costDeltaLabel"_s);
    m_costDelta->setWordWrap(true);
    m_costDelta->setTextFormat(Qt::PlainText);
    form->addRow(tr("Cost"), m_costDelta);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Scale"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(u"scaleButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(m_target, &QSpinBox::valueChanged, this, &ScaleDialog::update);
    update();
}

int ScaleDialog::target() const
{
    return m_target->value();
}

QString ScaleDialog::deltaText() const
{
    return m_delta->text();
}

QString ScaleDialog::costDeltaText() const
{
    return m_costDelta->text();
}

void ScaleDialog::setCostRates(double nowPerHour, double workerPerHour, const QString &currency)
{
    m_nowPerHour = nowPerHour;
    m_workerPerHour = workerPerHour;
    m_currency = currency;
    update();
}

void ScaleDialog::update()
{
    const int delta = m_target->value() - m_cluster.spec.workers;
    const int threads = m_type ? m_type->threads : 1;
    const qint64 memory = m_type ? m_type->memoryLimitBytes : 0;
    if (delta == 0)
        m_delta->setText(tr("No change."));
    else if (delta > 0)
        m_delta->setText(tr("+%n executor(s): adds %1 threads and %2 of memory.", nullptr, delta)
                             .arg(delta * threads)
                             .arg(presentation::formatBytes(qint64(delta) * memory)));
    else
        m_delta->setText(tr("−%n executor(s): retires them gracefully (their data moves to the others first); "
                            "frees %1 threads and %2.",
                            nullptr, -delta)
                             .arg(-delta * threads)
                             .arg(presentation::formatBytes(qint64(-delta) * memory)));
    m_ok->setEnabled(delta != 0);
    if (!m_nowPerHour) {
        m_costDelta->setText(tr("Cost meter not received yet."));
    } else {
        // Per-second billing: the rate changes as the workers start or retire.
        const double change = delta * m_workerPerHour;
        const double after = std::max(0.0, *m_nowPerHour + change);
        const QString sign = change > 0 ? u"+"_s : QString();
        m_costDelta->setText(delta == 0 ? tr("%1 now, unchanged.").arg(costview::formatRate(*m_nowPerHour, m_currency))
                                        : tr("%1%2 (%3 → %4); %5 per worker.")
                                              .arg(sign, costview::formatRate(change, m_currency),
                                                   costview::formatRate(*m_nowPerHour, m_currency),
                                                   costview::formatRate(after, m_currency),
                                                   costview::formatRate(m_workerPerHour, m_currency)));
    }
}

} // namespace cdeck
