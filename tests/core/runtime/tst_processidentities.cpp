// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Every process the runtime signals is still the one it started: LocalHost records each start's identity
// (/proc/PID/stat's start time and the boot) in a file, and a host started later (a restarted runtime)
// signals a recorded pid only while it still belongs to that process. A stranger given a recorded pid
// (the kernel reuses pids) survives.
#include "core/runtime/engine/localhost.h"
#include "core/runtime/engine/processidentities.h"
#include "core/runtime/processes.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cdeck;
using engine::LocalHost;
using engine::ProcessHandle;
using engine::ProcessSignal;

class TestProcessIdentities : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<qint64> m_started; // killed at the end whatever happens

    QString identities() const { return m_dir.path() + u"/processes.tsv"_s; }
    engine::ProcessSpec sleeper() const
    {
        return {
            u"/bin/sleep"_s, {u"300"_s}, {u"PATH=/usr/bin:/bin"_s}, m_dir.path(), m_dir.path() + u"/sleep.log"_s, {}};
    }
    static bool waitGone(qint64 pgid)
    {
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && processes::isGroupAlive(pgid))
            QThread::msleep(50);
        return !processes::isGroupAlive(pgid);
    }

private Q_SLOTS:
    void aProcessItStartedIsSignalledAlsoAfterARestart()
    {
        QString error;
        ProcessHandle started;
        {
            LocalHost before(identities());
            started = before.startDetached(sleeper(), &error);
            QVERIFY2(started.isValid(), qPrintable(error));
            m_started.append(started.id);
            QVERIFY(before.isAlive(started));
        }
        QFile file(identities());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith(QByteArray(QByteArray::number(started.id) + ' ')));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        LocalHost after(identities()); // the runtime restarted
        QVERIFY(after.isAlive(started));
        QVERIFY(after.signal(started, ProcessSignal::Kill));
        QVERIFY(waitGone(started.id));
        QVERIFY(!after.isAlive(started));
    }

    void aStrangerGivenARecordedPidSurvives()
    {
        // The stranger: a process group of its own, which the host never started.
        QString error;
        processes::SpawnRequest request{
            u"/bin/sleep"_s, {u"300"_s}, {u"PATH=/usr/bin:/bin"_s}, m_dir.path(), m_dir.path() + u"/stranger.log"_s};
        const qint64 stranger = processes::spawnDetached(request, &error);
        QVERIFY2(stranger > 0, qPrintable(error));
        m_started.append(stranger);
        const std::optional<engine::ProcessIdentity> real = engine::ProcessIdentity::of(stranger);
        QVERIFY(real);
        // What a runtime recorded for its own process, which had this pid before the kernel gave it away: the
        // same pid, an earlier start.
        QFile file(identities());
        QVERIFY(file.open(QIODevice::Append));
        file.write(QByteArray::number(stranger) + ' ' + QByteArray::number(real->startTime - 1) + ' ' + real->bootId
                   + '\n');
        file.close();
        LocalHost restarted(identities());
        const ProcessHandle recorded{stranger};
        QVERIFY(!restarted.isAlive(recorded));
        QVERIFY(restarted.aliveAmong({recorded}).isEmpty());
        for (const ProcessSignal s :
             {ProcessSignal::Terminate, ProcessSignal::Kill, ProcessSignal::Stop, ProcessSignal::Decommission})
            QVERIFY(!restarted.signal(recorded, s));
        QThread::msleep(200);
        QVERIFY(processes::isGroupAlive(stranger));
        QCOMPARE(engine::ProcessIdentity::of(stranger), real); // the same process, untouched
        // A record from another boot is a stranger too.
        QVERIFY(QFile::remove(identities()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::number(stranger) + ' ' + QByteArray::number(real->startTime) + " not-this-boot\n");
        file.close();
        QVERIFY(engine::ProcessIdentities(identities()).check(stranger) != engine::ProcessIdentities::Verdict::Ours);
        QVERIFY(!LocalHost(identities()).signal(recorded, ProcessSignal::Kill));
        QVERIFY(processes::isGroupAlive(stranger));
        // The stale record was dropped from the file when it was read.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray());
        file.close();
    }

    void aPidNeverRecordedIsNotSignalled()
    {
        QString error;
        processes::SpawnRequest request{
            u"/bin/sleep"_s, {u"300"_s}, {u"PATH=/usr/bin:/bin"_s}, m_dir.path(), m_dir.path() + u"/unknown.log"_s};
        const qint64 pid = processes::spawnDetached(request, &error);
        QVERIFY2(pid > 0, qPrintable(error));
        m_started.append(pid);
        LocalHost host(m_dir.path() + u"/empty.tsv"_s);
        QVERIFY(!host.signal({pid}, ProcessSignal::Kill));
        QVERIFY(!host.isAlive({pid}));
        QThread::msleep(100);
        QVERIFY(processes::isGroupAlive(pid));
    }

    void aJobIsRecordedToo()
    {
        LocalHost host(identities());
        QObject owner;
        engine::JobProcess *job = host.startJob(sleeper(), &owner);
        QSignalSpy started(job, &engine::JobProcess::started);
        QVERIFY(started.wait(10000));
        const ProcessHandle handle = job->handle();
        QVERIFY(handle.isValid());
        QCOMPARE(engine::ProcessIdentities(identities()).check(handle.id), engine::ProcessIdentities::Verdict::Ours);
        QSignalSpy finished(job, &engine::JobProcess::finished);
        QVERIFY(host.signal(handle, ProcessSignal::Kill));
        QVERIFY(finished.wait(10000));
    }

    void cleanupTestCase()
    {
        for (const qint64 pid : std::as_const(m_started))
            if (processes::isGroupAlive(pid))
                processes::signalGroup(pid, SIGKILL);
        for (const qint64 pid : std::as_const(m_started))
            QVERIFY(waitGone(pid));
    }
};

QTEST_GUILESS_MAIN(TestProcessIdentities)
#include "tst_processidentities.moc"
