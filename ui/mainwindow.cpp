// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "backend/connection.h"
#include "consolesettings.h"
#include "core/security/datapaths.h"
#include "forms/addruntimedialog.h"
#include "forms/launchform.h"
#include "forms/scaledialog.h"
#include "forms/terminatedialog.h"
#include "localruntime.h"
#include "models/clusterlistmodel.h"
#include "models/executormodel.h"
#include "models/telemetrywindow.h"
#include "panels/dagpanel.h"
#include "panels/eventlist.h"
#include "panels/executormemorypanel.h"
#include "panels/executorspanel.h"
#include "panels/incidentspanel.h"
#include "panels/slospanel.h"
#include "panels/jobspanel.h"
#include "panels/costpanel.h"
#include "panels/overviewpanel.h"
#include "panels/shuffleiopanel.h"
#include "panels/sparkstagesview.h"
#include "panels/timelinepanel.h"
#include "panels/summarypanel.h"
#include "presentation.h"
#include "ui/cost/costexport.h"
#include "widgets/clusteritemdelegate.h"

#include <QCloseEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QMenuBar>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
constexpr int kOverviewTab = 0;
constexpr int kExecutorsTab = 1;
constexpr int kJobsTab = 2;

QString dot(const QColor &color)
{
    return u"<span style='color:%1'>●</span>"_s.arg(color.name());
}

ExecutorModel::Flavor flavorOf(const Connection *c)
{
    switch (c ? c->capabilities().executors : ExecutorKind::DaskWorkers) {
    case ExecutorKind::SparkExecutors:
        return ExecutorModel::Flavor::Spark;
    case ExecutorKind::YarnNodes:
        return ExecutorModel::Flavor::Yarn;
    case ExecutorKind::DaskWorkers:
        break;
    }
    return ExecutorModel::Flavor::Dask;
}

QColor connectionColor(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connected:
        return QColor(0x2e, 0x9e, 0x4f);
    case ConnectionState::Connecting:
        return QColor(0x1f, 0x6f, 0xc5);
    case ConnectionState::Unreachable:
    case ConnectionState::Unauthorized:
        return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::gray;
}
} // namespace

