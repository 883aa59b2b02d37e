// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// End to end, with the real runtime and real Dask: fill the launch form, see the cluster reach WAITING in
// the sidebar, scale it to 3 and see 3 running executors, terminate it by typing its name and see
// TERMINATED. The runtime is this test's own (free loopback port, temporary data dir, test::RuntimeProcess).
#include "runtimeprocess.h"
#include "testpaths.h"
#include "ui/backend/connection.h"
#include "ui/forms/launchform.h"
#include "ui/forms/scaledialog.h"
#include "ui/forms/terminatedialog.h"
#include "ui/mainwindow.h"
#include "ui/models/clusterlistmodel.h"
#include "ui/models/executormodel.h"
#include "ui/panels/executorspanel.h"

#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstConsoleE2E : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void launchScaleTerminate();
    void cleanupTestCase();

private:
    ClusterState stateOf(const QString &name) const;

    test::RuntimeProcess m_runtime;
    MainWindow *m_window = nullptr;
};

void TstConsoleE2E::initTestCase()
{
    m_runtime.setEnvironment({{u"CLUSTERDECK_RETIRE_GRACE_S"_s, u"3"_s}, {u"CLUSTERDECK_TERMINATE_GRACE_S"_s, u"3"_s}});
    QString error;
    QVERIFY2(m_runtime.start(&error), qPrintable(error));

    ConsoleOptions options;
    options.runtimeUrl = QUrl(m_runtime.url());
    options.tokenFile = m_runtime.tokenFile();
    options.startLocalRuntime = false;
    options.persistent = false;
    m_window = new MainWindow(options);
    m_window->show();
    QCOMPARE(m_window->connections().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->connections().first()->hasClusterList(), 20000);
    QVERIFY(m_window->connections().first()->state() == ConnectionState::Connected);
}

ClusterState TstConsoleE2E::stateOf(const QString &name) const
{
    const ClusterListModel *model = m_window->connections().first()->clusters();
    const int row = model->findByName(name);
    return row < 0 ? ClusterState::TerminatedWithErrors : model->at(row).state;
}

void TstConsoleE2E::launchScaleTerminate()
{
    const QString name = u"e2e-console"_s;
    Connection *connection = m_window->connections().first();
    ClusterListModel *clusters = connection->clusters();
    QList<ClusterState> firstSeen;
    connect(clusters, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &, int first, int last) {
        for (int row = first; row <= last; ++row)
            if (clusters->at(row).name() == name)
                firstSeen.append(clusters->at(row).state);
    });

    // Launch through the form, as a user would.
    m_window->showLaunchForm();
    LaunchForm *form = m_window->launchForm();
    QTRY_VERIFY_WITH_TIMEOUT(form->hasInstanceTypes(), 15000);
    QTest::keyClicks(form->findChild<QLineEdit *>(u"nameEdit"_s), name);
    auto *workers = form->findChild<QSpinBox *>(u"workersSpin"_s);
    workers->selectAll();
    QTest::keyClicks(workers, u"2"_s);
    QCOMPARE(workers->value(), 2);
    QTest::mouseClick(form->findChild<QPushButton *>(u"launchButton"_s), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!firstSeen.isEmpty(), 15000);
    QCOMPARE(toString(firstSeen.first()), u"STARTING"_s); // shown at once, from the launch answer
    const QString id = clusters->at(clusters->findByName(name)).id;
    QCOMPARE(m_window->currentClusterId(), id);
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(name)), u"WAITING"_s, 90000);

    // Scale to 3 and watch the executors tab follow.
    m_window->showPage(MainWindow::Page::Executors);
    ExecutorModel *executors = m_window->executorsPanel()->model();
    QTRY_COMPARE_WITH_TIMEOUT(executors->countWithStatus(ExecutorStatus::Running), 2, 30000);
    m_window->openScaleDialog();
    auto *scale = m_window->findChild<ScaleDialog *>();
    QVERIFY(scale);
    scale->findChild<QSpinBox *>(u"targetSpin"_s)->setValue(3);
    QVERIFY(scale->deltaText().startsWith(u"+1"_s));
    QTest::mouseClick(scale->findChild<QPushButton *>(u"scaleButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(executors->countWithStatus(ExecutorStatus::Running), 3, 90000);
    QCOMPARE(clusters->at(clusters->findByName(name)).spec.workers, 3);
    QList<qint64> pids;
    for (const Executor &e : executors->rows())
        if (e.pid > 0)
            pids.append(e.pid);

    // Terminate: the button stays disabled until the name is typed.
    m_window->openTerminateDialog();
    auto *terminate = m_window->findChild<TerminateDialog *>();
    QVERIFY(terminate);
    auto *confirm = terminate->findChild<QPushButton *>(u"terminateButton"_s);
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(terminate->findChild<QLineEdit *>(u"confirmEdit"_s), name);
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(name)), u"TERMINATED"_s, 90000);
    // The executors' processes are gone with the cluster.
    for (qint64 pid : pids)
        QTRY_VERIFY2_WITH_TIMEOUT(::kill(pid_t(pid), 0) != 0, qPrintable(u"executor pid %1 still alive"_s.arg(pid)), 30000);
}

void TstConsoleE2E::cleanupTestCase()
{
    delete m_window; // stops the network thread first
    m_window = nullptr;
    m_runtime.stopAndReap();
    QVERIFY(!m_runtime.isRunning());
}

QTEST_MAIN(TstConsoleE2E)
#include "tst_console_e2e.moc"
