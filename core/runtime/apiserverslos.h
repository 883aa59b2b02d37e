// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace cdeck {

struct ApiCall;
class Supervisor;

// The SLO routes over the supervisor's SloMonitor (503 while it is not running): list, add, one, remove.
class SloRoutes
{
public:
    explicit SloRoutes(Supervisor &supervisor)
        : m_supervisor(supervisor)
    {
    }

    void slos(ApiCall &call);
    void addSlo(ApiCall &call);
    void slo(ApiCall &call);
    void removeSlo(ApiCall &call);

private:
    Supervisor &m_supervisor;
};

} // namespace cdeck
