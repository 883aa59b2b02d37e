// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "localhost.h"

#include "core/runtime/jobstaging.h"
#include "core/runtime/processes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSocketNotifier>

#include <spdlog/spdlog.h>

#include <array>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <signal.h>
#include <sys/types.h>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck::engine {

namespace {

int toSignalNumber(ProcessSignal s)
{
    switch (s) {
    case ProcessSignal::Terminate:
        return SIGTERM;
    case ProcessSignal::Kill:
        return SIGKILL;
    case ProcessSignal::Stop:
        return SIGSTOP;
    case ProcessSignal::Continue:
        return SIGCONT;
    case ProcessSignal::Decommission:
        return SIGPWR;
    }
    return SIGTERM;
}

// A job's process on this machine: a QProcess in its own process group, privileges dropped between fork
// and exec when it runs as another user.
class LocalJobProcess final : public JobProcess
{
public:
    LocalJobProcess(const ProcessSpec &spec, const RunAs &runAs, ProcessIdentities &identities, QObject *parent)
        : JobProcess(parent)
    {
        QProcessEnvironment env;
        for (const QString &kv : spec.environment) {
            const qsizetype eq = kv.indexOf(u'=');
            if (eq > 0)
                env.insert(kv.left(eq), kv.mid(eq + 1));
        }
        m_process.setProcessEnvironment(env);
        m_process.setProgram(spec.program);
        m_process.setArguments(spec.arguments);
        m_process.setWorkingDirectory(spec.workingDirectory);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(spec.logPath, QIODevice::Append);
        m_process.setStandardInputFile(QProcess::nullDevice());
        // Its own process group: a cancel reaches the script and anything it started. Privileges are
        // dropped here, between fork and exec (after Qt opened the log and entered the folder as root):
        // groups first, then the group id, then the user id, which cannot be undone. A failed drop never
        // runs the job.
        const bool drop = runAs.drop;
        const uid_t uid = runAs.uid;
        const gid_t gid = runAs.gid;
        m_process.setChildProcessModifier([drop, uid, gid] {
            setpgid(0, 0);
            if (!drop)
                return;
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0 || ::setuid(0) == 0) {
                static const char message[] = "[clusterdeck] cannot drop root privileges: the job was not started\n";
                [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
                ::_exit(126);
            }
        });
        connect(&m_process, &QProcess::started, this, [this, &identities] {
            m_handle.id = m_process.processId();
            identities.record(m_handle.id);
            Q_EMIT started();
        });
        connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
            Q_EMIT finished(exitCode, status == QProcess::CrashExit);
        });
        connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
            // Queued: a failure inside start() must reach the caller after it has connected.
            if (error == QProcess::FailedToStart)
                QMetaObject::invokeMethod(
                    this, [this, why = m_process.errorString()] { Q_EMIT failedToStart(why); }, Qt::QueuedConnection);
        });
    }

    ~LocalJobProcess() override
    {
        m_process.disconnect(this);
        // The owner has followed the job to its end (or signalled its group on shutdown); a QProcess must
        // not block the runtime waiting for a child here.
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(1000);
        }
    }

    void start() { m_process.start(); }
    ProcessHandle handle() const override { return m_handle; }
    bool isRunning() const override { return m_process.state() != QProcess::NotRunning; }
    void kill() override { m_process.kill(); }

private:
    QProcess m_process;
    ProcessHandle m_handle;
};

} // namespace

LocalHost::LocalHost(const QString &identityFile)
    : m_identities(identityFile)
{
}

bool LocalHost::isOurs(ProcessHandle process) const
{
    switch (m_identities.check(process.id)) {
    case ProcessIdentities::Verdict::Ours:
        return true;
    case ProcessIdentities::Verdict::Stranger:
        spdlog::warn("runtime: pid {} now belongs to a process the runtime did not start (it started at another "
                     "time): left alone",
                     process.id);
        return false;
    case ProcessIdentities::Verdict::Unknown:
        spdlog::warn("runtime: pid {} was never recorded as started by this runtime: left alone", process.id);
        return false;
    }
    return false;
}

QString LocalHost::bindAddress() const
{
    return u"127.0.0.1"_s;
}

