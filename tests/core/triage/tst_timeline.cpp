// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The incident timeline: every source on one time axis, in order, nothing invented, nothing lost.
#include "core/triage/timeline.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::triage;

namespace {

const QDateTime kT0 = QDateTime::fromString(u"2026-11-24T10:00:00.000Z"_s, Qt::ISODateWithMs);

QDateTime at(int seconds)
{
    return kT0.addSecs(seconds);
}

ClusterEvent event(qint64 seq, int seconds, const char *type, const QJsonValue &from, const QJsonValue &to,
                   const QString &reason, const QString &executor = {})
{
    ClusterEvent e;
    e.seq = seq;
    e.clusterId = u"c-1"_s;
    e.time = at(seconds);
    e.type = QString::fromLatin1(type);
    e.from = from;
    e.to = to;
    e.reason = reason;
    e.executorId = executor;
    return e;
}

// A cluster's day: launched, a job with two stages, a worker killed mid-job, an incident, a scale-up.
TimelineSources aDay()
{
    TimelineSources s;
    s.clusterId = u"c-1"_s;
    s.events = {event(1, 0, ClusterEvent::kStateChange, QJsonValue(), u"STARTING"_s, u"launch requested"_s),
                event(2, 5, ClusterEvent::kStateChange, u"STARTING"_s, u"WAITING"_s, u"2 workers running"_s),
                event(3, 40, ClusterEvent::kScaleOut, 2, 3, u"guarded action"_s),
                event(4, 70, ClusterEvent::kStateChange, u"WAITING"_s, u"TERMINATING"_s, u"user request"_s)};
    Executor w1;
    w1.id = u"w1"_s;
    w1.threads = 2;
    w1.status = ExecutorStatus::Running;
    w1.startedAt = at(3);
    Executor w2 = w1;
    w2.id = u"w2"_s;
    w2.status = ExecutorStatus::Lost;
    w2.statusReason = u"killed by chaos kill-worker"_s;
    w2.endedAt = at(20);
    Executor w3 = w1;
    w3.id = u"w3"_s;
    w3.status = ExecutorStatus::Starting;
    w3.startedAt = QDateTime(); // not started yet: no entry, no invented time
    s.executors = {w1, w2, w3};
    Job job;
    job.id = u"job-1"_s;
    job.name = u"etl_groupby"_s;
    job.state = JobState::Completed;
    job.exitCode = 0;
    job.submittedAt = at(10);
    job.startedAt = at(11);
    job.endedAt = at(30);
    Job running = job;
    running.id = u"job-2"_s;
    running.state = JobState::Running;
    running.submittedAt = at(50);
    running.startedAt = at(51);
    running.endedAt = QDateTime();
    s.jobs = {job, running};
    s.stages.insert(u"job-1"_s, {StageSpan{u"read"_s, u"read-parquet"_s, u"completed"_s, at(12), at(15), 8},
                                 StageSpan{u"agg"_s, u"groupby-agg"_s, u"completed"_s, at(15), at(29), 4}});
    s.stages.insert(u"job-2"_s, {StageSpan{u"scan"_s, u"scan"_s, u"running"_s, at(52), at(55), 8}});
    Incident lost;
    lost.id = u"inc-abc"_s;
    lost.clusterId = u"c-1"_s;
    lost.type = IncidentType::ExecutorLost;
    lost.subject = u"w2"_s;
    lost.severity = Severity::Severe;
    lost.start = at(20);
    lost.end = at(45);
    lost.summary = u"w2 lost mid-job"_s;
    s.incidents = {lost};
    s.actions = {ActionRecord{7, at(40), u"console:alice"_s, u"scale"_s, {}, u"inc-abc"_s, u"2 workers"_s,
                              u"3 workers requested"_s, u"accepted"_s}};
    return s;
}

QStringList kinds(const Timeline &t)
{
    QStringList k;
    for (const TimelineEntry &e : t)
        k.append(e.kind);
    return k;
}

} // namespace

class TstTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everySourceLandsInTimeOrder()
    {
        const Timeline t = buildTimeline(aDay());
        QCOMPARE(kinds(t), (QStringList{u"state_change"_s,     u"executor_added"_s, u"executor_added"_s,
                                        u"state_change"_s,     u"job_submitted"_s,  u"job_started"_s,
                                        u"stage_started"_s,    u"stage_ended"_s,    u"stage_started"_s,
                                        u"executor_lost"_s,    u"incident_started"_s, u"stage_ended"_s,
                                        u"job_ended"_s,        u"scale_out"_s,      u"scale"_s,
                                        u"incident_ended"_s,   u"job_submitted"_s,  u"job_started"_s,
                                        u"stage_started"_s,    u"state_change"_s}));
        for (qsizetype i = 1; i < t.size(); ++i)
            QVERIFY2(t[i - 1].time <= t[i].time, qPrintable(t[i].text));
    }

    void sameMillisecondFollowsTheLaneOrder()
    {
        // At 15 s a stage ended and the next started: both stage lane, in the order the DAG gave them.
        // At 20 s the executor was lost and the incident opened: the executor lane comes first (the cause).
        const Timeline t = buildTimeline(aDay());
        const auto lost = std::find_if(t.begin(), t.end(), [](const TimelineEntry &e) { return e.kind == "executor_lost"_L1; });
        QVERIFY(lost != t.end());
        QCOMPARE((lost + 1)->kind, u"incident_started"_s);
        QVERIFY(lost->layer == TimelineLayer::Executor);
        QVERIFY((lost + 1)->layer == TimelineLayer::Incident);
        const auto scale = std::find_if(t.begin(), t.end(), [](const TimelineEntry &e) { return e.kind == "scale_out"_L1; });
        QVERIFY(scale->layer == TimelineLayer::Scaling);
        QVERIFY((scale + 1)->layer == TimelineLayer::Action);
    }

    void unfinishedThingsHaveNoEnd()
    {
        const Timeline t = buildTimeline(aDay());
        for (const TimelineEntry &e : t) {
            QVERIFY2(!(e.kind == "job_ended"_L1 && e.ids.value(u"jobId"_s) == "job-2"_L1), "a running job has no end");
            QVERIFY2(!(e.kind == "stage_ended"_L1 && e.ids.value(u"stageId"_s) == "scan"_L1), "a running stage has no end");
            QVERIFY2(e.ids.value(u"executorId"_s) != "w3"_L1, "an executor with no start time is left out");
        }
    }

    void entriesCarryTheirIdsAndWords()
    {
        const Timeline t = buildTimeline(aDay());
        for (const TimelineEntry &e : t)
            QCOMPARE(e.ids.value(u"clusterId"_s).toString(), u"c-1"_s);
        const auto find = [&t](const char *kind) {
            return *std::find_if(t.begin(), t.end(), [kind](const TimelineEntry &e) { return e.kind == QLatin1StringView(kind); });
        };
        const TimelineEntry lost = find("executor_lost");
        QCOMPARE(lost.ids.value(u"executorId"_s).toString(), u"w2"_s);
        QVERIFY(lost.text.contains(u"killed by chaos kill-worker"_s));
        const TimelineEntry incident = find("incident_started");
        QCOMPARE(incident.ids.value(u"incidentId"_s).toString(), u"inc-abc"_s);
        QCOMPARE(incident.severity, u"SEVERE"_s);
        QVERIFY(incident.text.contains(u"executor_lost"_s));
        const TimelineEntry action = find("scale");
        QCOMPARE(action.ids.value(u"incidentId"_s).toString(), u"inc-abc"_s);
        QCOMPARE(action.ids.value(u"auditSeq"_s).toInteger(), 7);
        QVERIFY(action.text.contains(u"2 workers → 3 workers requested"_s));
        const TimelineEntry ended = find("job_ended");
        QVERIFY(ended.text.contains(u"COMPLETED"_s));
        QCOMPARE(find("scale_out").text, u"scale_out 2 → 3 workers: guarded action"_s);
        QCOMPARE(find("state_change").text, u"STARTING: launch requested"_s);
    }

    void fromAndToKeepTheWindowInclusive()
    {
        const Timeline t = buildTimeline(aDay(), at(20), at(30));
        QVERIFY(!t.isEmpty());
        QCOMPARE(t.first().time, at(20));
        QCOMPARE(t.last().time, at(30));
        for (const TimelineEntry &e : t)
            QVERIFY(e.time >= at(20) && e.time <= at(30));
        QCOMPARE(kinds(t), (QStringList{u"executor_lost"_s, u"incident_started"_s, u"stage_ended"_s, u"job_ended"_s}));
        QVERIFY(buildTimeline(aDay(), at(1000)).isEmpty());
        QCOMPARE(buildTimeline(aDay(), std::nullopt, at(0)).size(), 1);
    }

    void nothingIsEmptyOfSources()
    {
        TimelineSources none;
        none.clusterId = u"c-2"_s;
        QVERIFY(buildTimeline(none).isEmpty());
    }

    void jsonRoundTrips()
    {
        const Timeline t = buildTimeline(aDay());
        const QByteArray bytes = QJsonDocument(toJson(t)).toJson();
        const Timeline back = timelineFromJson(QJsonDocument::fromJson(bytes).array());
        QCOMPARE(back, t);
        const QJsonObject first = toJson(t).first().toObject();
        QCOMPARE(first.value(u"time"_s).toString(), u"2026-11-24T10:00:00.000Z"_s);
        QCOMPARE(first.value(u"layer"_s).toString(), u"cluster"_s);
        for (TimelineLayer l : allTimelineLayers())
            QVERIFY(timelineLayerFromString(toString(l)) == l);
        QVERIFY(!timelineLayerFromString(u"nope"_s));
    }
};

QTEST_GUILESS_MAIN(TstTimeline)
#include "tst_timeline.moc"
