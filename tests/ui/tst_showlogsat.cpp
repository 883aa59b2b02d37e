// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// "Show logs at this time" (issue 17), offscreen: the Incidents tab's button and list menu, an entry of the
// incident timeline and a bar of the Timeline tab each name the log of what they are about and the moment;
// none is offered where a connection has no logs. (tst_logs_console_e2e opens the log at that line on a
// real runtime.)
#include "core/triage/timeline.h"
#include "ui/panels/incidentspanel.h"
#include "ui/panels/timelinepanel.h"
#include "ui/widgets/incidenttimeline.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::triage;

namespace {

const QDateTime kT0 = QDateTime::fromString(u"2026-11-24T10:00:00.000Z"_s, Qt::ISODateWithMs);

TimelineEntry entry(int seconds, TimelineLayer layer, const QString &kind, const QString &text, const QJsonObject &ids)
{
    QJsonObject all = ids;
    all.insert(u"clusterId"_s, u"c-1"_s);
    return TimelineEntry{kT0.addSecs(seconds), layer, kind, text, all, {}};
}

Timeline aJobAndALoss()
{
    return {
        entry(0, TimelineLayer::Cluster, u"state_change"_s, u"STARTING: launch"_s, {}),
        entry(2, TimelineLayer::Executor, u"executor_added"_s, u"w1 added"_s, {{u"executorId"_s, u"w1"_s}}),
        entry(10, TimelineLayer::Job, u"job_started"_s, u"etl_groupby (job-1) started"_s, {{u"jobId"_s, u"job-1"_s}}),
        entry(20, TimelineLayer::Executor, u"executor_lost"_s, u"w1 lost: killed"_s, {{u"executorId"_s, u"w1"_s}}),
        entry(41, TimelineLayer::Job, u"job_ended"_s, u"etl_groupby (job-1) ended COMPLETED"_s,
              {{u"jobId"_s, u"job-1"_s}})};
}

} // namespace

