// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A Spark driver or History Server answers JSON the console did not write. Every /api/v1 reader gets the same
// document (so each also meets the others' shapes), then what it accepts goes through the console's
// conversions, and the input's text also goes to the date reader as it is.
#include "core/backend/spark/sparkrestclient.h"
#include "fuzzcheck.h"

#include <QJsonDocument>

#include <cstdint>

using namespace cdeck;
using namespace cdeck::spark;

namespace {

// A reader either answers or says why not.
template <typename T> bool answered(const std::optional<T> &result, const QString &error)
{
    FUZZ_CHECK(result.has_value() == error.isEmpty());
    return result.has_value();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (size < 64)
        (void)parseRestDate(QString::fromUtf8(bytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return 0;
    const QJsonValue body = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());

    QString error;
    const auto apps = parseApplications(body, &error);
    answered(apps, error);
    error.clear();
    const auto executors = parseExecutors(body, &error);
    if (answered(executors, error))
        for (const SparkExecutorInfo &e : *executors)
            (void)toExecutor(e);
    error.clear();
    const auto jobs = parseJobs(body, &error);
    if (answered(jobs, error))
        for (const SparkJobInfo &j : *jobs)
            (void)toJob(j, QStringLiteral("app-1"));
    error.clear();
    const auto stages = parseStages(body, &error);
    answered(stages, error);
    error.clear();
    const auto summary = parseTaskSummary(body, &error);
    if (answered(summary, error))
        for (const TaskQuantileRow &row : summary->rows)
            FUZZ_CHECK(row.values.size() == summary->quantiles.size());
    return 0;
}
