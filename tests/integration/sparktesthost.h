// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/runtime/engine/host.h"

#include <QProcess>

namespace cdeck::test {

// This machine as an engine::Host for driving an EngineDriver without the controller: detached engine
// processes through processes::spawnDetached (own process group), jobs through QProcess in their own group,
// dropped to the job user when root, staged through jobstaging.h. What LocalHost does, kept minimal.
class SparkTestHost final : public engine::Host
{
public:
    QString bindAddress() const override { return QStringLiteral("127.0.0.1"); }
    QStringList environment() const override;
    engine::ProcessHandle startDetached(const engine::ProcessSpec &spec, QString *error) override;
    engine::JobProcess *startJob(const engine::ProcessSpec &spec, const engine::RunAs &runAs, QObject *parent) override;
    bool signal(engine::ProcessHandle process, engine::ProcessSignal signal) override;
    bool isAlive(engine::ProcessHandle process) const override;
    QList<engine::ProcessHandle> aliveAmong(const QList<engine::ProcessHandle> &processes) const override;
    bool runsInside(engine::ProcessHandle process, const QString &clusterDir) const override;
    engine::RunAs jobUser(const QString &user, QString *error) const override;
    StagedScript stageJob(const QString &jobId, const QString &script, const engine::RunAs &runAs, QString *error) override;
    bool makePath(const QString &directory) override;
    std::optional<QByteArray> readFile(const QString &path, qint64 maxBytes) const override;
    bool writeFile(const QString &path, const QByteArray &content) override;
    bool removeFile(const QString &path) override;
    bool copyFile(const QString &from, const QString &to) override;
    bool appendToFile(const QString &path, const QByteArray &content) override;
    std::optional<QStringList> tailLines(const QString &path, int maxLines, qint64 maxBytes) const override;
};

} // namespace cdeck::test
