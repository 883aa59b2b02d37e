// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The console on Spark and YARN connections, against a loopback replay of the recorded fixtures (Spark's
// History Server golden answers, the Hadoop doc's ResourceManager examples), read in place: the sidebar lists
// the applications (Spark) or the cluster (YARN), the executors and jobs pages show the fixtures' figures, a
// 404, malformed or cut-off answer puts a clear banner up while the console keeps working, and the controls
// these engines cannot serve are disabled with a reason. Plus the add dialog's validation and its settings.
#include "core/backend/runtime/runtimefeed.h"
#include "core/backend/spark/eventlogfeed.h"
#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/sparkfeed.h"
#include "core/backend/yarn/yarnfeed.h"
#include "core/backend/spark/sparklogcommand.h"
#include "core/backend/spark/sparkstages.h"
#include "core/backend/spark/stagedetail.h"
#include "replayserver.h"
#include "testpaths.h"
#include "ui/backend/connection.h"
#include "ui/consolesettings.h"
#include "ui/forms/addruntimedialog.h"
#include "ui/mainwindow.h"
#include "ui/models/clusterlistmodel.h"
#include "ui/models/executormodel.h"
#include "ui/models/jobmodel.h"
#include "ui/panels/executorspanel.h"
#include "ui/dag/dagitems.h"
#include "ui/dag/dagview.h"
#include "ui/panels/dagpanel.h"
#include "ui/panels/executormemorypanel.h"
#include "ui/panels/jobspanel.h"
#include "ui/panels/shuffleiopanel.h"
#include "ui/panels/sparkstagesview.h"
#include "ui/models/telemetrywindow.h"
#include "ui/presentation.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSettings>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;
using test::ReplayServer;

namespace {

QByteArray fixture(const QString &relative)
{
    QFile f(test::fixturesDir() + u'/' + relative);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonValue fixtureJson(const QString &relative)
{
    const QJsonDocument doc = QJsonDocument::fromJson(fixture(relative));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QByteArray sparkApi(const QString &file)
{
    return ReplayServer::ok(fixture(u"spark/api-v1/"_s + file));
}

QByteArray rmApi(const QString &file)
{
    return ReplayServer::ok(fixture(u"yarn/rm-rest/"_s + file));
}

// The text a cell of the executors table shows for the executor with this id.
QString executorCell(const ExecutorModel *model, const QString &id, int column)
{
    const int row = model->rowOf(id);
    return row < 0 ? QString() : model->index(row, column).data().toString();
}

} // namespace

class TstEngineConsole : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sparkApplicationsExecutorsAndJobs();
    void sparkStagesTaskSummaryDagAndShuffleRates();
    void sparkBadAnswersShowABannerAndTheConsoleKeepsWorking();
    void eventLogOpensIntoThePages();
    void truncatedEventLogOpensWithWhatItHas();
    void sparkServerGoneIsUnreachable();
    void yarnClusterNodesAppsAndKill();
    void addDialogValidatesPerEngine();
    void settingsKeepTheEngine();
    void capabilitiesSayWhatAndWhyNot();

private:
    QTemporaryDir m_settingsDir;
    MainWindow *openWindow(ConnectionKind kind, quint16 port);
    QLabel *banner(MainWindow *w) const { return w->findChild<QLabel *>(u"unreachableBanner"_s); }
    QPushButton *button(MainWindow *w, const QString &name) const { return w->findChild<QPushButton *>(name); }
};

void TstEngineConsole::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    // ConsoleSettings (QSettings) writes into this test's own directory, never the user's settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(u"ClusterDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_engine_console"_s);
    QVERIFY2(!fixture(u"spark/api-v1/application_list_json_expectation.json"_s).isEmpty(),
             qPrintable(u"no fixtures under "_s + test::fixturesDir()));
}

MainWindow *TstEngineConsole::openWindow(ConnectionKind kind, quint16 port)
{
    ConsoleOptions options;
    options.runtimeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    options.connection = kind;
    options.startLocalRuntime = false;
    options.persistent = false;
    auto *w = new MainWindow(options);
    w->show();
    return w;
}

