// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "telemetrypanel.h"

class QScrollArea;

namespace cdeck {

class ExecutorBars;

// Shuffle I/O: bytes received and sent per second (worker-to-worker transfers) for the top N executors by
// peak, the focused one and the cluster total, and every executor's cumulative bytes in and out as bars.
class ShuffleIoPanel : public TelemetryPanel
{
    Q_OBJECT
public:
    explicit ShuffleIoPanel(TelemetryWindow *window, QWidget *parent = nullptr);

    TimeChart *inChart() const { return m_in; }
    TimeChart *outChart() const { return m_out; }
    ExecutorBars *bars() const { return m_bars; }
    // Spark: in/out are the executors' shuffle read/write, and the rates are poll deltas; the titles say so.
    void setSparkWording(bool spark);

protected:
    void render(qint64 fromMs, qint64 toMs) override;
    QList<std::pair<QString, QString>> csvSeries() const override;

private:
    TimeChart *m_in;
    TimeChart *m_out;
    ExecutorBars *m_bars;
    QLabel *m_summary;
    QLabel *m_legend;
    bool m_spark = false;
    QScrollArea *m_barsScroll = nullptr;
};

} // namespace cdeck
