// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace cdeck {

class Supervisor;

// The versioned JSON API (/api/v1) over the supervisor. One dispatcher (QHttpServer 6.4 has no
// middleware) checks the bearer token for every call but GET /api/v1/health. Handlers answer from the
// supervisor's in-memory state and never wait on the engine.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    ApiServer(Supervisor &supervisor, QByteArray token, QObject *parent = nullptr);

    // Returns the port bound (0 on failure, with *error set).
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);

    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;

private:
    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    Supervisor &m_supervisor;
    QByteArray m_token;
    QHttpServer m_server;
};

} // namespace cdeck