QStringList LocalHost::environment() const
{
    return QProcessEnvironment::systemEnvironment().toStringList();
}

ProcessHandle LocalHost::startDetached(const ProcessSpec &spec, QString *error)
{
    processes::SpawnRequest request;
    request.program = spec.program;
    request.arguments = spec.arguments;
    request.environment = spec.environment;
    request.workingDirectory = spec.workingDirectory;
    request.logPath = spec.logPath;
    const qint64 pid = processes::spawnDetached(request, error);
    if (pid > 0)
        m_identities.record(pid);
    return ProcessHandle{pid > 0 ? pid : 0};
}

JobProcess *LocalHost::startJob(const ProcessSpec &spec, const RunAs &runAs, QObject *parent)
{
    auto *job = new LocalJobProcess(spec, runAs, m_identities, parent);
    job->start();
    return job;
}

bool LocalHost::signal(ProcessHandle process, ProcessSignal signal)
{
    if (!process.isValid() || !isOurs(process))
        return false;
    // A decommission goes to the group's leader alone (a Spark Worker's JVM: spark-class execs it). Its
    // group also holds the pyspark worker processes of running tasks, whom SIGPWR's default action
    // would end: the drain would become the loss it is meant to avoid.
    if (signal == ProcessSignal::Decommission)
        return ::kill(pid_t(process.id), SIGPWR) == 0;
    return processes::signalGroup(process.id, toSignalNumber(signal));
}

bool LocalHost::isAlive(ProcessHandle process) const
{
    return process.isValid() && processes::isGroupAlive(process.id)
        && m_identities.check(process.id) == ProcessIdentities::Verdict::Ours;
}

QList<ProcessHandle> LocalHost::aliveAmong(const QList<ProcessHandle> &processes) const
{
    const QSet<qint64> live = processes::liveProcessGroups();
    QList<ProcessHandle> alive;
    for (const ProcessHandle &p : processes)
        if (p.isValid() && live.contains(p.id) && m_identities.check(p.id) == ProcessIdentities::Verdict::Ours)
            alive.append(p);
    return alive;
}

bool LocalHost::runsInside(ProcessHandle process, const QString &clusterDir) const
{
    if (!process.isValid() || clusterDir.isEmpty())
        return false;
    const QString cwd = processes::workingDirectory(process.id);
    return cwd == clusterDir || cwd.startsWith(clusterDir + u'/');
}

RunAs LocalHost::jobUser(const QString &user, QString *error) const
{
    RunAs id;
    id.user = user;
    if (::geteuid() != 0)
        return id;
    passwd entry{};
    passwd *found = nullptr;
    std::array<char, 16384> buffer{};
    const QByteArray name = user.toLocal8Bit();
    if (::getpwnam_r(name.constData(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found) {
        *error = u"The job user '%1' does not exist (set CLUSTERDECK_JOB_USER to an unprivileged user)"_s.arg(user);
        return id;
    }
    if (found->pw_uid == 0) {
        *error = u"The job user '%1' is root: jobs must run unprivileged (CLUSTERDECK_JOB_USER)"_s.arg(user);
        return id;
    }
    id.drop = true;
    id.uid = found->pw_uid;
    id.gid = found->pw_gid;
    return id;
}

Host::StagedScript LocalHost::stageJob(const QString &jobId, const QString &script, const RunAs &runAs, QString *error)
{
    const QString root = jobStagingRoot(error);
    if (root.isEmpty())
        return {};
    const StagedJob staged = cdeck::stageJob(root, jobId, script, runAs.uid, runAs.gid);
    if (!staged.error.isEmpty()) {
        *error = staged.error;
        return {};
    }
    return {staged.directory, staged.script};
}

bool LocalHost::makePath(const QString &directory)
{
    return QDir().mkpath(directory);
}

std::optional<QByteArray> LocalHost::readFile(const QString &path, qint64 maxBytes) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxBytes)
        return std::nullopt;
    return file.read(maxBytes);
}

bool LocalHost::writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

bool LocalHost::appendToFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::Append))
        return false;
    return file.write(content) == content.size();
}

bool LocalHost::removeFile(const QString &path)
{
    return QFile::remove(path);
}

bool LocalHost::copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

