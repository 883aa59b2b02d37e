// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "runtimefeed.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <optional>

class QThread;

namespace cdeck {

class ClusterListModel;

// One runtime the console talks to, on the GUI thread: owns the network thread and the RuntimeFeed on it,
// and the cluster list of the sidebar. Calls are forwarded to the feed by queued invocations; the feed's
// snapshots come back as queued signals (feed()).
class Connection : public QObject
{
    Q_OBJECT
public:
    // Local/Remote: a clusterdeck-runtime (RuntimeFeed); Spark, Yarn: engines watched through their REST APIs
    // (enginefeed.h), which ClusterDeck does not launch, scale or terminate.
    // EventLog: a Spark event log file or eventlog_v2_* directory read from disk (url is its file URL).
    enum class Kind { Local, Remote, Spark, Yarn, EventLog };

    // engineUser: the user name a YARN ResourceManager with simple auth needs for kills; unused otherwise.
    Connection(const QString &name, const QUrl &url, const QString &tokenFile, Kind kind, QObject *parent = nullptr,
               const QString &engineUser = {});
    ~Connection() override;

    QString name() const { return m_name; }
    QUrl url() const { return m_url; }
    QString tokenFile() const { return m_tokenFile; }
    Kind kind() const { return m_kind; }
    bool managesClusters() const { return m_kind == Kind::Local || m_kind == Kind::Remote; }
    bool canCancelJobs() const { return m_kind != Kind::Spark && m_kind != Kind::EventLog; }
    bool hasSparkStages() const { return m_kind == Kind::Spark || m_kind == Kind::EventLog; }
    QString engineName() const; // "ClusterDeck runtime", "Spark", "YARN ResourceManager"
    QString engineUser() const { return m_engineUser; }
    QString answerProblem() const { return m_answerProblem; } // why the last answers could not be used
    ConnectionState state() const { return m_state; }
    QString stateMessage() const { return m_stateMessage; }
    QDateTime lastAnswerAt() const { return m_lastAnswerAt; }
    QDateTime unreachableSince() const { return m_unreachableSince; }
    bool hasClusterList() const { return m_hasClusterList; }
    ClusterListModel *clusters() const { return m_clusters; }
    const RuntimeFeed *feed() const { return m_feed; }

    void setFocus(const QString &clusterId, bool executors, bool jobs);
    void fetchCatalog();
    void launch(const ClusterSpec &spec);
    void scale(const QString &clusterId, int workers);
    // thenWorkers: scale to it once the runtime has accepted the policy (not sent if it refused it).
    void setScalingPolicy(const QString &clusterId, const ScalingPolicy &policy, std::optional<int> thenWorkers = {});
    void setProtection(const QString &clusterId, bool on);
    void terminate(const QString &clusterId);
    void submitJob(const QString &clusterId, const JobRequest &request);
    void cancelJob(const QString &clusterId, const QString &jobId);
    void followMetrics(const MetricsWindowRequest &request);
    void setDagFocus(const QString &clusterId, const QStringList &jobIds);
    void setStageFocus(const QString &clusterId, int stageId, int attemptId); // Spark: whose task summary to fetch
    void setIncidentsFocus(const QString &clusterId);
    void setSlosFocus(bool wanted);
    void fetchRunbook(const QString &runbookId);
    void fetchEvidence(const QString &clusterId, const QString &incidentId, const MetricsQuery &query);
    void runGuardedAction(const QString &clusterId, const QJsonObject &body);
    void planGuardedAction(const QString &clusterId, const QString &incidentId, const QJsonObject &body);
    void setCostFocus(bool clusterCost, bool summary, const QString &summaryQuery = {});

Q_SIGNALS:
    void stateChanged();
    void clusterListUpdated();

private:
    template<typename F>
    void post(F &&call);

    QString m_name;
    QUrl m_url;
    QString m_tokenFile;
    Kind m_kind;
    QString m_engineUser;
    QString m_answerProblem;
    QThread *m_thread;
    RuntimeFeed *m_feed;
    ClusterListModel *m_clusters;
    ConnectionState m_state = ConnectionState::Connecting;
    QString m_stateMessage;
    QDateTime m_lastAnswerAt;
    QDateTime m_unreachableSince;
    bool m_hasClusterList = false;
};

} // namespace cdeck
