// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/runtimeclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace cdeck::cli {

// The exit codes, as docs/cli.md documents them.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailed = 1, // the runtime refused or the operation did not reach its goal (--wait)
    ExitUsage = 2, // a bad command line: unknown command or option, an option of another command, a bad value
    ExitUnreachable = 3, // no runtime answered, no token to talk to it with, or its HTTPS certificate was refused
};

QTextStream &out();
QTextStream &err();

// A bad command line found after parsing (a value CLI11 cannot check): exit 2.
class UsageError : public std::exception
{
public:
    explicit UsageError(QString m)
        : message(std::move(m))
    {
    }
    QString message;
};

// Options every command accepts, before or after the command's own words.
struct GlobalOptions
{
    std::string runtime;
    std::string tokenFile;
    std::string caFile; // --ca-file / CLUSTERDECK_CA_FILE: the one CA an https runtime's certificate must chain to
    bool json = false;
    int timeoutS = 300;
};

// The options one command declared, as given on its command line; the command converts them itself so
// its messages name the option (the old flat parser's messages are kept).
class CommandOptions
{
public:
    explicit CommandOptions(CLI::App *command)
        : m_command(command)
    {
    }
    CLI::App *command() const { return m_command; }

    // --name VALUE; given twice, the last counts.
    CommandOptions &value(const std::string &name, const std::string &help);
    // --tag k=v, repeatable, kept in command-line order.
    CommandOptions &list(const std::string &name, const std::string &help);
    CommandOptions &flag(const std::string &name, const std::string &help);
    CommandOptions &positional(const std::string &name, const std::string &help, bool required = true);

    bool has(const QString &name) const; // an option given, or a flag set
    QString value(const QString &name) const;
    QStringList values(const QString &name) const;
    int intValue(const QString &name) const; // throws UsageError "NAME expects an integer"
    QString word(const QString &positionalName) const;

private:
    CLI::App *m_command;
    std::map<std::string, std::vector<std::string>> m_values; // node-stable: CLI11 binds to these
    std::map<std::string, bool> m_flags;
    std::map<std::string, std::string> m_words;
};

// What a command needs to talk to the runtime and answer the user; one per process.
class Context
{
public:
    GlobalOptions global;

    // The client for --runtime with the token of --token-file; exits through CliExit when neither works.
    RuntimeClient &client();
    // How an https runtime's certificate is trusted: --ca-file, else pinning (RuntimeTrust::fromEnvironment()).
    RuntimeTrust trust() const;
    // One route of the API (api::routes()): the CLI never builds a path itself. query: without '?', encoded.
    ApiReply call(api::RouteId route, const QStringList &parameters = {}, const QJsonObject &body = {},
                  const QString &query = {});

    // A cluster addressed by id or by name: the id. A name matching several clusters is a usage error,
    // unless exactly one of them is still alive; an unknown word is passed on as an id (the runtime's 404).
    QString clusterId(const QString &idOrName);

    // Reports a refused or failed call (stderr; one JSON object there under --json): exit 1, or 3 if unreachable.
    int fail(const ApiReply &r);
    // Reports an error that is not the runtime's answer (stderr, JSON under --json) and returns exitCode.
    int error(const QString &message, int exitCode, const QJsonObject &extra = {});
    // Prints v (--json) or the text rendering; exit 0.
    int done(const QJsonValue &v, const std::function<void()> &text);
    // Polls a GET route until accept() says the object is stable (1) or never will be (-1); -2 on timeout.
    int waitFor(api::RouteId route, const QStringList &parameters, const std::function<int(const QJsonValue &)> &accept,
                QJsonValue *last, const QString &what);
    // Waits on the cluster's event stream (its `cluster` events: the cluster and its executors' states, sent
    // at once and on each change) until accept() says the cluster is where it should be (1) or never will be
    // (-1); -2 on timeout. *last: the cluster as last seen. A stream that breaks is opened again (the runtime
    // restarting); a refusal (unknown cluster, no token) is reported like a call's.
    int waitForCluster(const QString &clusterId,
                       const std::function<int(const QJsonObject &cluster, const QJsonArray &executors)> &accept,
                       QJsonValue *last, const QString &what);

private:
    std::unique_ptr<RuntimeClient> m_client;

public:
    // The action the command line chose (set by the command's parse callback), run after parsing.
    std::function<int()> action;
};

// Leaves the command with an exit code after its message was reported.
struct CliExit
{
    int code;
};

void printJson(const QJsonValue &v);
QString human(qint64 bytes); // 1.5 KiB

// Registers a command: its action runs after the whole command line parsed cleanly.
using Action = std::function<int(Context &, const CommandOptions &)>;
std::shared_ptr<CommandOptions> addCommand(CLI::App &parent, Context &ctx, const std::string &name,
                                           const std::string &description, Action action);

// A command that only groups others (cluster launch, cluster list...): one of them must follow.
CLI::App &addGroup(CLI::App &parent, const std::string &name, const std::string &description);

// One registration per command family (one file each).
void addClusterCommands(CLI::App &root, Context &ctx);
void addJobCommands(CLI::App &root, Context &ctx);
void addTelemetryCommands(CLI::App &root, Context &ctx); // executors, metrics
void addIncidentCommands(CLI::App &root, Context &ctx); // incidents, runbook
void addSloCommands(CLI::App &root, Context &ctx);
void addChaosCommands(CLI::App &root, Context &ctx);
void addCostCommands(CLI::App &root, Context &ctx); // cost, pricing, budget
void addSparkLogCommands(CLI::App &root, Context &ctx);
void addLogCommands(CLI::App &root, Context &ctx); // logs
void addSecurityCommands(CLI::App &root, Context &ctx); // audit, user, whoami

} // namespace cdeck::cli
