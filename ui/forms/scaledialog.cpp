// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "scaledialog.h"

#include "ui/cost/costexport.h"
#include "ui/presentation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <tuple>

using namespace Qt::StringLiterals;

namespace cdeck {

ScaleDialog::ScaleDialog(const ClusterInfo &cluster, const std::optional<InstanceType> &type, QWidget *parent)
    : QDialog(parent)
    , m_cluster(cluster)
    , m_type(type)
    , m_target(new QSpinBox(this))
    , m_delta(new QLabel(this))
    , m_costDelta(new QLabel(this))
    , m_mode(new QComboBox(this))
    , m_min(new QSpinBox(this))
    , m_max(new QSpinBox(this))
    , m_outCooldown(new QSpinBox(this))
    , m_inCooldown(new QSpinBox(this))
    , m_policyBox(new QWidget(this))
    , m_problems(new QLabel(this))
{
    setObjectName(u"scaleDialog"_s);
    setWindowTitle(tr("Scale %1").arg(cluster.name()));
    m_target->setObjectName(u"targetSpin"_s);
    m_target->setRange(1, type ? type->maxWorkers : 64);
    m_target->setValue(cluster.spec.workers);
    m_delta->setObjectName(u"deltaLabel"_s);
    m_delta->setWordWrap(true);
    m_delta->setMinimumWidth(360);

    const ScalingPolicy &p = cluster.spec.scaling;
    m_mode->setObjectName(u"scalingModeCombo"_s);
    m_mode->addItem(tr("Manual: keep the target above"), u"manual"_s);
    m_mode->addItem(tr("Managed: scale between a minimum and a maximum"), u"managed"_s);
    m_mode->setCurrentIndex(p.managed() ? 1 : 0);
    const int typeMax = type ? type->maxWorkers : 64;
    for (auto [spin, name, value] : {std::tuple{m_min, "minWorkersSpin", p.managed() ? p.minWorkers : 1},
                                     std::tuple{m_max, "maxWorkersSpin", p.managed() ? p.maxWorkers : std::max(3, cluster.spec.workers)},
                                     std::tuple{m_outCooldown, "scaleOutCooldownSpin", p.scaleOutCooldownSeconds},
                                     std::tuple{m_inCooldown, "scaleInCooldownSpin", p.scaleInCooldownSeconds}}) {
        spin->setObjectName(QLatin1StringView(name));
        spin->setRange(0, spin == m_min || spin == m_max ? typeMax + 1 : ScalingPolicy::kMaxCooldownSeconds);
        spin->setValue(value);
    }
    m_outCooldown->setSuffix(tr(" s"));
    m_inCooldown->setSuffix(tr(" s"));
    m_problems->setObjectName(u"problemsLabel"_s);
    m_problems->setStyleSheet(u"color: #c62828;"_s);
    m_problems->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Now"),
                 new QLabel(tr("%n worker(s) requested, %1 running (%2)", nullptr, cluster.spec.workers)
                                .arg(cluster.runningWorkers)
                                .arg(cluster.spec.instanceType),
                            this));
    form->addRow(tr("&Target workers"), m_target);
    form->addRow(tr("Change"), m_delta);
    m_costDelta->setObjectName(u"costDeltaLabel"_s);
    m_costDelta->setWordWrap(true);
    m_costDelta->setTextFormat(Qt::PlainText);
    form->addRow(tr("Cost"), m_costDelta);
    auto *policyGroup = new QGroupBox(tr("Scaling policy"), this);
    auto *policyForm = new QFormLayout(policyGroup);
    policyForm->addRow(tr("&Mode"), m_mode);
    auto *bounds = new QFormLayout(m_policyBox);
    bounds->setContentsMargins(0, 0, 0, 0);
    bounds->addRow(tr("Mi&nimum workers"), m_min);
    bounds->addRow(tr("Ma&ximum workers"), m_max);
    bounds->addRow(tr("Scale-&out cooldown"), m_outCooldown);
    bounds->addRow(tr("Scale-&in cooldown"), m_inCooldown);
    policyForm->addRow(m_policyBox);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(u"scaleButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(policyGroup);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    connect(m_target, &QSpinBox::valueChanged, this, &ScaleDialog::update);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ScaleDialog::update);
    for (QSpinBox *spin : {m_min, m_max, m_outCooldown, m_inCooldown})
        connect(spin, &QSpinBox::valueChanged, this, &ScaleDialog::update);
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

ScalingPolicy ScaleDialog::policy() const
{
    ScalingPolicy p = m_cluster.spec.scaling; // keeps the knobs the dialog does not show (step, signal)
    if (m_mode->currentData().toString() != "managed"_L1)
        return ScalingPolicy{};
    p.mode = ScalingMode::Managed;
    p.minWorkers = m_min->value();
    p.maxWorkers = m_max->value();
    p.scaleOutCooldownSeconds = m_outCooldown->value();
    p.scaleInCooldownSeconds = m_inCooldown->value();
    return p;
}

void ScaleDialog::setPolicy(const ScalingPolicy &policy)
{
    m_mode->setCurrentIndex(policy.managed() ? 1 : 0);
    m_min->setValue(policy.minWorkers);
    m_max->setValue(policy.maxWorkers);
    m_outCooldown->setValue(policy.scaleOutCooldownSeconds);
    m_inCooldown->setValue(policy.scaleInCooldownSeconds);
}

void ScaleDialog::setTarget(int workers)
{
    m_target->setValue(workers);
}

QString ScaleDialog::problems() const
{
    return m_problems->text();
}

void ScaleDialog::update()
{
    const ScalingPolicy p = policy();
    m_policyBox->setVisible(p.managed());
    const int delta = m_target->value() - m_cluster.spec.workers;
    const int threads = m_type ? m_type->threads : 1;
    const qint64 memory = m_type ? m_type->memoryLimitBytes : 0;
    if (delta == 0)
        m_delta->setText(p.managed() ? tr("No change now: the policy moves the workers within its bounds.")
                                     : tr("No change."));
    else if (delta > 0)
        m_delta->setText(tr("+%n executor(s): adds %1 and %2 of memory.", nullptr, delta)
                             .arg(tr("%n thread(s)", nullptr, delta * threads), presentation::formatBytes(qint64(delta) * memory)));
    else
        m_delta->setText(tr("−%n executor(s): retires them gracefully (their data moves to the others first); "
                            "frees %1 and %2.",
                            nullptr, -delta)
                             .arg(tr("%n thread(s)", nullptr, -delta * threads), presentation::formatBytes(qint64(-delta) * memory)));
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
    QStringList problems;
    for (const FieldError &e : p.validate(m_type ? m_type->maxWorkers : 64))
        problems.append(u"⚠ "_s + e.message);
    if (problems.isEmpty() && p.managed() && (m_target->value() < p.minWorkers || m_target->value() > p.maxWorkers))
        problems.append(u"⚠ "_s + tr("The target (%1) must lie between the minimum (%2) and the maximum (%3).")
                                      .arg(m_target->value())
                                      .arg(p.minWorkers)
                                      .arg(p.maxWorkers));
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    m_ok->setEnabled(problems.isEmpty() && (delta != 0 || policyChanged()));
}

} // namespace cdeck
