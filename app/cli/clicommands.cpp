// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The command line: global options, the command families (one file each), CLI11's errors as exit codes.
#include "clicommands.h"

#include "clicontext.h"

#include "core/security/datapaths.h"

#include <CLI/CLI.hpp>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

const char *const kFooter = R"(
CLUSTER is a cluster's id or its name (a name used by several clusters must be the only live one).
Defaults: the local runtime (http://127.0.0.1:7650, or $CLUSTERDECK_RUNTIME) and its token
($XDG_DATA_HOME/clusterdeck/token, or $CLUSTERDECK_TOKEN_FILE). Global options go before or after the command.
--wait blocks until a stable state (--timeout S, default 300) and exits non-zero if it is not reached.
With --json, stdout is exactly one JSON document; an error is one JSON object on stderr.
Exit codes: 0 done; 1 the runtime refused or the goal of --wait was not reached; 2 bad command line;
3 no runtime answered or no token. "COMMAND --help" shows a command's options.
)";

} // namespace

int run(const QStringList &args, const QString &version)
{
    Context ctx;
    ctx.global.runtime = paths::defaultRuntimeUrl().toStdString();
    ctx.global.tokenFile = paths::tokenPath(paths::defaultDataDir()).toStdString();

    CLI::App app{"clusterdeck-cli: every action of the ClusterDeck console, for scripts and CI", "clusterdeck-cli"};
    // Unknown options of a command fall through to the global ones (so "cluster list --json" works); an
    // option of another command is still unknown everywhere and refused.
    app.fallthrough();
    app.require_subcommand(1);
    app.footer(kFooter);
    app.set_version_flag("--version", "clusterdeck-cli " + version.toStdString());
    app.add_option("--runtime", ctx.global.runtime, "the runtime's URL")->envname("CLUSTERDECK_RUNTIME");
    app.add_option("--token-file", ctx.global.tokenFile, "the file holding the API token")
        ->envname("CLUSTERDECK_TOKEN_FILE");
    app.add_option("--ca-file", ctx.global.caFile,
                   "trust exactly this CA (PEM) for an https runtime; without it, the runtime's certificate is pinned "
                   "on first use")
        ->envname("CLUSTERDECK_CA_FILE");
    app.add_flag("--json", ctx.global.json, "stdout is one JSON document; errors are JSON on stderr");
    app.add_option("--timeout", ctx.global.timeoutS, "seconds --wait waits (default 300)")->check(CLI::PositiveNumber);

    addClusterCommands(app, ctx);
    addTelemetryCommands(app, ctx);
    addJobCommands(app, ctx);
    addIncidentCommands(app, ctx);
    addSloCommands(app, ctx);
    addChaosCommands(app, ctx);
    addCostCommands(app, ctx);
    addSecurityCommands(app, ctx);
    addSparkLogCommands(app, ctx);
    addLogCommands(app, ctx);

    std::vector<std::string> argv;
    for (const QString &a : args)
        argv.push_back(a.toStdString());
    std::reverse(argv.begin(), argv.end()); // CLI11 takes a vector last-first
    try {
        app.parse(argv);
    } catch (const CLI::Success &e) { // --help, --version
        std::ostringstream text;
        app.exit(e, text, text);
        out() << QString::fromStdString(text.str());
        out().flush();
        return ExitOk;
    } catch (const CLI::ParseError &e) {
        // Every parse error (unknown option or command, an option of another command, a missing or
        // malformed value) is a usage error: exit 2, whatever CLI11's own code (100-120).
        ctx.global.json = ctx.global.json || args.contains(u"--json"_s);
        return ctx.error(QString::fromStdString(e.what()), ExitUsage);
    }
    try {
        return ctx.action ? ctx.action() : ExitUsage;
    } catch (const UsageError &e) {
        return ctx.error(e.message, ExitUsage);
    } catch (const CliExit &e) {
        return e.code;
    }
}

} // namespace cdeck::cli