void TstEngineConsole::sparkApplicationsExecutorsAndJobs()
{
    ReplayServer server;
    QVERIFY(server.listen());
    server.responses.insert("GET /api/v1/applications", {sparkApi(u"application_list_json_expectation.json"_s)});
    server.responses.insert("GET /api/v1/applications/application_1553914137147_0018/executors",
                            {sparkApi(u"executor_list_with_executor_metrics_json_expectation.json"_s)});
    server.responses.insert("GET /api/v1/applications/local-1422981780767/executors",
                            {sparkApi(u"executor_list_json_expectation.json"_s)});
    server.responses.insert("GET /api/v1/applications/local-1422981780767/jobs",
                            {sparkApi(u"job_list_json_expectation.json"_s)});
    server.responses.insert("GET /api/v1/applications/local-1422981780767/stages",
                            {sparkApi(u"stage_list_json_expectation.json"_s)});
    std::unique_ptr<MainWindow> w(openWindow(ConnectionKind::Spark, server.port()));
    Connection *connection = w->connections().first();
    QCOMPARE(connection->kind(), ConnectionKind::Spark);
    QTRY_VERIFY_WITH_TIMEOUT(connection->hasClusterList(), 15000);
    QCOMPARE(connection->state(), ConnectionState::Connected);

    // Sidebar: one entry per application of the History Server's list, by id, with its name.
    const QJsonArray apps = fixtureJson(u"spark/api-v1/application_list_json_expectation.json"_s).toArray();
    const ClusterListModel *list = connection->clusters();
    QCOMPARE(list->rowCount(), apps.size());
    for (const QJsonValue &v : apps) {
        const QJsonObject app = v.toObject();
        const int row = list->rowOf(app.value(u"id"_s).toString());
        QVERIFY2(row >= 0, qPrintable(app.value(u"id"_s).toString()));
        QCOMPARE(list->at(row).name(), app.value(u"name"_s).toString());
        const bool completed = app.value(u"attempts"_s).toArray().first().toObject().value(u"completed"_s).toBool();
        QCOMPARE(toString(list->at(row).state), toString(completed ? ClusterState::Terminated : ClusterState::Running));
    }

    // Executors page of the application with peak memory metrics: every executor, its storage memory,
    // peak JVM heap, shuffle figures and failed tasks as Spark reported them.
    QVERIFY(w->selectCluster(connection, u"application_1553914137147_0018"_s));
    w->showPage(MainWindow::Page::Executors);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Executors), 15000);
    const ExecutorModel *executors = w->executorsPanel()->model();
    const QJsonArray expected = fixtureJson(u"spark/api-v1/executor_list_with_executor_metrics_json_expectation.json"_s).toArray();
    QCOMPARE(executors->rowCount(), expected.size());
    QCOMPARE(executors->headerData(ExecutorModel::CpuColumn, Qt::Horizontal).toString(), u"Peak JVM heap"_s);
    QCOMPARE(executors->headerData(ExecutorModel::BytesInColumn, Qt::Horizontal).toString(), u"Shuffle read"_s);
    for (const QJsonValue &v : expected) {
        const QJsonObject e = v.toObject();
        const QString id = e.value(u"id"_s).toString();
        QVERIFY2(executors->rowOf(id) >= 0, qPrintable(id));
        const qint64 heap = qint64(e.value(u"peakMemoryMetrics"_s).toObject().value(u"JVMHeapMemory"_s).toDouble());
        QVERIFY(heap > 0);
        QCOMPARE(executorCell(executors, id, ExecutorModel::CpuColumn), presentation::formatBytes(heap));
        QCOMPARE(executorCell(executors, id, ExecutorModel::MemoryColumn),
                 u"%1 of %2"_s.arg(presentation::formatBytes(qint64(e.value(u"memoryUsed"_s).toDouble())),
                                   presentation::formatBytes(qint64(e.value(u"maxMemory"_s).toDouble()))));
        QCOMPARE(executorCell(executors, id, ExecutorModel::BytesInColumn),
                 presentation::formatBytes(qint64(e.value(u"totalShuffleRead"_s).toDouble())));
        QCOMPARE(executorCell(executors, id, ExecutorModel::BytesOutColumn),
                 presentation::formatBytes(qint64(e.value(u"totalShuffleWrite"_s).toDouble())));
        QVERIFY(executorCell(executors, id, ExecutorModel::TasksColumn)
                    .endsWith(u"%1 failed"_s.arg(e.value(u"failedTasks"_s).toInt())));
    }
    // The header counts the application's executors without the driver.
    QTRY_COMPARE_WITH_TIMEOUT(w->findChild<QLabel *>(u"clusterStateLine"_s)->text().contains(u"· executors running: 3 "_s),
                              true, 5000);

    // What Spark cannot do through ClusterDeck is disabled, and says why.
    for (const QString &name : {u"launchClusterButton"_s, u"scaleClusterButton"_s, u"terminateClusterButton"_s}) {
        QPushButton *b = button(w.get(), name);
        QVERIFY2(b && !b->isEnabled(), qPrintable(name));
        QVERIFY2(b->toolTip().contains(u"Spark"_s), qPrintable(name + u": "_s + b->toolTip()));
    }

    // An application with a failed task: its shuffle write and failed-task count.
    QVERIFY(w->selectCluster(connection, u"local-1422981780767"_s));
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Executors), 15000);
    const QJsonObject driver = fixtureJson(u"spark/api-v1/executor_list_json_expectation.json"_s).toArray().first().toObject();
    QTRY_COMPARE_WITH_TIMEOUT(executorCell(executors, u"driver"_s, ExecutorModel::BytesOutColumn),
                              presentation::formatBytes(qint64(driver.value(u"totalShuffleWrite"_s).toDouble())), 5000);
    QVERIFY(executorCell(executors, u"driver"_s, ExecutorModel::TasksColumn)
                .endsWith(u"%1 failed"_s.arg(driver.value(u"failedTasks"_s).toInt())));
    QVERIFY(driver.value(u"failedTasks"_s).toInt() > 0);

    // Jobs page: the application's jobs, by id, name and state in the console's words.
    w->showPage(MainWindow::Page::Jobs);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Jobs), 15000);
    const JobModel *jobs = w->jobsPanel()->model();
    const QJsonArray expectedJobs = fixtureJson(u"spark/api-v1/job_list_json_expectation.json"_s).toArray();
    QCOMPARE(jobs->rowCount(), expectedJobs.size());
    for (const QJsonValue &v : expectedJobs) {
        const QJsonObject j = v.toObject();
        const int row = jobs->rowOf(QString::number(j.value(u"jobId"_s).toInt()));
        QVERIFY(row >= 0);
        QCOMPARE(jobs->at(row).name, j.value(u"name"_s).toString());
        const QString status = j.value(u"status"_s).toString();
        QCOMPARE(toString(jobs->at(row).state), toString(status == "SUCCEEDED"_L1 ? JobState::Completed : JobState::Failed));
        QVERIFY(jobs->at(row).logTail.contains(u"%1 of %2 completed"_s.arg(j.value(u"numCompletedTasks"_s).toInt())
                                                   .arg(j.value(u"numTasks"_s).toInt())));
    }
    QVERIFY(!banner(w.get())->isVisible());
    auto *cancel = w->findChild<QPushButton *>(u"cancelJobButton"_s);
    QVERIFY(cancel && !cancel->isEnabled());
    QVERIFY(!cancel->toolTip().isEmpty());
}

