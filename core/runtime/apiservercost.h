// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace cdeck {

struct ApiCall;
class Supervisor;

// The cost routes over the supervisor's CostBook: cost reports (all, one cluster), meters, summary, forecast,
// budgets and the pricing catalog.
class CostRoutes
{
public:
    explicit CostRoutes(Supervisor &supervisor)
        : m_supervisor(supervisor)
    {
    }

    void clusterCost(ApiCall &call);
    void cost(ApiCall &call);
    void costMeters(ApiCall &call);
    void costSummary(ApiCall &call);
    void costForecast(ApiCall &call);
    void budgets(ApiCall &call);
    void putBudget(ApiCall &call);
    void removeBudget(ApiCall &call);
    void pricing(ApiCall &call);

private:
    Supervisor &m_supervisor;
};

} // namespace cdeck
