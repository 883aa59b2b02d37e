// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/model/instancecatalog.h"
#include "core/model/job.h"

#include <QJsonValue>
#include <QMap>
#include <QObject>
#include <QUrl>

class QTimer;

namespace cdeck {

class RuntimeClient;
struct ApiReply;

struct SampleInfo
{
    QString name;
    QString description;
    QString path;
};

// The outcome of one user action (launch, scale, ...), as the GUI shows it.
struct ActionResult
{
    QString action; // "launch", "scale", "protection", "terminate", "submit", "cancel"
    QString clusterId;
    bool ok = false;
    bool unreachable = false;
    int httpStatus = 0;
    QString message; // one line, for a message box or the status bar
    QMap<QString, QString> fields; // per-field messages for a refused spec
    QJsonValue body; // the answer on success (the cluster or the job)
};

enum class ConnectionState { Connecting, Connected, Unreachable, Unauthorized };

// Polls one clusterdeck-runtime and posts snapshots to the GUI by queued signals.
//
// Thread contract: constructed on the GUI thread, then moved to a network thread; start() creates the
// RuntimeClient there, so every request, timer and callback runs on that thread. The GUI calls the public
// methods only through QMetaObject::invokeMethod(feed, lambda) (queued) and listens to the signals.
// The token is read from a file (never kept in settings) and read again when the runtime answers 401,
// because the local runtime writes a new token file when the console has just started it.
class RuntimeFeed : public QObject
{
    Q_OBJECT
public:
    RuntimeFeed(const QUrl &baseUrl, const QString &tokenFile, QObject *parent = nullptr);
    ~RuntimeFeed() override;

    static constexpr int kPollMs = 1000;
    static constexpr int kUnreachablePollMs = 2000;

    // network thread only, through invokeMethod:
    void start();
    void stop();
    // Which cluster the GUI shows, and whether its executors/jobs pages are visible: only those are polled.
    void setFocus(const QString &clusterId, bool executors, bool jobs);
    void fetchCatalog(); // instance types and samples
    void pollNow();
    void launch(const cdeck::ClusterSpec &spec);
    void scale(const QString &clusterId, int workers);
    void setProtection(const QString &clusterId, bool on);
    void terminate(const QString &clusterId);
    void submitJob(const QString &clusterId, const cdeck::JobRequest &request);
    void cancelJob(const QString &clusterId, const QString &jobId);

Q_SIGNALS:
    void clustersReady(const cdeck::ClusterList &clusters);
    void clusterReady(const cdeck::ClusterInfo &cluster); // with its state history
    void executorsReady(const QString &clusterId, const cdeck::ExecutorList &executors);
    void jobsReady(const QString &clusterId, const cdeck::JobList &jobs);
    void instanceTypesReady(const QList<cdeck::InstanceType> &types, const QString &defaultType);
    void samplesReady(const QList<cdeck::SampleInfo> &samples);
    void connectionChanged(cdeck::ConnectionState state, const QString &message);
    void nothingListening(); // the first time the runtime's port does not answer
    void actionFinished(const cdeck::ActionResult &result);

private:
    void tick();
    bool ensureClient();
    void noteReply(const ApiReply &reply);
    void finishAction(const QString &action, const QString &clusterId, const ApiReply &reply);

    QUrl m_baseUrl;
    QString m_tokenFile;
    QByteArray m_token;
    RuntimeClient *m_client = nullptr;
    QTimer *m_timer = nullptr;
    quint64 m_generation = 0; // a new client (new token) drops the old one's answers
    QString m_focus;
    bool m_wantExecutors = false;
    bool m_wantJobs = false;
    bool m_listInFlight = false;
    bool m_detailInFlight = false;
    bool m_executorsInFlight = false;
    bool m_jobsInFlight = false;
    bool m_catalogWanted = false;
    bool m_toldNothingListening = false;
    ConnectionState m_state = ConnectionState::Connecting;
    QString m_stateMessage;
};

} // namespace cdeck

Q_DECLARE_METATYPE(cdeck::SampleInfo)
Q_DECLARE_METATYPE(cdeck::ActionResult)
Q_DECLARE_METATYPE(cdeck::ConnectionState)
