// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "incident.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::triage {

namespace {

const char *const kSeverityNames[] = {"NONE", "LOW", "MODERATE", "SEVERE", "CRITICAL"};
const char *const kTypeNames[] = {"executor_oom", "shuffle_skew", "executor_lost", "network_stall", "permission_denied",
                                  "idle_cluster", "retry_storm",  "job_stalled",   "slo_burn"};

QString iso(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue isoOrNull(const QDateTime &dt)
{
    return dt.isValid() ? QJsonValue(iso(dt)) : QJsonValue(QJsonValue::Null);
}

QDateTime fromIso(const QJsonValue &v)
{
    if (!v.isString())
        return {};
    QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : dt;
}

} // namespace

QString toString(Severity severity)
{
    return QString::fromLatin1(kSeverityNames[int(severity)]);
}

std::optional<Severity> severityFromString(const QString &text)
{
    for (int i = 0; i <= int(Severity::Critical); ++i)
        if (text.compare(QLatin1StringView(kSeverityNames[i]), Qt::CaseInsensitive) == 0)
            return Severity(i);
    return std::nullopt;
}

QString toString(IncidentType type)
{
    return QString::fromLatin1(kTypeNames[int(type)]);
}

std::optional<IncidentType> incidentTypeFromString(const QString &text)
{
    for (int i = 0; i <= int(IncidentType::SloBurn); ++i)
        if (text == QLatin1StringView(kTypeNames[i]))
            return IncidentType(i);
    return std::nullopt;
}

QList<IncidentType> allIncidentTypes()
{
    QList<IncidentType> all;
    for (int i = 0; i <= int(IncidentType::SloBurn); ++i)
        all.append(IncidentType(i));
    return all;
}

QString runbookFor(IncidentType type, EngineKind engine)
{
    if (engine == EngineKind::Spark && type != IncidentType::SloBurn && type != IncidentType::IdleCluster)
        return u"spark_"_s + toString(type);
    return toString(type);
}

QJsonObject Evidence::toJson() const
{
    static const char *const kinds[] = {"series", "log", "event"};
    QJsonObject o{{u"kind"_s, QLatin1StringView(kinds[kind])}, {u"title"_s, title}};
    if (kind == Series) {
        o.insert(u"series"_s, series);
        o.insert(u"executor"_s, executor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(executor));
    }
    if (!source.isEmpty())
        o.insert(u"source"_s, source);
    if (fromMs > 0 || toMs > 0) {
        o.insert(u"fromMs"_s, double(fromMs));
        o.insert(u"toMs"_s, double(toMs));
    }
    if (!lines.isEmpty())
        o.insert(u"lines"_s, QJsonArray::fromStringList(lines));
    return o;
}

Evidence Evidence::fromJson(const QJsonObject &o)
{
    Evidence e;
    const QString kind = o.value(u"kind"_s).toString();
    e.kind = kind == "series"_L1 ? Series : kind == "log"_L1 ? Log : Event;
    e.title = o.value(u"title"_s).toString();
    e.series = o.value(u"series"_s).toString();
    e.executor = o.value(u"executor"_s).toString();
    e.source = o.value(u"source"_s).toString();
    e.fromMs = qint64(o.value(u"fromMs"_s).toDouble());
    e.toMs = qint64(o.value(u"toMs"_s).toDouble());
    for (const QJsonValue &v : o.value(u"lines"_s).toArray())
        e.lines.append(v.toString());
    return e;
}

QString Incident::makeId(const QString &clusterId, IncidentType type, const QString &subject, const QDateTime &start)
{
    const QByteArray identity = (clusterId + u'\x1f' + toString(type) + u'\x1f' + subject + u'\x1f'
                                 + QString::number(start.toMSecsSinceEpoch() / 1000))
                                    .toUtf8();
    return u"inc-"_s + QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(12));
}

