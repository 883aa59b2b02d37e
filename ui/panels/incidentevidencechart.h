// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/metricswire.h"
#include "core/triage/incident.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <optional>

class QComboBox;
class QLabel;

namespace cdeck {

class TimeChart;

// The Incidents tab's evidence chart: the series the shown incident's evidence names, what to ask the metrics
// API for (once per 10 s of a growing range, never again for the same), and the chart drawn from the answer,
// one unit at a time (bytes, bytes/s, counts) with a chooser when there are several. It draws into the
// panel's widgets, which the panel lays out; no network here either: it says what to ask, the panel asks.
class IncidentEvidenceChart
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::IncidentsPanel) // the panel's words, in the context they are translated in

public:
    IncidentEvidenceChart(TimeChart *chart, QComboBox *unitChooser, QLabel *note);

    // What to ask the metrics API for: the evidence's series and executors ("total" for the cluster's), over
    // the evidence's time range with a margin either side (never past `now`); none when no evidence is a series.
    static std::optional<MetricsQuery> query(const triage::Incident &incident, const QDateTime &now);

    // Shows this incident's evidence (nullptr: none). Returns the query to send when its series were not asked
    // for this range yet.
    std::optional<MetricsQuery> show(const triage::Incident *incident);
    // The metrics API's answer (or its error) for an incident's evidence; redrawn when it is the one shown.
    void setEvidence(const QString &incidentId, const QList<MetricSeriesData> &series, const QString &error);
    QStringList groups() const; // the chooser's entries for the shown incident, one per unit
    void showGroup(int index);
    void clear();

private:
    void draw();

    struct Answer
    {
        QList<MetricSeriesData> series;
        QString error;
        bool arrived = false;
    };
    TimeChart *m_chart;
    QComboBox *m_unitChooser;
    QLabel *m_note;
    std::optional<triage::Incident> m_shown;
    QHash<QString, QString> m_asked; // incident id -> the query last asked (a key), not asked again
    QHash<QString, Answer> m_answers;
    int m_group = 0;
};

} // namespace cdeck
