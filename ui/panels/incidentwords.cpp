// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "incidentwords.h"

#include "ui/presentation.h"

#include <QCoreApplication>

namespace cdeck::incidentwords {

QString typeTitle(triage::IncidentType type)
{
    switch (type) {
    case triage::IncidentType::ExecutorOom:
        return QCoreApplication::translate("cdeck::IncidentsPanel", "Executor out of memory");
    case triage::IncidentType::ShuffleSkew:
        return QCoreApplication::translate("cdeck::IncidentsPanel", "Shuffle skew");
    case triage::IncidentType::ExecutorLost:
        return QCoreApplication::translate("cdeck::IncidentsPanel", "Executor lost");
    case triage::IncidentType::NetworkStall:
        return QCoreApplication::translate("cdeck::IncidentsPanel", "Network stall");
    case triage::IncidentType::PermissionDenied:
        return QCoreApplication::translate("cdeck::IncidentsPanel", "Permission denied");
    case triage::IncidentType::IdleCluster:
        return QCoreApplication::translate("cdeck::IncidentsPanel", "Idle cluster");
    case triage::IncidentType::RetryStorm:
        return QCoreApplication::translate("cdeck::IncidentsPanel", "Retry storm");
    case triage::IncidentType::JobStalled:
        return QCoreApplication::translate("cdeck::IncidentsPanel", "Job stalled");
    case triage::IncidentType::SloBurn:
        return QCoreApplication::translate("cdeck::IncidentsPanel", "SLO burning its error budget");
    }
    return {};
}

QColor severityColor(triage::Severity severity)
{
    switch (severity) {
    case triage::Severity::Critical:
        return presentation::tone(presentation::Tone::Critical);
    case triage::Severity::Severe:
        return presentation::tone(presentation::Tone::Danger);
    case triage::Severity::Moderate:
        return presentation::tone(presentation::Tone::Warning);
    case triage::Severity::Low:
        return presentation::tone(presentation::Tone::Minor);
    case triage::Severity::None:
        break;
    }
    return presentation::tone(presentation::Tone::Neutral);
}

} // namespace cdeck::incidentwords