void TstEngineConsole::sparkStagesTaskSummaryDagAndShuffleRates()
{
    // The History Server stand-in: application list, task summaries from Spark's golden files; jobs, stages and
    // executors of the same application as spark-log computes them from its event log (golden-tested against
    // Spark's own answers in tst_sparklog), because Spark's test suite records no job or stage list for it.
    const QString app = u"local-1430917381534"_s;
    const QString log = test::fixturesDir() + u"/spark/event-logs/"_s + app;
    auto history = [&](const QString &endpoint) {
        const spark::HistoryAnswer a = spark::answerHistoryRequest(log, u"applications/"_s + app + u'/' + endpoint);
        return a.status == 200 ? a.json : QByteArray();
    };
    const QByteArray jobsJson = history(u"jobs"_s);
    const QByteArray stagesJson = history(u"stages"_s);
    const QByteArray executorsJson = history(u"executors"_s);
    QVERIFY(!jobsJson.isEmpty() && !stagesJson.isEmpty() && !executorsJson.isEmpty());
    // A second executors answer with more shuffle bytes: what a running application's next poll shows.
    constexpr qint64 kMoreRead = 3 << 20;
    constexpr qint64 kMoreWrite = 5 << 20;
    QJsonArray later = QJsonDocument::fromJson(executorsJson).array();
    QVERIFY(!later.isEmpty());
    QJsonObject first = later.at(0).toObject();
    const QString executorId = first.value(u"id"_s).toString();
    const qint64 readBefore = qint64(first.value(u"totalShuffleRead"_s).toDouble());
    const qint64 writeBefore = qint64(first.value(u"totalShuffleWrite"_s).toDouble());
    first.insert(u"totalShuffleRead"_s, double(readBefore + kMoreRead));
    first.insert(u"totalShuffleWrite"_s, double(writeBefore + kMoreWrite));
    later.replace(0, first);

    ReplayServer server;
    QVERIFY(server.listen());
    const QByteArray base = "GET /api/v1/applications/" + app.toUtf8();
    server.responses.insert("GET /api/v1/applications", {sparkApi(u"application_list_json_expectation.json"_s)});
    server.responses.insert(base + "/jobs", {ReplayServer::ok(jobsJson)});
    server.responses.insert(base + "/stages", {ReplayServer::ok(stagesJson)});
    server.responses.insert(base + "/executors", {ReplayServer::ok(executorsJson)});
    server.responses.insert(base + "/stages/0/0/taskSummary", {sparkApi(u"stage_task_summary_w_shuffle_write_expectation.json"_s)});
    server.responses.insert(base + "/stages/1/0/taskSummary", {sparkApi(u"stage_task_summary_w_shuffle_read_expectation.json"_s)});
    std::unique_ptr<MainWindow> w(openWindow(ConnectionKind::Spark, server.port()));
    Connection *connection = w->connections().first();
    QTRY_VERIFY_WITH_TIMEOUT(connection->hasClusterList(), 15000);
    QVERIFY(w->selectCluster(connection, app));

    // Jobs page: the selected job's stages, with Spark's figures, in place of a log tail.
    w->showPage(MainWindow::Page::Jobs);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Jobs), 15000);
    JobsPanel *jobsPanel = w->jobsPanel();
    QVERIFY(jobsPanel->stagesShown());
    SparkStagesView *stagesView = jobsPanel->stages();
    QVERIFY(stagesView->isVisible());
    const QJsonArray jobs = QJsonDocument::fromJson(jobsJson).array();
    const QJsonArray stages = QJsonDocument::fromJson(stagesJson).array();
    QVERIFY(!jobs.isEmpty() && stages.size() >= 2);
    for (const QJsonValue &jv : jobs) {
        const QJsonObject job = jv.toObject();
        const QString jobId = QString::number(job.value(u"jobId"_s).toInt());
        QVERIFY(jobsPanel->selectJob(jobId));
        const QJsonArray stageIds = job.value(u"stageIds"_s).toArray();
        QJsonArray expected;
        for (const QJsonValue &sv : stages)
            if (stageIds.contains(sv.toObject().value(u"stageId"_s)))
                expected.append(sv);
        QTRY_COMPARE_WITH_TIMEOUT(stagesView->model()->rowCount(), int(expected.size()), 10000);
        for (const QJsonValue &sv : expected) {
            const QJsonObject st = sv.toObject();
            const int row = stagesView->model()->rowOf(st.value(u"stageId"_s).toInt(), st.value(u"attemptId"_s).toInt());
            QVERIFY(row >= 0);
            auto cell = [&](int column) { return stagesView->model()->index(row, column).data().toString(); };
            QCOMPARE(cell(SparkStageModel::StatusColumn), st.value(u"status"_s).toString());
            QVERIFY(cell(SparkStageModel::TasksColumn)
                        .startsWith(u"%1/%2"_s.arg(st.value(u"numCompleteTasks"_s).toInt()).arg(st.value(u"numTasks"_s).toInt())));
            for (const auto &[column, key] : {std::pair{int(SparkStageModel::ShuffleReadColumn), u"shuffleReadBytes"_s},
                                              std::pair{int(SparkStageModel::ShuffleWriteColumn), u"shuffleWriteBytes"_s},
                                              std::pair{int(SparkStageModel::InputColumn), u"inputBytes"_s}}) {
                const qint64 bytes = qint64(st.value(key).toDouble());
                QCOMPARE(cell(column), bytes > 0 ? presentation::formatBytes(bytes) : u"–"_s);
            }
            QCOMPARE(cell(SparkStageModel::RunTimeColumn),
                     presentation::formatDuration(st.value(u"executorRunTime"_s).toDouble() / 1000.0));
        }
    }

    // Selecting a stage fetches its task summary: the quantiles of Spark's taskSummary answer, formatted.
    for (const auto &[stageId, file] : {std::pair{1, u"stage_task_summary_w_shuffle_read_expectation.json"_s},
                                        std::pair{0, u"stage_task_summary_w_shuffle_write_expectation.json"_s}}) {
        bool selected = false;
        for (const QJsonValue &jv : jobs) {
            jobsPanel->selectJob(QString::number(jv.toObject().value(u"jobId"_s).toInt()));
            QTRY_VERIFY_WITH_TIMEOUT(stagesView->model()->rowCount() > 0, 5000);
            if (stagesView->selectStage(stageId, 0)) {
                selected = true;
                break;
            }
        }
        QVERIFY2(selected, qPrintable(u"stage %1 in no job"_s.arg(stageId)));
        const QJsonObject summary = fixtureJson(u"spark/api-v1/"_s + file).toObject();
        const QJsonArray runTime = summary.value(u"executorRunTime"_s).toArray();
        const QString median = presentation::formatDuration(runTime.at(2).toDouble() / 1000.0);
        const QString p95 = presentation::formatDuration(runTime.at(4).toDouble() / 1000.0);
        QTRY_VERIFY_WITH_TIMEOUT(stagesView->detailsText().contains(u"Executor run time"_s)
                                     && stagesView->detailsText().contains(u"median"_s),
                                 10000);
        const QString details = stagesView->detailsText();
        QVERIFY2(details.contains(u"Stage %1 · attempt 0"_s.arg(stageId)), qPrintable(details));
        QVERIFY2(details.contains(median) && details.contains(p95), qPrintable(details));
        const char *group = stageId == 1 ? "shuffleReadMetrics" : "shuffleWriteMetrics";
        const char *key = stageId == 1 ? "readBytes" : "writeBytes";
        const double bytesMedian = summary.value(QLatin1StringView(group)).toObject().value(QLatin1StringView(key)).toArray().at(2).toDouble();
        QVERIFY(bytesMedian > 0);
        QVERIFY2(details.contains(presentation::formatBytes(qint64(bytesMedian))), qPrintable(details));
    }
    QCOMPARE(server.seen.last().path.contains("taskSummary"), true);

    // DAG tab: Spark's REST API names no parent stages; the view says the stage DAG needs the event log.
    w->showPage(MainWindow::Page::Dag);
    auto *dagStatus = w->dagPanel()->findChild<QLabel *>(u"dagStatus"_s);
    QVERIFY(dagStatus);
    QTRY_VERIFY_WITH_TIMEOUT(dagStatus->text().contains(u"event log"_s), 10000);

    // Shuffle I/O: enabled on Spark, cumulative totals from the executors, rates from successive polls.
    auto *tabs = w->findChild<QTabWidget *>(u"clusterTabs"_s);
    QVERIFY(tabs->isTabEnabled(tabs->indexOf(w->shufflePanel())));
    w->showPage(MainWindow::Page::Shuffle);
    TelemetryWindow *telemetry = w->telemetry();
    QTRY_VERIFY_WITH_TIMEOUT(telemetry->latest(executorId).inTotal == double(readBefore), 15000);
    QCOMPARE(telemetry->latest(executorId).outTotal, double(writeBefore));
    // The application shuffles on: the next polls see more bytes.
    server.responses.insert(base + "/executors", {ReplayServer::ok(QJsonDocument(later).toJson())});
    QTRY_VERIFY_WITH_TIMEOUT(telemetry->latest(executorId).inTotal == double(readBefore + kMoreRead), 15000);
    QCOMPARE(telemetry->latest(executorId).outTotal, double(writeBefore + kMoreWrite));
    // The second poll saw the larger totals: a positive rate, which is the change over the time between polls.
    QTRY_VERIFY_WITH_TIMEOUT(telemetry->latest(executorId).inRate > 0, 10000);
    QVERIFY(telemetry->latest(executorId).outRate > telemetry->latest(executorId).inRate); // 5 MiB vs 3 MiB
    QCOMPARE(telemetry->link(), MetricsLink::Polled);
    w->shufflePanel()->renderNow();
    QVERIFY2(w->shufflePanel()->statusText().contains(u"between two successive polls"_s),
             qPrintable(w->shufflePanel()->statusText()));
    QVERIFY(w->shufflePanel()->inChart()->title().contains(u"Shuffle read"_s));
    // The memory charts have no Spark time series: still disabled, with the reason.
    QVERIFY(!tabs->isTabEnabled(tabs->indexOf(w->memoryPanel())));
    QVERIFY(!banner(w.get())->isVisible());
}

