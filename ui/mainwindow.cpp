// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "auth/rolepermissions.h"
#include "auth/signinflow.h"
#include "backend/connection.h"
#include "backend/focusedcluster.h"
#include "clusterpage.h"
#include "consolesettings.h"
#include "core/security/datapaths.h"
#include "forms/launchform.h"
#include "forms/openlogprogress.h"
#include "models/clusterlistmodel.h"
#include "panels/summarypanel.h"
#include "presentation.h"
#include "sidebar.h"
#include "window/clusteractions.h"
#include "window/connectionregistry.h"
#include "window/connectionstatus.h"
#include "window/recordeditors.h"
#include "window/windowmenus.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

MainWindow::MainWindow(const ConsoleOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_splitter(new QSplitter(this))
    , m_sidebar(new Sidebar(options.runtimeUrl.isEmpty(), this))
    , m_focus(new FocusedCluster(this))
    , m_connections(new ConnectionRegistry(this, options.persistent, options.startLocalRuntime))
    , m_status(new ConnectionStatus(this))
    , m_pages(new PageStack(m_focus, this))
    , m_menus(nullptr)
    , m_clusterActions(new ClusterActions(this, m_focus, m_pages, m_connections, m_status))
    , m_recordEditors(new RecordEditors(this, m_pages, m_status))
    , m_signIn(new SignInFlow(this, this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("ClusterDeck"));

    connect(m_sidebar, &Sidebar::clusterSelected, this, &MainWindow::focusCluster);
    connect(m_sidebar, &Sidebar::removeRequested, m_connections, &ConnectionRegistry::confirmAndRemove);
    connect(m_sidebar, &Sidebar::launchRequested, this, &MainWindow::showLaunchForm);
    connect(m_sidebar, &Sidebar::addConnectionRequested, m_connections, &ConnectionRegistry::addRemoteRuntime);
    connect(m_sidebar, &Sidebar::summaryRequested, this, &MainWindow::showSummary);
    connect(m_sidebar, &Sidebar::slosRequested, this, &MainWindow::showSlos);
    connect(m_pages->summary(), &SummaryPanel::queryChanged, this, &MainWindow::updateFocus);
    connect(m_pages, &QStackedWidget::currentChanged, this, &MainWindow::updateFocus);

    ClusterPage *clusterPage = m_pages->clusterPage();
    connect(clusterPage, &ClusterPage::scaleRequested, m_clusterActions, &ClusterActions::openScaleDialog);
    connect(clusterPage, &ClusterPage::terminateRequested, m_clusterActions, &ClusterActions::openTerminateDialog);
    connect(clusterPage, &ClusterPage::tabChanged, this, [this] {
        updateFocus();
        saveSelection();
    });
    connect(m_clusterActions, &ClusterActions::launched, this, &MainWindow::selectCluster);
    connect(m_signIn, &SignInFlow::message, this, [this](const QString &text) { m_status->showMessage(text, 15000); });

    connect(m_connections, &ConnectionRegistry::added, this, &MainWindow::onConnectionAdded);
    connect(m_connections, &ConnectionRegistry::removing, this, &MainWindow::onConnectionRemoving);
    connect(m_connections, &ConnectionRegistry::removed, this, &MainWindow::updateConnectionViews);
    connect(m_connections, &ConnectionRegistry::catalogUpdated, this,
            [this](Connection *c, ConnectionCatalog::Part part) {
                m_pages->applyCatalog(c, m_connections->catalog(c), part);
            });
    connect(m_connections, &ConnectionRegistry::localRuntimeStarted, this, [this](const QString &note) {
        m_status->showMessage(note, 15000);
        updateConnectionViews();
    });

    // Right side: banner over a stack of pages.
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_status->banner());
    rightLayout->addWidget(m_pages, 1);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 1100});
    setCentralWidget(m_splitter);

    // Ages ("since 3 min") and the status line move on between snapshots.
    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, this, &MainWindow::updateConnectionViews);
    clock->start(1000);
    m_menus = new WindowMenus(this, clusterPage->tabs(), options.runtimeUrl.isEmpty(), options.persistent);
    wireMenus();

    if (!options.eventLogs.isEmpty()) {
        for (const QString &path : options.eventLogs)
            openEventLog(path);
    } else if (!options.runtimeUrl.isEmpty()) {
        m_connections->add(new Connection(options.runtimeUrl.authority(), options.runtimeUrl, options.tokenFile,
                                          options.connection, m_connections, options.yarnUser));
    } else {
        m_connections->add(new Connection(tr("Local runtime"), QUrl(paths::defaultRuntimeUrl()),
                                          paths::tokenPath(paths::defaultDataDir()), ConnectionKind::Runtime,
                                          m_connections, {}, Connection::Placement::Local));
        if (options.persistent)
            for (const RemoteRuntime &r : ConsoleSettings().remotes())
                m_connections->add(new Connection(r.name, r.url, r.tokenFile, r.kind, m_connections, r.user));
    }

    if (options.persistent) {
        ConsoleSettings settings;
        if (!restoreGeometry(settings.geometry()))
            resize(1440, 900);
        m_splitter->restoreState(settings.splitterState());
    } else {
        resize(1440, 900);
    }
    clusterPage->clear();
    m_pages->showEmptyPage();
    updateConnectionViews();
}

