// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "sparkreports.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

int loggedServicePort(const QByteArray &log, QByteArrayView service)
{
    const QByteArray needle = "Successfully started service '" + service.toByteArray() + "' on port ";
    const qsizetype at = log.lastIndexOf(needle);
    if (at < 0)
        return 0;
    qsizetype p = at + needle.size();
    int port = 0;
    while (p < log.size() && log[p] >= '0' && log[p] <= '9' && port < 65536)
        port = port * 10 + (log[p++] - '0');
    return port > 0 && port < 65536 ? port : 0;
}

bool workerRegistered(const QByteArray &log)
{
    return log.contains("Successfully registered with master spark://");
}

QString loggedApplicationId(const QByteArray &log)
{
    static const QRegularExpression re(u"Connected to Spark cluster with app ID (app-[0-9]+-[0-9]+)"_s);
    const auto m = re.match(QString::fromUtf8(log));
    return m.hasMatch() ? m.captured(1) : QString();
}

namespace {

qint64 bytesOf(const QJsonValue &v)
{
    return qint64(v.toDouble(0));
}

QList<MasterApp> appsOf(const QJsonArray &array)
{
    QList<MasterApp> apps;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        apps.append(
            MasterApp{o.value(u"id"_s).toString(), o.value(u"name"_s).toString(), o.value(u"state"_s).toString()});
    }
    return apps;
}

} // namespace

std::optional<WorkerSelf> parseWorkerJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject o = doc.object();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !o.value(u"coresused"_s).isDouble()) {
        *error = u"a Worker's /json is not its JSON object (no coresused)"_s;
        return std::nullopt;
    }
    WorkerSelf w;
    w.coresUsed = o.value(u"coresused"_s).toInt();
    w.executors = int(o.value(u"executors"_s).toArray().size());
    return w;
}

std::optional<MasterStatus> parseMasterJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"the master's /json is not a JSON object: %1"_s.arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (!o.value(u"workers"_s).isArray()) {
        *error = u"the master's /json has no workers array"_s;
        return std::nullopt;
    }
    MasterStatus s;
    s.status = o.value(u"status"_s).toString();
    for (const QJsonValue &v : o.value(u"workers"_s).toArray()) {
        const QJsonObject w = v.toObject();
        MasterWorker m;
        m.id = w.value(u"id"_s).toString();
        m.host = w.value(u"host"_s).toString();
        m.port = w.value(u"port"_s).toInt();
        m.webUiAddress = w.value(u"webuiaddress"_s).toString();
        m.state = w.value(u"state"_s).toString();
        m.cores = w.value(u"cores"_s).toInt();
        m.coresUsed = w.value(u"coresused"_s).toInt();
        // The master counts memory in MiB.
        m.memoryBytes = bytesOf(w.value(u"memory"_s)) * 1024 * 1024;
        m.memoryUsedBytes = bytesOf(w.value(u"memoryused"_s)) * 1024 * 1024;
        s.workers.append(m);
    }
    s.activeApps = appsOf(o.value(u"activeapps"_s).toArray());
    s.completedApps = appsOf(o.value(u"completedapps"_s).toArray());
    return s;
}

std::optional<QList<DriverExecutor>> parseDriverExecutors(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        *error = u"the driver's executors are not a JSON array: %1"_s.arg(parseError.errorString());
        return std::nullopt;
    }
    QList<DriverExecutor> result;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        DriverExecutor e;
        e.id = o.value(u"id"_s).toString();
        if (e.id.isEmpty() || e.id == "driver"_L1)
            continue;
        e.active = o.value(u"isActive"_s).toBool();
        const QUrl logUrl(o.value(u"executorLogs"_s).toObject().value(u"stderr"_s).toString());
        e.workerUiPort = std::max(0, logUrl.port());
        const QJsonObject memory = o.value(u"memoryMetrics"_s).toObject();
        e.storageMemoryUsedBytes = bytesOf(memory.value(u"usedOnHeapStorageMemory"_s))
            + bytesOf(memory.value(u"usedOffHeapStorageMemory"_s));
        e.maxMemoryBytes = bytesOf(o.value(u"maxMemory"_s));
        const QJsonObject peak = o.value(u"peakMemoryMetrics"_s).toObject();
        if (peak.contains(u"JVMHeapMemory"_s))
            e.peakHeapBytes = bytesOf(peak.value(u"JVMHeapMemory"_s));
        if (peak.contains(u"ProcessTreeJVMRSSMemory"_s))
            e.peakJvmRssBytes = bytesOf(peak.value(u"ProcessTreeJVMRSSMemory"_s));
        if (peak.contains(u"ProcessTreePythonRSSMemory"_s))
            e.peakPythonRssBytes = bytesOf(peak.value(u"ProcessTreePythonRSSMemory"_s));
        e.shuffleReadBytes = bytesOf(o.value(u"totalShuffleRead"_s));
        e.shuffleWriteBytes = bytesOf(o.value(u"totalShuffleWrite"_s));
        e.activeTasks = o.value(u"activeTasks"_s).toInt();
        e.failedTasks = o.value(u"failedTasks"_s).toInt();
        e.completedTasks = o.value(u"completedTasks"_s).toInt();
        e.removeReason = o.value(u"removeReason"_s).toString();
        result.append(e);
    }
    return result;
}

void WorkerTotals::update(const QString &appId, int workerUiPort, const QList<DriverExecutor> &executors)
{
    for (const DriverExecutor &e : executors) {
        if (e.workerUiPort != workerUiPort)
            continue;
        Seen &seen = m_seen[appId + u'/' + e.id];
        // A REST answer that lags one read behind must not take a total backwards.
        seen.read = std::max(seen.read, e.shuffleReadBytes);
        seen.write = std::max(seen.write, e.shuffleWriteBytes);
        seen.failed = std::max(seen.failed, e.failedTasks);
    }
}

qint64 WorkerTotals::shuffleReadBytes() const
{
    qint64 sum = 0;
    for (const Seen &s : m_seen)
        sum += s.read;
    return sum;
}

qint64 WorkerTotals::shuffleWriteBytes() const
{
    qint64 sum = 0;
    for (const Seen &s : m_seen)
        sum += s.write;
    return sum;
}

int WorkerTotals::failedTasks() const
{
    int sum = 0;
    for (const Seen &s : m_seen)
        sum += s.failed;
    return sum;
}

} // namespace cdeck::spark