void TstEngineConsole::eventLogOpensIntoThePages()
{
    // A log with stages that have parents and skipped stages (the API notes' DAG sample), opened as
    // `clusterdeck --event-log PATH` does: read in place on a worker thread, no server anywhere.
    const QString app = u"local-1642039451826"_s;
    const QString log = test::fixturesDir() + u"/spark/event-logs/"_s + app;
    QString error;
    const std::optional<spark::SparkApplication> model = spark::EventLogReader::read(log, &error);
    QVERIFY2(model, qPrintable(error));
    ConsoleOptions options;
    options.eventLogs = {log};
    options.startLocalRuntime = false;
    options.persistent = false;
    std::unique_ptr<MainWindow> w(new MainWindow(options));
    w->show();
    QCOMPARE(w->connections().size(), 1);
    Connection *connection = w->connections().first();
    QCOMPARE(connection->kind(), ConnectionKind::EventLog);
    QTRY_VERIFY_WITH_TIMEOUT(connection->hasClusterList(), 15000);
    QCOMPARE(connection->clusters()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(w->currentClusterId(), app, 5000); // the opened log's application is selected
    QVERIFY(!banner(w.get())->isVisible()); // a complete log: nothing to warn about
    // The overview names what the cluster is read from: a Spark event log, never a launch spec's engine.
    w->showPage(MainWindow::Page::Overview);
    auto *engineRow = w->findChild<QLabel *>(u"overviewEngine"_s);
    QVERIFY(engineRow);
    QTRY_COMPARE_WITH_TIMEOUT(engineRow->text(), connection->capabilities().engineName, 5000);

    // Executors: every executor the log added, with its add and remove times.
    w->showPage(MainWindow::Page::Executors);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Executors), 15000);
    QCOMPARE(w->executorsPanel()->model()->rowCount(), int(model->executors.size()));
    // Jobs and the selected job's stages, with the log's figures.
    w->showPage(MainWindow::Page::Jobs);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Jobs), 15000);
    QCOMPARE(w->jobsPanel()->model()->rowCount(), int(model->jobs.size()));
    QVERIFY(w->jobsPanel()->stagesShown());
    // The job with the most stages, some skipped: its DAG has edges.
    const spark::SparkJob *job = nullptr;
    for (const spark::SparkJob &j : model->jobs)
        if (!job || j.stageIds.size() > job->stageIds.size())
            job = &j;
    QVERIFY(job && job->stageIds.size() >= 2);
    const QString jobId = QString::number(job->jobId);
    QVERIFY(w->jobsPanel()->selectJob(jobId));
    SparkStagesView *stagesView = w->jobsPanel()->stages();
    int attemptsOfJob = 0;
    for (const spark::SparkStage &s : model->stages)
        attemptsOfJob += job->stageIds.contains(s.stageId) ? 1 : 0;
    QTRY_COMPARE_WITH_TIMEOUT(stagesView->model()->rowCount(), attemptsOfJob, 5000);
    for (const spark::SparkStage &s : model->stages) {
        const int row = stagesView->model()->rowOf(s.stageId, s.attemptId);
        if (!job->stageIds.contains(s.stageId))
            continue;
        QVERIFY(row >= 0);
        QCOMPARE(stagesView->model()->index(row, SparkStageModel::StatusColumn).data().toString(), spark::toString(s.status));
        const qint64 read = s.metrics.shuffleReadBytes();
        QCOMPARE(stagesView->model()->index(row, SparkStageModel::ShuffleReadColumn).data().toString(),
                 read > 0 ? presentation::formatBytes(read) : u"–"_s);
    }
    // The selected stage's task quantiles, read again from the log for that stage (the first read keeps no tasks):
    // the stage page's figures, as the History Server's taskSummary picks them.
    const auto selected = stagesView->selectedStage();
    QVERIFY(selected);
    const auto detail = spark::readStageDetail(log, selected->first, selected->second, &error);
    QVERIFY2(detail, qPrintable(error));
    const auto quantiles = spark::stageQuantiles(*detail);
    QVERIFY(quantiles && !quantiles->rows.isEmpty());
    const spark::TaskQuantileRow &firstRow = quantiles->rows.first();
    QTRY_VERIFY_WITH_TIMEOUT(stagesView->detailsText().contains(firstRow.label), 15000);
    QVERIFY(stagesView->detailsText().contains(u"median"_s));
    QVERIFY(!stagesView->detailsText().contains(u"No task quantiles"_s));
    QVERIFY2(stagesView->detailsText().contains(formatTaskQuantile(firstRow.values.at(2), firstRow.unit)),
             qPrintable(stagesView->detailsText()));

    // DAG tab: the job's stages as nodes, the log's parent stage ids as edges.
    w->showJobDag(jobId);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Dag), 15000);
    DagPanel *dag = w->dagPanel();
    QCOMPARE(dag->layout().graph.nodeCount(), int(job->stageIds.size()));
    int expectedEdges = 0;
    int parentStage = -1;
    int childStage = -1;
    QSet<int> counted;
    for (const spark::SparkStage &s : model->stages) {
        if (!job->stageIds.contains(s.stageId) || counted.contains(s.stageId))
            continue;
        counted.insert(s.stageId);
        for (int p : s.parentIds)
            if (job->stageIds.contains(p)) {
                ++expectedEdges;
                parentStage = p;
                childStage = s.stageId;
            }
    }
    QVERIFY(expectedEdges > 0);
    QCOMPARE(dag->layout().graph.edgeCount(), expectedEdges);
    QVERIFY(dag->layout().graph.indexOf(spark::stageNodeId(parentStage)) >= 0);
    const dag::DagNode *childNode = dag->layout().graph.node(spark::stageNodeId(childStage));
    QVERIFY(childNode);
    // Click a stage node: its details (name, parents as inputs) appear.
    DagNodeItem *item = dag->nodeItem(spark::stageNodeId(childStage));
    QVERIFY(item);
    dag->view()->centerOn(item);
    QTest::mouseClick(dag->view()->viewport(), Qt::LeftButton, {}, dag->view()->mapFromScene(item->sceneBoundingRect().center()));
    QTRY_COMPARE_WITH_TIMEOUT(dag->selectedNodeId(), spark::stageNodeId(childStage), 5000);
    const QString details = dag->detailsText();
    // Its own name, and its parent listed as an input ("Stage 4: ..." or "Stage 4 skipped ...").
    QVERIFY2(details.contains(QRegularExpression(u"Stage %1[: ]"_s.arg(childStage))), qPrintable(details));
    QVERIFY2(details.contains(QRegularExpression(u"Stage %1[: ]"_s.arg(parentStage))), qPrintable(details));

    // The time charts have nothing to draw from a log: disabled, with the reason.
    auto *tabs = w->findChild<QTabWidget *>(u"clusterTabs"_s);
    QVERIFY(!tabs->isTabEnabled(tabs->indexOf(w->shufflePanel())));
}

