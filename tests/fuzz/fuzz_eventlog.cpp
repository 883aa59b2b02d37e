// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// An event log is a file anyone can hand the console (File > Open Spark event log) or drop into a History
// Server folder. The reader sniffs zstd by its magic bytes, so plain and compressed logs are both reached from
// one input. Whatever it makes of the bytes is then shown: the same conversions the console runs on a log (the
// REST shapes, the console's executors and jobs, each job's stage DAG) and the History Server JSON.
#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/historyjson.h"
#include "core/backend/spark/sparkstages.h"
#include "fuzzcheck.h"

#include <QString>

#include <cstdint>
#include <sys/mman.h>
#include <unistd.h>

using namespace cdeck;
using namespace cdeck::spark;

namespace {

void show(const SparkApplication &app)
{
    const SparkAppInfo info = appInfoOf(app);
    (void)historyjson::application(app.id, app.name, {app.attempt});
    QList<SparkJobInfo> jobs;
    for (const SparkJob &j : app.jobs) {
        jobs.append(jobInfoOf(j));
        (void)toJob(jobs.last(), info.id);
        (void)historyjson::job(j);
    }
    QList<SparkStageInfo> stages;
    for (const SparkStage &s : app.stages) {
        stages.append(stageInfoOf(s));
        (void)historyjson::stage(s, true);
    }
    assignJobIds(stages, jobs);
    for (const SparkJobInfo &j : std::as_const(jobs)) {
        QString error;
        (void)stageDag(stages, j, &error);
    }
    for (const SparkExecutor &e : app.executors) {
        (void)toExecutor(executorInfoOf(e));
        (void)historyjson::executor(e);
    }
    FUZZ_CHECK(peakConcurrentExecutors(app) >= 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The reader takes a path: the input lives in a memory file, rewritten for each run.
    static const int fd = memfd_create("eventlog", 0);
    static const QString path = QStringLiteral("/proc/self/fd/%1").arg(fd);
    FUZZ_CHECK(fd >= 0);
    FUZZ_CHECK(ftruncate(fd, 0) == 0);
    FUZZ_CHECK(pwrite(fd, data, size, 0) == ssize_t(size));

    QString error;
    const std::optional<SparkApplication> app = EventLogReader::read(path, &error);
    FUZZ_CHECK(app.has_value() != !error.isEmpty());
    if (app) {
        FUZZ_CHECK(!app->id.isEmpty());
        FUZZ_CHECK(app->bytesRead >= 0 && app->malformedLines >= 0);
        show(*app);
    }
    // Listing a History Server folder reads only up to the application's start.
    EventLogReader::Options listing;
    listing.listingOnly = true;
    listing.stopAtApplicationStart = true;
    const std::optional<SparkApplication> listed = EventLogReader::read(path, &error, listing);
    if (app)
        FUZZ_CHECK(listed.has_value());
    return 0;
}
