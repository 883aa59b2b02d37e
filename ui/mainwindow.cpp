// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "backend/connection.h"
#include "backend/focusedcluster.h"
#include "clusterpage.h"
#include "consolesettings.h"
#include "core/security/datapaths.h"
#include "forms/addruntimedialog.h"
#include "forms/launchform.h"
#include "forms/openlogprogress.h"
#include "forms/scaledialog.h"
#include "forms/terminatedialog.h"
#include "localruntime.h"
#include "models/clusterlistmodel.h"
#include "panels/budgetactions.h"
#include "panels/slospanel.h"
#include "forms/aboutdialog.h"
#include "panels/summarypanel.h"
#include "presentation.h"
#include "sidebar.h"
#include "theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDesktopServices>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

MainWindow::MainWindow(const ConsoleOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_splitter(new QSplitter(this))
    , m_sidebar(new Sidebar(options.runtimeUrl.isEmpty(), this))
    , m_banner(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyPage(new QWidget(this))
    , m_emptyText(new QLabel(m_emptyPage))
    , m_focus(new FocusedCluster(this))
    , m_clusterPage(new ClusterPage(m_focus, this))
    , m_launchForm(new LaunchForm(this))
    , m_summary(new SummaryPanel(this))
    , m_slos(new SlosPanel(this))
    , m_statusConnection(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("ClusterDeck"));

    connect(m_sidebar, &Sidebar::clusterSelected, this, &MainWindow::focusCluster);
    connect(m_sidebar, &Sidebar::removeRequested, this, &MainWindow::removeConnection);
    connect(m_sidebar, &Sidebar::launchRequested, this, &MainWindow::showLaunchForm);
    connect(m_sidebar, &Sidebar::addConnectionRequested, this, &MainWindow::addRemoteRuntime);
    connect(m_sidebar, &Sidebar::summaryRequested, this, &MainWindow::showSummary);
    connect(m_sidebar, &Sidebar::slosRequested, this, &MainWindow::showSlos);
    connect(m_summary, &SummaryPanel::queryChanged, this, &MainWindow::updateFocus);
    wireRecordEditors();

    // Right side: banner over a stack of pages.
    m_banner->setObjectName(u"unreachableBanner"_s);
    m_banner->setWordWrap(true);
    applyColours();
    m_banner->hide();
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addWidget(m_emptyText);
    m_stack->addWidget(m_emptyPage);
    m_stack->addWidget(m_clusterPage);
    m_stack->addWidget(m_launchForm);
    m_stack->addWidget(m_summary);
    m_stack->addWidget(m_slos);
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateFocus);

    connect(m_clusterPage, &ClusterPage::scaleRequested, this, &MainWindow::openScaleDialog);
    connect(m_clusterPage, &ClusterPage::terminateRequested, this, &MainWindow::openTerminateDialog);
    connect(m_clusterPage, &ClusterPage::tabChanged, this, [this] {
        updateFocus();
        saveSelection();
    });

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_stack, 1);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 1100});
    setCentralWidget(m_splitter);
    statusBar()->addPermanentWidget(m_statusConnection, 1);

    connect(m_launchForm, &LaunchForm::cancelled, this, [this] {
        m_stack->setCurrentWidget(m_focus->isSet() ? static_cast<QWidget *>(m_clusterPage) : m_emptyPage);
    });
    connect(m_launchForm, &LaunchForm::launchRequested, this, [this](const ClusterSpec &spec) {
        if (!m_launchConnection)
            return;
        m_launchForm->setBusy(true);
        m_launchConnection->launch(spec);
    });

    // Ages ("since 3 min") and the status line move on between snapshots.
    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, this, &MainWindow::updateConnectionViews);
    clock->start(1000);
    buildMenus();

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
    m_clusterPage->clear();
    m_stack->setCurrentWidget(m_emptyPage);
    updateConnectionViews();
}

MainWindow::~MainWindow()
{
    // Connections stop their network threads in their destructors, before the widgets they feed go away.
    m_focus->clear();
    qDeleteAll(m_connections);
}

