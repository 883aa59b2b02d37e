// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace cdeck {

struct ApiCall;
class Supervisor;

// The incident routes: a cluster's incidents, one incident, and the guarded actions taken on them.
class IncidentRoutes
{
public:
    explicit IncidentRoutes(Supervisor &supervisor)
        : m_supervisor(supervisor)
    {
    }

    void incidents(ApiCall &call);
    void incident(ApiCall &call);
    void guardedAction(ApiCall &call);

private:
    Supervisor &m_supervisor;
};

} // namespace cdeck
