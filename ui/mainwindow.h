// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"
#include "core/model/clusterinfo.h"
#include "core/model/instancecatalog.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <optional>

class QLabel;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QVBoxLayout;

namespace cdeck {

class Connection;
class DagPanel;
class CostPanel;
class ExecutorsPanel;
class JobsPanel;
class IncidentsPanel;
class LaunchForm;
class OverviewPanel;
class ExecutorMemoryPanel;
class ShuffleIoPanel;
class TelemetryWindow;
class TimelinePanel;
class SummaryPanel;
class SlosPanel;

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

// The console's window: connections and their clusters on the left, the selected cluster's pages on the
// right (Overview, Executors, Jobs), or the launch form. All runtime I/O goes through Connection (network
// thread); this class only reacts to snapshots and user input on the GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Overview, Executors, Jobs, Launch, Memory, Shuffle, Dag, Timeline, Incidents, Cost, Summary, Slos };

    explicit MainWindow(const ConsoleOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests and --screenshot.
    QList<Connection *> connections() const { return m_connections; }
    Connection *currentConnection() const;
    QString currentClusterId() const { return m_clusterId; }
    bool selectCluster(Connection *connection, const QString &clusterId);
    bool selectClusterByName(const QString &name);
    void showPage(Page page);
    bool isReady(Page page) const; // the data the page shows has arrived
    LaunchForm *launchForm() const { return m_launchForm; }
    OverviewPanel *overviewPanel() const { return m_overview; }
    ExecutorsPanel *executorsPanel() const { return m_executors; }
    JobsPanel *jobsPanel() const { return m_jobs; }
    ExecutorMemoryPanel *memoryPanel() const { return m_memory; }
    ShuffleIoPanel *shufflePanel() const { return m_shuffle; }
    IncidentsPanel *incidentsPanel() const { return m_incidents; }
    TelemetryWindow *telemetry() const { return m_telemetry; }
    DagPanel *dagPanel() const { return m_dagPanel; }
    TimelinePanel *timelinePanel() const { return m_timeline; }
    void showJobDag(const QString &jobId); // the DAG tab on that job
    CostPanel *costPanel() const { return m_cost; }
    SummaryPanel *summaryPanel() const { return m_summary; }
    void showSummary(); // the executive summary of the current connection's runtime
    SlosPanel *slosPanel() const { return m_slos; }
    void showSlos(); // the current connection's SLOs
    void showLaunchForm();
    // File > Open Spark event log…: read on a worker thread, shown as a connection of its own, selected once read.
    Connection *openEventLog(const QString &path);
    void openScaleDialog();
    void openTerminateDialog();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Section
    {
        Connection *connection = nullptr;
        QWidget *box = nullptr;
        QLabel *header = nullptr;
        QListView *list = nullptr;
        QSortFilterProxyModel *proxy = nullptr;
    };

    void addConnection(Connection *connection);
    void removeConnection(Connection *connection);
    void addRemoteRuntime();
    void wireFeed(Connection *connection);
    void onSelectionChanged(Connection *connection);
    void onClusterList(Connection *connection);
    void onAction(Connection *connection, const ActionResult &result);
    void updateFocus();
    void updateDagFocus();
    void updateHeader();
    void updateConnectionViews();
    void applyCluster(const ClusterInfo &cluster);
    void clearClusterPages();
    std::optional<InstanceType> typeOf(Connection *connection, const QString &name) const;
    void saveSelection();
    Section *sectionOf(Connection *connection);
    void updateMetricsFollow();
    bool telemetryTabShown() const;

    ConsoleOptions m_options;
    QList<Connection *> m_connections;
    QList<Section> m_sections;
    QHash<Connection *, QList<InstanceType>> m_types;
    QHash<Connection *, QString> m_defaultTypes;
    QHash<Connection *, QList<SampleInfo>> m_samples;

    QSplitter *m_splitter;
    QVBoxLayout *m_sidebarLayout;
    QPushButton *m_launch;
    QPushButton *m_addRuntime;
    QLabel *m_banner;
    QStackedWidget *m_stack;
    QWidget *m_emptyPage;
    QLabel *m_emptyText;
    QWidget *m_clusterPage;
    QLabel *m_title;
    QLabel *m_badge;
    QLabel *m_stateLine;
    QLabel *m_protectionNote;
    QPushButton *m_scale;
    QPushButton *m_terminate;
    QPushButton *m_protection;
    QTabWidget *m_tabs;
    OverviewPanel *m_overview;
    ExecutorsPanel *m_executors;
    JobsPanel *m_jobs;
    DagPanel *m_dagPanel;
    TimelinePanel *m_timeline;
    LaunchForm *m_launchForm;
    CostPanel *m_cost;
    SummaryPanel *m_summary;
    SlosPanel *m_slos;
    QPointer<Connection> m_slosConnection;
    QLabel *m_meter; // the selected cluster's cost meter, in the title row
    QPointer<Connection> m_summaryConnection;
    QLabel *m_statusConnection;
    TelemetryWindow *m_telemetry;
    ExecutorMemoryPanel *m_memory;
    ShuffleIoPanel *m_shuffle;
    IncidentsPanel *m_incidents;
    void updateIncidentsTab();
    bool m_telemetryWanted = false; // a metrics tab was opened for this cluster: follow its stream from then on
    quint64 m_followedTicket = 0;

    QPointer<Connection> m_connection; // the selected cluster's connection
    QString m_clusterId;
    ClusterInfo m_cluster; // the latest known state of the selected cluster
    bool m_haveDetail = false;
    bool m_haveExecutors = false;
    bool m_haveEvents = false; // the focused cluster's event list (overview, chart markers)
    bool m_haveJobs = false;
    QHash<QString, JobState> m_jobStates; // the selected cluster's jobs, for which DAGs still change
    QSet<QString> m_finalDags; // jobs whose DAG arrived after they ended: no need to fetch it again
    Connection *m_launchConnection = nullptr;
    QPointer<Connection> m_openedLog; // select its application as soon as it is read
    bool m_restoredSelection = false;
    QString m_localStartNote;
};

} // namespace cdeck