MainWindow::MainWindow(const ConsoleOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_splitter(new QSplitter(this))
    , m_banner(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_overview(new OverviewPanel(this))
    , m_executors(new ExecutorsPanel(this))
    , m_jobs(new JobsPanel(this))
    , m_dagPanel(new DagPanel(this))
    , m_timeline(new TimelinePanel(this))
    , m_launchForm(new LaunchForm(this))
    , m_cost(new CostPanel(this))
    , m_summary(new SummaryPanel(this))
    , m_slos(new SlosPanel(this))
    , m_meter(new QLabel(this))
    , m_statusConnection(new QLabel(this))
    , m_telemetry(new TelemetryWindow(this))
    , m_memory(new ExecutorMemoryPanel(m_telemetry, this))
    , m_shuffle(new ShuffleIoPanel(m_telemetry, this))
    , m_incidents(new IncidentsPanel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("ClusterDeck"));

    // Sidebar: one section per connection (header + its clusters), buttons at the bottom.
    auto *sidebar = new QWidget(this);
    sidebar->setObjectName(u"sidebar"_s);
    auto *sidebarOuter = new QVBoxLayout(sidebar);
    sidebarOuter->setContentsMargins(6, 6, 6, 6);
    auto *sections = new QWidget(sidebar);
    m_sidebarLayout = new QVBoxLayout(sections);
    m_sidebarLayout->setContentsMargins(0, 0, 0, 0);
    m_sidebarLayout->addStretch();
    auto *scroll = new QScrollArea(sidebar);
    scroll->setWidget(sections);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_launch = new QPushButton(tr("Launch cluster…"), sidebar);
    m_launch->setObjectName(u"launchClusterButton"_s);
    auto *launch = m_launch;
    m_addRuntime = new QPushButton(tr("Add runtime, Spark or YARN…"), sidebar);
    m_addRuntime->setObjectName(u"addRuntimeButton"_s);
    m_addRuntime->setVisible(options.runtimeUrl.isEmpty());
    auto *summary = new QPushButton(tr("Executive summary"), sidebar);
    summary->setObjectName(u"summaryButton"_s);
    connect(summary, &QPushButton::clicked, this, &MainWindow::showSummary);
    connect(m_summary, &SummaryPanel::queryChanged, this, &MainWindow::updateFocus);
    auto *slos = new QPushButton(tr("SLOs"), sidebar);
    slos->setObjectName(u"slosButton"_s);
    slos->setToolTip(tr("Service level objectives: SLI, error budget, burn rates and alerts"));
    connect(slos, &QPushButton::clicked, this, &MainWindow::showSlos);
    sidebarOuter->addWidget(scroll, 1);
    sidebarOuter->addWidget(slos);
    sidebarOuter->addWidget(summary);
    sidebarOuter->addWidget(launch);
    sidebarOuter->addWidget(m_addRuntime);
    connect(launch, &QPushButton::clicked, this, &MainWindow::showLaunchForm);
    connect(m_addRuntime, &QPushButton::clicked, this, &MainWindow::addRemoteRuntime);

    // Right side: banner over a stack of pages.
    m_banner->setObjectName(u"unreachableBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(u"QLabel { background: #fdecea; color: #8e1b1b; border: 1px solid #f5c2c0;"
                            " border-radius: 4px; padding: 8px; font-weight: bold; }"_s);
    m_banner->hide();

    m_emptyPage = new QWidget(this);
    m_emptyText = new QLabel(m_emptyPage);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addWidget(m_emptyText);

    m_clusterPage = new QWidget(this);
    m_title = new QLabel(m_clusterPage);
    m_title->setObjectName(u"clusterTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badge = new QLabel(m_clusterPage);
    m_badge->setObjectName(u"clusterBadge"_s);
    m_stateLine = new QLabel(m_clusterPage);
    m_stateLine->setObjectName(u"clusterStateLine"_s);
    m_stateLine->setWordWrap(true);
    m_protectionNote = new QLabel(m_clusterPage);
    m_protectionNote->setObjectName(u"protectionNote"_s);
    m_protectionNote->setStyleSheet(u"color: #8a5a00;"_s);
    m_protectionNote->setWordWrap(true);
    m_scale = new QPushButton(tr("Scale…"), m_clusterPage);
    m_scale->setObjectName(u"scaleClusterButton"_s);
    m_terminate = new QPushButton(tr("Terminate…"), m_clusterPage);
    m_terminate->setObjectName(u"terminateClusterButton"_s);
    m_protection = new QPushButton(m_clusterPage);
    m_protection->setObjectName(u"protectionButton"_s);
    connect(m_scale, &QPushButton::clicked, this, &MainWindow::openScaleDialog);
    connect(m_terminate, &QPushButton::clicked, this, &MainWindow::openTerminateDialog);
    connect(m_protection, &QPushButton::clicked, this, [this] {
        if (m_connection && !m_clusterId.isEmpty())
            m_connection->setProtection(m_clusterId, !m_cluster.spec.terminationProtection);
    });

    m_tabs = new QTabWidget(m_clusterPage);
    m_tabs->setObjectName(u"clusterTabs"_s);
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_executors, tr("Executors"));
    m_tabs->addTab(m_jobs, tr("Jobs"));
    m_tabs->addTab(m_memory, tr("Memory"));
    m_tabs->addTab(m_shuffle, tr("Shuffle I/O"));
    m_tabs->addTab(m_incidents, tr("Incidents"));
    connect(m_incidents, &IncidentsPanel::runbookWanted, this, [this](const QString &runbookId) {
        if (m_connection)
            m_connection->fetchRunbook(runbookId);
    });
    connect(m_incidents, &IncidentsPanel::planWanted, this, [this](const QString &incidentId, const QJsonObject &body) {
        if (m_connection && !m_clusterId.isEmpty())
            m_connection->planGuardedAction(m_clusterId, incidentId, body);
    });
    connect(m_incidents, &IncidentsPanel::evidenceWanted, this, [this](const QString &incidentId, const MetricsQuery &query) {
        if (m_connection && !m_clusterId.isEmpty())
            m_connection->fetchEvidence(m_clusterId, incidentId, query);
    });
    connect(m_incidents, &IncidentsPanel::actionConfirmed, this, [this](const QJsonObject &body) {
        if (m_connection && !m_clusterId.isEmpty())
            m_connection->runGuardedAction(m_clusterId, body);
    });
    connect(m_telemetry, &TelemetryWindow::requestChanged, this, [this] {
        m_followedTicket = 0; // a new range or cluster: ask again
        updateMetricsFollow();
    });
    m_tabs->addTab(m_dagPanel, tr("DAG"));
    m_tabs->addTab(m_timeline, tr("Timeline"));
    m_tabs->addTab(m_cost, tr("Cost"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateFocus();
        saveSelection();
    });

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_badge);
    titleRow->addStretch();
    m_meter->setObjectName(u"clusterMeter"_s);
    m_meter->setToolTip(tr("What the cluster costs per hour now, and so far (per-second billing, one-minute minimum)"));
    titleRow->addWidget(m_meter);
    titleRow->addWidget(m_protection);
    titleRow->addWidget(m_scale);
    titleRow->addWidget(m_terminate);
    auto *clusterLayout = new QVBoxLayout(m_clusterPage);
    clusterLayout->setContentsMargins(0, 0, 0, 0);
    clusterLayout->addLayout(titleRow);
    clusterLayout->addWidget(m_stateLine);
    clusterLayout->addWidget(m_protectionNote);
    clusterLayout->addWidget(m_tabs, 1);

    m_stack->addWidget(m_emptyPage);
    m_stack->addWidget(m_clusterPage);
    m_stack->addWidget(m_launchForm);
    m_stack->addWidget(m_summary);
    m_stack->addWidget(m_slos);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_stack, 1);

    m_splitter->addWidget(sidebar);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 1100});
    setCentralWidget(m_splitter);
    statusBar()->addPermanentWidget(m_statusConnection, 1);

    connect(m_launchForm, &LaunchForm::cancelled, this, [this] {
        m_stack->setCurrentWidget(m_clusterId.isEmpty() ? m_emptyPage : m_clusterPage);
        updateFocus();
    });
    connect(m_launchForm, &LaunchForm::launchRequested, this, [this](const ClusterSpec &spec) {
        if (!m_launchConnection)
            return;
        m_launchForm->setBusy(true);
        m_launchConnection->launch(spec);
    });
    connect(m_jobs, &JobsPanel::submitRequested, this, [this](const JobRequest &request) {
        if (m_connection && !m_clusterId.isEmpty())
            m_connection->submitJob(m_clusterId, request);
    });
    connect(m_jobs, &JobsPanel::cancelRequested, this, [this](const QString &jobId) {
        if (m_connection && !m_clusterId.isEmpty())
            m_connection->cancelJob(m_clusterId, jobId);
    });
    connect(m_jobs, &JobsPanel::dagRequested, this, &MainWindow::showJobDag);
    connect(m_jobs->stages(), &SparkStagesView::stageSelected, this, [this](int stageId, int attemptId) {
        if (m_connection && !m_clusterId.isEmpty())
            m_connection->setStageFocus(m_clusterId, stageId, attemptId);
    });
    connect(m_dagPanel, &DagPanel::jobChosen, this, &MainWindow::updateDagFocus);

    // Ages ("since 3 min") and the status line move on between snapshots.
    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, this, &MainWindow::updateConnectionViews);
    clock->start(1000);

    // File menu: offline triage of a Spark event log, with no server.
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openLog = fileMenu->addAction(tr("Open Spark event log…"));
    openLog->setObjectName(u"openEventLogAction"_s);
    openLog->setShortcut(QKeySequence::Open);
    connect(openLog, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Spark event log"), QString(),
                                                          tr("Spark event logs (*);;All files (*)"));
        if (!path.isEmpty())
            openEventLog(path);
    });
    QAction *openLogDir = fileMenu->addAction(tr("Open rolling Spark event log (eventlog_v2_* directory)…"));
    openLogDir->setObjectName(u"openEventLogDirAction"_s);
    connect(openLogDir, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Open a rolling Spark event log directory"));
        if (!path.isEmpty())
            openEventLog(path);
    });
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    if (!options.eventLogs.isEmpty()) {
        for (const QString &path : options.eventLogs)
            openEventLog(path);
    } else if (!options.runtimeUrl.isEmpty()) {
        addConnection(new Connection(options.runtimeUrl.authority(), options.runtimeUrl, options.tokenFile,
                                     options.connection, this, options.yarnUser));
    } else {
        addConnection(new Connection(tr("Local runtime"), QUrl(paths::defaultRuntimeUrl()),
                                     paths::tokenPath(paths::defaultDataDir()), ConnectionKind::Runtime, this, {},
                                     Connection::Placement::Local));
        if (options.persistent)
            for (const RemoteRuntime &r : ConsoleSettings().remotes())
                addConnection(new Connection(r.name, r.url, r.tokenFile, r.kind, this, r.user));
    }

    if (options.persistent) {
        ConsoleSettings settings;
        if (!restoreGeometry(settings.geometry()))
            resize(1440, 900);
        m_splitter->restoreState(settings.splitterState());
    } else {
        resize(1440, 900);
    }
    clearClusterPages();
    updateConnectionViews();
}

