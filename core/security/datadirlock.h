// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace cdeck::security {

// The runtime's claim on its data dir: an exclusive lock on DATA/runtime.lock, taken before anything else
// in the dir is opened, held until the process ends (the kernel drops it then, also after a crash).
class DataDirLock
{
public:
    DataDirLock() = default;
    ~DataDirLock();
    DataDirLock(const DataDirLock &) = delete;
    DataDirLock &operator=(const DataDirLock &) = delete;

    // False with *error naming the PID that holds it (or why the lock file cannot be used). Touches nothing
    // when another process holds the lock.
    bool acquire(const QString &dataDir, QString *error);
    static QString lockPath(const QString &dataDir);

private:
    int m_fd = -1;
};

} // namespace cdeck::security
