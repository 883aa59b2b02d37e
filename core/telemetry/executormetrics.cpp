// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/executormetrics.h"

#include <QHash>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck::telemetry {

std::optional<double> ExecutorMetrics::tasks(const QString &state) const
{
    const auto it = tasksByState.constFind(state);
    return it == tasksByState.cend() ? std::nullopt : std::optional<double>(*it);
}

bool ExecutorMetrics::isEmpty() const
{
    return !memoryManagedBytes && !memoryUnmanagedBytes && !memorySpilledBytes && tasksByState.isEmpty() && !threads
        && !transferIncomingBytes && !transferIncomingCount && !transferIncomingCountTotal && !transferOutgoingBytes
        && !transferOutgoingCount && !transferOutgoingBytesTotal && !transferOutgoingCountTotal
        && spillBytesTotal.isEmpty() && spillCountTotal.isEmpty() && spillTimeSecondsTotal.isEmpty()
        && !latencySeconds;
}

namespace {

enum class Field {
    Memory,
    Tasks,
    Threads,
    InBytes,
    InCount,
    InCountTotal,
    OutBytes,
    OutCount,
    OutBytesTotal,
    OutCountTotal,
    SpillBytes,
    SpillCount,
    SpillTime,
    Rss,
    Cpu,
    StartTime,
    Latency,
};

const QHash<QString, Field> &fieldsByName()
{
    static const QHash<QString, Field> fields{
        {u"dask_worker_memory_bytes"_s, Field::Memory},
        {u"dask_worker_tasks"_s, Field::Tasks},
        {u"dask_worker_threads"_s, Field::Threads},
        {u"dask_worker_transfer_incoming_bytes"_s, Field::InBytes},
        {u"dask_worker_transfer_incoming_count"_s, Field::InCount},
        {u"dask_worker_transfer_incoming_count_total"_s, Field::InCountTotal},
        {u"dask_worker_transfer_outgoing_bytes"_s, Field::OutBytes},
        {u"dask_worker_transfer_outgoing_count"_s, Field::OutCount},
        {u"dask_worker_transfer_outgoing_bytes_total"_s, Field::OutBytesTotal},
        {u"dask_worker_transfer_outgoing_count_total"_s, Field::OutCountTotal},
        {u"dask_worker_spill_bytes_total"_s, Field::SpillBytes},
        {u"dask_worker_spill_count_total"_s, Field::SpillCount},
        {u"dask_worker_spill_time_seconds_total"_s, Field::SpillTime},
        {u"process_resident_memory_bytes"_s, Field::Rss},
        {u"process_cpu_seconds_total"_s, Field::Cpu},
        {u"process_start_time_seconds"_s, Field::StartTime},
        {u"dask_worker_latency_seconds"_s, Field::Latency},
    };
    return fields;
}

} // namespace

ExecutorMetrics extractExecutorMetrics(const ParseResult &scrape)
{
    ExecutorMetrics m;
    const auto &fields = fieldsByName();
    for (const Sample &s : scrape.samples) {
        const auto it = fields.constFind(s.name);
        if (it == fields.cend())
            continue;
        const double v = s.value;
        switch (*it) {
        case Field::Memory: {
            const QString type = s.label(u"type");
            if (type == "managed"_L1)
                m.memoryManagedBytes = v;
            else if (type == "unmanaged"_L1)
                m.memoryUnmanagedBytes = v;
            else if (type == "spilled"_L1)
                m.memorySpilledBytes = v;
            break;
        }
        case Field::Tasks:
            if (const QString state = s.label(u"state"); !state.isEmpty())
                m.tasksByState.insert(state, v);
            break;
        case Field::Threads:
            m.threads = v;
            break;
        case Field::InBytes:
            m.transferIncomingBytes = v;
            break;
        case Field::InCount:
            m.transferIncomingCount = v;
            break;
        case Field::InCountTotal:
            m.transferIncomingCountTotal = v;
            break;
        case Field::OutBytes:
            m.transferOutgoingBytes = v;
            break;
        case Field::OutCount:
            m.transferOutgoingCount = v;
            break;
        case Field::OutBytesTotal:
            m.transferOutgoingBytesTotal = v;
            break;
        case Field::OutCountTotal:
            m.transferOutgoingCountTotal = v;
            break;
        case Field::SpillBytes:
        case Field::SpillCount:
        case Field::SpillTime: {
            const QString activity = s.label(u"activity");
            if (activity.isEmpty())
                break;
            QMap<QString, double> &target = *it == Field::SpillBytes
                ? m.spillBytesTotal
                : (*it == Field::SpillCount ? m.spillCountTotal : m.spillTimeSecondsTotal);
            target.insert(activity, v);
            break;
        }
        case Field::Rss:
            m.processResidentBytes = v;
            break;
        case Field::Cpu:
            m.processCpuSecondsTotal = v;
            break;
        case Field::StartTime:
            m.processStartTimeSeconds = v;
            break;
        case Field::Latency:
            m.latencySeconds = v;
            break;
        }
    }
    return m;
}

} // namespace cdeck::telemetry
