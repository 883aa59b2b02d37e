// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/runtime/logendpoints.h"

namespace cdeck {

struct ApiCall;
class Supervisor;

// The job routes: list, submit, one, cancel, a job's DAG (fetched from the engine, answered when it comes),
// and the cluster's logs (LogEndpoints: ranges and follows).
class JobRoutes
{
public:
    explicit JobRoutes(Supervisor &supervisor)
        : m_supervisor(supervisor)
        , m_logs(supervisor)
    {
    }

    void jobs(ApiCall &call);
    void submitJob(ApiCall &call);
    void job(ApiCall &call);
    void cancelJob(ApiCall &call);
    void jobDag(ApiCall &call);
    void logs(ApiCall &call);
    void log(ApiCall &call);

private:
    Supervisor &m_supervisor;
    LogEndpoints m_logs; // its follows' responders go before the server's sockets do (ApiServer declares it after)
};

} // namespace cdeck
