// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace cdeck::engine {

// Who a process is, beyond its pid (which the kernel hands out again once the process is gone): when it
// started (/proc/PID/stat's starttime, clock ticks after boot) and on which boot.
struct ProcessIdentity
{
    quint64 startTime = 0;
    QByteArray bootId; // /proc/sys/kernel/random/boot_id

    static std::optional<ProcessIdentity>
    of(qint64 pid); // nullopt when pid is not running (or a zombie's is unreadable)
    friend bool operator==(const ProcessIdentity &, const ProcessIdentity &) = default;
};

// The processes a host started, by pid and identity, kept in a file (one "PID STARTTIME BOOTID" line each,
// appended at each start, 0600) so that a restarted runtime knows them too. Before anything signals a pid
// it asks check(): a pid whose process started at another time is a stranger that was given a recorded
// pid, and is left alone. Thread: the runtime's main thread.
class ProcessIdentities
{
public:
    explicit ProcessIdentities(QString path); // empty path: kept in memory only
    ProcessIdentities(const ProcessIdentities &) = delete;
    ProcessIdentities &operator=(const ProcessIdentities &) = delete;

    // Records a process this host just started; false when it is already gone or the file cannot be written
    // (the identity is then known until the runtime stops, and a restarted runtime leaves that pid alone).
    bool record(qint64 pid);

    enum class Verdict {
        Ours, // recorded, and its leader runs with the recorded identity (or has exited while its process
              // group lives on: the kernel gives no new process the pid of a live group)
        Stranger, // recorded, but the pid now belongs to a process that started at another time
        Unknown, // never recorded: not ours to signal
    };
    Verdict check(qint64 pid) const;
    QString path() const { return m_path; }

private:
    void load(); // and rewrites the file without the processes that are gone for good

    QString m_path;
    QHash<qint64, ProcessIdentity> m_known;
};

} // namespace cdeck::engine
