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
    // Run as this user (groups cleared, then the group, then the user, after the log is opened and the
    // working directory entered): the child never runs the program with privileges it was asked to drop.
    bool dropPrivileges = false;
    unsigned uid = 0;
    unsigned gid = 0;
};

// In a child between fork and exec (async-signal-safe): every descriptor above 2 is marked close-on-exec,
// so a process the runtime starts inherits only stdin, stdout and stderr (not its sockets, databases or
// lock file), whoever opened them without O_CLOEXEC.
void closeInheritedDescriptors();
// In a child between fork and exec (async-signal-safe): setgroups(0), setgid, setuid, and a check that
// root cannot be regained. false when any of it failed: the child must exit without running its program.
bool dropPrivileges(unsigned uid, unsigned gid);

// Starts a process detached from the runtime: double fork, setsid (so its process group id is its
// pid and a whole worker -- nanny, worker, resource tracker -- can be signalled at once), reparented
// away from us so it outlives a runtime restart, with no descriptor of ours and, when asked, as another
// user. Returns the pid, or -1 with *error set.
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

// Pids of live processes whose real user id is uid (a cluster's processes, whatever group they are in).
QList<qint64> livePidsOfUser(unsigned uid);

// kill(-pgid, sig); false when the group no longer exists.
bool signalGroup(qint64 pgid, int signal);

} // namespace cdeck::processes
