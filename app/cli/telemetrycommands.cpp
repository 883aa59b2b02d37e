// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// executors, metrics
#include "clicontext.h"

#include "core/model/executor.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

int executors(Context &ctx, const CommandOptions &o)
{
    const ApiReply r = ctx.call(api::RouteId::ClusterExecutors, {ctx.clusterId(o.word(u"CLUSTER"_s))});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                     .arg(u"ID"_s, -6)
                     .arg(u"STATUS"_s, -9)
                     .arg(u"RESTARTS"_s, 8)
                     .arg(u"ADDRESS"_s, -24)
                     .arg(u"MANAGED"_s, 10)
                     .arg(u"UNMANAGED"_s, 10)
                     .arg(u"SPILLED"_s, 10)
                     .arg(u"BYTES IN"_s, 10)
                     .arg(u"BYTES OUT"_s, 10);
        for (const QJsonValue &v : r.body.toArray()) {
            const Executor e = Executor::fromJson(v.toObject());
            out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                         .arg(e.id, -6)
                         .arg(toString(e.status), -9)
                         .arg(e.restarts, 8)
                         .arg(e.address, -24)
                         .arg(human(e.memoryManagedBytes), 10)
                         .arg(human(e.memoryUnmanagedBytes), 10)
                         .arg(human(e.memorySpilledBytes), 10)
                         .arg(human(e.bytesInTotal), 10)
                         .arg(human(e.bytesOutTotal), 10);
        }
    });
}

