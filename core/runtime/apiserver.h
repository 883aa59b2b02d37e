// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/apiroutes.h"
#include "core/runtime/accessguards.h"
#include "core/runtime/apiserveraccess.h"
#include "core/runtime/apiservercatalog.h"
#include "core/runtime/apiserverclusters.h"
#include "core/runtime/apiservercost.h"
#include "core/runtime/apiserverincidents.h"
#include "core/runtime/apiserverjobs.h"
#include "core/runtime/apiservermetrics.h"
#include "core/runtime/apiserverslos.h"
#include "core/runtime/apiserverusers.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QObject>
#include <QSslConfiguration>

#include <optional>

namespace cdeck {

class Supervisor;
class ClusterController;
class SecurityStore;
struct ApiCall;
struct ClusterSpec;

// The versioned JSON API (/api/v1) over the supervisor. The routes are api::routes() (method, path,
// role); dispatch() matches a request against them, authenticates the bearer token (UserDirectory),
// checks the role (and, for a scientist, that the cluster is its own), writes the audit entry of a
// mutating call before it runs (refusing it when that write fails), calls the one handler bound to the
// route (ApiServerHandlers in apiserver.cpp) and audits its outcome. The handlers live in one class per route family
// (apiserver<family>.h), each given only what it needs; they answer from the supervisor's in-memory state and never
// wait on the engine.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    ApiServer(Supervisor &supervisor, UserDirectory &users, SecurityStore &security, QObject *parent = nullptr);

    // Returns the port bound (0 on failure, with *error set). With tls, HTTPS only (GuardedTcpServer does the
    // handshake before its request limits, which then hold over TLS as they do over plain HTTP).
    quint16 listen(const QHostAddress &address, quint16 port, QString *error,
                   const std::optional<QSslConfiguration> &tls = std::nullopt);

    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;

private:
    friend struct ApiServerHandlers; // the route table's binding of each route to its family's handler

    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    std::optional<Caller> authenticate(const QHttpServerRequest &request) const;
    // What an audit entry names: the cluster a launch created, the user POST /users adds, else the path's parameters.
    static QString auditTarget(const ApiCall &call);
    // Appends one audit entry; false when it could not be written.
    bool audit(const ApiCall &call, const QString &outcome, const QString &detail, qint64 requestSeq, qint64 *seq);
    // What a scientist's clusters hold now and would hold after this call (apiserverguards.cpp); empty: within
    // its quota, or a call the quota does not concern.
    QString quotaRefusal(const ApiCall &call) const;
    Footprint footprintOf(const ClusterSpec &spec) const;

    Supervisor &m_supervisor;
    UserDirectory &m_users;
    SecurityStore &m_security;
    const ScientistQuota m_quota = ScientistQuota::fromEnvironment();
    const ScriptFolders m_scriptFolders;
    QHttpServer m_server;
    // The route families, after m_server: their streams' and follows' responders go before the sockets do.
    AccessRoutes m_access{m_users, m_security, m_quota};
    CatalogRoutes m_catalog{m_supervisor};
    ClusterRoutes m_clusters{m_supervisor, m_security};
    IncidentRoutes m_incidents{m_supervisor};
    JobRoutes m_jobs{m_supervisor};
    CostRoutes m_cost{m_supervisor};
    SloRoutes m_slos{m_supervisor};
    MetricsRoutes m_metrics{m_supervisor};
};

} // namespace cdeck
