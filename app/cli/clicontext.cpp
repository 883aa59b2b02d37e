// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clicontext.h"

#include "core/model/clusterinfo.h"
#include "core/security/tokenfile.h"

#include <CLI/CLI.hpp>

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void printJson(const QJsonValue &v)
{
    out() << (v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject())).toJson(QJsonDocument::Indented);
    out().flush();
}

QString human(qint64 bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    return u"%1 %2"_s.arg(v, 0, 'f', u == 0 ? 0 : 1).arg(QLatin1StringView(units[u]));
}

// --- CommandOptions ---

CommandOptions &CommandOptions::value(const std::string &name, const std::string &help)
{
    m_command->add_option(name, m_values[name], help)
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    return *this;
}

CommandOptions &CommandOptions::list(const std::string &name, const std::string &help)
{
    m_command->add_option(name, m_values[name], help)
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    return *this;
}

CommandOptions &CommandOptions::flag(const std::string &name, const std::string &help)
{
    m_command->add_flag(name, m_flags[name], help);
    return *this;
}

CommandOptions &CommandOptions::positional(const std::string &name, const std::string &help, bool required)
{
    CLI::Option *o = m_command->add_option(name, m_words[name], help);
    if (required)
        o->required();
    return *this;
}

bool CommandOptions::has(const QString &name) const
{
    const std::string key = name.toStdString();
    if (const auto f = m_flags.find(key); f != m_flags.end())
        return f->second;
    const auto v = m_values.find(key);
    return v != m_values.end() && !v->second.empty();
}

QString CommandOptions::value(const QString &name) const
{
    const auto v = m_values.find(name.toStdString());
    return v == m_values.end() || v->second.empty() ? QString() : QString::fromStdString(v->second.back());
}

QStringList CommandOptions::values(const QString &name) const
{
    QStringList result;
    if (const auto v = m_values.find(name.toStdString()); v != m_values.end())
        for (const std::string &s : v->second)
            result.append(QString::fromStdString(s));
    return result;
}

int CommandOptions::intValue(const QString &name) const
{
    bool ok = false;
    const int v = value(name).toInt(&ok);
    if (!has(name) || !ok)
        throw UsageError(name + u" expects an integer"_s);
    return v;
}

QString CommandOptions::word(const QString &positionalName) const
{
    const auto w = m_words.find(positionalName.toStdString());
    return w == m_words.end() ? QString() : QString::fromStdString(w->second);
}

std::shared_ptr<CommandOptions> addCommand(CLI::App &parent, Context &ctx, const std::string &name,
                                           const std::string &description, Action action)
{
    CLI::App *command = parent.add_subcommand(name, description);
    auto options = std::make_shared<CommandOptions>(command);
    command->callback([&ctx, options, action = std::move(action)] {
        ctx.action = [&ctx, options, action] { return action(ctx, *options); };
    });
    return options;
}

CLI::App &addGroup(CLI::App &parent, const std::string &name, const std::string &description)
{
    CLI::App *group = parent.add_subcommand(name, description);
    group->require_subcommand(1);
    return *group;
}

// --- Context ---

RuntimeClient &Context::client()
{
    if (m_client)
        return *m_client;
    const QString tokenFile = QString::fromStdString(global.tokenFile);
    QString tokenError;
    const QByteArray token = security::readTokenFile(tokenFile, &tokenError);
    if (token.isEmpty())
        throw CliExit{error(tokenError + u" (is the runtime running? pass --token-file)"_s, ExitUnreachable)};
    const QString runtime = QString::fromStdString(global.runtime);
    const QUrl url(runtime);
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1))
        throw UsageError(u"--runtime expects an http(s) URL, got '%1'"_s.arg(runtime));
    m_client = std::make_unique<RuntimeClient>(url, token);
    m_client->setTrust(trust());
    return *m_client;
}

RuntimeTrust Context::trust() const
{
    RuntimeTrust t = RuntimeTrust::fromEnvironment();
    if (!global.caFile.empty())
        t.caFile = QString::fromStdString(global.caFile);
    return t;
}

ApiReply Context::call(api::RouteId route, const QStringList &parameters, const QJsonObject &body, const QString &query)
{
    return client().callBlocking(route, parameters, body, query);
}

QString Context::clusterId(const QString &idOrName)
{
    const ApiReply r = call(api::RouteId::Clusters);
    if (!r.ok())
        return idOrName; // the command's own call reports what is wrong
    QStringList byName;
    QStringList aliveByName;
    for (const QJsonValue &v : r.body.toArray()) {
        const ClusterInfo c = ClusterInfo::fromJson(v.toObject());
        if (c.id == idOrName)
            return c.id;
        if (c.spec.name == idOrName) {
            byName.append(c.id);
            if (!isTerminal(c.state))
                aliveByName.append(c.id);
        }
    }
    if (byName.size() == 1)
        return byName.first();
    if (aliveByName.size() == 1)
        return aliveByName.first();
    if (byName.size() > 1)
        throw UsageError(
            u"'%1' names %2 clusters (%3): give an id"_s.arg(idOrName).arg(byName.size()).arg(byName.join(u", "_s)));
    return idOrName;
}

