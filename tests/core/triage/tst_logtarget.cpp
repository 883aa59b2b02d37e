// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// "Show logs at this time": which logs an incident or a timeline entry points at, most specific first, and
// from when.
#include "core/triage/logtarget.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::triage;

class TstLogTarget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anExecutorIncidentOpensThatExecutorsLogAtItsStart()
    {
        Incident i;
        i.subject = u"w2"_s;
        i.start = QDateTime::fromMSecsSinceEpoch(1'765'000'000'123, Qt::UTC);
        Evidence e;
        e.source = u"job job-00a1b2c3d4"_s; // the job it killed
        i.evidence.append(e);
        const LogTarget t = logTargetFor(i);
        QCOMPARE(t.sources, (QStringList{u"w2"_s, u"job-00a1b2c3d4"_s}));
        QCOMPARE(t.atMs, qint64(1'765'000'000'123));
    }

    void aJobIncidentOpensTheJobsLogOnce()
    {
        Incident i;
        i.subject = u"job-00a1b2c3d4"_s;
        i.start = QDateTime::fromMSecsSinceEpoch(5000, Qt::UTC);
        QCOMPARE(logTargetFor(i).sources, QStringList{u"job-00a1b2c3d4"_s});
    }

    void aClusterIncidentLeavesTheHeadsLog()
    {
        Incident i; // an idle cluster: about no executor or job
        i.start = QDateTime::fromMSecsSinceEpoch(7000, Qt::UTC);
        QVERIFY(logTargetFor(i).sources.isEmpty());
        QCOMPARE(logTargetFor(i).atMs, qint64(7000));
    }

    void aTimelineEntryOpensItsExecutorThenItsJob()
    {
        TimelineEntry e;
        e.time = QDateTime::fromMSecsSinceEpoch(9000, Qt::UTC);
        e.layer = TimelineLayer::Executor;
        e.ids = {{u"clusterId"_s, u"c-1"_s}, {u"executorId"_s, u"w1"_s}};
        QCOMPARE(logTargetFor(e), (LogTarget{{u"w1"_s}, 9000}));
        e.layer = TimelineLayer::Stage;
        e.ids = {{u"clusterId"_s, u"c-1"_s}, {u"jobId"_s, u"job-1"_s}, {u"stageId"_s, u"sum-1"_s}};
        QCOMPARE(logTargetFor(e), (LogTarget{{u"job-1"_s}, 9000}));
        e.layer = TimelineLayer::Cluster;
        e.ids = {{u"clusterId"_s, u"c-1"_s}};
        QVERIFY(logTargetFor(e).sources.isEmpty()); // the head's log
    }
};

QTEST_MAIN(TstLogTarget)
#include "tst_logtarget.moc"
