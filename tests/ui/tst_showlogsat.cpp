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
    return {entry(0, TimelineLayer::Cluster, u"state_change"_s, u"STARTING: launch"_s, {}),
            entry(2, TimelineLayer::Executor, u"executor_added"_s, u"w1 added"_s, {{u"executorId"_s, u"w1"_s}}),
            entry(10, TimelineLayer::Job, u"job_started"_s, u"etl_groupby (job-1) started"_s, {{u"jobId"_s, u"job-1"_s}}),
            entry(20, TimelineLayer::Executor, u"executor_lost"_s, u"w1 lost: killed"_s, {{u"executorId"_s, u"w1"_s}}),
            entry(41, TimelineLayer::Job, u"job_ended"_s, u"etl_groupby (job-1) ended COMPLETED"_s, {{u"jobId"_s, u"job-1"_s}})};
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
        const QPoint onJob(view.xOf(kT0.addSecs(30).toMSecsSinceEpoch()), view.laneRect(TimelineLayer::Job).center().y());
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
};

QTEST_MAIN(TstShowLogsAt)
#include "tst_showlogsat.moc"
