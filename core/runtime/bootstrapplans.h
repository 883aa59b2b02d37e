// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/scalingpolicy.h"
#include "core/runtime/engine/host.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace cdeck {

// One cluster's bootstrap actions: the plan file each node's wrapper runs (resources/engine/bootstrap.py
// runs the actions, then exec()s the engine process: same pid, same process group), the result it leaves,
// and which nodes failed theirs (they never join). Files go through the Host, under <clusterDir>/bootstrap.
// Thread contract: none; the controller's thread.
class BootstrapPlans
{
public:
    BootstrapPlans(QList<BootstrapAction> actions, QString clusterDir, QString resourcesDir, QString pythonProgram,
                   engine::Host &host);

    // Wraps the node's process in the bootstrap wrapper when actions apply to it (head: the scheduler or
    // master; else a worker); leaves it as it is when none do.
    void wrap(const QString &node, bool head, engine::ProcessSpec *spec);
    // Why the node's bootstrap failed, from the result its wrapper wrote; nullopt while none did.
    std::optional<QString> failure(const QString &node) const;

    void markFailed(const QString &node) { m_failed.insert(node); }
    int failedCount() const { return int(m_failed.size()); }
    QString anyFailed() const { return m_failed.isEmpty() ? QString() : *m_failed.cbegin(); }

private:
    // The plan file the wrapper runs for a node ("" when no action applies).
    QString writePlan(const QString &node, bool head);

    QList<BootstrapAction> m_actions;
    QString m_clusterDir;
    QString m_resourcesDir;
    QString m_pythonProgram;
    engine::Host &m_host;
    QSet<QString> m_failed; // nodes whose bootstrap failed: they never join
};

} // namespace cdeck
