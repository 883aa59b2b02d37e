// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/runtimeclient.h"

#include <QHash>
#include <QJsonValue>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace cdeck::test {

// The real clusterdeck-runtime binary under test: its own temporary data directory and loopback port
// (kept across restarts, so a restarted runtime is found where the old one was). Whatever a test leaves
// running is ended by stopAndReap() (also on destruction): engine processes are found by their working
// directory under the data directory and killed by pid.
class RuntimeProcess
{
public:
    RuntimeProcess();
    ~RuntimeProcess();
    RuntimeProcess(const RuntimeProcess &) = delete;
    RuntimeProcess &operator=(const RuntimeProcess &) = delete;

    // Extra environment for the runtime (time thresholds in seconds, poll intervals...), kept for restarts.
    void setEnvironment(const QHash<QString, QString> &env) { m_env = env; }
    // Starts the runtime and waits until /health answers and the token file is readable.
    bool start(QString *error);
    // SIGKILL, as a crash would; the engine processes it started keep running.
    void crash();
    // SIGTERM and wait. Engine processes are left alone (a test may check that none outlived its cluster).
    void stop();
    // stop(), then SIGKILL every engine process still under the data directory: a test's cleanup.
    void stopAndReap();

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    qint64 pid() const { return m_process.processId(); }
    QString url() const;
    QString dataDir() const { return m_data.path(); }
    QString tokenFile() const { return m_data.path() + QStringLiteral("/token"); }
    QString clusterDir(const QString &clusterId) const { return m_data.path() + QStringLiteral("/clusters/") + clusterId; }
    QByteArray token() const { return m_token; }

    // clusterdeck-cli --json ARGS against this runtime: its exit code (-1 on timeout), *json its stdout.
    int cli(const QStringList &args, QJsonValue *json = nullptr, int timeoutMs = 240000) const;
    // A blocking API call through RuntimeClient (paths only, no query string).
    ApiReply api(const QByteArray &verb, const QString &path, const QJsonObject &body = {}, bool withToken = true) const;
    // A raw blocking GET of a path with a query string; returns the HTTP status, *body the parsed JSON.
    int get(const QString &pathAndQuery, QJsonValue *body = nullptr, const QByteArray &token = {}) const;

private:
    QTemporaryDir m_data;
    QProcess m_process;
    QHash<QString, QString> m_env;
    int m_port = 0;
    QByteArray m_token;
};

} // namespace cdeck::test
