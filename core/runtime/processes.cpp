// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "processes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace cdeck::processes {

namespace {

struct ProcStat
{
    qint64 pgid = -1;
    char state = '?';
};

// /proc/<pid>/stat: "pid (comm) S ppid pgrp ..."; comm may hold spaces and parentheses, so parse after
// the last ')'.
ProcStat readStat(const QString &pid)
{
    QFile f(u"/proc/"_s + pid + u"/stat"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = f.read(1024);
    const int close = line.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 3)
        return {};
    ProcStat s;
    s.state = fields[0].isEmpty() ? '?' : fields[0][0];
    s.pgid = fields[2].toLongLong();
    return s;
}

[[noreturn]] void childFail(int fd, const char *what)
{
    const int err = errno;
    const ssize_t ignored = write(fd, &err, sizeof err);
    (void)ignored;
    (void)what;
    _exit(127);
}

} // namespace

void closeInheritedDescriptors()
{
    // One call on Linux >= 5.11; the loop is for older kernels (fcntl is async-signal-safe, opendir is not).
    if (::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) == 0)
        return;
    rlimit limit{};
    const int top = ::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
        ? int(std::min<rlim_t>(limit.rlim_cur, 1 << 20))
        : 65536;
    for (int fd = 3; fd < top; ++fd) {
        const int flags = ::fcntl(fd, F_GETFD);
        if (flags >= 0 && !(flags & FD_CLOEXEC))
            ::fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    }
}

bool dropPrivileges(unsigned uid, unsigned gid)
{
    if (uid == 0)
        return false; // never "drop" to root
    return ::setgroups(0, nullptr) == 0 && ::setgid(gid_t(gid)) == 0 && ::setuid(uid_t(uid)) == 0 && ::setuid(0) != 0
        && ::getuid() == uid_t(uid) && ::geteuid() == uid_t(uid);
}

qint64 spawnDetached(const SpawnRequest &request, QString *error)
{
    // Everything the child needs is prepared before fork(): after it only async-signal-safe calls.
    const QByteArray program = QFile::encodeName(request.program);
    std::vector<QByteArray> argStore{program};
    for (const QString &a : request.arguments)
        argStore.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<QByteArray> envStore;
    for (const QString &e : request.environment)
        envStore.push_back(e.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    const QByteArray workDir = QFile::encodeName(request.workingDirectory);
    const QByteArray logPath = QFile::encodeName(request.logPath);
    const bool drop = request.dropPrivileges;
    const unsigned uid = request.uid;
    const unsigned gid = request.gid;

    // Two pipes, because the intermediate child and the grandchild write concurrently: the child reports
    // the grandchild's pid on one; the grandchild reports an exec failure (errno) on the other, which
    // closes unread when exec succeeds (close-on-exec).
    int pidPipe[2];
    int errPipe[2];
    if (pipe2(pidPipe, O_CLOEXEC) != 0) {
        *error = u"pipe: "_s + QString::fromLocal8Bit(strerror(errno));
        return -1;
    }
    if (pipe2(errPipe, O_CLOEXEC) != 0) {
        *error = u"pipe: "_s + QString::fromLocal8Bit(strerror(errno));
        close(pidPipe[0]);
        close(pidPipe[1]);
        return -1;
    }
    const pid_t child = fork();
    if (child < 0) {
        *error = u"fork: "_s + QString::fromLocal8Bit(strerror(errno));
        for (int fd : {pidPipe[0], pidPipe[1], errPipe[0], errPipe[1]})
            close(fd);
        return -1;
    }
    if (child == 0) {
        close(pidPipe[0]);
        close(errPipe[0]);
        if (setsid() < 0)
            childFail(errPipe[1], "setsid");
        const pid_t grandchild = fork();
        if (grandchild < 0)
            childFail(errPipe[1], "fork");
        if (grandchild > 0) {
            const qint64 gpid = grandchild;
            const ssize_t ignored = write(pidPipe[1], &gpid, sizeof gpid);
            (void)ignored;
            _exit(0);
        }
        // The grandchild: it leads its own process group, so -pid reaches exactly its tree.
        close(pidPipe[1]);
        setpgid(0, 0);
        const int devnull = open("/dev/null", O_RDONLY);
        const int log = open(logPath.constData(), O_WRONLY | O_CREAT | O_APPEND, 0640);
        if (devnull < 0 || log < 0)
            childFail(errPipe[1], "open");
        dup2(devnull, 0);
        dup2(log, 1);
        dup2(log, 2);
        if (chdir(workDir.constData()) != 0)
            childFail(errPipe[1], "chdir");
        if (drop && !dropPrivileges(uid, gid))
            childFail(errPipe[1], "setuid");
        closeInheritedDescriptors();
        signal(SIGPIPE, SIG_DFL);
        sigset_t all;
        sigemptyset(&all);
        sigprocmask(SIG_SETMASK, &all, nullptr);
        execve(program.constData(), argv.data(), envp.data());
        childFail(errPipe[1], "execve");
    }
    close(pidPipe[1]);
    close(errPipe[1]);
    int status = 0;
    waitpid(child, &status, 0);
    qint64 gpid = -1;
    const ssize_t n = read(pidPipe[0], &gpid, sizeof gpid);
    close(pidPipe[0]);
    int err = 0;
    // Blocks until the grandchild's exec succeeds (EOF) or fails (errno arrives).
    const ssize_t e = read(errPipe[0], &err, sizeof err);
    close(errPipe[0]);
    if (e == sizeof err) {
        *error = u"cannot start %1: %2"_s.arg(request.program, QString::fromLocal8Bit(strerror(err)));
        return -1;
    }
    if (n != sizeof gpid || gpid <= 0) {
        *error = u"cannot start %1: the launcher process failed"_s.arg(request.program);
        return -1;
    }
    return gpid;
}

QSet<qint64> liveProcessGroups()
{
    QSet<qint64> groups;
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        if (!pid.front().isDigit())
            continue;
        const ProcStat s = readStat(pid);
        if (s.pgid > 0 && s.state != 'Z' && s.state != 'X')
            groups.insert(s.pgid);
    }
    return groups;
}

