// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Failures on a real cluster, end to end: faults injected through clusterdeck-cli into real Dask
// processes, and what the runtime records about them. One small cluster is shared by the test functions
// (two cores are shared by everything on this machine), so they run in order.
#include "core/backend/runtime/runtimeclient.h"
#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/model/job.h"
#include "core/security/tokenfile.h"
#include "loopback.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

struct ProcState
{
    qint64 pid = 0;
    char state = '?'; // R, S, T (stopped), Z, ...
};

// The live members of a process group and their scheduler states, read from /proc.
QList<ProcState> groupMembers(qint64 pgid)
{
    QList<ProcState> result;
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.front().isDigit())
            continue;
        QFile stat(u"/proc/"_s + pid + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const int close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        // After "(comm) ": state ppid pgrp ...
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 3 || fields[2].toLongLong() != pgid || fields[0] == "Z")
            continue;
        result.append({pid.toLongLong(), fields[0].isEmpty() ? '?' : fields[0][0]});
    }
    return result;
}

} // namespace

class TstIncidentsIntegration : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_data;
    QProcess m_runtime;
    int m_port = 0;
    QByteArray m_token;
    QString m_clusterId;

    QString url() const { return u"http://127.0.0.1:%1"_s.arg(m_port); }

    int cli(const QStringList &args, QJsonValue *json = nullptr, int timeoutMs = 240000)
    {
        return test::runCliJson(url(), m_data.path() + u"/token"_s, args, json, timeoutMs);
    }

    ApiReply api(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        RuntimeClient client(QUrl(url()), m_token);
        return client.requestBlocking(verb, path, body);
    }

    QList<Executor> executors()
    {
        QList<Executor> result;
        QJsonValue json;
        if (cli({u"executors"_s, m_clusterId}, &json) == 0)
            for (const QJsonValue &v : json.toArray())
                result.append(Executor::fromJson(v.toObject()));
        return result;
    }

    Executor executor(const QString &id)
    {
        for (const Executor &e : executors())
            if (e.id == id)
                return e;
        return {};
    }

    // Submits a sample; its id, or "" when refused.
    QString submit(const QString &sample, const QStringList &args = {})
    {
        QStringList cmd{u"job"_s, u"submit"_s, m_clusterId, u"--sample"_s, sample};
        for (const QString &a : args)
            cmd << u"--arg"_s << a;
        QJsonValue json;
        if (cli(cmd, &json) != 0)
            return {};
        return json.toObject().value(u"id"_s).toString();
    }

    JobState jobState(const QString &jobId)
    {
        return Job::fromJson(api("GET", u"/clusters/%1/jobs/%2"_s.arg(m_clusterId, jobId)).body.toObject()).state;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QVERIFY2(QFileInfo(u"/usr/bin/dask"_s).isExecutable(), "Debian's Dask is required (scripts/install-deps.sh)");
        m_port = test::freeLoopbackPort();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CLUSTERDECK_TERMINATE_GRACE_S"_s, u"5"_s);
        m_runtime.setProcessEnvironment(env);
        m_runtime.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_runtime.start(test::binDir() + u"/clusterdeck-runtime"_s,
                        {u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port), u"--data-dir"_s, m_data.path(), u"--resources"_s,
                         test::resourcesDir()});
        QVERIFY2(m_runtime.waitForStarted(), qPrintable(m_runtime.errorString()));
        RuntimeClient health(QUrl(url()), {});
        QTRY_VERIFY_WITH_TIMEOUT(health.requestBlocking("GET", u"/health"_s).ok(), 15000);
        QString error;
        m_token = security::readTokenFile(m_data.path() + u"/token"_s, &error);
        QVERIFY2(!m_token.isEmpty(), qPrintable(error));
        QJsonValue json;
        QCOMPARE(cli({u"cluster"_s, u"launch"_s, u"--name"_s, u"faults"_s, u"--workers"_s, u"2"_s, u"--wait"_s}, &json), 0);
        m_clusterId = json.toObject().value(u"id"_s).toString();
        QVERIFY(!m_clusterId.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_clusterId.isEmpty() && m_runtime.state() == QProcess::Running)
            cli({u"cluster"_s, u"terminate"_s, m_clusterId, u"--wait"_s, u"--timeout"_s, u"60"_s});
        for (qint64 pid : test::processesUnder(m_data.path() + u"/clusters"_s))
            ::kill(pid_t(pid), SIGKILL);
        if (m_runtime.state() == QProcess::Running) {
            m_runtime.terminate();
            if (!m_runtime.waitForFinished(10000))
                m_runtime.kill();
            m_runtime.waitForFinished();
        }
    }

    void badFaultRequestsAreRefused()
    {
        const QString path = u"/clusters/"_s + m_clusterId + u"/chaos"_s;
        ApiReply r = api("POST", path, {{u"action"_s, u"reboot"_s}});
        QCOMPARE(r.httpStatus, 400);
        QVERIFY2(r.fields.contains(u"action"_s), qPrintable(r.message()));
        r = api("POST", path, {{u"action"_s, u"stall-worker"_s}, {u"seconds"_s, 0}});
        QCOMPARE(r.httpStatus, 400);
        QVERIFY(r.fields.contains(u"seconds"_s));
        r = api("POST", path, {{u"action"_s, u"kill-worker"_s}, {u"executor"_s, u"w99"_s}});
        QCOMPARE(r.httpStatus, 404);
        QCOMPARE(api("GET", path).httpStatus, 405);
        QCOMPARE(cli({u"chaos"_s, m_clusterId, u"explode"_s}), 2); // a usage error
        QCOMPARE(cli({u"chaos"_s, m_clusterId, u"kill-worker"_s, u"--executor"_s, u"w99"_s}), 1);
        // Nothing was hit.
        for (const Executor &e : executors())
            QCOMPARE(toString(e.status), toString(ExecutorStatus::Running));
    }

    void stallWorkerStopsTheWholeGroupThenResumesIt()
    {
        const Executor before = executor(u"w1"_s);
        QVERIFY(before.pid > 0);
        QJsonValue json;
        QCOMPARE(cli({u"chaos"_s, m_clusterId, u"stall-worker"_s, u"--executor"_s, u"w1"_s, u"--seconds"_s, u"3"_s},
                     &json),
                 0);
        QCOMPARE(json.toObject().value(u"executor"_s).toString(), u"w1"_s);
        QCOMPARE(json.toObject().value(u"seconds"_s).toInt(), 3);
        // The nanny and its worker both stop: a stall, not a crash.
        const QList<ProcState> stopped = groupMembers(before.pid);
        QVERIFY2(stopped.size() >= 2, qPrintable(QString::number(stopped.size())));
        for (const ProcState &p : stopped)
            QVERIFY2(p.state == 'T', qPrintable(u"pid %1 is %2"_s.arg(p.pid).arg(QLatin1Char(p.state))));
        // A second stall on the same worker is refused while the first lasts.
        QCOMPARE(api("POST", u"/clusters/"_s + m_clusterId + u"/chaos"_s,
                     {{u"action"_s, u"stall-worker"_s}, {u"executor"_s, u"w1"_s}})
                     .httpStatus,
                 409);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<ProcState> members = groupMembers(before.pid);
                return !members.isEmpty()
                    && std::none_of(members.cbegin(), members.cend(), [](const ProcState &p) { return p.state == 'T'; });
            }(),
            10000);
        // Same process, same incarnation: it was paused, never restarted.
        const Executor after = executor(u"w1"_s);
        QCOMPARE(after.pid, before.pid);
        QCOMPARE(after.restarts, before.restarts);
        QTRY_COMPARE_WITH_TIMEOUT(toString(executor(u"w1"_s).status), toString(ExecutorStatus::Running), 10000);
    }

    void killWorkerDuringAShuffleIsAnUnplannedLossAndTheJobCompletes()
    {
        const QString jobId = submit(u"etl_groupby"_s);
        QVERIFY(!jobId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(toString(jobState(jobId)), u"RUNNING"_s, 20000);
        QTest::qWait(2000); // into the shuffle, so the kill loses work in flight
        QJsonValue json;
        QCOMPARE(cli({u"chaos"_s, m_clusterId, u"kill-worker"_s}, &json), 0);
        const QString victim = json.toObject().value(u"executor"_s).toString();
        const qint64 pgid = qint64(json.toObject().value(u"processGroup"_s).toDouble());
        QVERIFY(!victim.isEmpty());
        QVERIFY(pgid > 0);
        // The whole group is gone (nanny included, so nothing restarts the worker)...
        QTRY_VERIFY_WITH_TIMEOUT(groupMembers(pgid).isEmpty(), 5000);
        // ...and it is recorded as lost, not retired: nobody asked for it.
        const Executor lost = executor(victim);
        QCOMPARE(toString(lost.status), toString(ExecutorStatus::Lost));
        QVERIFY2(lost.statusReason.contains(u"fault injection"_s), qPrintable(lost.statusReason));
        QVERIFY(lost.endedAt.isValid());
        // Dask recomputes what the lost worker held, on the worker that is left.
        QTRY_VERIFY_WITH_TIMEOUT(isFinished(jobState(jobId)), 180000);
        const Job job = Job::fromJson(api("GET", u"/clusters/%1/jobs/%2"_s.arg(m_clusterId, jobId)).body.toObject());
        QVERIFY2(job.state == JobState::Completed, qPrintable(toString(job.state) + u'\n' + job.logTail));
        QTest::qWait(2000);
        QCOMPARE(toString(executor(victim).status), toString(ExecutorStatus::Lost)); // still: no nanny came back
        QCOMPARE(ClusterInfo::fromJson(api("GET", u"/clusters/"_s + m_clusterId).body.toObject()).runningWorkers, 1);
        // The dead worker cannot be hit again.
        QCOMPARE(api("POST", u"/clusters/"_s + m_clusterId + u"/chaos"_s,
                     {{u"action"_s, u"kill-worker"_s}, {u"executor"_s, victim}})
                     .httpStatus,
                 409);
    }
};

QTEST_GUILESS_MAIN(TstIncidentsIntegration)
#include "tst_incidents_integration.moc"
