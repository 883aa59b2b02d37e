// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// clusterdeck-runtime: the local (or remote) control plane. Thin: options, logging, signals; the work is
// in core/runtime.
#include "core/runtime/apiserver.h"
#include "core/runtime/apiserverusers.h"
#include "core/runtime/supervisor.h"
#include "core/security/datadirlock.h"
#include "core/security/datapaths.h"
#include "core/security/tokenfile.h"
#include "core/security/usertokens.h"
#include "core/store/securitystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
int g_signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char c = 1;
    const ssize_t ignored = write(g_signalPipe[1], &c, 1);
    (void)ignored;
}

void setUpLogging(const QString &dataDir)
{
    std::vector<spdlog::sink_ptr> sinks{std::make_shared<spdlog::sinks::stderr_color_sink_mt>()};
    try {
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            QString(dataDir + u"/runtime.log"_s).toStdString(), 10 * 1024 * 1024, 3));
    } catch (const spdlog::spdlog_ex &) {
        // The data dir may be read-only: stderr alone then.
    }
    for (const char *name : {"ops", "storage", "api"})
        spdlog::register_logger(std::make_shared<spdlog::logger>(name, sinks.begin(), sinks.end()));
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("runtime", sinks.begin(), sinks.end()));
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v");
    // runtime.log is read while the runtime runs (tail -f, the tests): warnings at once, the rest each second.
    spdlog::flush_on(spdlog::level::warn);
    spdlog::flush_every(std::chrono::seconds(1));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"ClusterDeck"_s);
    QCoreApplication::setApplicationName(u"clusterdeck-runtime"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"ClusterDeck control plane: launches, scales and terminates local Dask "
                                     "clusters and serves them over a JSON API."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOption(u"listen"_s, u"Address and port to listen on (default 127.0.0.1:7650)."_s,
                                          u"HOST:PORT"_s, u"127.0.0.1:7650"_s);
    const QCommandLineOption dataOption(u"data-dir"_s, u"Data directory (default $XDG_DATA_HOME/clusterdeck)."_s,
                                        u"DIR"_s, cdeck::paths::defaultDataDir());
    const QCommandLineOption resourcesOption(u"resources"_s, u"resources/ directory (engine preloads, samples)."_s,
                                             u"DIR"_s);
    const QCommandLineOption pricingOption(u"pricing"_s, u"Price catalog JSON for the cost ledger (default: the shipped "
                                                       "resources/pricing/aws-us-east-1.json)."_s,
                                           u"FILE"_s);
    parser.addOptions({listenOption, dataOption, resourcesOption, pricingOption});
    parser.addPositionalArgument(u"audit verify"_s, u"Check the audit log's hash chain and exit (0: intact)."_s,
                                 u"[audit verify]"_s);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        if (parser.positionalArguments() != QStringList{u"audit"_s, u"verify"_s}) {
            fprintf(stderr, "clusterdeck-runtime: the only command is 'audit verify'\n");
            return 2;
        }
        // Read-only, and no lock: it can check the log of a running runtime.
        const QString path = QDir(parser.value(dataOption)).absoluteFilePath(u"security.sqlite"_s);
        if (!QFileInfo::exists(path)) {
            fprintf(stderr, "clusterdeck-runtime: no audit log at %s\n", qPrintable(path));
            return 1;
        }
        cdeck::SecurityStore store;
        QString error;
        if (!store.openReadOnly(path, &error)) {
            fprintf(stderr, "clusterdeck-runtime: %s\n", qPrintable(error));
            return 1;
        }
        const cdeck::AuditVerification v = store.verifyAudit();
        printf("%s: %s\n", v.ok ? "intact" : "BROKEN", qPrintable(v.message));
        return v.ok ? 0 : 1;
    }

    const QString listen = parser.value(listenOption);
    const int colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const quint16 port = colon > 0 ? listen.mid(colon + 1).toUShort(&portOk) : 0;
    const QHostAddress address(listen.left(colon));
    if (!portOk || address.isNull()) {
        fprintf(stderr, "clusterdeck-runtime: --listen expects HOST:PORT with a numeric host, got '%s'\n",
                qPrintable(listen));
        return 2;
    }

    cdeck::RuntimeConfig config;
    config.dataDir = QDir(parser.value(dataOption)).absolutePath();
    config.resourcesDir = cdeck::paths::resourcesDir(parser.value(resourcesOption));
    if (parser.isSet(pricingOption))
        config.pricingPath = QDir(parser.value(pricingOption)).absolutePath();
    if (const QString bad = config.applyEnvironment(); !bad.isEmpty()) {
        fprintf(stderr, "clusterdeck-runtime: %s\n", qPrintable(bad));
        return 2;
    }
    // What the runtime creates (its databases, logs, the clusters' folders and files) is its own alone:
    // folders 0700, files 0600, unless it says otherwise.
    ::umask(077);
    if (!QDir().mkpath(config.dataDir)) {
        fprintf(stderr, "clusterdeck-runtime: cannot create data dir %s\n", qPrintable(config.dataDir));
        return 1;
    }
    // Before anything in the data dir is opened (the log included): one runtime per data dir.
    cdeck::security::DataDirLock dataDirLock;
    QString lockError;
    if (!dataDirLock.acquire(config.dataDir, &lockError)) {
        fprintf(stderr, "clusterdeck-runtime: %s\n", qPrintable(lockError));
        return 1;
    }
    setUpLogging(config.dataDir);
    if (!address.isLoopback())
        spdlog::warn("runtime: listening on {}, not loopback: anyone who can reach it and has the token controls "
                     "your clusters", listen.toStdString());

    QString error;
    const QByteArray token = cdeck::security::ensureTokenFile(cdeck::paths::tokenPath(config.dataDir), &error);
    if (token.isEmpty()) {
        spdlog::critical("runtime: {}", error.toStdString());
        return 1;
    }
    cdeck::Supervisor supervisor(config);
    if (!supervisor.start(&error)) {
        spdlog::critical("runtime: {}", error.toStdString());
        return 1;
    }
    cdeck::SecurityStore security;
    if (!security.open(config.dataDir + u"/security.sqlite"_s, &error)) {
        spdlog::critical("runtime: {}", error.toStdString());
        return 1;
    }
    const QByteArray tokenKey = cdeck::security::loadOrCreateTokenKey(config.dataDir + u"/token.key"_s, &error);
    if (tokenKey.isEmpty()) {
        spdlog::critical("runtime: {}", error.toStdString());
        return 1;
    }
    cdeck::UserDirectory users(security, tokenKey, token);
    cdeck::ApiServer api(supervisor, users, security);
    const quint16 bound = api.listen(address, port, &error);
    if (bound == 0) {
        spdlog::critical("runtime: {}", error.toStdString());
        return 1;
    }
    spdlog::info("runtime: listening on http://{}:{} (data {}, resources {})", address.toString().toStdString(), bound,
                 config.dataDir.toStdString(), config.resourcesDir.toStdString());

    // SIGTERM/SIGINT: interrupt running jobs and stop; clusters keep running for the next runtime.
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&] {
            char c;
            const ssize_t ignored = read(g_signalPipe[0], &c, 1);
            (void)ignored;
            spdlog::info("runtime: stopping (clusters keep running)");
            supervisor.shutdown();
            QCoreApplication::quit();
        });
        signal(SIGTERM, onSignal);
        signal(SIGINT, onSignal);
    }
    signal(SIGPIPE, SIG_IGN);
    return app.exec();
}