QList<qint64> livePidsInGroup(qint64 pgid)
{
    QList<qint64> result;
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        if (!pid.front().isDigit())
            continue;
        const ProcStat s = readStat(pid);
        if (s.pgid == pgid && s.state != 'Z' && s.state != 'X')
            result.append(pid.toLongLong());
    }
    return result;
}

bool isGroupAlive(qint64 pgid)
{
    if (pgid <= 0 || (kill(pid_t(-pgid), 0) != 0 && errno == ESRCH))
        return false;
    return !livePidsInGroup(pgid).isEmpty(); // kill() also succeeds on zombies nobody reaped
}

QString commandLine(qint64 pid)
{
    QFile f(u"/proc/%1/cmdline"_s.arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return {};
    QByteArray data = f.read(64 * 1024);
    data.replace('\0', ' ');
    return QString::fromLocal8Bit(data).trimmed();
}

QString workingDirectory(qint64 pid)
{
    if (pid <= 0)
        return {};
    return QFileInfo(u"/proc/%1/cwd"_s.arg(pid)).symLinkTarget();
}

std::optional<quint64> startTime(qint64 pid)
{
    if (pid <= 0)
        return std::nullopt;
    QFile f(u"/proc/"_s + QString::number(pid) + u"/stat"_s);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = f.read(1024);
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    // After "pid (comm) ": state is field 3, starttime field 22.
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    bool ok = false;
    const quint64 start = fields.value(19).toULongLong(&ok);
    return ok ? std::optional<quint64>(start) : std::nullopt;
}

QList<qint64> livePidsOfUser(unsigned uid)
{
    QList<qint64> result;
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        if (!pid.front().isDigit())
            continue;
        QFile f(u"/proc/"_s + pid + u"/status"_s);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        // "Uid:\treal\teffective\tsaved\tfs": any of them being uid makes it the cluster's.
        for (const QByteArray &line : f.read(4096).split('\n')) {
            if (!line.startsWith("State:") && !line.startsWith("Uid:"))
                continue;
            if (line.startsWith("State:")) {
                if (line.contains("Z (zombie)") || line.contains("X (dead)"))
                    break;
                continue;
            }
            const QList<QByteArray> ids = line.mid(4).simplified().split(' ');
            if (std::any_of(ids.cbegin(), ids.cend(), [uid](const QByteArray &id) { return id.toUInt() == uid; }))
                result.append(pid.toLongLong());
            break;
        }
    }
    return result;
}

bool signalGroup(qint64 pgid, int sig)
{
    if (pgid <= 1)
        return false; // never signal "every process" or init by accident
    return kill(pid_t(-pgid), sig) == 0;
}

} // namespace cdeck::processes
