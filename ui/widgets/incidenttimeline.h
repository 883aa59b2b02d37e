// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/triage/logtarget.h"
#include "core/triage/timeline.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

#include <optional>

namespace cdeck {

// The incident timeline (GET /clusters/{id}/timeline) drawn as one lane per layer on one time axis: the
// cluster's state changes and scaling, each executor's life, jobs and their stages as bars, incidents as
// bars in their severity's colour, actions as marks, a worker's restarts as marks on the executor lane.
// Hovering shows the entry under the pointer; clicking an incident emits incidentActivated (the Incidents tab
// selects it). While the pointer is over it, new data waits (nothing moves from under the pointer); the wheel
// zooms around the pointer and dragging pans, after which the view stays put until a double-click makes it
// follow now again.
class IncidentTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentTimeline(QWidget *parent = nullptr);

    // now: where open spans (a running job, an open incident) end, and the axis's right edge at least.
    void setTimeline(const triage::Timeline &timeline, const QDateTime &now);
    void clear();
    const triage::Timeline &timeline() const { return m_timeline; }

    // What is under a point: the entry's words as the tooltip shows them, and the incident it belongs to.
    struct Hit
    {
        QString text;
        QString incidentId; // "" unless it is an incident (or an action taken for one)
        triage::TimelineLayer layer = triage::TimelineLayer::Cluster;
    };
    std::optional<Hit> hitAt(const QPoint &pos) const;
    QRect laneRect(triage::TimelineLayer layer) const;
    int xOf(qint64 ms) const; // the pixel column of a time
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    int spanCount(triage::TimelineLayer layer) const;
    int markCount(triage::TimelineLayer layer, const QString &kind = {}) const;

    // The view: zoom by `factor` (< 1 zooms in) keeping `aroundMs` where it is, pan by `deltaMs`, or follow
    // the whole timeline up to now again.
    void zoom(double factor, qint64 aroundMs);
    void pan(qint64 deltaMs);
    void resetView();
    bool followsNow() const { return !m_userView; }
    bool isPaused() const { return m_pending.has_value(); } // new data held while the pointer is over it

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static QString laneTitle(triage::TimelineLayer layer);

    // The entry under a point: a mark's, or the one that starts a bar (its first line is that entry's).
    std::optional<triage::TimelineEntry> entryAt(const QPoint &pos) const;
    // Whether the context menu offers "Show logs at this time" (logs are a runtime's).
    void setLogsAvailable(bool available) { m_logsAvailable = available; }
    // The entry the keyboard is on, an index into timeline() (-1 before any key): Right/Left walk the entries
    // in time, End goes to the newest; Enter asks for its logs, the menu key (or Shift+F10) opens its menu.
    int currentEntry() const { return m_current; }

Q_SIGNALS:
    void incidentActivated(const QString &incidentId);
    void logsWanted(const cdeck::triage::LogTarget &target); // from the context menu of an entry

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override; // tooltips
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    // A bar: a job, a stage, an incident or an executor's life, from its start entry to its end (or now).
    struct Span
    {
        triage::TimelineLayer layer;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        bool open = false;
        int row = 0; // sub-row within the lane, so overlapping bars stay apart
        QColor color;
        QString text; // start and end entries' words
        QString incidentId;
    };
    struct Mark
    {
        triage::TimelineLayer layer;
        qint64 atMs = 0;
        QColor color;
        QString text;
        QString incidentId;
        QString kind;
    };

    void apply(const triage::Timeline &timeline, const QDateTime &now);
    void rebuild();
    void updateAccessibleDescription();
    void setCurrentEntry(int index);
    void setView(qint64 fromMs, qint64 toMs);
    QRect plotRect() const;
    QRect spanRect(const Span &span) const;
    int rowsIn(triage::TimelineLayer layer) const;

    triage::Timeline m_timeline;
    QDateTime m_now;
    qint64 m_fromMs = 0; // the view
    qint64 m_toMs = 0;
    qint64 m_dataFromMs = 0; // the whole timeline, up to now
    qint64 m_dataToMs = 0;
    bool m_userView = false; // zoomed or panned: new data does not move the view
    bool m_hovered = false;
    std::optional<std::pair<triage::Timeline, QDateTime>> m_pending;
    std::optional<QPoint> m_pressAt; // a drag pans; a press released in place is a click
    qint64 m_pressFromMs = 0;
    bool m_dragged = false;
    QList<Span> m_spans;
    QList<Mark> m_marks;
    QList<int> m_rows; // sub-rows per lane
    bool m_logsAvailable = false;
    int m_current = -1;
};

} // namespace cdeck