MainWindow::~MainWindow()
{
    // Connections stop their network threads in their destructors, before the widgets they feed go away.
    qDeleteAll(m_connections);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.persistent) {
        ConsoleSettings().saveWindow(saveGeometry(), m_splitter->saveState());
        saveSelection();
    }
    QMainWindow::closeEvent(event);
}

MainWindow::Section *MainWindow::sectionOf(Connection *connection)
{
    for (Section &s : m_sections)
        if (s.connection == connection)
            return &s;
    return nullptr;
}

Connection *MainWindow::currentConnection() const
{
    if (m_connection)
        return m_connection;
    return m_connections.isEmpty() ? nullptr : m_connections.first();
}

void MainWindow::addConnection(Connection *connection)
{
    m_connections.append(connection);
    Section s;
    s.connection = connection;
    s.box = new QWidget(this);
    auto *layout = new QVBoxLayout(s.box);
    layout->setContentsMargins(0, 0, 0, 8);
    auto *headerRow = new QHBoxLayout;
    s.header = new QLabel(s.box);
    s.header->setTextFormat(Qt::RichText);
    s.header->setWordWrap(true);
    headerRow->addWidget(s.header, 1);
    if (!connection->isLocal() && m_options.runtimeUrl.isEmpty()) {
        auto *remove = new QToolButton(s.box);
        const bool log = connection->kind() == ConnectionKind::EventLog;
        remove->setText(log ? tr("Close") : tr("Remove"));
        remove->setToolTip(log ? tr("Close this event log (the file is not touched)")
                               : tr("Forget this runtime and its stored token (its clusters keep running)"));
        connect(remove, &QToolButton::clicked, this, [this, connection] { removeConnection(connection); });
        headerRow->addWidget(remove);
    }
    layout->addLayout(headerRow);
    s.proxy = new QSortFilterProxyModel(s.box);
    s.proxy->setSourceModel(connection->clusters());
    s.proxy->setSortRole(ClusterListModel::SortRole);
    s.proxy->setDynamicSortFilter(true);
    s.proxy->sort(0);
    s.list = new QListView(s.box);
    s.list->setObjectName(u"clusterList"_s);
    s.list->setModel(s.proxy);
    s.list->setItemDelegate(new ClusterItemDelegate(s.list));
    s.list->setSelectionMode(QAbstractItemView::SingleSelection);
    s.list->setMinimumHeight(120);
    layout->addWidget(s.list, 1);
    m_sidebarLayout->insertWidget(m_sidebarLayout->count() - 1, s.box, 1);
    connect(s.list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, connection] { onSelectionChanged(connection); });
    m_sections.append(s);

    connect(connection, &Connection::stateChanged, this, &MainWindow::updateConnectionViews);
    connect(connection, &Connection::clusterListUpdated, this, [this, connection] { onClusterList(connection); });
    wireFeed(connection);
}

void MainWindow::wireFeed(Connection *connection)
{
    const ClusterFeed *feed = connection->feed();
    connect(feed, &ClusterFeed::clusterReady, this, [this, connection](const ClusterInfo &c) {
        if (connection == m_connection && c.id == m_clusterId) {
            m_haveDetail = true;
            applyCluster(c);
        }
    });
    connect(feed, &ClusterFeed::eventsReady, this, [this, connection](const QString &id, const ClusterEventList &events) {
        if (connection == m_connection && id == m_clusterId) {
            m_haveEvents = true;
            m_overview->setEvents(events);
            // Scaling actions, spot interruptions and fallbacks as markers on the memory and shuffle charts.
            const QList<ChartMarker> markers = EventList::markersFor(events);
            m_memory->setMarkers(markers);
            m_shuffle->setMarkers(markers);
        }
    });
    connect(feed, &ClusterFeed::executorsReady, this, [this, connection](const QString &id, const ExecutorList &list) {
        if (connection == m_connection && id == m_clusterId) {
            m_haveExecutors = true;
            m_executors->setExecutors(list);
        }
    });
    connect(feed, &ClusterFeed::clusterCostReady, this, [this, connection](const QString &id, const QJsonObject &report) {
        if (connection == m_connection && id == m_clusterId)
            m_cost->setReport(id, report);
    });
    connect(feed, &ClusterFeed::slosReady, this, [this, connection](const QList<triage::SloStatus> &list) {
        if (connection == m_slosConnection)
            m_slos->setSlos(list);
    });
    connect(feed, &ClusterFeed::costSummaryReady, this, [this, connection](const QJsonObject &summary) {
        if (connection == m_summaryConnection)
            m_summary->setSummary(summary);
    });
    connect(feed, &ClusterFeed::jobsReady, this, [this, connection](const QString &id, const JobList &list) {
        if (connection == m_connection && id == m_clusterId) {
            m_haveJobs = true;
            m_jobs->setJobs(list);
            m_jobStates.clear();
            for (const Job &j : list)
                m_jobStates.insert(j.id, j.state);
            m_dagPanel->setJobs(list);
            m_timeline->setJobs(list);
            updateDagFocus();
        }
    });
    connect(feed, &ClusterFeed::incidentsReady, this,
            [this, connection](const QString &id, const triage::IncidentList &list) {
                if (connection == m_connection && id == m_clusterId) {
                    m_incidents->setIncidents(list);
                    updateIncidentsTab();
                }
            });
    connect(feed, &ClusterFeed::actionPlanReady, this,
            [this, connection](const QString &id, const QString &incidentId, const QJsonObject &plan, const QString &error) {
                if (connection == m_connection && id == m_clusterId)
                    m_incidents->setResubmitPlan(incidentId, plan, error);
            });
    connect(feed, &ClusterFeed::evidenceReady, this,
            [this, connection](const QString &id, const QString &incidentId, const QList<MetricSeriesData> &series,
                               const QString &error) {
                if (connection == m_connection && id == m_clusterId)
                    m_incidents->setEvidence(incidentId, series, error);
            });
    connect(feed, &ClusterFeed::timelineReady, this,
            [this, connection](const QString &id, const triage::Timeline &timeline) {
                if (connection == m_connection && id == m_clusterId)
                    m_incidents->setTimeline(timeline, QDateTime::currentDateTimeUtc());
            });
    connect(feed, &ClusterFeed::runbookReady, this,
            [this](const QString &runbookId, const QString &title, const QString &markdown) {
                m_incidents->setRunbook(runbookId, title, markdown);
            });
    connect(feed, &ClusterFeed::metricsHistoryReady, this,
            [this, connection](quint64 ticket, const QList<MetricSeriesData> &series) {
                if (connection == m_connection)
                    m_telemetry->applyHistory(ticket, series);
            });
    connect(feed, &ClusterFeed::metricsBatchReady, this, [this, connection](quint64 ticket, const MetricBatch &batch) {
        if (connection == m_connection)
            m_telemetry->applyBatch(ticket, batch);
    });
    connect(feed, &ClusterFeed::metricsLinkChanged, this,
            [this, connection](quint64 ticket, MetricsLink link, const QString &message) {
                if (connection == m_connection)
                    m_telemetry->setLink(ticket, link, message);
            });
    connect(feed, &ClusterFeed::dagReady, this,
            [this, connection](const QString &id, const QString &jobId, const dag::Dag &graph) {
                if (connection != m_connection || id != m_clusterId)
                    return;
                if (isFinished(m_jobStates.value(jobId, JobState::Running)))
                    m_finalDags.insert(jobId);
                m_dagPanel->setDag(jobId, graph);
                m_timeline->setDag(jobId, graph);
                updateDagFocus();
            });
    connect(feed, &ClusterFeed::stagesReady, this,
            [this, connection](const QString &id, const QList<spark::SparkStageInfo> &stages) {
                if (connection == m_connection && id == m_clusterId)
                    m_jobs->stages()->setStages(stages);
            });
    connect(feed, &ClusterFeed::taskSummaryReady, this,
            [this, connection](const QString &id, int stageId, int attemptId, const spark::TaskSummary &summary,
                               const QString &error) {
                if (connection == m_connection && id == m_clusterId)
                    m_jobs->stages()->setTaskSummary(stageId, attemptId, summary, error);
            });
    connect(feed, &ClusterFeed::dagFailed, this,
            [this, connection](const QString &id, const QString &jobId, const QString &message) {
                if (connection == m_connection && id == m_clusterId)
                    m_dagPanel->setDagError(jobId, message);
            });
    connect(feed, &ClusterFeed::instanceTypesReady, this,
            [this, connection](const QList<InstanceType> &types, const QString &defaultType) {
                m_types.insert(connection, types);
                m_defaultTypes.insert(connection, defaultType);
                if (connection == m_launchConnection)
                    m_launchForm->setInstanceTypes(types, defaultType);
            });
    connect(feed, &ClusterFeed::samplesReady, this, [this, connection](const QList<SampleInfo> &samples) {
        m_samples.insert(connection, samples);
        if (connection == m_connection)
            m_jobs->setSamples(samples);
    });
    connect(feed, &ClusterFeed::actionFinished, this,
            [this, connection](const ActionResult &result) { onAction(connection, result); });
    connect(feed, &ClusterFeed::nothingListening, this, [this, connection] {
        if (!connection->isLocal() || !m_options.startLocalRuntime)
            return;
        QString error;
        const qint64 pid = LocalRuntime::startDetached(&error);
        m_localStartNote = pid > 0 ? tr("Nothing answered on %1, so the console started clusterdeck-runtime (pid %2). "
                                        "It keeps running, with its clusters, after the console closes.")
                                         .arg(connection->url().authority())
                                         .arg(pid)
                                   : error;
        statusBar()->showMessage(m_localStartNote, 15000);
        updateConnectionViews();
    });
    connection->fetchCatalog();
}

