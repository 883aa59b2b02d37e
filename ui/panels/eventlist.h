// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterevent.h"
#include "ui/widgets/timechart.h"

#include <QTreeWidget>

namespace cdeck {

// A cluster's event list, newest first: scaling decisions (taken, refused, failed) with their reason and
// numbers, state changes, spot interruptions and market fallbacks. The metric values behind a decision
// are in each row's tooltip.
class EventList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit EventList(QWidget *parent = nullptr);

    void setEvents(const ClusterEventList &events); // the whole list, oldest first (as the API sends it)
    int eventCount() const { return topLevelItemCount(); }

    static QString typeText(const QString &type); // "Scale out", "Refused", ...
    static QColor typeColor(const QString &type);
    static QString fromTo(const ClusterEvent &event); // "1 → 3", "WAITING → RUNNING"
    // Scaling actions, interruptions and fallbacks as vertical markers for the time charts.
    static QList<ChartMarker> markersFor(const ClusterEventList &events);

protected:
    void changeEvent(QEvent *event) override;

private:
    qint64 m_lastSeq = -1;
    QString m_clusterId;
};

} // namespace cdeck
