// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "timeline.h"

#include "core/model/jsonutil.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace cdeck::triage {

namespace {

const char *const kLayerNames[] = {"cluster", "scaling", "executor", "job", "stage", "incident", "action"};

QString valueText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble());
    return v.toVariant().toString();
}

// The events table's types: the cluster's own life in the cluster lane, capacity changes in the scaling lane.
TimelineLayer layerOfEvent(const QString &type)
{
    if (type == QLatin1StringView(ClusterEvent::kStateChange) || type == QLatin1StringView(ClusterEvent::kBootstrapFailed))
        return TimelineLayer::Cluster;
    if (type == QLatin1StringView(ClusterEvent::kWorkerRestarted))
        return TimelineLayer::Executor; // a mark on the executors' lane, where the restarts are looked for
    return TimelineLayer::Scaling;
}

QString eventText(const ClusterEvent &e)
{
    const QString from = valueText(e.from);
    const QString to = valueText(e.to);
    QString text;
    if (e.type == QLatin1StringView(ClusterEvent::kStateChange))
        text = from.isEmpty() ? to : from + u" → "_s + to;
    else if (e.isScaling())
        text = u"%1 %2 → %3 workers"_s.arg(e.type, from, to);
    else if (!from.isEmpty() || !to.isEmpty())
        text = u"%1 %2 → %3"_s.arg(e.type, from, to);
    else
        text = e.type;
    if (!e.executorId.isEmpty())
        text += u" ("_s + e.executorId + u")"_s;
    if (!e.reason.isEmpty())
        text += u": "_s + e.reason;
    return text;
}

struct Keyed
{
    TimelineEntry entry;
    qint64 ms = 0;
    int sourceOrder = 0; // the order within its source: an event's seq, a job's index, ...
};

} // namespace

QString toString(TimelineLayer layer)
{
    return QString::fromLatin1(kLayerNames[int(layer)]);
}

std::optional<TimelineLayer> timelineLayerFromString(const QString &text)
{
    for (int i = 0; i <= int(TimelineLayer::Action); ++i)
        if (text == QLatin1StringView(kLayerNames[i]))
            return TimelineLayer(i);
    return std::nullopt;
}

QList<TimelineLayer> allTimelineLayers()
{
    QList<TimelineLayer> all;
    for (int i = 0; i <= int(TimelineLayer::Action); ++i)
        all.append(TimelineLayer(i));
    return all;
}

QJsonObject TimelineEntry::toJson() const
{
    QJsonObject o{{u"time"_s, json::fromDateTime(time)},
                  {u"layer"_s, triage::toString(layer)},
                  {u"kind"_s, kind},
                  {u"text"_s, text},
                  {u"ids"_s, ids}};
    if (!severity.isEmpty())
        o.insert(u"severity"_s, severity);
    return o;
}

TimelineEntry TimelineEntry::fromJson(const QJsonObject &o)
{
    TimelineEntry e;
    e.time = json::toDateTime(o.value(u"time"_s));
    e.layer = timelineLayerFromString(o.value(u"layer"_s).toString()).value_or(TimelineLayer::Cluster);
    e.kind = o.value(u"kind"_s).toString();
    e.text = o.value(u"text"_s).toString();
    e.ids = o.value(u"ids"_s).toObject();
    e.severity = o.value(u"severity"_s).toString();
    return e;
}