int Context::error(const QString &message, int exitCode, const QJsonObject &extra)
{
    if (global.json) {
        QJsonObject o = extra;
        o.insert(u"error"_s, message);
        o.insert(u"exitCode"_s, exitCode);
        err() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    } else {
        err() << "clusterdeck-cli: " << message << "\n";
        if (exitCode == ExitUsage)
            err() << "(run clusterdeck-cli --help for the commands)\n";
    }
    err().flush();
    return exitCode;
}

int Context::fail(const ApiReply &r)
{
    const int code = r.unreachable() ? ExitUnreachable : ExitFailed;
    if (global.json) {
        QJsonObject extra{{u"httpStatus"_s, r.httpStatus}};
        if (!r.detail.isEmpty())
            extra.insert(u"detail"_s, r.detail);
        if (!r.fields.isEmpty())
            extra.insert(u"fields"_s, r.fields);
        return error(r.unreachable() ? r.message() : r.error, code, extra);
    }
    err() << "clusterdeck-cli: " << r.message() << "\n";
    for (auto it = r.fields.begin(); it != r.fields.end(); ++it)
        err() << "  " << it.key() << ": " << it.value().toString() << "\n";
    err().flush();
    return code;
}

int Context::done(const QJsonValue &v, const std::function<void()> &text)
{
    if (global.json)
        printJson(v);
    else
        text();
    return ExitOk;
}

int Context::waitFor(api::RouteId route, const QStringList &parameters,
                     const std::function<int(const QJsonValue &)> &accept, QJsonValue *last, const QString &what)
{
    const QDeadlineTimer deadline(qint64(global.timeoutS) * 1000);
    for (;;) {
        const ApiReply r = call(route, parameters);
        if (r.ok()) {
            *last = r.body;
            const int verdict = accept(r.body);
            if (verdict != 0)
                return verdict;
        } else if (!r.unreachable()) {
            fail(r);
            return -1;
        }
        if (deadline.hasExpired()) {
            error(u"timed out after %1 s waiting for %2"_s.arg(global.timeoutS).arg(what), ExitFailed);
            return -2;
        }
        QEventLoop loop;
        QTimer::singleShot(500, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

int Context::waitForCluster(const QString &clusterId,
                            const std::function<int(const QJsonObject &, const QJsonArray &)> &accept, QJsonValue *last,
                            const QString &what)
{
    const QDeadlineTimer deadline(qint64(global.timeoutS) * 1000);
    const auto remainingMs = [&deadline] { // what a timer takes: an int, never past the deadline
        return int(std::clamp<qint64>(deadline.remainingTime(), 0, std::numeric_limits<int>::max()));
    };
    QEventLoop loop;
    int verdict = 0;
    QString refusal; // the runtime refused the stream (404, 401...): set, the wait ends
    std::unique_ptr<MetricsStream> stream;
    QTimer reopen; // after a broken stream: as the runtime's `retry` asks, but sooner (it may be restarting)
    reopen.setSingleShot(true);
    const auto open = [&] {
        // Silent for as long as the wait may last: a launch can take minutes without a change.
        stream.reset(client().openMetricsStream(clusterId, std::max(1000, remainingMs())));
        QObject::connect(stream.get(), &MetricsStream::clusterReceived, &loop,
                         [&](const QJsonObject &cluster, const QJsonArray &executors) {
                             if (verdict != 0)
                                 return; // decided: later events of the same read change nothing
                             *last = cluster;
                             verdict = accept(cluster, executors);
                             if (verdict != 0)
                                 loop.quit();
                         });
        QObject::connect(stream.get(), &MetricsStream::ended, &loop, [&] {
            // The cluster ended; its last `cluster` event came before this. Ended short of the goal: never.
            if (verdict == 0)
                verdict = -1;
            loop.quit();
        });
        QObject::connect(stream.get(), &MetricsStream::failed, &loop, [&](const QString &reason, int httpStatus) {
            if (httpStatus != 0 && httpStatus != 200) {
                refusal = u"HTTP %1: %2"_s.arg(httpStatus).arg(reason);
                loop.quit();
                return;
            }
            reopen.start(500);
        });
    };
    QObject::connect(&reopen, &QTimer::timeout, &loop, open);
    QTimer expiry;
    expiry.setSingleShot(true);
    QObject::connect(&expiry, &QTimer::timeout, &loop, &QEventLoop::quit);
    expiry.start(remainingMs());
    open();
    loop.exec();
    stream.reset();
    if (!refusal.isEmpty()) {
        // A plain call says it as every command does (404 no such cluster, 401 bad token).
        const ApiReply r = call(api::RouteId::Cluster, {clusterId});
        if (!r.ok()) {
            fail(r);
            return -1;
        }
        *last = r.body;
        error(u"the runtime refused the cluster's event stream (%1)"_s.arg(refusal), ExitFailed);
        return -1;
    }
    if (verdict != 0)
        return verdict;
    error(u"timed out after %1 s waiting for %2"_s.arg(global.timeoutS).arg(what), ExitFailed);
    return -2;
}

} // namespace cdeck::cli
