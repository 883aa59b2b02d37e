// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterevent.h"
#include "core/model/executor.h"
#include "core/model/job.h"
#include "core/triage/incident.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace cdeck::triage {

// The lanes of the incident timeline, top to bottom: what the cluster as a whole did, its workers, its
// jobs and their stages, what ClusterDeck detected, and what people did about it. The order also breaks
// ties between entries at the same millisecond (a cause is drawn above its effects).
enum class TimelineLayer { Cluster, Scaling, Executor, Job, Stage, Incident, Action };
QString toString(TimelineLayer layer); // "cluster", "scaling", "executor", "job", "stage", "incident", "action"
std::optional<TimelineLayer> timelineLayerFromString(const QString &text);
QList<TimelineLayer> allTimelineLayers();

// One point on the timeline. Spans (a job, a stage, an incident) are two entries, a start and an end,
// that share their ids; the console pairs them into bars.
struct TimelineEntry
{
    QDateTime time;
    TimelineLayer layer = TimelineLayer::Cluster;
    QString kind; // "state_change", "scale_out", "executor_added", "executor_lost", "job_started", ...
    QString text; // one line a user reads as is
    // What it is about, as ids a client can follow: clusterId always; executorId, jobId, stageId,
    // incidentId, auditSeq when they apply.
    QJsonObject ids;
    QString severity; // incidents only: "LOW" ... "CRITICAL"

    QJsonObject toJson() const;
    static TimelineEntry fromJson(const QJsonObject &o);
    friend bool operator==(const TimelineEntry &, const TimelineEntry &) = default;
};

using Timeline = QList<TimelineEntry>;

// A stage as the job's stored DAG gives it (a Dask task group): when its first task started and its last
// ended; stop is only an end once the stage finished.
struct StageSpan
{
    QString id;
    QString name;
    QString state; // the DAG's node state: "pending", "running", "completed", "failed"
    QDateTime start;
    QDateTime stop;
    int tasks = 0;
};

// A guarded action as the audit log keeps it (the store's AuditEntry, without depending on the store).
struct ActionRecord
{
    qint64 seq = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString target;
    QString incidentId;
    QString before;
    QString after;
    QString outcome;
};

// Everything the runtime stores about one cluster that happened at a known time.
struct TimelineSources
{
    QString clusterId;
    QList<ClusterEvent> events; // the events table: state changes, scaling, spot, policy, bootstrap
    QList<Executor> executors; // every executor the cluster ever had, gone ones included
    QList<Job> jobs;
    QHash<QString, QList<StageSpan>> stages; // by job id
    IncidentList incidents;
    QList<ActionRecord> actions;
};

// Merges the sources into one list on one time axis: oldest first; entries at the same millisecond in
// lane order, then in the order their source recorded them. Entries without a valid time are left out;
// from/to (inclusive, either optional) keep only the entries inside.
Timeline buildTimeline(const TimelineSources &sources, const std::optional<QDateTime> &from = std::nullopt,
                       const std::optional<QDateTime> &to = std::nullopt);

QJsonArray toJson(const Timeline &timeline);
Timeline timelineFromJson(const QJsonArray &array);

} // namespace cdeck::triage

Q_DECLARE_METATYPE(cdeck::triage::TimelineEntry)
