// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace cdeck::processes {

struct SpawnRequest
{
    QString program; // absolute path
    QStringList arguments;
    QStringList environment; // full environment, "KEY=value"
    QString workingDirectory;
    QString logPath; // stdout and stderr are appended here
};

// Starts a process detached from the runtime: double fork, setsid (so its process group id is its
// pid and a whole worker -- nanny, worker, resource tracker -- can be signalled at once), reparented
// away from us so it outlives a runtime restart. Returns the pid, or -1 with *error set.
qint64 spawnDetached(const SpawnRequest &request, QString *error);

// Process groups with at least one live (non-zombie) member, read from /proc in one pass.
QSet<qint64> liveProcessGroups();
// Pids of live (non-zombie) processes in a group.
QList<qint64> livePidsInGroup(qint64 pgid);
bool isGroupAlive(qint64 pgid);
// The command line of a live process ("" when gone): lets re-attach tell our scheduler from a reused pid.
QString commandLine(qint64 pid);
// The working directory of a live process ("" when gone or unreadable): engine processes run inside
// their cluster's directory, which tells ours from a pid the kernel reused.
QString workingDirectory(qint64 pid);

// When a process started: /proc/PID/stat's starttime (clock ticks after boot); nullopt when there is no such
// process. With the boot, it tells a process from a later one the kernel gave the same pid.
std::optional<quint64> startTime(qint64 pid);

// kill(-pgid, sig); false when the group no longer exists.
bool signalGroup(qint64 pgid, int signal);

} // namespace cdeck::processes
