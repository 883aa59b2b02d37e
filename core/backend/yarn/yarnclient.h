// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/yarn/yarnmodel.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace cdeck::yarn {

// One answer from the ResourceManager: JSON with an HTTP status, or why there is none.
struct YarnReply
{
    int httpStatus = 0; // 0: no HTTP answer (refused, timeout, too large, cut off)
    QJsonValue body; // on success; on 4xx/5xx the RemoteException body when the RM sent one
    QString error; // translated, one line; carries the RemoteException's exception and message
    bool unreachable = false; // nothing answered (refused, timeout): the RM is down, not the answer bad
    bool ok() const { return httpStatus >= 200 && httpStatus < 300 && error.isEmpty(); }
};

// Query of /ws/v1/cluster/apps. Empty fields are left out (the RM's defaults: every state, no limit).
struct AppFilter
{
    QStringList states; // NEW ... KILLED; any of them
    QString finalStatus; // UNDEFINED, SUCCEEDED, FAILED, KILLED
    QString user;
    QString queue; // the RM matches only unfinished apps on this
    QStringList applicationTypes; // SPARK, MAPREDUCE, ...
    QStringList applicationTags; // any of them
    int limit = 0; // 0: no limit
    QDateTime startedTimeBegin;
    QDateTime startedTimeEnd;
    QDateTime finishedTimeBegin;
    QDateTime finishedTimeEnd;
    bool withResourceRequests = false; // the bulky resourceRequests array; the console never shows it

    QUrlQuery toQuery() const;
};

// Asynchronous client of the ResourceManager REST API (/ws/v1/cluster). Every request has a timeout and a
// response size limit, failed connections are retried twice with backoff, and every failure ends in a YarnReply
// with an error, never an exception. Simple ("pseudo") authentication only: setUserName adds user.name to
// every request, which the RM needs for writes; Kerberos (SPNEGO) clusters are not supported yet.
// Thread contract: use it from the thread it was created in (the console's network thread).
class YarnClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const YarnReply &)>;
    using ClusterCallback = std::function<void(const std::optional<YarnCluster> &cluster, const QString &error)>;

    // rmUrl: http://rm-host:8088 (or behind a proxy path); /ws/v1/cluster is appended.
    explicit YarnClient(const QUrl &rmUrl, QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setMaxResponseBytes(qint64 bytes) { m_maxBytes = bytes; }
    void setUserName(const QString &user) { m_userName = user; }
    // A kill is answered 202 until the RM has moved the app to KILLED: repeat the PUT this often, this many times.
    void setKillPolling(int tries, int intervalMs)
    {
        m_killTries = tries;
        m_killIntervalMs = intervalMs;
    }
    QUrl baseUrl() const { return m_baseUrl; }

    // path relative to /ws/v1/cluster, e.g. "apps/application_1_0001"; query as a QUrlQuery.
    void get(const QString &path, const QUrlQuery &query, Callback done);
    void clusterInfo(Callback done) { get(QStringLiteral("info"), {}, std::move(done)); }
    void clusterMetrics(Callback done) { get(QStringLiteral("metrics"), {}, std::move(done)); }
    void nodes(const QStringList &states, Callback done); // states: NEW, RUNNING, ...; empty: the RM's default
    void node(const QString &nodeId, Callback done);
    void apps(const AppFilter &filter, Callback done);
    void app(const QString &appId, Callback done);
    void appState(const QString &appId, Callback done);
    // info and metrics, both parsed; error when either failed.
    void cluster(ClusterCallback done);
    // PUT apps/{id}/state {"state":"KILLED"}, repeated while the RM answers 202. The last reply's body is
    // {"state": ...}; an app that had already finished comes back 200 with its final state.
    void killApplication(const QString &appId, Callback done);

private:
    void send(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
              Callback done, int attempt);
    void putKill(const QString &appId, Callback done, int poll);

    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
    QString m_userName;
    int m_timeoutMs = 10000;
    qint64 m_maxBytes = 64 * 1024 * 1024; // a busy RM keeps 10,000 finished apps: ~20 MB without resourceRequests
    int m_killTries = 10;
    int m_killIntervalMs = 500;
};

} // namespace cdeck::yarn
