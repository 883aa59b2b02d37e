// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/apiroutes.h"
#include "core/runtime/accessguards.h"
#include "core/runtime/apiserverusers.h"
#include "core/runtime/runtimemetrics.h"
#include "core/runtime/logendpoints.h"

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace cdeck {

class Supervisor;
class ClusterController;
class SecurityStore;
struct ClusterSpec;
struct SampleBatch;

// One authenticated request matched to its route: what a handler works with.
struct ApiCall
{
    const api::Route &route;
    const QHttpServerRequest &request;
    QHttpServerResponder &responder;
    QStringList parameters; // the route's {parameters}, decoded, in order
    QJsonObject body; // POST/PUT
    Caller caller;
    ClusterController *cluster = nullptr; // routes under /clusters/{id}: that cluster (it exists)
    int status = 0; // the answer's HTTP status, once sent (for the audit)
    QString error; // the answer's error and detail, when refused
    QString createdTarget; // what a call created, for its outcome's audit entry (a launch: the new cluster's id)

    QString parameter(qsizetype i) const { return parameters.value(i); }
};

// The versioned JSON API (/api/v1) over the supervisor. The routes are api::routes() (method, path,
// role); dispatch() matches a request against them, authenticates the bearer token (UserDirectory),
// checks the role (and, for a scientist, that the cluster is its own), writes the audit entry of a
// mutating call before it runs (refusing it when that write fails), calls the one handler bound to the
// route (kHandlers in apiserver.cpp) and audits its outcome. Handlers answer from the supervisor's
// in-memory state and never wait on the engine.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    ApiServer(Supervisor &supervisor, UserDirectory &users, SecurityStore &security, QObject *parent = nullptr);

    // Returns the port bound (0 on failure, with *error set).
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);

    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;

    using Handler = void (ApiServer::*)(ApiCall &call);

private:
    friend struct ApiServerHandlers; // the route table's binding of each route to its handler
    // A live metrics stream (Server-Sent Events): the responder is kept so writeBody can go on; its socket
    // is owned by the server and may vanish when the client leaves, hence the QPointer.
    struct Stream
    {
        QString clusterId;
        std::shared_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        QByteArray lastCluster; // the data of the last `cluster` event it got: only changes are sent
    };

    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    std::optional<Caller> authenticate(const QHttpServerRequest &request) const;
    // Appends one audit entry; false when it could not be written.
    bool audit(const ApiCall &call, const QString &outcome, const QString &detail, qint64 requestSeq, qint64 *seq);
    // What a scientist's clusters hold now and would hold after this call (apiserverguards.cpp); empty: within
    // its quota, or a call the quota does not concern.
    QString quotaRefusal(const ApiCall &call) const;
    Footprint footprintOf(const ClusterSpec &spec) const;
    RuntimeMetricsSnapshot metricsSnapshot() const;

    // The handlers, one per route (same order as api::RouteId).
    void health(ApiCall &call);
    void whoami(ApiCall &call);
    void instanceTypes(ApiCall &call);
    void samples(ApiCall &call);
    void engines(ApiCall &call);
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
    void incidents(ApiCall &call);
    void incident(ApiCall &call);
    void guardedAction(ApiCall &call);
    void clusterAudit(ApiCall &call);
    void timeline(ApiCall &call);
    void chaos(ApiCall &call);
    void jobs(ApiCall &call);
    void submitJob(ApiCall &call);
    void job(ApiCall &call);
    void cancelJob(ApiCall &call);
    void jobDag(ApiCall &call);
    void logs(ApiCall &call);
    void log(ApiCall &call);
    void metrics(ApiCall &call);
    void metricsStream(ApiCall &call);
    void clusterCost(ApiCall &call);
    void runbooks(ApiCall &call);
    void runbook(ApiCall &call);
    void cost(ApiCall &call);
    void costMeters(ApiCall &call);
    void costSummary(ApiCall &call);
    void costForecast(ApiCall &call);
    void budgets(ApiCall &call);
    void putBudget(ApiCall &call);
    void removeBudget(ApiCall &call);
    void pricing(ApiCall &call);
    void slos(ApiCall &call);
    void addSlo(ApiCall &call);
    void slo(ApiCall &call);
    void removeSlo(ApiCall &call);
    void auditLog(ApiCall &call);
    void users(ApiCall &call);
    void addUser(ApiCall &call);
    void removeUser(ApiCall &call);
    void rotateUser(ApiCall &call);
    void setUserQuota(ApiCall &call); // apiserverguards.cpp, beside the quota's check
    void prometheus(ApiCall &call);

    void onSampled(const SampleBatch &batch);
    // A `cluster` event to each stream of the cluster whose cluster or executors' states changed since its last.
    void sendClusterEvents(const QString &clusterId);
    void endStreams(const QString &clusterId, const QString &state);

    Supervisor &m_supervisor;
    UserDirectory &m_users;
    SecurityStore &m_security;
    const ScientistQuota m_quota = ScientistQuota::fromEnvironment();
    const ScriptFolders m_scriptFolders;
    QHttpServer m_server;
    QList<Stream> m_streams;
    LogEndpoints m_logs{m_supervisor}; // after m_server: its follows' responders go before the sockets do
    // The context of the sockets' disconnected handlers, which search m_streams. Declared last, so it dies
    // first and takes those connections with it: the sockets close while m_server dies, after m_streams.
    QObject m_streamHandlers;
};

} // namespace cdeck
