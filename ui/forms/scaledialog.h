// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterinfo.h"
#include "core/model/instancecatalog.h"

#include <QDialog>
#include <optional>

class QLabel;
class QPushButton;
class QSpinBox;

namespace cdeck {

// Target worker count, with the change spelt out before it is confirmed ("+1 executor: adds 1 thread, 1 GiB").
class ScaleDialog : public QDialog
{
    Q_OBJECT
public:
    ScaleDialog(const ClusterInfo &cluster, const std::optional<InstanceType> &type, QWidget *parent = nullptr);

    int target() const;
    QString deltaText() const;

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
    QPushButton *m_ok;
};

} // namespace cdeck
