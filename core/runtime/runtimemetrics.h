// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

// The runtime's own Prometheus endpoint (GET /api/v1/metrics, viewer role): what it runs, in the text
// exposition format 0.0.4, so an existing Prometheus can scrape and alert on it. A pure rendering of a
// snapshot the API takes from the supervisor (every figure is one the runtime read from its engines or its
// ledger; nothing is estimated here).
namespace cdeck {

struct RuntimeMetricsSnapshot
{
    QMap<QString, int> clustersByState; // every state, zeros included
    struct Executor
    {
        QString cluster;
        QString executor;
        QString status; // starting, running, paused, retiring
        qint64 memoryManagedBytes = 0;
        qint64 memoryUnmanagedBytes = 0;
        qint64 memorySpilledBytes = 0;
        qint64 memoryLimitBytes = 0;
        qint64 shuffleReceivedBytes = 0; // cumulative: rate() gives the shuffle rate
        qint64 shuffleSentBytes = 0;
    };
    QList<Executor> executors; // the live executors of live clusters
    struct Cluster
    {
        QString cluster;
        QString name;
        double dollarsPerHour = 0; // what its open instances cost now
        int openIncidents = -1; // -1: the incident monitor is not running
    };
    QList<Cluster> clusters; // the clusters not terminated
};

QByteArray renderPrometheus(const RuntimeMetricsSnapshot &snapshot);

// A label value as the exposition format wants it: backslash, double quote and newline escaped.
QByteArray escapeLabelValue(const QString &value);

} // namespace cdeck