class TstShowLogsAt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theIncidentsButtonAndMenuNameTheIncidentsLog()
    {
        IncidentsPanel panel;
        panel.resize(1200, 800);
        panel.show();
        Incident lost;
        lost.id = u"inc-lost"_s;
        lost.clusterId = u"c-1"_s;
        lost.type = IncidentType::ExecutorLost;
        lost.severity = Severity::Severe;
        lost.subject = u"w2"_s;
        lost.start = kT0.addSecs(20);
        lost.summary = u"w2 lost"_s;
        panel.setLogsAvailable(false, u"Logs are read from a ClusterDeck runtime's clusters"_s);
        panel.setIncidents({lost});
        QVERIFY(panel.selectIncident(u"inc-lost"_s));
        QVERIFY(!panel.showLogsButton()->isEnabled()); // not on a Spark or YARN connection
        QVERIFY(panel.showLogsButton()->toolTip().contains(u"runtime"_s));

        panel.setLogsAvailable(true);
        QVERIFY(panel.showLogsButton()->isEnabled());
        QSignalSpy wanted(&panel, &IncidentsPanel::logsWanted);
        QTest::mouseClick(panel.showLogsButton(), Qt::LeftButton);
        QCOMPARE(wanted.size(), 1);
        const auto target = wanted.at(0).at(0).value<LogTarget>();
        QCOMPARE(target.sources, QStringList{u"w2"_s});
        QCOMPARE(target.atMs, kT0.addSecs(20).toMSecsSinceEpoch());

        const QList<QAction *> menu = panel.table()->actions();
        QCOMPARE(menu.size(), 1);
        QCOMPARE(panel.table()->contextMenuPolicy(), Qt::ActionsContextMenu);
        menu.first()->trigger();
        QCOMPARE(wanted.size(), 2);
        QCOMPARE(wanted.at(1).at(0).value<LogTarget>(), target);

        panel.setIncidents({});
        QVERIFY(!panel.showLogsButton()->isEnabled()); // nothing selected
        QVERIFY(!menu.first()->isEnabled());
    }

    void aTimelineEntryNamesItsLogAndTime()
    {
        IncidentTimeline view;
        view.resize(900, view.sizeHint().height());
        view.setTimeline(aJobAndALoss(), kT0.addSecs(60));
        // On the job's bar, anywhere: the job's start, its log.
        const QPoint onJob(view.xOf(kT0.addSecs(30).toMSecsSinceEpoch()),
                           view.laneRect(TimelineLayer::Job).center().y());
        const auto job = view.entryAt(onJob);
        QVERIFY(job);
        QCOMPARE(job->kind, u"job_started"_s);
        QCOMPARE(logTargetFor(*job), (LogTarget{{u"job-1"_s}, kT0.addSecs(10).toMSecsSinceEpoch()}));
        // On the executor's life: that executor's log from when it was added.
        const QPoint onExecutor(view.xOf(kT0.addSecs(15).toMSecsSinceEpoch()),
                                view.laneRect(TimelineLayer::Executor).center().y());
        const auto executor = view.entryAt(onExecutor);
        QVERIFY(executor);
        QCOMPARE(logTargetFor(*executor), (LogTarget{{u"w1"_s}, kT0.addSecs(2).toMSecsSinceEpoch()}));
        // Empty space: nothing to offer.
        QVERIFY(!view.entryAt(QPoint(view.xOf(kT0.addSecs(50).toMSecsSinceEpoch()),
                                     view.laneRect(TimelineLayer::Executor).center().y())));
    }

    void aTimelineBarNamesItsJobAndTheTimeUnderThePointer()
    {
        TimelinePanel panel;
        panel.resize(1200, 400);
        panel.show();
        Job job;
        job.id = u"job-00a1b2c3d4"_s;
        job.clusterId = u"c-1"_s;
        job.name = u"etl_groupby"_s;
        job.state = JobState::Completed;
        job.submittedAt = kT0;
        job.startedAt = kT0.addSecs(10);
        job.endedAt = kT0.addSecs(70);
        panel.setJobs({job});
        TimelineChart *chart = panel.chart();
        const QRectF bar = chart->barRect(0);
        QVERIFY(!bar.isEmpty());
        const auto middle = chart->logTargetAt(bar.center().toPoint());
        QVERIFY(middle);
        QCOMPARE(middle->sources, QStringList{u"job-00a1b2c3d4"_s});
        // The pixel under the pointer is the middle of the run, within a pixel's worth of time.
        const qint64 expected = kT0.addSecs(40).toMSecsSinceEpoch();
        const qint64 pixelMs = 60'000 / qint64(bar.width()) + 1;
        QVERIFY2(qAbs(middle->atMs - expected) <= 2 * pixelMs,
                 qPrintable(u"%1 vs %2"_s.arg(middle->atMs - expected).arg(pixelMs)));
        // Its left end is the job's start; off the bar nothing is offered.
        QCOMPARE(chart->logTargetAt(QPoint(int(bar.left()) - 1, int(bar.center().y())))->atMs,
                 kT0.addSecs(10).toMSecsSinceEpoch());
        QVERIFY(!chart->logTargetAt(QPoint(int(bar.right()) + 40, int(bar.center().y()))));
        QVERIFY(!chart->logTargetAt(QPoint(int(bar.center().x()), 2))); // the axis
    }

    void theKeyboardReachesATimelineEntrysLogs()
    {
        IncidentTimeline view;
        view.resize(900, view.sizeHint().height());
        view.setTimeline(aJobAndALoss(), kT0.addSecs(60));
        QSignalSpy wanted(&view, &IncidentTimeline::logsWanted);
        QTest::keyClick(&view, Qt::Key_Return); // no entry chosen yet: nothing
        QCOMPARE(wanted.count(), 0);
        view.setLogsAvailable(true);
        // Right walks the entries in time: the third is the job's start.
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentEntry(), 2);
        QVERIFY2(view.accessibleName().contains(u"etl_groupby (job-1) started"_s), qPrintable(view.accessibleName()));
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(wanted.takeFirst().at(0).value<LogTarget>(),
                 (LogTarget{{u"job-1"_s}, kT0.addSecs(10).toMSecsSinceEpoch()}));
        // Left goes back to the executor's addition; End to the newest entry, and not past it.
        QTest::keyClick(&view, Qt::Key_Left);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(wanted.takeFirst().at(0).value<LogTarget>(),
                 (LogTarget{{u"w1"_s}, kT0.addSecs(2).toMSecsSinceEpoch()}));
        QTest::keyClick(&view, Qt::Key_End);
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentEntry(), 4);
        // New data keeps the keyboard on the same entry even when entries come before it.
        Timeline more = aJobAndALoss();
        more.prepend(entry(-5, TimelineLayer::Cluster, u"state_change"_s, u"REQUESTED"_s, {}));
        view.setTimeline(more, kT0.addSecs(61));
        QCOMPARE(view.currentEntry(), 5);
    }

    void theKeyboardWalksTheTimelineBars()
    {
        TimelinePanel panel;
        panel.resize(1200, 400);
        panel.show();
        Job first;
        first.id = u"job-00a1b2c3d4"_s;
        first.clusterId = u"c-1"_s;
        first.name = u"etl_groupby"_s;
        first.state = JobState::Completed;
        first.submittedAt = kT0;
        first.startedAt = kT0.addSecs(10);
        first.endedAt = kT0.addSecs(70);
        Job second = first;
        second.id = u"job-00e5f6a7b8"_s;
        second.name = u"many_tasks"_s;
        second.submittedAt = kT0.addSecs(20);
        second.startedAt = kT0.addSecs(25);
        second.endedAt = kT0.addSecs(50);
        panel.setJobs({first, second});
        TimelineChart *chart = panel.chart();
        QSignalSpy wanted(chart, &TimelineChart::logsWanted);
        QTest::keyClick(chart, Qt::Key_Down);
        QTest::keyClick(chart, Qt::Key_Return);
        QCOMPARE(wanted.count(), 0); // a connection without logs offers none
        panel.setLogsAvailable(true);
        QCOMPARE(chart->currentRow(), 0);
        QTest::keyClick(chart, Qt::Key_Return);
        QCOMPARE(wanted.count(), 1);
        const QString firstJob = chart->accessibleName();
        // End: the last row with a bar, whichever job it belongs to; Enter opens that job's log from the bar's start.
        QTest::keyClick(chart, Qt::Key_End);
        QVERIFY(chart->currentRow() > 0);
        QVERIFY(!chart->barRect(chart->currentRow()).isEmpty());
        QVERIFY(chart->accessibleName() != firstJob);
        QTest::keyClick(chart, Qt::Key_Return);
        QCOMPARE(wanted.count(), 2);
        const LogTarget last = wanted.at(1).at(0).value<LogTarget>();
        const QString lastJob = panel.rows().at(chart->currentRow()).jobId;
        QCOMPARE(last.sources, QStringList{lastJob});
        QCOMPARE(last.atMs, panel.rows().at(chart->currentRow()).start.toMSecsSinceEpoch());
        QCOMPARE(wanted.at(0).at(0).value<LogTarget>().sources, QStringList{panel.rows().at(0).jobId});
        // Home goes back to the first row.
        QTest::keyClick(chart, Qt::Key_Home);
        QCOMPARE(chart->currentRow(), 0);
    }
};

QTEST_MAIN(TstShowLogsAt)
#include "tst_showlogsat.moc"
