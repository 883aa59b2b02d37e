// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QScrollArea;

namespace cdeck {

class ExecutorBars;
class TelemetryWindow;
struct BarRow;
struct ExecutorLatest;

// The per-executor bars of the Memory and Shuffle I/O tabs: a heading (title and legend), the bars scrolled,
// and a summary line under them. Builds one row per executor of the telemetry window, greyed with "no data
// since" when stale, and its text only for the rows on screen (formatting a thousand each frame is most of a
// frame); the panel says what a row holds.
class ExecutorBarsBox : public QWidget
{
    Q_OBJECT
public:
    explicit ExecutorBarsBox(QWidget *parent = nullptr);

    ExecutorBars *bars() const { return m_bars; }
    QLabel *summary() const { return m_summary; }
    void setHeading(const QString &html);

    // Fills the row's segments (and limit) and, when withText, its text; returns the row's extent (the bars'
    // scale is the largest). Called for every executor, stale or not.
    using RowFiller = std::function<double(BarRow &row, const ExecutorLatest &latest, bool withText)>;
    // maxHeight: a few executors take a few rows; a thousand scroll within this.
    void showRows(const TelemetryWindow *window, const RowFiller &fill, const QString &focusKey, int maxHeight);

protected:
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void scrolled(); // other rows came on screen: they need their texts
    void rowClicked(const QString &key);

private:
    QLabel *m_heading;
    QString m_headingHtml; // as given: its swatches take the palette's colours whenever it changes
    ExecutorBars *m_bars;
    QScrollArea *m_scroll;
    QLabel *m_summary;
};

} // namespace cdeck