std::optional<QStringList> LocalHost::tailLines(const QString &path, int maxLines, qint64 maxBytes) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const bool cut = f.size() > maxBytes;
    if (cut)
        f.seek(f.size() - maxBytes);
    QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
    if (cut && !lines.isEmpty())
        lines.removeFirst(); // a partial line
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines;
}

namespace {

// Follows the files of some folders through one inotify instance: each write wakes the runtime's event loop,
// which reads what the file gained since it last looked.
class FileFollower final : public QObject
{
public:
    FileFollower(Host::AppendCallback onAppended, QObject *parent)
        : QObject(parent)
        , m_onAppended(std::move(onAppended))
    {
    }
    ~FileFollower() override
    {
        delete m_notifier; // before its descriptor closes
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool start(const QStringList &directories)
    {
        m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (m_fd < 0)
            return false;
        for (const QString &dir : directories) {
            const int wd = ::inotify_add_watch(m_fd, QFile::encodeName(dir).constData(),
                                               IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ONLYDIR);
            if (wd < 0)
                return false;
            m_directories.insert(wd, dir);
            // What is there already is history: follow from its end.
            for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files | QDir::NoSymLinks))
                m_offsets.insert(f.filePath(), f.size());
        }
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read);
        connect(m_notifier, &QSocketNotifier::activated, this, &FileFollower::drain);
        return true;
    }

private:
    static constexpr qint64 kChunk = 1024 * 1024;
    static constexpr int kMaxChunksAtOnce = 4; // a burst beyond this is skipped: the polls still read the truth

    void drain()
    {
        QStringList written; // in the order first seen, once each
        alignas(inotify_event) char buffer[16 * 1024];
        for (;;) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n <= 0)
                break;
            for (ssize_t at = 0; at < n;) {
                const auto *e = reinterpret_cast<const inotify_event *>(buffer + at);
                at += ssize_t(sizeof(inotify_event)) + e->len;
                if (e->len == 0 || !m_directories.contains(e->wd))
                    continue;
                const QString path = m_directories.value(e->wd) + u'/' + QFile::decodeName(e->name);
                if (e->mask & (IN_CREATE | IN_MOVED_TO))
                    m_offsets.insert(path, 0); // a new file: all of it is news
                if (!written.contains(path))
                    written.append(path);
            }
        }
        QPointer<FileFollower> alive(this);
        for (const QString &path : std::as_const(written)) {
            readNew(path);
            if (!alive)
                return; // a callback ended the follow
        }
    }

    void readNew(const QString &path)
    {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0)
            return;
        struct stat st = {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            return;
        }
        qint64 offset = m_offsets.value(path, 0);
        if (st.st_size < offset)
            offset = 0; // cut short or replaced: start over
        QPointer<FileFollower> alive(this);
        for (int chunks = 0; offset < st.st_size; ++chunks) {
            if (chunks == kMaxChunksAtOnce) {
                offset = st.st_size;
                break;
            }
            QByteArray bytes(std::min<qint64>(kChunk, st.st_size - offset), Qt::Uninitialized);
            const ssize_t got = ::pread(fd, bytes.data(), size_t(bytes.size()), offset);
            if (got <= 0)
                break;
            bytes.truncate(got);
            offset += got;
            m_offsets.insert(path, offset);
            m_onAppended(path, bytes);
            if (!alive) {
                ::close(fd);
                return;
            }
        }
        m_offsets.insert(path, offset);
        ::close(fd);
    }

    Host::AppendCallback m_onAppended;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QHash<int, QString> m_directories; // by watch descriptor
    QHash<QString, qint64> m_offsets; // how far each file was read
};

} // namespace

bool LocalHost::followFiles(const QStringList &directories, QObject *context, AppendCallback onAppended)
{
    auto *follower = new FileFollower(std::move(onAppended), context);
    if (follower->start(directories))
        return true;
    const int error = errno; // inotify's limits (max_user_instances), or a folder that is missing
    spdlog::warn("cannot follow the files of {}: {} (readiness is found by polling)",
                 directories.join(u", "_s).toStdString(), std::strerror(error));
    delete follower;
    return false;
}

} // namespace cdeck::engine
