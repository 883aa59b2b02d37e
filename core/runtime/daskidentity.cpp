// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "daskidentity.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::dask {

namespace {
qint64 number(const QJsonObject &o, QLatin1StringView key, qint64 fallback = 0)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? qint64(v.toDouble()) : fallback;
}
} // namespace

std::optional<QList<WorkerReport>> parseIdentity(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"identity.json: "_s + parseError.errorString();
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(u"type"_s).toString() != "Scheduler"_L1 || !root.value(u"workers"_s).isObject()) {
        *error = u"identity.json: not a scheduler identity"_s;
        return std::nullopt;
    }
    QList<WorkerReport> result;
    const QJsonObject workers = root.value(u"workers"_s).toObject();
    for (auto it = workers.begin(); it != workers.end(); ++it) {
        const QJsonObject w = it.value().toObject();
        const QJsonObject m = w.value(u"metrics"_s).toObject();
        WorkerReport r;
        r.address = it.key();
        const QJsonValue name = w.value(u"name"_s);
        r.name = name.isString() ? name.toString() : QString::number(name.toDouble());
        r.status = w.value(u"status"_s).toString(u"running"_s);
        r.threads = int(number(w, "nthreads"_L1));
        r.memoryLimitBytes = number(w, "memory_limit"_L1);
        r.metricsPort = int(number(w.value(u"services"_s).toObject(), "dashboard"_L1));
        r.processMemoryBytes = number(m, "memory"_L1);
        const qint64 managedTotal = number(m, "managed_bytes"_L1);
        const QJsonObject spilled = m.value(u"spilled_bytes"_s).toObject();
        // Dask's own accounting (distributed.worker_memory): managed in memory = managed - spilled part.
        r.managedBytes = std::max<qint64>(0, managedTotal - number(spilled, "memory"_L1));
        r.spilledBytes = number(spilled, "disk"_L1);
        const QJsonObject tasks = m.value(u"task_counts"_s).toObject();
        r.tasksExecuting = int(number(tasks, "executing"_L1));
        r.tasksReady = int(number(tasks, "ready"_L1) + number(tasks, "constrained"_L1));
        r.tasksInMemory = int(number(tasks, "memory"_L1));
        r.bytesInTotal = number(m, "clusterdeck_bytes_in_total"_L1, -1);
        r.bytesOutTotal = number(m, "clusterdeck_bytes_out_total"_L1, -1);
        r.cpuPercent = m.value(u"cpu"_s).toDouble();
        result.append(r);
    }
    return result;
}

} // namespace cdeck::dask
