// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/enginekind.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace cdeck::triage {

// Ordered: a comparison says which is worse.
enum class Severity { None, Low, Moderate, Severe, Critical };
QString toString(Severity severity); // "NONE" ... "CRITICAL"
std::optional<Severity> severityFromString(const QString &text);

enum class IncidentType {
    ExecutorOom,
    ShuffleSkew,
    ExecutorLost,
    NetworkStall,
    PermissionDenied,
    IdleCluster,
    RetryStorm,
    JobStalled,
    SloBurn
};
QString toString(IncidentType type); // "executor_oom", "shuffle_skew", ...
std::optional<IncidentType> incidentTypeFromString(const QString &text);
QList<IncidentType> allIncidentTypes();
// The runbook id: the file resources/runbooks/<id>.md.
// The runbook id for an incident type: the type's name ("executor_oom"), or "spark_executor_oom" on a Spark
// cluster where one is written for Spark (resources/runbooks/spark_*.md); SLO burns share one.
QString runbookFor(IncidentType type, EngineKind engine = EngineKind::Dask);

// Why ClusterDeck thinks so: a stretch of a recorded series, or the lines of a log that say it.
struct Evidence
{
    enum Kind { Series, Log, Event };
    Kind kind = Event;
    QString title; // "w1 memory (managed + unmanaged) vs its limit"
    QString series; // Series: the metric name (GET /clusters/{id}/metrics?series=...)
    QString executor; // Series: the executor ("" for the cluster total)
    qint64 fromMs = 0; // the time range the evidence covers
    qint64 toMs = 0;
    QString source; // Log: which log ("logs/w1.log", "job job-0123456789")
    QStringList lines; // Log: the lines quoted; Event: one line per event

    QJsonObject toJson() const;
    static Evidence fromJson(const QJsonObject &o);
    friend bool operator==(const Evidence &, const Evidence &) = default;
};

// One failure ClusterDeck detected on a cluster. Identity: (clusterId, type, subject, start).
struct Incident
{
    QString id; // stable: "inc-" + a hash of the identity
    QString clusterId;
    IncidentType type = IncidentType::ExecutorLost;
    QString subject; // what it is about: an executor id, a job id, a task group; "" for the cluster
    Severity severity = Severity::None;
    QDateTime start;
    QDateTime end; // invalid while it lasts
    QString summary; // one sentence an on-call engineer can act on
    QString runbook; // runbookFor(type)
    QList<Evidence> evidence;
    QDateTime updatedAt;

    bool isOpen() const { return !end.isValid(); }
    static QString makeId(const QString &clusterId, IncidentType type, const QString &subject, const QDateTime &start);
    QJsonObject toJson() const;
    static Incident fromJson(const QJsonObject &o);
    friend bool operator==(const Incident &, const Incident &) = default;
};

using IncidentList = QList<Incident>;

// Worst first, then newest first: the order an on-call engineer reads them in.
void sortForTriage(IncidentList &incidents);

// The job an incident is about: its subject, or the job its evidence quotes ("job job-..."); "" for none.
QString jobOf(const Incident &incident);

// Incidents that probably share a cause with an executor loss, so they are read together: one about the
// lost executor itself in the ten minutes before the loss (its OOM), or one about a job that was running
// when the executor was lost (as the loss's evidence records) and lasted past the loss (the skew of its
// redone tasks, a retry storm, its failure). Each linked incident names its executor_lost incident.
struct CommonCause
{
    QString incidentId;
    QString causeId; // the executor_lost incident
    QString reason; // "job job-1 was running when w2 was lost"
};
QList<CommonCause> commonCauses(const IncidentList &incidents);

} // namespace cdeck::triage

Q_DECLARE_METATYPE(cdeck::triage::Incident)
