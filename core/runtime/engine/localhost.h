// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/runtime/engine/host.h"

namespace cdeck::engine {

// This machine: processes are started detached in their own process group (see processes.h), probed
// through /proc, signalled with kill(-pgid); engine processes bind loopback only; jobs run as the job
// user when the runtime is root, from a staged copy (jobstaging.h).
class LocalHost final : public Host
{
public:
    QString bindAddress() const override;
    QStringList environment() const override;
    ProcessHandle startDetached(const ProcessSpec &spec, QString *error) override;
    JobProcess *startJob(const ProcessSpec &spec, const RunAs &runAs, QObject *parent) override;
    bool signal(ProcessHandle process, ProcessSignal signal) override;
    bool isAlive(ProcessHandle process) const override;
    QList<ProcessHandle> aliveAmong(const QList<ProcessHandle> &processes) const override;
    bool runsInside(ProcessHandle process, const QString &clusterDir) const override;
    RunAs jobUser(const QString &user, QString *error) const override;
    StagedScript stageJob(const QString &jobId, const QString &script, const RunAs &runAs, QString *error) override;
    bool makePath(const QString &directory) override;
    std::optional<QByteArray> readFile(const QString &path, qint64 maxBytes) const override;
    bool writeFile(const QString &path, const QByteArray &content) override;
    bool appendToFile(const QString &path, const QByteArray &content) override;
    bool removeFile(const QString &path) override;
    bool copyFile(const QString &from, const QString &to) override;
    std::optional<QStringList> tailLines(const QString &path, int maxLines, qint64 maxBytes) const override;
};

} // namespace cdeck::engine
