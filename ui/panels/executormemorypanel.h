// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "telemetrypanel.h"

namespace cdeck {

class ExecutorBars;
class ExecutorBarsBox;

// Executor memory: every executor as a stacked bar (managed / unmanaged / spilled against its limit), and a
// time chart of memory in use (managed + unmanaged) for the top N executors by peak, the focused one and the
// cluster total.
class ExecutorMemoryPanel : public TelemetryPanel
{
    Q_OBJECT
public:
    explicit ExecutorMemoryPanel(TelemetryWindow *window, QWidget *parent = nullptr);

    ExecutorBars *bars() const;
    TimeChart *chart() const { return m_chart; }

protected:
    void render(qint64 fromMs, qint64 toMs) override;
    QList<std::pair<QString, QString>> csvSeries() const override;

private:
    ExecutorBarsBox *m_barsBox;
    TimeChart *m_chart;
};

} // namespace cdeck
