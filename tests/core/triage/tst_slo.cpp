// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// SLOs on synthetic run histories whose answers are worked out by hand: the SLI per kind, the error budget,
// the burn rates per window, the alert (page / ticket / none) and the one incident a firing SLO raises.
#include "core/triage/slo.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::triage;

namespace {

constexpr qint64 kNow = 1'780'000'000'000;
constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;

SloRun run(const QString &name, qint64 minutesAgo, JobState state, double durationS = 10, const QString &cluster = u"c-1"_s)
{
    SloRun r;
    r.jobId = u"job-%1-%2"_s.arg(name).arg(minutesAgo);
    r.clusterId = cluster;
    r.jobName = name;
    r.state = state;
    r.endMs = kNow - minutesAgo * kMinute;
    r.durationS = durationS;
    return r;
}

SloDefinition slo(const QJsonObject &o)
{
    QString error;
    const auto d = SloDefinition::fromJson(o, &error);
    if (!d)
        qFatal("bad test SLO: %s", qPrintable(error));
    SloDefinition copy = *d;
    copy.id = u"slo-test"_s;
    return copy;
}

} // namespace

class TstSlo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void definitionsAreValidated()
    {
        QString error;
        const auto ok = SloDefinition::fromJson(
            QJsonObject{{u"job"_s, u"export_report"_s}, {u"objective"_s, 0.99}, {u"window"_s, u"30d"_s}}, &error);
        QVERIFY2(ok, qPrintable(error));
        QVERIFY(ok->sli == SliKind::SuccessRate);
        QCOMPARE(ok->windowMs, qint64(30) * 24 * kHour);
        QCOMPARE(ok->selector(), u"job=export_report"_s);
        const auto byTag = SloDefinition::fromJson(QJsonObject{{u"tag"_s, u"team=data"_s},
                                                               {u"sli"_s, u"p95_duration"_s},
                                                               {u"objective"_s, 0.95},
                                                               {u"thresholdSeconds"_s, 120}},
                                                   &error);
        QVERIFY2(byTag, qPrintable(error));
        QCOMPARE(byTag->tagKey, u"team"_s);
        QCOMPARE(byTag->tagValue, u"data"_s);
        // Round trip through the API's JSON.
        QCOMPARE(*SloDefinition::fromJson(byTag->toJson(), &error), *byTag);

        struct Bad
        {
            QJsonObject body;
            QString mentions;
        };
        const QList<Bad> bad = {
            {QJsonObject{{u"objective"_s, 0.99}}, u"exactly one of job"_s},
            {QJsonObject{{u"job"_s, u"a"_s}, {u"tag"_s, u"k=v"_s}, {u"objective"_s, 0.99}}, u"exactly one of job"_s},
            {QJsonObject{{u"job"_s, u"a"_s}, {u"objective"_s, 1.0}}, u"objective"_s},
            {QJsonObject{{u"job"_s, u"a"_s}, {u"objective"_s, u"99%"_s}}, u"objective"_s},
            {QJsonObject{{u"job"_s, u"a"_s}, {u"objective"_s, 0.9}, {u"sli"_s, u"latency"_s}}, u"sli"_s},
            {QJsonObject{{u"job"_s, u"a"_s}, {u"objective"_s, 0.9}, {u"window"_s, u"thirty days"_s}}, u"window"_s},
            {QJsonObject{{u"job"_s, u"a"_s}, {u"objective"_s, 0.9}, {u"window"_s, u"365d"_s}}, u"window"_s},
            {QJsonObject{{u"job"_s, u"a"_s}, {u"objective"_s, 0.9}, {u"sli"_s, u"freshness"_s}}, u"thresholdSeconds"_s},
            {QJsonObject{{u"tag"_s, u"team"_s}, {u"objective"_s, 0.9}}, u"key and a value"_s},
        };
        for (const Bad &b : bad) {
            error.clear();
            QVERIFY2(!SloDefinition::fromJson(b.body, &error), qPrintable(b.mentions));
            QVERIFY2(error.contains(b.mentions), qPrintable(error));
        }
    }

    void aPipelineFailingNowPagesWithOneIncident()
    {
        // A day of hourly successes, then the last three runs (within 5 minutes) failed: 3 bad of 27 runs.
        QList<SloRun> runs;
        for (int h = 24; h >= 1; --h)
            runs.append(run(u"export_report"_s, h * 60, JobState::Completed));
        for (int m : {4, 2, 1})
            runs.append(run(u"export_report"_s, m, JobState::Failed));
        runs.last().stateReason = u"PermissionError: [Errno 13] Permission denied"_s;
        runs.append(run(u"etl_groupby"_s, 3, JobState::Completed)); // another pipeline: not counted
        const SloDefinition s = slo(QJsonObject{{u"job"_s, u"export_report"_s}, {u"objective"_s, 0.99}});
        const SloStatus st = evaluateSlo(s, runs, kNow);
        // 1 h: the 3 failures and the success 60 min ago is outside (window (now-1h, now]): 3/3 = 100%, 100x.
        QCOMPARE(*st.burn(u"1h"_s), 100.0);
        QCOMPARE(*st.burn(u"5m"_s), 100.0);
        // 6 h: 3 bad of 3 + 5 successes (5 h .. 1 h ago): 3/8 / 1% = 37.5x.
        QCOMPARE(*st.burn(u"6h"_s), 37.5);
        QCOMPARE(st.alert, u"page"_s);
        QCOMPARE(st.alertRule, u"page-1h"_s);
        QCOMPARE(st.events, qint64(27));
        QCOMPARE(st.badEvents, qint64(3));
        QVERIFY(qAbs(*st.sli - 24.0 / 27) < 1e-12);
        // Budget: 3/27 bad over a 1% budget: spent 11x over.
        QVERIFY(qAbs(st.budgetRemaining - (1 - (3.0 / 27) / 0.01)) < 1e-9);
        QCOMPARE(st.badRuns.size(), 3);
        QCOMPARE(st.badRuns.first().endMs, kNow - kMinute); // newest first

        const auto incident = sloIncident(st);
        QVERIFY(incident);
        QVERIFY(incident->type == IncidentType::SloBurn);
        QCOMPARE(incident->subject, u"slo-test"_s);
        QCOMPARE(incident->clusterId, u"c-1"_s);
        QCOMPARE(toString(incident->severity), toString(Severity::Critical)); // page with the budget spent
        QCOMPARE(incident->runbook, u"slo_burn"_s);
        QVERIFY(incident->summary.contains(u"page"_s));
        QCOMPARE(incident->evidence.size(), 2);
        QCOMPARE(incident->evidence[1].lines.size(), 3);
        QVERIFY(incident->evidence[1].lines.first().contains(u"Permission denied"_s));
    }

    void aHealthyPipelineDoesNotFire()
    {
        QList<SloRun> runs;
        for (int h = 72; h >= 0; --h)
            runs.append(run(u"etl_groupby"_s, h * 60 + 1, JobState::Completed));
        runs.append(run(u"etl_groupby"_s, 30 * 60, JobState::Cancelled)); // someone's choice: not counted
        const SloStatus st = evaluateSlo(slo(QJsonObject{{u"job"_s, u"etl_groupby"_s}, {u"objective"_s, 0.99}}), runs, kNow);
        QCOMPARE(st.alert, u"none"_s);
        QCOMPARE(*st.sli, 1.0);
        QCOMPARE(st.budgetRemaining, 1.0);
        QCOMPARE(*st.burn(u"1h"_s), 0.0);
        QCOMPARE(*st.burn(u"5m"_s), 0.0); // the run a minute ago
        // An SLO with no runs at all has no rate anywhere (not a zero) and its whole budget.
        const SloStatus none = evaluateSlo(slo(QJsonObject{{u"job"_s, u"never_ran"_s}, {u"objective"_s, 0.99}}), runs, kNow);
        QVERIFY(!none.sli);
        QVERIFY(!none.burn(u"1h"_s) && !none.burn(u"3d"_s));
        QCOMPARE(none.budgetRemaining, 1.0);
        QCOMPARE(none.alert, u"none"_s);
        QVERIFY(!sloIncident(st));
    }

    void anOldOutageOpensATicketNotAPage()
    {
        // Hourly runs for 3 days; 4 of them failed between 10 and 13 hours ago, and one failed in the last
        // two hours. 1 d: 5 bad of 24 = 20.8%: 20.8x >= 3; 2 h: 1 bad of 2 = 50x >= 3: ticket-1d. Pages:
        // 1 h holds only a success (0x); 6 h: 1 bad of 6 = 16.7x but 30 min holds no run: no page.
        QList<SloRun> runs;
        for (int h = 72; h >= 1; --h) {
            const bool bad = (h >= 10 && h <= 13) || h == 2;
            runs.append(run(u"nightly"_s, h * 60 - 1, bad ? JobState::Failed : JobState::Completed));
        }
        const SloStatus st = evaluateSlo(slo(QJsonObject{{u"job"_s, u"nightly"_s}, {u"objective"_s, 0.99}}), runs, kNow);
        QCOMPARE(st.alert, u"ticket"_s);
        QCOMPARE(st.alertRule, u"ticket-1d"_s);
        QVERIFY(!st.burn(u"30m"_s));
        const auto incident = sloIncident(st);
        QVERIFY(incident);
        QCOMPARE(toString(incident->severity), toString(Severity::Moderate));
    }

    void p95DurationCountsSlowRunsAsBad()
    {
        // Twenty successful runs in the last 20 minutes, the last 5 slower than the 60 s threshold.
        QList<SloRun> runs;
        for (int m = 20; m >= 1; --m)
            runs.append(run(u"report"_s, m, JobState::Completed, m <= 5 ? 90.0 + m : 30.0));
        runs.append(run(u"report"_s, 1, JobState::Failed, 500)); // a failure says nothing about speed
        const SloStatus st = evaluateSlo(slo(QJsonObject{{u"job"_s, u"report"_s},
                                                         {u"sli"_s, u"p95_duration"_s},
                                                         {u"objective"_s, 0.9},
                                                         {u"thresholdSeconds"_s, 60}}),
                                         runs, kNow);
        QCOMPARE(st.events, qint64(20));
        QCOMPARE(st.badEvents, qint64(5));
        // Durations sorted: 15 x 30, then 91..95; p95 at rank 0.95 * 19 = 18.05: 94 + 0.05 * 1.
        QVERIFY(qAbs(*st.sli - 94.05) < 1e-9);
        // 5 min: runs 4..1 minutes ago (5 min ago is outside), all slow: 100% / 10% = 10x; 1 h: 25% / 10% = 2.5x.
        QCOMPARE(*st.burn(u"5m"_s), 10.0);
        QCOMPARE(*st.burn(u"1h"_s), 2.5);
        // 14.4x not reached over 1 h; 6 h 2.5x < 6; 1 d 2.5 < 3; 3 d 2.5 >= 1 and 6 h 2.5 >= 1: ticket-3d.
        QCOMPARE(st.alert, u"ticket"_s);
        QCOMPARE(st.alertRule, u"ticket-3d"_s);
        QCOMPARE(st.badRuns.size(), 5);
    }

    void failedTaskRateWeighsTasks()
    {
        QList<SloRun> runs;
        SloRun a = run(u"etl"_s, 10, JobState::Completed);
        a.tasksTotal = 1000;
        a.tasksFailed = 0;
        SloRun b = run(u"etl"_s, 2, JobState::Failed);
        b.tasksTotal = 1000;
        b.tasksFailed = 30;
        SloRun unknown = run(u"etl"_s, 1, JobState::Completed); // no task graph: no events
        runs << a << b << unknown;
        const SloStatus st = evaluateSlo(
            slo(QJsonObject{{u"job"_s, u"etl"_s}, {u"sli"_s, u"failed_task_rate"_s}, {u"objective"_s, 0.999}}), runs, kNow);
        QCOMPARE(st.events, qint64(2000));
        QCOMPARE(st.badEvents, qint64(30));
        QVERIFY(qAbs(*st.sli - 1970.0 / 2000) < 1e-12);
        // 5 min: run b only: 3% / 0.1% = 30x; 1 h: 1.5% / 0.1% = 15x >= 14.4: page.
        QVERIFY(qAbs(*st.burn(u"5m"_s) - 30.0) < 1e-9);
        QVERIFY(qAbs(*st.burn(u"1h"_s) - 15.0) < 1e-9);
        QCOMPARE(st.alert, u"page"_s);
    }

    void freshnessCountsStaleMinutes()
    {
        // Successes every hour until 3 h ago, then only failures: with a 90 min threshold the data went stale
        // 90 min after the last success, i.e. 90 minutes ago.
        QList<SloRun> runs;
        for (int h = 30; h >= 3; --h)
            runs.append(run(u"ingest"_s, h * 60, JobState::Completed));
        runs.append(run(u"ingest"_s, 60, JobState::Failed));
        const SloDefinition s = slo(QJsonObject{{u"job"_s, u"ingest"_s},
                                                {u"sli"_s, u"freshness"_s},
                                                {u"objective"_s, 0.99},
                                                {u"thresholdSeconds"_s, 90 * 60}});
        const SloStatus st = evaluateSlo(s, runs, kNow);
        QCOMPARE(*st.sli, 3.0 * 3600); // the last success is 3 h old
        // 1 h: every minute stale: 100x; 5 min too. Page.
        QCOMPARE(*st.burn(u"1h"_s), 100.0);
        QCOMPARE(st.alert, u"page"_s);
        // The minutes before the first success are not counted; from it on, one a minute.
        const QList<SliEvent> events = sliEvents(s, runs, kNow);
        QCOMPARE(events.size(), 30 * 60 + 1);
        qint64 stale = 0;
        for (const SliEvent &e : events)
            stale += !e.good;
        QCOMPARE(stale, qint64(90)); // minutes 89 .. 0 before now
        // A success 40 min ago: fresh again for 40 minutes, so both page rules' short windows (5 and 30 min)
        // are clean and the page stops; the day still holds 49 stale minutes of 1440 (3.4x >= 3, and 49 of
        // 120 over 2 h): a ticket stays for the budget it burnt.
        runs.append(run(u"ingest"_s, 40, JobState::Completed));
        const SloStatus after = evaluateSlo(s, runs, kNow);
        QCOMPARE(after.alert, u"ticket"_s);
        QCOMPARE(after.alertRule, u"ticket-1d"_s);
    }

    void tagSlosSpanClustersAndGroupIntoOneIncident()
    {
        // Fifty failed runs of different jobs on two clusters tagged team=data, one on an untagged cluster.
        QList<SloRun> runs;
        for (int i = 0; i < 50; ++i) {
            SloRun r = run(u"job%1"_s.arg(i), i % 5, JobState::Failed, 10, i % 2 ? u"c-a"_s : u"c-b"_s);
            r.clusterTags.insert(u"team"_s, u"data"_s);
            runs.append(r);
        }
        runs.append(run(u"job0"_s, 0, JobState::Completed, 10, u"c-other"_s));
        const SloStatus st = evaluateSlo(slo(QJsonObject{{u"tag"_s, u"team=data"_s}, {u"objective"_s, 0.99}}), runs, kNow);
        QCOMPARE(st.events, qint64(50));
        QCOMPARE(st.alert, u"page"_s);
        const auto incident = sloIncident(st);
        QVERIFY(incident); // one incident for the fifty failures
        QCOMPARE(incident->subject, u"slo-test"_s);
        QVERIFY(incident->clusterId == u"c-a"_s || incident->clusterId == u"c-b"_s);
    }

    void statusRoundTripsThroughJson()
    {
        QList<SloRun> runs{run(u"x"_s, 1, JobState::Failed), run(u"x"_s, 30, JobState::Completed)};
        const SloDefinition s = slo(QJsonObject{{u"job"_s, u"x"_s}, {u"objective"_s, 0.99}});
        const SloStatus st = evaluateSlo(s, runs, kNow);
        QJsonObject o = s.toJson();
        o.insert(u"status"_s, st.toJson());
        const SloStatus back = SloStatus::fromJson(o);
        QCOMPARE(back.slo, s);
        QCOMPARE(back.alert, st.alert);
        QCOMPARE(back.budgetRemaining, st.budgetRemaining);
        QCOMPARE(back.burns.size(), st.burns.size());
        for (qsizetype i = 0; i < st.burns.size(); ++i) {
            QCOMPARE(back.burns[i].window, st.burns[i].window);
            QCOMPARE(back.burns[i].rate.has_value(), st.burns[i].rate.has_value());
        }
        QCOMPARE(back.badRuns.size(), 1);
        QCOMPARE(st.toJson().value(u"burnRates"_s).toObject().value(u"3d"_s).toDouble(), 50.0);
    }
};

QTEST_GUILESS_MAIN(TstSlo)
#include "tst_slo.moc"
