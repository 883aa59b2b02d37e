// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <span>

namespace cdeck::spark::sqlmetricvalues {

// Where the largest value of a metric came from, for Spark's "(stage 3.0: task 42)"; absent: "(driver)".
struct MaxSource
{
    bool fromTask = false;
    qint64 stageId = 0;
    qint64 stageAttemptId = 0;
    qint64 taskId = 0;
};

// A SQL metric's values (one per task partition, plus the driver's) as the text Spark's SQL tab and /sql
// endpoint show: "1,234" for sums, "total (min, med, max (stageId: taskId))\n2.0 KiB (...)" for sizes and
// times. metricType: sum, size, timing, nsTiming, average; an unknown type gives an empty string. zeros: how
// many more values are 0 (the partitions that reported nothing), without storing them.
QString format(const QString &metricType, std::span<const qint64> values, const MaxSource &max, qint64 zeros = 0);

// Spark's Utils.bytesToString ("1500.0 B", "2.0 KiB") and Utils.msDurationToString ("12 ms", "1.5 s").
QString bytesToString(qint64 bytes);
QString msDurationToString(qint64 ms);

} // namespace cdeck::spark::sqlmetricvalues
