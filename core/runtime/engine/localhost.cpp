// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "localhost.h"

#include "core/runtime/jobstaging.h"
#include "core/runtime/processes.h"

#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTimer>

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
    LocalJobProcess(const ProcessSpec &spec, ProcessIdentities &identities, QObject *parent)
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
        // runs the job. No descriptor of the runtime's reaches it (Qt's own pipes are close-on-exec).
        const bool drop = spec.runAs.drop;
        const unsigned uid = spec.runAs.uid;
        const unsigned gid = spec.runAs.gid;
        m_process.setChildProcessModifier([drop, uid, gid] {
            setpgid(0, 0);
            processes::closeInheritedDescriptors();
            if (drop && !processes::dropPrivileges(uid, gid)) {
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

LocalHost::LocalHost(const QString &identityFile, unsigned uidFirst, unsigned uidLast)
    : m_identities(identityFile)
    , m_uidFirst(uidFirst)
    , m_uidLast(uidLast)
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
    // Stated, not inherited: the runtime's own variables (its token's location, proxies, LD_PRELOAD,
    // a developer's PYTHONPATH) are none of user code's business. Drivers add HOME and their engine's keys.
    QStringList env{u"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"_s, u"LANG=C.UTF-8"_s,
                    u"LC_ALL=C.UTF-8"_s};
    if (const QString tz = qEnvironmentVariable("TZ"); !tz.isEmpty())
        env.append(u"TZ="_s + tz);
    return env;
}

ProcessHandle LocalHost::startDetached(const ProcessSpec &spec, QString *error)
{
    processes::SpawnRequest request;
    request.program = spec.program;
    request.arguments = spec.arguments;
    request.environment = spec.environment;
    request.workingDirectory = spec.workingDirectory;
    request.logPath = spec.logPath;
    request.dropPrivileges = spec.runAs.drop;
    request.uid = spec.runAs.uid;
    request.gid = spec.runAs.gid;
    const qint64 pid = processes::spawnDetached(request, error);
    if (pid > 0)
        m_identities.record(pid);
    return ProcessHandle{pid > 0 ? pid : 0};
}

JobProcess *LocalHost::startJob(const ProcessSpec &spec, QObject *parent)
{
    auto *job = new LocalJobProcess(spec, m_identities, parent);
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

QString LocalHost::isolationOff() const
{
    if (::geteuid() == 0)
        return {};
    return u"the runtime is not root (uid %1): every cluster's engine and jobs run as the runtime's own user, "
           "not as a user of their own"_s.arg(::geteuid());
}

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

std::optional<passwd> userById(uid_t uid, std::array<char, 16384> &buffer)
{
    passwd entry{};
    passwd *found = nullptr;
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return std::nullopt;
    return entry;
}

std::optional<passwd> userByName(const QString &name, std::array<char, 16384> &buffer)
{
    passwd entry{};
    passwd *found = nullptr;
    const QByteArray native = name.toLocal8Bit();
    if (::getpwnam_r(native.constData(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return std::nullopt;
    return entry;
}

// useradd / userdel, with a stated environment; the exit code (-1: did not run) and what they printed.
int runAccountTool(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess p;
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/sbin:/usr/bin:/sbin:/bin"_s);
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished(1000);
        *output = p.errorString();
        return -1;
    }
    *output = QString::fromLocal8Bit(p.readAll()).trimmed();
    return p.exitCode();
}

// Every folder and file of `root` (symbolic links themselves, never what they point to) to uid:gid;
// folders 0700 and files 0600 when `tighten`. false with *error at the first that cannot be changed.
bool chownTree(const QString &root, uid_t uid, gid_t gid, bool tighten, QString *error)
{
    QStringList paths{root};
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    for (const QString &path : std::as_const(paths)) {
        const QByteArray native = QFile::encodeName(path);
        struct stat st
        {
        };
        if (::lstat(native.constData(), &st) != 0)
            continue; // gone meanwhile (an engine's temporary file)
        if (::lchown(native.constData(), uid, gid) != 0) {
            *error = u"cannot hand %1 to uid %2: %3"_s.arg(path).arg(uid).arg(errnoText());
            return false;
        }
        if (tighten && !S_ISLNK(st.st_mode))
            ::chmod(native.constData(), S_ISDIR(st.st_mode) ? 0700 : (st.st_mode & 0100) ? 0700 : 0600);
    }
    return true;
}

// userdel, tried again a little later while a process of the user is still being reaped.
void removeAccount(const RunAs &user, int attemptsLeft)
{
    QString output;
    const int code = runAccountTool(u"/usr/sbin/userdel"_s, {user.user}, &output);
    if (code == 0) {
        spdlog::info("runtime: cluster user {} (uid {}) removed", user.user.toStdString(), user.uid);
        return;
    }
    // 8: still in use, by a process the kernel has not reaped yet (a job's, until the event loop reaps it).
    if (code == 8 && attemptsLeft > 1) {
        QTimer::singleShot(2000, [user, attemptsLeft] {
            for (const qint64 pid : processes::livePidsOfUser(user.uid))
                ::kill(pid_t(pid), SIGKILL);
            removeAccount(user, attemptsLeft - 1);
        });
        return;
    }
    spdlog::warn("runtime: cannot remove the cluster user {} (userdel exited with {}): {}", user.user.toStdString(),
                 code, output.toStdString());
}

} // namespace

RunAs LocalHost::engineUser(const QString &clusterDir, bool create, QString *error)
{
    if (::geteuid() != 0)
        return {};
    const QByteArray dir = QFile::encodeName(clusterDir);
    struct stat st
    {
    };
    if (::stat(dir.constData(), &st) != 0) {
        *error = u"cannot read the cluster's folder %1: %2"_s.arg(clusterDir, errnoText());
        return {};
    }
    std::array<char, 16384> buffer{};
    if (!create) {
        // Recorded as the owner of the cluster's folder: a restarted runtime finds the same user.
        const auto owner = userById(st.st_uid, buffer);
        if (!isEngineUid(st.st_uid) || !owner) {
            *error = u"the cluster's folder %1 does not belong to a cluster user (uid %2): it was not launched "
                     "with isolation, or its user was removed"_s.arg(clusterDir)
                         .arg(st.st_uid);
            return {};
        }
        return RunAs{true, unsigned(owner->pw_uid), unsigned(owner->pw_gid), QString::fromLocal8Bit(owner->pw_name)};
    }
    // The cluster's user reaches its folder by its absolute path: every folder above it must let others
    // through (search only). The runtime makes its data dir and clusters/ 0711; the rest is the admin's.
    for (QString above = QFileInfo(clusterDir).absolutePath();; above = QFileInfo(above).absolutePath()) {
        struct stat a
        {
        };
        if (::stat(QFile::encodeName(above).constData(), &a) != 0 || !(a.st_mode & S_IXOTH)) {
            *error = u"the cluster's user cannot reach %1: %2 is not searchable by others (chmod o+x it, or "
                     "use a data dir whose parents are)"_s.arg(clusterDir, above);
            return {};
        }
        if (above == u"/"_s)
            break;
    }
    const QString home = clusterDir + u"/home"_s;
    QString output;
    for (unsigned uid = m_uidFirst; uid <= m_uidLast; ++uid) {
        const QString name = u"cdk%1"_s.arg(uid);
        if (userById(uid_t(uid), buffer) || userByName(name, buffer))
            continue;
        const int code
            = runAccountTool(u"/usr/sbin/useradd"_s,
                             {u"--system"_s, u"--no-create-home"_s, u"--home-dir"_s, home, u"--shell"_s,
                              u"/usr/sbin/nologin"_s, u"--uid"_s, QString::number(uid), u"--user-group"_s,
                              u"--comment"_s, u"ClusterDeck cluster "_s + QFileInfo(clusterDir).fileName(), name},
                             &output);
        if (code == 4 || code == 9)
            continue; // taken meanwhile (uid, name): the next one
        if (code != 0) {
            *error
                = u"cannot create the cluster's user %1 (useradd exited with %2): %3"_s.arg(name).arg(code).arg(output);
            return {};
        }
        const auto created = userByName(name, buffer);
        if (!created) {
            *error = u"useradd created %1, but it cannot be found"_s.arg(name);
            return {};
        }
        RunAs user{true, unsigned(created->pw_uid), unsigned(created->pw_gid), name};
        QDir().mkpath(home);
        QString why;
        if (!chownTree(clusterDir, user.uid, user.gid, true, &why)) {
            releaseEngineUser(clusterDir, user);
            *error = why;
            return {};
        }
        spdlog::info("runtime: cluster folder {} belongs to its own user {} (uid {})", clusterDir.toStdString(),
                     name.toStdString(), user.uid);
        return user;
    }
    *error = u"no free uid for a cluster user in %1-%2 (CLUSTERDECK_ENGINE_UIDS): terminate a cluster or widen the "
             "range"_s.arg(m_uidFirst)
                 .arg(m_uidLast);
    return {};
}

void LocalHost::releaseEngineUser(const QString &clusterDir, const RunAs &user)
{
    if (!user.drop || !isEngineUid(user.uid) || ::geteuid() != 0)
        return;
    // A uid of its own runs nothing but the cluster's processes, whatever group or session they moved to.
    for (int round = 0; round < 100; ++round) {
        const QList<qint64> left = processes::livePidsOfUser(user.uid);
        if (left.isEmpty())
            break;
        for (const qint64 pid : left)
            ::kill(pid_t(pid), SIGKILL);
        ::usleep(20 * 1000);
    }
    QString why;
    if (!clusterDir.isEmpty() && QFileInfo::exists(clusterDir)
        && !chownTree(clusterDir, ::geteuid(), ::getegid(), false, &why))
        spdlog::warn("runtime: {}", why.toStdString());
    // Its jobs' staged folders go back to the runtime as well: a later user with this uid gets none of it.
    QString stagingError;
    const QString staging = jobStagingRoot(&stagingError);
    if (!staging.isEmpty()) {
        for (const QFileInfo &entry : QDir(staging).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
            struct stat st
            {
            };
            if (::lstat(QFile::encodeName(entry.filePath()).constData(), &st) == 0 && st.st_uid == user.uid
                && !chownTree(entry.filePath(), ::geteuid(), ::getegid(), false, &why))
                spdlog::warn("runtime: {}", why.toStdString());
        }
    }
    removeAccount(user, 3);
}

void LocalHost::adoptFolderOwner(const QString &path, bool isDirectory) const
{
    if (::geteuid() != 0)
        return;
    struct stat parent
    {
    };
    if (::stat(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &parent) != 0
        || !isEngineUid(parent.st_uid))
        return;
    const QByteArray native = QFile::encodeName(path);
    if (::lchown(native.constData(), parent.st_uid, parent.st_gid) == 0)
        ::chmod(native.constData(), isDirectory ? 0700 : 0600);
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
    QStringList missing; // outermost last
    for (QString d = QDir::cleanPath(QDir(directory).absolutePath()); !QFileInfo::exists(d) && d != u"/"_s;
         d = QFileInfo(d).absolutePath())
        missing.append(d);
    if (!QDir().mkpath(directory))
        return false;
    for (auto it = missing.crbegin(); it != missing.crend(); ++it)
        adoptFolderOwner(*it, true);
    return true;
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
    const bool existed = QFileInfo::exists(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (!existed)
        adoptFolderOwner(path, false);
    return file.write(content) == content.size();
}

bool LocalHost::appendToFile(const QString &path, const QByteArray &content)
{
    const bool existed = QFileInfo::exists(path);
    QFile file(path);
    if (!file.open(QIODevice::Append))
        return false;
    if (!existed)
        adoptFolderOwner(path, false);
    return file.write(content) == content.size();
}

bool LocalHost::removeFile(const QString &path)
{
    return QFile::remove(path);
}

bool LocalHost::copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    if (!QFile::copy(from, to))
        return false;
    adoptFolderOwner(to, false);
    return true;
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
