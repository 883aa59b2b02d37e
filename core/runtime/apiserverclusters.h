// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace cdeck {

struct ApiCall;
class SecurityStore;
class Supervisor;

// The cluster routes: list, launch (its owner stored), one, terminate, scale, protection, scaling policy,
// events, executors, the cluster's guarded-action audit, its timeline and chaos.
class ClusterRoutes
{
public:
    ClusterRoutes(Supervisor &supervisor, SecurityStore &security)
        : m_supervisor(supervisor)
        , m_security(security)
    {
    }

    void clusters(ApiCall &call);
    void launch(ApiCall &call);
    void cluster(ApiCall &call);
    void terminate(ApiCall &call);
    void scale(ApiCall &call);
    void protection(ApiCall &call);
    void policy(ApiCall &call);
    void setPolicy(ApiCall &call);
    void events(ApiCall &call);
    void executors(ApiCall &call);
    void clusterAudit(ApiCall &call);
    void timeline(ApiCall &call);
    void chaos(ApiCall &call);

private:
    Supervisor &m_supervisor;
    SecurityStore &m_security;
};

} // namespace cdeck
