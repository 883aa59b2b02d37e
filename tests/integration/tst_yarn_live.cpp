// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
//
// ClusterDeck's YARN connection (YarnFeed over YarnClient) against a real ResourceManager and NodeManager:
// Hadoop 3.3.6's MiniYARNCluster, started by tests/integration/yarn/MiniYarnLauncher.java (compiled here with
// javac) from the jars scripts/install-deps.sh caches, on 127.0.0.1. Applications are submitted through the RM's
// own REST API with a plain shell command as the ApplicationMaster (one that runs a while, one that fails, one
// the connection kills), and what the connection shows is checked against the RM's own answers. The recorded
// fixtures stay the fast unit tests' (tst_yarnclient); this is the proof that they match a live RM.

#include "core/backend/clusterfeed.h"
#include "core/backend/yarn/yarnfeed.h"
#include "tests/testutils/loopback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <csignal>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

constexpr auto kUser = "cdtest"_L1;

QString javaBin(const QString &tool)
{
    // Java 17, as Hadoop 3.3 needs (--add-opens below); JAVA_HOME wins when set.
    const QString home = qEnvironmentVariable("JAVA_HOME");
    for (const QString &dir : {home, u"/usr/lib/jvm/java-17-openjdk-amd64"_s}) {
        if (!dir.isEmpty() && QFile::exists(dir + u"/bin/"_s + tool))
            return dir + u"/bin/"_s + tool;
    }
    return tool;
}

// Hadoop 3.3 reaches into the JDK (Configuration, the RPC layer, Guice): what it needs opened on Java 17.
const QStringList kAddOpens = {
    u"--add-opens=java.base/java.lang=ALL-UNNAMED"_s,    u"--add-opens=java.base/java.lang.reflect=ALL-UNNAMED"_s,
    u"--add-opens=java.base/java.util=ALL-UNNAMED"_s,    u"--add-opens=java.base/java.util.concurrent=ALL-UNNAMED"_s,
    u"--add-opens=java.base/java.io=ALL-UNNAMED"_s,      u"--add-opens=java.base/java.net=ALL-UNNAMED"_s,
    u"--add-opens=java.base/java.nio=ALL-UNNAMED"_s,     u"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"_s,
    u"--add-opens=java.base/sun.net.util=ALL-UNNAMED"_s,
};

struct HttpAnswer
{
    int status = 0;
    QJsonObject json;
    QByteArray raw;
};

} // namespace

class TestYarnLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void clusterAndNodesMatchTheRm();
    void appsMatchTheRm();
    void killFromTheConnection();

private:
    bool startDaemon(QProcess &p, const QString &name, const QStringList &args, const QString &marker,
                     QStringList *lines);
    void stopDaemon(QProcess &p);
    HttpAnswer rm(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    QString submit(const QString &name, const QString &command);
    QJsonObject rmApp(const QString &id) { return rm("GET", u"apps/"_s + id).json.value(u"app"_s).toObject(); }
    QString appDir(const QString &appId) const
    {
        return m_work.path() + u"/nm/nm-local/usercache/"_s + kUser + u"/appcache/"_s + appId;
    }
    bool waitFor(const std::function<bool()> &done, int timeoutMs);
    // Connects the feed (once), focuses the RM's cluster and waits for fresh nodes and applications.
    void refreshFeed();

    QTemporaryDir m_work;
    QString m_classpath;
    QProcess m_rmProcess;
    QProcess m_nmProcess;
    QString m_rmUrl;
    QNetworkAccessManager m_net;
    std::unique_ptr<YarnFeed> m_feed;
    QString m_clusterId;
    ClusterList m_clusters;
    ExecutorList m_executors;
    JobList m_jobs;
    int m_executorAnswers = 0;
    int m_jobAnswers = 0;
    QList<ActionResult> m_actions;
    QStringList m_submitted;
};

bool TestYarnLive::waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(200);
    }
    return true;
}