MainWindow::~MainWindow()
{
    // Connections stop their network threads, before the widgets they feed go away.
    m_focus->clear();
    m_connections->closeAll();
}

void MainWindow::wireMenus()
{
    connect(m_menus, &WindowMenus::openEventLogRequested, this, &MainWindow::openEventLog);
    connect(m_menus, &WindowMenus::addConnectionRequested, m_connections, &ConnectionRegistry::addRemoteRuntime);
    connect(m_menus, &WindowMenus::launchRequested, this, &MainWindow::showLaunchForm);
    connect(m_menus, &WindowMenus::scaleRequested, m_clusterActions, &ClusterActions::openScaleDialog);
    connect(m_menus, &WindowMenus::protectionRequested, m_focus, &FocusedCluster::setProtection);
    connect(m_menus, &WindowMenus::terminateRequested, m_clusterActions, &ClusterActions::openTerminateDialog);
    connect(m_menus, &WindowMenus::refreshRequested, this, [this] {
        for (Connection *c : m_connections->all())
            c->pollNow();
    });
    connect(m_menus, &WindowMenus::tabRequested, this, [this](int i) {
        QTabWidget *tabs = m_pages->clusterPage()->tabs();
        if (!m_focus->isSet() || !tabs->isTabEnabled(i))
            return;
        tabs->setCurrentIndex(i);
        showClusterPage();
    });
    connect(m_menus, &WindowMenus::filterRequested, m_sidebar, &Sidebar::focusFilter);
    connect(m_menus, &WindowMenus::paletteRequested, this, &MainWindow::openPalette);
    connect(m_menus, &WindowMenus::summaryRequested, this, &MainWindow::showSummary);
    connect(m_menus, &WindowMenus::slosRequested, this, &MainWindow::showSlos);
    connect(m_menus, &WindowMenus::auditRequested, this, &MainWindow::showAudit);
    connect(m_menus, &WindowMenus::signInRequested, this, [this] {
        m_signIn->signIn(currentConnection(),
                         tr("Sign in as another user: until the runtime accepts the new token, "
                            "the console keeps the one it uses now."));
    });
    connect(m_menus, &WindowMenus::signOutRequested, this, [this] { m_signIn->signOut(currentConnection()); });
}

void MainWindow::onConnectionAdded(Connection *connection)
{
    m_sidebar->addConnection(connection, !connection->isLocal() && m_options.runtimeUrl.isEmpty());
    connect(connection, &Connection::stateChanged, this, &MainWindow::updateConnectionViews);
    connect(connection, &Connection::clusterListUpdated, this, [this, connection] { onClusterList(connection); });
    // What is not per cluster: the cluster page's snapshots come through m_focus.
    m_pages->watch(connection);
    m_clusterActions->watch(connection);
    m_recordEditors->watch(connection);
    m_signIn->watch(connection);
    // What the signed-in role may do changes the enabled actions and the editors.
    connect(connection, &Connection::identityChanged, m_recordEditors, &RecordEditors::updateEditable);
    updateConnectionViews();
}

void MainWindow::onConnectionRemoving(Connection *connection)
{
    if (connection == m_focus->connection()) {
        m_focus->clear();
        m_pages->clusterPage()->clear();
        if (m_pages->currentWidget() == m_pages->clusterPage())
            m_pages->showEmptyPage();
    }
    m_pages->forget(connection);
    m_signIn->forget(connection);
    m_sidebar->removeConnection(connection);
}

Connection *MainWindow::openEventLog(const QString &path)
{
    bool created = false;
    Connection *connection = m_connections->openEventLog(path, &created);
    m_openedLog = connection;
    if (created) {
        m_status->showMessage(tr("Reading %1…").arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
                              5000);
        // Cancel: forget the connection (its reader stops); the selection and pages stay as they were.
        connect(new OpenLogProgress(connection, this), &OpenLogProgress::cancelled, this, [this, connection] {
            if (m_openedLog == connection)
                m_openedLog = nullptr;
            m_connections->confirmAndRemove(connection); // an event log: removed without asking
            m_status->showMessage(tr("Opening the event log was cancelled."), 5000);
        });
    } else
        onClusterList(connection); // already open: show it again
    return connection;
}