void MainWindow::removeConnection(Connection *connection)
{
    const bool log = connection->kind() == ConnectionKind::EventLog;
    if (!log && QMessageBox::question(this, tr("Remove runtime"),
                              tr("Forget %1 (%2) and its stored token? Its clusters keep running.")
                                  .arg(connection->name(), connection->url().toString()))
        != QMessageBox::Yes)
        return;
    if (connection == m_connection) {
        connection->followMetrics({});
        m_connection = nullptr;
        m_clusterId.clear();
        clearClusterPages();
    }
    if (m_launchConnection == connection)
        m_launchConnection = nullptr;
    QList<RemoteRuntime> remotes = ConsoleSettings().remotes();
    remotes.removeIf([connection](const RemoteRuntime &r) {
        if (r.url != connection->url())
            return false;
        if (!r.tokenFile.isEmpty())
            QFile::remove(r.tokenFile);
        return true;
    });
    if (m_options.persistent && !log)
        ConsoleSettings().setRemotes(remotes);
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        if (m_sections[i].connection == connection) {
            delete m_sections[i].box;
            m_sections.removeAt(i);
            break;
        }
    }
    m_connections.removeOne(connection);
    m_types.remove(connection);
    m_samples.remove(connection);
    delete connection;
    updateConnectionViews();
}

Connection *MainWindow::openEventLog(const QString &path)
{
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    for (Connection *c : std::as_const(m_connections))
        if (c->kind() == ConnectionKind::EventLog && c->url() == QUrl::fromLocalFile(absolute)) {
            m_openedLog = c; // already open: show it again
            onClusterList(c);
            return c;
        }
    auto *connection = new Connection(info.fileName(), QUrl::fromLocalFile(absolute), {}, ConnectionKind::EventLog, this);
    m_openedLog = connection;
    addConnection(connection);
    statusBar()->showMessage(tr("Reading %1…").arg(QDir::toNativeSeparators(absolute)), 5000);
    return connection;
}

void MainWindow::addRemoteRuntime()
{
    auto *dialog = new AddRuntimeDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionKind kind = dialog->kind();
        QString tokenFile; // Spark and YARN servers take no token
        if (kind == ConnectionKind::Runtime) {
            QString error;
            tokenFile = ConsoleSettings::storeRemoteToken(dialog->url(), dialog->token(), &error);
            if (tokenFile.isEmpty()) {
                QMessageBox::warning(this, tr("Add remote runtime"), error);
                return;
            }
        }
        if (m_options.persistent) {
            QList<RemoteRuntime> remotes = ConsoleSettings().remotes();
            remotes.append({dialog->name(), dialog->url(), tokenFile, kind, dialog->user()});
            ConsoleSettings().setRemotes(remotes);
        }
        addConnection(new Connection(dialog->name(), dialog->url(), tokenFile, kind, this, dialog->user()));
        updateConnectionViews();
    });
    dialog->open();
}

