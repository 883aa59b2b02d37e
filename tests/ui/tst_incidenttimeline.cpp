// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The incident timeline offscreen: one lane per layer on one time axis, bars for spans, hover words,
// and a click on an incident selecting it in the Incidents tab.
#include "core/triage/timeline.h"
#include "ui/panels/incidentspanel.h"
#include "ui/widgets/incidenttimeline.h"

#include <QEnterEvent>
#include <QImage>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::triage;

namespace {

const QDateTime kT0 = QDateTime::fromString(u"2026-11-24T10:00:00.000Z"_s, Qt::ISODateWithMs);

TimelineEntry entry(int seconds, TimelineLayer layer, const QString &kind, const QString &text, const QJsonObject &ids,
                    const QString &severity = {})
{
    QJsonObject all = ids;
    all.insert(u"clusterId"_s, u"c-1"_s);
    return TimelineEntry{kT0.addSecs(seconds), layer, kind, text, all, severity};
}

// What GET /timeline gives after a worker was killed under a job: in time order, as buildTimeline sorts.
Timeline aKill()
{
    return {entry(0, TimelineLayer::Cluster, u"state_change"_s, u"STARTING: launch"_s, {}),
            entry(2, TimelineLayer::Executor, u"executor_added"_s, u"w1 added"_s, {{u"executorId"_s, u"w1"_s}}),
            entry(2, TimelineLayer::Executor, u"executor_added"_s, u"w2 added"_s, {{u"executorId"_s, u"w2"_s}}),
            entry(5, TimelineLayer::Cluster, u"state_change"_s, u"STARTING → WAITING"_s, {}),
            entry(10, TimelineLayer::Job, u"job_started"_s, u"etl_groupby (job-1) started"_s, {{u"jobId"_s, u"job-1"_s}}),
            entry(11, TimelineLayer::Stage, u"stage_started"_s, u"job-1: stage read started"_s,
                  {{u"jobId"_s, u"job-1"_s}, {u"stageId"_s, u"read"_s}}),
            entry(14, TimelineLayer::Stage, u"stage_started"_s, u"job-1: stage agg started"_s,
                  {{u"jobId"_s, u"job-1"_s}, {u"stageId"_s, u"agg"_s}}),
            entry(20, TimelineLayer::Executor, u"executor_lost"_s, u"w2 lost: killed by fault injection"_s,
                  {{u"executorId"_s, u"w2"_s}}),
            entry(21, TimelineLayer::Incident, u"incident_started"_s, u"[SEVERE] executor_lost: w2 lost mid-job"_s,
                  {{u"incidentId"_s, u"inc-lost"_s}}, u"SEVERE"_s),
            entry(25, TimelineLayer::Stage, u"stage_ended"_s, u"job-1: stage read completed"_s,
                  {{u"jobId"_s, u"job-1"_s}, {u"stageId"_s, u"read"_s}}),
            entry(40, TimelineLayer::Stage, u"stage_ended"_s, u"job-1: stage agg completed"_s,
                  {{u"jobId"_s, u"job-1"_s}, {u"stageId"_s, u"agg"_s}}),
            entry(41, TimelineLayer::Job, u"job_ended"_s, u"etl_groupby (job-1) ended COMPLETED"_s, {{u"jobId"_s, u"job-1"_s}}),
            entry(41, TimelineLayer::Incident, u"incident_ended"_s, u"[SEVERE] executor_lost ended"_s,
                  {{u"incidentId"_s, u"inc-lost"_s}}, u"SEVERE"_s),
            entry(50, TimelineLayer::Scaling, u"scale_out"_s, u"scale_out 1 → 2 workers"_s, {}),
            entry(50, TimelineLayer::Action, u"scale"_s, u"scale by console:alice: 1 → 2"_s,
                  {{u"auditSeq"_s, 1}, {u"incidentId"_s, u"inc-lost"_s}}),
            entry(55, TimelineLayer::Incident, u"incident_started"_s, u"[LOW] idle_cluster: idle"_s,
                  {{u"incidentId"_s, u"inc-idle"_s}}, u"LOW"_s)};
}

Incident incident(const QString &id, IncidentType type, Severity severity, int startS, int endS)
{
    Incident i;
    i.id = id;
    i.clusterId = u"c-1"_s;
    i.type = type;
    i.severity = severity;
    i.start = kT0.addSecs(startS);
    if (endS >= 0)
        i.end = kT0.addSecs(endS);
    i.summary = id;
    i.runbook = toString(type);
    return i;
}

QPoint middleOf(const IncidentTimeline &view, TimelineLayer layer, int seconds, int rowOffset = 0)
{
    return QPoint(view.xOf(kT0.addSecs(seconds).toMSecsSinceEpoch()), view.laneRect(layer).center().y() + rowOffset);
}

} // namespace

class TstIncidentTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lanesShareOneTimeAxis()
    {
        IncidentTimeline view;
        view.resize(900, view.sizeHint().height());
        view.setTimeline(aKill(), kT0.addSecs(60));
        QCOMPARE(view.fromMs(), kT0.toMSecsSinceEpoch());
        QCOMPARE(view.toMs(), kT0.addSecs(60).toMSecsSinceEpoch()); // "now" is the right edge
        // Lanes top to bottom in the layer order, all as wide as the plot.
        for (int l = 1; l <= int(TimelineLayer::Action); ++l) {
            QVERIFY(view.laneRect(TimelineLayer(l)).top() >= view.laneRect(TimelineLayer(l - 1)).bottom());
            QCOMPARE(view.laneRect(TimelineLayer(l)).left(), view.laneRect(TimelineLayer::Cluster).left());
        }
        // Time runs left to right, linearly.
        const int x0 = view.xOf(kT0.toMSecsSinceEpoch());
        const int x30 = view.xOf(kT0.addSecs(30).toMSecsSinceEpoch());
        const int x60 = view.xOf(kT0.addSecs(60).toMSecsSinceEpoch());
        QVERIFY(x0 < x30 && x30 < x60);
        QVERIFY(qAbs((x30 - x0) - (x60 - x30)) <= 1);
        // Spans are bars: two executors' lives, one job, two stages, two incidents (one still open).
        QCOMPARE(view.spanCount(TimelineLayer::Executor), 2);
        QCOMPARE(view.spanCount(TimelineLayer::Job), 1);
        QCOMPARE(view.spanCount(TimelineLayer::Stage), 2);
        QCOMPARE(view.spanCount(TimelineLayer::Incident), 2);
        QCOMPARE(view.spanCount(TimelineLayer::Cluster), 0); // state changes are marks
    }

    void hoverShowsTheEntry()
    {
        IncidentTimeline view;
        view.resize(900, view.sizeHint().height());
        view.setTimeline(aKill(), kT0.addSecs(60));
        // A mark: the scale-up action.
        auto hit = view.hitAt(middleOf(view, TimelineLayer::Action, 50));
        QVERIFY(hit);
        QVERIFY2(hit->text.contains(u"scale by console:alice"_s), qPrintable(hit->text));
        QCOMPARE(hit->incidentId, u"inc-lost"_s);
        // A bar: the job, with its start and end and how long it ran.
        hit = view.hitAt(middleOf(view, TimelineLayer::Job, 30));
        QVERIFY(hit);
        QVERIFY2(hit->text.contains(u"started"_s) && hit->text.contains(u"COMPLETED"_s), qPrintable(hit->text));
        QVERIFY2(hit->text.contains(u"31.0 s"_s) || hit->text.contains(u"31 s"_s), qPrintable(hit->text));
        // The open incident runs to now and says so.
        hit = view.hitAt(middleOf(view, TimelineLayer::Incident, 58));
        QVERIFY(hit);
        QCOMPARE(hit->incidentId, u"inc-idle"_s);
        QVERIFY2(hit->text.contains(u"still going"_s), qPrintable(hit->text));
        // Empty space is nothing; a lane with no entries there is nothing.
        QVERIFY(!view.hitAt(middleOf(view, TimelineLayer::Job, 47)));
        QVERIFY(!view.hitAt(QPoint(2, 2)));
    }

    void paintsSomethingInEachBusyLane()
    {
        IncidentTimeline view;
        view.resize(900, view.sizeHint().height());
        view.setTimeline(aKill(), kT0.addSecs(60));
        const QImage image = view.grab().toImage();
        // The incident bar at 30 s (inc-lost, SEVERE) is painted in a red, not the background.
        const QPoint p = middleOf(view, TimelineLayer::Incident, 30);
        const QColor c = image.pixelColor(p);
        QVERIFY2(c.red() > c.green() + 40 && c.red() > c.blue() + 40, qPrintable(c.name()));
        // Nothing happened on the jobs lane at 47 s: the lane's background there (odd lanes are shaded).
        QCOMPARE(image.pixelColor(middleOf(view, TimelineLayer::Job, 47)), view.palette().color(QPalette::AlternateBase));
    }

    void clickingAnIncidentSelectsItInTheIncidentsTab()
    {
        IncidentsPanel panel;
        panel.resize(1000, 800);
        panel.setIncidents({incident(u"inc-idle"_s, IncidentType::IdleCluster, Severity::Low, 55, -1),
                            incident(u"inc-lost"_s, IncidentType::ExecutorLost, Severity::Severe, 21, 41)});
        panel.setTimeline(aKill(), kT0.addSecs(60));
        QCOMPARE(panel.selectedIncidentId(), u"inc-idle"_s); // the open one first
        IncidentTimeline *view = panel.timelineView();
        QVERIFY(view);
        QSignalSpy activated(view, &IncidentTimeline::incidentActivated);
        // Click the ended executor_lost incident's bar: it is selected in the list.
        const QPoint onLost = middleOf(*view, TimelineLayer::Incident, 30);
        QVERIFY(view->hitAt(onLost));
        QTest::mouseClick(view, Qt::LeftButton, {}, onLost);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), u"inc-lost"_s);
        QCOMPARE(panel.selectedIncidentId(), u"inc-lost"_s);
        // A click on something that is not an incident changes nothing.
        QTest::mouseClick(view, Qt::LeftButton, {}, middleOf(*view, TimelineLayer::Job, 30));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(panel.selectedIncidentId(), u"inc-lost"_s);
        // clear() empties the timeline with the rest.
        panel.clear();
        QVERIFY(view->timeline().isEmpty());
        QVERIFY(!view->hitAt(onLost));
    }

    // The timeline kept rescaling to "now": markers moved from under the pointer. Hovered, it holds; the
    // wheel zooms, a drag pans, and a double-click makes it follow now again.
    void holdsStillWhileHoveredZoomsAndPans()
    {
        IncidentTimeline view;
        view.resize(900, view.sizeHint().height());
        view.setTimeline(aKill(), kT0.addSecs(60));
        const qint64 from = view.fromMs(), to = view.toMs();
        QCOMPARE(to, kT0.addSecs(60).toMSecsSinceEpoch());
        const QPoint onLost = middleOf(view, TimelineLayer::Incident, 30);
        QEnterEvent enter(onLost, onLost, view.mapToGlobal(onLost));
        QCoreApplication::sendEvent(&view, &enter);
        Timeline later = aKill();
        later.append(entry(70, TimelineLayer::Job, u"job_started"_s, u"x (job-2) started"_s, {{u"jobId"_s, u"job-2"_s}}));
        view.setTimeline(later, kT0.addSecs(90));
        QVERIFY(view.isPaused());
        QCOMPARE(view.fromMs(), from);
        QCOMPARE(view.toMs(), to);
        QCOMPARE(view.timeline().size(), aKill().size());
        QCOMPARE(view.hitAt(onLost)->incidentId, u"inc-lost"_s); // still under the pointer
        QEvent leave(QEvent::Leave);
        QCoreApplication::sendEvent(&view, &leave);
        QVERIFY(!view.isPaused());
        QCOMPARE(view.timeline().size(), later.size());
        QCOMPARE(view.toMs(), kT0.addSecs(90).toMSecsSinceEpoch());

        // The wheel zooms in around the pointer: the time under it stays under it.
        const QPoint at = middleOf(view, TimelineLayer::Incident, 30);
        QWheelEvent wheel(at, view.mapToGlobal(at), {}, QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&view, &wheel);
        QVERIFY(!view.followsNow());
        const qint64 span = view.toMs() - view.fromMs();
        QVERIFY2(span < 90000 * 0.7, qPrintable(QString::number(span)));
        QVERIFY(std::abs(view.xOf(kT0.addSecs(30).toMSecsSinceEpoch()) - at.x()) <= 2);
        // New data does not move a zoomed view.
        const qint64 zoomedFrom = view.fromMs();
        view.setTimeline(later, kT0.addSecs(120));
        QCOMPARE(view.fromMs(), zoomedFrom);
        // A drag to the right shows earlier times; it is a pan, not a click.
        QSignalSpy activated(&view, &IncidentTimeline::incidentActivated);
        QTest::mousePress(&view, Qt::LeftButton, {}, at);
        QMouseEvent move(QEvent::MouseMove, at + QPoint(100, 0), view.mapToGlobal(at + QPoint(100, 0)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &move);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, at + QPoint(100, 0));
        QVERIFY(view.fromMs() < zoomedFrom);
        QCOMPARE(view.toMs() - view.fromMs(), span);
        QCOMPARE(activated.count(), 0);
        // A double-click follows now again.
        QTest::mouseDClick(&view, Qt::LeftButton, {}, middleOf(view, TimelineLayer::Cluster, 30));
        QVERIFY(view.followsNow());
        QCOMPARE(view.toMs(), kT0.addSecs(120).toMSecsSinceEpoch());
    }

    void workerRestartsAreMarkedOnTheExecutorLane()
    {
        Timeline t = aKill();
        t.insert(7, entry(15, TimelineLayer::Executor, u"worker_restarted"_s, u"worker_restarted (w1): its nanny restarted it"_s,
                          {{u"executorId"_s, u"w1"_s}, {u"eventSeq"_s, 9}}));
        IncidentTimeline view;
        view.resize(900, view.sizeHint().height());
        view.setTimeline(t, kT0.addSecs(60));
        QCOMPARE(view.markCount(TimelineLayer::Executor, u"worker_restarted"_s), 1);
        const auto hit = view.hitAt(QPoint(view.xOf(kT0.addSecs(15).toMSecsSinceEpoch()), view.laneRect(TimelineLayer::Executor).center().y()));
        QVERIFY(hit);
        QVERIFY2(hit->text.contains(u"restarted"_s), qPrintable(hit->text));
        // The runtime's timeline puts the event on that lane.
        TimelineSources sources;
        sources.clusterId = u"c-1"_s;
        ClusterEvent restarted;
        restarted.type = QLatin1StringView(ClusterEvent::kWorkerRestarted);
        restarted.time = kT0.addSecs(15);
        restarted.executorId = u"w1"_s;
        sources.events = {restarted};
        const Timeline built = buildTimeline(sources, std::nullopt, std::nullopt);
        QCOMPARE(built.size(), 1);
        QVERIFY(built.first().layer == TimelineLayer::Executor);
    }
};

QTEST_MAIN(TstIncidentTimeline)
#include "tst_incidenttimeline.moc"
