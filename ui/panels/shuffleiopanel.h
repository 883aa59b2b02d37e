// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "telemetrypanel.h"

namespace cdeck {

class ExecutorBars;
class ExecutorBarsBox;

// Shuffle I/O: bytes received and sent per second (worker-to-worker transfers) for the top N executors by
// peak, the focused one and the cluster total, and every executor's cumulative bytes in and out as bars.
class ShuffleIoPanel : public TelemetryPanel
{
    Q_OBJECT
public:
    explicit ShuffleIoPanel(TelemetryWindow *window, QWidget *parent = nullptr);

    TimeChart *inChart() const { return m_in; }
    TimeChart *outChart() const { return m_out; }
    ExecutorBars *bars() const;
    // Spark: in/out are the executors' shuffle read/write, and the rates are poll deltas; the titles say so.
    void setSparkWording(bool spark);

protected:
    void render(qint64 fromMs, qint64 toMs) override;
    QList<std::pair<QString, QString>> csvSeries() const override;

private:
    TimeChart *m_in;
    TimeChart *m_out;
    ExecutorBarsBox *m_barsBox;
    bool m_spark = false;
    bool m_constructed = false; // setSparkWording renders only once the panel is whole
};

} // namespace cdeck
