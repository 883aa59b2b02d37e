// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/metricswire.h"
#include "guardedactionplanner.h"
#include "incidentevidencechart.h"
#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/triage/incident.h"
#include "core/triage/logtarget.h"
#include "core/triage/timeline.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QWidget>

#include <optional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace cdeck {

class IncidentTimeline;
class TimeChart;

// The Incidents tab: the cluster's incidents worst first (open ones on top), the selected one's evidence,
// its runbook beside it, and the guarded actions that answer it (scale up, cancel the job, terminate an
// idle cluster). An action is confirmed with what it will change before it is sent; the runtime writes
// it to the audit log. No network here: data comes in through setters, requests go out as signals.
class IncidentsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentsPanel(QWidget *parent = nullptr);

    // A guarded action planned for the selected incident: what it will change, or why it cannot run.
    using ActionPlan = GuardedActionPlan;

    void setCluster(const ClusterInfo &cluster);
    // The cluster's executors: the scale plan counts the workers not gone (running or starting), which is
    // what the runtime starts new ones against.
    void setExecutors(const QList<Executor> &executors);
    // The cluster's cost meter: the scale plan's $/h before and after (as the Scale dialog shows them).
    void setCostRates(double nowPerHour, double workerPerHour, const QString &currency);
    void setIncidents(const triage::IncidentList &incidents);
    void setRunbook(const QString &runbookId, const QString &title, const QString &markdown);
    // The cluster's timeline across layers, drawn above the list; clicking an incident on it selects it.
    void setTimeline(const triage::Timeline &timeline, const QDateTime &now);
    IncidentTimeline *timelineView() const { return m_timeline; }
    // The selected incident's evidence series, as the metrics API answered evidenceWanted; charted with the
    // incident's start (and end) marked. Series of one unit share the chart; the chooser switches units.
    // The runtime's plan for resubmitting the incident's job on a larger type (asked by planWanted).
    void setResubmitPlan(const QString &incidentId, const QJsonObject &plan, const QString &error);
    // The job an incident is about: its subject, or the job its evidence quotes ("job job-...").
    static QString jobOf(const triage::Incident &incident);
    void setEvidence(const QString &incidentId, const QList<MetricSeriesData> &series, const QString &error);
    TimeChart *evidenceChart() const { return m_chart; }
    QStringList evidenceGroups() const; // the chooser's entries for the selected incident
    void showEvidenceGroup(int index);
    // What the chart asks the metrics API for: the evidence's series and executors ("total" for the
    // cluster's), over the evidence's time range with a margin either side (never past `now`).
    static std::optional<MetricsQuery> evidenceQuery(const triage::Incident &incident, const QDateTime &now);
    void clear();

    bool hasData() const { return m_hasData; }
    int openCount() const;
    QString selectedIncidentId() const;
    bool selectIncident(const QString &incidentId);
    ActionPlan plan(const QString &kind) const;
    QString runbookShown() const { return m_runbookShown; }

    QTextBrowser *evidenceView() const { return m_details; }
    QTableWidget *table() const { return m_table; }
    // The incidents linked to a common cause (see triage::commonCauses): incident id -> its cause's id.
    QString causeOf(const QString &incidentId) const { return m_causes.value(incidentId).causeId; }
    // "14:03:12 (5 min ago)": the clock time beside the relative one.
    static QString clockAndAge(const QDateTime &at, const QDateTime &now);

    // "Show logs at this time" (a button, the list's context menu, the timeline's): only where logs can be read.
    void setLogsAvailable(bool available, const QString &whyNot = {});
    // The signed-in role may not run guarded actions (they need an operator): the buttons stay, disabled, saying
    // why. "" allows them again.
    void setActionsRefused(const QString &whyNot);
    void showLogsOfSelected(); // emits logsWanted for the selected incident
    QPushButton *showLogsButton() const { return m_showLogs; }

Q_SIGNALS:
    void runbookWanted(const QString &runbookId);
    void planWanted(const QString &incidentId, const QJsonObject &body);
    void evidenceWanted(const QString &incidentId, const cdeck::MetricsQuery &query);
    void actionConfirmed(const QJsonObject &body); // with the incident id
    void logsWanted(const cdeck::triage::LogTarget &target); // the incident's or a timeline entry's

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyleDetails();
    void addShowLogs(QHBoxLayout *row);
    void updateShowLogs();
    void showSelected();
    void setDetailsHtml(const QString &incidentId, const QString &html);
    void confirmAndRun(const QString &kind);
    const triage::Incident *selected() const;
    QString linkTitle(const QString &incidentId) const; // "Executor lost w2"

    GuardedActionPlanner m_planner;
    QSet<QString> m_plansAsked; // incidents whose resubmit plan was asked for
    bool m_userPicked = false; // the user chose the selected incident: refreshes keep it
    bool m_selecting = false; // the panel itself is selecting a row
    QString m_detailsFor; // the incident the evidence pane shows, and its html (rewritten only on change)
    QString m_detailsHtml;
    QHash<QString, triage::CommonCause> m_causes; // linked incident id -> its cause
    triage::IncidentList m_incidents;
    QHash<QString, QPair<QString, QString>> m_runbooks; // id -> (title, markdown)
    QString m_runbookShown;
    bool m_hasData = false;

    QLabel *m_summary;
    IncidentTimeline *m_timeline;
    QTableWidget *m_table;
    QTextBrowser *m_details;
    QComboBox *m_chartGroup;
    TimeChart *m_chart;
    QLabel *m_chartNote;
    IncidentEvidenceChart m_evidenceChart; // draws into the three above
    QTextBrowser *m_runbook;
    QPushButton *m_scaleUp;
    QPushButton *m_cancelJob;
    QPushButton *m_terminate;
    QPushButton *m_resubmit;
    QPushButton *m_showLogs = nullptr;
    bool m_logsAvailable = false;
    void updateActionButtons();
    QString m_actionsRefused;
};

} // namespace cdeck
