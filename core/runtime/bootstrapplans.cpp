// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "bootstrapplans.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cdeck {

BootstrapPlans::BootstrapPlans(QList<BootstrapAction> actions, QString clusterDir, QString resourcesDir,
                               QString pythonProgram, engine::Host &host)
    : m_actions(std::move(actions))
    , m_clusterDir(std::move(clusterDir))
    , m_resourcesDir(std::move(resourcesDir))
    , m_pythonProgram(std::move(pythonProgram))
    , m_host(host)
{
}

QString BootstrapPlans::writePlan(const QString &node, bool head)
{
    QJsonArray actions;
    for (const BootstrapAction &a : std::as_const(m_actions))
        if (head ? a.runsOnScheduler() : a.runsOnWorkers())
            actions.append(a.toJson());
    if (actions.isEmpty())
        return {};
    const QString dir = m_clusterDir + u"/bootstrap"_s;
    m_host.makePath(dir);
    const QString result = dir + u'/' + node + u".result.json"_s;
    m_host.removeFile(result);
    const QString planPath = dir + u'/' + node + u".plan.json"_s;
    if (!m_host.writeFile(
            planPath,
            QJsonDocument(QJsonObject{{u"node"_s, node}, {u"result"_s, result}, {u"actions"_s, actions}}).toJson()))
        return {};
    return planPath;
}

void BootstrapPlans::wrap(const QString &node, bool head, engine::ProcessSpec *spec)
{
    const QString plan = writePlan(node, head);
    if (plan.isEmpty())
        return;
    // The wrapper runs the actions, then exec()s the engine process: same pid, same process group.
    spec->arguments
        = QStringList{m_resourcesDir + u"/engine/bootstrap.py"_s, plan, u"--"_s, spec->program} + spec->arguments;
    spec->program = m_pythonProgram;
}

std::optional<QString> BootstrapPlans::failure(const QString &node) const
{
    const auto content = m_host.readFile(m_clusterDir + u"/bootstrap/"_s + node + u".result.json"_s, 64 * 1024);
    if (!content)
        return std::nullopt;
    const QJsonObject r = QJsonDocument::fromJson(*content).object();
    if (r.isEmpty() || r.value(u"ok"_s).toBool())
        return std::nullopt;
    return u"Bootstrap action '%1' failed on %2: %3 (its output is in logs/%2.log)"_s.arg(
        r.value(u"action"_s).toString(), node, r.value(u"reason"_s).toString());
}

} // namespace cdeck
