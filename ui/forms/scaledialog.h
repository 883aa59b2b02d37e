// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterinfo.h"
#include "core/model/instancecatalog.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QWidget;

namespace cdeck {

// Target worker count, with the change spelt out before it is confirmed ("+1 executor: adds 1 thread, 1 GiB"),
// and the cluster's scaling policy: manual, or managed between a minimum and a maximum with cooldowns. Each
// problem is named under the dialog and Apply stays off until there is none.
class ScaleDialog : public QDialog
{
    Q_OBJECT
public:
    ScaleDialog(const ClusterInfo &cluster, const std::optional<InstanceType> &type, QWidget *parent = nullptr);

    int target() const;
    QString deltaText() const;
    ScalingPolicy policy() const;
    bool policyChanged() const { return !(policy() == m_cluster.spec.scaling); }
    bool targetChanged() const { return target() != m_cluster.spec.workers; }
    QString problems() const; // "" when Apply is allowed

    // For tests and --screenshot.
    void setPolicy(const ScalingPolicy &policy);
    void setTarget(int workers);

    // The cluster's cost meter (GET /cost/meters): the change in $/h is shown before confirming.
    void setCostRates(double nowPerHour, double workerPerHour, const QString &currency);
    QString costDeltaText() const;

private:
    void update();

    ClusterInfo m_cluster;
    std::optional<InstanceType> m_type;
    QSpinBox *m_target;
    QLabel *m_delta;
    QLabel *m_costDelta;
    std::optional<double> m_nowPerHour;
    double m_workerPerHour = 0;
    QString m_currency;
    QComboBox *m_mode;
    QSpinBox *m_min;
    QSpinBox *m_max;
    QSpinBox *m_outCooldown;
    QSpinBox *m_inCooldown;
    QWidget *m_policyBox;
    QLabel *m_problems;
    QPushButton *m_ok;
};

} // namespace cdeck
