// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The stage page of an event log (offscreen), checked against Spark's own answers for the same logs (the golden
// JSON of Spark's HistoryServerSuite in ../shared/fixtures/spark/api-v1, read in place): the tasks table holds
// the stage's tasks with Spark's values, sorts by any column as the golden values order them, filters by status
// and executor; the summary quantiles, per-executor totals and failure reasons are the golden ones; a read can be
// cancelled and leaves nothing behind; the page opens from the stages list with Enter and from the DAG; every
// control has a name and is reached with Tab.
#include "core/backend/spark/stagedetail.h"
#include "eventlogwindow.h"
#include "testpaths.h"
#include "core/backend/spark/eventlogextras.h"
#include "ui/backend/connection.h"
#include "ui/clusterpage.h"
#include "ui/dag/dagview.h"
#include "ui/forms/openlogprogress.h"
#include "ui/panels/eventlogextraspages.h"
#include "ui/mainwindow.h"
#include "ui/models/stagetasksmodel.h"
#include "ui/panels/dagpanel.h"
#include "ui/panels/jobspanel.h"
#include "ui/panels/sparkstagepage.h"
#include "ui/panels/sparkstagesview.h"
#include "ui/presentation.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

QString logPath(const QString &name)
{
    return test::fixturesDir() + u"/spark/event-logs/"_s + name;
}

QJsonValue readGolden(const QString &file)
{
    QFile f(test::fixturesDir() + u"/spark/api-v1/"_s + file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonDocument d = QJsonDocument::fromJson(f.readAll());
    return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
}

// app-20180109111548-0000 stage 0 attempt 0: 12 tasks on two executors, two of them failed ("Bad executor").
const QString kFailedStageLog = u"app-20180109111548-0000"_s;
const QString kFailedStageGolden = u"excludeOnFailure_for_stage_expectation.json"_s;

QList<QJsonObject> goldenTasks(const QJsonObject &stage)
{
    QList<QJsonObject> tasks;
    for (const QJsonValue &t : stage.value("tasks"_L1).toObject())
        tasks.append(t.toObject());
    std::sort(tasks.begin(), tasks.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value("taskId"_L1).toInteger() < b.value("taskId"_L1).toInteger();
    });
    return tasks;
}

QList<qint64> modelTaskIds(const StageTasksModel &model)
{
    QList<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.append(model.taskAt(r).taskId);
    return ids;
}

spark::StageDetail readDetail(const QString &log, int stage, int attempt)
{
    QString error;
    std::optional<spark::StageDetail> d = spark::readStageDetail(logPath(log), stage, attempt, &error);
    if (!d)
        qWarning("readStageDetail: %s", qPrintable(error));
    return d ? *d : spark::StageDetail{};
}

} // namespace

class TstSparkStagePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(readGolden(kFailedStageGolden).isObject(), "the golden stage with tasks is missing");
    }

    void tasksAreSparksTasks()
    {
        const QJsonObject stage = readGolden(kFailedStageGolden).toObject();
        const QList<QJsonObject> expected = goldenTasks(stage);
        QCOMPARE(expected.size(), 12);
        StageTasksModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const spark::StageDetail detail = readDetail(kFailedStageLog, 0, 0);
        model.setTasks(detail.tasks, detail.lastUpdated);
        QCOMPARE(model.rowCount(), expected.size());
        for (int r = 0; r < model.rowCount(); ++r) {
            const QJsonObject &g = expected.at(r);
            auto text = [&](int column) { return model.index(r, column).data().toString(); };
            QCOMPARE(model.index(r, StageTasksModel::TaskIdColumn).data().toLongLong(),
                     g.value("taskId"_L1).toInteger());
            QCOMPARE(model.index(r, StageTasksModel::IndexColumn).data().toInt(), g.value("index"_L1).toInt());
            QCOMPARE(model.index(r, StageTasksModel::AttemptColumn).data().toInt(), g.value("attempt"_L1).toInt());
            QCOMPARE(text(StageTasksModel::StatusColumn), g.value("status"_L1).toString());
            QCOMPARE(text(StageTasksModel::ExecutorColumn), g.value("executorId"_L1).toString());
            QCOMPARE(text(StageTasksModel::HostColumn), g.value("host"_L1).toString());
            QCOMPARE(text(StageTasksModel::LocalityColumn), g.value("taskLocality"_L1).toString());
            QCOMPARE(model.durationOf(model.taskAt(r)), g.value("duration"_L1).toInteger());
            QCOMPARE(text(StageTasksModel::DurationColumn),
                     presentation::formatDuration(double(g.value("duration"_L1).toInteger()) / 1000.0));
            QCOMPARE(text(StageTasksModel::ErrorColumn), g.value("errorMessage"_L1).toString().section(u'\n', 0, 0));
        }
    }

    void sortsByEveryColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("key"); // the golden field that orders the column
        QTest::addRow("index") << int(StageTasksModel::IndexColumn) << u"index"_s;
        QTest::addRow("task id") << int(StageTasksModel::TaskIdColumn) << u"taskId"_s;
        QTest::addRow("attempt") << int(StageTasksModel::AttemptColumn) << u"attempt"_s;
        QTest::addRow("status") << int(StageTasksModel::StatusColumn) << u"status"_s;
        QTest::addRow("executor") << int(StageTasksModel::ExecutorColumn) << u"executorId"_s;
        QTest::addRow("host") << int(StageTasksModel::HostColumn) << u"host"_s;
        QTest::addRow("launch time") << int(StageTasksModel::LaunchTimeColumn) << u"launchTime"_s;
        QTest::addRow("duration") << int(StageTasksModel::DurationColumn) << u"duration"_s;
        QTest::addRow("run time") << int(StageTasksModel::RunTimeColumn) << u"taskMetrics.executorRunTime"_s;
        QTest::addRow("gc time") << int(StageTasksModel::GcTimeColumn) << u"taskMetrics.jvmGcTime"_s;
        QTest::addRow("input") << int(StageTasksModel::InputColumn) << u"taskMetrics.inputMetrics.bytesRead"_s;
        QTest::addRow("shuffle write") << int(StageTasksModel::ShuffleWriteColumn)
                                       << u"taskMetrics.shuffleWriteMetrics.bytesWritten"_s;
        QTest::addRow("error") << int(StageTasksModel::ErrorColumn) << u"errorMessage"_s;
    }

    void sortsByEveryColumn()
    {
        QFETCH(int, column);
        QFETCH(QString, key);
        const QList<QJsonObject> tasks = goldenTasks(readGolden(kFailedStageGolden).toObject());
        auto value = [&key](const QJsonObject &t) {
            QJsonValue v = t;
            for (const QString &part : key.split(u'.'))
                v = v.toObject().value(part);
            return v;
        };
        // The expected order from Spark's values: ascending is stable, so equal keys stay in task id order.
        auto less = [&](const QJsonObject &a, const QJsonObject &b) {
            const QJsonValue x = value(a);
            const QJsonValue y = value(b);
            if (x.isString() || y.isString())
                return x.toString() < y.toString();
            return x.toDouble() < y.toDouble();
        };
        QList<QJsonObject> ascending = tasks;
        std::stable_sort(ascending.begin(), ascending.end(), less);
        // Descending is ascending reversed: ties last task first, as Spark's taskList?sortBy=-runtime lists them.
        QList<QJsonObject> descending(ascending.crbegin(), ascending.crend());
        auto ids = [](const QList<QJsonObject> &l) {
            QList<qint64> out;
            for (const QJsonObject &t : l)
                out.append(t.value("taskId"_L1).toInteger());
            return out;
        };

        StageTasksModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const spark::StageDetail detail = readDetail(kFailedStageLog, 0, 0);
        model.setTasks(detail.tasks, detail.lastUpdated);
        QTableView view; // as the page triggers it: a header click calls sortByColumn, which calls sort()
        view.setModel(&model);
        view.setSortingEnabled(true);
        view.selectRow(3);
        const qint64 selectedTask = view.currentIndex().data(StageTasksModel::TaskIdRole).toLongLong();
        view.sortByColumn(column, Qt::AscendingOrder);
        QCOMPARE(modelTaskIds(model), ids(ascending));
        view.sortByColumn(column, Qt::DescendingOrder);
        QCOMPARE(modelTaskIds(model), ids(descending));
        // The selection follows its task through the sort.
        QCOMPARE(view.currentIndex().data(StageTasksModel::TaskIdRole).toLongLong(), selectedTask);
    }

    void runtimeOrderIsSparksTaskList()
    {
        // Spark's taskList?sortBy=DECREASING_RUNTIME over local-1430917381534 stage 0 (the first 20).
        const QJsonArray expected = readGolden(u"stage_task_list_w__sortBy_expectation.json"_s).toArray();
        QCOMPARE(expected.size(), 20);
        StageTasksModel model;
        const spark::StageDetail detail = readDetail(u"local-1430917381534"_s, 0, 0);
        model.setTasks(detail.tasks, detail.lastUpdated);
        model.sort(StageTasksModel::RunTimeColumn, Qt::DescendingOrder);
        for (int r = 0; r < expected.size(); ++r)
            QCOMPARE(model.taskAt(r).taskId, expected.at(r).toObject().value("taskId"_L1).toInteger());
        // And by task id, Spark's default list (also the first 20).
        const QJsonArray byId = readGolden(u"stage_task_list_expectation.json"_s).toArray();
        model.sort(StageTasksModel::TaskIdColumn, Qt::AscendingOrder);
        for (int r = 0; r < byId.size(); ++r)
            QCOMPARE(model.taskAt(r).taskId, byId.at(r).toObject().value("taskId"_L1).toInteger());
    }

    void filtersByStatusAndExecutor()
    {
        const QJsonObject stage = readGolden(kFailedStageGolden).toObject();
        const QList<QJsonObject> tasks = goldenTasks(stage);
        auto expectedIds = [&](const QString &status, const QString &executor) {
            QList<qint64> out;
            for (const QJsonObject &t : tasks)
                if ((status.isEmpty() || t.value("status"_L1).toString() == status)
                    && (executor.isEmpty() || t.value("executorId"_L1).toString() == executor))
                    out.append(t.value("taskId"_L1).toInteger());
            return out;
        };
        SparkStagePage page;
        page.showDetail(readDetail(kFailedStageLog, 0, 0));
        StageTasksModel *model = page.tasksModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The filters offer what the tasks hold.
        QStringList statuses;
        for (int i = 1; i < page.statusFilter()->count(); ++i)
            statuses.append(page.statusFilter()->itemData(i).toString());
        QCOMPARE(statuses, (QStringList{u"FAILED"_s, u"SUCCESS"_s}));
        QStringList executors;
        for (int i = 1; i < page.executorFilter()->count(); ++i)
            executors.append(page.executorFilter()->itemData(i).toString());
        QStringList goldenExecutors = stage.value("executorSummary"_L1).toObject().keys();
        QCOMPARE(executors, goldenExecutors);

        page.statusFilter()->setCurrentIndex(page.statusFilter()->findData(u"FAILED"_s));
        QCOMPARE(modelTaskIds(*model), expectedIds(u"FAILED"_s, {}));
        page.statusFilter()->setCurrentIndex(page.statusFilter()->findData(u"SUCCESS"_s));
        QCOMPARE(modelTaskIds(*model), expectedIds(u"SUCCESS"_s, {}));
        page.statusFilter()->setCurrentIndex(0);
        for (const QString &executor : goldenExecutors) {
            page.executorFilter()->setCurrentIndex(page.executorFilter()->findData(executor));
            QCOMPARE(modelTaskIds(*model), expectedIds({}, executor));
            // As many as Spark's per-executor summary counts.
            const QJsonObject sum = stage.value("executorSummary"_L1).toObject().value(executor).toObject();
            QCOMPARE(model->rowCount(),
                     sum.value("succeededTasks"_L1).toInt() + sum.value("failedTasks"_L1).toInt()
                         + sum.value("killedTasks"_L1).toInt());
        }
        // Both at once, and a filter survives a sort.
        page.executorFilter()->setCurrentIndex(page.executorFilter()->findData(u"1"_s));
        page.statusFilter()->setCurrentIndex(page.statusFilter()->findData(u"FAILED"_s));
        QCOMPARE(modelTaskIds(*model), expectedIds(u"FAILED"_s, u"1"_s));
        page.executorFilter()->setCurrentIndex(page.executorFilter()->findData(u"0"_s));
        page.tasksView()->sortByColumn(StageTasksModel::DurationColumn, Qt::DescendingOrder);
        QCOMPARE(model->rowCount(), int(expectedIds(u"FAILED"_s, u"0"_s).size()));
        QVERIFY(model->rowCount() > 0);
    }

    void summaryExecutorsAndFailuresAreSparks()
    {
        const QJsonObject stage = readGolden(kFailedStageGolden).toObject();
        const QList<QJsonObject> tasks = goldenTasks(stage);
        SparkStagePage page;
        page.showDetail(readDetail(kFailedStageLog, 0, 0));

        // Quantiles of the successful tasks, picked as Spark picks them: sorted, index min(q * n, n - 1).
        auto expectedQuantiles = [&](const QString &metric) {
            std::vector<qint64> v;
            for (const QJsonObject &t : tasks)
                if (t.value("status"_L1).toString() == "SUCCESS"_L1)
                    v.push_back(t.value("taskMetrics"_L1).toObject().value(metric).toInteger());
            std::sort(v.begin(), v.end());
            QStringList out;
            for (double q : spark::stagePageQuantiles())
                out.append(presentation::formatDuration(double(v[std::min(size_t(q * double(v.size())), v.size() - 1)])
                                                        / 1000.0));
            return out;
        };
        QTableWidget *summary = page.summaryTable();
        auto rowOf = [summary](const QString &label) {
            for (int r = 0; r < summary->rowCount(); ++r)
                if (summary->item(r, 0)->text() == label)
                    return r;
            return -1;
        };
        QCOMPARE(summary->columnCount(), 6);
        for (const auto &[label, metric] :
             {std::pair{u"Executor run time"_s, u"executorRunTime"_s}, std::pair{u"GC time"_s, u"jvmGcTime"_s}}) {
            const int r = rowOf(label);
            QVERIFY2(r >= 0, qPrintable(label));
            QStringList shown;
            for (int c = 1; c <= 5; ++c)
                shown.append(summary->item(r, c)->text());
            QCOMPARE(shown, expectedQuantiles(metric));
        }

        // Per executor: Spark's executorSummary.
        const QJsonObject summaries = stage.value("executorSummary"_L1).toObject();
        QTableWidget *executors = page.executorTable();
        QCOMPARE(executors->rowCount(), summaries.size());
        for (int r = 0; r < executors->rowCount(); ++r) {
            const QJsonObject g = summaries.value(executors->item(r, 0)->text()).toObject();
            QVERIFY(!g.isEmpty());
            QCOMPARE(executors->item(r, 4)->text().toInt(), g.value("failedTasks"_L1).toInt());
            QCOMPARE(executors->item(r, 5)->text().toInt(), g.value("killedTasks"_L1).toInt());
            QCOMPARE(executors->item(r, 6)->text().toInt(), g.value("succeededTasks"_L1).toInt());
            QCOMPARE(executors->item(r, 2)->text(),
                     presentation::formatDuration(double(g.value("taskTime"_L1).toInteger()) / 1000.0));
        }

        // Failure reasons: the failed tasks' errors grouped by their first line.
        QMap<QString, QList<qint64>> byReason;
        for (const QJsonObject &t : tasks)
            if (t.value("status"_L1).toString() == "FAILED"_L1)
                byReason[t.value("errorMessage"_L1).toString().section(u'\n', 0, 0).trimmed()].append(
                    t.value("taskId"_L1).toInteger());
        QVERIFY(!byReason.isEmpty());
        QTableWidget *failures = page.failureTable();
        QVERIFY(failures->parentWidget()->isVisibleTo(&page));
        QCOMPARE(failures->rowCount(), byReason.size());
        for (int r = 0; r < failures->rowCount(); ++r) {
            const QString reason = failures->item(r, 0)->text();
            QVERIFY2(byReason.contains(reason), qPrintable(reason));
            QCOMPARE(failures->item(r, 1)->text().toInt(), byReason.value(reason).size());
            QStringList ids;
            for (qint64 id : byReason.value(reason))
                ids.append(QString::number(id));
            QCOMPARE(failures->item(r, 3)->text(), ids.join(u", "_s));
        }
    }

    void opensFromTheLogAndCancels()
    {
        SparkStagePage page;
        QSignalSpy loaded(&page, &SparkStagePage::loaded);
        page.open(logPath(kFailedStageLog), 0, 0);
        QVERIFY(loaded.wait(20000));
        QVERIFY2(page.isLoaded(), qPrintable(page.errorText()));
        QCOMPARE(page.tasksModel()->rowCount(), 12);

        // Cancelled at once: whatever the worker still delivers is dropped; the page says why it is empty.
        SparkStagePage cancelled;
        QSignalSpy done(&cancelled, &SparkStagePage::loaded);
        cancelled.open(logPath(u"local-1430917381534"_s), 0, 0);
        auto *cancel = cancelled.findChild<QPushButton *>(u"stageReadCancel"_s);
        QVERIFY(cancel);
        QVERIFY(!cancel->isHidden());
        cancel->click();
        QCOMPARE(done.size(), 1);
        QVERIFY(!cancelled.isLoaded());
        QVERIFY(cancelled.errorText().contains(u"cancelled"_s));
        QTest::qWait(1500); // the read, had it not been dropped, would have finished by now
        QCOMPARE(cancelled.tasksModel()->rowCount(), 0);
        QCOMPARE(done.size(), 1);

        // An attempt the log does not have says so.
        SparkStagePage missing;
        QSignalSpy answered(&missing, &SparkStagePage::loaded);
        missing.open(logPath(kFailedStageLog), 99, 0);
        QVERIFY(answered.wait(20000));
        QVERIFY(!missing.isLoaded());
        QVERIFY2(missing.errorText().contains(u"99"_s), qPrintable(missing.errorText()));
    }

    void namedAndReachableByKeyboard()
    {
        SparkStagePage page;
        page.showDetail(readDetail(kFailedStageLog, 0, 0));
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QList<QWidget *> focusable;
        for (QWidget *w : page.findChildren<QWidget *>()) {
            if (!w->isVisibleTo(&page) || !(w->focusPolicy() & Qt::TabFocus) || qobject_cast<QPushButton *>(w))
                continue;
            QVERIFY2(!w->accessibleName().isEmpty(),
                     qPrintable(QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName()));
            focusable.append(w);
        }
        // Tab from the first control reaches the filters and the tasks table.
        QVERIFY(!focusable.isEmpty());
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        focusable.first()->setFocus(Qt::TabFocusReason);
        QSet<QWidget *> reached;
        for (int i = 0; i < 3 * focusable.size(); ++i) {
            QVERIFY(QApplication::focusWidget());
            reached.insert(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QVERIFY(reached.contains(page.statusFilter()));
        QVERIFY(reached.contains(page.executorFilter()));
        QVERIFY(reached.contains(page.tasksView()));
        QVERIFY(reached.contains(page.summaryTable()));
        QVERIFY(reached.contains(page.executorTable()));
        QVERIFY(reached.contains(page.failureTable()));
    }

    void cancelledOpenLeavesTheConsoleAsItWas()
    {
        std::unique_ptr<MainWindow> window = test::openEventLogWindow();
        QVERIFY(window);
        const QList<Connection *> before = window->connections();
        const QString cluster = window->currentClusterId();
        const int tab = window->clusterPage()->tabs()->currentIndex();
        QVERIFY(!cluster.isEmpty());

        Connection *opening = window->openEventLog(logPath(u"local-1430917381534"_s));
        QCOMPARE(window->connections().size(), before.size() + 1);
        // The newest dialog (the first log's may still await its deferred delete).
        const QList<OpenLogProgress *> dialogs = window->findChildren<OpenLogProgress *>();
        QVERIFY(!dialogs.isEmpty());
        OpenLogProgress *progress = dialogs.last();
        QSignalSpy gone(opening, &QObject::destroyed);
        // Cancel before the read can answer (the answer comes through this thread's event loop), as the user
        // does: the dialog's Cancel button.
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        QVERIFY(gone.size() == 1 || gone.wait(5000));
        QCOMPARE(window->connections(), before);
        QTest::qWait(1500); // a read that was not stopped would have been listed and selected by now
        QCOMPARE(window->connections(), before);
        QCOMPARE(window->currentClusterId(), cluster);
        QCOMPARE(window->clusterPage()->tabs()->currentIndex(), tab);

        // Not cancelled: the dialog reports the bytes of the whole log and goes away once it is read.
        Connection *read = window->openEventLog(logPath(u"local-1430917381534"_s));
        QVERIFY(!window->findChildren<OpenLogProgress *>().isEmpty());
        QPointer<OpenLogProgress> shown = window->findChildren<OpenLogProgress *>().last();
        QVERIFY(QTest::qWaitFor([&] { return !shown || shown->bytesTotal() > 0; }, 20000));
        if (shown)
            QCOMPARE(shown->bytesTotal(), QFileInfo(logPath(u"local-1430917381534"_s)).size());
        QVERIFY(QTest::qWaitFor([&] { return !shown; }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return window->currentClusterId() == u"local-1430917381534"_s; }, 20000));
        QVERIFY(window->connections().contains(read));
    }

    void sqlPlanIsTheExecutionsGraph()
    {
        // local-1642039451826 has SQL executions; the golden graph is our spark-log's (proven against Spark 4).
        QString error;
        const auto extras = spark::readEventLogExtras(logPath(u"local-1642039451826"_s), true, &error);
        QVERIFY2(extras, qPrintable(error));
        QVERIFY(!extras->sqlExecutions.isEmpty());
        SqlPage page;
        int captionsWithRows = 0;
        page.setExecutions(extras->sqlExecutions);
        QCOMPARE(page.executionsTable()->rowCount(), extras->sqlExecutions.size());
        for (const spark::SqlExecution &x : extras->sqlExecutions) {
            QVERIFY(page.showExecution(x.id));
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return page.planPanel()->hasLayout() && !page.planPanel()->isLayoutPending()
                        && page.planPanel()->layout().graph.jobId() == u"sql-%1"_s.arg(x.id);
                },
                20000));
            const dag::Dag &shown = page.planPanel()->layout().graph;
            QSet<QString> nodes;
            for (const dag::DagNode &n : shown.nodes())
                nodes.insert(n.id);
            QSet<QString> expectedNodes;
            for (const spark::SqlPlanNode &n : x.nodes)
                expectedNodes.insert(u"node-%1"_s.arg(n.id));
            QCOMPARE(nodes, expectedNodes);
            QSet<QPair<QString, QString>> edges;
            for (const dag::DagEdge &e : shown.edges())
                edges.insert({e.from, e.to});
            QSet<QPair<QString, QString>> expectedEdges;
            for (const spark::SqlPlanEdge &e : x.edges)
                expectedEdges.insert({u"node-%1"_s.arg(e.fromId), u"node-%1"_s.arg(e.toId)});
            QCOMPARE(edges, expectedEdges);
            // Each operator's card: its output rows (and a second metric), never a "0/0 tasks" line.
            for (const spark::SqlPlanNode &n : x.nodes) {
                const dag::DagNode *card = shown.node(u"node-%1"_s.arg(n.id));
                QVERIFY(card && card->caption);
                QCOMPARE(*card->caption, spark::sqlOperatorCaption(x, n));
                for (const spark::SqlPlanMetric &m : n.metrics)
                    if (m.name == u"number of output rows"_s && x.metricValues.contains(m.accumulatorId)) {
                        ++captionsWithRows;
                        QVERIFY2(card->caption->startsWith(x.metricValues.value(m.accumulatorId) + u" rows"_s),
                                 qPrintable(*card->caption));
                    }
            }
            // An operator's metrics: Spark's values, as our sql endpoint formats them.
            for (const spark::SqlPlanNode &n : x.nodes) {
                const auto metrics = spark::sqlNodeMetrics(x, n.id);
                if (metrics.isEmpty())
                    continue;
                QVERIFY(page.planPanel()->selectNode(u"node-%1"_s.arg(n.id)));
                QCOMPARE(page.metricsTable()->rowCount(), metrics.size());
                QCOMPARE(page.metricsTable()->item(0, 0)->text(), metrics.first().first);
                QCOMPARE(page.metricsTable()->item(0, 1)->text(), metrics.first().second);
                break;
            }
        }
        QVERIFY(captionsWithRows > 0);
    }

    void environmentIsSparksAndFilters()
    {
        const QJsonObject expected = readGolden(u"app_environment_expectation.json"_s).toObject();
        QVERIFY(!expected.isEmpty());
        EnvironmentPage page;
        QSignalSpy loaded(&page, &EnvironmentPage::loaded);
        page.open(logPath(u"app-20161116163331-0000"_s));
        QVERIFY(loaded.wait(20000));
        QVERIFY(page.isLoaded());
        int rows = 3; // runtime: Java version, Java home, Scala version
        for (const char *key :
             {"sparkProperties", "hadoopProperties", "systemProperties", "metricsProperties", "classpathEntries"})
            rows += int(expected.value(QLatin1StringView(key)).toArray().size());
        QCOMPARE(page.proxy()->rowCount(), rows);
        // Every Spark property, with its value.
        QSet<QPair<QString, QString>> shown;
        for (int r = 0; r < page.proxy()->rowCount(); ++r)
            if (page.proxy()->index(r, 0).data().toString() == u"Spark Properties"_s)
                shown.insert(
                    {page.proxy()->index(r, 1).data().toString(), page.proxy()->index(r, 2).data().toString()});
        QSet<QPair<QString, QString>> spark;
        for (const QJsonValue &kv : expected.value("sparkProperties"_L1).toArray())
            spark.insert({kv.toArray().at(0).toString(), kv.toArray().at(1).toString()});
        QCOMPARE(shown, spark);
        // Filtering as you type, over names and values.
        QTest::keyClicks(page.filter(), u"spark.app.id"_s);
        QVERIFY(page.proxy()->rowCount() >= 1);
        for (int r = 0; r < page.proxy()->rowCount(); ++r) {
            const QString line
                = page.proxy()->index(r, 1).data().toString() + page.proxy()->index(r, 2).data().toString();
            QVERIFY(line.contains(u"spark.app.id"_s, Qt::CaseInsensitive));
        }
        QVERIFY(!page.filter()->accessibleName().isEmpty());
        QVERIFY(!page.view()->accessibleName().isEmpty());
    }

    void opensFromTheStagesListAndTheDag()
    {
        std::unique_ptr<MainWindow> window = test::openEventLogWindow();
        QVERIFY(window);
        ClusterPage *cluster = window->clusterPage();
        cluster->showTab(ClusterPage::Tab::Jobs);
        SparkStagesView *stages = cluster->jobsPanel()->stages();
        QVERIFY(QTest::qWaitFor([stages] { return stages->model()->rowCount() > 0; }, 20000));
        stages->view()->setFocus();
        stages->view()->setCurrentIndex(stages->model()->index(0, 0));
        const int stageId = stages->model()->index(0, 0).data(SparkStageModel::StageIdRole).toInt();
        const int attemptId = stages->model()->index(0, 0).data(SparkStageModel::AttemptIdRole).toInt();
        QTest::keyClick(stages->view(), Qt::Key_Return);
        SparkStagePage *page = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (SparkStagePage *p : cluster->findChildren<SparkStagePage *>())
                    if (p->isVisible() && p->stageId() == stageId && p->attemptId() == attemptId)
                        page = p;
                return page && page->isLoaded();
            },
            20000));
        QVERIFY(page->isWindow());
        QVERIFY(page->tasksModel()->rowCount() > 0);
        page->close();

        // The DAG: Enter on a selected stage node opens that stage's page.
        cluster->showTab(ClusterPage::Tab::Dag);
        DagPanel *dag = cluster->dagPanel();
        QVERIFY(QTest::qWaitFor([dag] { return !dag->layout().graph.nodes().isEmpty(); }, 20000));
        QString nodeId;
        for (const auto &n : dag->layout().graph.nodes())
            if (n.id.startsWith(u"stage-"_s) && !n.name.contains(u"skipped"_s, Qt::CaseInsensitive)
                && !n.name.contains(u"not reported"_s)) {
                nodeId = n.id;
                break;
            }
        QVERIFY(!nodeId.isEmpty());
        QVERIFY(dag->selectNode(nodeId));
        QSignalSpy opened(dag, &DagPanel::nodeOpened);
        dag->view()->setFocus();
        QTest::keyClick(dag->view(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toString(), nodeId);
        const int dagStage = nodeId.mid(6).toInt();
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (SparkStagePage *p : cluster->findChildren<SparkStagePage *>())
                    if (p->isVisible() && p->stageId() == dagStage)
                        return true;
                return false;
            },
            5000));
    }
};

QTEST_MAIN(TstSparkStagePage)
#include "tst_sparkstagepage.moc"
