// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cdeck::engine {

// A process (with everything it started) that a host runs for a cluster. Opaque to the controller and the
// drivers: only the host that started it can signal or probe it. On LocalHost `id` is the leader's pid,
// which is also its process group id (it is stored as the executor's / scheduler's pid).
struct ProcessHandle
{
    qint64 id = 0;
    bool isValid() const { return id > 0; }
    friend bool operator==(const ProcessHandle &, const ProcessHandle &) = default;
};

// Who a cluster's processes run as. When the runtime is root, each cluster has an unprivileged user of its
// own (see Host::engineUser): its engine processes and its jobs run as that user, never as the runtime's.
struct RunAs
{
    bool drop = false; // false: as the runtime's own user (a runtime that is not root cannot switch)
    unsigned uid = 0;
    unsigned gid = 0;
    QString user;
};

// What to start on a host. Paths are the host's own (a cluster's folder lives on the host that runs it).
struct ProcessSpec
{
    QString program; // absolute path
    QStringList arguments;
    QStringList environment; // the full environment, "KEY=value" (see Host::environment())
    QString workingDirectory;
    QString logPath; // stdout and stderr are appended here
    RunAs runAs; // the host switches to this user between fork and exec (the log is opened before)
};

// The signals the controller and the drivers need, by intent rather than by number.
enum class ProcessSignal {
    Terminate, // ask to stop (SIGTERM)
    Kill, // stop now (SIGKILL): nothing in the group can restart the others
    Stop, // freeze (SIGSTOP): a hung machine, for fault injection
    Continue, // unfreeze (SIGCONT)
    Decommission, // start a graceful decommission (SIGPWR: Spark's standalone Worker drains on it)
};

// A job's driver process (a Python script, spark-submit): attached to the runtime, which follows its end.
// It runs in its own process group, so a cancel reaches everything it started.
// Exactly one of finished() or failedToStart() is emitted, once, after start() has returned.
class JobProcess : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~JobProcess() override = default;

    virtual ProcessHandle handle() const = 0; // invalid until started()
    virtual bool isRunning() const = 0;
    // Stops it now, even while it is starting (a cancel before it ran): finished() or failedToStart() follows.
    virtual void kill() = 0;

Q_SIGNALS:
    void started();
    void finished(int exitCode, bool crashed); // crashed: ended by a signal
    void failedToStart(const QString &error);
};

// The machine a cluster's processes run on, as drivers and the controller see it: start, signal and probe
// processes, and read and write the files of a cluster's folder. LocalHost is this machine; a node agent on
// another machine can implement the same (addresses, paths and process handles never leak past it).
// Thread contract: the runtime's main thread. Every call returns at once.
class Host
{
public:
    virtual ~Host() = default;

    // The address engine processes bind and are reached at ("127.0.0.1" on LocalHost: loopback only).
    virtual QString bindAddress() const = 0;
    // The base environment of every engine process and job ("KEY=value"): a minimal, stated one (PATH,
    // LANG, LC_ALL, TZ when set), never the runtime's own; a driver adds what its engine needs, HOME
    // included. Nothing the runtime was started with (tokens, proxies, LD_PRELOAD) reaches user code.
    virtual QStringList environment() const = 0;

    // Starts a long-lived engine process detached from the runtime (it outlives a runtime restart), in its
    // own process group. An invalid handle with *error set when it could not start.
    virtual ProcessHandle startDetached(const ProcessSpec &spec, QString *error) = 0;
    // Starts a job's process attached to the runtime, in its own process group, as spec.runAs; output goes
    // to spec.logPath. The caller owns the returned object (parented to `parent`); call start-up happens at
    // once and is reported through its signals.
    virtual JobProcess *startJob(const ProcessSpec &spec, QObject *parent) = 0;

    // Sends `signal` to the whole process group; false when it no longer exists.
    virtual bool signal(ProcessHandle process, ProcessSignal signal) = 0;
    virtual bool isAlive(ProcessHandle process) const = 0;
    // Of `processes`, the ones alive, in one probe (a poll checks every executor at once).
    virtual QList<ProcessHandle> aliveAmong(const QList<ProcessHandle> &processes) const = 0;
    // Whether a live process is one of ours for the cluster whose folder is `clusterDir` (its working
    // directory lies inside it): after a runtime restart a stored pid may have been reused by the kernel.
    virtual bool runsInside(ProcessHandle process, const QString &clusterDir) const = 0;

    // Engine isolation. "" when the host runs each cluster as a user of its own, else why not (the runtime
    // is not root: every cluster then runs as the runtime's own user).
    virtual QString isolationOff() const = 0;
    // The user a cluster's engine processes and jobs run as. create: a fresh launch allocates one (an
    // unprivileged system user with no login shell and a HOME inside the cluster's folder) and hands the
    // folder to it (0700); otherwise the one recorded for the folder (its owner), for a re-attach. Without
    // isolation, a RunAs that does not drop. *error when none can be had: the cluster must not start.
    virtual RunAs engineUser(const QString &clusterDir, bool create, QString *error) = 0;
    // The cluster has ended: everything still running as its user is killed, its folder is handed back to
    // the runtime (a later user given the same uid gets nothing of it) and the user is removed.
    virtual void releaseEngineUser(const QString &clusterDir, const RunAs &user) = 0;
    // A job that runs as another user runs from a copy of its script (and the package folders beside it)
    // in a folder of its own that user can reach (see jobstaging.h). *error when nothing could be staged.
    struct StagedScript
    {
        QString directory; // the job's working directory and HOME
        QString script;
    };
    virtual StagedScript stageJob(const QString &jobId, const QString &script, const RunAs &runAs,
                                  QString *error) = 0;

    // Files on the host. readFile: nullopt when missing, unreadable or larger than maxBytes. What makePath,
    // writeFile, appendToFile and copyFile create inside a cluster's folder belongs to that cluster's user
    // (folders 0700, files 0600), like the rest of the folder.
    virtual bool makePath(const QString &directory) = 0;
    virtual std::optional<QByteArray> readFile(const QString &path, qint64 maxBytes) const = 0;
    virtual bool writeFile(const QString &path, const QByteArray &content) = 0; // replaces it
    virtual bool appendToFile(const QString &path, const QByteArray &content) = 0;
    virtual bool removeFile(const QString &path) = 0;
    virtual bool copyFile(const QString &from, const QString &to) = 0; // replaces `to`
    // The last `maxLines` lines of a text file (a log), at most `maxBytes` read from its end; nullopt when
    // it cannot be read.
    virtual std::optional<QStringList> tailLines(const QString &path, int maxLines, qint64 maxBytes) const = 0;

    // Follows the files directly inside `directories` as they are written, so a driver hears of a worker
    // joining when the engine logs it rather than at its next poll: onAppended(path, bytes) on the main
    // thread with what a file gained (files already there from their current end, later ones from their
    // start; a file cut short starts over; a burst beyond a few MiB is skipped). Until `context` is
    // destroyed. false when the host cannot follow them (the caller's polls still see everything, later).
    using AppendCallback = std::function<void(const QString &path, const QByteArray &appended)>;
    virtual bool followFiles(const QStringList &directories, QObject *context, AppendCallback onAppended) = 0;
};

} // namespace cdeck::engine
