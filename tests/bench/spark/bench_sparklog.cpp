// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Generates a ~1 GB event log in a temporary directory (outside the repository) by repeating the real task
// events of a fixture log with new task ids, then times, in the same run: cat FILE > /dev/null (the floor),
// the event-log reader (log to the model the console shows), spark-log's stage list end to end, and Python's
// json.loads per line. Prints MB/s, ratios and the reader's RSS over the run.
// Usage: bench_sparklog [SIZE_MB] (default 1024); CLUSTERDECK_BENCH_LOG=FILE reuses an existing log.
#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/sparklogcommand.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

qint64 rssBytes()
{
    QFile f(u"/proc/self/statm"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

// Writes the fixture's events in order; after each task's end, `copies` more start/end pairs of the same
// task with fresh task ids, so stage, job and executor bookkeeping see a realistic mix.
qint64 generate(const QString &fixture, const QString &target, qint64 targetBytes, qint64 *tasks)
{
    QFile in(fixture);
    if (!in.open(QIODevice::ReadOnly))
        return -1;
    QList<QByteArray> lines;
    while (!in.atEnd())
        lines.append(in.readLine());
    qint64 taskBytes = 0, fixedBytes = 0;
    QHash<QByteArray, QByteArray> startOf; // "Task ID":N, -> its start line
    static const QRegularExpression taskId(u"\"Task ID\":(\\d+),"_s);
    for (const QByteArray &l : std::as_const(lines)) {
        const bool task = l.startsWith("{\"Event\":\"SparkListenerTaskStart\"")
            || l.startsWith("{\"Event\":\"SparkListenerTaskEnd\"");
        (task ? taskBytes : fixedBytes) += l.size();
        if (l.startsWith("{\"Event\":\"SparkListenerTaskStart\""))
            startOf.insert(taskId.match(QString::fromUtf8(l)).captured(0).toUtf8(), l);
    }
    const qint64 copies = std::max<qint64>(0, (targetBytes - fixedBytes) / std::max<qint64>(1, taskBytes) - 1);
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return -1;
    qint64 nextId = 1'000'000;
    *tasks = 0;
    for (const QByteArray &l : std::as_const(lines)) {
        out.write(l);
        if (!l.startsWith("{\"Event\":\"SparkListenerTaskEnd\""))
            continue;
        ++*tasks;
        const QByteArray idField = taskId.match(QString::fromUtf8(l)).captured(0).toUtf8();
        const QByteArray start = startOf.value(idField);
        for (qint64 c = 0; c < copies; ++c) {
            const QByteArray fresh = "\"Task ID\":" + QByteArray::number(nextId++) + ',';
            QByteArray s = start, e = l;
            out.write(s.replace(idField, fresh));
            out.write(e.replace(idField, fresh));
            ++*tasks;
        }
    }
    return out.size();
}

// Wall and CPU seconds. The machine is shared: CPU time is the fair measure when others are busy.
struct Timing
{
    double wall = 0;
    double cpu = 0;
};

double childrenCpu()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

double selfCpu()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

Timing timeShell(const QString &command)
{
    QElapsedTimer t;
    t.start();
    const double cpu0 = childrenCpu();
    QProcess p;
    p.start(u"/bin/sh"_s, {u"-c"_s, command});
    p.waitForFinished(-1);
    if (p.exitCode() != 0)
        std::fprintf(stderr, "command failed: %s\n%s\n", qPrintable(command), p.readAllStandardError().constData());
    return {t.nsecsElapsed() / 1e9, childrenCpu() - cpu0};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 sizeMb = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1024;
    QTemporaryDir dir; // under $TMPDIR, outside the repository
    QString log = qEnvironmentVariable("CLUSTERDECK_BENCH_LOG");
    qint64 tasks = -1;
    if (log.isEmpty()) {
        log = dir.path() + u"/app-bench"_s;
        const QString fixture = cdeck::test::fixturesDir() + u"/spark/event-logs/local-1642039451826"_s;
        QElapsedTimer g;
        g.start();
        if (generate(fixture, log, sizeMb << 20, &tasks) < 0) {
            std::fprintf(stderr, "cannot generate from %s\n", qPrintable(fixture));
            return 1;
        }
        std::printf("generated %s: %lld tasks in %.1f s\n", qPrintable(log), tasks, g.nsecsElapsed() / 1e9);
    }
    const double mb = QFileInfo(log).size() / 1e6;
    std::printf("log: %.1f MB\n", mb);

    timeShell(u"cat '%1' > /dev/null"_s.arg(log)); // warm the page cache for everyone
    const Timing cat = timeShell(u"cat '%1' > /dev/null"_s.arg(log));

    const qint64 rssBefore = rssBytes();
    qint64 rssMax = rssBefore, rssMin = std::numeric_limits<qint64>::max();
    cdeck::spark::EventLogReader::Options options;
    options.progress = [&](qint64) {
        const qint64 r = rssBytes();
        rssMax = std::max(rssMax, r);
        rssMin = std::min(rssMin, r);
    };
    QElapsedTimer t;
    t.start();
    double cpu0 = selfCpu();
    QString error;
    const auto model = cdeck::spark::EventLogReader::read(log, &error, options);
    const Timing parse{t.nsecsElapsed() / 1e9, selfCpu() - cpu0};
    if (!model) {
        std::fprintf(stderr, "read failed: %s\n", qPrintable(error));
        return 1;
    }
    qint64 modelTasks = 0;
    for (const auto &s : model->stages)
        modelTasks += s.numCompleteTasks + s.numFailedTasks + s.numKilledTasks;
    std::printf("model: %lld jobs, %lld stages, %lld executors, %lld tasks counted, %lld malformed lines\n",
                qlonglong(model->jobs.size()), qlonglong(model->stages.size()), qlonglong(model->executors.size()),
                modelTasks, model->malformedLines);
    if (tasks >= 0 && modelTasks != tasks) {
        std::fprintf(stderr, "the model counted %lld tasks, the generator wrote %lld\n", modelTasks, tasks);
        return 1;
    }

    // The same read with two decoding threads: what they bring, in this run.
    cdeck::spark::EventLogReader::Options sequentialOptions;
    sequentialOptions.decodeThreads = 2;
    t.restart();
    cpu0 = selfCpu();
    const auto sequentialModel = cdeck::spark::EventLogReader::read(log, &error, sequentialOptions);
    const Timing sequential{t.nsecsElapsed() / 1e9, selfCpu() - cpu0};
    qint64 sequentialTasks = 0;
    for (const auto &s : sequentialModel ? sequentialModel->stages : decltype(model->stages){})
        sequentialTasks += s.numCompleteTasks + s.numFailedTasks + s.numKilledTasks;
    if (sequentialTasks != modelTasks || !sequentialModel || sequentialModel->events != model->events) {
        std::fprintf(stderr, "two threads counted %lld tasks, one thread %lld\n", sequentialTasks, modelTasks);
        return 1;
    }

    t.restart();
    cpu0 = selfCpu();
    const auto answer = cdeck::spark::answerHistoryRequest(log, u"applications/"_s + model->id + u"/stages"_s);
    const Timing endToEnd{t.nsecsElapsed() / 1e9, selfCpu() - cpu0};
    if (answer.status != 200) {
        std::fprintf(stderr, "spark-log failed: %s\n", qPrintable(answer.error));
        return 1;
    }

    // The task endpoints of the stage with the most tasks, end to end in the CLI (a child process, so its peak
    // memory is its own): the reader keeps that stage's tasks whole and only sums every other.
    QPair<int, int> biggest{-1, 0};
    int biggestTasks = -1;
    for (const auto &s : model->stages) {
        const int n = s.numCompleteTasks + s.numFailedTasks + s.numKilledTasks;
        if (n > biggestTasks) {
            biggestTasks = n;
            biggest = {s.stageId, s.attemptId};
        }
    }
    const QString cli = qEnvironmentVariable("CLUSTERDECK_BIN_DIR") + u"/clusterdeck-cli"_s;
    const QString stagePath = u"applications/%1/stages/%2/%3"_s.arg(model->id).arg(biggest.first).arg(biggest.second);
    const Timing taskList = timeShell(
        u"'%1' spark-log '%2' --api '%3/taskList?sortBy=-runtime&length=100' > /dev/null"_s.arg(cli, log, stagePath));
    const Timing taskSummary
        = timeShell(u"'%1' spark-log '%2' --api '%3/taskSummary' > /dev/null"_s.arg(cli, log, stagePath));
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    const double taskRssMb = children.ru_maxrss / 1024.0; // kB -> MB
    const Timing python = timeShell(
        u"/usr/bin/python3 -c 'import json,sys\nfor l in open(sys.argv[1],\"rb\"): json.loads(l)' '%1'"_s.arg(log));

    std::printf("\n%-44s %8s %9s %8s %9s\n", "run", "wall s", "MB/s", "CPU s", "MB/CPU-s");
    auto row = [&](const char *name, const Timing &x) {
        std::printf("%-44s %8.2f %9.0f %8.2f %9.0f\n", name, x.wall, mb / x.wall, x.cpu, mb / std::max(x.cpu, 1e-3));
    };
    row("cat FILE > /dev/null (floor)", cat);
    row("EventLogReader::read (log -> model)", parse);
    row("EventLogReader::read, 2 decoding threads", sequential);
    row("spark-log --api applications/ID/stages", endToEnd);
    row("clusterdeck-cli spark-log .../taskList?sortBy=-runtime", taskList);
    row("clusterdeck-cli spark-log .../taskSummary", taskSummary);
    row("python3 json.loads per line", python);
    std::printf("\nreader vs python: %.1fx faster (wall), %.1fx (CPU); reader vs cat: %.1fx the wall time\n",
                python.wall / parse.wall, python.cpu / parse.cpu, parse.wall / cat.wall);
    std::printf("load average at the end: %s", qPrintable(QString::fromLatin1([] {
                    QFile f(u"/proc/loadavg"_s);
                    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("?\n");
                }())));
    std::printf("RSS: %.0f MB before, %.0f..%.0f MB while reading\n", rssBefore / 1e6, rssMin / 1e6, rssMax / 1e6);
    std::printf("task endpoints: stage %d.%d with %d tasks; peak RSS of the CLI answering them: %.0f MB\n",
                biggest.first, biggest.second, biggestTasks, taskRssMb);
    return 0;
}
