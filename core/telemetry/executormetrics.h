// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/telemetry/prometheusparser.h"

#include <QMap>
#include <QString>

#include <optional>

namespace cdeck::telemetry {

// What one Dask worker's /metrics says about it, in the units Dask reports (bytes, seconds,
// counts). A metric missing from the scrape stays empty: a gap, never a zero.
struct ExecutorMetrics
{
    // dask_worker_memory_bytes{type=...}
    std::optional<double> memoryManagedBytes;
    std::optional<double> memoryUnmanagedBytes;
    std::optional<double> memorySpilledBytes;

    QMap<QString, double> tasksByState; // dask_worker_tasks{state=...}: executing, ready, memory, ...
    std::optional<double> tasks(const QString &state) const;
    std::optional<double> threads; // dask_worker_threads

    // Transfers between workers (the shuffle traffic). Dask keeps no incoming-bytes total.
    std::optional<double> transferIncomingBytes; // in flight now
    std::optional<double> transferIncomingCount; // in flight now
    std::optional<double> transferIncomingCountTotal; // counter
    std::optional<double> transferOutgoingBytes; // in flight now
    std::optional<double> transferOutgoingCount; // in flight now
    std::optional<double> transferOutgoingBytesTotal; // counter
    std::optional<double> transferOutgoingCountTotal; // counter

    // Spill counters, by activity: memory_read, disk_read, disk_write (bytes and counts);
    // pickle, unpickle, disk_read, disk_write (seconds).
    QMap<QString, double> spillBytesTotal;
    QMap<QString, double> spillCountTotal;
    QMap<QString, double> spillTimeSecondsTotal;

    // The worker process (prometheus_client's process collector).
    std::optional<double> processResidentBytes; // process_resident_memory_bytes
    std::optional<double> processCpuSecondsTotal; // counter
    std::optional<double> processStartTimeSeconds; // a change means the worker restarted
    std::optional<double> latencySeconds; // dask_worker_latency_seconds (to the scheduler)

    // True when the scrape held no dask_worker_* sample at all (not a worker, or an empty answer).
    bool isEmpty() const;
};

ExecutorMetrics extractExecutorMetrics(const ParseResult &scrape);

} // namespace cdeck::telemetry
