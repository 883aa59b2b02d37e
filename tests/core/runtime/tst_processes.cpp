// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/runtime/processes.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstProcesses : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spawnsADetachedGroupAndReapsItWhole()
    {
        QTemporaryDir dir;
        processes::SpawnRequest req;
        req.program = u"/bin/sh"_s;
        // A parent with a child, as a nanny has its worker: one signal to the group must end both.
        req.arguments = {u"-c"_s, u"sleep 300 & echo started; wait"_s};
        req.environment = QProcessEnvironment::systemEnvironment().toStringList();
        req.workingDirectory = dir.path();
        req.logPath = dir.filePath(u"out.log"_s);
        QString error;
        const qint64 pid = processes::spawnDetached(req, &error);
        QVERIFY2(pid > 0, qPrintable(error));
        QTRY_COMPARE(processes::livePidsInGroup(pid).size(), 2);
        QVERIFY(processes::isGroupAlive(pid));
        QVERIFY(processes::liveProcessGroups().contains(pid));
        QCOMPARE(processes::workingDirectory(pid), dir.path());
        QTRY_VERIFY(QFile(req.logPath).size() > 0);
        QVERIFY(processes::signalGroup(pid, SIGKILL));
        QTRY_VERIFY(!processes::isGroupAlive(pid));
        QVERIFY(processes::livePidsInGroup(pid).isEmpty());
    }

    void reportsAProgramThatCannotStart()
    {
        QTemporaryDir dir;
        processes::SpawnRequest req;
        req.program = dir.filePath(u"no-such-program"_s);
        req.workingDirectory = dir.path();
        req.logPath = dir.filePath(u"out.log"_s);
        QString error;
        QCOMPARE(processes::spawnDetached(req, &error), -1);
        QVERIFY2(error.contains(u"No such file"_s), qPrintable(error));
    }

    void neverSignalsEveryone()
    {
        QVERIFY(!processes::signalGroup(0, 0));
        QVERIFY(!processes::signalGroup(1, 0));
        QVERIFY(!processes::isGroupAlive(-5));
    }
};

QTEST_GUILESS_MAIN(TstProcesses)
#include "tst_processes.moc"
