// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"

#include <QMap>
#include <QUrl>

class QTimer;

namespace cdeck {

// The common part of the feeds of engines ClusterDeck watches but does not run (Spark, YARN, a Spark event log):
// one poll a period (slower while unreachable), per-request problems for the banner, and what the engine cannot
// do (launch, scale, terminate, protection, submit) answered with a refusal that says why; the window disables
// those controls beforehand (capabilities()). Each engine's feed derives from it and implements poll().
class EngineFeed : public ClusterFeed
{
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 5000; // as the runtime feed's client

    void start() override;
    void stop() override;
    void setFocus(const QString &clusterId, bool executors, bool jobs) override;
    void fetchCatalog() override; // no instance types, no samples: answered empty at once
    void pollNow() override;
    void launch(const cdeck::ClusterSpec &spec) override;
    void scale(const QString &clusterId, int workers) override;
    void setScalingPolicy(const QString &clusterId, const cdeck::ScalingPolicy &policy,
                          std::optional<int> thenWorkers = {}) override;
    void setProtection(const QString &clusterId, bool on) override;
    void terminate(const QString &clusterId) override;
    void submitJob(const QString &clusterId, const cdeck::JobRequest &request) override;
    // The DAG view's task graphs come from the runtime's scheduler preload: these engines have none to serve.
    void setDagFocus(const QString &clusterId, const QStringList &jobIds) override;
    void setIncidentsFocus(const QString &clusterId) override; // the detectors run on the next poll

protected:
    // The words every watched engine shares, with its name filled in; the engine's feed adds its own.
    static FeedCapabilities watchedCapabilities(ConnectionKind kind, const QString &engineName);
    EngineFeed(const QUrl &baseUrl, FeedCapabilities capabilities, QObject *parent);

    virtual void createClient() = 0;
    virtual void destroyClient() = 0;
    // One period: the cluster list always; the focused cluster's detail and shown pages while connected.
    virtual void poll() = 0;

    // What a request feeds: the sidebar, or one page of the focused cluster.
    enum class Page { List, Executors, Jobs };

    // Every answer passes here: no answer at all makes the connection unreachable (slower polling); an answer
    // that cannot be used is a problem of that request ("applications", "executors", ...), shown in the banner
    // until the same request succeeds or its page is no longer on screen (clusterId: whose page it was).
    void noteAnswer(const QString &request, Page page, bool unreachable, const QString &error,
                    const QString &clusterId = {});
    void refuse(const QString &action, const QString &clusterId, const QString &why);

    QUrl m_url;
    QString m_focus;
    bool m_wantExecutors = false;
    bool m_wantJobs = false;
    quint64 m_generation = 0; // stop() drops the answers still in flight
    ConnectionState m_state = ConnectionState::Connecting;
    QString m_stateMessage;

private:
    QTimer *m_timer = nullptr;
    struct Problem
    {
        Page page;
        QString message;
    };
    void dropProblems(bool executors, bool jobs);
    void emitProblems();

    QMap<QString, Problem> m_problems; // by request
};

} // namespace cdeck