void TstEngineConsole::truncatedEventLogOpensWithWhatItHas()
{
    // The first 60 % of a log under an .inprogress name: a running application's log, cut mid-record.
    const QString source = test::fixturesDir() + u"/spark/event-logs/local-1642039451826"_s;
    QFile in(source);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"local-1642039451826.inprogress"_s);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    qsizetype cut = bytes.size() * 6 / 10;
    while (cut < bytes.size() && bytes.at(cut) == '\n')
        ++cut; // end inside a record, not on a line break
    out.write(bytes.left(cut));
    out.close();
    QString error;
    const std::optional<spark::SparkApplication> model = spark::EventLogReader::read(path, &error);
    QVERIFY2(model, qPrintable(error));
    QVERIFY(model->inProgress && model->truncated);

    ConsoleOptions options;
    options.eventLogs = {path};
    options.startLocalRuntime = false;
    options.persistent = false;
    std::unique_ptr<MainWindow> w(new MainWindow(options));
    w->show();
    Connection *connection = w->connections().first();
    QTRY_VERIFY_WITH_TIMEOUT(connection->hasClusterList(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(w->currentClusterId(), model->id, 5000);
    QLabel *bar = banner(w.get());
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 5000);
    QVERIFY2(bar->text().contains(u"unfinished"_s) && bar->text().contains(u"cut-off record"_s), qPrintable(bar->text()));
    w->showPage(MainWindow::Page::Jobs);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Jobs), 15000);
    QCOMPARE(w->jobsPanel()->model()->rowCount(), int(model->jobs.size()));
    QVERIFY(model->jobs.size() > 0);

    // A path that is no event log: a clear error in the banner, an empty list.
    ConsoleOptions bad = options;
    bad.eventLogs = {dir.filePath(u"missing-log"_s)};
    std::unique_ptr<MainWindow> w2(new MainWindow(bad));
    w2->show();
    QTRY_VERIFY_WITH_TIMEOUT(w2->connections().first()->hasClusterList(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(banner(w2.get())->isVisible(), 5000);
    QVERIFY2(banner(w2.get())->text().contains(u"Could not open the Spark event log"_s), qPrintable(banner(w2.get())->text()));
    QCOMPARE(w2->connections().first()->clusters()->rowCount(), 0);
}

void TstEngineConsole::sparkBadAnswersShowABannerAndTheConsoleKeepsWorking()
{
    ReplayServer server;
    QVERIFY(server.listen());
    server.notFound = ReplayServer::httpResponse(404, "Not Found", "unknown app: nope", "text/plain");
    server.responses.insert("GET /api/v1/applications", {sparkApi(u"application_list_json_expectation.json"_s)});
    server.responses.insert("GET /api/v1/applications/local-1422981780767/jobs", {sparkApi(u"job_list_json_expectation.json"_s)});
    server.responses.insert("GET /api/v1/applications/local-1422981780767/stages",
                            {sparkApi(u"stage_list_json_expectation.json"_s)});
    const QByteArray full = sparkApi(u"executor_list_with_executor_metrics_json_expectation.json"_s);
    // Content-Length promises the whole body; the server closes after 300 bytes of it.
    server.responses.insert("GET /api/v1/applications/application_1553914137147_0018/executors",
                            {full.left(full.indexOf("\r\n\r\n") + 304)});
    server.responses.insert("GET /api/v1/applications/local-1422981780767/executors", {ReplayServer::ok("[{\"id\": \"driver\",")});
    std::unique_ptr<MainWindow> w(openWindow(ConnectionKind::Spark, server.port()));
    Connection *connection = w->connections().first();
    QTRY_VERIFY_WITH_TIMEOUT(connection->hasClusterList(), 15000);
    QLabel *bar = banner(w.get());

    // 404: no jobs recorded for this application.
    QVERIFY(w->selectCluster(connection, u"application_1553914137147_0018"_s));
    w->showPage(MainWindow::Page::Jobs);
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 15000);
    QVERIFY2(bar->text().contains(u"HTTP 404"_s) && bar->text().contains(u"unknown app: nope"_s), qPrintable(bar->text()));
    QVERIFY(bar->text().contains(u"jobs"_s));

    // Cut off: Content-Length says more than arrives.
    w->showPage(MainWindow::Page::Executors);
    QTRY_VERIFY_WITH_TIMEOUT(bar->text().contains(u"cut off"_s), 15000);
    QCOMPARE(w->executorsPanel()->model()->rowCount(), 0); // nothing half-read is shown

    // Another application's good jobs answer: its page works, and the other page's problem is gone.
    QVERIFY(w->selectCluster(connection, u"local-1422981780767"_s));
    w->showPage(MainWindow::Page::Jobs);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Jobs), 15000);
    QCOMPARE(w->jobsPanel()->model()->rowCount(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 5000);

    // Malformed JSON: the banner says so; the sidebar keeps its list.
    w->showPage(MainWindow::Page::Executors);
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible() && bar->text().contains(u"not valid JSON"_s), 15000);
    QVERIFY(connection->clusters()->rowCount() > 0);

    // A malformed application list: banner, last list kept; once good again the banner goes.
    server.responses.insert("GET /api/v1/applications", {ReplayServer::ok("{\"not\": \"a list\"}")});
    w->showPage(MainWindow::Page::Jobs);
    QTRY_VERIFY_WITH_TIMEOUT(bar->text().contains(u"applications"_s), 15000);
    const int appsBefore = connection->clusters()->rowCount();
    QVERIFY(appsBefore > 0);
    server.responses.insert("GET /api/v1/applications", {sparkApi(u"application_list_json_expectation.json"_s)});
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 15000);
    QCOMPARE(connection->clusters()->rowCount(), appsBefore);
    QCOMPARE(connection->state(), ConnectionState::Connected);
}

