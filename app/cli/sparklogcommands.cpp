// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// spark-log: offline, no runtime. The logic is core/backend/spark's; this is only the command line.
#include "clicontext.h"

#ifdef CLUSTERDECK_HAVE_SPARK
#include "core/backend/spark/sparklogcommand.h"
#endif

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

int sparkLog(Context &ctx, const CommandOptions &o)
{
#ifdef CLUSTERDECK_HAVE_SPARK
    Q_UNUSED(ctx);
    QStringList args{o.word(u"PATH"_s)};
    for (const QString &option : {u"--api"_s, u"--compare-with"_s}) {
        if (o.has(option))
            args << option << o.value(option);
    }
    return spark::runSparkLogCommand(args, out(), err());
#else
    Q_UNUSED(o);
    return ctx.error(u"spark-log is not built in this version"_s, ExitUsage);
#endif
}

} // namespace

void addSparkLogCommands(CLI::App &root, Context &ctx)
{
    addCommand(root, ctx, "spark-log",
               "Offline: the JSON Spark's History Server serves at /api/v1/ENDPOINT, from event logs", sparkLog)
        ->positional("PATH", "an event log, a rolling eventlog_v2_* directory, or a directory of logs")
        .value("--api", "ENDPOINT, e.g. applications or applications/APP/jobs")
        .value("--compare-with", "URL of a live History Server: print the first difference per endpoint");
}

} // namespace cdeck::cli
