// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// clusterdeck-cli's command line as a script sees it: exit codes, per-command options, global options
// anywhere, the environment, clusters by name, errors as JSON. The runtime is a ReplayServer.
#include "replayserver.h"
#include "testpaths.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using cdeck::test::ReplayServer;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument errJson() const { return QJsonDocument::fromJson(err.trimmed()); }
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_tokenFile;
    ReplayServer m_server;

    QString url() const { return u"http://127.0.0.1:%1"_s.arg(m_server.port()); }

    // Runs the CLI while this process's event loop serves the replay server.
    Run cli(const QStringList &args, const QHash<QString, QString> &env = {})
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(u"CLUSTERDECK_RUNTIME"_s);
        e.remove(u"CLUSTERDECK_TOKEN_FILE"_s);
        e.insert(u"XDG_DATA_HOME"_s, m_dir.path() + u"/nowhere"_s); // no default token to fall back on
        for (auto it = env.begin(); it != env.end(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        QEventLoop loop;
        connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        p.start(cdeck::test::binDir() + u"/clusterdeck-cli"_s, args);
        loop.exec();
        Run r;
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    QStringList connection() const { return {u"--runtime"_s, url(), u"--token-file"_s, m_tokenFile}; }
    QList<QByteArray> seenPaths() const
    {
        QList<QByteArray> paths;
        for (const auto &s : m_server.seen)
            paths.append(s.method + ' ' + s.path);
        return paths;
    }

    static QByteArray clusterJson(const char *id, const char *name, const char *state)
    {
        return QByteArray("{\"id\":\"") + id + "\",\"name\":\"" + name + "\",\"state\":\"" + state
            + "\",\"workers\":2,\"runningWorkers\":2,\"instanceType\":\"m5.xlarge\"}";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tokenFile = m_dir.path() + u"/token"_s;
        QFile f(m_tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("0123456789abcdef0123456789abcdef\n");
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(m_server.listen());
        m_server.responses.insert("GET /api/v1/clusters",
                                  {ReplayServer::ok("[" + clusterJson("c-aaaaaaaaaa", "etl", "WAITING") + ","
                                                    + clusterJson("c-bbbbbbbbbb", "etl", "TERMINATED") + ","
                                                    + clusterJson("c-cccccccccc", "twice", "WAITING") + ","
                                                    + clusterJson("c-dddddddddd", "twice", "RUNNING") + "]")});
        m_server.responses.insert("GET /api/v1/clusters/c-aaaaaaaaaa",
                                  {ReplayServer::ok(clusterJson("c-aaaaaaaaaa", "etl", "WAITING"))});
        m_server.responses.insert("GET /api/v1/clusters/c-bbbbbbbbbb",
                                  {ReplayServer::ok(clusterJson("c-bbbbbbbbbb", "etl", "TERMINATED"))});
    }

    void init() { m_server.seen.clear(); }

    void versionIsTheProjectVersion()
    {
        const Run r = cli({u"--version"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("clusterdeck-cli " CLUSTERDECK_VERSION));
    }

    void helpIsPerCommand()
    {
        const Run top = cli({u"--help"_s});
        QCOMPARE(top.exitCode, 0);
        for (const char *command : {"cluster", "job", "executors", "metrics", "incidents", "slo", "chaos", "cost"})
            QVERIFY2(top.out.contains(command), command);
        QVERIFY(top.out.contains("Exit codes"));
        const Run launch = cli({u"cluster"_s, u"launch"_s, u"--help"_s});
        QCOMPARE(launch.exitCode, 0);
        QVERIFY(launch.out.contains("--workers"));
        QVERIFY(launch.out.contains("--min-workers"));
        QVERIFY(!launch.out.contains("--series")); // metrics' option is not launch's
    }

    void anOptionOfAnotherCommandIsAUsageError()
    {
        // The flat parser let this pass silently.
        const Run r = cli(connection() + QStringList{u"cluster"_s, u"list"_s, u"--workers"_s, u"3"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--workers"), r.err.constData());
        QVERIFY(m_server.seen.isEmpty()); // nothing was sent
        QCOMPARE(cli(connection() + QStringList{u"executors"_s, u"c-aaaaaaaaaa"_s, u"--dot"_s}).exitCode, 2);
        QCOMPARE(cli(connection() + QStringList{u"cluster"_s, u"frobnicate"_s}).exitCode, 2);
        QCOMPARE(cli(connection()).exitCode, 2); // no command
        QCOMPARE(cli(connection() + QStringList{u"cluster"_s, u"scale"_s, u"--workers"_s, u"2"_s}).exitCode,
                 2); // no CLUSTER
        QCOMPARE(cli(connection() + QStringList{u"--timeout"_s, u"0"_s, u"cluster"_s, u"list"_s}).exitCode, 2);
        QCOMPARE(
            cli(connection() + QStringList{u"cluster"_s, u"launch"_s, u"--name"_s, u"x"_s, u"--workers"_s, u"two"_s})
                .exitCode,
            2);
        QVERIFY(m_server.seen.isEmpty());
    }

    void globalOptionsAfterTheCommand()
    {
        const Run r
            = cli({u"cluster"_s, u"list"_s, u"--json"_s, u"--runtime"_s, url(), u"--token-file"_s, m_tokenFile});
        QCOMPARE(r.exitCode, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().size(), 4);
    }

    void environmentNamesRuntimeAndToken()
    {
        const Run r = cli({u"--json"_s, u"cluster"_s, u"list"_s},
                          {{u"CLUSTERDECK_RUNTIME"_s, url()}, {u"CLUSTERDECK_TOKEN_FILE"_s, m_tokenFile}});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(r.out).isArray());
        // The command line wins over the environment.
        const Run wrong
            = cli({u"--json"_s, u"--runtime"_s, url(), u"cluster"_s, u"list"_s},
                  {{u"CLUSTERDECK_RUNTIME"_s, u"http://127.0.0.1:1"_s}, {u"CLUSTERDECK_TOKEN_FILE"_s, m_tokenFile}});
        QCOMPARE(wrong.exitCode, 0);
    }

    void clustersByName()
    {
        // "etl" names a live cluster and a terminated one: the live one is meant.
        const Run r = cli(connection() + QStringList{u"--json"_s, u"cluster"_s, u"describe"_s, u"etl"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"id"_s).toString(), u"c-aaaaaaaaaa"_s);
        QVERIFY(seenPaths().contains("GET /api/v1/clusters/c-aaaaaaaaaa"));
        // An id is an id, even of a terminated cluster.
        const Run byId = cli(connection() + QStringList{u"--json"_s, u"cluster"_s, u"describe"_s, u"c-bbbbbbbbbb"_s});
        QCOMPARE(byId.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(byId.out).object().value(u"state"_s).toString(), u"TERMINATED"_s);
        // Two live clusters of one name: say so, send nothing that acts.
        m_server.seen.clear();
        const Run twice = cli(connection() + QStringList{u"cluster"_s, u"terminate"_s, u"twice"_s});
        QCOMPARE(twice.exitCode, 2);
        QVERIFY2(twice.err.contains("c-cccccccccc") && twice.err.contains("c-dddddddddd"), twice.err.constData());
        QCOMPARE(seenPaths(), QList<QByteArray>{"GET /api/v1/clusters"});
    }

    void usersThroughTheRouteTable()
    {
        m_server.responses.insert(
            "POST /api/v1/users",
            {ReplayServer::httpResponse(201, "Created",
                                        "{\"name\":\"alice\",\"role\":\"scientist\",\"token\":\"cdk_secret\"}")});
        const Run r = cli(connection()
                          + QStringList{u"user"_s, u"add"_s, u"alice"_s, u"--role"_s, u"scientist"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject added = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(added.value(u"name"_s).toString(), u"alice"_s);
        QCOMPARE(added.value(u"role"_s).toString(), u"scientist"_s);
        QCOMPARE(added.value(u"token"_s).toString(), u"cdk_secret"_s);
        QCOMPARE(seenPaths(), QList<QByteArray>{"POST /api/v1/users"});
        const QJsonObject sent = QJsonDocument::fromJson(m_server.seen.first().body).object();
        QCOMPARE(sent, (QJsonObject{{u"name"_s, u"alice"_s}, {u"role"_s, u"scientist"_s}}));
        // Without a role: a usage error, nothing sent.
        m_server.seen.clear();
        const Run noRole = cli(connection() + QStringList{u"user"_s, u"add"_s, u"bob"_s});
        QCOMPARE(noRole.exitCode, 2);
        QVERIFY2(noRole.err.contains("--role"), noRole.err.constData());
        QVERIFY(m_server.seen.isEmpty());
    }

    void errorsAreJsonUnderJson()
    {
        // The runtime's refusal (a 404 here): exit 1, stdout empty, one JSON object on stderr.
        const Run notFound = cli(connection() + QStringList{u"--json"_s, u"cluster"_s, u"describe"_s, u"nope"_s});
        QCOMPARE(notFound.exitCode, 1);
        QVERIFY(notFound.out.isEmpty());
        QJsonObject e = notFound.errJson().object();
        QCOMPARE(e.value(u"httpStatus"_s).toInt(), 404);
        QCOMPARE(e.value(u"exitCode"_s).toInt(), 1);
        QVERIFY(!e.value(u"error"_s).toString().isEmpty());
        // A usage error.
        const Run usage = cli(connection() + QStringList{u"cluster"_s, u"list"_s, u"--workers"_s, u"3"_s, u"--json"_s});
        QCOMPARE(usage.exitCode, 2);
        e = usage.errJson().object();
        QCOMPARE(e.value(u"exitCode"_s).toInt(), 2);
        QVERIFY(e.value(u"error"_s).toString().contains(u"--workers"_s));
        // Nobody listening: exit 3.
        const Run away = cli({u"--runtime"_s, u"http://127.0.0.1:1"_s, u"--token-file"_s, m_tokenFile, u"--json"_s,
                              u"cluster"_s, u"list"_s});
        QCOMPARE(away.exitCode, 3);
        QCOMPARE(away.errJson().object().value(u"exitCode"_s).toInt(), 3);
        // No token: exit 3, and the message says where it looked.
        const Run noToken
            = cli({u"--runtime"_s, url(), u"--token-file"_s, m_dir.path() + u"/missing"_s, u"cluster"_s, u"list"_s});
        QCOMPARE(noToken.exitCode, 3);
        QVERIFY2(noToken.err.contains("missing"), noToken.err.constData());
    }

    void valuesThatLookLikeOptions()
    {
        // "--from -15m" is a relative time, not an option; the command reaches the runtime.
        m_server.responses.insert("GET /api/v1/clusters/c-aaaaaaaaaa/metrics", {ReplayServer::ok("[]")});
        const Run r = cli(connection()
                          + QStringList{u"--json"_s, u"metrics"_s, u"etl"_s, u"--from"_s, u"-15m"_s, u"--series"_s,
                                        u"memory_bytes"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(seenPaths().contains("GET /api/v1/clusters/c-aaaaaaaaaa/metrics"));
        QVERIFY(m_server.seen.last().query.contains("from="));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