QList<CommandPalette::Entry> MainWindow::paletteEntries()
{
    QList<CommandPalette::Entry> entries;
    for (Connection *c : m_connections->all())
        for (const ClusterInfo &info : c->clusters()->rows())
            entries.append({tr("Cluster"),
                            tr("%1 · %2 · %3").arg(info.name(), presentation::stateText(info.state), c->name()),
                            [this, c = QPointer(c), id = info.id] {
                                if (c)
                                    selectCluster(c, id);
                            }});
    entries.append(m_menus->paletteEntries());
    return entries;
}

void MainWindow::openPalette()
{
    auto *palette = new CommandPalette(paletteEntries(), this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->open();
}

void MainWindow::updateActions()
{
    Connection *c = currentConnection();
    const bool focused = m_focus->isSet();
    const ClusterInfo &cluster = m_pages->clusterPage()->cluster();
    const bool live = focused && !isTerminal(cluster.state) && cluster.state != ClusterState::Terminating;
    const bool managed = focused && m_focus->connection()->managesClusters();
    WindowMenus::ClusterActionState state;
    state.launch = c && c->capabilities().managesClusters;
    state.scale = managed && isActive(cluster.state);
    state.terminate = managed && live && !cluster.spec.terminationProtection;
    state.protection = managed && live;
    state.isProtected = cluster.spec.terminationProtection;
    // What the signed-in role may not do is said on the action (the runtime would refuse it with a 403).
    const Connection *clusterConnection = focused ? m_focus->connection() : nullptr;
    state.whyNotLaunch = state.launch ? RolePermissions::whyNot(c, api::RouteId::ClusterLaunch) : QString();
    if (managed) {
        state.whyNotScale = RolePermissions::whyNot(clusterConnection, api::RouteId::ClusterScale, cluster.owner);
        state.whyNotTerminate
            = RolePermissions::whyNot(clusterConnection, api::RouteId::ClusterTerminate, cluster.owner);
        state.whyNotProtection
            = RolePermissions::whyNot(clusterConnection, api::RouteId::ClusterProtection, cluster.owner);
    }
    m_menus->setClusterActions(state);
    m_menus->setSignIn(c && c->hasUsers(), c && m_signIn->signedIn(c));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (presentation::isPaletteChange(event)) {
        m_status->applyColours();
        presentation::rethemeLabels(this);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.persistent) {
        ConsoleSettings().saveWindow(saveGeometry(), m_splitter->saveState());
        saveSelection();
    }
    QMainWindow::closeEvent(event);
}

QList<Connection *> MainWindow::connections() const
{
    return m_connections->all();
}

Connection *MainWindow::currentConnection() const
{
    if (m_focus->connection())
        return m_focus->connection();
    return m_connections->all().isEmpty() ? nullptr : m_connections->all().first();
}

QString MainWindow::currentClusterId() const
{
    return m_focus->clusterId();
}

ClusterPage *MainWindow::clusterPage() const
{
    return m_pages->clusterPage();
}
LaunchForm *MainWindow::launchForm() const
{
    return m_pages->launchForm();
}
SummaryPanel *MainWindow::summaryPanel() const
{
    return m_pages->summary();
}
SlosPanel *MainWindow::slosPanel() const
{
    return m_pages->slos();
}
OverviewPanel *MainWindow::overviewPanel() const
{
    return clusterPage()->overviewPanel();
}
ExecutorsPanel *MainWindow::executorsPanel() const
{
    return clusterPage()->executorsPanel();
}
JobsPanel *MainWindow::jobsPanel() const
{
    return clusterPage()->jobsPanel();
}
ExecutorMemoryPanel *MainWindow::memoryPanel() const
{
    return clusterPage()->memoryPanel();
}
ShuffleIoPanel *MainWindow::shufflePanel() const
{
    return clusterPage()->shufflePanel();
}
IncidentsPanel *MainWindow::incidentsPanel() const
{
    return clusterPage()->incidentsPanel();
}
TelemetryWindow *MainWindow::telemetry() const
{
    return clusterPage()->telemetry();
}
DagPanel *MainWindow::dagPanel() const
{
    return clusterPage()->dagPanel();
}
TimelinePanel *MainWindow::timelinePanel() const
{
    return clusterPage()->timelinePanel();
}
CostPanel *MainWindow::costPanel() const
{
    return clusterPage()->costPanel();
}

void MainWindow::focusCluster(Connection *connection, const QString &clusterId)
{
    if (connection == m_focus->connection() && clusterId == m_focus->clusterId()) {
        showClusterPage();
        return;
    }
    m_focus->follow(connection, clusterId);
    const ConnectionCatalog catalog = m_connections->catalog(connection);
    ClusterPage *page = m_pages->clusterPage();
    page->setInstanceTypes(catalog.types.value_or(QList<InstanceType>{}));
    const int row = connection->clusters()->rowOf(clusterId);
    page->showCluster(row >= 0 ? std::optional(connection->clusters()->at(row)) : std::nullopt, catalog.samples);
    showClusterPage();
    updateConnectionViews();
    saveSelection();
}

void MainWindow::showClusterPage()
{
    m_pages->showClusterPage();
    updateFocus();
}

bool MainWindow::selectCluster(Connection *connection, const QString &clusterId)
{
    if (!m_sidebar->select(connection, clusterId))
        return false;
    focusCluster(connection, clusterId); // also when already selected: bring the cluster page forward
    return true;
}

bool MainWindow::selectClusterByName(const QString &name)
{
    for (Connection *c : m_connections->all()) {
        const int row = c->clusters()->findByName(name);
        if (row >= 0)
            return selectCluster(c, c->clusters()->at(row).id);
    }
    // Spark applications often share a name ("Spark shell"): their ids are unique.
    for (Connection *c : m_connections->all())
        if (c->clusters()->rowOf(name) >= 0)
            return selectCluster(c, name);
    return false;
}

void MainWindow::onClusterList(Connection *connection)
{
    ClusterPage *page = m_pages->clusterPage();
    if (connection == m_openedLog && connection->clusters()->rowCount() > 0) {
        m_openedLog = nullptr;
        m_restoredSelection = true;
        selectCluster(connection, connection->clusters()->at(0).id);
    }
    if (!m_restoredSelection && !m_focus->isSet()) {
        // First list: bring back the last selection, else the newest live cluster, so the window opens on
        // something useful.
        m_restoredSelection = true;
        bool selected = false;
        if (m_options.persistent) {
            ConsoleSettings settings;
            if (settings.lastConnection() == connection->url().toString()
                && selectCluster(connection, settings.lastCluster())) {
                page->tabs()->setCurrentIndex(std::clamp(settings.lastTab(), 0, page->tabs()->count() - 1));
                selected = true;
            }
        }
        if (!selected) {
            const QString first = m_sidebar->firstClusterId(connection);
            const int row = connection->clusters()->rowOf(first);
            if (row >= 0 && !isTerminal(connection->clusters()->at(row).state))
                selectCluster(connection, first);
        }
    }
    if (connection == m_focus->connection()) {
        const int row = connection->clusters()->rowOf(m_focus->clusterId());
        if (row >= 0)
            page->applyListed(connection->clusters()->at(row));
    }
    updateConnectionViews();
}

void MainWindow::showSummary()
{
    Connection *c = currentConnection();
    if (!c)
        return;
    m_pages->showSummary(c);
    m_recordEditors->updateEditable();
    updateFocus();
}

void MainWindow::showSlos()
{
    Connection *c = currentConnection();
    if (!c)
        return;
    m_pages->showSlos(c);
    m_recordEditors->updateEditable();
    updateFocus();
}

AuditPanel *MainWindow::auditPanel() const
{
    return m_pages->audit();
}

void MainWindow::showAudit()
{
    m_pages->showAudit(currentConnection());
    updateFocus();
}

void MainWindow::showLaunchForm()
{
    Connection *c = currentConnection();
    m_pages->showLaunchForm(c, c ? m_connections->catalog(c) : ConnectionCatalog{});
}

void MainWindow::openScaleDialog()
{
    m_clusterActions->openScaleDialog();
}

void MainWindow::openTerminateDialog()
{
    m_clusterActions->openTerminateDialog();
}

void MainWindow::updateConnectionViews()
{
    Connection *c = currentConnection();
    m_sidebar->refresh(c);
    updateActions();
    if (!c) {
        m_status->showNoConnection();
        return;
    }
    if (c == m_focus->connection())
        m_pages->clusterPage()->refresh();
    m_status->show(c, m_connections->localStartNote());
    if (m_pages->showsEmptyPage())
        m_pages->updateEmptyText(c);
}

void MainWindow::showPage(Page page)
{
    switch (page) {
    case Page::Launch:
        showLaunchForm();
        return;
    case Page::Summary:
        showSummary();
        return;
    case Page::Slos:
        showSlos();
        return;
    case Page::Audit:
        showAudit();
        return;
    default:
        break;
    }
    m_pages->clusterPage()->showTab(*PageStack::tabOf(page));
    if (m_focus->isSet())
        showClusterPage();
}

bool MainWindow::isReady(Page page) const
{
    return m_pages->isReady(page, currentConnection());
}

void MainWindow::showJobDag(const QString &jobId)
{
    m_pages->clusterPage()->showJobDag(jobId);
}

void MainWindow::updateFocus()
{
    m_pages->updatePolling(m_connections->all());
}

void MainWindow::saveSelection()
{
    if (m_options.persistent && m_focus->connection())
        ConsoleSettings().saveSelection(m_focus->connection()->url().toString(), m_focus->clusterId(),
                                        m_pages->clusterPage()->tabs()->currentIndex());
}

} // namespace cdeck
