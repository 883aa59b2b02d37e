// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"
#include "core/triage/logtarget.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTabWidget;

namespace cdeck {

class Connection;
class CostPanel;
class DagPanel;
class ExecutorMemoryPanel;
class ExecutorsPanel;
class FocusedCluster;
class IncidentsPanel;
class JobsPanel;
class LogsPanel;
class OverviewPanel;
class ShuffleIoPanel;
class SparkStagePage;
class SqlPage;
class EnvironmentPage;
class TelemetryWindow;
class TimelinePanel;

// The focused cluster's page: its header (name, state badge, state line, cost meter, scale/terminate/protection)
// and its tabs. Fed only through a FocusedCluster (which re-emits that cluster's snapshots and nothing else);
// words what a connection cannot do from its feed's capabilities. The window decides which cluster is
// focused and whether the page is on screen.
class ClusterPage : public QWidget
{
    Q_OBJECT
public:
    enum class Tab {
        Overview,
        Executors,
        Jobs,
        Memory,
        Shuffle,
        Incidents,
        Dag,
        Timeline,
        Cost,
        Logs
    }; // the tabs' order

    explicit ClusterPage(FocusedCluster *focus, QWidget *parent = nullptr);

    // A newly focused cluster (focus() already follows it): every panel starts over. listed: its row of the
    // connection's cluster list, if any.
    // samples: the connection's, if its catalog has come.
    void showCluster(const std::optional<ClusterInfo> &listed, const std::optional<QList<SampleInfo>> &samples);
    void clear();
    // The focused connection's catalog, when it arrives.
    void setInstanceTypes(const QList<InstanceType> &types);
    void setSamples(const QList<SampleInfo> &samples);
    // A newer cluster list: the list has no history, so the detail's is kept, and an older state never wins.
    void applyListed(const ClusterInfo &listed);
    void applyCluster(const ClusterInfo &cluster);
    const ClusterInfo &cluster() const { return m_cluster; }

    // Ages, the cost meter and staleness move on between snapshots: the window calls this every second.
    void refresh();
    // Whether the page is on screen; the focused connection is told what to poll.
    void setOnScreen(bool onScreen);
    bool isOnScreen() const { return m_onScreen; }
    bool costShown() const;

    void showTab(Tab tab);
    // "Show logs at this time" from the Incidents or Timeline tab: the Logs tab on that log at that time.
    void showLogsAt(const triage::LogTarget &target);
    void showJobDag(const QString &jobId);
    // An event log's stage page (its tasks, quantiles, executors, failures) in a window of its own, brought to the
    // front if open; nullptr when the focused connection is not an event log.
    SparkStagePage *openStagePage(int stageId, int attemptId);
    // An event log's SQL executions (plans as graphs) and environment, each in a window of its own.
    SqlPage *openSqlPage();
    EnvironmentPage *openEnvironmentPage();
    bool isReady(Tab tab) const; // the data the tab shows has arrived
    QTabWidget *tabs() const { return m_tabs; }
    FocusedCluster *focus() const { return m_focus; }

    OverviewPanel *overviewPanel() const { return m_overview; }
    ExecutorsPanel *executorsPanel() const { return m_executors; }
    JobsPanel *jobsPanel() const { return m_jobs; }
    ExecutorMemoryPanel *memoryPanel() const { return m_memory; }
    ShuffleIoPanel *shufflePanel() const { return m_shuffle; }
    IncidentsPanel *incidentsPanel() const { return m_incidents; }
    TelemetryWindow *telemetry() const { return m_telemetry; }
    DagPanel *dagPanel() const { return m_dagPanel; }
    TimelinePanel *timelinePanel() const { return m_timeline; }
    CostPanel *costPanel() const { return m_cost; }
    LogsPanel *logsPanel() const { return m_logs; }

Q_SIGNALS:
    void scaleRequested();
    void terminateRequested();
    void tabChanged(); // also when the page starts over on another cluster's data
    void openIncidentsChanged(int open); // the open incidents of the focused cluster

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();
    void wire();
    void updateHeader();
    void updateJobControls(); // submit and cancel: what the connection and the signed-in role allow
    void updateIncidentsTab();
    void updateFocus();
    void updateDagFocus();
    void updateMetricsFollow();
    bool telemetryTabShown() const;
    std::optional<InstanceType> typeOf(const QString &name) const;
    Connection *connection() const;
    void closeStagePages(); // another cluster, or none: its stage, SQL and environment windows go
    template <typename Page> Page *openLogWindow(QPointer<QWidget> &slot);

    FocusedCluster *m_focus;
    QLabel *m_title;
    QLabel *m_badge;
    QLabel *m_stateLine;
    QLabel *m_protectionNote;
    QLabel *m_meter;
    QPushButton *m_scale;
    QPushButton *m_terminate;
    QPushButton *m_protection;
    QTabWidget *m_tabs;
    OverviewPanel *m_overview;
    ExecutorsPanel *m_executors;
    JobsPanel *m_jobs;
    TelemetryWindow *m_telemetry;
    ExecutorMemoryPanel *m_memory;
    ShuffleIoPanel *m_shuffle;
    IncidentsPanel *m_incidents;
    DagPanel *m_dagPanel;
    TimelinePanel *m_timeline;
    CostPanel *m_cost;
    LogsPanel *m_logs;

    QList<InstanceType> m_types;
    ClusterInfo m_cluster; // the latest known state of the focused cluster
    bool m_onScreen = false;
    bool m_haveDetail = false;
    bool m_haveExecutors = false;
    bool m_haveEvents = false; // the event list (overview, chart markers)
    bool m_haveJobs = false;
    bool m_haveSamples = false;
    QList<SampleInfo> m_allSamples; // every engine's; the job form offers the focused cluster's engine's
    std::optional<EngineKind> m_samplesEngine; // whose samples the job form shows now
    void offerSamples();
    bool m_telemetryWanted = false; // a metrics tab was opened for this cluster: follow its stream from then on
    quint64 m_followedTicket = 0;
    QHash<QString, JobState> m_jobStates; // for which DAGs still change
    QSet<QString> m_finalDags; // jobs whose DAG arrived after they ended: no need to fetch it again
    QString m_whyNotCancel; // the signed-in role's, as last given to the jobs panel
    QList<QPushButton *> m_logButtons; // SQL queries…, Environment…: event logs only
    QPointer<QWidget> m_sqlPage;
    QPointer<QWidget> m_environmentPage;
    QHash<QPair<int, int>, QPointer<SparkStagePage>> m_stagePages; // by (stage, attempt), of the focused log
};

} // namespace cdeck
