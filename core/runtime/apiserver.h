// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

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
struct SampleBatch;

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
    // A live metrics stream (Server-Sent Events): the responder is kept so writeBody can go on; its socket
    // is owned by the server and may vanish when the client leaves, hence the QPointer.
    struct Stream
    {
        QString clusterId;
        std::shared_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
    };

    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void serveCost(const QStringList &seg, QHttpServerRequest::Method method, const QHttpServerRequest &request,
                   const QJsonObject &body, QHttpServerResponder &responder);
    void serveMetrics(const QString &clusterId, const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void openStream(const QString &clusterId, QHttpServerResponder &&responder);
    void onSampled(const SampleBatch &batch);
    void endStreams(const QString &clusterId, const QString &state);

    Supervisor &m_supervisor;
    QByteArray m_token;
    QHttpServer m_server;
    QList<Stream> m_streams;
    LogEndpoints m_logs{m_supervisor}; // after m_server: its follows' responders go before the sockets do
    // The context of the sockets' disconnected handlers, which search m_streams. Declared last, so it dies
    // first and takes those connections with it: the sockets close while m_server dies, after m_streams.
    QObject m_streamHandlers;
};

} // namespace cdeck
