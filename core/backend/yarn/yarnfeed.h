// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/enginefeed.h"
#include "core/backend/yarn/yarnmodel.h"

namespace cdeck {

namespace yarn {
class YarnClient;
}

// A YARN ResourceManager: the RM is one cluster, its NodeManagers the executors, its applications the jobs;
// cancelling a job kills the application (PUT its state), as the user given in the dialog (simple auth).
class YarnFeed : public EngineFeed
{
    Q_OBJECT
public:
    YarnFeed(const QUrl &baseUrl, const QString &displayName, const QString &userName, QObject *parent = nullptr);
    ~YarnFeed() override;

    static FeedCapabilities yarnCapabilities();

    void cancelJob(const QString &clusterId, const QString &jobId) override;

    static constexpr int kMaxApps = 1000; // a busy RM keeps 10,000 finished applications

protected:
    void createClient() override;
    void destroyClient() override;
    void poll() override;

private:
    QString m_displayName;
    QString m_userName;
    yarn::YarnClient *m_client = nullptr;
    QString m_clusterId; // the RM's cluster id, from the last info answer
    bool m_listInFlight = false;
    bool m_executorsInFlight = false;
    bool m_jobsInFlight = false;
    // The last nodes and applications answers, for the detectors (core/backend/enginetriage).
    QList<yarn::YarnNode> m_lastNodes;
    QList<yarn::YarnApp> m_lastApps;
    void emitIncidents(const QString &clusterId);
};

} // namespace cdeck
