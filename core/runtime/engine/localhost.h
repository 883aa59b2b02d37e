// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/runtime/engine/host.h"
#include "core/runtime/engine/processidentities.h"

namespace cdeck::engine {

// This machine: processes are started detached in their own process group (see processes.h), probed
// through /proc, signalled with kill(-pgid); engine processes bind loopback only. When the runtime is root,
// each cluster gets a system user of its own (cdk<uid>, a uid from [uidFirst, uidLast], created with
// useradd and removed with userdel) that its engine processes and jobs run as; jobs run from a staged copy
// (jobstaging.h). Every process it starts is recorded
// with its identity (ProcessIdentities, in identityFile); it signals, and calls alive, only a pid that still
// belongs to the process it started, also after a restart: a stranger given a recorded pid is left alone.
class LocalHost final : public Host
{
public:
    // identityFile empty: recorded in memory only.
    explicit LocalHost(const QString &identityFile, unsigned uidFirst = 50000, unsigned uidLast = 50999);

    QString bindAddress() const override;
    QStringList environment() const override;
    ProcessHandle startDetached(const ProcessSpec &spec, QString *error) override;
    JobProcess *startJob(const ProcessSpec &spec, QObject *parent) override;
    bool signal(ProcessHandle process, ProcessSignal signal) override;
    bool isAlive(ProcessHandle process) const override;
    QList<ProcessHandle> aliveAmong(const QList<ProcessHandle> &processes) const override;
    bool runsInside(ProcessHandle process, const QString &clusterDir) const override;
    QString isolationOff() const override;
    RunAs engineUser(const QString &clusterDir, bool create, QString *error) override;
    void releaseEngineUser(const QString &clusterDir, const RunAs &user) override;
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
    bool isEngineUid(unsigned uid) const { return uid >= m_uidFirst && uid <= m_uidLast; }
    // A file or folder the runtime just created inside a folder of a cluster's user becomes that user's.
    void adoptFolderOwner(const QString &path, bool isDirectory) const;

    ProcessIdentities m_identities;
    unsigned m_uidFirst;
    unsigned m_uidLast;
};

} // namespace cdeck::engine