// "--from -15m", "--from 2026-11-24T10:00:00Z", "--from 1795976634507": epoch milliseconds for the API.
qint64 timeValue(const CommandOptions &o, const QString &option, qint64 nowMs)
{
    const QString v = o.value(option).trimmed();
    static const QRegularExpression relative(u"^-(\\d+)(s|m|h|d)$"_s);
    if (const QRegularExpressionMatch m = relative.match(v); m.hasMatch()) {
        static const QHash<QString, qint64> unitMs{
            {u"s"_s, 1000}, {u"m"_s, 60000}, {u"h"_s, 3600000}, {u"d"_s, 86400000}};
        return nowMs - m.captured(1).toLongLong() * unitMs.value(m.captured(2));
    }
    bool isNumber = false;
    const qint64 ms = v.toLongLong(&isNumber);
    if (isNumber && ms >= 0)
        return ms;
    QDateTime dt = QDateTime::fromString(v, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDate::fromString(v, Qt::ISODate).startOfDay(Qt::UTC);
    if (!dt.isValid())
        throw UsageError(option + u" expects epoch milliseconds, an ISO 8601 date or time, or -N(s|m|h|d)"_s);
    return dt.toMSecsSinceEpoch();
}

qint64 stepValue(const QString &text)
{
    static const QRegularExpression withUnit(u"^(\\d+)(ms|s|m|h)?$"_s);
    const QRegularExpressionMatch m = withUnit.match(text.trimmed());
    static const QHash<QString, qint64> unitMs{
        {u""_s, 1}, {u"ms"_s, 1}, {u"s"_s, 1000}, {u"m"_s, 60000}, {u"h"_s, 3600000}};
    const qint64 step = m.hasMatch() ? m.captured(1).toLongLong() * unitMs.value(m.captured(2)) : 0;
    if (step < 1000)
        throw UsageError(u"--step expects a bucket width of at least 1 s (e.g. 1000, 60s, 5m, 1h)"_s);
    return step;
}

QStringList listValues(const CommandOptions &o, const QString &option)
{
    QStringList values;
    for (const QString &v : o.values(option))
        for (const QString &part : v.split(u',', Qt::SkipEmptyParts))
            if (!values.contains(part.trimmed()))
                values.append(part.trimmed());
    return values;
}

int metrics(Context &ctx, const CommandOptions &o)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QUrlQuery query;
    for (const QString &option : {u"--from"_s, u"--to"_s})
        if (o.has(option))
            query.addQueryItem(option.mid(2), QString::number(timeValue(o, option, nowMs)));
    if (o.has(u"--step"_s))
        query.addQueryItem(u"step"_s, QString::number(stepValue(o.value(u"--step"_s))));
    QStringList series = listValues(o, u"--series"_s);
    const QStringList executors = listValues(o, u"--executor"_s);
    const QString id = ctx.clusterId(o.word(u"CLUSTER"_s));
    if (series.isEmpty()) {
        // Without names the runtime lists what it stores; ask for all of those.
        const ApiReply stored = ctx.call(api::RouteId::ClusterMetrics, {id});
        if (!stored.ok())
            return ctx.fail(stored);
        for (const QJsonValue &v : stored.body.toArray()) {
            const QString name = v.toObject().value(u"name"_s).toString();
            if (!name.isEmpty() && !series.contains(name))
                series.append(name);
        }
    }
    QJsonArray result;
    if (!series.isEmpty()) {
        query.addQueryItem(u"series"_s, series.join(u','));
        if (!executors.isEmpty())
            query.addQueryItem(u"executors"_s, executors.join(u','));
        const ApiReply r = ctx.call(api::RouteId::ClusterMetrics, {id}, {}, query.toString(QUrl::FullyEncoded));
        if (!r.ok())
            return ctx.fail(r);
        // The API gives [ms, mean, min, max] per bucket; the CLI's document is [ms, value] with the mean.
        for (const QJsonValue &v : r.body.toArray()) {
            const QJsonObject s = v.toObject();
            QJsonArray points;
            for (const QJsonValue &p : s.value(u"points"_s).toArray()) {
                const QJsonArray bucket = p.toArray();
                points.append(QJsonArray{bucket.at(0), bucket.at(1)});
            }
            result.append(QJsonObject{{u"name"_s, s.value(u"name"_s)},
                                      {u"executor"_s, s.value(u"executor"_s)},
                                      {u"points"_s, points},
                                      {u"gaps"_s, s.value(u"gaps"_s)}});
        }
    }
    return ctx.done(result, [&] {
        if (result.isEmpty())
            out() << "No stored series.\n";
        for (const QJsonValue &v : result) {
            const QJsonObject s = v.toObject();
            const QJsonArray points = s.value(u"points"_s).toArray();
            const QString executor = s.value(u"executor"_s).isNull() ? u"total"_s : s.value(u"executor"_s).toString();
            out() << QStringLiteral("%1 %2 %3 points, %4 gaps")
                         .arg(s.value(u"name"_s).toString(), -24)
                         .arg(executor, -6)
                         .arg(points.size(), 6)
                         .arg(s.value(u"gaps"_s).toArray().size());
            if (!points.isEmpty()) {
                const QJsonArray last = points.last().toArray();
                out() << ", last " << QString::number(last.at(1).toDouble(), 'g', 6) << " at "
                      << QDateTime::fromMSecsSinceEpoch(qint64(last.at(0).toDouble()), Qt::UTC).toString(Qt::ISODate);
            }
            out() << "\n";
        }
    });
}

} // namespace

void addTelemetryCommands(CLI::App &root, Context &ctx)
{
    addCommand(root, ctx, "executors", "A cluster's executors: status, memory, bytes in and out", executors)
        ->positional("CLUSTER", "a cluster's id or name");
    addCommand(
        root, ctx, "metrics",
        "Stored telemetry (1 s points kept 1 h, 1 min buckets 7 d, 1 h buckets 90 d). --json: "
        "[{\"name\", \"executor\" (null: cluster total), \"points\": [[ms, value]], \"gaps\": [[fromMs, toMs]]}]",
        metrics)
        ->positional("CLUSTER", "a cluster's id or name")
        .list("--series", "NAME[,NAME...] (default: every stored series)")
        .list("--executor", "EID[,EID...]")
        .value("--from", "epoch ms, ISO 8601, or relative to now (-30s, -15m, -2h, -7d)")
        .value("--to", "epoch ms, ISO 8601, or relative to now")
        .value("--step", "bucket width: ms, or 1s, 60s, 5m, 1h");
}

} // namespace cdeck::cli
