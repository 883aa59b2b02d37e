// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterinfo.h"

#include <QDialog>

namespace cdeck {

// Asks to type the cluster's name before terminating it.
class TerminateDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TerminateDialog(const ClusterInfo &cluster, QWidget *parent = nullptr);

private:
    ClusterInfo m_cluster;
};

} // namespace cdeck
