// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/triage/incident.h"

#include <QColor>
#include <QString>

// How the Incidents tab names and colours an incident, shared by its list, its evidence chart and its action
// plans. The words keep the Incidents tab's translation context (cdeck::IncidentsPanel), where they have
// always been translated.
namespace cdeck::incidentwords {

QString typeTitle(triage::IncidentType type); // "Executor out of memory"
QColor severityColor(triage::Severity severity); // the theme's tone for it (critical, danger, warning, minor)

} // namespace cdeck::incidentwords