void MainWindow::onSelectionChanged(Connection *connection)
{
    Section *s = sectionOf(connection);
    if (!s)
        return;
    const QModelIndexList rows = s->list->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return; // a deselection: keep showing the last cluster (its row may be re-sorting)
    const QString id = rows.first().data(ClusterListModel::IdRole).toString();
    // One selection across all connections.
    for (Section &other : m_sections)
        if (other.connection != connection) {
            const QSignalBlocker blocker(other.list->selectionModel());
            other.list->clearSelection();
        }
    if (connection == m_connection && id == m_clusterId) {
        if (m_stack->currentWidget() != m_clusterPage)
            m_stack->setCurrentWidget(m_clusterPage);
        return;
    }
    if (m_connection && m_connection != connection)
        m_connection->followMetrics({}); // the other runtime's stream is no longer shown
    m_connection = connection;
    m_clusterId = id;
    m_haveDetail = m_haveExecutors = m_haveJobs = m_haveEvents = false;
    // The previous cluster's events must not stand for this one's until its own list comes.
    m_overview->setEvents({});
    m_memory->setMarkers({});
    m_shuffle->setMarkers({});
    m_telemetryWanted = telemetryTabShown();
    m_telemetry->setCluster(id);
    m_executors->setFlavor(int(flavorOf(connection)));
    // The time charts read the runtime's metric store; YARN has none ClusterDeck can read. Spark's shuffle
    // chart is made from successive polls of its executors' totals (the feed), its memory has no time series.
    const FeedCapabilities &can = connection->capabilities();
    for (QWidget *chartTab : {static_cast<QWidget *>(m_memory), static_cast<QWidget *>(m_shuffle)}) {
        const int index = m_tabs->indexOf(chartTab);
        const bool enabled = chartTab == m_memory ? can.memoryCharts : can.shuffleCharts;
        m_tabs->setTabEnabled(index, enabled);
        m_tabs->setTabToolTip(index, enabled ? QString() : can.whyNoCharts);
    }
    m_shuffle->setSparkWording(can.sparkShuffleWording);
    m_jobs->setStagesShown(can.sparkStages);
    m_jobs->setCancelSupported(can.cancelsJobs, can.whyNoCancel);
    m_executors->clear();
    m_jobs->clear();
    m_dagPanel->clear();
    m_timeline->clear();
    m_jobStates.clear();
    m_finalDags.clear();
    m_overview->clear();
    m_jobs->setSamples(m_samples.value(connection));
    const int row = connection->clusters()->rowOf(id);
    if (row >= 0)
        applyCluster(connection->clusters()->at(row));
    m_stack->setCurrentWidget(m_clusterPage);
    updateFocus();
    updateConnectionViews();
    saveSelection();
}

bool MainWindow::selectCluster(Connection *connection, const QString &clusterId)
{
    Section *s = sectionOf(connection);
    const int row = connection->clusters()->rowOf(clusterId);
    if (!s || row < 0)
        return false;
    const QModelIndex index = s->proxy->mapFromSource(connection->clusters()->index(row, 0));
    s->list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    s->list->scrollTo(index);
    onSelectionChanged(connection); // also when already selected: bring the cluster page forward
    return true;
}

bool MainWindow::selectClusterByName(const QString &name)
{
    for (Connection *c : m_connections) {
        const int row = c->clusters()->findByName(name);
        if (row >= 0)
            return selectCluster(c, c->clusters()->at(row).id);
    }
    // Spark applications often share a name ("Spark shell"): their ids are unique.
    for (Connection *c : m_connections)
        if (c->clusters()->rowOf(name) >= 0)
            return selectCluster(c, name);
    return false;
}

void MainWindow::onClusterList(Connection *connection)
{
    if (connection == m_openedLog && connection->clusters()->rowCount() > 0) {
        m_openedLog = nullptr;
        m_restoredSelection = true;
        selectCluster(connection, connection->clusters()->at(0).id);
    }
    if (!m_restoredSelection && m_clusterId.isEmpty()) {
        // First list: bring back the last selection, else the newest live cluster, so the window opens on
        // something useful.
        m_restoredSelection = true;
        bool selected = false;
        if (m_options.persistent) {
            ConsoleSettings settings;
            if (settings.lastConnection() == connection->url().toString()
                && selectCluster(connection, settings.lastCluster())) {
                m_tabs->setCurrentIndex(std::clamp(settings.lastTab(), 0, m_tabs->count() - 1));
                selected = true;
            }
        }
        if (!selected) {
            Section *s = sectionOf(connection);
            if (s && s->proxy->rowCount() > 0) {
                const QModelIndex first = s->proxy->index(0, 0);
                if (!isTerminal(ClusterState(first.data(ClusterListModel::StateRole).toInt())))
                    selectCluster(connection, first.data(ClusterListModel::IdRole).toString());
            }
        }
    }
    if (connection == m_connection) {
        const int row = connection->clusters()->rowOf(m_clusterId);
        if (row >= 0) {
            ClusterInfo c = connection->clusters()->at(row);
            // The list has no history: keep the detail's, and never step back to an older state.
            if (c.stateChangedAt >= m_cluster.stateChangedAt || c.id != m_cluster.id) {
                c.history = m_cluster.id == c.id ? m_cluster.history : QList<StateChange>{};
                applyCluster(c);
            }
        }
    }
    updateConnectionViews();
}

void MainWindow::applyCluster(const ClusterInfo &cluster)
{
    m_cluster = cluster;
    m_overview->setCluster(cluster, typeOf(m_connection, cluster.spec.instanceType));
    m_incidents->setCluster(cluster);
    updateHeader();
    if (m_connection && !m_connection->capabilities().submitsJobs) {
        m_jobs->setClusterActive(false, m_connection->capabilities().whyNoSubmit);
        return;
    }
    const bool active = isActive(cluster.state);
    m_jobs->setClusterActive(active, active ? QString()
                                            : tr("Jobs can be submitted once the cluster is RUNNING or WAITING "
                                                 "(it is %1).")
                                                  .arg(presentation::stateText(cluster.state)));
}

std::optional<InstanceType> MainWindow::typeOf(Connection *connection, const QString &name) const
{
    for (const InstanceType &t : m_types.value(connection))
        if (t.name == name)
            return t;
    return std::nullopt;
}

