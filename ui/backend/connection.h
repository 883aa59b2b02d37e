// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"
#include "core/backend/runtime/apiroutes.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <optional>

class QThread;

namespace cdeck {

class ClusterListModel;

// One connection of the console, on the GUI thread: owns the network thread and the ClusterFeed on it (one of
// core/backend's feeds, by kind), and the cluster list of the sidebar. Calls are forwarded to the feed by queued
// invocations; the feed's snapshots come back as queued signals (feed()).
class Connection : public QObject
{
    Q_OBJECT
public:
    // Where the runtime runs: the local one may be started by the console when nothing answers.
    enum class Placement { Local, Remote };

    // kind: Runtime (RuntimeFeed), Spark or Yarn (watched through their REST APIs; ClusterDeck does not launch,
    // scale or terminate them), EventLog (a Spark event log file or eventlog_v2_* directory; url is its file URL).
    // yarnUser: the user name a YARN ResourceManager with simple auth needs for kills; unused otherwise.
    Connection(const QString &name, const QUrl &url, const QString &tokenFile, ConnectionKind kind,
               QObject *parent = nullptr, const QString &yarnUser = {}, Placement placement = Placement::Remote);
    ~Connection() override;

    QString name() const { return m_name; }
    QUrl url() const { return m_url; }
    QString tokenFile() const { return m_tokenFile; }
    ConnectionKind kind() const { return capabilities().kind; }
    bool isLocal() const { return m_placement == Placement::Local; }
    // What the feed can do and its words (constant: safe to read while the feed runs).
    const FeedCapabilities &capabilities() const { return m_feed->capabilities(); }
    bool managesClusters() const { return capabilities().managesClusters; }
    QString engineName() const { return capabilities().engineName; }
    QString yarnUser() const { return m_yarnUser; }
    QString answerProblem() const { return m_answerProblem; } // why the last answers could not be used
    ConnectionState state() const { return m_state; }
    QString stateMessage() const { return m_stateMessage; }
    QDateTime lastAnswerAt() const { return m_lastAnswerAt; }
    QDateTime unreachableSince() const { return m_unreachableSince; }
    bool hasClusterList() const { return m_hasClusterList; }
    ClusterListModel *clusters() const { return m_clusters; }
    const ClusterFeed *feed() const { return m_feed; }
    // Who the token is, as a runtime says (GET /whoami): unset before it answered, when it refuses the token and
    // for servers without users (Spark, YARN, an event log), which the console does not restrict.
    std::optional<api::Role> role() const { return m_role; }
    QString user() const { return m_user; }
    bool hasUsers() const { return kind() == ConnectionKind::Runtime; }

    void setFocus(const QString &clusterId, bool executors, bool jobs);
    void fetchCatalog();
    void pollNow(); // F5: ask now rather than at the next period
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
    void saveBudget(const QJsonObject &budget, const QString &replacing = {});
    void deleteBudget(const QString &tag);
    void saveSlo(const QJsonObject &definition, const QString &replacing = {});
    void deleteSlo(const QString &sloId);
    void fetchAudit(const QString &query); // the feed's auditReady answers
    // Sign-in: this token from now on instead of the token file's (empty: the file's again).
    void useToken(const QByteArray &token);

Q_SIGNALS:
    void stateChanged();
    void clusterListUpdated();
    void identityChanged(); // user() and role() changed

private:
    template<typename F>
    void post(F &&call);

    QString m_name;
    QUrl m_url;
    QString m_tokenFile;
    QString m_yarnUser;
    Placement m_placement;
    QString m_answerProblem;
    QThread *m_thread;
    ClusterFeed *m_feed;
    ClusterListModel *m_clusters;
    ConnectionState m_state = ConnectionState::Connecting;
    QString m_stateMessage;
    QDateTime m_lastAnswerAt;
    QDateTime m_unreachableSince;
    bool m_hasClusterList = false;
    QString m_user;
    std::optional<api::Role> m_role;
};

} // namespace cdeck