void MainWindow::buildMenus()
{
    auto add = [this](QMenu *menu, const QString &name, const QString &text, const QKeySequence &key, auto &&slot) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        if (!key.isEmpty())
            action->setShortcut(key);
        connect(action, &QAction::triggered, this, std::forward<decltype(slot)>(slot));
        return action;
    };

    // File: connections and offline triage of a Spark event log, with no server.
    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, u"openEventLogAction"_s, tr("&Open Spark event log…"), QKeySequence::Open, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Spark event log"), QString(),
                                                          tr("Spark event logs (*);;All files (*)"));
        if (!path.isEmpty())
            openEventLog(path);
    });
    add(file, u"openEventLogDirAction"_s, tr("Open &rolling Spark event log (eventlog_v2_* directory)…"), {}, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Open a rolling Spark event log directory"));
        if (!path.isEmpty())
            openEventLog(path);
    });
    m_addConnectionAction
        = add(file, u"addConnectionAction"_s, tr("&Add runtime, Spark or YARN…"), {}, &MainWindow::addRemoteRuntime);
    m_addConnectionAction->setVisible(m_options.runtimeUrl.isEmpty());
    file->addSeparator();
    add(file, u"quitAction"_s, tr("&Quit"), QKeySequence::Quit, &QWidget::close);

    // Cluster: what the header's buttons do, for the focused cluster.
    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    m_launchAction
        = add(cluster, u"launchAction"_s, tr("&Launch cluster…"), QKeySequence::New, &MainWindow::showLaunchForm);
    m_scaleAction = add(cluster, u"scaleAction"_s, tr("&Scale…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                        &MainWindow::openScaleDialog);
    m_protectionAction = add(cluster, u"protectionAction"_s, tr("Termination &protection"), {},
                             [this](bool on) { m_focus->setProtection(on); });
    m_protectionAction->setCheckable(true);
    m_terminateAction = add(cluster, u"terminateAction"_s, tr("&Terminate…"), {}, &MainWindow::openTerminateDialog);
    cluster->addSeparator();
    add(cluster, u"refreshAction"_s, tr("&Refresh now"), QKeySequence::Refresh, [this] {
        for (Connection *c : std::as_const(m_connections))
            c->pollNow();
    });

    // View: the tabs (Alt+1..9), the sidebar's filter, the palette, the connection-wide pages.
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QTabWidget *tabs = m_clusterPage->tabs();
    for (int i = 0; i < tabs->count() && i < 9; ++i) {
        // The tab's own title, without the incident count it may carry ("Incidents (2)").
        const QString title = tabs->tabText(i).section(u" ("_s, 0, 0);
        add(view, u"tabAction%1"_s.arg(i + 1), title, QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), [this, i] {
            if (!m_focus->isSet() || !m_clusterPage->tabs()->isTabEnabled(i))
                return;
            m_clusterPage->tabs()->setCurrentIndex(i);
            showClusterPage();
        });
    }
    view->addSeparator();
    add(view, u"filterAction"_s, tr("&Filter clusters"), QKeySequence(Qt::Key_Slash),
        [this] { m_sidebar->focusFilter(); });
    add(view, u"paletteAction"_s, tr("&Go to…"), QKeySequence(Qt::CTRL | Qt::Key_K), &MainWindow::openPalette);
    view->addSeparator();
    add(view, u"summaryAction"_s, tr("&Executive summary"), {}, &MainWindow::showSummary);
    add(view, u"slosAction"_s, tr("S&LOs"), {}, &MainWindow::showSlos);
    view->addSeparator();
    // Theme: System follows the platform's palette (Qt 6.4 has no colour-scheme hint), Light and Dark set ours.
    QMenu *themeMenu = view->addMenu(tr("&Theme"));
    themeMenu->setObjectName(u"themeMenu"_s);
    auto *themes = new QActionGroup(this);
    const std::pair<theme::Choice, QString> choices[] = {{theme::Choice::System, tr("&System")},
                                                         {theme::Choice::Light, tr("&Light")},
                                                         {theme::Choice::Dark, tr("&Dark")}};
    for (const auto &[choice, text] : choices) {
        QAction *a = add(themeMenu, u"theme%1Action"_s.arg(theme::name(choice)), text, {}, [this, choice] {
            theme::apply(choice);
            if (m_options.persistent)
                ConsoleSettings().setTheme(theme::name(choice));
        });
        a->setCheckable(true);
        a->setChecked(theme::current() == choice);
        themes->addAction(a);
    }

    // Help: where the documentation is, and what this is.
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *docs = add(help, u"documentationAction"_s, tr("ClusterDeck &documentation"), QKeySequence::HelpContents,
                        [] { QDesktopServices::openUrl(AboutDialog::documentationUrl()); });
    docs->setToolTip(AboutDialog::documentationUrl().toString());
    add(help, u"aboutAction"_s, tr("&About ClusterDeck"), {}, [this] {
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    add(help, u"aboutQtAction"_s, tr("About &Qt"), {}, &QApplication::aboutQt);
}

QList<CommandPalette::Entry> MainWindow::paletteEntries()
{
    QList<CommandPalette::Entry> entries;
    for (Connection *c : std::as_const(m_connections))
        for (const ClusterInfo &info : c->clusters()->rows())
            entries.append({tr("Cluster"),
                            tr("%1 · %2 · %3").arg(info.name(), presentation::stateText(info.state), c->name()),
                            [this, c = QPointer(c), id = info.id] {
                                if (c)
                                    selectCluster(c, id);
                            }});
    for (QAction *a : menuBar()->findChildren<QAction *>()) {
        if (a->menu() || a->isSeparator() || !a->isEnabled() || !a->isVisible() || a->text().isEmpty()
            || a->objectName() == "paletteAction"_L1)
            continue;
        const QString text = QString(a->text()).remove(u'&');
        const QString kind = a->objectName().startsWith("tabAction"_L1) ? tr("Tab") : tr("Action");
        const QString shortcut = a->shortcut().toString(QKeySequence::NativeText);
        entries.append({kind, shortcut.isEmpty() ? text : tr("%1 (%2)").arg(text, shortcut), [a = QPointer(a)] {
                            if (a)
                                a->trigger();
                        }});
    }
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
    const Connection *c = currentConnection();
    const bool focused = m_focus->isSet();
    const bool manages = c && c->capabilities().managesClusters;
    const ClusterInfo &cluster = m_clusterPage->cluster();
    const bool live = focused && !isTerminal(cluster.state) && cluster.state != ClusterState::Terminating;
    const bool managed = focused && m_focus->connection()->managesClusters();
    m_launchAction->setEnabled(manages);
    m_scaleAction->setEnabled(managed && isActive(cluster.state));
    m_terminateAction->setEnabled(managed && live && !cluster.spec.terminationProtection);
    m_protectionAction->setEnabled(managed && live);
    m_protectionAction->setChecked(cluster.spec.terminationProtection);
}

void MainWindow::applyColours()
{
    const QPalette pal = palette();
    presentation::restyle(m_banner,
                          u"QLabel { background: %1; color: %2; border: 1px solid %3;"
                          " border-radius: 4px; padding: 8px; font-weight: bold; }"_s.arg(
                              presentation::cssColor(presentation::tone(presentation::Tone::DangerSurface, pal)),
                              presentation::cssColor(presentation::tone(presentation::Tone::Danger, pal)),
                              presentation::cssColor(presentation::tone(presentation::Tone::DangerBorder, pal))));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (presentation::isPaletteChange(event)) {
        applyColours();
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

Connection *MainWindow::currentConnection() const
{
    if (m_focus->connection())
        return m_focus->connection();
    return m_connections.isEmpty() ? nullptr : m_connections.first();
}

QString MainWindow::currentClusterId() const
{
    return m_focus->clusterId();
}

OverviewPanel *MainWindow::overviewPanel() const { return m_clusterPage->overviewPanel(); }
ExecutorsPanel *MainWindow::executorsPanel() const { return m_clusterPage->executorsPanel(); }
JobsPanel *MainWindow::jobsPanel() const { return m_clusterPage->jobsPanel(); }
ExecutorMemoryPanel *MainWindow::memoryPanel() const { return m_clusterPage->memoryPanel(); }
ShuffleIoPanel *MainWindow::shufflePanel() const { return m_clusterPage->shufflePanel(); }
IncidentsPanel *MainWindow::incidentsPanel() const { return m_clusterPage->incidentsPanel(); }
TelemetryWindow *MainWindow::telemetry() const { return m_clusterPage->telemetry(); }
DagPanel *MainWindow::dagPanel() const { return m_clusterPage->dagPanel(); }
TimelinePanel *MainWindow::timelinePanel() const { return m_clusterPage->timelinePanel(); }
CostPanel *MainWindow::costPanel() const { return m_clusterPage->costPanel(); }

void MainWindow::addConnection(Connection *connection)
{
    m_connections.append(connection);
    m_sidebar->addConnection(connection, !connection->isLocal() && m_options.runtimeUrl.isEmpty());
    connect(connection, &Connection::stateChanged, this, &MainWindow::updateConnectionViews);
    connect(connection, &Connection::clusterListUpdated, this, [this, connection] { onClusterList(connection); });
    wireFeed(connection);
}

void MainWindow::wireFeed(Connection *connection)
{
    // What is not per cluster: the cluster page's snapshots come through m_focus.
    const ClusterFeed *feed = connection->feed();
    connect(feed, &ClusterFeed::slosReady, this, [this, connection](const QList<triage::SloStatus> &list) {
        if (connection == m_slosConnection)
            m_slos->setSlos(list);
    });
    connect(feed, &ClusterFeed::costSummaryReady, this, [this, connection](const QJsonObject &summary) {
        if (connection == m_summaryConnection)
            m_summary->setSummary(summary);
    });
    connect(feed, &ClusterFeed::instanceTypesReady, this,
            [this, connection](const QList<InstanceType> &types, const QString &defaultType) {
                m_types.insert(connection, types);
                m_defaultTypes.insert(connection, defaultType);
                if (connection == m_launchConnection)
                    m_launchForm->setInstanceTypes(types, defaultType);
                if (connection == m_focus->connection())
                    m_clusterPage->setInstanceTypes(types);
            });
    connect(feed, &ClusterFeed::enginesReady, this, [this, connection](const QList<EngineAvailability> &engines) {
        m_engines.insert(connection, engines);
        if (connection == m_launchConnection)
            m_launchForm->setEngines(engines);
    });
    connect(feed, &ClusterFeed::samplesReady, this, [this, connection](const QList<SampleInfo> &samples) {
        m_samples.insert(connection, samples);
        if (connection == m_focus->connection())
            m_clusterPage->setSamples(samples);
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
    if (connection == m_focus->connection()) {
        m_focus->clear();
        m_clusterPage->clear();
        if (m_stack->currentWidget() == m_clusterPage)
            m_stack->setCurrentWidget(m_emptyPage);
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
    m_sidebar->removeConnection(connection);
    m_connections.removeOne(connection);
    m_types.remove(connection);
    m_samples.remove(connection);
    m_engines.remove(connection);
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
    // Cancel: forget the connection (its reader stops); the selection and pages stay as they were.
    connect(new OpenLogProgress(connection, this), &OpenLogProgress::cancelled, this, [this, connection] {
        if (m_openedLog == connection)
            m_openedLog = nullptr;
        removeConnection(connection);
        statusBar()->showMessage(tr("Opening the event log was cancelled."), 5000);
    });
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

void MainWindow::focusCluster(Connection *connection, const QString &clusterId)
{
    if (connection == m_focus->connection() && clusterId == m_focus->clusterId()) {
        showClusterPage();
        return;
    }
    m_focus->follow(connection, clusterId);
    m_clusterPage->setInstanceTypes(m_types.value(connection));
    const int row = connection->clusters()->rowOf(clusterId);
    m_clusterPage->showCluster(row >= 0 ? std::optional(connection->clusters()->at(row)) : std::nullopt,
                               m_samples.contains(connection) ? std::optional(m_samples.value(connection)) : std::nullopt);
    showClusterPage();
    updateConnectionViews();
    saveSelection();
}

void MainWindow::showClusterPage()
{
    m_stack->setCurrentWidget(m_clusterPage);
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
    if (!m_restoredSelection && !m_focus->isSet()) {
        // First list: bring back the last selection, else the newest live cluster, so the window opens on
        // something useful.
        m_restoredSelection = true;
        bool selected = false;
        if (m_options.persistent) {
            ConsoleSettings settings;
            if (settings.lastConnection() == connection->url().toString()
                && selectCluster(connection, settings.lastCluster())) {
                m_clusterPage->tabs()->setCurrentIndex(std::clamp(settings.lastTab(), 0, m_clusterPage->tabs()->count() - 1));
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
            m_clusterPage->applyListed(connection->clusters()->at(row));
    }
    updateConnectionViews();
}

void MainWindow::showSummary()
{
    Connection *c = currentConnection();
    if (!c)
        return;
    if (c != m_summaryConnection)
        m_summary->clear();
    m_summaryConnection = c;
    updateRecordEditors();
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
    updateRecordEditors();
    m_stack->setCurrentWidget(m_slos);
    updateFocus();
}

void MainWindow::updateConnectionViews()
{
    Connection *c = currentConnection();
    m_sidebar->refresh(c);
    updateActions();
    if (!c) {
        m_banner->hide();
        m_statusConnection->setText(tr("No runtime configured."));
        return;
    }
    updateBanner(c);
    if (c == m_focus->connection())
        m_clusterPage->refresh();
    updateStatus(c);
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

void MainWindow::updateBanner(Connection *c)
{
    // The banner speaks for the connection of the page on screen.
    QString banner;
    const QString server = c->capabilities().serverName;
    if (c->state() == ConnectionState::Unreachable) {
        const QString since = presentation::formatTime(c->unreachableSince());
        const QString retrySeconds = QString::number(ClusterFeed::kUnreachablePollMs / 1000);
        banner = c->hasClusterList()
            ? tr("⚠ %1 at %2 is not answering (%3) since %4. Showing the last data, received at %5, greyed as stale. "
                 "Retrying every %6 s.")
                  .arg(server, c->url().toString(), c->stateMessage(), since,
                       presentation::formatTime(c->lastAnswerAt()), retrySeconds)
            : tr("⚠ %1 at %2 is not answering (%3) since %4. Retrying every %5 s.")
                  .arg(server, c->url().toString(), c->stateMessage(), since, retrySeconds);
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
}

void MainWindow::updateStatus(Connection *c)
{
    int live = 0;
    for (const ClusterInfo &info : c->clusters()->rows())
        live += isTerminal(info.state) ? 0 : 1;
    QString status = tr("%1 %2 (%3): ").arg(Sidebar::stateDot(c->state()), c->name().toHtmlEscaped(),
                                            c->url().toString().toHtmlEscaped());
    switch (c->state()) {
    case ConnectionState::Connecting:
        status += tr("connecting…");
        break;
    case ConnectionState::Connected:
        status += tr("connected · %n cluster(s), %1 live · updated %2", nullptr, int(c->clusters()->rowCount()))
                      .arg(live)
                      .arg(c->lastAnswerAt().toString(u"HH:mm:ss"_s));
        break;
    case ConnectionState::Unreachable:
        status += tr("unreachable for %1")
                      .arg(presentation::formatDuration(c->unreachableSince().msecsTo(QDateTime::currentDateTime()) / 1000.0));
        break;
    case ConnectionState::Unauthorized:
        status += tr("token refused");
        break;
    }
    m_statusConnection->setText(status);
}

namespace {
// The cluster page's tab that shows a page of --page; none for the pages outside it.
std::optional<ClusterPage::Tab> tabOf(MainWindow::Page page)
{
    switch (page) {
    case MainWindow::Page::Overview:
        return ClusterPage::Tab::Overview;
    case MainWindow::Page::Executors:
        return ClusterPage::Tab::Executors;
    case MainWindow::Page::Jobs:
        return ClusterPage::Tab::Jobs;
    case MainWindow::Page::Memory:
        return ClusterPage::Tab::Memory;
    case MainWindow::Page::Shuffle:
        return ClusterPage::Tab::Shuffle;
    case MainWindow::Page::Dag:
        return ClusterPage::Tab::Dag;
    case MainWindow::Page::Timeline:
        return ClusterPage::Tab::Timeline;
    case MainWindow::Page::Incidents:
        return ClusterPage::Tab::Incidents;
    case MainWindow::Page::Cost:
        return ClusterPage::Tab::Cost;
    case MainWindow::Page::Logs:
        return ClusterPage::Tab::Logs;
    case MainWindow::Page::Launch:
    case MainWindow::Page::Summary:
    case MainWindow::Page::Slos:
        break;
    }
    return std::nullopt;
}
} // namespace

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
    default:
        break;
    }
    m_clusterPage->showTab(*tabOf(page));
    if (m_focus->isSet())
        showClusterPage();
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
    if (!m_focus->isSet())
        return c->clusters()->rowCount() == 0 || m_stack->currentWidget() == m_emptyPage;
    return m_clusterPage->isReady(*tabOf(page));
}

void MainWindow::showJobDag(const QString &jobId)
{
    m_clusterPage->showJobDag(jobId);
}

void MainWindow::showLaunchForm()
{
    m_launchConnection = currentConnection();
    if (!m_launchConnection || !m_launchConnection->managesClusters())
        return; // the button is disabled then, its tooltip says why
    m_launchForm->setRuntimeName(m_launchConnection->name());
    if (m_types.contains(m_launchConnection))
        m_launchForm->setInstanceTypes(m_types.value(m_launchConnection), m_defaultTypes.value(m_launchConnection));
    if (m_engines.contains(m_launchConnection))
        m_launchForm->setEngines(m_engines.value(m_launchConnection));
    // Asked on every opening: Spark installed while the console runs is offered the next time.
    m_launchConnection->fetchCatalog();
    if (m_stack->currentWidget() != m_launchForm)
        m_launchForm->reset();
    m_stack->setCurrentWidget(m_launchForm);
}

void MainWindow::openScaleDialog()
{
    Connection *connection = m_focus->connection();
    if (!m_focus->isSet())
        return;
    const ClusterInfo &cluster = m_clusterPage->cluster();
    std::optional<InstanceType> type;
    for (const InstanceType &t : m_types.value(connection))
        if (t.name == cluster.spec.instanceType)
            type = t;
    auto *dialog = new ScaleDialog(cluster, type, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto meter = connection->clusters()->meter(m_focus->clusterId()))
        dialog->setCostRates(meter->ratePerHour, meter->workerRatePerHour, meter->currency);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, connection = QPointer(connection), id = m_focus->clusterId(), name = cluster.name()] {
                if (!connection)
                    return;
                const std::optional<int> target = dialog->targetChanged() ? std::optional(dialog->target()) : std::nullopt;
                // The policy first, the target only once it is accepted: a target inside new bounds would
                // otherwise be refused by the old ones.
                if (dialog->policyChanged()) {
                    connection->setScalingPolicy(id, dialog->policy(), target);
                    statusBar()->showMessage(tr("Scaling policy of %1: %2").arg(name, dialog->policy().summary()), 5000);
                } else if (target) {
                    connection->scale(id, *target);
                    statusBar()->showMessage(tr("Scaling %1 to %n worker(s)…", nullptr, *target).arg(name), 5000);
                }
            });
    dialog->open();
}

void MainWindow::openTerminateDialog()
{
    const ClusterInfo &cluster = m_clusterPage->cluster();
    if (!m_focus->isSet() || cluster.spec.terminationProtection)
        return;
    auto *dialog = new TerminateDialog(cluster, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, connection = QPointer(m_focus->connection()), id = m_focus->clusterId(), name = cluster.name()] {
                if (connection) {
                    connection->terminate(id);
                    statusBar()->showMessage(tr("Terminating %1…").arg(name), 5000);
                }
            });
    dialog->open();
}

void MainWindow::onAction(Connection *connection, const ActionResult &r)
{
    if (onRecordAction(connection, r))
        return;
    if (r.action == "launch"_L1) {
        if (!r.ok) {
            m_launchForm->showRefusal(r.message, r.fields);
            return;
        }
        // The cluster shows at once as the runtime described it (STARTING); polling moves it on.
        const ClusterInfo created = ClusterInfo::fromJson(r.body.toObject());
        connection->clusters()->upsert(created);
        m_launchForm->setBusy(false);
        m_clusterPage->showTab(ClusterPage::Tab::Overview);
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
        if (connection == m_focus->connection() && updated.id == m_focus->clusterId())
            m_clusterPage->applyCluster(updated);
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

void MainWindow::updateFocus()
{
    // The cluster page tells its connection what to poll for the focused cluster; the window the rest.
    m_clusterPage->setOnScreen(m_stack->currentWidget() == m_clusterPage);
    for (Connection *c : std::as_const(m_connections)) {
        c->setCostFocus(c == m_focus->connection() && m_clusterPage->costShown(),
                        c == m_summaryConnection && m_stack->currentWidget() == m_summary, m_summary->query());
        c->setSlosFocus(c == m_slosConnection && m_stack->currentWidget() == m_slos);
    }
}

void MainWindow::saveSelection()
{
    if (m_options.persistent && m_focus->connection())
        ConsoleSettings().saveSelection(m_focus->connection()->url().toString(), m_focus->clusterId(),
                                        m_clusterPage->tabs()->currentIndex());
}

void MainWindow::wireRecordEditors()
{
    BudgetActions *budgets = m_summary->budgetActions();
    connect(budgets, &BudgetActions::saveRequested, this, [this](const QJsonObject &budget, const QString &replacing) {
        if (m_summaryConnection)
            m_summaryConnection->saveBudget(budget, replacing);
    });
    connect(budgets, &BudgetActions::deleteRequested, this, [this](const QString &tag) {
        if (m_summaryConnection)
            m_summaryConnection->deleteBudget(tag);
    });
    connect(m_slos, &SlosPanel::saveRequested, this, [this](const QJsonObject &definition, const QString &replacing) {
        if (m_slosConnection)
            m_slosConnection->saveSlo(definition, replacing);
    });
    connect(m_slos, &SlosPanel::deleteRequested, this, [this](const QString &sloId) {
        if (m_slosConnection)
            m_slosConnection->deleteSlo(sloId);
    });
}

void MainWindow::updateRecordEditors()
{
    const auto editable = [](Connection *c) { return c && c->capabilities().editsBudgetsAndSlos; };
    const auto whyNot = [](Connection *c) {
        return c ? tr("%1 keeps no budgets or SLOs: a ClusterDeck runtime does.").arg(c->capabilities().serverName)
                 : QString();
    };
    m_summary->budgetActions()->setEditable(editable(m_summaryConnection), whyNot(m_summaryConnection));
    m_slos->setEditable(editable(m_slosConnection), whyNot(m_slosConnection));
}

bool MainWindow::onRecordAction(Connection *connection, const ActionResult &r)
{
    const bool budget = r.action == "budget"_L1 || r.action == "budget-delete"_L1;
    const bool slo = r.action == "slo"_L1 || r.action == "slo-delete"_L1;
    if (!budget && !slo)
        return false;
    if (r.action == "budget"_L1 && connection == m_summaryConnection)
        m_summary->budgetActions()->showSaveAnswer(r.ok, r.message);
    if (r.action == "slo"_L1 && connection == m_slosConnection)
        m_slos->showSaveAnswer(r.ok, r.message);
    if (r.ok) {
        statusBar()->showMessage(r.action == "budget"_L1              ? tr("Budget saved.")
                                     : r.action == "budget-delete"_L1 ? tr("Budget removed.")
                                     : r.action == "slo"_L1           ? tr("SLO saved.")
                                                                      : tr("SLO removed."),
                                 5000);
        connection->pollNow();
    } else if (r.action.endsWith("-delete"_L1)) {
        // A save's refusal shows in its editor, which stays open; a removal has no editor to show it in.
        const QString what = budget ? tr("Removing the budget was refused") : tr("Removing the SLO was refused");
        auto *box
            = new QMessageBox(QMessageBox::Warning, what, tr("%1: %2").arg(what, r.message), QMessageBox::Ok, this);
        box->setObjectName(u"recordRefusal"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return true;
}

} // namespace cdeck
