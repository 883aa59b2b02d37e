// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// SLOs end to end on a real cluster: defined through clusterdeck-cli, kept in the runtime's store, their
// status computed from the jobs the runtime ran on real Dask, and one slo_burn incident per firing SLO
// however many runs failed. export_report fails on a permission error (it writes into a root-owned
// folder while running unprivileged); many_tasks completes.
#include "core/backend/runtime/runtimeclient.h"
#include "core/model/job.h"
#include "loopback.h"
#include "runtimeprocess.h"
#include "testpaths.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstSloIntegration : public QObject
{
    Q_OBJECT
private:
    test::RuntimeProcess m_runtime;
    QString m_clusterId;
    QString m_failingSlo; // export_report, 99% success
    QString m_healthySlo; // many_tasks, 99% success
    QString m_tagSlo; // every job on clusters tagged pipeline=nightly, 99% success
    QStringList m_failedJobs;

    int cli(const QStringList &args, QJsonValue *json = nullptr, int timeoutMs = 240000)
    {
        return m_runtime.cli(args, json, timeoutMs);
    }

    QJsonObject slo(const QString &id)
    {
        QJsonValue json;
        if (cli({u"slo"_s, u"list"_s}, &json) != 0)
            return {};
        for (const QJsonValue &v : json.toArray())
            if (v.toObject().value(u"id"_s).toString() == id)
                return v.toObject();
        return {};
    }

    QJsonArray incidentsOfType(const QString &type)
    {
        QJsonValue json;
        QJsonArray result;
        if (cli({u"incidents"_s, m_clusterId}, &json) != 0)
            return result;
        for (const QJsonValue &v : json.toArray())
            if (v.toObject().value(u"type"_s).toString() == type)
                result.append(v);
        return result;
    }

    QString add(const QStringList &args)
    {
        QJsonValue json;
        if (cli(QStringList{u"slo"_s, u"add"_s} + args, &json) != 0)
            return {};
        return json.toObject().value(u"id"_s).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(u"/usr/bin/dask"_s).isExecutable(), "Debian's Dask is required (scripts/install-deps.sh)");
        m_runtime.setEnvironment({{u"CLUSTERDECK_TERMINATE_GRACE_S"_s, u"5"_s}, {u"CLUSTERDECK_TRIAGE_MS"_s, u"500"_s}});
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"launch"_s, u"--name"_s, u"slo"_s, u"--workers"_s, u"1"_s, u"--tag"_s,
                      u"pipeline=nightly"_s, u"--wait"_s},
                     &json),
                 0);
        m_clusterId = json.toObject().value(u"id"_s).toString();
        QVERIFY(!m_clusterId.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_clusterId.isEmpty() && m_runtime.isRunning())
            cli({u"cluster"_s, u"terminate"_s, m_clusterId, u"--wait"_s, u"--timeout"_s, u"60"_s});
        m_runtime.stopAndReap();
    }

    void badDefinitionsAreRefusedClearly()
    {
        ApiReply r = m_runtime.api("POST", u"/slos"_s, {{u"job"_s, u"x"_s}, {u"objective"_s, 99}});
        QCOMPARE(r.httpStatus, 400);
        QVERIFY2(r.message().contains(u"objective"_s), qPrintable(r.message()));
        r = m_runtime.api("POST", u"/slos"_s, {{u"job"_s, u"x"_s}, {u"tag"_s, u"a=b"_s}, {u"objective"_s, 0.9}});
        QCOMPARE(r.httpStatus, 400);
        r = m_runtime.api("POST", u"/slos"_s, {{u"job"_s, u"x"_s}, {u"objective"_s, 0.9}, {u"sli"_s, u"freshness"_s}});
        QCOMPARE(r.httpStatus, 400);
        QVERIFY2(r.message().contains(u"thresholdSeconds"_s), qPrintable(r.message()));
        QCOMPARE(m_runtime.api("DELETE", u"/slos/slo-nope"_s).httpStatus, 404);
        QCOMPARE(m_runtime.api("PUT", u"/slos"_s).httpStatus, 405);
        QCOMPARE(cli({u"slo"_s, u"add"_s, u"--job"_s, u"x"_s}), 2); // no --objective: a usage error
        QCOMPARE(cli({u"slo"_s, u"add"_s, u"--job"_s, u"x"_s, u"--objective"_s, u"1.5"_s}), 1); // refused
        QJsonValue json;
        QCOMPARE(cli({u"slo"_s, u"list"_s}, &json), 0);
        QCOMPARE(json.toArray().size(), 0); // nothing was stored
    }

    void slosAreDefinedAndStored()
    {
        m_failingSlo = add({u"--job"_s, u"export_report"_s, u"--objective"_s, u"99%"_s, u"--name"_s, u"daily export"_s});
        m_healthySlo = add({u"--job"_s, u"many_tasks"_s, u"--objective"_s, u"0.99"_s, u"--window"_s, u"7d"_s});
        m_tagSlo = add({u"--tag"_s, u"pipeline=nightly"_s, u"--objective"_s, u"0.99"_s});
        QVERIFY(m_failingSlo.startsWith(u"slo-"_s));
        QVERIFY(!m_healthySlo.isEmpty() && !m_tagSlo.isEmpty());
        const QJsonObject failing = slo(m_failingSlo);
        QCOMPARE(failing.value(u"name"_s).toString(), u"daily export"_s);
        QCOMPARE(failing.value(u"job"_s).toString(), u"export_report"_s);
        QCOMPARE(failing.value(u"objective"_s).toDouble(), 0.99);
        QCOMPARE(failing.value(u"window"_s).toString(), u"30d"_s);
        QCOMPARE(slo(m_healthySlo).value(u"window"_s).toString(), u"7d"_s);
        // No runs yet: no SLI, an untouched budget, no alert.
        const QJsonObject st = failing.value(u"status"_s).toObject();
        QVERIFY(st.value(u"sli"_s).isNull());
        QCOMPARE(st.value(u"budgetRemaining"_s).toDouble(), 1.0);
        QCOMPARE(st.value(u"alert"_s).toString(), u"none"_s);
    }

    void aFailingJobPagesWithExactlyOneIncidentAndAHealthyOneDoesNot()
    {
        QVERIFY2(::geteuid() == 0, "export_report fails on permission only when the runtime runs as root");
        for (int i = 0; i < 3; ++i) {
            QJsonValue json;
            QCOMPARE(cli({u"job"_s, u"submit"_s, m_clusterId, u"--sample"_s, u"export_report"_s, u"--wait"_s}, &json), 1);
            const Job failed = Job::fromJson(json.toObject());
            QCOMPARE(toString(failed.state), u"FAILED"_s);
            m_failedJobs.append(failed.id);
        }
        QJsonValue json;
        QCOMPARE(cli({u"job"_s, u"submit"_s, m_clusterId, u"--sample"_s, u"many_tasks"_s, u"--arg"_s, u"8"_s,
                      u"--arg"_s, u"0.1"_s, u"--wait"_s},
                     &json),
                 0);
        QCOMPARE(toString(Job::fromJson(json.toObject()).state), u"COMPLETED"_s);

        // The failing SLO: 3 of 3 runs bad against a 1% budget: 100x over 5 min and 1 h: a page.
        QTRY_COMPARE_WITH_TIMEOUT(slo(m_failingSlo).value(u"status"_s).toObject().value(u"alert"_s).toString(),
                                  u"page"_s, 10000);
        const QJsonObject st = slo(m_failingSlo).value(u"status"_s).toObject();
        QCOMPARE(st.value(u"alertRule"_s).toString(), u"page-1h"_s);
        QCOMPARE(st.value(u"sli"_s).toDouble(), 0.0);
        QCOMPARE(st.value(u"events"_s).toInt(), 3);
        QCOMPARE(st.value(u"badEvents"_s).toInt(), 3);
        QCOMPARE(st.value(u"burnRates"_s).toObject().value(u"1h"_s).toDouble(), 100.0);
        QCOMPARE(st.value(u"burnRates"_s).toObject().value(u"5m"_s).toDouble(), 100.0);
        QVERIFY(st.value(u"budgetRemaining"_s).toDouble() < 0); // 100% bad: the 30-day budget is overspent
        QCOMPARE(st.value(u"badRuns"_s).toArray().size(), 3);

        // The healthy SLO: its one run completed: 100%, nothing burning.
        const QJsonObject healthy = slo(m_healthySlo).value(u"status"_s).toObject();
        QCOMPARE(healthy.value(u"alert"_s).toString(), u"none"_s);
        QCOMPARE(healthy.value(u"sli"_s).toDouble(), 1.0);
        QCOMPARE(healthy.value(u"burnRates"_s).toObject().value(u"1h"_s).toDouble(), 0.0);
        QCOMPARE(healthy.value(u"budgetRemaining"_s).toDouble(), 1.0);
        QVERIFY(healthy.value(u"incident"_s).isNull());

        // The tag SLO sees all four runs of the tagged cluster: 3 bad of 4, 75x: a page too.
        const QJsonObject tag = slo(m_tagSlo).value(u"status"_s).toObject();
        QCOMPARE(tag.value(u"events"_s).toInt(), 4);
        QCOMPARE(tag.value(u"alert"_s).toString(), u"page"_s);

        // One incident per firing SLO, not one per failed run: two SLOs fire, two incidents.
        QTRY_COMPARE_WITH_TIMEOUT(incidentsOfType(u"slo_burn"_s).size(), 2, 10000);
        QTest::qWait(1500); // three more rounds: still two
        const QJsonArray burns = incidentsOfType(u"slo_burn"_s);
        QCOMPARE(burns.size(), 2);
        QJsonObject mine;
        for (const QJsonValue &v : burns)
            if (v.toObject().value(u"subject"_s).toString() == m_failingSlo)
                mine = v.toObject();
        QVERIFY2(!mine.isEmpty(), "no slo_burn incident about the failing SLO");
        QCOMPARE(mine.value(u"severity"_s).toString(), u"CRITICAL"_s); // a page with the budget spent
        QCOMPARE(mine.value(u"runbook"_s).toString(), u"slo_burn"_s);
        QVERIFY(mine.value(u"end"_s).isNull());
        QVERIFY2(mine.value(u"summary"_s).toString().contains(u"daily export"_s), qPrintable(mine.value(u"summary"_s).toString()));
        const QJsonArray evidence = mine.value(u"evidence"_s).toArray();
        QCOMPARE(evidence.size(), 2);
        const QStringList runLines = [&] {
            QStringList lines;
            for (const QJsonValue &l : evidence[1].toObject().value(u"lines"_s).toArray())
                lines.append(l.toString());
            return lines;
        }();
        QCOMPARE(runLines.size(), 3);
        for (const QString &jobId : std::as_const(m_failedJobs))
            QVERIFY2(runLines.join(u'\n').contains(jobId), qPrintable(jobId));
        for (const QString &line : runLines) // each bad run with its state and why it ended
            QVERIFY2(line.contains(u"FAILED"_s) && line.contains(u"code 1"_s), qPrintable(line));
        QCOMPARE(slo(m_failingSlo).value(u"status"_s).toObject().value(u"incident"_s).toObject().value(u"id"_s).toString(),
                 mine.value(u"id"_s).toString());
        const ApiReply runbook = m_runtime.api("GET", u"/runbooks/slo_burn"_s);
        QCOMPARE(runbook.httpStatus, 200);
        for (const char *section : {"## Symptom", "## Checks", "## Fixes"})
            QVERIFY(runbook.body.toObject().value(u"markdown"_s).toString().contains(QLatin1StringView(section)));

        // A fourth failure is the same broken pipeline: still one incident for it.
        QCOMPARE(cli({u"job"_s, u"submit"_s, m_clusterId, u"--sample"_s, u"export_report"_s, u"--wait"_s}), 1);
        QTRY_COMPARE_WITH_TIMEOUT(slo(m_failingSlo).value(u"status"_s).toObject().value(u"events"_s).toInt(), 4, 5000);
        QTest::qWait(1500);
        QCOMPARE(incidentsOfType(u"slo_burn"_s).size(), 2);
    }

    void slosAndTheirIncidentSurviveARestart()
    {
        m_runtime.stop();
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        QCOMPARE(slo(m_failingSlo).value(u"name"_s).toString(), u"daily export"_s);
        QTRY_COMPARE_WITH_TIMEOUT(slo(m_failingSlo).value(u"status"_s).toObject().value(u"alert"_s).toString(),
                                  u"page"_s, 10000);
        QTest::qWait(1500); // rounds of the new runtime: the open incident was found again, not duplicated
        QCOMPARE(incidentsOfType(u"slo_burn"_s).size(), 2);
    }

    void removingAnSloEndsItsIncident()
    {
        QJsonValue json;
        QCOMPARE(cli({u"slo"_s, u"remove"_s, m_tagSlo}, &json), 0);
        QCOMPARE(json.toObject().value(u"deleted"_s).toString(), m_tagSlo);
        QVERIFY(slo(m_tagSlo).isEmpty());
        QCOMPARE(cli({u"slo"_s, u"remove"_s, m_tagSlo}), 1); // gone: 404
        const QJsonArray burns = incidentsOfType(u"slo_burn"_s);
        QCOMPARE(burns.size(), 2); // history is kept ...
        int open = 0;
        for (const QJsonValue &v : burns) {
            const QJsonObject o = v.toObject();
            open += o.value(u"end"_s).isNull();
            if (o.value(u"subject"_s).toString() == m_tagSlo)
                QVERIFY(o.value(u"end"_s).isString()); // ... and the removed SLO's incident is over
        }
        QCOMPARE(open, 1);
    }
};

QTEST_GUILESS_MAIN(TstSloIntegration)
#include "tst_slo_integration.moc"
