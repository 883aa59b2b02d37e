// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The Incidents tab offscreen: order, selection, runbook beside the incident, and which guarded action
// each incident offers with what it will change.
#include "core/triage/incident.h"
#include "ui/panels/incidentspanel.h"
#include "ui/widgets/timechart.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

#include <tuple>
#include <QComboBox>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::triage;

namespace {

Incident incident(const QString &id, IncidentType type, Severity severity, const QString &subject, bool open,
                  qint64 startOffsetS)
{
    Incident i;
    i.id = id;
    i.clusterId = u"c-1"_s;
    i.type = type;
    i.severity = severity;
    i.subject = subject;
    i.start = QDateTime::currentDateTimeUtc().addSecs(-startOffsetS);
    if (!open)
        i.end = i.start.addSecs(30);
    i.summary = u"summary of "_s + id;
    i.runbook = toString(type);
    Evidence e;
    e.kind = Evidence::Log;
    e.title = u"The job's own words"_s;
    e.source = u"job job-9"_s;
    e.lines = {u"PermissionError: [Errno 13] Permission denied: '/data/report.csv'"_s};
    i.evidence = {e};
    return i;
}

ClusterInfo cluster(ClusterState state)
{
    ClusterInfo c;
    c.id = u"c-1"_s;
    c.spec.name = u"nightly"_s;
    c.spec.workers = 2;
    c.spec.instanceType = u"local.small"_s;
    c.runningWorkers = 1;
    c.state = state;
    return c;
}

} // namespace

class TstIncidentsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void worstOpenIncidentIsSelectedWithItsRunbookAsked()
    {
        IncidentsPanel panel;
        panel.setCluster(cluster(ClusterState::Running));
        QSignalSpy wanted(&panel, &IncidentsPanel::runbookWanted);
        panel.setIncidents({incident(u"a"_s, IncidentType::ShuffleSkew, Severity::Moderate, u"job-1"_s, true, 100),
                            incident(u"b"_s, IncidentType::ExecutorLost, Severity::Critical, u"w2"_s, false, 50),
                            incident(u"c"_s, IncidentType::PermissionDenied, Severity::Severe, u"job-9"_s, true, 10)});
        QVERIFY(panel.hasData());
        QCOMPARE(panel.openCount(), 2);
        // Open ones first, worst first: the open SEVERE, not the ended CRITICAL.
        QCOMPARE(panel.selectedIncidentId(), u"c"_s);
        auto *table = panel.findChild<QTableWidget *>();
        QCOMPARE(table->item(0, 0)->text(), u"SEVERE"_s);
        QCOMPARE(table->item(1, 0)->text(), u"MODERATE"_s);
        QCOMPARE(table->item(2, 0)->text(), u"CRITICAL"_s);
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(wanted.first().first().toString(), u"permission_denied"_s);
        panel.setRunbook(u"permission_denied"_s, u"Permission denied"_s, u"# Permission denied\n\n## Symptom\nx\n"_s);
        QCOMPARE(panel.runbookShown(), u"permission_denied"_s);
        // The evidence shows the job's own words.
        const QList<QTextBrowser *> browsers = panel.findChildren<QTextBrowser *>();
        QVERIFY(std::any_of(browsers.cbegin(), browsers.cend(),
                            [](QTextBrowser *b) { return b->toPlainText().contains(u"Errno 13"_s); }));
        // A refresh keeps the user's selection.
        QVERIFY(panel.selectIncident(u"a"_s));
        panel.setIncidents({incident(u"a"_s, IncidentType::ShuffleSkew, Severity::Moderate, u"job-1"_s, true, 100),
                            incident(u"c"_s, IncidentType::PermissionDenied, Severity::Severe, u"job-9"_s, true, 10)});
        QCOMPARE(panel.selectedIncidentId(), u"a"_s);
    }

    void eachIncidentOffersTheActionsThatAnswerIt()
    {
        IncidentsPanel panel;
        panel.setCluster(cluster(ClusterState::Running));
        panel.setIncidents({incident(u"oom"_s, IncidentType::ExecutorOom, Severity::Severe, u"w1"_s, true, 10),
                            incident(u"f5"_s, IncidentType::PermissionDenied, Severity::Moderate, u"job-9"_s, true, 20),
                            incident(u"idle"_s, IncidentType::IdleCluster, Severity::Low, QString(), true, 30)});
        QVERIFY(panel.selectIncident(u"oom"_s));
        IncidentsPanel::ActionPlan scale = panel.plan(u"scale"_s);
        QVERIFY(scale.possible);
        QCOMPARE(scale.body.value(u"workers"_s).toInt(), 3); // one more than the 2 requested
        QCOMPARE(scale.body.value(u"incidentId"_s).toString(), u"oom"_s);
        // 1 of 2 running (no executor list yet): 3 requested starts the missing one and one more.
        QCOMPARE(scale.starts, 2);
        QVERIFY2(scale.change.startsWith(u"Starts 2 new worker(s) (local.small): 1 worker(s) now → 3 worker(s)"_s),
                 qPrintable(scale.change));
        QVERIFY2(scale.change.contains(u"meter has not been received"_s), qPrintable(scale.change));
        QVERIFY(!panel.plan(u"cancel-job"_s).possible); // about an executor, not a job
        QVERIFY(!panel.plan(u"terminate"_s).possible); // not idle

        QVERIFY(panel.selectIncident(u"f5"_s));
        const IncidentsPanel::ActionPlan cancel = panel.plan(u"cancel-job"_s);
        QVERIFY(cancel.possible);
        QCOMPARE(cancel.body.value(u"jobId"_s).toString(), u"job-9"_s);
        QVERIFY(!panel.plan(u"scale"_s).possible);

        QVERIFY(panel.selectIncident(u"idle"_s));
        QVERIFY(panel.plan(u"terminate"_s).possible);
        // Termination protection or a cluster already ending makes it impossible, with the reason.
        ClusterInfo protectedCluster = cluster(ClusterState::Waiting);
        protectedCluster.spec.terminationProtection = true;
        panel.setCluster(protectedCluster);
        const IncidentsPanel::ActionPlan refused = panel.plan(u"terminate"_s);
        QVERIFY(!refused.possible);
        QVERIFY(refused.whyNot.contains(u"protection"_s));
        // What is sent names no actor: the runtime records the token's user.
        QVERIFY(!panel.plan(u"scale"_s).body.contains(u"actor"_s));
        QVERIFY(!refused.body.contains(u"actor"_s));
    }
    void evidenceSeriesAreChartedWithTheIncidentStartMarked()
    {
        // An OOM incident as the detector writes it: two memory series of w1 and a count series.
        Incident oom = incident(u"oom"_s, IncidentType::ExecutorOom, Severity::Severe, u"w1"_s, false, 600);
        const qint64 startMs = oom.start.toMSecsSinceEpoch();
        auto series = [&](const QString &title, const QString &name, const QString &executor) {
            Evidence e;
            e.kind = Evidence::Series;
            e.title = title;
            e.series = name;
            e.executor = executor;
            e.fromMs = startMs - 60000;
            e.toMs = startMs + 20000;
            return e;
        };
        oom.evidence = {series(u"w1 unmanaged memory"_s, u"memory_unmanaged_bytes"_s, u"w1"_s),
                        series(u"w1 managed memory"_s, u"memory_managed_bytes"_s, u"w1"_s),
                        series(u"Workers connected"_s, u"workers_connected"_s, QString()),
                        oom.evidence.first()};
        const QDateTime now = oom.end.addSecs(600);
        const auto q = IncidentsPanel::evidenceQuery(oom, now);
        QVERIFY(q);
        QCOMPARE(q->series, (QStringList{u"memory_unmanaged_bytes"_s, u"memory_managed_bytes"_s, u"workers_connected"_s}));
        QCOMPARE(q->executors, (QStringList{u"w1"_s, u"total"_s}));
        QVERIFY(q->fromMs < startMs - 60000); // a margin before the evidence
        QVERIFY(q->toMs > oom.end.toMSecsSinceEpoch()); // and after the incident's end
        QVERIFY(q->toMs <= now.toMSecsSinceEpoch());
        QVERIFY(!IncidentsPanel::evidenceQuery(incident(u"x"_s, IncidentType::PermissionDenied, Severity::Severe,
                                                        u"job-1"_s, true, 10),
                                               now)); // log evidence only: nothing to chart

        IncidentsPanel panel;
        panel.resize(1100, 800);
        panel.setCluster(cluster(ClusterState::Running));
        QSignalSpy wanted(&panel, &IncidentsPanel::evidenceWanted);
        panel.setIncidents({oom});
        QCOMPARE(wanted.count(), 1); // asked once for the selected incident
        QCOMPARE(wanted.first().at(0).toString(), u"oom"_s);
        panel.setIncidents({oom}); // the same incident polled again: not asked again
        QCOMPARE(wanted.count(), 1);
        // Bytes first (two lines), counts on the chooser's second entry.
        QCOMPARE(panel.evidenceGroups().size(), 2);
        QVERIFY(panel.evidenceGroups().first().contains(u"w1 unmanaged memory"_s));
        TimeChart *chart = panel.evidenceChart();
        QCOMPARE(chart->lines().size(), 2);
        QVERIFY(chart->lines().first().points.isEmpty()); // nothing has come yet
        // The answer: the engine's samples, one a second.
        QList<MetricSeriesData> answer;
        for (const auto &[name, executor, base] : {std::tuple{u"memory_unmanaged_bytes"_s, u"w1"_s, 9.0e8},
                                                   std::tuple{u"memory_managed_bytes"_s, u"w1"_s, 1.0e8},
                                                   std::tuple{u"workers_connected"_s, QString(), 2.0}}) {
            MetricSeriesData d;
            d.name = name;
            d.executor = executor;
            for (qint64 t = startMs - 60000; t <= startMs + 20000; t += 1000)
                d.points.append({t, base, base, base});
            answer.append(d);
        }
        panel.setEvidence(u"oom"_s, answer, {});
        QCOMPARE(chart->lines().size(), 2);
        QCOMPARE(chart->lines()[0].points.size(), 81);
        QCOMPARE(chart->lines()[0].points.first().y(), 9.0e8);
        QCOMPARE(chart->lines()[1].label, u"w1 managed memory"_s);
        QCOMPARE(chart->fromMs(), q->fromMs);
        // The incident's start (and end) are marked on the chart.
        QVERIFY(chart->markers().size() == 2);
        QCOMPARE(chart->markers().first().atMs, startMs);
        QVERIFY(chart->valuesAt(startMs).contains(u"w1 unmanaged memory"_s));
        // The chooser's second entry: the count series.
        panel.showEvidenceGroup(1);
        QCOMPARE(chart->lines().size(), 1);
        QCOMPARE(chart->lines().first().label, u"Workers connected"_s);
        QCOMPARE(chart->lines().first().points.first().y(), 2.0);
    }

    // The reported case: "2 running of 3 requested → 4 requested", no cost, and two workers started.
    void scaleUpSaysHowManyStartAndWhatTheyCost()
    {
        IncidentsPanel panel;
        ClusterInfo c = cluster(ClusterState::Running);
        c.spec.workers = 3;
        c.runningWorkers = 2;
        panel.setCluster(c);
        QList<Executor> executors;
        for (const auto &[id, status] : {std::pair{u"w1"_s, ExecutorStatus::Running}, std::pair{u"w2"_s, ExecutorStatus::Lost},
                                         std::pair{u"w3"_s, ExecutorStatus::Running}}) {
            Executor e;
            e.id = id;
            e.status = status;
            executors.append(e);
        }
        panel.setExecutors(executors);
        panel.setCostRates(0.72, 0.24, u"USD"_s); // the master and two workers at $0.24/h
        panel.setIncidents({incident(u"lost"_s, IncidentType::ExecutorLost, Severity::Severe, u"w2"_s, true, 30)});
        const IncidentsPanel::ActionPlan scale = panel.plan(u"scale"_s);
        QVERIFY(scale.possible);
        QCOMPARE(scale.body.value(u"workers"_s).toInt(), 4);
        QCOMPARE(scale.starts, 2);
        QCOMPARE(scale.ratePerHourBefore, 0.72);
        QCOMPARE(scale.ratePerHourAfter, 1.2);
        QCOMPARE(scale.change, u"Starts 2 new worker(s) (local.small): 2 worker(s) now → 4 worker(s) (3 requested, 1 missing: "
                               "they start too).\nCost: $0.720/h → $1.200/h (+$0.480/h), billed per second from when "
                               "they start."_s);
        // A worker still starting counts: the runtime starts new ones against every worker not gone.
        executors[1].status = ExecutorStatus::Starting;
        panel.setExecutors(executors);
        QCOMPARE(panel.plan(u"scale"_s).starts, 1);
        QCOMPARE(panel.plan(u"scale"_s).body.value(u"workers"_s).toInt(), 4);
    }

    // A CRITICAL incident arriving after a SEVERE one was selected automatically takes the selection; one
    // the user picked stays picked.
    void theWorstOpenIncidentIsSelectedUntilTheUserPicks()
    {
        IncidentsPanel panel;
        panel.resize(1100, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setCluster(cluster(ClusterState::Running));
        const Incident severe = incident(u"s"_s, IncidentType::ShuffleSkew, Severity::Severe, u"job-1"_s, true, 100);
        const Incident critical = incident(u"c"_s, IncidentType::ExecutorLost, Severity::Critical, u"w2"_s, true, 20);
        const Incident ended = incident(u"e"_s, IncidentType::ExecutorOom, Severity::Critical, u"w1"_s, false, 300);
        panel.setIncidents({severe, ended});
        QCOMPARE(panel.selectedIncidentId(), u"s"_s);
        panel.setIncidents({severe, critical, ended});
        QCOMPARE(panel.selectedIncidentId(), u"c"_s);
        // The user clicks the skew: refreshes keep it, even with a worse one on top.
        QTableWidget *table = panel.table();
        const QRect cell = table->visualItemRect(table->item(1, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(panel.selectedIncidentId(), u"s"_s);
        panel.setIncidents({severe, critical, ended});
        QCOMPARE(panel.selectedIncidentId(), u"s"_s);
        // The list has room for five rows at least.
        QVERIFY2(table->height() >= 5 * table->verticalHeader()->defaultSectionSize(), qPrintable(QString::number(table->height())));
        // "Since" and "Ended" give the clock time beside the relative one.
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(table->item(0, 3)->text(), IncidentsPanel::clockAndAge(critical.start, now));
        QVERIFY2(table->item(0, 3)->text().contains(critical.start.toLocalTime().toString(u"HH:mm:ss"_s)),
                 qPrintable(table->item(0, 3)->text()));
        QVERIFY2(table->item(0, 3)->text().endsWith(u"ago)"_s), qPrintable(table->item(0, 3)->text()));
        QVERIFY2(table->item(2, 4)->text().contains(ended.end.toLocalTime().toString(u"HH:mm:ss"_s)),
                 qPrintable(table->item(2, 4)->text()));
    }

    // The evidence pane refreshed every 2-3 s and jumped to the top; long log lines were cut off.
    void evidenceRefreshKeepsTheReadersPlaceAndWrapsLongLines()
    {
        Incident lost = incident(u"lost"_s, IncidentType::ExecutorLost, Severity::Severe, u"w2"_s, true, 60);
        QStringList lines;
        for (int n = 0; n < 120; ++n)
            lines.append(u"2026-12-07 14:03:%1 distributed.worker - WARNING - a long line that goes on and on "_s.arg(n % 60)
                         + QString(200, u'x'));
        lost.evidence.first().lines = lines;
        IncidentsPanel panel;
        panel.resize(1100, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setCluster(cluster(ClusterState::Running));
        panel.setIncidents({lost});
        QTextBrowser *pane = panel.evidenceView();
        QScrollBar *bar = pane->verticalScrollBar();
        QVERIFY(bar->maximum() > 200);
        bar->setValue(bar->maximum() - 50);
        const int reading = bar->value();
        // The poll brings the same incident, the cluster and its executors again: nothing moves.
        panel.setIncidents({lost});
        panel.setCluster(cluster(ClusterState::Running));
        panel.setExecutors({});
        QCOMPARE(bar->value(), reading);
        // New log lines arrive: the text changes, the place stays.
        lost.evidence.first().lines.append(u"one more line"_s);
        panel.setIncidents({lost});
        QVERIFY(pane->toPlainText().contains(u"one more line"_s));
        QCOMPARE(bar->value(), reading);
        // Lines wrap at the pane's edge: nothing to scroll sideways for.
        QCOMPARE(pane->horizontalScrollBar()->maximum(), 0);
    }

    // A skew in the job that lost an executor is read with the loss; a skew elsewhere is not.
    void incidentsWithACommonCauseAreLinked()
    {
        Incident lost = incident(u"lost"_s, IncidentType::ExecutorLost, Severity::Severe, u"w2"_s, false, 120);
        lost.evidence = {Evidence{}};
        lost.evidence.first().kind = Evidence::Event;
        lost.evidence.first().title = u"What was lost"_s;
        lost.evidence.first().lines = {u"w2 lost at x: killed"_s,
                                       u"job job-1 (etl_groupby) was running at the loss; now COMPLETED"_s};
        Incident skew = incident(u"skew"_s, IncidentType::ShuffleSkew, Severity::Moderate, u"job-1"_s, false, 150);
        skew.end = lost.start.addSecs(40); // started before the loss (its tasks did), ended after
        Incident other = incident(u"other"_s, IncidentType::ShuffleSkew, Severity::Moderate, u"job-2"_s, false, 150);
        Incident oom = incident(u"oom"_s, IncidentType::ExecutorOom, Severity::Severe, u"w2"_s, false, 180);
        Incident earlierSkew = incident(u"old"_s, IncidentType::ShuffleSkew, Severity::Moderate, u"job-1"_s, false, 900);
        const QList<triage::CommonCause> links = triage::commonCauses({lost, skew, other, oom, earlierSkew});
        QCOMPARE(links.size(), 2);
        IncidentsPanel panel;
        panel.setCluster(cluster(ClusterState::Running));
        panel.setIncidents({lost, skew, other, oom, earlierSkew});
        QCOMPARE(panel.causeOf(u"skew"_s), u"lost"_s);
        QCOMPARE(panel.causeOf(u"oom"_s), u"lost"_s);
        QVERIFY(panel.causeOf(u"other"_s).isEmpty());
        QVERIFY(panel.causeOf(u"old"_s).isEmpty()); // over before the loss
        QVERIFY(panel.selectIncident(u"skew"_s));
        QVERIFY2(panel.evidenceView()->toPlainText().contains(u"Probably the same cause as Executor lost w2: job-1 was running "
                                                              "when w2 was lost."_s),
                 qPrintable(panel.evidenceView()->toPlainText()));
        QVERIFY(panel.selectIncident(u"lost"_s));
        QVERIFY2(panel.evidenceView()->toPlainText().contains(u"Linked incidents with the same cause"_s),
                 qPrintable(panel.evidenceView()->toPlainText()));
        QVERIFY(panel.evidenceView()->toHtml().contains(u"incident:skew"_s));
    }
};

QTEST_MAIN(TstIncidentsPanel)
#include "tst_incidentspanel.moc"