void TstEngineConsole::sparkServerGoneIsUnreachable()
{
    auto server = std::make_unique<ReplayServer>();
    QVERIFY(server->listen());
    const quint16 port = server->port();
    server->responses.insert("GET /api/v1/applications", {sparkApi(u"application_list_json_expectation.json"_s)});
    std::unique_ptr<MainWindow> w(openWindow(ConnectionKind::Spark, port));
    Connection *connection = w->connections().first();
    QTRY_VERIFY_WITH_TIMEOUT(connection->hasClusterList(), 15000);
    server.reset(); // the History Server goes away
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ConnectionState::Unreachable, 20000);
    QLabel *bar = banner(w.get());
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 5000);
    QVERIFY2(bar->text().contains(u"Spark server"_s) && bar->text().contains(u"not answering"_s), qPrintable(bar->text()));
    QVERIFY(connection->clusters()->isStale()); // the last list stays, greyed
}

void TstEngineConsole::yarnClusterNodesAppsAndKill()
{
    ReplayServer server;
    QVERIFY(server.listen());
    server.responses.insert("GET /ws/v1/cluster/info", {rmApi(u"cluster-information-api.response-1.json"_s)});
    server.responses.insert("GET /ws/v1/cluster/metrics", {rmApi(u"cluster-metrics-api.response-1.json"_s)});
    server.responses.insert("GET /ws/v1/cluster/nodes", {rmApi(u"cluster-nodes-api.response-1.json"_s)});
    server.responses.insert("GET /ws/v1/cluster/apps", {rmApi(u"cluster-applications-api.response-1.json"_s)});
    // The doc's kill sequence: 202 ACCEPTED while the RM works on it, then 200 KILLED.
    const QByteArray accepted = ReplayServer::httpResponse(
        202, "Accepted", fixture(u"yarn/rm-rest/cluster-application-state-api.response-2.json"_s));
    server.responses.insert("PUT /ws/v1/cluster/apps/application_1399397633663_0003/state",
                            {accepted, rmApi(u"cluster-application-state-api.response-3.json"_s)});
    std::unique_ptr<MainWindow> w(openWindow(ConnectionKind::Yarn, server.port()));
    Connection *connection = w->connections().first();
    QCOMPARE(connection->kind(), ConnectionKind::Yarn);
    QTRY_VERIFY_WITH_TIMEOUT(connection->hasClusterList(), 15000);

    // One cluster: the RM, by its cluster id.
    const QJsonObject info = fixtureJson(u"yarn/rm-rest/cluster-information-api.response-1.json"_s).toObject()
                                 .value(u"clusterInfo"_s).toObject();
    const QString clusterId = QString::number(qint64(info.value(u"id"_s).toDouble()));
    QCOMPARE(connection->clusters()->rowCount(), 1);
    QCOMPARE(connection->clusters()->at(0).id, clusterId);
    QVERIFY(connection->clusters()->at(0).spec.tags.value(u"hadoop-version"_s) == info.value(u"hadoopVersion"_s).toString());

    // Executors: the NodeManagers, one row per node listed (the doc's example lists the same node id twice).
    QVERIFY(w->selectCluster(connection, clusterId));
    w->showPage(MainWindow::Page::Executors);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Executors), 15000);
    const QJsonArray nodes = fixtureJson(u"yarn/rm-rest/cluster-nodes-api.response-1.json"_s).toObject()
                                 .value(u"nodes"_s).toObject().value(u"node"_s).toArray();
    const ExecutorModel *executors = w->executorsPanel()->model();
    QCOMPARE(executors->rowCount(), nodes.size());
    const QJsonObject node = nodes.first().toObject();
    const QString nodeId = node.value(u"id"_s).toString();
    const qint64 mib = 1024 * 1024;
    QCOMPARE(executorCell(executors, nodeId, ExecutorModel::MemoryColumn),
             u"%1 of %2"_s.arg(presentation::formatBytes(qint64(node.value(u"usedMemoryMB"_s).toDouble()) * mib),
                               presentation::formatBytes(qint64(node.value(u"usedMemoryMB"_s).toDouble()
                                                                + node.value(u"availMemoryMB"_s).toDouble())
                                                         * mib)));
    QCOMPARE(executorCell(executors, nodeId, ExecutorModel::StatusColumn), toString(ExecutorStatus::Running));
    QCOMPARE(node.value(u"state"_s).toString(), u"RUNNING"_s);
    QCOMPARE(executors->headerData(ExecutorModel::IdColumn, Qt::Horizontal).toString(), u"Node"_s);

    // Jobs: the applications, with their names and final states.
    w->showPage(MainWindow::Page::Jobs);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(MainWindow::Page::Jobs), 15000);
    const QJsonArray apps = fixtureJson(u"yarn/rm-rest/cluster-applications-api.response-1.json"_s).toObject()
                                .value(u"apps"_s).toObject().value(u"app"_s).toArray();
    const JobModel *jobs = w->jobsPanel()->model();
    QCOMPARE(jobs->rowCount(), apps.size());
    for (const QJsonValue &v : apps) {
        const QJsonObject a = v.toObject();
        const int row = jobs->rowOf(a.value(u"id"_s).toString());
        QVERIFY(row >= 0);
        QCOMPARE(jobs->at(row).name, a.value(u"name"_s).toString());
        QVERIFY(a.value(u"finalStatus"_s).toString() == "SUCCEEDED"_L1);
        QCOMPARE(toString(jobs->at(row).state), toString(JobState::Completed));
    }
    QVERIFY(!banner(w.get())->isVisible());
    QVERIFY(!button(w.get(), u"scaleClusterButton"_s)->isEnabled());
    QVERIFY(button(w.get(), u"scaleClusterButton"_s)->toolTip().contains(u"YARN"_s));

    // Cancelling a job kills the application through its state; the feed reports the RM's KILLED.
    QSignalSpy finished(connection->feed(), &ClusterFeed::actionFinished);
    connection->cancelJob(clusterId, u"application_1399397633663_0003"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const auto result = finished.first().first().value<ActionResult>();
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.action, u"cancel"_s);
    QCOMPARE(result.body.toObject().value(u"state"_s).toString(), u"KILLED"_s);
    int puts = 0;
    for (const test::SeenRequest &r : server.seen)
        if (r.method == "PUT") {
            ++puts;
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"state"_s).toString(), u"KILLED"_s);
        }
    QCOMPARE(puts, 2);

    // A 404 RemoteException from the RM (an app it does not know) is a clear failure, not a crash.
    finished.clear();
    server.notFound = ReplayServer::httpResponse(404, "Not Found", fixture(u"yarn/rm-rest/webservices-intro.error-404.response-1.json"_s));
    connection->cancelJob(clusterId, u"application_0_0000"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const auto refused = finished.first().first().value<ActionResult>();
    QVERIFY(!refused.ok);
    QVERIFY2(refused.message.contains(u"404"_s), qPrintable(refused.message));
}

