// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "sparktesthost.h"

#include "core/runtime/jobstaging.h"
#include "core/runtime/processes.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QSaveFile>

#include <array>
#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck::test {

namespace {

class TestJob final : public engine::JobProcess
{
public:
    TestJob(const engine::ProcessSpec &spec, const engine::RunAs &runAs, QObject *parent)
        : engine::JobProcess(parent)
    {
        m_process.setProgram(spec.program);
        m_process.setArguments(spec.arguments);
        m_process.setEnvironment(spec.environment);
        m_process.setWorkingDirectory(spec.workingDirectory);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(spec.logPath, QIODevice::Append);
        m_process.setStandardInputFile(QProcess::nullDevice());
        m_process.setChildProcessModifier([runAs] {
            setpgid(0, 0);
            if (runAs.drop && (::setgroups(0, nullptr) != 0 || ::setgid(runAs.gid) != 0 || ::setuid(runAs.uid) != 0))
                ::_exit(126);
        });
        connect(&m_process, &QProcess::started, this, &JobProcess::started);
        connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
            Q_EMIT finished(code, status == QProcess::CrashExit);
        });
        connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                Q_EMIT failedToStart(m_process.errorString());
        });
        m_process.start();
    }
    engine::ProcessHandle handle() const override { return {m_process.processId()}; }
    bool isRunning() const override { return m_process.state() != QProcess::NotRunning; }
    void kill() override { m_process.kill(); }

private:
    QProcess m_process;
};

int signalNumber(engine::ProcessSignal s)
{
    switch (s) {
    case engine::ProcessSignal::Terminate: return SIGTERM;
    case engine::ProcessSignal::Kill: return SIGKILL;
    case engine::ProcessSignal::Stop: return SIGSTOP;
    case engine::ProcessSignal::Continue: return SIGCONT;
    case engine::ProcessSignal::Decommission: return SIGPWR;
    }
    return SIGTERM;
}

} // namespace

QStringList SparkTestHost::environment() const
{
    return QProcessEnvironment::systemEnvironment().toStringList();
}

engine::ProcessHandle SparkTestHost::startDetached(const engine::ProcessSpec &spec, QString *error)
{
    processes::SpawnRequest r{spec.program, spec.arguments, spec.environment, spec.workingDirectory, spec.logPath};
    return {processes::spawnDetached(r, error)};
}

engine::JobProcess *SparkTestHost::startJob(const engine::ProcessSpec &spec, const engine::RunAs &runAs, QObject *parent)
{
    return new TestJob(spec, runAs, parent);
}

bool SparkTestHost::signal(engine::ProcessHandle process, engine::ProcessSignal signal)
{
    if (signal == engine::ProcessSignal::Decommission)
        return ::kill(pid_t(process.id), SIGPWR) == 0; // the Worker's JVM only (see SparkDriver::retire)
    return processes::signalGroup(process.id, signalNumber(signal));
}

bool SparkTestHost::isAlive(engine::ProcessHandle process) const
{
    return processes::isGroupAlive(process.id);
}

QList<engine::ProcessHandle> SparkTestHost::aliveAmong(const QList<engine::ProcessHandle> &list) const
{
    const QSet<qint64> live = processes::liveProcessGroups();
    QList<engine::ProcessHandle> result;
    for (const engine::ProcessHandle &p : list)
        if (live.contains(p.id))
            result.append(p);
    return result;
}

bool SparkTestHost::runsInside(engine::ProcessHandle process, const QString &clusterDir) const
{
    return processes::workingDirectory(process.id).startsWith(clusterDir);
}

engine::RunAs SparkTestHost::jobUser(const QString &user, QString *error) const
{
    engine::RunAs r;
    if (::geteuid() != 0)
        return r;
    passwd entry{};
    passwd *found = nullptr;
    std::array<char, 16384> buffer{};
    const QByteArray name = user.toLocal8Bit();
    if (::getpwnam_r(name.constData(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found || found->pw_uid == 0) {
        *error = u"no unprivileged user %1"_s.arg(user);
        return r;
    }
    r.drop = true;
    r.uid = found->pw_uid;
    r.gid = found->pw_gid;
    r.user = user;
    return r;
}

engine::Host::StagedScript SparkTestHost::stageJob(const QString &jobId, const QString &script, const engine::RunAs &runAs,
                                                   QString *error)
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

bool SparkTestHost::makePath(const QString &directory)
{
    return QDir().mkpath(directory);
}

std::optional<QByteArray> SparkTestHost::readFile(const QString &path, qint64 maxBytes) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > maxBytes)
        return std::nullopt;
    return f.readAll();
}

bool SparkTestHost::writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size() && f.commit();
}

bool SparkTestHost::removeFile(const QString &path)
{
    return QFile::remove(path);
}

bool SparkTestHost::copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

bool SparkTestHost::appendToFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Append) && f.write(content) == content.size();
}

std::optional<QStringList> SparkTestHost::tailLines(const QString &path, int maxLines, qint64 maxBytes) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    if (f.size() > maxBytes)
        f.seek(f.size() - maxBytes);
    QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return lines.mid(std::max<qsizetype>(0, lines.size() - maxLines));
}

} // namespace cdeck::test
