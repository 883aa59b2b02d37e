// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"
#include "core/model/clusterinfo.h"
#include "core/model/instancecatalog.h"
#include "widgets/commandpalette.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <optional>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace cdeck {

class ClusterPage;
class Connection;
class CostPanel;
class DagPanel;
class ExecutorMemoryPanel;
class ExecutorsPanel;
class FocusedCluster;
class IncidentsPanel;
class JobsPanel;
class LaunchForm;
class OverviewPanel;
class ShuffleIoPanel;
class Sidebar;
class SlosPanel;
class SummaryPanel;
class TelemetryWindow;
class TimelinePanel;

struct ConsoleOptions
{
    QUrl runtimeUrl; // set: talk to this runtime only (no local runtime, no saved remotes)
    QString tokenFile;
    ConnectionKind connection = ConnectionKind::Runtime; // what runtimeUrl is: Runtime, Spark or Yarn
    QString yarnUser; // YARN user.name for kills
    bool startLocalRuntime = true; // start clusterdeck-runtime when nothing answers on the local port
    bool persistent = true; // read and write QSettings (off for --screenshot and tests)
    // Spark event logs (files or eventlog_v2_* directories) to open: the window shows only these, no runtime.
    QStringList eventLogs;
};

// The console's window, a thin shell: the connections (each a Connection with its feed on a network thread),
// the Sidebar listing them and their clusters, and a stack of pages on the right: the focused cluster's
// ClusterPage (fed through a FocusedCluster), the launch form, the executive summary and the SLOs. It decides
// which cluster is focused and which page is on screen, runs the dialogs and reports the actions' outcomes.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Overview, Executors, Jobs, Launch, Memory, Shuffle, Dag, Timeline, Incidents, Cost, Summary, Slos, Logs };

    explicit MainWindow(const ConsoleOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests and --screenshot.
    QList<Connection *> connections() const { return m_connections; }
    Connection *currentConnection() const;
    QString currentClusterId() const;
    bool selectCluster(Connection *connection, const QString &clusterId);
    bool selectClusterByName(const QString &name);
    void showPage(Page page);
    bool isReady(Page page) const; // the data the page shows has arrived
    ClusterPage *clusterPage() const { return m_clusterPage; }
    Sidebar *sidebar() const { return m_sidebar; }
    LaunchForm *launchForm() const { return m_launchForm; }
    OverviewPanel *overviewPanel() const;
    ExecutorsPanel *executorsPanel() const;
    JobsPanel *jobsPanel() const;
    ExecutorMemoryPanel *memoryPanel() const;
    ShuffleIoPanel *shufflePanel() const;
    IncidentsPanel *incidentsPanel() const;
    TelemetryWindow *telemetry() const;
    DagPanel *dagPanel() const;
    TimelinePanel *timelinePanel() const;
    void showJobDag(const QString &jobId); // the DAG tab on that job
    CostPanel *costPanel() const;
    SummaryPanel *summaryPanel() const { return m_summary; }
    void showSummary(); // the executive summary of the current connection's runtime
    SlosPanel *slosPanel() const { return m_slos; }
    void showSlos(); // the current connection's SLOs
    void showLaunchForm();
    // File > Open Spark event log…: read on a worker thread, shown as a connection of its own, selected once read.
    Connection *openEventLog(const QString &path);
    void openScaleDialog();
    void openTerminateDialog();
    void openPalette(); // Ctrl+K
    // What the palette lists now: every cluster of every connection, then the enabled menu actions and tabs.
    QList<CommandPalette::Entry> paletteEntries();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void addConnection(Connection *connection);
    void removeConnection(Connection *connection);
    void addRemoteRuntime();
    void wireFeed(Connection *connection);
    void focusCluster(Connection *connection, const QString &clusterId);
    void onClusterList(Connection *connection);
    void onAction(Connection *connection, const ActionResult &result);
    // Budgets (the summary page) and SLOs (the SLOs page): the editors' requests to the page's connection, and
    // the answers back to them. onRecordAction is true when the result was one of theirs.
    void wireRecordEditors();
    void updateRecordEditors();
    bool onRecordAction(Connection *connection, const ActionResult &result);
    void showClusterPage();
    void updateFocus();
    void updateConnectionViews();
    void updateBanner(Connection *c);
    void updateStatus(Connection *c);
    void saveSelection();
    void updateActions();

    ConsoleOptions m_options;
    QList<Connection *> m_connections;
    QHash<Connection *, QList<InstanceType>> m_types;
    QHash<Connection *, QString> m_defaultTypes;
    QHash<Connection *, QList<SampleInfo>> m_samples;
    QHash<Connection *, QList<EngineAvailability>> m_engines;

    QSplitter *m_splitter;
    Sidebar *m_sidebar;
    QLabel *m_banner;
    QStackedWidget *m_stack;
    QWidget *m_emptyPage;
    QLabel *m_emptyText;
    FocusedCluster *m_focus;
    ClusterPage *m_clusterPage;
    LaunchForm *m_launchForm;
    SummaryPanel *m_summary;
    SlosPanel *m_slos;
    QPointer<Connection> m_slosConnection;
    QPointer<Connection> m_summaryConnection;
    QLabel *m_statusConnection;
    QAction *m_addConnectionAction = nullptr;
    QAction *m_launchAction = nullptr;
    QAction *m_scaleAction = nullptr;
    QAction *m_protectionAction = nullptr;
    QAction *m_terminateAction = nullptr;
    Connection *m_launchConnection = nullptr;
    QPointer<Connection> m_openedLog; // select its application as soon as it is read
    bool m_restoredSelection = false;
    QString m_localStartNote;
};

} // namespace cdeck