void TstEngineConsole::addDialogValidatesPerEngine()
{
    AddRuntimeDialog dialog;
    auto *url = dialog.findChild<QLineEdit *>(u"urlEdit"_s);
    auto *token = dialog.findChild<QLineEdit *>(u"tokenEdit"_s);
    auto *user = dialog.findChild<QLineEdit *>(u"userEdit"_s);
    QVERIFY(url && token && user);

    QCOMPARE(dialog.kind(), ConnectionKind::Runtime);
    url->setText(u"http://gateway:7650"_s);
    QVERIFY(dialog.problem().contains(u"token"_s));
    token->setText(u"secret"_s);
    QVERIFY(dialog.problem().isEmpty());

    dialog.setKind(ConnectionKind::Spark);
    QVERIFY(token->isHidden()); // Spark takes no token
    url->clear();
    QVERIFY(dialog.problem().contains(u"URL"_s));
    url->setText(u"ftp://history:18080"_s);
    QVERIFY(dialog.problem().contains(u"http(s)"_s));
    url->setText(u"http://history:18080/api/v1"_s);
    QVERIFY(dialog.problem().contains(u"/api/v1"_s));
    url->setText(u"http://history:18080?x=1"_s);
    QVERIFY(dialog.problem().contains(u"query"_s));
    url->setText(u"http://history:18080"_s);
    QVERIFY(dialog.problem().isEmpty());
    QVERIFY(dialog.token().isEmpty() || dialog.kind() != ConnectionKind::Runtime);

    dialog.setKind(ConnectionKind::Yarn);
    QVERIFY(!user->isHidden());
    url->setText(u"http://rm:8088/ws/v1/cluster"_s);
    QVERIFY(dialog.problem().contains(u"/ws/v1"_s));
    url->setText(u"http://rm:8088"_s);
    user->setText(u"bad user"_s);
    QVERIFY(dialog.problem().contains(u"user name"_s));
    user->setText(u"hadoop"_s);
    QVERIFY(dialog.problem().isEmpty());
    QCOMPARE(dialog.user(), u"hadoop"_s);
    QCOMPARE(dialog.name(), u"rm:8088"_s);
}

