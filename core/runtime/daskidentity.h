// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace cdeck::dask {

// One worker as the scheduler reports it in /json/identity.json (from its heartbeats).
struct WorkerReport
{
    QString name; // our executor id (--name)
    QString address; // tcp://host:port
    QString status; // running, paused, closing_gracefully, ...
    int threads = 0;
    qint64 memoryLimitBytes = 0;
    qint64 processMemoryBytes = 0; // RSS
    qint64 managedBytes = 0; // data in memory (spilled part excluded)
    qint64 spilledBytes = 0; // data on disk
    int tasksExecuting = 0;
    int tasksReady = 0;
    int tasksInMemory = 0;
    qint64 bytesInTotal = -1; // from our worker preload; -1 when absent
    qint64 bytesOutTotal = -1;
    double cpuPercent = 0;
    int metricsPort = 0; // services.dashboard
};

// Parses the scheduler's identity document. nullopt (with *error naming the problem) on anything that
// is not one; a worker entry with wrong field types keeps the fields that are right.
std::optional<QList<WorkerReport>> parseIdentity(const QByteArray &json, QString *error);

} // namespace cdeck::dask
