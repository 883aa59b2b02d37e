// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace cdeck {

struct ApiCall;
class Supervisor;

// The catalog routes: health (public), instance types, sample jobs, engines and runbooks. Reads only.
class CatalogRoutes
{
public:
    explicit CatalogRoutes(const Supervisor &supervisor)
        : m_supervisor(supervisor)
    {
    }

    void health(ApiCall &call);
    void instanceTypes(ApiCall &call);
    void samples(ApiCall &call);
    void engines(ApiCall &call);
    void runbooks(ApiCall &call);
    void runbook(ApiCall &call);

private:
    const Supervisor &m_supervisor;
};

} // namespace cdeck
