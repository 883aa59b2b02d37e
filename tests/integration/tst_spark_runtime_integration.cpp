// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A Spark cluster through the real clusterdeck-runtime's API, as a user (or the console) drives it: the
// runtime says it can run Spark, launches a standalone master and 2 Workers ("engine": "spark"), runs
// etl_groupby to COMPLETED with shuffle bytes on every executor (executors and metrics API) and a stage DAG
// with its shuffle boundary, scales to 3 and back to 2 by decommission (retiring, then retired), idle and
// again under a running job (inside the retire grace, no scale_failed, the job completes), loses a
// Worker to the chaos API mid-job (executor_lost, the job completes, the Worker is replaced), raises the
// memory incident with memory_hog, and terminates leaving no JVM (/proc). One cluster is shared by the
// steps, in order: JVMs on two shared cores are slow to start. skewed_join raises shuffle_skew from the
// driver's stages and task lists (its hot partition read most of the shuffle); etl_groupby's even shuffle
// raises none. A second runtime without Spark says why not
// and refuses a Spark launch with a 400 naming what to install.
#include "core/model/executor.h"
#include "core/runtime/engine/sparkinstall.h"
#include "loopback.h"
#include "runtimeprocess.h"
#include "testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>
#include <functional>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

QByteArray httpGet(const QString &url)
{
    QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(10000);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->readAll();
}

int uidOf(qint64 pid)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("Uid:"))
            return line.mid(4).simplified().split(' ').value(0).toInt();
    return -1;
}

QString commandOf(qint64 pid)
{
    QFile f(u"/proc/%1/cmdline"_s.arg(pid));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().replace('\0', ' ')) : QString();
}

} // namespace

class TstSparkRuntimeIntegration : public QObject
{
    Q_OBJECT
private:
    test::RuntimeProcess m_runtime;
    QString m_clusterId;
    QString m_etlJob; // etl_groupby's first run: an even shuffle, never skew
    QElapsedTimer m_step;

    ApiReply api(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        return m_runtime.api(verb, path, body);
    }

    QJsonObject cluster() { return api("GET", u"/clusters/"_s + m_clusterId).body.toObject(); }
    // The owner of the cluster's folder: its own user when the runtime is root.
    int clusterUid() { return int(QFileInfo(m_runtime.clusterDir(m_clusterId)).ownerId()); }
    QString state() { return cluster().value(u"state"_s).toString(); }

    QList<Executor> executors()
    {
        QList<Executor> result;
        for (const QJsonValue &v : api("GET", u"/clusters/%1/executors"_s.arg(m_clusterId)).body.toArray())
            result.append(Executor::fromJson(v.toObject()));
        return result;
    }

    QList<Executor> withStatus(ExecutorStatus status)
    {
        QList<Executor> result;
        for (const Executor &e : executors())
            if (e.status == status)
                result.append(e);
        return result;
    }

    QString describeExecutors()
    {
        QStringList lines;
        for (const Executor &e : executors())
            lines.append(u"%1 %2 (%3) in %4 out %5 mem %6/%7"_s.arg(e.id, toString(e.status), e.statusReason)
                             .arg(e.bytesInTotal)
                             .arg(e.bytesOutTotal)
                             .arg(e.memoryManagedBytes + e.memoryUnmanagedBytes)
                             .arg(e.memoryLimitBytes));
        return u"cluster %1 (%2); "_s.arg(state(), cluster().value(u"capacityReason"_s).toString())
            + lines.join(u"; "_s);
    }

