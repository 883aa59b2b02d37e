// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QString>

namespace cdeck::test {

// A loopback port free right now (the kernel's pick), for a runtime under test.
int freeLoopbackPort();
// Every live (non-zombie) process whose working directory lies under dir: the runtime's engine
// processes run inside their cluster's folder, so this finds any left behind.
QList<qint64> processesUnder(const QString &dir);
// Every live (non-zombie) process of a cluster's engine: the runtime gives the Master, Workers and scheduler
// CLUSTERDECK_CLUSTER_ID, and their executor JVMs and Python workers inherit it. (Executors run in the job
// staging root when the runtime is root, outside the cluster's folder, where processesUnder misses them.)
QList<qint64> processesOfCluster(const QString &clusterId);

// Runs `clusterdeck-cli --runtime URL --token-file FILE --json ARGS...` and returns its exit code
// (-1 on timeout); *json gets its stdout, which must be exactly one JSON document (warned otherwise).
int runCliJson(const QString &runtimeUrl, const QString &tokenFile, const QStringList &args, QJsonValue *json,
               int timeoutMs = 240000);

} // namespace cdeck::test
