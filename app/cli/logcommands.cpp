// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// logs: a cluster's logs, read by byte ranges and followed live (GET .../logs, .../logs/{source}).
#include "clicontext.h"

#include "core/backend/runtime/runtimelogs.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

constexpr qint64 kChunkBytes = 4 * 1024 * 1024;

// Runs the event loop until done() is called or the global timeout passes.
template <typename Start> bool waitFor(int timeoutS, Start start)
{
    QEventLoop loop;
    bool finished = false;
    start([&] {
        finished = true;
        loop.quit();
    });
    if (!finished) {
        QTimer::singleShot(timeoutS * 1000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return finished;
}

logs::LogByteSource::Chunk readBlocking(logs::LogByteSource &source, qint64 offset, qint64 length, int timeoutS)
{
    logs::LogByteSource::Chunk result;
    const bool ok = waitFor(timeoutS, [&](auto done) {
        source.read(offset, length, [&result, done](const logs::LogByteSource::Chunk &c) {
            result = c;
            done();
        });
    });
    if (!ok)
        result.error = u"no answer within %1 s"_s.arg(timeoutS);
    return result;
}

void writeOut(const QByteArray &bytes)
{
    out().flush();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fflush(stdout);
}

// Where the last `lines` lines of a log of `size` bytes start: read backwards 64 KiB at a time.
qint64 tailStart(logs::LogByteSource &source, qint64 size, int lines, int timeoutS, QString *error)
{
    qint64 end = size;
    int seen = 0;
    // A log ending in a newline: that newline ends the last line, it does not start another.
    while (end > 0) {
        const qint64 from = std::max<qint64>(0, end - 64 * 1024);
        const auto c = readBlocking(source, from, end - from, timeoutS);
        if (!c.error.isEmpty()) {
            *error = c.error;
            return 0;
        }
        for (qint64 i = c.bytes.size() - 1; i >= 0; --i) {
            if (c.bytes[i] != '\n' || from + i == size - 1)
                continue;
            if (++seen == lines)
                return from + i + 1;
        }
        end = from;
    }
    return 0;
}

int logsCommand(Context &ctx, const CommandOptions &o)
{
    const QString cluster = ctx.clusterId(o.word(u"CLUSTER"_s));
    const QUrl base = ctx.client().baseUrl(); // checks --runtime and the token first
    RuntimeLogs runtime(base, QString::fromStdString(ctx.global.tokenFile));
    runtime.setTrust(ctx.trust());
    if (!runtime.error().isEmpty())
        return ctx.error(runtime.error(), ExitUnreachable);
    QList<LogSourceInfo> sources;
    QString listError;
    if (!waitFor(ctx.global.timeoutS, [&](auto done) {
            runtime.listSources(cluster, [&, done](const QList<LogSourceInfo> &s, const QString &e) {
                sources = s;
                listError = e;
                done();
            });
        }))
        return ctx.error(u"no answer from the runtime within %1 s"_s.arg(ctx.global.timeoutS), ExitUnreachable);
    if (!listError.isEmpty())
        return ctx.error(listError, listError.contains(u"HTTP"_s) ? ExitFailed : ExitUnreachable);

    if (o.has(u"--list"_s)) {
        QJsonArray list;
        for (const LogSourceInfo &s : sources)
            list.append(QJsonObject{{u"source"_s, s.name},
                                    {u"kind"_s, s.kind},
                                    {u"state"_s, s.state},
                                    {u"live"_s, s.live},
                                    {u"size"_s, double(s.size)}});
        return ctx.done(list, [&] {
            for (const LogSourceInfo &s : sources)
                out() << QStringLiteral("%1 %2 %3 %4\n")
                             .arg(s.name, -16)
                             .arg(s.kind, -9)
                             .arg(s.state, -12)
                             .arg(human(s.size));
        });
    }
    // No source named: the head's log (Dask's scheduler, Spark's master).
    QString name = o.word(u"SOURCE"_s);
    if (name.isEmpty())
        for (const LogSourceInfo &s : sources)
            if (s.kind == "head"_L1) {
                name = s.name;
                break;
            }
    const auto known
        = std::find_if(sources.cbegin(), sources.cend(), [&](const LogSourceInfo &s) { return s.name == name; });
    if (known == sources.cend()) {
        QStringList names;
        for (const LogSourceInfo &s : sources)
            names.append(s.name);
        return ctx.error(u"no log '%1' on cluster %2 (its logs: %3)"_s.arg(name, cluster, names.join(u", "_s)),
                         ExitFailed);
    }
    std::unique_ptr<RuntimeLogSource> source(runtime.openSource(cluster, name, nullptr));

    // What is there now (or its last --tail lines), 4 MiB at a time.
    auto first = readBlocking(*source, 0, 1, ctx.global.timeoutS);
    if (!first.error.isEmpty())
        return ctx.error(first.error, ExitFailed);
    const qint64 size = std::max<qint64>(first.size, 0);
    qint64 offset = 0;
    if (o.has(u"--tail"_s)) {
        const int lines = o.intValue(u"--tail"_s);
        if (lines < 0)
            throw UsageError(u"--tail expects a number of lines (0 or more)"_s);
        QString error;
        offset = lines == 0 ? size : tailStart(*source, size, lines, ctx.global.timeoutS, &error);
        if (!error.isEmpty())
            return ctx.error(error, ExitFailed);
    }
    auto printUpTo = [&](qint64 end) -> QString {
        while (offset < end) {
            const auto c = readBlocking(*source, offset, std::min(kChunkBytes, end - offset), ctx.global.timeoutS);
            if (!c.error.isEmpty())
                return c.error;
            if (c.bytes.isEmpty())
                break; // shrank meanwhile
            writeOut(c.bytes);
            offset += c.bytes.size();
        }
        return {};
    };
    if (const QString e = printUpTo(size); !e.isEmpty())
        return ctx.error(e, ExitFailed);
    if (!o.has(u"-f,--follow"_s))
        return ExitOk;

    // -f: the runtime says how far the log grew; the new bytes are read by range, so nothing is missed
    // between the read above and the follow starting. Ends when the log will not grow any more.
    QEventLoop loop;
    int code = ExitOk;
    QObject::connect(source.get(), &logs::LogByteSource::grew, &loop, [&](qint64 newSize) {
        if (const QString e = printUpTo(newSize); !e.isEmpty()) {
            code = ctx.error(e, ExitFailed);
            loop.quit();
        }
    });
    QObject::connect(source.get(), &logs::LogByteSource::truncated, &loop, [&](qint64) {
        err() << "clusterdeck-cli: the log started over\n";
        err().flush();
        offset = 0;
    });
    // The last read waits until the loop has returned: a blocking read here would run a nested event loop
    // inside the follow reply's own readyRead, where the reply can finish and be deleted under its caller.
    std::optional<QString> endedState;
    QObject::connect(source.get(), &logs::LogByteSource::ended, &loop, [&](const QString &state) {
        endedState = state;
        loop.quit();
    });
    QObject::connect(source.get(), &logs::LogByteSource::followFailed, &loop, [&](const QString &why) {
        code = ctx.error(u"the follow stopped: %1"_s.arg(why), ExitFailed);
        loop.quit();
    });
    source->setFollowing(true);
    loop.exec();
    if (endedState && code == ExitOk) {
        source->setFollowing(false);
        const auto last = readBlocking(*source, 0, 1, ctx.global.timeoutS);
        printUpTo(std::max<qint64>(last.size, offset));
        err() << "clusterdeck-cli: " << name << " will not grow any more (" << *endedState << ")\n";
        err().flush();
    }
    return code;
}

} // namespace

void addLogCommands(CLI::App &root, Context &ctx)
{
    auto o = addCommand(root, ctx, "logs",
                        "A cluster's log: the scheduler's (or master's) when no SOURCE is named, else an executor's "
                        "(w3) or a job's (job-...); --list lists them",
                        logsCommand);
    o->positional("CLUSTER", "a cluster's id or name")
        .positional("SOURCE", "scheduler, master, an executor (w3) or a job id", false)
        .flag("-f,--follow", "keep printing what is written until the log ends (its job or executor finished)")
        .value("--tail", "print only the last N lines first")
        .flag("--list", "list the cluster's logs with their size and state");
}

} // namespace cdeck::cli
