// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterevent.h"
#include "core/model/clusterinfo.h"
#include "core/model/instancecatalog.h"
#include "core/model/job.h"

#include <QWidget>
#include <optional>

class QFormLayout;
class QLabel;
class QTreeWidget;

namespace cdeck {

class EventList;

// The Overview tab: where the cluster is in its life and why, its addresses, its spec and tags, and every
// state change with its reason (the first things asked in an incident: what, since when, why), its scaling
// policy and current target, and its event list (every scaling decision with its reason and numbers).
class OverviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPanel(QWidget *parent = nullptr);

    void setCluster(const ClusterInfo &cluster, const std::optional<InstanceType> &type);
    // What the connection is when it is not a ClusterDeck runtime ("Spark event log", "YARN ResourceManager"):
    // its clusters have no launch spec, so the Engine row says this instead. Empty for a runtime.
    void setConnectionEngine(const QString &engineName);
    void setEvents(const ClusterEventList &events);
    // A Spark cluster's running applications link their driver's web UI (Job::uiUrl).
    void setJobs(const JobList &jobs);
    // When idle auto-termination fires: "after 10 min idle: terminates at 14:23:05 (in 4 min 12 s) unless a
    // job starts", or why it will not.
    static QString idleTerminationText(const ClusterInfo &cluster, const QDateTime &now);
    void clear();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStateColours(); // the state badge, in the palette's colours
    ClusterState m_shownState = ClusterState::Starting;
    QLabel *addRow(QFormLayout *form, const QString &label);

    QLabel *m_state;
    QLabel *m_reason;
    QLabel *m_id;
    QLabel *m_engine;
    QLabel *m_scheduler;
    QLabel *m_dashboard;
    QLabel *m_drivers; // Spark only: the running applications' driver UIs
    QString m_connectionEngine;
    QFormLayout *m_clusterForm;
    void updateEngineRows(EngineKind engine);
    QLabel *m_created;
    QLabel *m_ready;
    QLabel *m_ended;
    QLabel *m_workers;
    QLabel *m_type;
    QLabel *m_market;
    QLabel *m_idle;
    QLabel *m_protection;
    QLabel *m_tags;
    // The market, with a spot cluster's trailing-hour interruption count (the runtime's
    // spot_interruptions_per_h, counted from the same spot_interruption events) and its fallback.
    void updateMarket();
    QString m_marketName;
    bool m_spotCluster = false;
    QList<QDateTime> m_spotInterruptions;
    bool m_fellBack = false;
    QLabel *m_scaling;
    QLabel *m_target;
    QTreeWidget *m_history;
    EventList *m_events;
    int m_historySize = -1;
    QString m_clusterId;
};

} // namespace cdeck
