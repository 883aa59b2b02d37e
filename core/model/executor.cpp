// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "executor.h"

#include "jsonutil.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
constexpr std::array<std::pair<ExecutorStatus, const char *>, 6> kNames{{
    {ExecutorStatus::Starting, "starting"},
    {ExecutorStatus::Running, "running"},
    {ExecutorStatus::Paused, "paused"},
    {ExecutorStatus::Retiring, "retiring"},
    {ExecutorStatus::Retired, "retired"},
    {ExecutorStatus::Lost, "lost"},
}};
}

QString toString(ExecutorStatus status)
{
    for (const auto &[s, name] : kNames)
        if (s == status)
            return QString::fromLatin1(name);
    return u"unknown"_s;
}

std::optional<ExecutorStatus> executorStatusFromString(const QString &text)
{
    for (const auto &[s, name] : kNames)
        if (text == QLatin1StringView(name))
            return s;
    return std::nullopt;
}

QJsonObject Executor::toJson() const
{
    return {{u"id"_s, id},
            {u"address"_s, address},
            {u"pid"_s, double(pid)},
            {u"status"_s, toString(status)},
            {u"statusReason"_s, statusReason},
            {u"threads"_s, threads},
            {u"memoryLimitBytes"_s, double(memoryLimitBytes)},
            {u"memoryManagedBytes"_s, double(memoryManagedBytes)},
            {u"memoryUnmanagedBytes"_s, double(memoryUnmanagedBytes)},
            {u"memorySpilledBytes"_s, double(memorySpilledBytes)},
            {u"tasksExecuting"_s, tasksExecuting},
            {u"tasksReady"_s, tasksReady},
            {u"tasksInMemory"_s, tasksInMemory},
            {u"bytesInTotal"_s, double(bytesInTotal)},
            {u"bytesOutTotal"_s, double(bytesOutTotal)},
            {u"cpuPercent"_s, cpuPercent},
            {u"restarts"_s, restarts},
            {u"market"_s, toString(market)},
            {u"startedAt"_s, json::fromDateTime(startedAt)},
            {u"endedAt"_s, json::fromDateTime(endedAt)},
            {u"updatedAt"_s, json::fromDateTime(updatedAt)}};
}

Executor Executor::fromJson(const QJsonObject &o)
{
    Executor e;
    e.id = o.value(u"id"_s).toString();
    e.address = o.value(u"address"_s).toString();
    e.pid = qint64(o.value(u"pid"_s).toDouble());
    e.status = executorStatusFromString(o.value(u"status"_s).toString()).value_or(ExecutorStatus::Lost);
    e.statusReason = o.value(u"statusReason"_s).toString();
    e.threads = o.value(u"threads"_s).toInt();
    e.memoryLimitBytes = qint64(o.value(u"memoryLimitBytes"_s).toDouble());
    e.memoryManagedBytes = qint64(o.value(u"memoryManagedBytes"_s).toDouble());
    e.memoryUnmanagedBytes = qint64(o.value(u"memoryUnmanagedBytes"_s).toDouble());
    e.memorySpilledBytes = qint64(o.value(u"memorySpilledBytes"_s).toDouble());
    e.tasksExecuting = o.value(u"tasksExecuting"_s).toInt();
    e.tasksReady = o.value(u"tasksReady"_s).toInt();
    e.tasksInMemory = o.value(u"tasksInMemory"_s).toInt();
    e.bytesInTotal = qint64(o.value(u"bytesInTotal"_s).toDouble());
    e.bytesOutTotal = qint64(o.value(u"bytesOutTotal"_s).toDouble());
    e.cpuPercent = o.value(u"cpuPercent"_s).toDouble();
    e.restarts = o.value(u"restarts"_s).toInt();
    e.market = o.value(u"market"_s).toString() == "spot"_L1 ? Market::Spot : Market::OnDemand;
    e.startedAt = json::toDateTime(o.value(u"startedAt"_s));
    e.endedAt = json::toDateTime(o.value(u"endedAt"_s));
    e.updatedAt = json::toDateTime(o.value(u"updatedAt"_s));
    return e;
}

} // namespace cdeck
