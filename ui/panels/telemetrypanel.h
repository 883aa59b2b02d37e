// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/job.h"
#include "ui/widgets/timechart.h"

#include <QColor>
#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QToolButton;
class QVBoxLayout;

namespace cdeck {

class TelemetryWindow;

// What the memory and shuffle panels share: the toolbar (time range, live/paused, top N, focused executor,
// export PNG/CSV), the link status line, and the frame loop. New samples only start a 40 ms single-shot
// frame timer (any number of batches -> one repaint, style.md section 3); a 1 s clock moves a live axis on
// when no sample comes, so a stalled stream shows as an empty, shaded stretch rather than a frozen chart.
// Paused: samples are still kept by the TelemetryWindow, the panel just stops redrawing.
class TelemetryPanel : public QWidget
{
    Q_OBJECT
public:
    TelemetryPanel(TelemetryWindow *window, QWidget *parent = nullptr);

    static constexpr int kFrameMs = 40;
    static constexpr int kDefaultTopN = 20;

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    int topN() const;
    void setTopN(int n);
    QString focusedExecutor() const { return m_focus; }
    void setFocusedExecutor(const QString &executor); // empty: none
    int framesRendered() const { return m_frames; }

    // Vertical markers (time + label) on every time chart of the panel: scale events, job starts, ...
    void addMarker(const ChartMarker &marker);
    void setMarkers(const QList<ChartMarker> &markers);

    // The job selected in the Jobs tab: the range "This job" zooms to its span (a running one up to now),
    // with its start and end marked. An invalid job (no id) disables it.
    void setFocusJob(const Job &job);
    // Chooses "This job": false when there is no job with a start to zoom to.
    bool showFocusJob();
    bool showsFocusJob() const { return m_jobRange; }
    QList<TimeChart *> timeCharts() const { return m_charts; }

    // What the exports write: every point held in the visible span of the lines on screen.
    QString csvText() const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    bool exportPng(const QString &path, QString *error = nullptr);

    void renderNow(); // one frame now (tests, --screenshot)
    QString statusText() const;

protected:
    void changeEvent(QEvent *event) override;
    // Subclasses build their content into contentLayout() and draw a frame in render().
    QVBoxLayout *contentLayout() const { return m_content; }
    TelemetryWindow *telemetry() const { return m_window; }
    void registerChart(TimeChart *chart);
    virtual void render(qint64 fromMs, qint64 toMs) = 0;
    // Series shown on one chart: (chart title for the CSV, runtime series name); lines carry the executors.
    virtual QList<std::pair<QString, QString>> csvSeries() const = 0;
    std::pair<qint64, qint64> span() const;
    qint64 gapMsFor(const TimeChart *chart, qint64 fromMs, qint64 toMs) const;
    // Lines for one series: the top N executors by peak, the focused one (thicker), and the total (black).
    QList<ChartLine> linesFor(const QString &series, qint64 fromMs, qint64 toMs, int columns, bool withTotal = true) const;
    static QColor colorFor(const QString &executor);
    // The runtime writes a cluster total only for seconds in which every executor answered (docs/runtime-api.md).
    static QString totalGapNote() { return tr("no total: a scrape was late"); }
    void showFocusInCombo();

    void scheduleFrame();

private:
    void onRangeChosen(int index);
    void applyMarkers();
    void showRangeInCombo();
    void updateStatus();
    void refreshExecutorList();

    TelemetryWindow *m_window;
    QComboBox *m_range;
    QToolButton *m_live;
    QSpinBox *m_topN;
    QComboBox *m_focusCombo;
    QPushButton *m_exportPng;
    QPushButton *m_exportCsv;
    QLabel *m_status;
    QVBoxLayout *m_content;
    QWidget *m_exportArea;
    QList<TimeChart *> m_charts;
    QTimer m_frameTimer;
    QTimer m_clock;
    QElapsedTimer m_sinceFrame;
    bool m_paused = false;
    std::pair<qint64, qint64> m_pausedSpan;
    QString m_focus;
    int m_frames = 0;
    Job m_job; // the Jobs tab's selection
    bool m_jobRange = false; // the window's custom range is "This job"
    QList<ChartMarker> m_markers; // the window's (scaling events); the job's start and end are added while zoomed to it
};

} // namespace cdeck
