// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The YARN parsers on every example body of Hadoop's REST doc, and the client against a loopback server
// replaying them (including the kill sequence 202 then 200) and against broken answers.
#include "core/backend/yarn/yarnclient.h"
#include "core/backend/yarn/yarnmodel.h"
#include "replayserver.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck::yarn;

namespace {

QString rmRestDir() { return cdeck::test::fixturesDir() + u"/yarn/rm-rest/"_s; }

QByteArray fixture(const QString &name)
{
    QFile f(rmRestDir() + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonValue json(const QByteArray &data)
{
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

using cdeck::test::ReplayServer;
using cdeck::test::SeenRequest;

QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &body)
{
    return ReplayServer::httpResponse(status, reason, body);
}

QByteArray ok(const QByteArray &body) { return ReplayServer::ok(body); }

const QByteArray kStatePath = "/ws/v1/cluster/apps/application_1399397633663_0003/state";

} // namespace

class TstYarnClient : public QObject
{
    Q_OBJECT
private:
    ReplayServer m_server;

    QUrl rmUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.port())); }

    template<typename Call>
    YarnReply wait(Call call)
    {
        YarnReply result;
        bool done = false;
        call([&](const YarnReply &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            result.error = u"test: no callback"_s;
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_server.notFound = httpResponse(404, "Not Found", fixture(u"webservices-intro.error-404.response-1.json"_s));
        auto &r = m_server.responses;
        r.insert("GET /ws/v1/cluster/info", {ok(fixture(u"cluster-information-api.response-1.json"_s))});
        r.insert("GET /ws/v1/cluster/metrics", {ok(fixture(u"cluster-metrics-api.response-1.json"_s))});
        r.insert("GET /ws/v1/cluster/nodes", {ok(fixture(u"cluster-nodes-api.response-1.json"_s))});
        r.insert("GET /ws/v1/cluster/nodes/host.domain.com:54158", {ok(fixture(u"cluster-node-api.response-1.json"_s))});
        r.insert("GET /ws/v1/cluster/apps", {ok(fixture(u"cluster-applications-api.response-1.json"_s))});
        r.insert("GET /ws/v1/cluster/apps/application_1476912658570_0002",
                 {ok(fixture(u"cluster-application-api.response-1.json"_s))});
        // The doc's "sample usage": the same app polled while running, then once finished.
        r.insert("GET /ws/v1/cluster/apps/application_1326821518301_0010",
                 {ok(fixture(u"webservices-intro.app.response-2.json"_s)),
                  ok(fixture(u"webservices-intro.app.response-3.json"_s))});
        r.insert("GET " + kStatePath, {ok(fixture(u"cluster-application-state-api.response-1.json"_s))});
        r.insert("PUT " + kStatePath,
                 {httpResponse(202, "Accepted", fixture(u"cluster-application-state-api.response-2.json"_s)),
                  ok(fixture(u"cluster-application-state-api.response-3.json"_s))});
        // An app the RM never gets round to killing: 202 for ever.
        r.insert("PUT /ws/v1/cluster/apps/application_stuck/state",
                 {httpResponse(202, "Accepted", fixture(u"cluster-application-state-api.response-2.json"_s))});
        r.insert("PUT /ws/v1/cluster/apps/application_noauth/state",
                 {httpResponse(401, "Unauthorized", "<html><body>Error 401 Unauthorized</body></html>")});
        r.insert("GET /ws/v1/cluster/apps/malformed", {ok("{\"app\": {\"id\": \"application_1_0001\",")});
        const QByteArray full = ok(fixture(u"cluster-applications-api.response-1.json"_s));
        // Content-Length promises the whole body; the server closes after 300 bytes of it.
        r.insert("GET /ws/v1/cluster/apps/truncated", {full.left(full.indexOf("\r\n\r\n") + 304)});
        r.insert("GET /ws/v1/cluster/apps/huge", {ReplayServer::huge("{\"apps\":")});
        r.insert("GET /ws/v1/cluster/apps/silent", {ReplayServer::silent()});
        r.insert("GET /ws/v1/cluster/apps/notjson", {ok("[1, 2, 3]")});
    }

    // --- parsers on the doc's example bodies ---

    // Every body of INDEX.tsv is valid JSON, and every parser either reads it or refuses it with a reason;
    // the parser made for an endpoint reads that endpoint's example.
    void everyFixtureBody_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("urlPath");
        QFile index(rmRestDir() + u"INDEX.tsv"_s);
        QVERIFY2(index.open(QIODevice::ReadOnly), qPrintable(index.fileName()));
        const QList<QByteArray> lines = index.readAll().split('\n');
        int rows = 0;
        for (const QByteArray &line : lines.mid(1)) {
            const QList<QByteArray> cols = line.split('\t');
            if (cols.size() < 6)
                continue;
            const QString file = QString::fromUtf8(cols[0]);
            QTest::newRow(cols[0].constData()) << file << QString::fromUtf8(cols[3]) << QString::fromUtf8(cols[4]);
            ++rows;
        }
        QCOMPARE(rows, 47);
    }
    void everyFixtureBody()
    {
        QFETCH(QString, file);
        QFETCH(QString, method);
        QFETCH(QString, urlPath);
        const QByteArray data = fixture(file);
        QVERIFY2(!data.isEmpty(), qPrintable(file));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        const QJsonValue body = json(data);

        QString e1, e2, e3, e4, e5, e6, e7;
        const auto info = parseClusterInfo(body, &e1);
        const auto metrics = parseClusterMetrics(body, &e2);
        const auto nodes = parseNodes(body, &e3);
        const auto node = parseNode(body, &e4);
        const auto apps = parseApps(body, &e5);
        const auto app = parseApp(body, &e6);
        const auto state = parseAppState(body, &e7);
        // A refusal always says why.
        QVERIFY(info || !e1.isEmpty());
        QVERIFY(metrics || !e2.isEmpty());
        QVERIFY(nodes || !e3.isEmpty());
        QVERIFY(node || !e4.isEmpty());
        QVERIFY(apps || !e5.isEmpty());
        QVERIFY(app || !e6.isEmpty());
        QVERIFY(state || !e7.isEmpty());

        const bool response = !file.contains(u".request-"_s);
        const QString p = urlPath.section(u'?', 0, 0);
        if (response && method == u"GET"_s) {
            if (p == u"/ws/v1/cluster/info"_s)
                QVERIFY2(info, qPrintable(e1));
            else if (p == u"/ws/v1/cluster/metrics"_s)
                QVERIFY2(metrics, qPrintable(e2));
            else if (p == u"/ws/v1/cluster/nodes"_s)
                QVERIFY2(nodes && !nodes->isEmpty(), qPrintable(e3));
            else if (p.startsWith(u"/ws/v1/cluster/nodes/"_s))
                QVERIFY2(node, qPrintable(e4));
            else if (p == u"/ws/v1/cluster/apps"_s)
                QVERIFY2(apps && !apps->isEmpty(), qPrintable(e5));
            else if (p.endsWith(u"/state"_s))
                QVERIFY2(state, qPrintable(e7));
            else if (file.contains(u"error-404"_s))
                QVERIFY(parseRemoteException(body).contains(u"NotFoundException"_s));
            else if (p.count(u'/') == 5 && p.startsWith(u"/ws/v1/cluster/apps/"_s))
                QVERIFY2(app && !app->id.isEmpty(), qPrintable(e6));
        }
        if (file.startsWith(u"cluster-application-state-api"_s))
            QVERIFY2(state, qPrintable(e7)); // requests and answers of the kill sequence alike
        // Where no parser applies, none pretends to: a scheduler or reservation body is not a list of apps.
        if (!p.startsWith(u"/ws/v1/cluster/apps"_s))
            QVERIFY(!apps && !app);
        if (!p.startsWith(u"/ws/v1/cluster/nodes"_s))
            QVERIFY(!nodes && !node);
    }

    void clusterInfoAndMetrics()
    {
        QString error;
        const auto info = parseClusterInfo(json(fixture(u"cluster-information-api.response-1.json"_s)), &error);
        QVERIFY2(info, qPrintable(error));
        QCOMPARE(info->id, u"1324053971963"_s); // a number in JSON, an id here: no "1.32405e+12"
        QCOMPARE(info->startedOn.toMSecsSinceEpoch(), 1324053971963);
        QCOMPARE(info->state, u"STARTED"_s);
        QCOMPARE(info->haState, u"ACTIVE"_s);
        QCOMPARE(info->hadoopVersion, u"3.0.0-SNAPSHOT"_s);
        QCOMPARE(info->hadoopVersionBuiltOn, u"2016-01-01T01:00Z"_s); // a date string, kept as text
        const auto metrics = parseClusterMetrics(json(fixture(u"cluster-metrics-api.response-1.json"_s)), &error);
        QVERIFY2(metrics, qPrintable(error));
        QCOMPARE(metrics->availableMB, 17408);
        QCOMPARE(metrics->totalMB, 17408);
        QCOMPARE(metrics->totalVirtualCores, 8);
        QCOMPARE(metrics->allocatedVirtualCores, 1);
        QCOMPARE(metrics->activeNodes, 1);

        const cdeck::ClusterInfo c = toClusterInfo({*info, *metrics}, u"emr-prod"_s, u"http://rm:8088"_s);
        QCOMPARE(c.id, u"1324053971963"_s);
        QCOMPARE(c.name(), u"emr-prod"_s);
        QCOMPARE(cdeck::toString(c.state), cdeck::toString(cdeck::ClusterState::Waiting)); // no app running
        QCOMPARE(c.runningWorkers, 1);
        QCOMPARE(c.activeJobs, 0);
        QCOMPARE(c.dashboardUrl, u"http://rm:8088"_s);
        QCOMPARE(c.createdAt.toMSecsSinceEpoch(), 1324053971963);

        YarnCluster busy{*info, *metrics};
        busy.metrics.appsRunning = 2;
        QCOMPARE(cdeck::toString(toClusterInfo(busy, {}, {}).state), cdeck::toString(cdeck::ClusterState::Running));
        busy.info.haState = u"STANDBY"_s;
        QVERIFY(!toClusterInfo(busy, {}, {}).stateReason.isEmpty());
        busy.info.state = u"STOPPED"_s;
        QCOMPARE(cdeck::toString(toClusterInfo(busy, {}, {}).state), cdeck::toString(cdeck::ClusterState::Terminated));
    }

    void nodesAsExecutors()
    {
        QString error;
        const auto nodes = parseNodes(json(fixture(u"cluster-nodes-api.response-1.json"_s)), &error);
        QVERIFY2(nodes, qPrintable(error));
        QCOMPARE(nodes->size(), 2); // the doc's example repeats one node: kept as sent, not deduplicated
        const YarnNode &n = nodes->at(0);
        QCOMPARE(n.id, u"host.domain.com:54158"_s);
        QCOMPARE(n.rack, u"/default-rack"_s);
        QCOMPARE(n.httpAddress, u"host.domain.com:8042"_s);
        QCOMPARE(n.availMemoryMB, 8192);
        QCOMPARE(n.physicalMemoryMB, 1027);
        QVERIFY(qAbs(n.cpuUsage - 0.016661113128066063) < 1e-12);
        QCOMPARE(n.lastHealthUpdate.toMSecsSinceEpoch(), 1476995346399);

        const cdeck::Executor x = toExecutor(n);
        QCOMPARE(x.id, u"host.domain.com:54158"_s);
        QCOMPARE(x.address, u"host.domain.com:8042"_s);
        QCOMPARE(cdeck::toString(x.status), cdeck::toString(cdeck::ExecutorStatus::Running));
        QVERIFY(x.statusReason.isEmpty());
        QCOMPARE(x.threads, 8);
        QCOMPARE(x.memoryLimitBytes, 8192LL * 1024 * 1024);
        QCOMPARE(x.memoryManagedBytes, 0);
        QCOMPARE(x.tasksExecuting, 0);
        QVERIFY(qAbs(x.cpuPercent - 1.6661113128066063) < 1e-9);
        QCOMPARE(x.updatedAt, n.lastHealthUpdate);

        const auto one = parseNode(json(fixture(u"cluster-node-api.response-1.json"_s)), &error);
        QVERIFY2(one, qPrintable(error));
        QCOMPARE(one->lastHealthUpdate.toMSecsSinceEpoch(), 1476916746399);
        QCOMPARE(one->physicalMemoryMB, 968);
    }

    void nodeStates_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<cdeck::ExecutorStatus>("status");
        QTest::addColumn<bool>("hasAddress");
        QTest::newRow("NEW") << u"NEW"_s << cdeck::ExecutorStatus::Starting << true;
        QTest::newRow("RUNNING") << u"RUNNING"_s << cdeck::ExecutorStatus::Running << true;
        QTest::newRow("DECOMMISSIONING") << u"DECOMMISSIONING"_s << cdeck::ExecutorStatus::Retiring << true;
        QTest::newRow("DECOMMISSIONED") << u"DECOMMISSIONED"_s << cdeck::ExecutorStatus::Retired << false;
        QTest::newRow("SHUTDOWN") << u"SHUTDOWN"_s << cdeck::ExecutorStatus::Retired << false;
        QTest::newRow("LOST") << u"LOST"_s << cdeck::ExecutorStatus::Lost << false;
        QTest::newRow("UNHEALTHY") << u"UNHEALTHY"_s << cdeck::ExecutorStatus::Lost << true;
        QTest::newRow("REBOOTED") << u"REBOOTED"_s << cdeck::ExecutorStatus::Lost << false;
    }
    void nodeStates()
    {
        QFETCH(QString, state);
        QFETCH(cdeck::ExecutorStatus, status);
        QFETCH(bool, hasAddress);
        YarnNode n;
        n.id = u"h1:45454"_s;
        n.httpAddress = u"h1:8042"_s;
        n.state = state;
        n.healthReport = state == u"UNHEALTHY"_s ? u"1/1 local-dirs are bad"_s : QString();
        const cdeck::Executor x = toExecutor(n);
        QCOMPARE(cdeck::toString(x.status), cdeck::toString(status));
        QCOMPARE(!x.address.isEmpty(), hasAddress);
        if (status != cdeck::ExecutorStatus::Running)
            QVERIFY(!x.statusReason.isEmpty());
        if (state == u"UNHEALTHY"_s)
            QCOMPARE(x.statusReason, u"1/1 local-dirs are bad"_s); // the NM's own words, not ours
    }

    void appsAsJobs()
    {
        QString error;
        const auto apps = parseApps(json(fixture(u"cluster-applications-api.response-1.json"_s)), &error);
        QVERIFY2(apps, qPrintable(error));
        QCOMPARE(apps->size(), 2);
        const YarnApp &a = apps->at(0);
        QCOMPARE(a.id, u"application_1476912658570_0002"_s);
        QCOMPARE(a.user, u"user2"_s);
        QCOMPARE(a.clusterId, u"1476912658570"_s);
        QCOMPARE(a.applicationType, u"MAPREDUCE"_s);
        QVERIFY(a.applicationTags.isEmpty());
        QCOMPARE(a.priority, -1);
        QCOMPARE(a.progress, 100.0);
        QCOMPARE(a.elapsedMs, 304578);
        QCOMPARE(a.memorySeconds, 206464);
        QCOMPARE(a.vcoreSeconds, 201);

        const cdeck::Job j = toJob(a);
        QCOMPARE(j.id, a.id);
        QCOMPARE(j.clusterId, u"1476912658570"_s);
        QCOMPARE(j.name, u"word count"_s);
        QCOMPARE(cdeck::toString(j.state), cdeck::toString(cdeck::JobState::Completed));
        QCOMPARE(j.submittedAt.toMSecsSinceEpoch(), 1476913457320);
        QCOMPARE(j.startedAt.toMSecsSinceEpoch(), 1476913457320); // no launchTime in this RM's answer
        QCOMPARE(j.endedAt.toMSecsSinceEpoch(), 1476913761898);
        QCOMPARE(j.durationSeconds(QDateTime::currentDateTimeUtc()), 304.578);

        const auto single = parseApp(json(fixture(u"cluster-application-api.response-1.json"_s)), &error);
        QVERIFY2(single, qPrintable(error));
        QCOMPARE(single->allocatedMB, -1); // finished apps report -1, kept as sent

        const auto accepted = parseApp(json(fixture(u"webservices-intro.app.response-1.json"_s)), &error);
        QVERIFY2(accepted, qPrintable(error));
        const cdeck::Job pending = toJob(*accepted);
        QCOMPARE(cdeck::toString(pending.state), cdeck::toString(cdeck::JobState::Pending));
        QCOMPARE(pending.name, u"application_1324057493980_0001"_s); // unnamed app: its id, not a blank row
        QCOMPARE(pending.submittedAt.toMSecsSinceEpoch(), 1324057495921);
        QVERIFY(!pending.startedAt.isValid());
        QVERIFY(!pending.endedAt.isValid()); // finishedTime 0: not 1970

        const auto running = parseApp(json(fixture(u"webservices-intro.app.response-2.json"_s)), &error);
        QVERIFY2(running, qPrintable(error));
        QVERIFY(qAbs(running->progress - 82.44703) < 1e-9);
        QCOMPARE(running->trackingUrl, u"http://host.domain.com:8088/proxy/application_1326821518301_0010/"_s);
        const cdeck::Job r = toJob(*running);
        QCOMPARE(cdeck::toString(r.state), cdeck::toString(cdeck::JobState::Running));
        QVERIFY(r.startedAt.isValid());
        QVERIFY(!r.endedAt.isValid());
    }

    void appStates_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("finalStatus");
        QTest::addColumn<cdeck::JobState>("expected");
        for (const char *s : {"NEW", "NEW_SAVING", "SUBMITTED", "ACCEPTED"})
            QTest::newRow(s) << QString::fromLatin1(s) << u"UNDEFINED"_s << cdeck::JobState::Pending;
        QTest::newRow("RUNNING") << u"RUNNING"_s << u"UNDEFINED"_s << cdeck::JobState::Running;
        QTest::newRow("FINISHED/SUCCEEDED") << u"FINISHED"_s << u"SUCCEEDED"_s << cdeck::JobState::Completed;
        QTest::newRow("FINISHED/FAILED") << u"FINISHED"_s << u"FAILED"_s << cdeck::JobState::Failed;
        QTest::newRow("FINISHED/KILLED") << u"FINISHED"_s << u"KILLED"_s << cdeck::JobState::Cancelled;
        QTest::newRow("FINISHED/UNDEFINED") << u"FINISHED"_s << u"UNDEFINED"_s << cdeck::JobState::Interrupted;
        QTest::newRow("FAILED") << u"FAILED"_s << u"FAILED"_s << cdeck::JobState::Failed;
        QTest::newRow("KILLED") << u"KILLED"_s << u"KILLED"_s << cdeck::JobState::Cancelled;
        QTest::newRow("unknown") << u"RECOVERING"_s << u""_s << cdeck::JobState::Interrupted;
    }
    void appStates()
    {
        QFETCH(QString, state);
        QFETCH(QString, finalStatus);
        QFETCH(cdeck::JobState, expected);
        QCOMPARE(cdeck::toString(jobState(state, finalStatus)), cdeck::toString(expected));
        YarnApp a;
        a.id = u"application_1_0001"_s;
        a.state = state;
        a.finalStatus = finalStatus;
        a.diagnostics = expected == cdeck::JobState::Failed ? u"Application failed 2 times"_s : QString();
        const cdeck::Job j = toJob(a);
        if (expected == cdeck::JobState::Failed)
            QCOMPARE(j.stateReason, u"Application failed 2 times"_s);
        if (expected == cdeck::JobState::Interrupted)
            QVERIFY(!j.stateReason.isEmpty());
    }

    // Shapes the doc does not print but RMs send: empty lists, a lone element as an object, numbers as strings.
    void collectionShapes()
    {
        QString error;
        auto apps = parseApps(json(R"({"apps": null})"_ba), &error);
        QVERIFY(apps && apps->isEmpty());
        apps = parseApps(json(R"({"apps": {}})"_ba), &error);
        QVERIFY(apps && apps->isEmpty());
        apps = parseApps(json(R"({"apps": {"app": {"id": "application_7_0001", "startedTime": "1531405909444",
                                    "allocatedMB": "1536", "applicationTags": "etl, nightly"}}})"_ba),
                         &error);
        QVERIFY2(apps, qPrintable(error));
        QCOMPARE(apps->size(), 1);
        QCOMPARE(apps->at(0).startedTime.toMSecsSinceEpoch(), 1531405909444);
        QCOMPARE(apps->at(0).allocatedMB, 1536);
        QCOMPARE(apps->at(0).applicationTags, (QStringList{u"etl"_s, u"nightly"_s}));
        const auto nodes = parseNodes(json(R"({"nodes": {"node": []}})"_ba), &error);
        QVERIFY(nodes && nodes->isEmpty());
        error.clear();
        QVERIFY(!parseNodes(json(R"({"nodes": {"node": [1, 2]}})"_ba), &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!parseApps(json(R"({"apps": "none"})"_ba), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(parseRemoteException(json(R"({"other": 1})"_ba)), QString());
    }

    // --- the client against the loopback replay ---

    void readsTheCluster()
    {
        YarnClient client(rmUrl());
        std::optional<YarnCluster> result;
        QString error = u"pending"_s;
        client.cluster([&](const std::optional<YarnCluster> &c, const QString &e) {
            result = c;
            error = e;
        });
        QVERIFY(QTest::qWaitFor([&] { return error != u"pending"_s; }, 15000));
        QVERIFY2(result, qPrintable(error));
        QCOMPARE(result->info.id, u"1324053971963"_s);
        QCOMPARE(result->metrics.totalMB, 17408);
    }

    void readsNodesWithStateFilter()
    {
        YarnClient client(rmUrl());
        m_server.seen.clear();
        const YarnReply r = wait([&](auto cb) { client.nodes({u"RUNNING"_s, u"UNHEALTHY"_s}, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QString error;
        const auto nodes = parseNodes(r.body, &error);
        QVERIFY2(nodes, qPrintable(error));
        QCOMPARE(nodes->size(), 2);
        QCOMPARE(m_server.seen.size(), 1);
        QCOMPARE(m_server.seen[0].query, "states=RUNNING,UNHEALTHY");

        // A node id is host:port; it must reach the RM as one path segment.
        const YarnReply one = wait([&](auto cb) { client.node(u"host.domain.com:54158"_s, cb); });
        QVERIFY2(one.ok(), qPrintable(one.error));
        QVERIFY(parseNode(one.body, &error));
    }

    void readsAppsWithFilters()
    {
        YarnClient client(rmUrl());
        client.setUserName(u"alice"_s);
        m_server.seen.clear();
        AppFilter f;
        f.states = {u"RUNNING"_s, u"ACCEPTED"_s};
        f.applicationTypes = {u"SPARK"_s};
        f.limit = 50;
        f.startedTimeBegin = QDateTime::fromMSecsSinceEpoch(1476913000000, Qt::UTC);
        const YarnReply r = wait([&](auto cb) { client.apps(f, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QString error;
        const auto apps = parseApps(r.body, &error);
        QVERIFY2(apps, qPrintable(error));
        QCOMPARE(apps->size(), 2);
        QCOMPARE(m_server.seen.size(), 1);
        QCOMPARE(m_server.seen[0].method, "GET");
        QCOMPARE(m_server.seen[0].query,
                 "states=RUNNING,ACCEPTED&applicationTypes=SPARK&limit=50&startedTimeBegin=1476913000000"
                 "&deSelects=resourceRequests&user.name=alice");
    }

    void pollsOneApp()
    {
        YarnClient client(rmUrl());
        QString error;
        const YarnReply first = wait([&](auto cb) { client.app(u"application_1326821518301_0010"_s, cb); });
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(cdeck::toString(toJob(*parseApp(first.body, &error)).state), cdeck::toString(cdeck::JobState::Running));
        const YarnReply second = wait([&](auto cb) { client.app(u"application_1326821518301_0010"_s, cb); });
        QVERIFY2(second.ok(), qPrintable(second.error));
        const cdeck::Job done = toJob(*parseApp(second.body, &error));
        QCOMPARE(cdeck::toString(done.state), cdeck::toString(cdeck::JobState::Completed));
        QCOMPARE(done.endedAt.toMSecsSinceEpoch(), 1326861991282);

        const YarnReply state = wait([&](auto cb) { client.appState(u"application_1399397633663_0003"_s, cb); });
        QVERIFY2(state.ok(), qPrintable(state.error));
        QCOMPARE(parseAppState(state.body, &error).value_or(QString()), u"ACCEPTED"_s);
    }

    void killsAnApplication()
    {
        YarnClient client(rmUrl());
        client.setUserName(u"alice"_s);
        client.setKillPolling(5, 50);
        m_server.seen.clear();
        const YarnReply r = wait([&](auto cb) { client.killApplication(u"application_1399397633663_0003"_s, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.httpStatus, 200);
        QString error;
        QCOMPARE(parseAppState(r.body, &error).value_or(QString()), u"KILLED"_s);
        // 202 with the current state first, then the PUT again until 200 KILLED, as the RM's doc describes.
        QCOMPARE(m_server.seen.size(), 2);
        const QJsonValue expectedBody = json(fixture(u"cluster-application-state-api.request-1.json"_s));
        for (const SeenRequest &s : std::as_const(m_server.seen)) {
            QCOMPARE(s.method, "PUT");
            QCOMPARE(s.path, kStatePath);
            QCOMPARE(s.query, "user.name=alice"); // writes need a user on the request
            QVERIFY(s.contentType.startsWith("application/json"));
            QCOMPARE(json(s.body), expectedBody);
        }
    }

    void killThatNeverLands()
    {
        YarnClient client(rmUrl());
        client.setKillPolling(3, 20);
        m_server.seen.clear();
        const YarnReply r = wait([&](auto cb) { client.killApplication(u"application_stuck"_s, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.httpStatus, 202);
        QVERIFY2(r.error.contains(u"ACCEPTED"_s), qPrintable(r.error));
        QCOMPARE(m_server.seen.size(), 3);

        const YarnReply denied = wait([&](auto cb) { client.killApplication(u"application_noauth"_s, cb); });
        QCOMPARE(denied.httpStatus, 401);
        QVERIFY2(!denied.error.contains(u"<html>"_s), qPrintable(denied.error)); // Jetty's page is not a message
    }

    void notFoundCarriesTheRemoteException()
    {
        YarnClient client(rmUrl());
        const YarnReply r = wait([&](auto cb) { client.app(u"application_1324057493980_9999"_s, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.httpStatus, 404);
        QVERIFY2(r.error.contains(u"NotFoundException"_s), qPrintable(r.error));
        QVERIFY2(r.error.contains(u"application_1324057493980_9999 not found"_s), qPrintable(r.error));
        QVERIFY(r.body.toObject().contains(u"RemoteException"_s));
    }

    void failsCleanly_data()
    {
        QTest::addColumn<QString>("appId");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("404") << u"application_0_0000"_s << u"HTTP 404"_s;
        QTest::newRow("malformed") << u"malformed"_s << u"not valid JSON"_s;
        QTest::newRow("not an object") << u"notjson"_s << u"not a JSON object"_s;
        QTest::newRow("truncated") << u"truncated"_s << u"cut off"_s;
        QTest::newRow("huge") << u"huge"_s << u"larger than 1 MiB"_s;
        QTest::newRow("silent") << u"silent"_s << u"no answer"_s;
    }
    void failsCleanly()
    {
        QFETCH(QString, appId);
        QFETCH(QString, errorPart);
        YarnClient client(rmUrl());
        client.setMaxResponseBytes(1 << 20);
        client.setTimeoutMs(300);
        const YarnReply r = wait([&](auto cb) { client.app(appId, cb); });
        QVERIFY(!r.ok());
        QVERIFY(!r.error.isEmpty());
        QVERIFY2(r.error.contains(errorPart), qPrintable(r.error));
        QString error;
        QVERIFY(!parseApp(r.body, &error)); // nothing half-read reaches a parser
    }

    void unreachableServerIsAnError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        YarnClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        const YarnReply r = wait([&](auto cb) { client.clusterInfo(cb); });
        QCOMPARE(r.httpStatus, 0);
        QVERIFY(!r.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstYarnClient)
#include "tst_yarnclient.moc"
