// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/runtime/engine/host.h"
#include "core/runtime/engine/processidentities.h"

namespace cdeck::engine {

// This machine: processes are started detached in their own process group (see processes.h), probed
// through /proc, signalled with kill(-pgid); engine processes bind loopback only; jobs run as the job
// user when the runtime is root, from a staged copy (jobstaging.h). Every process it starts is recorded
// with its identity (ProcessIdentities, in identityFile); it signals, and calls alive, only a pid that still
// belongs to the process it started, also after a restart: a stranger given a recorded pid is left alone.
class LocalHost final : public Host
{
public:
    explicit LocalHost(const QString &identityFile); // empty: recorded in memory only

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
    bool followFiles(const QStringList &directories, QObject *context, AppendCallback onAppended) override;

private:
    bool isOurs(ProcessHandle process) const; // says why not in the log

    ProcessIdentities m_identities;
};

} // namespace cdeck::engine