bool TestYarnLive::startDaemon(QProcess &p, const QString &name, const QStringList &args, const QString &marker,
                               QStringList *lines)
{
    const QString dir = m_work.path() + u'/' + name;
    QDir().mkpath(dir);
    p.setWorkingDirectory(dir);
    p.setStandardErrorFile(dir + u"/stderr.log"_s);
    QStringList all = {u"-Xmx384m"_s, u"-Dlog4j.configuration=file:"_s + m_work.path() + u"/log4j.properties"_s};
    all += kAddOpens;
    all += {u"-cp"_s, m_classpath, u"MiniYarnLauncher"_s};
    all += args;
    p.start(javaBin(u"java"_s), all);
    if (!p.waitForStarted(30000))
        return false;
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 180000 && p.state() == QProcess::Running) {
        p.waitForReadyRead(500);
        out += p.readAllStandardOutput();
        if (out.contains(marker.toUtf8())) {
            *lines = QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
            return true;
        }
    }
    qWarning().noquote() << name << "did not start; its stderr:" << dir + u"/stderr.log"_s;
    QFile err(dir + u"/stderr.log"_s);
    if (err.open(QIODevice::ReadOnly))
        qWarning().noquote() << err.readAll().right(4000);
    return false;
}

void TestYarnLive::stopDaemon(QProcess &p)
{
    if (p.state() == QProcess::NotRunning)
        return;
    p.write("stop\n");
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        qWarning() << "a YARN daemon ignored stop; killing pid" << p.processId();
        p.kill();
        p.waitForFinished(10000);
    }
}