void MainWindow::updateHeader()
{
    const ClusterInfo &c = m_cluster;
    const bool stale = m_connection && m_connection->state() != ConnectionState::Connected;
    m_title->setText(c.name());
    m_badge->setText(presentation::stateText(c.state) + (stale ? tr(" (stale)") : QString()));
    m_badge->setStyleSheet(u"QLabel { background: %1; color: white; font-weight: bold; border-radius: 9px;"
                           " padding: 2px 10px; }"_s.arg(stale ? u"#9e9e9e"_s : presentation::stateColor(c.state).name()));
    m_stateLine->setText(tr("%1 · %2 of %3 executors running · %4 · since %5%6")
                             .arg(presentation::stateMeaning(c.state))
                             .arg(c.runningWorkers)
                             .arg(c.spec.workers)
                             .arg(c.spec.instanceType, presentation::formatAge(c.stateChangedAt, QDateTime::currentDateTimeUtc()),
                                  c.stateReason.isEmpty() ? QString() : tr(" · reason: %1").arg(c.stateReason)));
    if (m_connection && !m_connection->managesClusters()) {
        // Watched, not run by ClusterDeck: the buttons stay, disabled, so the user learns why they do nothing.
        const QString why = m_connection->capabilities().whyNotManaged;
        m_stateLine->setText(tr("%1 · executors running: %2 · since %3%4")
                                 .arg(m_connection->capabilities().clusterDescription.arg(c.id))
                                 .arg(c.runningWorkers)
                                 .arg(presentation::formatAge(c.stateChangedAt, QDateTime::currentDateTimeUtc()),
                                      c.stateReason.isEmpty() ? QString() : tr(" · %1").arg(c.stateReason)));
        for (QPushButton *b : {m_scale, m_terminate}) {
            b->setVisible(true);
            b->setEnabled(false);
            b->setToolTip(why);
        }
        m_terminate->setToolTip(why);
        m_protection->setVisible(false);
        m_protectionNote->setVisible(false);
        return;
    }
    m_terminate->setToolTip(QString());
    const bool live = !isTerminal(c.state) && c.state != ClusterState::Terminating;
    const bool protectedOn = c.spec.terminationProtection;
    m_scale->setEnabled(isActive(c.state) && !stale);
    m_scale->setToolTip(isActive(c.state) ? QString() : tr("Scaling needs a RUNNING or WAITING cluster."));
    // Terminate is not offered at all while protection is on: the note says why and the button next to it
    // turns protection off.
    m_terminate->setVisible(live && !protectedOn);
    m_terminate->setEnabled(!stale);
    m_protection->setVisible(live);
    m_protection->setEnabled(!stale);
    m_protection->setText(protectedOn ? tr("Turn protection off") : tr("Turn protection on"));
    m_protectionNote->setText(tr("Termination protection is on: the runtime refuses to terminate this cluster. "
                                 "Turn it off first to terminate."));
    m_protectionNote->setVisible(live && protectedOn);
}

void MainWindow::clearClusterPages()
{
    m_cluster = {};
    m_overview->clear();
    m_executors->clear();
    m_jobs->clear();
    m_incidents->clear();
    updateIncidentsTab();
    m_telemetryWanted = false;
    m_telemetry->setCluster({});
    m_dagPanel->clear();
    m_timeline->clear();
    m_cost->clear();
    m_meter->clear();
    if (m_stack->currentWidget() != m_launchForm && m_stack->currentWidget() != m_summary)
        m_stack->setCurrentWidget(m_emptyPage);
}

bool MainWindow::telemetryTabShown() const
{
    return m_stack->currentWidget() == m_clusterPage
        && (m_tabs->currentWidget() == m_memory || m_tabs->currentWidget() == m_shuffle);
}

void MainWindow::updateMetricsFollow()
{
    // Metrics are followed (history + one SSE stream) from the first time a metrics tab is opened for the
    // selected cluster until another cluster is selected, so switching tabs keeps the live window.
    m_telemetryWanted = m_telemetryWanted || telemetryTabShown();
    const bool want = m_connection && !m_clusterId.isEmpty() && m_telemetryWanted;
    if (want && m_followedTicket != m_telemetry->ticket()) {
        m_followedTicket = m_telemetry->ticket();
        m_connection->followMetrics(m_telemetry->request());
    } else if (!want && m_followedTicket != 0) {
        m_followedTicket = 0;
        if (m_connection)
            m_connection->followMetrics({});
    }
}

void MainWindow::updateFocus()
{
    const bool clusterShown = m_stack->currentWidget() == m_clusterPage;
    for (Connection *c : m_connections) {
        const bool jobsNeeded = m_tabs->currentIndex() == kJobsTab || m_tabs->currentWidget() == m_dagPanel
            || m_tabs->currentWidget() == m_timeline;
        if (c == m_connection && clusterShown)
            c->setFocus(m_clusterId, m_tabs->currentIndex() == kExecutorsTab, jobsNeeded);
        else
            c->setFocus({}, false, false);
        // Incidents are polled whenever a cluster is on screen: the tab's title counts the open ones.
        c->setIncidentsFocus(c == m_connection && clusterShown ? m_clusterId : QString());
        c->setCostFocus(c == m_connection && clusterShown && m_tabs->currentWidget() == m_cost,
                        c == m_summaryConnection && m_stack->currentWidget() == m_summary, m_summary->query());
        c->setSlosFocus(c == m_slosConnection && m_stack->currentWidget() == m_slos);
    }
    updateMetricsFollow();
    updateDagFocus();
}

void MainWindow::updateDagFocus()
{
    // Only the DAGs on screen are polled, and a finished job's only until its final DAG has arrived.
    QStringList jobs;
    const bool clusterShown = m_stack->currentWidget() == m_clusterPage && m_connection && !m_clusterId.isEmpty();
    if (clusterShown && m_tabs->currentWidget() == m_dagPanel) {
        const QString job = m_dagPanel->currentJob();
        if (!job.isEmpty() && (!m_finalDags.contains(job) || !m_dagPanel->hasLayout()))
            jobs.append(job);
    }
    if (clusterShown && m_tabs->currentWidget() == m_timeline)
        for (const QString &job : m_timeline->jobsNeedingDags())
            if (!m_finalDags.contains(job) && !jobs.contains(job))
                jobs.append(job);
    for (Connection *c : m_connections)
        c->setDagFocus(c == m_connection ? m_clusterId : QString(), c == m_connection ? jobs : QStringList());
}

void MainWindow::showJobDag(const QString &jobId)
{
    m_dagPanel->setCurrentJob(jobId);
    m_tabs->setCurrentWidget(m_dagPanel); // updateFocus() follows from the tab change
    updateFocus();
}

void MainWindow::showSummary()
{
    Connection *c = currentConnection();
    if (!c)
        return;
    if (c != m_summaryConnection)
        m_summary->clear();
    m_summaryConnection = c;
    m_stack->setCurrentWidget(m_summary);
    updateFocus();
}

void MainWindow::showSlos()
{
    Connection *c = currentConnection();
    if (!c)
        return;
    if (c != m_slosConnection)
        m_slos->clear();
    m_slosConnection = c;
    m_stack->setCurrentWidget(m_slos);
    updateFocus();
}

