// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The Incidents tab's guarded "Scale up…" on a real runtime and real Dask: a worker is killed (chaos), the
// executor_lost incident arrives, the panel is fed what the console is fed (the cluster, its executors, its
// cost meter, its incidents), and the action it plans is sent. It must do what it says: exactly as many
// workers start as the plan says, and the cluster's rate afterwards is the plan's "after". (The plan once said
// "2 running of 3 requested → 4 requested", showed no cost, and started two workers.)
#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/triage/incident.h"
#include "runtimeprocess.h"
#include "testpaths.h"
#include "ui/panels/incidentspanel.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstIncidentScaleE2e : public QObject
{
    Q_OBJECT
private:
    test::RuntimeProcess m_runtime;
    QString m_clusterId;

    ApiReply api(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        return m_runtime.api(verb, path, body);
    }

    QList<Executor> executors()
    {
        QList<Executor> list;
        for (const QJsonValue &v : api("GET", u"/clusters/"_s + m_clusterId + u"/executors"_s).body.toArray())
            list.append(Executor::fromJson(v.toObject()));
        return list;
    }

    triage::IncidentList incidents()
    {
        triage::IncidentList list;
        for (const QJsonValue &v : api("GET", u"/clusters/"_s + m_clusterId + u"/incidents"_s).body.toArray())
            list.append(triage::Incident::fromJson(v.toObject()));
        return list;
    }

    QJsonObject meter()
    {
        return api("GET", u"/clusters/"_s + m_clusterId + u"/cost"_s).body.toObject().value(u"meter"_s).toObject();
    }

    static int notGone(const QList<Executor> &list)
    {
        return int(std::count_if(list.cbegin(), list.cend(), [](const Executor &e) { return !isGone(e.status); }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(u"/usr/bin/dask"_s).isExecutable(), "Debian's Dask is required (scripts/install-deps.sh)");
        m_runtime.setEnvironment(
            {{u"CLUSTERDECK_TERMINATE_GRACE_S"_s, u"5"_s}, {u"CLUSTERDECK_TRIAGE_MS"_s, u"1000"_s}});
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        QJsonValue json;
        QCOMPARE(
            m_runtime.cli({u"cluster"_s, u"launch"_s, u"--name"_s, u"scale-e2e"_s, u"--workers"_s, u"2"_s, u"--wait"_s},
                          &json),
            0);
        m_clusterId = json.toObject().value(u"id"_s).toString();
        QVERIFY(!m_clusterId.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_clusterId.isEmpty() && m_runtime.isRunning())
            m_runtime.cli({u"cluster"_s, u"terminate"_s, m_clusterId, u"--wait"_s, u"--timeout"_s, u"60"_s});
        m_runtime.stopAndReap();
    }

    void scaleUpAfterAKillStartsWhatItSays()
    {
        QCOMPARE(api("POST", u"/clusters/"_s + m_clusterId + u"/chaos"_s,
                     {{u"action"_s, u"kill-worker"_s}, {u"executor"_s, u"w2"_s}})
                     .httpStatus,
                 202);
        QString lostId;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const triage::Incident &i : incidents())
                    if (i.type == triage::IncidentType::ExecutorLost && i.subject == "w2"_L1)
                        lostId = i.id;
                return !lostId.isEmpty();
            }(),
            30000);

        // The meter has caught up with the loss: the master and every worker not gone, at one on-demand price.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonObject m = meter();
                const double expected = (notGone(executors()) + 1) * m.value(u"workerRatePerHour"_s).toDouble();
                return std::abs(m.value(u"ratePerHour"_s).toDouble() - expected) < 1e-6;
            }(),
            15000);
        // What the console holds when the user reads the incident.
        IncidentsPanel panel;
        const ClusterInfo cluster = ClusterInfo::fromJson(api("GET", u"/clusters/"_s + m_clusterId).body.toObject());
        const QList<Executor> before = executors();
        const QJsonObject m = meter();
        QVERIFY2(m.value(u"workerRatePerHour"_s).toDouble() > 0, "the cost meter prices a worker");
        panel.setCluster(cluster);
        panel.setExecutors(before);
        panel.setCostRates(m.value(u"ratePerHour"_s).toDouble(), m.value(u"workerRatePerHour"_s).toDouble(),
                           m.value(u"currency"_s).toString());
        panel.setIncidents(incidents());
        QVERIFY(panel.selectIncident(lostId));
        const IncidentsPanel::ActionPlan plan = panel.plan(u"scale"_s);
        QVERIFY2(plan.possible, qPrintable(plan.whyNot));
        const int target = plan.body.value(u"workers"_s).toInt();
        QCOMPARE(plan.starts, target - notGone(before));
        QVERIFY(plan.starts >= 1);
        QVERIFY2(plan.change.contains(u"Starts %1 new worker(s)"_s.arg(plan.starts)), qPrintable(plan.change));
        QVERIFY2(plan.change.contains(u"Cost: "_s), qPrintable(plan.change));
        QVERIFY(plan.ratePerHourAfter > plan.ratePerHourBefore);

        QSet<QString> known;
        for (const Executor &e : before)
            known.insert(e.id);
        QJsonObject body = plan.body;
        body.insert(u"actor"_s, u"test:oncall"_s);
        const ApiReply sent = api("POST", u"/clusters/"_s + m_clusterId + u"/actions"_s, body);
        QVERIFY2(sent.httpStatus == 202, qPrintable(QString::number(sent.httpStatus)));

        // Exactly as many new workers as it said, all running; none beyond.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<Executor> now = executors();
                int running = 0;
                for (const Executor &e : now)
                    running += e.status == ExecutorStatus::Running;
                return running == target;
            }(),
            120000);
        int started = 0;
        for (const Executor &e : executors())
            started += !known.contains(e.id);
        QCOMPARE(started, plan.starts);
        QCOMPARE(notGone(executors()), target);
        // And the rate is the one it announced: every instance now running, at the catalogue's price.
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(meter().value(u"ratePerHour"_s).toDouble() - plan.ratePerHourAfter) < 1e-6,
                                 10000);
    }
};

QTEST_MAIN(TstIncidentScaleE2e)
#include "tst_incidentscale_e2e.moc"
