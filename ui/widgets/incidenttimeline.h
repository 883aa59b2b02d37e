// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/triage/timeline.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

#include <optional>

namespace cdeck {

// The incident timeline (GET /clusters/{id}/timeline) drawn as one lane per layer on one time axis: the
// cluster's state changes and scaling, each executor's life, jobs and their stages as bars, incidents as
// bars in their severity's colour, actions as marks. Hovering shows the entry under the pointer; clicking an
// incident emits incidentActivated (the Incidents tab selects it).
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

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static QString laneTitle(triage::TimelineLayer layer);

Q_SIGNALS:
    void incidentActivated(const QString &incidentId);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override; // tooltips
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

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
    };

    void rebuild();
    QRect plotRect() const;
    QRect spanRect(const Span &span) const;
    int rowsIn(triage::TimelineLayer layer) const;

    triage::Timeline m_timeline;
    QDateTime m_now;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    QList<Span> m_spans;
    QList<Mark> m_marks;
    QList<int> m_rows; // sub-rows per lane
};

} // namespace cdeck
