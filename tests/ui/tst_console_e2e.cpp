// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// End to end, with the real runtime and real Dask: fill the launch form, see the cluster reach WAITING in
// the sidebar, scale it to 3 and see 3 running executors (and the scale-out in the event list and as a marker
// on the memory and shuffle charts), terminate it by typing its name and see TERMINATED; then launch a
// managed cluster through the form and see its policy come back from the runtime on the overview.
// The runtime is this test's own (free loopback port, temporary data dir, test::RuntimeProcess).
#include "runtimeprocess.h"
#include "testpaths.h"
#include "ui/backend/connection.h"
#include "ui/forms/launchform.h"
#include "ui/forms/scaledialog.h"
#include "ui/forms/terminatedialog.h"
#include "ui/mainwindow.h"
#include "ui/models/clusterlistmodel.h"
#include "ui/models/executormodel.h"
#include "ui/panels/eventlist.h"
#include "ui/panels/executormemorypanel.h"
#include "ui/panels/executorspanel.h"
#include "ui/panels/overviewpanel.h"
#include "ui/panels/shuffleiopanel.h"
#include "ui/widgets/timechart.h"

#include <QDir>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
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
    void launchManagedClusterThroughTheForm();
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
    // The watcher holds this function's locals by reference, so its connection must end with them (the model
    // lives on and inserts the next test's cluster): a local context object, declared after what it reads.
    QObject watching;
    connect(clusters, &QAbstractItemModel::rowsInserted, &watching, [&](const QModelIndex &, int first, int last) {
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
    // The scale-out is in the overview's event list (from GET /events) and a marker on both charts.
    auto *eventList = m_window->overviewPanel()->findChild<EventList *>(u"eventList"_s);
    QVERIFY(eventList);
    auto scaleOutRow = [eventList]() -> QTreeWidgetItem * {
        for (int row = 0; row < eventList->eventCount(); ++row)
            if (eventList->topLevelItem(row)->text(1) == u"Scale out"_s)
                return eventList->topLevelItem(row);
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(scaleOutRow(), 15000);
    QCOMPARE(scaleOutRow()->text(2), u"2 → 3"_s);
    QCOMPARE(scaleOutRow()->text(3), u"Requested by the user"_s);
    for (TelemetryPanel *panel : {static_cast<TelemetryPanel *>(m_window->memoryPanel()),
                                  static_cast<TelemetryPanel *>(m_window->shufflePanel())})
        for (const TimeChart *chart : panel->timeCharts()) {
            QCOMPARE(chart->markers().size(), 1);
            QCOMPARE(chart->markers().first().label, u"2 → 3"_s);
        }
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

void TstConsoleE2E::launchManagedClusterThroughTheForm()
{
    const QString name = u"e2e-managed"_s;
    Connection *connection = m_window->connections().first();
    ClusterListModel *clusters = connection->clusters();
    m_window->showLaunchForm();
    LaunchForm *form = m_window->launchForm();
    QTRY_VERIFY_WITH_TIMEOUT(form->hasInstanceTypes(), 15000);
    QTest::keyClicks(form->findChild<QLineEdit *>(u"nameEdit"_s), name);
    auto *mode = form->findChild<QComboBox *>(u"scalingModeCombo"_s);
    mode->setCurrentIndex(mode->findData(u"managed"_s));
    auto *workers = form->findChild<QSpinBox *>(u"workersSpin"_s);
    workers->setValue(1);
    form->findChild<QSpinBox *>(u"minWorkersSpin"_s)->setValue(1);
    form->findChild<QSpinBox *>(u"maxWorkersSpin"_s)->setValue(2);
    form->findChild<QSpinBox *>(u"scaleOutCooldownSpin"_s)->setValue(20);
    form->findChild<QSpinBox *>(u"scaleInCooldownSpin"_s)->setValue(40);
    QTest::mouseClick(form->findChild<QPushButton *>(u"launchButton"_s), Qt::LeftButton);

    // The policy as the runtime stored it, read back through the cluster list and shown on the overview.
    QTRY_VERIFY_WITH_TIMEOUT(clusters->findByName(name) >= 0, 15000);
    const QString id = clusters->at(clusters->findByName(name)).id;
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(name)), u"WAITING"_s, 90000);
    const ScalingPolicy policy = clusters->at(clusters->findByName(name)).spec.scaling;
    QVERIFY(policy.managed());
    QCOMPARE(policy.minWorkers, 1);
    QCOMPARE(policy.maxWorkers, 2);
    QCOMPARE(policy.scaleOutCooldownSeconds, 20);
    QCOMPARE(policy.scaleInCooldownSeconds, 40);
    QCOMPARE(m_window->currentClusterId(), id);
    m_window->showPage(MainWindow::Page::Overview);
    auto *scaling = m_window->overviewPanel()->findChild<QLabel *>(u"overviewScaling"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(scaling->text().startsWith(u"Managed: 1-2 workers"_s), qPrintable(scaling->text()), 15000);
    QVERIFY2(scaling->text().contains(u"cooldowns 20 s out, 40 s in"_s), qPrintable(scaling->text()));
    auto *target = m_window->overviewPanel()->findChild<QLabel *>(u"overviewTarget"_s);
    QVERIFY2(target->text().contains(u"chosen by the policy"_s), qPrintable(target->text()));
    // Its event list starts with the launch, the policy in its numbers; the charts carry no marker yet.
    auto *eventList = m_window->overviewPanel()->findChild<EventList *>(u"eventList"_s);
    QTRY_VERIFY_WITH_TIMEOUT(eventList->eventCount() >= 2, 15000); // STARTING, then on to WAITING
    QTreeWidgetItem *launched = eventList->topLevelItem(eventList->eventCount() - 1);
    QCOMPARE(launched->text(3), u"Launch requested"_s);
    QVERIFY2(launched->toolTip(3).contains(u"\"managed\""_s), qPrintable(launched->toolTip(3)));
    QCOMPARE(m_window->memoryPanel()->timeCharts().first()->markers().size(), 0);

    // Widen the bounds and ask for their new top in one dialog: the target is outside the old bounds, so it
    // only succeeds if the console sends it after the runtime has accepted the policy.
    m_window->openScaleDialog();
    auto *scale = m_window->findChild<ScaleDialog *>();
    QVERIFY(scale);
    ScalingPolicy wider = policy;
    wider.maxWorkers = 3;
    scale->setPolicy(wider);
    scale->setTarget(3);
    QVERIFY2(scale->problems().isEmpty(), qPrintable(scale->problems()));
    QTest::mouseClick(scale->findChild<QPushButton *>(u"scaleButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(clusters->at(clusters->findByName(name)).spec.scaling.maxWorkers, 3, 15000);
    auto userScaleOut = [eventList]() -> QTreeWidgetItem * {
        for (int row = 0; row < eventList->eventCount(); ++row)
            if (eventList->topLevelItem(row)->text(1) == u"Scale out"_s)
                return eventList->topLevelItem(row);
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(userScaleOut(), 15000);
    QCOMPARE(userScaleOut()->text(2), u"1 → 3"_s);
    QCOMPARE(userScaleOut()->text(3), u"Requested by the user"_s);

    connection->terminate(id);
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(name)), u"TERMINATED"_s, 90000);
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