void MainWindow::updateConnectionViews()
{
    const QDateTime now = QDateTime::currentDateTime();
    if (const auto meter = m_connection && !m_clusterId.isEmpty() ? m_connection->clusters()->meter(m_clusterId)
                                                                   : std::optional<CostMeter>()) {
        m_meter->setText(tr("%1 now · %2 so far")
                             .arg(costview::formatRate(meter->ratePerHour, meter->currency),
                                  costview::formatMoney(meter->total, meter->currency)));
    }
    for (Section &s : m_sections) {
        Connection *c = s.connection;
        QString state;
        switch (c->state()) {
        case ConnectionState::Connecting:
            state = tr("connecting…");
            break;
        case ConnectionState::Connected:
            state = tr("connected");
            break;
        case ConnectionState::Unreachable:
            state = tr("unreachable");
            break;
        case ConnectionState::Unauthorized:
            state = tr("token refused");
            break;
        }
        // A runtime given by --runtime is named by its address: do not say it twice.
        const QString where = c->name() == c->url().authority() ? QString() : c->url().authority().toHtmlEscaped() + u" · "_s;
        s.header->setText(u"%1 <b>%2</b> <span style='color:gray'>%3%4</span>"_s.arg(
            dot(connectionColor(c->state())), c->name().toHtmlEscaped(), where, state));
        s.header->setToolTip(c->stateMessage());
    }

    Connection *c = currentConnection();
    if (!c) {
        m_banner->hide();
        m_statusConnection->setText(tr("No runtime configured."));
        return;
    }
    // The banner speaks for the connection of the page on screen.
    QString banner;
    const QString server = c->capabilities().serverName;
    if (c->state() == ConnectionState::Unreachable) {
        banner = tr("⚠ %4 at %1 is not answering (%2) since %3.").arg(c->url().toString(), c->stateMessage(),
                                                                      presentation::formatTime(c->unreachableSince()), server);
        banner += c->hasClusterList()
            ? tr(" Showing the last data, received at %1, greyed as stale.").arg(presentation::formatTime(c->lastAnswerAt()))
            : QString();
        banner += tr(" Retrying every %1 s.").arg(ClusterFeed::kUnreachablePollMs / 1000);
        if (!m_localStartNote.isEmpty() && c->isLocal())
            banner += u' ' + m_localStartNote;
    } else if (c->state() == ConnectionState::Unauthorized) {
        banner = tr("⚠ The runtime at %1 refuses the token in %2: %3").arg(c->url().toString(), c->tokenFile(), c->stateMessage());
    } else if (c->capabilities().problemsAreFinal) {
        // A log is read once: what it lacked (unfinished, cut off, unreadable) is said as the reader found it.
        banner = c->answerProblem().isEmpty() ? QString() : tr("⚠ %1").arg(c->answerProblem());
    } else if (!c->answerProblem().isEmpty()) {
        // It answers, but not usably: say what and keep the last good data on screen.
        banner = tr("⚠ %1 at %2 answered, but the answer could not be used:\n%3\nShowing the last good data; "
                    "retrying every %4 s.")
                     .arg(server, c->url().toString(), c->answerProblem())
                     .arg(ClusterFeed::kPollMs / 1000);
    }
    m_banner->setText(banner);
    m_banner->setVisible(!banner.isEmpty());
    m_launch->setEnabled(c->managesClusters());
    m_launch->setToolTip(c->managesClusters() ? QString() : c->capabilities().whyNoLaunch);
    const bool stale = c->state() != ConnectionState::Connected && c->hasClusterList();
    if (c == m_connection) {
        m_executors->setStale(stale);
        m_jobs->setStale(stale);
        m_dagPanel->setStale(stale);
        m_timeline->setStale(stale);
        if (!m_clusterId.isEmpty())
            updateHeader();
    }

    int live = 0;
    for (const ClusterInfo &info : c->clusters()->rows())
        live += isTerminal(info.state) ? 0 : 1;
    QString status = tr("%1 %2 (%3): ").arg(dot(connectionColor(c->state())), c->name().toHtmlEscaped(),
                                            c->url().toString().toHtmlEscaped());
    switch (c->state()) {
    case ConnectionState::Connecting:
        status += tr("connecting…");
        break;
    case ConnectionState::Connected:
        status += tr("connected · %n cluster(s)", nullptr, int(c->clusters()->rowCount())) + tr(", %1 live").arg(live)
            + tr(" · updated %1").arg(c->lastAnswerAt().toString(u"HH:mm:ss"_s));
        break;
    case ConnectionState::Unreachable:
        status += tr("unreachable for %1").arg(presentation::formatDuration(c->unreachableSince().msecsTo(now) / 1000.0));
        break;
    case ConnectionState::Unauthorized:
        status += tr("token refused");
        break;
    }
    m_statusConnection->setText(status);

    if (m_stack->currentWidget() == m_emptyPage) {
        if (!c->hasClusterList())
            m_emptyText->setText(tr("Connecting to %1…").arg(c->url().toString()));
        else if (c->clusters()->rowCount() == 0 && !c->managesClusters())
            m_emptyText->setText(tr("%1 lists no applications yet.").arg(c->name()));
        else if (c->clusters()->rowCount() == 0)
            m_emptyText->setText(tr("No clusters on %1 yet.\nUse “Launch cluster…” on the left to start one.").arg(c->name()));
        else
            m_emptyText->setText(tr("Select a cluster on the left."));
    }
}

void MainWindow::showPage(Page page)
{
    switch (page) {
    case Page::Launch:
        showLaunchForm();
        return;
    case Page::Overview:
        m_tabs->setCurrentIndex(kOverviewTab);
        break;
    case Page::Executors:
        m_tabs->setCurrentIndex(kExecutorsTab);
        break;
    case Page::Jobs:
        m_tabs->setCurrentIndex(kJobsTab);
        break;
    case Page::Memory:
        m_tabs->setCurrentWidget(m_memory);
        break;
    case Page::Shuffle:
        m_tabs->setCurrentWidget(m_shuffle);
        break;
    case Page::Dag:
        m_tabs->setCurrentWidget(m_dagPanel);
        break;
    case Page::Timeline:
        m_tabs->setCurrentWidget(m_timeline);
        break;
    case Page::Incidents:
        m_tabs->setCurrentWidget(m_incidents);
        break;
    case Page::Cost:
        m_tabs->setCurrentWidget(m_cost);
        break;
    case Page::Summary:
        showSummary();
        return;
    case Page::Slos:
        showSlos();
        return;
    }
    if (!m_clusterId.isEmpty())
        m_stack->setCurrentWidget(m_clusterPage);
    updateFocus();
}

