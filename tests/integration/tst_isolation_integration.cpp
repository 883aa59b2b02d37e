// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Engines isolated (issue 16), end to end: the real clusterdeck-runtime launches two real Dask clusters, A
// and B, and a job of A tries what an attacker's job would: run as root, reach B's scheduler (with A's
// certificate, and in plain TCP), retire B's workers through B's dashboard, read B's folder, find the
// runtime's environment or descriptors. As root (this machine, CI) each cluster has a user of its own;
// as another user the runtime says isolation is off, and what still holds (TLS) is checked.
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
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

// What a job of cluster A finds out (isolation_probe.py beside this file), printed as one line
// "ISOLATION {json}" that the job's log tail has.
QString probeScript()
{
    return QStringLiteral(QT_TESTCASE_SOURCEDIR "/isolation_probe.py");
}

struct ProcessOwner
{
    uid_t uid = uid_t(-1);
    gid_t gid = gid_t(-1);
};

ProcessOwner ownerOf(qint64 pid)
{
    struct stat st
    {
    };
    if (::stat(QByteArray("/proc/" + QByteArray::number(pid)).constData(), &st) != 0)
        return {};
    return {st.st_uid, st.st_gid};
}

struct StatInfo
{
    uid_t uid = uid_t(-1);
    mode_t mode = 0;
};

StatInfo statOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {st.st_uid, mode_t(st.st_mode & 07777)};
}

// "pid command" of each live (non-zombie) process whose real uid is uid.
QStringList liveProcessesOf(uid_t uid)
{
    QStringList found;
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.front().isDigit())
            continue;
        QFile f(u"/proc/"_s + pid + u"/status"_s);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray status = f.readAll();
        if (status.contains("State:\tZ") || status.contains("State:\tX"))
            continue;
        const qsizetype at = status.indexOf("\nUid:\t");
        if (at >= 0 && status.mid(at + 6).split('\t').value(0).toUInt() == uid) {
            QFile cmd(u"/proc/"_s + pid + u"/cmdline"_s);
            found.append(
                pid + u' '
                + QString::fromUtf8(cmd.open(QIODevice::ReadOnly) ? cmd.readAll().replace('\0', ' ') : QByteArray()));
        }
    }
    return found;
}

} // namespace

class TstIsolationIntegration : public QObject
{
    Q_OBJECT
private:
    test::RuntimeProcess m_runtime;
    QString m_a;
    QString m_b;
    QJsonObject m_probe; // what A's job found
    const bool m_root = ::geteuid() == 0;

    int cli(const QStringList &args, QJsonValue *json = nullptr, int timeoutMs = 240000)
    {
        return m_runtime.cli(args, json, timeoutMs);
    }

    QString launch(const QString &name)
    {
        QJsonValue json;
        if (cli({u"cluster"_s, u"launch"_s, u"--name"_s, name, u"--workers"_s, u"1"_s, u"--wait"_s}, &json) != 0)
            return {};
        const ClusterInfo c = ClusterInfo::fromJson(json.toObject());
        return toString(c.state) == u"WAITING"_s ? c.id : QString();
    }

    ClusterInfo info(const QString &id)
    {
        return ClusterInfo::fromJson(m_runtime.api("GET", u"/clusters/"_s + id).body.toObject());
    }

    QList<Executor> executors(const QString &id)
    {
        QList<Executor> result;
        QJsonValue json;
        if (cli({u"executors"_s, id}, &json) == 0)
            for (const QJsonValue &v : json.toArray())
                result.append(Executor::fromJson(v.toObject()));
        return result;
    }

    // The scheduler, the worker's nanny, the worker and its resource tracker: everything in the folder.
    QList<qint64> enginePids(const QString &id) { return test::processesUnder(m_runtime.clusterDir(id)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(u"/usr/bin/dask"_s).isExecutable(), "Debian's Dask is required (scripts/install-deps.sh)");
        // A variable of the runtime's own that no job may see (the environment is stated, not inherited).
        m_runtime.setEnvironment({{u"CLUSTERDECK_TERMINATE_GRACE_S"_s, u"5"_s},
                                  {u"CLUSTERDECK_ISOLATION_PROBE_SECRET"_s, u"runtime-only"_s}});
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        m_a = launch(u"iso-a"_s);
        QVERIFY(!m_a.isEmpty());
        m_b = launch(u"iso-b"_s);
        QVERIFY(!m_b.isEmpty());
    }