Timeline buildTimeline(const TimelineSources &sources, const std::optional<QDateTime> &from,
                       const std::optional<QDateTime> &to)
{
    QList<Keyed> keyed;
    const qint64 fromMs = from ? from->toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 toMs = to ? to->toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    int order = 0;
    auto add = [&](const QDateTime &time, TimelineLayer layer, const QString &kind, const QString &text,
                   QJsonObject ids, const QString &severity = {}) {
        ++order;
        if (!time.isValid())
            return;
        const qint64 ms = time.toMSecsSinceEpoch();
        if (ms < fromMs || ms > toMs)
            return;
        ids.insert(u"clusterId"_s, sources.clusterId);
        keyed.append(Keyed{TimelineEntry{time.toUTC(), layer, kind, text, ids, severity}, ms, order});
    };

    for (const ClusterEvent &e : sources.events) {
        QJsonObject ids{{u"eventSeq"_s, double(e.seq)}};
        if (!e.executorId.isEmpty())
            ids.insert(u"executorId"_s, e.executorId);
        add(e.time, layerOfEvent(e.type), e.type, eventText(e), ids);
    }

    for (const Executor &x : sources.executors) {
        const QJsonObject ids{{u"executorId"_s, x.id}};
        add(x.startedAt, TimelineLayer::Executor, u"executor_added"_s,
            u"%1 added (%2, %3 threads)"_s.arg(x.id, toString(x.market)).arg(x.threads), ids);
        if (x.status == ExecutorStatus::Lost || x.status == ExecutorStatus::Retired) {
            const bool lost = x.status == ExecutorStatus::Lost;
            QString text = u"%1 %2"_s.arg(x.id, lost ? u"lost"_s : u"retired"_s);
            if (!x.statusReason.isEmpty())
                text += u": "_s + x.statusReason;
            add(x.endedAt, TimelineLayer::Executor, lost ? u"executor_lost"_s : u"executor_retired"_s, text, ids);
        }
    }

    for (const Job &j : sources.jobs) {
        const QJsonObject ids{{u"jobId"_s, j.id}};
        add(j.submittedAt, TimelineLayer::Job, u"job_submitted"_s, u"%1 (%2) submitted"_s.arg(j.name, j.id), ids);
        add(j.startedAt, TimelineLayer::Job, u"job_started"_s, u"%1 (%2) started"_s.arg(j.name, j.id), ids);
        if (isFinished(j.state)) {
            QString text = u"%1 (%2) ended %3"_s.arg(j.name, j.id, toString(j.state));
            if (j.exitCode)
                text += u", exit code %1"_s.arg(*j.exitCode);
            if (!j.stateReason.isEmpty())
                text += u": "_s + j.stateReason;
            add(j.endedAt, TimelineLayer::Job, u"job_ended"_s, text, ids);
        }
        for (const StageSpan &s : sources.stages.value(j.id)) {
            const QJsonObject stageIds{{u"jobId"_s, j.id}, {u"stageId"_s, s.id}};
            add(s.start, TimelineLayer::Stage, u"stage_started"_s,
                u"%1: stage %2 started (%3 tasks)"_s.arg(j.id, s.name).arg(s.tasks), stageIds);
            if (s.state == "completed"_L1 || s.state == "failed"_L1)
                add(s.stop, TimelineLayer::Stage, u"stage_ended"_s, u"%1: stage %2 %3"_s.arg(j.id, s.name, s.state),
                    stageIds);
        }
    }

    for (const Incident &i : sources.incidents) {
        QJsonObject ids{{u"incidentId"_s, i.id}, {u"type"_s, toString(i.type)}};
        if (!i.subject.isEmpty())
            ids.insert(u"subject"_s, i.subject);
        const QString head = u"[%1] %2"_s.arg(toString(i.severity), toString(i.type));
        add(i.start, TimelineLayer::Incident, u"incident_started"_s, head + u": "_s + i.summary, ids,
            toString(i.severity));
        add(i.end, TimelineLayer::Incident, u"incident_ended"_s, head + u" ended"_s, ids, toString(i.severity));
    }

    for (const ActionRecord &a : sources.actions) {
        QJsonObject ids{{u"auditSeq"_s, double(a.seq)}};
        if (!a.incidentId.isEmpty())
            ids.insert(u"incidentId"_s, a.incidentId);
        if (!a.target.isEmpty())
            ids.insert(u"target"_s, a.target);
        QString text = u"%1 by %2: %3 → %4"_s.arg(a.action, a.actor, a.before, a.after);
        if (a.outcome != "accepted"_L1)
            text += u" (refused: %1)"_s.arg(a.outcome);
        add(a.at, TimelineLayer::Action, a.action, text, ids);
    }

    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed &a, const Keyed &b) {
        if (a.ms != b.ms)
            return a.ms < b.ms;
        if (a.entry.layer != b.entry.layer)
            return a.entry.layer < b.entry.layer;
        return a.sourceOrder < b.sourceOrder;
    });
    Timeline result;
    result.reserve(keyed.size());
    for (Keyed &k : keyed)
        result.append(std::move(k.entry));
    return result;
}

QJsonArray toJson(const Timeline &timeline)
{
    QJsonArray array;
    for (const TimelineEntry &e : timeline)
        array.append(e.toJson());
    return array;
}

Timeline timelineFromJson(const QJsonArray &array)
{
    Timeline timeline;
    timeline.reserve(array.size());
    for (const QJsonValue &v : array)
        if (v.isObject())
            timeline.append(TimelineEntry::fromJson(v.toObject()));
    return timeline;
}

} // namespace cdeck::triage