HttpAnswer TestYarnLive::rm(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QUrl url(m_rmUrl + u"/ws/v1/cluster/"_s + path);
    QUrlQuery q(url);
    q.addQueryItem(u"user.name"_s, kUser);
    url.setQuery(q);
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    req.setTransferTimeout(30000);
    QNetworkReply *reply
        = m_net.sendCustomRequest(req, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.raw = reply->readAll();
    a.json = QJsonDocument::fromJson(a.raw).object();
    reply->deleteLater();
    return a;
}

// The RM's REST submission: new-application, then the submission context with the command as the AM's.
QString TestYarnLive::submit(const QString &name, const QString &command)
{
    const HttpAnswer id = rm("POST", u"apps/new-application"_s);
    const QString appId = id.json.value(u"application-id"_s).toString();
    if (id.status != 200 || appId.isEmpty()) {
        qWarning() << "new-application:" << id.status << id.raw.left(500);
        return {};
    }
    QJsonObject spec;
    spec[u"application-id"_s] = appId;
    spec[u"application-name"_s] = name;
    spec[u"application-type"_s] = u"SHELL"_s;
    spec[u"queue"_s] = u"default"_s;
    spec[u"max-app-attempts"_s] = 1; // a failing AM fails the app at once
    spec[u"am-container-spec"_s] = QJsonObject{{u"commands"_s, QJsonObject{{u"command"_s, command}}}};
    spec[u"resource"_s] = QJsonObject{{u"memory"_s, 64}, {u"vCores"_s, 1}};
    const HttpAnswer submitted = rm("POST", u"apps"_s, spec);
    if (submitted.status != 202) {
        qWarning() << "submit:" << submitted.status << submitted.raw.left(500);
        return {};
    }
    m_submitted << appId;
    return appId;
}

void TestYarnLive::initTestCase()
{
    QVERIFY(m_work.isValid());
    QString cache = qEnvironmentVariable("CLUSTERDECK_YARN_MINICLUSTER");
    if (cache.isEmpty()) {
        QProcess where;
        where.start(u"bash"_s, {QStringLiteral(CLUSTERDECK_SOURCE_DIR "/scripts/yarn-minicluster-path.sh")});
        QVERIFY(where.waitForFinished(10000));
        cache = QString::fromUtf8(where.readAllStandardOutput()).trimmed();
    }
    QFile cp(cache + u"/classpath.txt"_s);
    QVERIFY2(cp.open(QIODevice::ReadOnly),
             qPrintable(u"no Hadoop jars in %1: run scripts/install-deps.sh"_s.arg(cache)));
    const QString jars = QString::fromUtf8(cp.readAll()).trimmed();

    // The launcher, compiled now into the build folder (a JDK is all it needs).
    const QString classes = QStringLiteral(YARN_LAUNCHER_CLASSES);
    QDir().mkpath(classes);
    QProcess javac;
    javac.setProcessChannelMode(QProcess::MergedChannels);
    javac.start(javaBin(u"javac"_s),
                {u"-d"_s, classes, u"-cp"_s, jars,
                 QStringLiteral(CLUSTERDECK_SOURCE_DIR "/tests/integration/yarn/MiniYarnLauncher.java")});
    QVERIFY2(javac.waitForFinished(300000) && javac.exitCode() == 0, javac.readAll().constData());
    m_classpath = classes + u':' + jars;

    // Hadoop's test jars log INFO to stdout; warnings to stderr (a file per daemon) keep stdout for the markers.
    QFile log4j(m_work.path() + u"/log4j.properties"_s);
    QVERIFY(log4j.open(QIODevice::WriteOnly));
    log4j.write("log4j.rootLogger=WARN, err\n"
                "log4j.appender.err=org.apache.log4j.ConsoleAppender\n"
                "log4j.appender.err.target=System.err\n"
                "log4j.appender.err.layout=org.apache.log4j.PatternLayout\n"
                "log4j.appender.err.layout.ConversionPattern=%d %p %c: %m%n\n");
    log4j.close();

    QStringList rmLines;
    QVERIFY2(startDaemon(m_rmProcess, u"rm"_s, {u"rm"_s, m_work.path() + u"/rm"_s}, u"RM_TRACKER"_s, &rmLines),
             "the ResourceManager did not start");
    QString tracker;
    for (const QString &l : rmLines) {
        if (l.startsWith(u"RM_WEBAPP "_s))
            m_rmUrl = l.mid(10).trimmed();
        if (l.startsWith(u"RM_TRACKER "_s))
            tracker = l.mid(11).trimmed();
    }
    QVERIFY2(m_rmUrl.startsWith(u"http://127.0.0.1:"_s), qPrintable(m_rmUrl));
    QStringList nmLines;
    QVERIFY2(startDaemon(m_nmProcess, u"nm"_s, {u"nm"_s, m_work.path() + u"/nm"_s, tracker}, u"NM_STARTED"_s, &nmLines),
             "the NodeManager did not start");
    // The NM counts as registered once the RM lists it RUNNING (not UNHEALTHY: the disk threshold is raised).
    QVERIFY2(waitFor(
                 [this] {
                     const QJsonArray nodes = rm("GET", u"nodes"_s).json.value(u"nodes"_s)[u"node"_s].toArray();
                     return nodes.size() == 1 && nodes[0][u"state"_s].toString() == u"RUNNING"_s;
                 },
                 60000),
             qPrintable(u"the RM lists no RUNNING node: "_s + QString::fromUtf8(rm("GET", u"nodes"_s).raw.left(800))));
}

void TestYarnLive::cleanupTestCase()
{
    if (m_feed)
        m_feed->stop();
    m_feed.reset();
    // Nothing of ours outlives the test: kill what still runs, stop the daemons, then look for leftovers.
    if (!m_rmUrl.isEmpty()) {
        for (const QString &id : std::as_const(m_submitted)) {
            const QString state = rmApp(id).value(u"state"_s).toString();
            if (state != u"FINISHED"_s && state != u"FAILED"_s && state != u"KILLED"_s)
                rm("PUT", u"apps/"_s + id + u"/state"_s, QJsonObject{{u"state"_s, u"KILLED"_s}});
        }
    }
    stopDaemon(m_nmProcess);
    stopDaemon(m_rmProcess);
    if (m_work.isValid()) {
        QList<qint64> left;
        waitFor([&] { return (left = test::processesUnder(m_work.path())).isEmpty(); }, 30000);
        for (qint64 pid : std::as_const(left))
            ::kill(static_cast<pid_t>(pid), SIGKILL);
        QVERIFY2(left.isEmpty(), "processes of the YARN test were still running (killed now)");
    }
}

void TestYarnLive::refreshFeed()
{
    if (!m_feed) {
        m_feed = std::make_unique<YarnFeed>(QUrl(m_rmUrl), u"live RM"_s, QString(kUser));
        connect(m_feed.get(), &ClusterFeed::clustersReady, this, [this](const ClusterList &c) { m_clusters = c; });
        connect(m_feed.get(), &ClusterFeed::executorsReady, this, [this](const QString &, const ExecutorList &e) {
            m_executors = e;
            ++m_executorAnswers;
        });
        connect(m_feed.get(), &ClusterFeed::jobsReady, this, [this](const QString &, const JobList &j) {
            m_jobs = j;
            ++m_jobAnswers;
        });
        connect(m_feed.get(), &ClusterFeed::actionFinished, this, [this](const ActionResult &r) { m_actions << r; });
        m_feed->start();
        QVERIFY2(waitFor([this] { return !m_clusters.isEmpty(); }, 30000), "the connection listed no cluster");
        m_clusterId = m_clusters.first().id;
        m_feed->setFocus(m_clusterId, true, true);
    }
    const int executors = m_executorAnswers;
    const int jobs = m_jobAnswers;
    m_feed->pollNow();
    QVERIFY2(waitFor([&] { return m_executorAnswers > executors && m_jobAnswers > jobs; }, 30000),
             "the connection answered no nodes and applications");
}

void TestYarnLive::clusterAndNodesMatchTheRm()
{
    refreshFeed();
    if (QTest::currentTestFailed())
        return;
    const QJsonObject info = rm("GET", u"info"_s).json.value(u"clusterInfo"_s).toObject();
    const QJsonObject metrics = rm("GET", u"metrics"_s).json.value(u"clusterMetrics"_s).toObject();
    QVERIFY2(!info.isEmpty() && !metrics.isEmpty(), "the RM's info or metrics answer is not the documented JSON");
    QCOMPARE(m_clusters.size(), 1);
    const ClusterInfo &c = m_clusters.first();
    QCOMPARE(c.id, QString::number(info[u"id"_s].toInteger()));
    QCOMPARE(c.spec.tags.value(u"hadoop-version"_s), info[u"hadoopVersion"_s].toString());
    QCOMPARE(c.spec.tags.value(u"hadoop-version"_s), u"3.3.6"_s);
    QCOMPARE(c.createdAt.toMSecsSinceEpoch(), info[u"startedOn"_s].toInteger());
    QCOMPARE(c.spec.workers, metrics[u"totalNodes"_s].toInt());
    QCOMPARE(c.runningWorkers, metrics[u"activeNodes"_s].toInt());
    QCOMPARE(c.runningWorkers, 1);
    QCOMPARE(toString(c.state), toString(ClusterState::Waiting)); // STARTED, active, no application running yet

    const QJsonArray nodes = rm("GET", u"nodes"_s).json.value(u"nodes"_s)[u"node"_s].toArray();
    QCOMPARE(m_executors.size(), nodes.size());
    for (const QJsonValue &n : nodes) {
        const QString id = n[u"id"_s].toString();
        auto x = std::find_if(m_executors.cbegin(), m_executors.cend(), [&](const Executor &e) { return e.id == id; });
        QVERIFY2(x != m_executors.cend(), qPrintable(u"node %1 missing from the connection's executors"_s.arg(id)));
        QCOMPARE(toString(x->status), toString(ExecutorStatus::Running));
        QCOMPARE(n[u"state"_s].toString(), u"RUNNING"_s);
        QCOMPARE(x->address, n[u"nodeHTTPAddress"_s].toString());
        QCOMPARE(x->threads, n[u"usedVirtualCores"_s].toInt() + n[u"availableVirtualCores"_s].toInt());
        QCOMPARE(x->threads, 4); // what the launcher gives the NM
        QCOMPARE(x->memoryLimitBytes,
                 (n[u"usedMemoryMB"_s].toInteger() + n[u"availMemoryMB"_s].toInteger()) * 1024 * 1024);
        QCOMPARE(x->memoryLimitBytes, qint64(2048) * 1024 * 1024);
    }
}

void TestYarnLive::appsMatchTheRm()
{
    const QString sleeper = submit(u"runs a while"_s, u"sleep 900"_s);
    const QString failer = submit(u"fails"_s, u"echo failing on purpose >&2; exit 3"_s);
    QVERIFY(!sleeper.isEmpty() && !failer.isEmpty());
    // The failing AM ends the app (one attempt); the sleeping one holds its container until killed.
    QVERIFY2(
        waitFor([&] { return rmApp(failer)[u"state"_s].toString() == u"FAILED"_s; }, 120000),
        qPrintable(u"the failing app did not fail: "_s + QString::fromUtf8(QJsonDocument(rmApp(failer)).toJson())));
    QVERIFY2(waitFor(
                 [&] {
                     return rmApp(sleeper)[u"runningContainers"_s].toInt() == 1
                         && !test::processesUnder(appDir(sleeper)).isEmpty();
                 },
                 120000),
             qPrintable(u"the sleeping AM never ran: "_s + QString::fromUtf8(QJsonDocument(rmApp(sleeper)).toJson())));

    refreshFeed();
    if (QTest::currentTestFailed())
        return;
    const QJsonArray apps = rm("GET", u"apps"_s).json.value(u"apps"_s)[u"app"_s].toArray();
    QVERIFY(apps.size() >= 2);
    QCOMPARE(m_jobs.size(), apps.size());
    for (const QJsonValue &a : apps) {
        const QString id = a[u"id"_s].toString();
        auto j = std::find_if(m_jobs.cbegin(), m_jobs.cend(), [&](const Job &x) { return x.id == id; });
        QVERIFY2(j != m_jobs.cend(), qPrintable(u"application %1 missing from the connection's jobs"_s.arg(id)));
        QCOMPARE(j->name, a[u"name"_s].toString());
        QCOMPARE(j->clusterId, m_clusterId);
        QCOMPARE(j->submittedAt.toMSecsSinceEpoch(), a[u"startedTime"_s].toInteger());
        if (a[u"finishedTime"_s].toInteger() > 0)
            QCOMPARE(j->endedAt.toMSecsSinceEpoch(), a[u"finishedTime"_s].toInteger());
        else
            QVERIFY(!j->endedAt.isValid());
        QVERIFY(j->logTail.contains(a[u"queue"_s].toString()));
        QVERIFY(j->logTail.contains(a[u"applicationType"_s].toString()));
        if (id == failer) {
            QCOMPARE(a[u"finalStatus"_s].toString(), u"FAILED"_s);
            QCOMPARE(toString(j->state), toString(JobState::Failed));
            QCOMPARE(j->stateReason, a[u"diagnostics"_s].toString().trimmed());
            QVERIFY2(j->stateReason.contains(u"exitCode: 3"_s), qPrintable(j->stateReason)); // the AM's own exit
        } else if (id == sleeper) {
            // A shell AM never registers with the RM: the app stays ACCEPTED while its container runs.
            QCOMPARE(a[u"state"_s].toString(), u"ACCEPTED"_s);
            QCOMPARE(toString(j->state), toString(JobState::Pending));
            QCOMPARE(j->startedAt.toMSecsSinceEpoch(), a[u"launchTime"_s].toInteger());
        }
    }
}

void TestYarnLive::killFromTheConnection()
{
    const QString victim = submit(u"killed from ClusterDeck"_s, u"sleep 900"_s);
    QVERIFY(!victim.isEmpty());
    QVERIFY2(waitFor([&] { return !test::processesUnder(appDir(victim)).isEmpty(); }, 120000),
             "the victim's AM never ran");
    refreshFeed();
    if (QTest::currentTestFailed())
        return;
    auto j = std::find_if(m_jobs.cbegin(), m_jobs.cend(), [&](const Job &x) { return x.id == victim; });
    QVERIFY(j != m_jobs.cend());
    QCOMPARE(toString(j->state), toString(JobState::Pending));

    m_actions.clear();
    m_feed->cancelJob(m_clusterId, victim);
    QVERIFY2(waitFor([this] { return !m_actions.isEmpty(); }, 60000), "the kill was never answered");
    QVERIFY2(m_actions.first().ok, qPrintable(m_actions.first().message));
    QCOMPARE(m_actions.first().action, u"cancel"_s);
    QCOMPARE(m_actions.first().body.toObject().value(u"state"_s).toString(), u"KILLED"_s);

    const QJsonObject app = rmApp(victim);
    QCOMPARE(app[u"state"_s].toString(), u"KILLED"_s);
    QCOMPARE(app[u"finalStatus"_s].toString(), u"KILLED"_s);
    // The NodeManager really ended the AM's process.
    QVERIFY2(waitFor([&] { return test::processesUnder(appDir(victim)).isEmpty(); }, 60000),
             "the killed application's AM is still running");
    refreshFeed();
    if (QTest::currentTestFailed())
        return;
    j = std::find_if(m_jobs.cbegin(), m_jobs.cend(), [&](const Job &x) { return x.id == victim; });
    QVERIFY(j != m_jobs.cend());
    QCOMPARE(toString(j->state), toString(JobState::Cancelled));
    QCOMPARE(j->endedAt.toMSecsSinceEpoch(), app[u"finishedTime"_s].toInteger());
    // The other applications were left alone.
    QCOMPARE(rmApp(m_submitted.first())[u"state"_s].toString(), u"ACCEPTED"_s);
}

QTEST_GUILESS_MAIN(TestYarnLive)
#include "tst_yarn_live.moc"