QJsonObject Incident::toJson() const
{
    QJsonArray ev;
    for (const Evidence &e : evidence)
        ev.append(e.toJson());
    return QJsonObject{{u"id"_s, id},
                       {u"clusterId"_s, clusterId},
                       {u"type"_s, toString(type)},
                       {u"subject"_s, subject},
                       {u"severity"_s, toString(severity)},
                       {u"start"_s, isoOrNull(start)},
                       {u"end"_s, isoOrNull(end)},
                       {u"open"_s, isOpen()},
                       {u"summary"_s, summary},
                       {u"runbook"_s, runbook},
                       {u"evidence"_s, ev},
                       {u"updatedAt"_s, isoOrNull(updatedAt)}};
}

Incident Incident::fromJson(const QJsonObject &o)
{
    Incident i;
    i.id = o.value(u"id"_s).toString();
    i.clusterId = o.value(u"clusterId"_s).toString();
    i.type = incidentTypeFromString(o.value(u"type"_s).toString()).value_or(IncidentType::ExecutorLost);
    i.subject = o.value(u"subject"_s).toString();
    i.severity = severityFromString(o.value(u"severity"_s).toString()).value_or(Severity::None);
    i.start = fromIso(o.value(u"start"_s));
    i.end = fromIso(o.value(u"end"_s));
    i.summary = o.value(u"summary"_s).toString();
    i.runbook = o.value(u"runbook"_s).toString();
    for (const QJsonValue &v : o.value(u"evidence"_s).toArray())
        i.evidence.append(Evidence::fromJson(v.toObject()));
    i.updatedAt = fromIso(o.value(u"updatedAt"_s));
    return i;
}

void sortForTriage(IncidentList &incidents)
{
    std::stable_sort(incidents.begin(), incidents.end(), [](const Incident &a, const Incident &b) {
        if (a.isOpen() != b.isOpen())
            return a.isOpen();
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return a.start > b.start;
    });
}

QString jobOf(const Incident &incident)
{
    if (incident.subject.startsWith(u"job-"_s))
        return incident.subject;
    for (const Evidence &e : incident.evidence)
        if (e.source.startsWith(u"job job-"_s))
            return e.source.mid(4);
    return {};
}

QList<CommonCause> commonCauses(const IncidentList &incidents)
{
    // The jobs each loss hit, as its evidence says: "job job-... (name) was running at the loss; ...".
    struct Loss
    {
        const Incident *incident;
        QStringList jobs;
    };
    QList<Loss> losses;
    for (const Incident &i : incidents) {
        if (i.type != IncidentType::ExecutorLost)
            continue;
        Loss loss{&i, {}};
        for (const Evidence &e : i.evidence)
            for (const QString &line : e.lines)
                if (line.startsWith(u"job job-"_s) && line.contains(u" was running at the loss"_s))
                    loss.jobs.append(line.section(u' ', 1, 1));
        losses.append(loss);
    }
    std::sort(losses.begin(), losses.end(), [](const Loss &a, const Loss &b) { return a.incident->start < b.incident->start; });
    QList<CommonCause> links;
    for (const Incident &i : incidents) {
        if (i.type == IncidentType::ExecutorLost)
            continue;
        const QString job = jobOf(i);
        for (const Loss &loss : std::as_const(losses)) {
            const Incident &lost = *loss.incident;
            if (lost.clusterId != i.clusterId)
                continue;
            const qint64 before = i.start.msecsTo(lost.start); // > 0: i started before the loss
            if (!i.subject.isEmpty() && i.subject == lost.subject && before >= 0 && before <= 10 * 60 * 1000) {
                links.append({i.id, lost.id, u"%1 was lost after this"_s.arg(lost.subject)});
                break;
            }
            const bool lastedPastLoss = i.isOpen() || i.end >= lost.start;
            if (!job.isEmpty() && loss.jobs.contains(job) && lastedPastLoss) {
                links.append({i.id, lost.id, u"%1 was running when %2 was lost"_s.arg(job, lost.subject)});
                break;
            }
        }
    }
    return links;
}

} // namespace cdeck::triage
