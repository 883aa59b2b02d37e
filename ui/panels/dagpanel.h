// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dag/daglayout.h"
#include "core/model/job.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGraphicsScene;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTextBrowser;
class QToolButton;

namespace cdeck {

class DagEdgeItem;
class DagNodeItem;
class DagView;

// The DAG tab: one job's graph of task groups, live while it runs.
//
// Snapshots arrive whole (setDag). When only states, counts and bytes changed, the items are updated in
// place; when nodes or edges were added, the graph is laid out again on a worker thread (QtConcurrent) with
// the previous layout as a hint, so existing nodes keep their layer and left-to-right order, and the view is
// shifted so the selected node (or the one in the middle of the view) stays where it was on screen. Only the
// newest layout request delivers its result. Fan-outs larger than the threshold are folded into one group
// node (the checkbox), so a 10,000-node graph stays readable.
class DagPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DagPanel(QWidget *parent = nullptr);
    ~DagPanel() override;

    static constexpr int kDefaultCollapseAbove = 8;

    void setJobs(const JobList &jobs); // the job chooser; picks the newest job when none is chosen
    void setCurrentJob(const QString &jobId); // shows that job's graph (empty until setDag)
    QString currentJob() const { return m_jobId; }
    void setDag(const QString &jobId, const dag::Dag &graph);
    void setDagError(const QString &jobId, const QString &message);
    void setStale(bool stale);
    void clear();

    // Selects the next node whose name or id contains `text` (members of a group count), centres the view on
    // it and shows its details. Returns false when nothing matches.
    bool search(const QString &text);
    bool selectNode(const QString &id); // a node id of the shown graph (a group's id when collapsed)
    QString selectedNodeId() const;

    // For tests and --screenshot.
    bool hasLayout() const { return m_hasLayout; }
    bool isLayoutPending() const { return m_layoutPending; }
    const dag::DagLayout &layout() const { return m_layout; }
    DagView *view() const { return m_view; }
    DagNodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    QList<DagEdgeItem *> edgeItems() const { return m_edges; }
    QString detailsText() const; // the details pane as plain text
    QString matchText() const; // "2 of 5", "no match"
    void setCollapseFanOuts(bool on, int above = kDefaultCollapseAbove);

protected:
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void jobChosen(const QString &jobId); // the user picked another job in the chooser
    void layoutApplied(); // a new layout is on screen
    void nodeSelectionChanged(); // selectedNodeId() may have changed
    void nodeOpened(const QString &nodeId); // the user double-clicked a node or pressed Enter on the selected one

private:
    void requestLayout();
    void applyLayout(const dag::DagLayout &layout, qint64 elapsedMs, quint64 ticket);
    void applyStates(const dag::Dag &shown);
    void updateDetails();
    void updateStatus();
    void updateAccessibleTexts();
    void runSearch(bool next);
    dag::LayoutOptions layoutOptions() const;
    static QString structureKey(const dag::Dag &graph);
    QString nodeIdFor(const QString &rawId) const; // the shown node holding a raw node (itself or its group)

    QComboBox *m_jobChooser;
    QLineEdit *m_search;
    QLabel *m_matches;
    QCheckBox *m_collapse;
    QSpinBox *m_collapseAbove;
    QToolButton *m_zoomIn;
    QToolButton *m_zoomOut;
    QToolButton *m_fit;
    QLabel *m_status;
    QGraphicsScene *m_scene;
    DagView *m_view;
    QTextBrowser *m_details;

    JobList m_jobs;
    QString m_jobId;
    dag::Dag m_raw; // the latest snapshot, before collapsing
    QString m_rawKey; // its structure (node ids and edges): a change means a new layout
    QString m_layoutKey; // the structure and options the current layout was made for
    dag::DagLayout m_layout;
    bool m_hasLayout = false;
    bool m_layoutPending = false;
    bool m_fitOnNextLayout = true;
    quint64 m_ticket = 0;
    qint64 m_layoutMs = 0;
    QDateTime m_updatedAt;
    QString m_error;
    bool m_stale = false;
    QHash<QString, DagNodeItem *> m_nodes;
    QList<DagEdgeItem *> m_edges;
    QHash<QString, QString> m_groupOf; // raw node id -> the group node holding it
    QStringList m_matchIds;
    int m_matchIndex = -1;
    QString m_matchFor;
};

} // namespace cdeck