    void cleanupTestCase()
    {
        for (const QString &id : {m_a, m_b})
            if (!id.isEmpty() && m_runtime.isRunning())
                cli({u"cluster"_s, u"terminate"_s, id, u"--wait"_s, u"--timeout"_s, u"60"_s});
        m_runtime.stopAndReap();
    }

    void theRuntimeSaysWhetherEnginesAreIsolated()
    {
        const QJsonArray engines = m_runtime.api("GET", u"/engines"_s).body.toArray();
        QVERIFY(!engines.isEmpty());
        for (const QJsonValue &v : engines) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(u"isolated"_s).toBool(), m_root);
            // As another user the answer says why, plainly.
            QVERIFY2(m_root ? e.value(u"isolation"_s).toString().contains(u"a user of its own"_s)
                            : e.value(u"isolation"_s).toString().startsWith(u"off: the runtime is not root"_s),
                     qPrintable(e.value(u"isolation"_s).toString()));
        }
        QFile log(m_runtime.dataDir() + u"/runtime.log"_s);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains(m_root ? "engine isolation is on" : "engine isolation is OFF"));
    }

    void eachClusterRunsAsAUserOfItsOwn()
    {
        const QList<qint64> a = enginePids(m_a);
        const QList<qint64> b = enginePids(m_b);
        QVERIFY2(a.size() >= 3, qPrintable(QString::number(a.size()))); // scheduler, nanny, worker (tracker)
        QVERIFY2(b.size() >= 3, qPrintable(QString::number(b.size())));
        const uid_t uidA = ownerOf(a.first()).uid;
        const uid_t uidB = ownerOf(b.first()).uid;
        for (const qint64 pid : a)
            QCOMPARE(ownerOf(pid).uid, uidA);
        for (const qint64 pid : b)
            QCOMPARE(ownerOf(pid).uid, uidB);
        if (!m_root) {
            // Isolation off: the engines run as the runtime's user, as it says.
            QCOMPARE(uidA, ::geteuid());
            return;
        }
        QVERIFY(uidA != 0 && uidB != 0);
        QVERIFY(uidA != uidB);
        QVERIFY(uidA >= 50000 && uidA <= 50999);
        // A system account: no login shell, its HOME inside the cluster's folder.
        const passwd *pw = ::getpwuid(uidA);
        QVERIFY(pw);
        QCOMPARE(QString::fromLocal8Bit(pw->pw_name), u"cdk%1"_s.arg(uidA));
        QCOMPARE(QString::fromLocal8Bit(pw->pw_shell), u"/usr/sbin/nologin"_s);
        QCOMPARE(QString::fromLocal8Bit(pw->pw_dir), m_runtime.clusterDir(m_a) + u"/home"_s);
        // The cluster's folder is its user's alone; the key too; the data dir lets it through, no more.
        QCOMPARE(statOf(m_runtime.clusterDir(m_a)).uid, uidA);
        QCOMPARE(statOf(m_runtime.clusterDir(m_a)).mode, mode_t(0700));
        QCOMPARE(statOf(m_runtime.clusterDir(m_a) + u"/tls/key.pem"_s).mode, mode_t(0600));
        QCOMPARE(statOf(m_runtime.clusterDir(m_a) + u"/tls/key.pem"_s).uid, uidA);
        QCOMPARE(statOf(m_runtime.dataDir()).mode, mode_t(0711));
        QCOMPARE(statOf(m_runtime.dataDir() + u"/clusters"_s).mode, mode_t(0711));
        QCOMPARE(statOf(m_runtime.dataDir() + u"/runtime.sqlite"_s).mode, mode_t(0600));
        // Scheduler addresses are TLS.
        QVERIFY2(info(m_a).schedulerAddress.startsWith(u"tls://127.0.0.1:"_s), qPrintable(info(m_a).schedulerAddress));
    }

    void aJobOfOneClusterCannotReachAnother()
    {
        const QString script = probeScript();
        QVERIFY(QFileInfo::exists(script));
        const ClusterInfo b = info(m_b);
        QJsonValue json;
        QCOMPARE(cli({u"job"_s, u"submit"_s, m_a, u"--script"_s, script, u"--arg"_s, b.schedulerAddress, u"--arg"_s,
                      b.dashboardUrl, u"--arg"_s, m_runtime.clusterDir(m_b), u"--wait"_s},
                     &json),
                 0);
        const Job job = Job::fromJson(json.toObject());
        QVERIFY2(toString(job.state) == u"COMPLETED"_s, qPrintable(job.logTail));
        const QRegularExpressionMatch m = QRegularExpression(u"ISOLATION (\\{.*\\})"_s).match(job.logTail);
        QVERIFY2(m.hasMatch(), qPrintable(job.logTail));
        m_probe = QJsonDocument::fromJson(m.captured(1).toUtf8()).object();
        QVERIFY(!m_probe.isEmpty());
        const QJsonObject &p = m_probe;
        const auto refused = [&p](const char *what) {
            const QString outcome = p.value(QLatin1StringView(what)).toString();
            return outcome.startsWith(u"refused: "_s) ? QString() : u"%1: %2"_s.arg(QLatin1StringView(what), outcome);
        };
        // B's scheduler refuses A's certificate (Dask requires a certificate from its CA) and plain TCP.
        for (const char *what : {"otherWithOwnCertificate", "otherInPlainTcp"}) {
            const QString why = refused(what);
            QVERIFY2(why.isEmpty(), qPrintable(why));
        }
        // B's keyed retire route refuses a caller without B's key: 403.
        QVERIFY2(p.value(u"otherRetire"_s).toString().contains(u"403"_s),
                 qPrintable(p.value(u"otherRetire"_s).toString()));
        QCOMPARE(executors(m_b).size(), 1);
        QVERIFY(executors(m_b).first().status == ExecutorStatus::Running);
        // A stated environment: nothing of the runtime's own, Dask's TLS settings for its own cluster.
        const QJsonArray env = p.value(u"env"_s).toArray();
        QVERIFY(!env.contains(u"CLUSTERDECK_ISOLATION_PROBE_SECRET"_s));
        QVERIFY(env.contains(u"DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT"_s));
        QVERIFY(env.contains(u"PATH"_s) && env.contains(u"HOME"_s) && env.contains(u"LANG"_s));
        QVERIFY(p.value(u"ownAddress"_s).toString().startsWith(u"tls://"_s));
        // No inherited descriptors: stdin, stdout, stderr and the one listdir itself opened.
        QCOMPARE(p.value(u"fds"_s).toArray(), (QJsonArray{0, 1, 2, 3}));
        const int jobUid = p.value(u"jobUid"_s).toInt(-1);
        const int workerUid = p.value(u"workerUid"_s).toInt(-1);
        if (!m_root) {
            QCOMPARE(jobUid, int(::geteuid()));
            QCOMPARE(workerUid, int(::geteuid()));
            return;
        }
        // The job and the worker that ran its task: A's user, never root nor the runtime's.
        const uid_t uidA = ownerOf(enginePids(m_a).first()).uid;
        QCOMPARE(jobUid, int(uidA));
        QCOMPARE(workerUid, int(uidA));
        QVERIFY(jobUid != 0 && jobUid != int(::getuid()));
        // B's folder and key, and the runtime's database, are out of A's reach.
        for (const char *what : {"otherFolder", "otherKey", "runtimeDatabase"}) {
            const QString why = refused(what);
            QVERIFY2(why.isEmpty(), qPrintable(why));
            QVERIFY2(p.value(QLatin1StringView(what)).toString().contains(u"PermissionError"_s),
                     qPrintable(p.value(QLatin1StringView(what)).toString()));
        }
    }

    void terminateRemovesTheClustersUserAndEverythingItRan()
    {
        const uid_t uidA = ownerOf(enginePids(m_a).first()).uid;
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"terminate"_s, m_a, u"--wait"_s}, &json), 0);
        QCOMPARE(toString(ClusterInfo::fromJson(json.toObject()).state), u"TERMINATED"_s);
        if (!m_root)
            return; // the runtime's own user stays, as do its other processes
        // The user goes (removed right after the state changes), with every process of it.
        QTRY_VERIFY_WITH_TIMEOUT(::getpwuid(uidA) == nullptr, 10000);
        // (A killed process may stay a zombie a moment, until its new parent reaps it: it runs nothing.)
        QTRY_VERIFY2_WITH_TIMEOUT(liveProcessesOf(uidA).isEmpty(), qPrintable(liveProcessesOf(uidA).join(u", "_s)),
                                  10000);
        // Its folder is back with the runtime: a later user given the same uid gets none of it.
        QCOMPARE(statOf(m_runtime.clusterDir(m_a)).uid, ::geteuid());
        QCOMPARE(statOf(m_runtime.clusterDir(m_a) + u"/tls/key.pem"_s).uid, ::geteuid());
        m_a.clear();
        // B was never touched.
        QCOMPARE(toString(info(m_b).state), u"WAITING"_s);
    }
};

QTEST_MAIN(TstIsolationIntegration)
#include "tst_isolation_integration.moc"
