// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dag/dag.h"
#include "core/model/job.h"
#include "core/triage/logtarget.h"

#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QScrollArea;

namespace cdeck {

// One bar of the timeline: a job, or one of its task groups under it.
struct TimelineRow
{
    enum class Kind { Job, TaskGroup, More };
    Kind kind = Kind::Job;
    QString jobId;
    QString label;
    QDateTime start; // invalid: not started (no bar)
    QDateTime stop; // invalid: still running (the bar reaches "now")
    QColor colour;
    bool failed = false; // erred tasks, or a failed/interrupted job
    int erred = 0;
    int retried = 0;
    QString tooltip;
};

// Builds the rows from the jobs (oldest first, the newest `maxJobs`) and the DAGs known so far; a job's task
// groups (fan-outs folded above `foldAbove` siblings, at most `maxGroupsPerJob` rows then one "more" row)
// follow their job, ordered by start. Task groups of one job with the same name (two shuffles) are told apart
// by the start of their id's token: "simple-shuffle · 3f9a1c". Pure: tested without a window.
QList<TimelineRow> buildTimelineRows(const JobList &jobs, const QHash<QString, dag::Dag> &dags, int maxJobs = 20,
                                     int maxGroupsPerJob = 40, int foldAbove = 8);

class TimelineChart;

// The Timeline tab: a Gantt of the cluster's jobs and their task groups on one time axis. Failed work is
// red and hatched; tasks that were retried or rescheduled (a lost worker) are marked with ↻ and a count.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    static constexpr int kMaxJobs = 20;

    void setJobs(const JobList &jobs);
    void setDag(const QString &jobId, const dag::Dag &graph);
    void setStale(bool stale);
    void clear();
    // The jobs whose DAG the timeline still needs: shown, and running or not yet received after they ended.
    QStringList jobsNeedingDags() const;
    bool hasAllDags() const; // every shown job's DAG has arrived at least once (for --screenshot)

    const QList<TimelineRow> &rows() const { return m_rows; }
    TimelineChart *chart() const { return m_chart; }
    void setLogsAvailable(bool available); // the bars' "Show logs at this time" (logs are a runtime's)

Q_SIGNALS:
    void logsWanted(const cdeck::triage::LogTarget &target);

private:
    void rebuild();

    JobList m_jobs;
    QHash<QString, dag::Dag> m_dags;
    QHash<QString, bool> m_final; // job id -> its DAG arrived after the job had ended
    QList<TimelineRow> m_rows;
    QLabel *m_summary;
    QScrollArea *m_scroll;
    TimelineChart *m_chart;
    bool m_stale = false;
};

// The drawing: names on the left, a time axis on top, one bar per row.
class TimelineChart : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineChart(QWidget *parent = nullptr);

    static constexpr int kRowHeight = 22;
    static constexpr int kAxisHeight = 30;
    static constexpr int kLabelWidth = 280;

    void setRows(const QList<TimelineRow> &rows);
    QRectF barRect(int row) const; // where row's bar is drawn (empty when it has none), for tests
    QDateTime from() const { return m_from; }
    QDateTime to() const { return m_to; }
    double tickStepS() const; // the time axis's step at the current width, about 110 px (0 before any job started)
    QSize sizeHint() const override;
    // What "Show logs at this time" opens for a point on a bar: the job's log, else the head's, at the time
    // under the point; nullopt off the bars.
    std::optional<triage::LogTarget> logTargetAt(const QPoint &pos) const;
    void setLogsAvailable(bool available) { m_logsAvailable = available; }
    // The row the keyboard is on (Up/Down/Home/End among the rows with a bar; -1 before any key): Enter asks
    // for its logs from its start, the menu key (or Shift+F10) opens its context menu, as a click would.
    int currentRow() const { return m_currentRow; }

Q_SIGNALS:
    void logsWanted(const cdeck::triage::LogTarget &target); // from a bar's context menu, or Enter on a row

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void updateAccessibleTexts();
    static QString rowDescription(const TimelineRow &row, const QDateTime &now);
    void setCurrentRow(int row);
    std::optional<triage::LogTarget> currentRowTarget() const; // the current row's log from its bar's start
    double xOf(const QDateTime &t) const;
    QDateTime timeAt(double x) const; // xOf's inverse
    QDateTime axisEnd() const;
    QList<TimelineRow> m_rows;
    bool m_running = false;
    QDateTime m_from;
    QDateTime m_to;
    bool m_logsAvailable = false;
    int m_currentRow = -1;
};

} // namespace cdeck
