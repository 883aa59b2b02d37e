// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Managed scaling, spot capacity and bootstrap actions on real Dask clusters: the real clusterdeck-runtime,
// real workers on loopback, driven through clusterdeck-cli and the API. Cooldowns are set in seconds so
// each scenario takes about a minute.
#include "core/backend/runtime/runtimeclient.h"
#include "core/model/clusterevent.h"
#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/model/job.h"
#include "loopback.h"
#include "runtimeprocess.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstScalingIntegration : public QObject
{
    Q_OBJECT
private:
    test::RuntimeProcess m_runtime;
    QStringList m_clusters; // every cluster launched, terminated at the end


    int cli(const QStringList &args, QJsonValue *json = nullptr, int timeoutMs = 240000)
    {
        return m_runtime.cli(args, json, timeoutMs);
    }

    ApiReply api(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        return m_runtime.api(verb, path, body);
    }

    QList<Executor> executors(const QString &id)
    {
        QList<Executor> result;
        for (const QJsonValue &v : api("GET", u"/clusters/"_s + id + u"/executors"_s).body.toArray())
            result.append(Executor::fromJson(v.toObject()));
        return result;
    }

    static int running(const QList<Executor> &list)
    {
        return int(std::count_if(list.cbegin(), list.cend(), [](const Executor &e) {
            return e.status == ExecutorStatus::Running || e.status == ExecutorStatus::Paused;
        }));
    }

    // Through the CLI, as a user would read them.
    QList<ClusterEvent> events(const QString &id)
    {
        QJsonValue json;
        QList<ClusterEvent> result;
        if (cli({u"cluster"_s, u"events"_s, id}, &json) == 0)
            for (const QJsonValue &v : json.toArray())
                result.append(ClusterEvent::fromJson(v.toObject()));
        return result;
    }

    static QList<ClusterEvent> ofType(const QList<ClusterEvent> &list, const char *type)
    {
        QList<ClusterEvent> result;
        for (const ClusterEvent &e : list)
            if (e.type == QLatin1StringView(type))
                result.append(e);
        return result;
    }

    static QString describe(const QList<ClusterEvent> &list)
    {
        QStringList lines;
        for (const ClusterEvent &e : list)
            lines.append(u"%1 %2 -> %3: %4"_s.arg(e.type, e.from.toVariant().toString(), e.to.toVariant().toString(),
                                                   e.reason));
        return lines.join(u'\n');
    }

    // The cluster's spot_interruptions_per_h series through GET /metrics, as [epochMs, value] (1 s points).
    QList<std::pair<qint64, double>> interruptionRate(const QString &id)
    {
        QJsonValue body;
        QList<std::pair<qint64, double>> points;
        if (m_runtime.get(u"/api/v1/clusters/%1/metrics?series=spot_interruptions_per_h&executors=total"_s.arg(id), &body)
            != 200)
            return points;
        for (const QJsonValue &series : body.toArray())
            for (const QJsonValue &p : series.toObject().value(u"points"_s).toArray())
                points.append({qint64(p.toArray().at(0).toDouble()), p.toArray().at(1).toDouble()});
        return points;
    }

    QString clusterState(const QString &id)
    {
        return api("GET", u"/clusters/"_s + id).body.toObject().value(u"state"_s).toString();
    }

    void terminate(const QString &id)
    {
        QCOMPARE(cli({u"cluster"_s, u"terminate"_s, id, u"--wait"_s, u"--timeout"_s, u"90"_s}), 0);
        QVERIFY2(test::processesUnder(m_runtime.dataDir() + u"/clusters/"_s + id).isEmpty(), "an engine process outlived its cluster");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(u"/usr/bin/dask"_s).isExecutable(), "Debian's Dask is required (scripts/install-deps.sh)");
        // Replacements of workers that fail again back off 0.5 s, 1 s, ... and stop after 3 in a row.
        m_runtime.setEnvironment({{u"CLUSTERDECK_RETIRE_GRACE_S"_s, u"10"_s},
                                  {u"CLUSTERDECK_TERMINATE_GRACE_S"_s, u"5"_s},
                                  {u"CLUSTERDECK_REPLACE_BACKOFF_MS"_s, u"500"_s},
                                  {u"CLUSTERDECK_REPLACE_MAX_FAILURES"_s, u"3"_s}});
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        for (const QString &id : std::as_const(m_clusters))
            if (m_runtime.isRunning() && !isTerminal(ClusterInfo::fromJson(
                    api("GET", u"/clusters/"_s + id).body.toObject()).state))
                cli({u"cluster"_s, u"terminate"_s, id, u"--wait"_s, u"--timeout"_s, u"60"_s});
        m_runtime.stopAndReap();
    }

    void badPoliciesAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addRow("max below min")
            << R"({"name":"p","scaling":{"minWorkers":3,"maxWorkers":2}})"_ba << u"scaling.maxWorkers"_s;
        QTest::addRow("negative cooldown")
            << R"({"name":"p","scaling":{"minWorkers":1,"maxWorkers":2,"scaleInCooldownSeconds":-1}})"_ba
            << u"scaling.scaleInCooldownSeconds"_s;
        QTest::addRow("unknown signal")
            << R"({"name":"p","scaling":{"minWorkers":1,"maxWorkers":2,"signal":"vibes"}})"_ba << u"scaling.signal"_s;
        QTest::addRow("workers outside the bounds")
            << R"({"name":"p","workers":3,"scaling":{"minWorkers":1,"maxWorkers":2}})"_ba << u"workers"_s;
        QTest::addRow("typo in the policy") << R"({"name":"p","scaling":{"minWorker":1}})"_ba << u"scaling.minWorker"_s;
    }

    void badPoliciesAreRefusedNamingTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const ApiReply r = api("POST", u"/clusters"_s, QJsonDocument::fromJson(body).object());
        QCOMPARE(r.httpStatus, 400);
        QVERIFY2(r.fields.contains(field), qPrintable(r.message()));
        QVERIFY(api("GET", u"/clusters"_s).body.toArray().isEmpty()); // nothing was launched
    }

    void managedClusterGrowsForAJobAndShrinksAfterTheCooldown()
    {
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"launch"_s, u"--name"_s, u"managed"_s, u"--min-workers"_s, u"1"_s,
                      u"--max-workers"_s, u"3"_s, u"--wait"_s},
                     &json),
                 0);
        const ClusterInfo launched = ClusterInfo::fromJson(json.toObject());
        const QString id = launched.id;
        m_clusters.append(id);
        QCOMPARE(launched.spec.workers, 1); // starts at its minimum
        QVERIFY(launched.spec.scaling.managed());
        QCOMPARE(launched.spec.scaling.scaleOutCooldownSeconds, 60); // the defaults
        QCOMPARE(launched.spec.scaling.scaleInCooldownSeconds, 300);
        // Short cooldowns through the API, so the test need not wait five minutes.
        const ApiReply policy = api("PUT", u"/clusters/"_s + id + u"/policy"_s,
                                    {{u"mode"_s, u"managed"_s}, {u"minWorkers"_s, 1}, {u"maxWorkers"_s, 3},
                                     {u"scaleOutCooldownSeconds"_s, 5}, {u"scaleInCooldownSeconds"_s, 10},
                                     {u"stabilizationSeconds"_s, 5}});
        QVERIFY2(policy.ok(), qPrintable(policy.message()));
        QCOMPARE(ClusterInfo::fromJson(policy.body.toObject()).spec.scaling.scaleInCooldownSeconds, 10);
        // A manual scale outside the bounds is refused while the cluster manages itself.
        QCOMPARE(api("POST", u"/clusters/"_s + id + u"/scale"_s, {{u"workers"_s, 4}}).httpStatus, 409);

        QCOMPARE(cli({u"job"_s, u"submit"_s, id, u"--sample"_s, u"many_tasks"_s, u"--arg"_s, u"200"_s, u"--arg"_s,
                      u"0.25"_s},
                     &json),
                 0);
        const QString jobPath = u"/clusters/"_s + id + u"/jobs/"_s + json.toObject().value(u"id"_s).toString();
        int most = 1;
        QDeadlineTimer deadline(180000);
        while (!isFinished(Job::fromJson(api("GET", jobPath).body.toObject()).state) && !deadline.hasExpired()) {
            most = std::max(most, running(executors(id)));
            QTest::qWait(500);
        }
        const Job job = Job::fromJson(api("GET", jobPath).body.toObject());
        QVERIFY2(job.state == JobState::Completed, qPrintable(toString(job.state) + u' ' + job.logTail));
        QVERIFY2(most > 1, qPrintable(describe(events(id)))); // it grew during the job
        QVERIFY(most <= 3); // never past its maximum

        // Back to the minimum once the scale-in cooldown and stabilization have passed.
        auto settledAtOne = [&] {
            const QList<Executor> now = executors(id);
            return running(now) == 1 && std::none_of(now.cbegin(), now.cend(), [](const Executor &e) {
                       return e.status == ExecutorStatus::Retiring || e.status == ExecutorStatus::Starting;
                   });
        };
        QTRY_VERIFY_WITH_TIMEOUT(settledAtOne(), 120000);
        const QList<Executor> list = executors(id);
        QCOMPARE(int(std::count_if(list.cbegin(), list.cend(), [](const Executor &e) { return e.status == ExecutorStatus::Lost; })),
                 0); // a managed scale-in is a retire, not a loss
        QCOMPARE(clusterState(id), u"WAITING"_s);

        // The events explain each step: out while the job ran, in afterwards, each with its numbers.
        const QList<ClusterEvent> all = events(id);
        qInfo().noquote() << "events:\n" << describe(all);
        const QList<ClusterEvent> outs = ofType(all, ClusterEvent::kScaleOut);
        const QList<ClusterEvent> ins = ofType(all, ClusterEvent::kScaleIn);
        QVERIFY2(!outs.isEmpty() && !ins.isEmpty(), qPrintable(describe(all)));
        for (const ClusterEvent &e : outs) {
            QVERIFY2(e.to.toInt() > e.from.toInt(), qPrintable(describe(all)));
            QVERIFY(e.to.toInt() <= 3);
            QCOMPARE(e.metrics.value(u"signal"_s).toString(), u"adaptive"_s);
            QVERIFY2(e.metrics.value(u"adaptiveTarget"_s).toInt() > e.from.toInt(), qPrintable(e.reason));
            QVERIFY2(e.reason.contains(u"adaptive signal asks for"_s), qPrintable(e.reason));
            QVERIFY(e.time >= job.startedAt && e.time <= job.endedAt);
        }
        for (const ClusterEvent &e : ins) {
            QVERIFY2(e.to.toInt() < e.from.toInt() && e.to.toInt() >= 1, qPrintable(describe(all)));
            QVERIFY(e.time >= job.startedAt);
        }
        QCOMPARE(ins.last().to.toInt(), 1);
        // Scale-ins keep the cooldown: consecutive ones lie at least 10 s apart.
        for (qsizetype n = 1; n < ins.size(); ++n)
            QVERIFY2(ins[n - 1].time.msecsTo(ins[n].time) >= 10000, qPrintable(describe(all)));
        for (qsizetype n = 1; n < outs.size(); ++n)
            QVERIFY2(outs[n - 1].time.msecsTo(outs[n].time) >= 5000, qPrintable(describe(all)));
        // The same list carries the state changes and the policy change, in order.
        const QList<ClusterEvent> states = ofType(all, ClusterEvent::kStateChange);
        QVERIFY(states.size() >= 4); // STARTING, BOOTSTRAPPING, WAITING, RUNNING, WAITING
        QCOMPARE(states.first().to.toString(), u"STARTING"_s);
        QCOMPARE(ofType(all, ClusterEvent::kPolicyChange).size(), 1);
        for (qsizetype n = 1; n < all.size(); ++n)
            QVERIFY(all[n - 1].seq < all[n].seq && all[n - 1].time <= all[n].time);
        // The raw API filters by type.
        const ApiReply filtered = api("GET", u"/clusters/"_s + id + u"/events?type=scale_in"_s);
        QCOMPARE(filtered.body.toArray().size(), ins.size());
        terminate(id);
    }

    void spotInterruptionsAreReplacedThenFallBackToOnDemand()
    {
        // Only spot clusters have spot capacity to lose.
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"launch"_s, u"--name"_s, u"spot"_s, u"--workers"_s, u"2"_s, u"--spot"_s,
                      u"--spot-fallback-after"_s, u"2"_s, u"--spot-fallback-window"_s, u"600"_s, u"--wait"_s},
                     &json),
                 0);
        const QString id = json.toObject().value(u"id"_s).toString();
        m_clusters.append(id);
        const QString chaos = u"/clusters/"_s + id + u"/chaos"_s;
        for (const Executor &e : executors(id))
            QCOMPARE(toString(e.market), toString(Market::Spot));

        // The rate series is written with each sampling round: wait for the first (a zero) so that
        // the reclaim below does not land before any round was stored (it did once, 40 ms after WAITING).
        QTRY_VERIFY_WITH_TIMEOUT(!interruptionRate(id).isEmpty(), 15000);

        // The first interruption: the worker is reclaimed (SIGKILL to its group) and replaced by another spot worker.
        ApiReply r = api("POST", chaos, {{u"action"_s, u"spot-interruption"_s}});
        QCOMPARE(r.httpStatus, 202);
        const QString first = r.body.toObject().value(u"executor"_s).toString();
        QVERIFY(!first.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(running(executors(id)) == 2 && executors(id).size() == 3, 60000);
        Executor lost;
        for (const Executor &e : executors(id))
            if (e.id == first)
                lost = e;
        QCOMPARE(toString(lost.status), toString(ExecutorStatus::Lost));
        QVERIFY2(lost.statusReason.startsWith(u"Spot interruption"_s), qPrintable(lost.statusReason));
        QVERIFY(::kill(pid_t(lost.pid), 0) != 0 || !QFileInfo(u"/proc/%1/cwd"_s.arg(lost.pid)).symLinkTarget().contains(id));
        QCOMPARE(toString(executors(id).last().market), toString(Market::Spot)); // below the threshold: still spot

        // The second, within the window, reaches the threshold: its replacement and later workers are on-demand.
        r = api("POST", chaos, {{u"action"_s, u"spot-interruption"_s}});
        QCOMPARE(r.httpStatus, 202);
        QTRY_VERIFY_WITH_TIMEOUT(running(executors(id)) == 2 && executors(id).size() == 4, 60000);
        QCOMPARE(toString(executors(id).last().market), toString(Market::OnDemand));
        const QList<ClusterEvent> all = events(id);
        const QList<ClusterEvent> interruptions = ofType(all, ClusterEvent::kSpotInterruption);
        QCOMPARE(interruptions.size(), 2);
        QCOMPARE(interruptions.first().executorId, first);
        QCOMPARE(interruptions.last().metrics.value(u"interruptionsInWindow"_s).toInt(), 2);
        const QList<ClusterEvent> fallbacks = ofType(all, ClusterEvent::kMarketFallback);
        QCOMPARE(fallbacks.size(), 1);
        QCOMPARE(fallbacks.first().from.toString(), u"spot"_s);
        QCOMPARE(fallbacks.first().to.toString(), u"on-demand"_s);
        QVERIFY2(fallbacks.first().reason.contains(u"threshold 2"_s), qPrintable(fallbacks.first().reason));
        QVERIFY(fallbacks.first().seq > interruptions.last().seq);
        QCOMPARE(ofType(all, ClusterEvent::kWorkerReplaced).size(), 2);
        // Interruption rate per hour is a series: 0 before the first reclaim, then the trailing hour's count.
        QTRY_VERIFY_WITH_TIMEOUT(!interruptionRate(id).isEmpty() && interruptionRate(id).last().second >= 2, 15000);
        const QList<std::pair<qint64, double>> rate = interruptionRate(id);
        QCOMPARE(rate.first().second, 0.0);
        QVERIFY2(rate.first().first < interruptions.first().time.toMSecsSinceEpoch(), "the series starts before the reclaim");
        QCOMPARE(rate.last().second, 2.0);
        for (const auto &[at, value] : rate)
            if (at >= interruptions.first().time.toMSecsSinceEpoch() + 1000 && at + 1000 <= interruptions.last().time.toMSecsSinceEpoch())
                QCOMPARE(value, 1.0); // between the two reclaims the rate reads one
        // A scale-out after the fallback buys on-demand too.
        QCOMPARE(cli({u"cluster"_s, u"scale"_s, id, u"--workers"_s, u"3"_s, u"--wait"_s}), 0);
        QCOMPARE(toString(executors(id).last().market), toString(Market::OnDemand));
        terminate(id);
    }

    void spotInterruptionNeedsSpotCapacity()
    {
        const ApiReply launched = api("POST", u"/clusters"_s, {{u"name"_s, u"od"_s}, {u"workers"_s, 1}});
        QCOMPARE(launched.httpStatus, 201);
        const QString id = launched.body.toObject().value(u"id"_s).toString();
        m_clusters.append(id);
        QTRY_COMPARE_WITH_TIMEOUT(clusterState(id), u"WAITING"_s, 90000);
        const ApiReply r = api("POST", u"/clusters/"_s + id + u"/chaos"_s, {{u"action"_s, u"spot-interruption"_s}});
        QCOMPARE(r.httpStatus, 409);
        QVERIFY2(r.detail.contains(u"on-demand"_s), qPrintable(r.detail));
        terminate(id);
    }

    void failingWorkerBootstrapFailsThatNodeWithItsReason()
    {
        // w2's action hangs past its timeout; w1's succeeds. The cluster runs on w1; w2 says why it never joined.
        const QString script = m_runtime.dataDir() + u"/setup.sh"_s;
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("echo \"bootstrap on $CLUSTERDECK_NODE\"\n"
                "if [ \"$CLUSTERDECK_NODE\" = w2 ]; then echo \"w2 waits for a mirror\"; sleep 60; fi\n");
        f.close();
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"launch"_s, u"--name"_s, u"boot"_s, u"--workers"_s, u"2"_s, u"--bootstrap"_s,
                      script, u"--bootstrap-timeout"_s, u"3"_s, u"--wait"_s},
                     &json),
                 0);
        const QString id = json.toObject().value(u"id"_s).toString();
        m_clusters.append(id);
        QCOMPARE(clusterState(id), u"WAITING"_s);
        // Ready on w1; w2 is replaced (its successor's bootstrap succeeds) so the cluster gets back to 2.
        QTRY_COMPARE_WITH_TIMEOUT(running(executors(id)), 2, 60000);
        const QList<Executor> list = executors(id);
        QCOMPARE(list.size(), 3);
        const QList<ClusterEvent> replaced = ofType(events(id), ClusterEvent::kWorkerReplaced);
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(replaced.first().executorId, u"w3"_s);
        QVERIFY2(replaced.first().reason.contains(u"replaces lost w2 (Bootstrap action 'setup.sh' failed"_s),
                 qPrintable(replaced.first().reason));
        for (const Executor &e : list) {
            if (e.id != "w2"_L1)
                continue;
            QCOMPARE(toString(e.status), toString(ExecutorStatus::Lost));
            QCOMPARE(e.statusReason, u"Bootstrap action 'setup.sh' failed on w2: still running after its 3 s timeout "
                                     "(killed) (its output is in logs/w2.log)"_s);
        }
        const QList<ClusterEvent> failed = ofType(events(id), ClusterEvent::kBootstrapFailed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().executorId, u"w2"_s);
        // The output is kept in the node's log, before the engine's own lines.
        QFile w1Log(m_runtime.dataDir() + u"/clusters/"_s + id + u"/logs/w1.log"_s);
        QVERIFY(w1Log.open(QIODevice::ReadOnly));
        const QByteArray w1 = w1Log.readAll();
        QVERIFY2(w1.contains("bootstrap on w1") && w1.indexOf("bootstrap on w1") < w1.indexOf("distributed"), w1.left(400));
        QFile w2Log(m_runtime.dataDir() + u"/clusters/"_s + id + u"/logs/w2.log"_s);
        QVERIFY(w2Log.open(QIODevice::ReadOnly));
        QVERIFY(w2Log.readAll().contains("w2 waits for a mirror"));
        terminate(id);
    }

    void workersThatFailAgainAreReplacedWithBackoffThenNoMore()
    {
        // Any node but the first two fails its bootstrap at once: a lost w2 is replaced, and each replacement
        // fails in turn; they come slower each time and stop after three in a row.
        const QString script = m_runtime.dataDir() + u"/only-two.sh"_s;
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("case \"$CLUSTERDECK_NODE\" in w1|w2|scheduler) exit 0;; esac\n"
                "echo \"no disk for $CLUSTERDECK_NODE\"; exit 3\n");
        f.close();
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"launch"_s, u"--name"_s, u"again"_s, u"--workers"_s, u"2"_s, u"--bootstrap"_s,
                      script, u"--wait"_s},
                     &json),
                 0);
        const QString id = json.toObject().value(u"id"_s).toString();
        m_clusters.append(id);
        QCOMPARE(running(executors(id)), 2);
        const ApiReply kill = api("POST", u"/clusters/"_s + id + u"/chaos"_s,
                                  {{u"action"_s, u"kill-worker"_s}, {u"executor"_s, u"w2"_s}});
        QCOMPARE(kill.httpStatus, 202);
        QTRY_VERIFY_WITH_TIMEOUT(!ofType(events(id), ClusterEvent::kScaleFailed).isEmpty(), 60000);
        const QList<ClusterEvent> all = events(id);
        const QList<ClusterEvent> replaced = ofType(all, ClusterEvent::kWorkerReplaced);
        const QList<ClusterEvent> failed = ofType(all, ClusterEvent::kBootstrapFailed);
        QCOMPARE(replaced.size(), 3);
        QCOMPARE(failed.size(), 3);
        QCOMPARE(replaced[0].metrics.value(u"replaces"_s).toString(), u"w2"_s);
        for (int n = 0; n < 3; ++n)
            QCOMPARE(failed[n].executorId, replaced[n].executorId);
        // w2 was killed from outside: replaced at once. Then each quick failure doubles the wait.
        const qint64 firstWait = failed[0].time.msecsTo(replaced[1].time);
        const qint64 secondWait = failed[1].time.msecsTo(replaced[2].time);
        QVERIFY2(firstWait >= 500, qPrintable(QString::number(firstWait)));
        QVERIFY2(secondWait >= 1000, qPrintable(QString::number(secondWait)));
        const ClusterEvent stop = ofType(all, ClusterEvent::kScaleFailed).first();
        QVERIFY2(stop.reason.contains(u"not replacing after 3 workers in a row"_s), qPrintable(stop.reason));
        QVERIFY(stop.seq > failed[2].seq);
        // The cluster says so, and holds: no fourth replacement.
        const ClusterInfo info = ClusterInfo::fromJson(api("GET", u"/clusters/"_s + id).body.toObject());
        QCOMPARE(info.runningWorkers, 1);
        QVERIFY2(info.capacityReason.startsWith(u"1 of 2 workers: not replacing"_s), qPrintable(info.capacityReason));
        QTest::qWait(3000);
        QCOMPARE(executors(id).size(), 5);
        QCOMPARE(ofType(events(id), ClusterEvent::kWorkerReplaced).size(), 3);
        terminate(id);
    }

    void failingSchedulerBootstrapEndsTheClusterWithErrors()
    {
        const QString script = m_runtime.dataDir() + u"/scheduler-setup.sh"_s;
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("echo \"cannot reach the package mirror\" >&2\nexit 4\n");
        f.close();
        const ApiReply launched = api(
            "POST", u"/clusters"_s,
            {{u"name"_s, u"badboot"_s},
             {u"workers"_s, 1},
             {u"bootstrapActions"_s,
              QJsonArray{QJsonObject{{u"name"_s, u"mirror"_s}, {u"script"_s, script}, {u"on"_s, u"scheduler"_s}}}}});
        QCOMPARE(launched.httpStatus, 201);
        const QString id = launched.body.toObject().value(u"id"_s).toString();
        m_clusters.append(id);
        QTRY_COMPARE_WITH_TIMEOUT(clusterState(id), u"TERMINATED_WITH_ERRORS"_s, 60000);
        const ClusterInfo c = ClusterInfo::fromJson(api("GET", u"/clusters/"_s + id).body.toObject());
        QCOMPARE(c.stateReason, u"Bootstrap action 'mirror' failed on scheduler: exited with code 4 (its output is in "
                                "logs/scheduler.log)"_s);
        QTRY_VERIFY_WITH_TIMEOUT(test::processesUnder(m_runtime.dataDir() + u"/clusters/"_s + id).isEmpty(), 30000);
        // A script that does not exist is refused before anything starts.
        const ApiReply refused = api("POST", u"/clusters"_s,
                                     {{u"name"_s, u"x"_s}, {u"workers"_s, 1},
                                      {u"bootstrapActions"_s, QJsonArray{QJsonObject{{u"script"_s, u"/nope/setup.sh"_s}}}}});
        QCOMPARE(refused.httpStatus, 400);
        QVERIFY(refused.fields.contains(u"bootstrapActions[0].script"_s));
    }
};

QTEST_GUILESS_MAIN(TstScalingIntegration)
#include "tst_scaling_integration.moc"
