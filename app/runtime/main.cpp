// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// clusterdeck-runtime: the local (or remote) control plane. Thin: options, logging, signals; the work is
// in core/runtime.
#include "core/runtime/apiserver.h"
#include "core/runtime/apiserverusers.h"
#include "core/runtime/runtimetls.h"
#include "core/runtime/supervisor.h"
#include "core/backend/runtime/runtimetransport.h"
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
    const QCommandLineOption tlsOption(
        u"tls"_s,
        u"Serve HTTPS with a self-signed certificate generated on first start into DATA/tls (its SHA-256 "
        "fingerprint is logged; clients pin it on first use). Required for a --listen address that is not "
        "loopback."_s);
    const QCommandLineOption tlsCertOption(u"tls-cert"_s, u"Serve HTTPS with this PEM certificate (chain) instead."_s,
                                           u"FILE"_s);
    const QCommandLineOption tlsKeyOption(u"tls-key"_s, u"The PEM private key of --tls-cert."_s, u"FILE"_s);
    parser.addOptions(
        {listenOption, dataOption, resourcesOption, pricingOption, tlsOption, tlsCertOption, tlsKeyOption});
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

    // Before the data dir is touched: a token must not cross a network in clear, so another host's clients get
    // HTTPS or nothing.
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption)) {
        fprintf(stderr, "clusterdeck-runtime: --tls-cert and --tls-key go together\n");
        return 2;
    }
    const bool useTls = parser.isSet(tlsOption) || parser.isSet(tlsCertOption);
    if (!address.isLoopback() && !useTls) {
        fprintf(stderr,
                "clusterdeck-runtime: --listen %s is reachable from other machines, and plain HTTP would carry every "
                "token in clear: add --tls (a certificate generated into the data dir, pinned by clients on first "
                "use) or --tls-cert FILE --tls-key FILE, or listen on 127.0.0.1\n",
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
        spdlog::warn("runtime: listening on {}, not loopback: anyone who can reach it and has a token controls "
                     "what its role allows",
                     listen.toStdString());
    std::optional<QSslConfiguration> tls;
    if (useTls) {
        QString tlsError;
        std::optional<cdeck::tls::CertificateFiles> files;
        bool generated = false;
        if (parser.isSet(tlsCertOption))
            files = cdeck::tls::CertificateFiles{QFileInfo(parser.value(tlsCertOption)).absoluteFilePath(),
                                                 QFileInfo(parser.value(tlsKeyOption)).absoluteFilePath()};
        else
            files = cdeck::tls::ensureSelfSigned(config.dataDir + u"/tls"_s, {address}, &tlsError, &generated);
        if (files)
            tls = cdeck::tls::serverConfiguration(*files, &tlsError);
        if (!tls) {
            spdlog::critical("runtime: {}", tlsError.toStdString());
            return 1;
        }
        spdlog::info("runtime: TLS certificate {}{}, SHA-256 fingerprint {}", files->certPath.toStdString(),
                     generated ? " (generated now)" : "", cdeck::tlsFingerprint(tls->localCertificate()).toStdString());
    }

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
    const quint16 bound = api.listen(address, port, &error, tls);
    if (bound == 0) {
        spdlog::critical("runtime: {}", error.toStdString());
        return 1;
    }
    const QString host
        = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']' : address.toString();
    spdlog::info("runtime: listening on {}://{}:{} (data {}, resources {})", tls ? "https" : "http", host.toStdString(),
                 bound, config.dataDir.toStdString(), config.resourcesDir.toStdString());

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