void TstEngineConsole::settingsKeepTheEngine()
{
    ConsoleSettings settings;
    settings.setRemotes({{u"history"_s, QUrl(u"http://history:18080"_s), QString(), ConnectionKind::Spark, QString()},
                         {u"rm"_s, QUrl(u"http://rm:8088"_s), QString(), ConnectionKind::Yarn, u"hadoop"_s},
                         {u"gw"_s, QUrl(u"http://gw:7650"_s), u"/tmp/gw.token"_s, ConnectionKind::Runtime, QString()}});
    const QList<RemoteRuntime> read = ConsoleSettings().remotes();
    QCOMPARE(read.size(), 3);
    QCOMPARE(read[0].kind, ConnectionKind::Spark);
    QCOMPARE(read[1].kind, ConnectionKind::Yarn);
    QCOMPARE(read[1].user, u"hadoop"_s);
    QCOMPARE(read[2].kind, ConnectionKind::Runtime);
    QCOMPARE(read[2].tokenFile, u"/tmp/gw.token"_s);
}

void TstEngineConsole::capabilitiesSayWhatAndWhyNot()
{
    // The words of --connection and of the saved connections, both ways; anything else is no kind.
    for (ConnectionKind kind : {ConnectionKind::Runtime, ConnectionKind::Spark, ConnectionKind::Yarn, ConnectionKind::EventLog})
        QCOMPARE(connectionKindFromName(connectionKindName(kind)), kind);
    QVERIFY(!connectionKindFromName(u"dask"_s));
    QVERIFY(!connectionKindFromName(u""_s));

    const FeedCapabilities runtime = RuntimeFeed::runtimeCapabilities();
    QVERIFY(runtime.managesClusters && runtime.submitsJobs && runtime.cancelsJobs && runtime.memoryCharts);
    QVERIFY(!runtime.sparkStages);

    // Each watched engine says why for every control the window disables.
    const FeedCapabilities spark = SparkFeed::sparkCapabilities();
    QVERIFY(!spark.managesClusters && !spark.submitsJobs && !spark.cancelsJobs && !spark.memoryCharts);
    QVERIFY(spark.shuffleCharts && spark.sparkStages);
    const FeedCapabilities yarn = YarnFeed::yarnCapabilities();
    QVERIFY(!yarn.managesClusters && !yarn.submitsJobs && yarn.cancelsJobs && !yarn.sparkStages && !yarn.shuffleCharts);
    const FeedCapabilities log = EventLogFeed::eventLogCapabilities(u"/logs/app-1"_s);
    QVERIFY(!log.cancelsJobs && log.sparkStages && log.problemsAreFinal && !log.shuffleCharts);
    QVERIFY(log.clusterDescription.arg(u"app-1"_s).contains(u"/logs/app-1"_s));
    for (const FeedCapabilities &c : {spark, yarn, log}) {
        QVERIFY(!c.whyNotManaged.isEmpty() && !c.whyNoLaunch.isEmpty() && !c.whyNoSubmit.isEmpty());
        QVERIFY(c.whyNotManaged.contains(c.engineName));
        QVERIFY(c.cancelsJobs || !c.whyNoCancel.isEmpty());
        QVERIFY(c.memoryCharts || !c.whyNoCharts.isEmpty());
        QVERIFY(c.clusterDescription.contains(u"%1"_s));
    }
}

QTEST_MAIN(TstEngineConsole)
#include "tst_engine_console.moc"