bool MainWindow::isReady(Page page) const
{
    Connection *c = currentConnection();
    if (!c || !c->hasClusterList())
        return false;
    if (page == Page::Launch)
        return m_launchForm->hasInstanceTypes();
    if (page == Page::Summary)
        return m_summary->hasSummary();
    if (page == Page::Slos)
        return m_slos->hasData();
    if (m_clusterId.isEmpty())
        return c->clusters()->rowCount() == 0 || m_stack->currentWidget() == m_emptyPage;
    switch (page) {
    case Page::Overview:
        // Spark and YARN serve no event list: only a ClusterDeck runtime's clusters wait for theirs.
        return m_haveDetail && (m_haveEvents || !c->capabilities().clusterEvents);
    case Page::Executors:
        return m_haveDetail && m_haveExecutors;
    case Page::Jobs:
        return m_haveDetail && m_haveJobs && m_samples.contains(m_connection);
    case Page::Memory:
    case Page::Shuffle:
        return m_haveDetail && m_haveEvents && m_telemetry->hasData() && m_telemetry->link() != MetricsLink::Loading;
    case Page::Dag:
        return m_haveDetail && m_haveJobs && m_dagPanel->hasLayout() && !m_dagPanel->isLayoutPending();
    case Page::Timeline:
        return m_haveDetail && m_haveJobs && m_timeline->hasAllDags();
    case Page::Incidents:
        // The list, and the selected incident's runbook once it has come.
        return m_haveDetail && m_incidents->hasData()
            && (m_incidents->selectedIncidentId().isEmpty() || !m_incidents->runbookShown().isEmpty());
    case Page::Cost:
        return m_haveDetail && m_cost->hasReport();
    case Page::Launch:
    case Page::Summary:
    case Page::Slos:
        break;
    }
    return true;
}

void MainWindow::showLaunchForm()
{
    m_launchConnection = currentConnection();
    if (!m_launchConnection || !m_launchConnection->managesClusters())
        return; // the button is disabled then, its tooltip says why
    m_launchForm->setRuntimeName(m_launchConnection->name());
    if (m_types.contains(m_launchConnection))
        m_launchForm->setInstanceTypes(m_types.value(m_launchConnection), m_defaultTypes.value(m_launchConnection));
    else
        m_launchConnection->fetchCatalog();
    if (m_stack->currentWidget() != m_launchForm)
        m_launchForm->reset();
    m_stack->setCurrentWidget(m_launchForm);
    updateFocus();
}

void MainWindow::openScaleDialog()
{
    if (!m_connection || m_clusterId.isEmpty())
        return;
    auto *dialog = new ScaleDialog(m_cluster, typeOf(m_connection, m_cluster.spec.instanceType), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto meter = m_connection->clusters()->meter(m_clusterId))
        dialog->setCostRates(meter->ratePerHour, meter->workerRatePerHour, meter->currency);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, connection = m_connection, id = m_clusterId] {
                if (!connection)
                    return;
                const std::optional<int> target = dialog->targetChanged() ? std::optional(dialog->target()) : std::nullopt;
                // The policy first, the target only once it is accepted: a target inside new bounds would
                // otherwise be refused by the old ones.
                if (dialog->policyChanged()) {
                    connection->setScalingPolicy(id, dialog->policy(), target);
                    statusBar()->showMessage(tr("Scaling policy of %1: %2").arg(m_cluster.name(), dialog->policy().summary()), 5000);
                } else if (target) {
                    connection->scale(id, *target);
                    statusBar()->showMessage(tr("Scaling %1 to %2 workers…").arg(m_cluster.name()).arg(*target), 5000);
                }
            });
    dialog->open();
}

void MainWindow::openTerminateDialog()
{
    if (!m_connection || m_clusterId.isEmpty() || m_cluster.spec.terminationProtection)
        return;
    auto *dialog = new TerminateDialog(m_cluster, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, connection = m_connection, id = m_clusterId, name = m_cluster.name()] {
        if (connection) {
            connection->terminate(id);
            statusBar()->showMessage(tr("Terminating %1…").arg(name), 5000);
        }
    });
    dialog->open();
}

void MainWindow::onAction(Connection *connection, const ActionResult &r)
{
    if (r.action == "launch"_L1) {
        if (!r.ok) {
            m_launchForm->showRefusal(r.message, r.fields);
            return;
        }
        // The cluster shows at once as the runtime described it (STARTING); polling moves it on.
        const ClusterInfo created = ClusterInfo::fromJson(r.body.toObject());
        connection->clusters()->upsert(created);
        m_launchForm->setBusy(false);
        m_stack->setCurrentWidget(m_clusterPage);
        m_tabs->setCurrentIndex(kOverviewTab);
        selectCluster(connection, created.id);
        statusBar()->showMessage(tr("Launched %1 (%2).").arg(created.name(), created.id), 8000);
        return;
    }
    if (!r.ok) {
        QString what;
        if (r.action == "scale"_L1)
            what = tr("Scaling failed");
        else if (r.action == "terminate"_L1)
            what = tr("Terminate refused");
        else if (r.action == "protection"_L1)
            what = tr("Changing termination protection failed");
        else if (r.action == "policy"_L1)
            what = tr("Changing the scaling policy failed");
        else if (r.action == "submit"_L1)
            what = tr("Job submission refused");
        else if (r.action == "guarded"_L1)
            what = tr("The action was refused (and recorded in the audit log)");
        else
            what = tr("Cancelling the job failed");
        auto *box = new QMessageBox(QMessageBox::Warning, what, u"%1: %2"_s.arg(what, r.message), QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    if (r.body.isObject() && r.body.toObject().contains(u"state"_s) && r.action != "submit"_L1 && r.action != "cancel"_L1) {
        const ClusterInfo updated = ClusterInfo::fromJson(r.body.toObject());
        connection->clusters()->upsert(updated);
        if (connection == m_connection && updated.id == m_clusterId)
            applyCluster(updated);
    }
    if (r.action == "submit"_L1)
        statusBar()->showMessage(tr("Job submitted."), 5000);
    if (r.action == "guarded"_L1) {
        const QJsonObject audit = r.body.toObject().value(u"audit"_s).toObject();
        statusBar()->showMessage(tr("%1 by %2: %3 → %4 (audit log #%5).")
                                     .arg(audit.value(u"action"_s).toString(), audit.value(u"actor"_s).toString(),
                                          audit.value(u"before"_s).toString(), audit.value(u"after"_s).toString())
                                     .arg(audit.value(u"seq"_s).toInteger()),
                                 10000);
    }
}

void MainWindow::updateIncidentsTab()
{
    const int open = m_incidents->openCount();
    m_tabs->setTabText(m_tabs->indexOf(m_incidents), open > 0 ? tr("Incidents (%1)").arg(open) : tr("Incidents"));
}

void MainWindow::saveSelection()
{
    if (m_options.persistent && m_connection)
        ConsoleSettings().saveSelection(m_connection->url().toString(), m_clusterId, m_tabs->currentIndex());
}

} // namespace cdeck
