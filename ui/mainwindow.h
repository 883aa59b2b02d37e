// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"
#include "core/model/clusterinfo.h"
#include "core/model/instancecatalog.h"
#include "widgets/commandpalette.h"
#include "window/pagestack.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <optional>

class QSplitter;

namespace cdeck {

class AuditPanel;
class ClusterActions;
class ClusterPage;
class Connection;
class ConnectionRegistry;
class ConnectionStatus;
class CostPanel;
class DagPanel;
class ExecutorMemoryPanel;
class ExecutorsPanel;
class FocusedCluster;
class IncidentsPanel;
class JobsPanel;
class LaunchForm;
class OverviewPanel;
class RecordEditors;
class ShuffleIoPanel;
class SignInFlow;
class Sidebar;
class SlosPanel;
class SummaryPanel;
class TelemetryWindow;
class TimelinePanel;
class WindowMenus;

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

// The console's window, a thin shell over its parts, each with one job (ui/window/): the connections
// (ConnectionRegistry), the menus (WindowMenus), the pages on the right (PageStack), the banner and status line
// (ConnectionStatus), the cluster actions' dialogs and outcomes (ClusterActions) and the budget and SLO editors
// (RecordEditors), and signing in (SignInFlow, ui/auth/). The window itself lays them out, decides which cluster is
// focused (the Sidebar's selection, the one restored from the settings, a just launched one) and keeps the parts in
// step when that changes.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    using Page = ConsolePage;

    explicit MainWindow(const ConsoleOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests and --screenshot.
    QList<Connection *> connections() const;
    Connection *currentConnection() const;
    QString currentClusterId() const;
    bool selectCluster(Connection *connection, const QString &clusterId);
    bool selectClusterByName(const QString &name);
    void showPage(Page page);
    bool isReady(Page page) const; // the data the page shows has arrived
    ClusterPage *clusterPage() const;
    Sidebar *sidebar() const { return m_sidebar; }
    LaunchForm *launchForm() const;
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
    SummaryPanel *summaryPanel() const;
    void showSummary(); // the executive summary of the current connection's runtime
    SlosPanel *slosPanel() const;
    void showSlos(); // the current connection's SLOs
    AuditPanel *auditPanel() const;
    void showAudit(); // the current connection's audit log, its latest entries
    SignInFlow *signInFlow() const { return m_signIn; }
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
    void changeEvent(QEvent *event) override;

private:
    void wireMenus();
    void onConnectionAdded(Connection *connection);
    void onConnectionRemoving(Connection *connection);
    void focusCluster(Connection *connection, const QString &clusterId);
    void onClusterList(Connection *connection);
    void showClusterPage();
    void updateFocus();
    void updateConnectionViews();
    void updateActions();
    void saveSelection();

    ConsoleOptions m_options;
    QSplitter *m_splitter;
    Sidebar *m_sidebar;
    FocusedCluster *m_focus;
    ConnectionRegistry *m_connections;
    ConnectionStatus *m_status;
    PageStack *m_pages;
    WindowMenus *m_menus;
    ClusterActions *m_clusterActions;
    RecordEditors *m_recordEditors;
    SignInFlow *m_signIn;
    QPointer<Connection> m_openedLog; // select its application as soon as it is read
    bool m_restoredSelection = false;
};

} // namespace cdeck
