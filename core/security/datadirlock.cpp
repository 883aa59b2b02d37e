// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "datadirlock.h"

#include <QByteArray>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck::security {

DataDirLock::~DataDirLock()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString DataDirLock::lockPath(const QString &dataDir)
{
    return dataDir + u"/runtime.lock"_s;
}

bool DataDirLock::acquire(const QString &dataDir, QString *error)
{
    const QByteArray path = lockPath(dataDir).toLocal8Bit();
    // O_CREAT on an existing file changes nothing in it; O_CLOEXEC keeps engines from inheriting the lock.
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        *error = u"cannot open the lock file %1: %2"_s.arg(QString::fromLocal8Bit(path),
                                                           QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    struct flock lock
    {
    };
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    if (::fcntl(fd, F_SETLK, &lock) != 0) {
        const int setError = errno;
        // A POSIX record lock reports its holder's PID (F_GETLK); the file's own text is not needed.
        struct flock holder
        {
        };
        holder.l_type = F_WRLCK;
        holder.l_whence = SEEK_SET;
        const bool known = ::fcntl(fd, F_GETLK, &holder) == 0 && holder.l_type != F_UNLCK;
        ::close(fd);
        if (setError == EACCES || setError == EAGAIN)
            *error = known ? u"another clusterdeck-runtime (pid %1) is using the data dir %2; stop it first, or give "
                             "this one another --data-dir"_s.arg(holder.l_pid)
                                 .arg(dataDir)
                           : u"another process holds the lock %1"_s.arg(QString::fromLocal8Bit(path));
        else
            *error = u"cannot lock %1: %2"_s.arg(QString::fromLocal8Bit(path),
                                                 QString::fromLocal8Bit(std::strerror(setError)));
        return false;
    }
    // Ours: say whose it is, for people reading the file.
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.constData(), std::size_t(pid.size()), 0) != pid.size()) {
        // Held all the same; the PID in the file is a courtesy.
    }
    m_fd = fd;
    return true;
}

} // namespace cdeck::security