    QJsonObject job(const QString &id)
    {
        return api("GET", u"/clusters/%1/jobs/%2"_s.arg(m_clusterId, id)).body.toObject();
    }
    QString jobState(const QString &id) { return job(id).value(u"state"_s).toString(); }
    QString jobLog(const QString &id)
    {
        QFile f(m_runtime.clusterDir(m_clusterId) + u"/jobs/"_s + id + u".log"_s);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).right(4000) : QString();
    }

    QString submit(const QString &sample, const QStringList &args = {})
    {
        const ApiReply r = api("POST", u"/clusters/%1/jobs"_s.arg(m_clusterId),
                               QJsonObject{{u"sample"_s, sample}, {u"args"_s, QJsonArray::fromStringList(args)}});
        if (r.httpStatus != 201)
            qWarning("submit %s: %s", qPrintable(sample), qPrintable(r.message()));
        return r.body.toObject().value(u"id"_s).toString();
    }

    bool isFinishedJob(const QString &id)
    {
        static const QStringList ended{u"COMPLETED"_s, u"FAILED"_s, u"CANCELLED"_s, u"INTERRUPTED"_s};
        return ended.contains(jobState(id));
    }

    QJsonObject incident(const QString &type, const QString &subject = {})
    {
        for (const QJsonValue &v : api("GET", u"/clusters/%1/incidents"_s.arg(m_clusterId)).body.toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(u"type"_s).toString() == type
                && (subject.isEmpty() || o.value(u"subject"_s).toString() == subject))
                return o;
        }
        return {};
    }

    QStringList eventTypes()
    {
        QStringList types;
        for (const QJsonValue &v : api("GET", u"/clusters/%1/events"_s.arg(m_clusterId)).body.toArray())
            types.append(v.toObject().value(u"type"_s).toString());
        return types;
    }

    static bool waitFor(const std::function<bool()> &done, int seconds, int stepMs = 500)
    {
        QElapsedTimer t;
        t.start();
        while (!done()) {
            if (t.elapsed() > seconds * 1000)
                return false;
            QTest::qWait(stepMs);
        }
        return true;
    }

    // Two Workers running, none starting or retiring: a step leaves the cluster so for the next.
    bool settledAtTwo()
    {
        const QJsonObject c = cluster();
        if (c.value(u"state"_s).toString() != u"WAITING"_s || c.value(u"runningWorkers"_s).toInt() != 2)
            return false;
        const QList<Executor> all = executors();
        return std::none_of(all.cbegin(), all.cend(), [](const Executor &e) {
            return e.status == ExecutorStatus::Starting || e.status == ExecutorStatus::Retiring;
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        const spark::SparkInstall install = spark::findSpark();
        QVERIFY2(install.usable(), qPrintable(install.error));
        // A decommission waits for Spark to migrate the Worker's blocks: JVMs on a loaded machine need time.
        m_runtime.setEnvironment({{u"CLUSTERDECK_RETIRE_GRACE_S"_s, u"90"_s}, {u"CLUSTERDECK_TRIAGE_MS"_s, u"1000"_s}});
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
    }

    void cleanup() { qInfo("step took %lld ms", m_step.restart()); }

    void cleanupTestCase()
    {
        m_runtime.stopAndReap();
        if (!m_clusterId.isEmpty())
            for (qint64 pid : test::processesOfCluster(m_clusterId))
                ::kill(pid_t(pid), SIGKILL);
    }

    void sparkIsAnEngineOfThisRuntime()
    {
        m_step.start();
        const ApiReply r = api("GET", u"/engines"_s);
        QCOMPARE(r.httpStatus, 200);
        QJsonObject spark;
        for (const QJsonValue &v : r.body.toArray())
            if (v.toObject().value(u"engine"_s).toString() == u"spark"_s)
                spark = v.toObject();
        QVERIFY2(spark.value(u"available"_s).toBool(), QJsonDocument(r.body.toArray()).toJson().constData());
        QCOMPARE(spark.value(u"reason"_s).toString(), QString());
        // The samples say their engine: each Spark one is a PySpark script of its own.
        int sparkSamples = 0;
        for (const QJsonValue &v : api("GET", u"/samples"_s).body.toArray())
            if (v.toObject().value(u"engine"_s).toString() == u"spark"_s) {
                ++sparkSamples;
                QVERIFY(v.toObject().value(u"path"_s).toString().contains(u"/jobs/spark/"_s));
            }
        QCOMPARE(sparkSamples, 5);
    }

    void aRuntimeWithoutSparkSaysWhatToInstall()
    {
        // The same binary with no pyspark where it looks: no JVM starts, the answer names the fix.
        QTemporaryDir empty;
        test::RuntimeProcess bare;
        bare.setEnvironment({{u"CLUSTERDECK_SPARK_VENV"_s, empty.path()}, {u"CLUSTERDECK_SPARK_HOME"_s, QString()}});
        QString error;
        QVERIFY2(bare.start(&error), qPrintable(error));
        QJsonObject spark;
        for (const QJsonValue &v : bare.api("GET", u"/engines"_s).body.toArray())
            if (v.toObject().value(u"engine"_s).toString() == u"spark"_s)
                spark = v.toObject();
        QCOMPARE(spark.value(u"available"_s).toBool(true), false);
        QVERIFY2(spark.value(u"reason"_s).toString().contains(u"install-deps.sh"_s),
                 qPrintable(spark.value(u"reason"_s).toString()));
        const ApiReply launch
            = bare.api("POST", u"/clusters"_s,
                       QJsonObject{{u"name"_s, u"nospark"_s}, {u"engine"_s, u"spark"_s}, {u"workers"_s, 1}});
        QCOMPARE(launch.httpStatus, 400);
        QVERIFY2(launch.fields.value(u"engine"_s).toString().contains(u"pyspark"_s), qPrintable(launch.message()));
        QVERIFY(bare.api("GET", u"/clusters"_s).body.toArray().isEmpty()); // nothing was created
    }

    void launchTwoWorkers()
    {
        const ApiReply r = api("POST", u"/clusters"_s,
                               QJsonObject{{u"name"_s, u"spark-it"_s}, {u"engine"_s, u"spark"_s}, {u"workers"_s, 2}});
        QVERIFY2(r.httpStatus == 201, qPrintable(r.message()));
        m_clusterId = r.body.toObject().value(u"id"_s).toString();
        QCOMPARE(r.body.toObject().value(u"engine"_s).toString(), u"spark"_s);
        QVERIFY2(waitFor([&] { return state() == u"WAITING"_s; }, 240), qPrintable(describeExecutors()));
        qInfo("launch to WAITING with 2 Workers: %lld ms", m_step.elapsed());
        const QJsonObject c = cluster();
        QCOMPARE(c.value(u"runningWorkers"_s).toInt(), 2);
        QVERIFY2(c.value(u"schedulerAddress"_s).toString().startsWith(u"spark://127.0.0.1:"_s),
                 qPrintable(c.value(u"schedulerAddress"_s).toString()));
        QVERIFY(c.value(u"dashboardUrl"_s).toString().startsWith(u"http://127.0.0.1:"_s));
        QStringList history;
        for (const QJsonValue &h : c.value(u"stateHistory"_s).toArray())
            history.append(h.toObject().value(u"state"_s).toString());
        QCOMPARE(history, (QStringList{u"STARTING"_s, u"BOOTSTRAPPING"_s, u"WAITING"_s}));
        const QList<Executor> running = withStatus(ExecutorStatus::Running);
        QCOMPARE(running.size(), 2);
        for (const Executor &e : running) {
            QCOMPARE(e.memoryLimitBytes, qint64(1) << 30); // local.small: the Worker's --memory
            QVERIFY(e.address.startsWith(u"127.0.0.1:"_s));
            // A Worker, bound to loopback, its pid leading its process group.
            QVERIFY2(commandOf(e.pid).contains(u"org.apache.spark.deploy.worker.Worker"_s),
                     qPrintable(commandOf(e.pid)));
            QVERIFY(commandOf(e.pid).contains(u"--host 127.0.0.1"_s));
            QCOMPARE(qint64(::getpgid(pid_t(e.pid))), e.pid);
            // Workers run user Python: never as root (they run as the cluster's own user when the runtime is root).
            if (::geteuid() == 0) {
                QVERIFY2(uidOf(e.pid) > 0, qPrintable(u"Worker %1 runs as uid %2"_s.arg(e.id).arg(uidOf(e.pid))));
                QCOMPARE(uidOf(e.pid), clusterUid());
            }
        }
    }

    void jobsAndExecutorsRunAsTheClustersUserAndAWrongSecretIsRefused()
    {
        // The job's driver and the executors that run its tasks report their uid.
        QTemporaryDir scripts;
        QVERIFY(scripts.isValid());
        const QString script = scripts.filePath(u"whoami.py"_s);
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"(import os
from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
uids = spark.sparkContext.parallelize(range(4), 4).map(lambda _: os.getuid()).collect()
print("UIDS driver=%d executors=%s" % (os.getuid(), ",".join(str(u) for u in sorted(set(uids)))), flush=True)
spark.stop()
)");
        f.close();
        const ApiReply r = api("POST", u"/clusters/%1/jobs"_s.arg(m_clusterId), QJsonObject{{u"script"_s, script}});
        QVERIFY2(r.httpStatus == 201, qPrintable(r.message()));
        const QString id = r.body.toObject().value(u"id"_s).toString();
        QVERIFY2(waitFor([&] { return isFinishedJob(id); }, 300), qPrintable(jobLog(id)));
        QVERIFY2(jobState(id) == u"COMPLETED"_s, qPrintable(jobLog(id)));
        const int uid = ::geteuid() == 0 ? clusterUid() : int(::geteuid());
        QVERIFY2(jobLog(id).contains(u"UIDS driver=%1 executors=%1\n"_s.arg(uid)), qPrintable(jobLog(id)));
        if (::geteuid() == 0)
            QVERIFY(uid != 0);
        // The cluster's secret is its own file, the cluster user's alone.
        QFileInfo properties(m_runtime.clusterDir(m_clusterId) + u"/spark/cluster.properties"_s);
        QVERIFY(properties.exists());
        QCOMPARE(int(properties.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
        // A driver with a wrong secret is refused by the master's RPC: its log says SASL refused it.
        const spark::SparkInstall install = spark::findSpark();
        const QString intruder = scripts.filePath(u"intruder.py"_s);
        QFile g(intruder);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("from pyspark.sql import "
                "SparkSession\nSparkSession.builder.getOrCreate().sparkContext.parallelize([1]).count()\n");
        g.close();
        QProcess submit;
        QProcessEnvironment env;
        env.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
        env.insert(u"SPARK_HOME"_s, install.sparkHome);
        env.insert(u"SPARK_LOCAL_IP"_s, u"127.0.0.1"_s);
        env.insert(u"PYSPARK_PYTHON"_s, install.python);
        env.insert(u"PYSPARK_DRIVER_PYTHON"_s, install.python);
        if (!install.javaHome.isEmpty())
            env.insert(u"JAVA_HOME"_s, install.javaHome);
        submit.setProcessEnvironment(env);
        submit.setProcessChannelMode(QProcess::MergedChannels);
        submit.start(install.sparkSubmit,
                     {u"--master"_s, cluster().value(u"schedulerAddress"_s).toString(), u"--conf"_s,
                      u"spark.authenticate=true"_s, u"--conf"_s, u"spark.authenticate.secret=not-the-clusters"_s,
                      u"--conf"_s, u"spark.driver.host=127.0.0.1"_s, u"--conf"_s, u"spark.ui.enabled=false"_s,
                      intruder});
        QByteArray output;
        const bool refused = waitFor(
            [&] {
                output += submit.readAll();
                return output.contains("SaslException") || output.contains("Mismatched response")
                    || submit.state() == QProcess::NotRunning;
            },
            120);
        submit.kill();
        submit.waitForFinished(10000);
        output += submit.readAll();
        QVERIFY2(refused && output.contains("Sasl"), output.right(3000).constData());
        // It never got to run anything: the master knows of no application of that name.
        const QByteArray master = httpGet(cluster().value(u"dashboardUrl"_s).toString() + u"/json/"_s);
        QVERIFY2(!master.contains("intruder.py"), master.left(2000).constData());
    }

    void etlGroupbyShufflesOnEveryExecutorAndHasAStageDag()
    {
        const QString id = submit(u"etl_groupby"_s);
        QVERIFY(!id.isEmpty());
        m_etlJob = id;
        QVERIFY2(waitFor([&] { return isFinishedJob(id); }, 300), qPrintable(jobLog(id)));
        const QJsonObject j = job(id);
        QVERIFY2(j.value(u"state"_s).toString() == u"COMPLETED"_s, qPrintable(jobLog(id)));
        QCOMPARE(j.value(u"exitCode"_s).toInt(-1), 0);
        QVERIFY2(jobLog(id).contains(u"rows: 2000000"_s), qPrintable(jobLog(id))); // the PySpark sample ran
        QVERIFY2(jobLog(id).contains(u"as job "_s + id), qPrintable(jobLog(id))); // CLUSTERDECK_JOB_ID reached it
        // Shuffle totals per executor, as the executors API lists them (read from the application's
        // executors while it ran, kept on the Worker after it ended).
        QVERIFY2(waitFor(
                     [&] {
                         const QList<Executor> all = withStatus(ExecutorStatus::Running);
                         return all.size() == 2 && std::all_of(all.cbegin(), all.cend(), [](const Executor &e) {
                                    return e.bytesInTotal > 0 && e.bytesOutTotal > 0;
                                });
                     },
                     15),
                 qPrintable(describeExecutors()));
        // The same from the metrics API: each executor's stored series reached more than zero.
        QJsonValue series;
        QCOMPARE(m_runtime.get(u"/api/v1/clusters/%1/metrics?series=bytes_in_total,bytes_out_total"_s.arg(m_clusterId),
                               &series),
                 200);
        QHash<QString, double> peak; // "name/executor" -> the largest max stored
        for (const QJsonValue &s : series.toArray()) {
            const QJsonObject o = s.toObject();
            const QString key = o.value(u"name"_s).toString() + u'/' + o.value(u"executor"_s).toString();
            for (const QJsonValue &p : o.value(u"points"_s).toArray())
                peak[key] = std::max(peak.value(key), p.toArray().at(3).toDouble());
        }
        for (const Executor &e : withStatus(ExecutorStatus::Running))
            for (const QString &name : {u"bytes_in_total"_s, u"bytes_out_total"_s})
                QVERIFY2(peak.value(name + u'/' + e.id) > 0, qPrintable(name + u" of "_s + e.id + u" never above 0"_s));
        // The stage DAG: at least two stages, the exchange between them an edge carrying the shuffle's bytes.
        const ApiReply dag = api("GET", u"/clusters/%1/jobs/%2/dag"_s.arg(m_clusterId, id));
        QVERIFY2(dag.httpStatus == 200, qPrintable(dag.message()));
        const QJsonObject d = dag.body.toObject();
        QCOMPARE(d.value(u"jobId"_s).toString(), id);
        const QJsonArray nodes = d.value(u"nodes"_s).toArray();
        const QJsonArray edges = d.value(u"edges"_s).toArray();
        const QByteArray text = QJsonDocument(d).toJson(QJsonDocument::Compact);
        QVERIFY2(nodes.size() >= 2, text.constData());
        QVERIFY2(std::any_of(edges.begin(), edges.end(),
                             [](const QJsonValue &e) { return e.toObject().value(u"bytes"_s).toDouble() > 0; }),
                 text.constData());
        for (const QJsonValue &n : nodes)
            QVERIFY2(n.toObject().value(u"state"_s).toString() == u"completed"_s
                         || n.toObject().value(u"state"_s).toString()
                             == u"pending"_s, // a stage skipped (its shuffle reused)
                     text.constData());
    }

    void skewedJoinIsSkewAndEtlGroupbyIsNot()
    {
        // The skew detector reads each running application's stages and task lists from its driver: one of
        // skewed_join's 32 join partitions holds 90% of the orders (16 joined rows each), so its task reads
        // most of the shuffle and runs far past the others.
        const QString id = submit(u"skewed_join"_s);
        QVERIFY(!id.isEmpty());
        QVERIFY2(waitFor([&] { return isFinishedJob(id); }, 400), qPrintable(jobLog(id)));
        QVERIFY2(jobState(id) == u"COMPLETED"_s, qPrintable(jobLog(id)));
        QVERIFY2(jobLog(id).contains(u"in 1 of 32 partitions"_s), qPrintable(jobLog(id)));
        QJsonObject skew;
        QVERIFY2(waitFor([&] { return !(skew = incident(u"shuffle_skew"_s, id)).isEmpty(); }, 30),
                 QJsonDocument(api("GET", u"/clusters/%1/incidents"_s.arg(m_clusterId)).body.toArray())
                     .toJson()
                     .constData());
        QCOMPARE(skew.value(u"runbook"_s).toString(), u"spark_shuffle_skew"_s);
        const QString summary = skew.value(u"summary"_s).toString();
        qInfo("skewed_join: %s", qPrintable(summary));
        // Not borderline: the slowest task is at least 3x the 75th percentile (the detector needs 1.5x).
        static const QRegularExpression ratio(u"\\(([0-9.]+)x\\)"_s);
        const QRegularExpressionMatch m = ratio.match(summary);
        QVERIFY2(m.hasMatch() && m.captured(1).toDouble() >= 3.0, qPrintable(summary));
        const QByteArray evidence = QJsonDocument(skew.value(u"evidence"_s).toArray()).toJson();
        QVERIFY2(evidence.contains("largest shuffle read"), evidence.constData());
        QVERIFY2(evidence.contains("skewed_join.py"), evidence.constData()); // the stage's call site
        // etl_groupby's shuffle is even: however its task times varied, it raised no skew.
        QVERIFY(!m_etlJob.isEmpty());
        QVERIFY2(incident(u"shuffle_skew"_s, m_etlJob).isEmpty(),
                 QJsonDocument(incident(u"shuffle_skew"_s, m_etlJob)).toJson().constData());
    }

    void scaleToThreeAndBackByDecommission()
    {
        ApiReply r = api("POST", u"/clusters/%1/scale"_s.arg(m_clusterId), QJsonObject{{u"workers"_s, 3}});
        QVERIFY2(r.httpStatus == 202, qPrintable(r.message()));
        QVERIFY2(
            waitFor([&] { return cluster().value(u"runningWorkers"_s).toInt() == 3 && state() == u"WAITING"_s; }, 180),
            qPrintable(describeExecutors()));
        r = api("POST", u"/clusters/%1/scale"_s.arg(m_clusterId), QJsonObject{{u"workers"_s, 2}});
        QVERIFY2(r.httpStatus == 202, qPrintable(r.message()));
        // The retired Worker passes through retiring (SIGPWR, its executors leave) before it is retired.
        QString retiring;
        QVERIFY2(waitFor(
                     [&] {
                         const QList<Executor> now = withStatus(ExecutorStatus::Retiring);
                         if (!now.isEmpty())
                             retiring = now.first().id;
                         return !retiring.isEmpty() || !withStatus(ExecutorStatus::Retired).isEmpty();
                     },
                     60, 100),
                 qPrintable(describeExecutors()));
        QVERIFY2(!retiring.isEmpty(), qPrintable(u"no executor was seen retiring: "_s + describeExecutors()));
        QVERIFY2(waitFor([&] { return settledAtTwo(); }, 150), qPrintable(describeExecutors()));
        const QList<Executor> retired = withStatus(ExecutorStatus::Retired);
        QCOMPARE(retired.size(), 1);
        QCOMPARE(retired.first().id, retiring);
        QVERIFY(withStatus(ExecutorStatus::Lost).isEmpty()); // a decommission is no loss
        QVERIFY(incident(u"executor_lost"_s).isEmpty());
        const QStringList types = eventTypes();
        QVERIFY(types.contains(u"scale_out"_s));
        QVERIFY(types.contains(u"scale_in"_s));
        QVERIFY2(!types.contains(u"scale_failed"_s), qPrintable(types.join(u", "_s))); // Spark confirmed the drain
        // Spark's own account of it, in the Worker's log.
        QFile log(m_runtime.clusterDir(m_clusterId) + u"/logs/"_s + retiring + u".log"_s);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY2(log.readAll().contains("ecommission"), "the retired Worker's log says nothing of a decommission");
    }

    void scaleInUnderARunningJobDrainsWithinTheGrace()
    {
        // 2 -> 3, a job on all three, then 3 -> 2 while it runs: the decommissioned Worker's executor
        // finishes its tasks, migrates its blocks and leaves, and the runtime stops the Worker with Spark's
        // consent inside the retire grace (90 s here), no scale_failed, and the job completes.
        const qsizetype failedBefore = eventTypes().count(u"scale_failed"_s);
        ApiReply r = api("POST", u"/clusters/%1/scale"_s.arg(m_clusterId), QJsonObject{{u"workers"_s, 3}});
        QVERIFY2(r.httpStatus == 202, qPrintable(r.message()));
        QVERIFY2(
            waitFor([&] { return cluster().value(u"runningWorkers"_s).toInt() == 3 && state() == u"WAITING"_s; }, 180),
            qPrintable(describeExecutors()));
        const QString id = submit(u"etl_groupby"_s, {u"3"_s});
        QVERIFY(!id.isEmpty());
        QVERIFY2(waitFor([&] { return jobLog(id).contains(u"input:"_s) || isFinishedJob(id); }, 180),
                 qPrintable(jobLog(id)));
        QTest::qWait(3000); // its tasks run on every Worker
        QVERIFY2(!isFinishedJob(id), qPrintable(jobLog(id)));
        QElapsedTimer drain;
        drain.start();
        r = api("POST", u"/clusters/%1/scale"_s.arg(m_clusterId), QJsonObject{{u"workers"_s, 2}});
        QVERIFY2(r.httpStatus == 202, qPrintable(r.message()));
        QString retiring;
        QVERIFY2(waitFor(
                     [&] {
                         const QList<Executor> now = withStatus(ExecutorStatus::Retiring);
                         if (!now.isEmpty())
                             retiring = now.first().id;
                         return !retiring.isEmpty();
                     },
                     60, 100),
                 qPrintable(describeExecutors()));
        // The point of the step: the job still ran while the Worker drained.
        QVERIFY2(jobState(id) == u"RUNNING"_s, qPrintable(jobState(id) + u": "_s + jobLog(id)));
        QVERIFY2(waitFor(
                     [&] {
                         for (const Executor &e : executors())
                             if (e.id == retiring)
                                 return e.status == ExecutorStatus::Retired;
                         return false;
                     },
                     150),
                 qPrintable(describeExecutors()));
        const qint64 drainedMs = drain.elapsed();
        qInfo("scale-in under a running job: %s retired %lld ms after the request (job %s)", qPrintable(retiring),
              drainedMs, qPrintable(jobState(id)));
        const QStringList types = eventTypes();
        QVERIFY2(types.count(u"scale_failed"_s) == failedBefore, qPrintable(types.join(u", "_s)));
        QVERIFY2(drainedMs < 90'000, qPrintable(u"%1 ms"_s.arg(drainedMs)));
        QVERIFY(withStatus(ExecutorStatus::Lost).isEmpty()); // a decommission is no loss
        QVERIFY2(waitFor([&] { return isFinishedJob(id); }, 400), qPrintable(jobLog(id)));
        QVERIFY2(jobState(id) == u"COMPLETED"_s, qPrintable(jobLog(id)));
        QVERIFY2(jobLog(id).contains(u"rows: 6000000"_s), qPrintable(jobLog(id))); // no row lost on the way
        QVERIFY2(waitFor([&] { return settledAtTwo(); }, 150), qPrintable(describeExecutors()));
        // The application saw its executor on that Worker decommissioned, not lost.
        QFile log(m_runtime.clusterDir(m_clusterId) + u"/logs/"_s + retiring + u".log"_s);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY2(log.readAll().contains("ecommission"), "the retired Worker's log says nothing of a decommission");
    }

    void aWorkerKilledMidJobIsLostAndTheJobCompletes()
    {
        const QString id = submit(u"etl_groupby"_s, {u"2"_s});
        QVERIFY(!id.isEmpty());
        // Once its executors work (the job printed its input), kill a Worker as a crashed node would go.
        QVERIFY2(waitFor([&] { return jobLog(id).contains(u"input:"_s) || isFinishedJob(id); }, 180),
                 qPrintable(jobLog(id)));
        QVERIFY2(!isFinishedJob(id), qPrintable(jobLog(id)));
        // While it runs the job links its driver's web UI (the console's overview shows it), and it answers.
        const QString ui = job(id).value(u"uiUrl"_s).toString();
        QVERIFY2(ui.startsWith(u"http://127.0.0.1:"_s), qPrintable(ui));
        QVERIFY2(httpGet(ui + u"/api/v1/applications"_s).contains("clusterdeck-job-"), qPrintable(ui));
        QTest::qWait(1000);
        const ApiReply chaos
            = api("POST", u"/clusters/%1/chaos"_s.arg(m_clusterId), QJsonObject{{u"action"_s, u"kill-worker"_s}});
        QVERIFY2(chaos.httpStatus == 202, qPrintable(chaos.message()));
        const QString victim = chaos.body.toObject().value(u"executor"_s).toString();
        QVERIFY(!victim.isEmpty());
        QVERIFY2(waitFor([&] { return isFinishedJob(id); }, 400), qPrintable(jobLog(id)));
        QVERIFY2(jobState(id) == u"COMPLETED"_s, qPrintable(jobLog(id)));
        // The runtime recorded the loss and raised executor_lost; Spark saw its executor go.
        bool lost = false;
        for (const Executor &e : executors())
            lost = lost || (e.id == victim && e.status == ExecutorStatus::Lost);
        QVERIFY2(lost, qPrintable(describeExecutors()));
        QVERIFY2(waitFor([&] { return !incident(u"executor_lost"_s, victim).isEmpty(); }, 30),
                 QJsonDocument(api("GET", u"/clusters/%1/incidents"_s.arg(m_clusterId)).body.toArray())
                     .toJson()
                     .constData());
        QVERIFY2(jobLog(id).contains(u"Lost executor"_s) || jobLog(id).contains(u"ExecutorLostFailure"_s)
                     || jobLog(id).contains(u"worker lost"_s) || jobLog(id).contains(u"Executor lost"_s),
                 qPrintable(jobLog(id)));
        // The lost Worker is replaced to keep the requested two.
        QVERIFY2(waitFor([&] { return settledAtTwo(); }, 180), qPrintable(describeExecutors()));
        QVERIFY(eventTypes().contains(u"worker_replaced"_s));
    }

    void memoryHogRaisesTheMemoryIncident()
    {
        const QString id = submit(u"memory_hog"_s);
        QVERIFY(!id.isEmpty());
        QVERIFY2(waitFor([&] { return isFinishedJob(id); }, 400), qPrintable(jobLog(id)));
        QVERIFY2(jobState(id) == u"FAILED"_s, qPrintable(jobLog(id)));
        QJsonObject oom;
        QVERIFY2(waitFor([&] { return !(oom = incident(u"executor_oom"_s)).isEmpty(); }, 60),
                 QJsonDocument(api("GET", u"/clusters/%1/incidents"_s.arg(m_clusterId)).body.toArray())
                     .toJson()
                     .constData());
        QCOMPARE(oom.value(u"runbook"_s).toString(), u"spark_executor_oom"_s);
        QVERIFY2(!oom.value(u"evidence"_s).toArray().isEmpty(), QJsonDocument(oom).toJson().constData());
    }

    void exportReportIsDeniedAsTheJobUser()
    {
        if (::geteuid() != 0)
            QSKIP("jobs only run as another user when the runtime is root");
        const QString id = submit(u"export_report"_s);
        QVERIFY(!id.isEmpty());
        QVERIFY2(waitFor([&] { return isFinishedJob(id); }, 300), qPrintable(jobLog(id)));
        QVERIFY2(jobState(id) == u"FAILED"_s, qPrintable(jobLog(id)));
        QVERIFY2(jobLog(id).contains(u"PermissionError"_s), qPrintable(jobLog(id)));
        QVERIFY2(waitFor([&] { return !incident(u"permission_denied"_s).isEmpty(); }, 30),
                 QJsonDocument(api("GET", u"/clusters/%1/incidents"_s.arg(m_clusterId)).body.toArray())
                     .toJson()
                     .constData());
        QVERIFY(job(id).value(u"uiUrl"_s).toString().isEmpty()); // it ended: nothing to link
    }

    void terminateLeavesNoJvm()
    {
        QVERIFY(!test::processesOfCluster(m_clusterId).isEmpty()); // the check below sees them while they live
        const ApiReply r = api("DELETE", u"/clusters/"_s + m_clusterId);
        QVERIFY2(r.httpStatus == 202, qPrintable(r.message()));
        QVERIFY2(waitFor([&] { return state() == u"TERMINATED"_s; }, 60), qPrintable(describeExecutors()));
        const QString dir = m_runtime.clusterDir(m_clusterId);
        QVERIFY2(
            waitFor(
                [&] { return test::processesOfCluster(m_clusterId).isEmpty() && test::processesUnder(dir).isEmpty(); },
                30),
            qPrintable(u"%1 process(es) left"_s.arg(test::processesOfCluster(m_clusterId).size())));
    }
};

QTEST_GUILESS_MAIN(TstSparkRuntimeIntegration)
#include "tst_spark_runtime_integration.moc"
