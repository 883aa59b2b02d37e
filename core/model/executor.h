// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clusterspec.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace cdeck {

enum class ExecutorStatus { Starting, Running, Paused, Retiring, Retired, Lost };
QString toString(ExecutorStatus status);
std::optional<ExecutorStatus> executorStatusFromString(const QString &text);
inline bool isGone(ExecutorStatus s) { return s == ExecutorStatus::Retired || s == ExecutorStatus::Lost; }

// One executor (a Dask worker), as read from the engine. Keyed by id (the worker's --name): its address
// changes when the nanny restarts it.
struct Executor
{
    QString id;
    QString address; // tls://127.0.0.1:port (Dask), 127.0.0.1:port (Spark); empty while starting or once gone
    qint64 pid = 0; // the nanny's pid (its process group)
    ExecutorStatus status = ExecutorStatus::Starting;
    QString statusReason; // why retired/lost, "" otherwise
    int threads = 0;
    qint64 memoryLimitBytes = 0;
    qint64 memoryManagedBytes = 0;
    qint64 memoryUnmanagedBytes = 0; // process RSS minus managed
    qint64 memorySpilledBytes = 0;
    int tasksExecuting = 0;
    int tasksReady = 0;
    int tasksInMemory = 0;
    // Figures only Spark reports (not in the runtime's JSON): tasks ended per executor, and the peak JVM heap
    // from peakMemoryMetrics (-1: not reported), which is not the storage memory counted above.
    int tasksFailed = 0;
    int tasksCompleted = 0;
    qint64 peakHeapBytes = -1;
    qint64 bytesInTotal = 0; // received from other workers, counted by the worker preload
    qint64 bytesOutTotal = 0; // sent to other workers
    double cpuPercent = 0;
    int restarts = 0; // times the nanny restarted the worker (address changed)
    Market market = Market::OnDemand; // how this worker was bought: a spot cluster falls back to on-demand
    QDateTime startedAt;
    QDateTime endedAt;
    QDateTime updatedAt; // when the engine last reported on it

    QJsonObject toJson() const;
    static Executor fromJson(const QJsonObject &o);
    friend bool operator==(const Executor &, const Executor &) = default;
};

using ExecutorList = QList<Executor>;

} // namespace cdeck

Q_DECLARE_METATYPE(cdeck::Executor)
