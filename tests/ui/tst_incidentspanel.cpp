// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The Incidents tab offscreen: order, selection, runbook beside the incident, and which guarded action
// each incident offers with what it will change.
#include "core/triage/incident.h"
#include "ui/panels/incidentspanel.h"
#include "ui/widgets/timechart.h"

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
        QVERIFY2(scale.change.contains(u"→ 3 requested"_s), qPrintable(scale.change));
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
        QVERIFY(IncidentsPanel::actor().startsWith(u"console:"_s));
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
};

QTEST_MAIN(TstIncidentsPanel)
#include "tst_incidentspanel.moc"
