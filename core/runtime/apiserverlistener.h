// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

class QTcpSocket;

namespace cdeck {

// Limits the runtime enforces before QHttpServer sees a byte (Qt 6.4's QHttpServer buffers a whole request,
// body included, before any handler runs).
struct RequestLimits
{
    qint64 maxHeadBytes = 16 * 1024; // request line + headers: 431 beyond
    qint64 maxBodyBytes = 1024 * 1024; // from Content-Length: 413 beyond, nothing of the body read
    int idleTimeoutMs = 30000; // a connection silent this long (mid-request or between requests) is closed
    int maxConnectionsPerClient = 32; // per peer address: 429 beyond
    double requestsPerSecondPerToken = 50; // sustained; 429 beyond
    double burstPerToken = 100;

    // The defaults, with CLUSTERDECK_API_IDLE_MS, CLUSTERDECK_API_MAX_CONNECTIONS, CLUSTERDECK_API_RATE and
    // CLUSTERDECK_API_BURST where set.
    static RequestLimits fromEnvironment();
};

// The API's listening socket, given to QHttpServer::bind(). Every byte a client sends passes its check
// first: it follows each connection's request heads as they arrive (peeking, so QHttpServer still reads
// them), answers 431, 413, 411 or 429 itself and closes, and hands a connection to QHttpServer only once
// its first head was accepted. With TLS it makes each connection a QSslSocket and does the handshake
// itself, so the same checks run on the decrypted bytes and its refusals leave encrypted.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(RequestLimits limits, QObject *parent = nullptr);

    const RequestLimits &limits() const { return m_limits; }
    // HTTPS from now on: every connection does a TLS handshake with this configuration first.
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    struct Connection
    {
        QByteArray head; // the current request's head so far (capped at maxHeadBytes)
        qint64 bodyLeft = 0; // bytes of the current request's body still to come
        bool handedOver = false;
        bool refused = false; // answered with an error: what still comes is dropped until the close
        bool secured = true; // false while a TLS handshake is under way
        qint64 examined = 0; // bytes at the front of the socket's buffer already looked at
        QHostAddress peer;
        QElapsedTimer lastActivity;
    };
    struct Bucket
    {
        double tokens = 0;
        QElapsedTimer refilled;
    };

    // The connection is ready for requests (plain: at once; TLS: once encrypted).
    void onReady(QTcpSocket *socket);
    void onReadyRead(QTcpSocket *socket);
    // Checks one complete head; empty when accepted, else the status line to answer.
    QByteArray checkHead(Connection &c, const QByteArray &head);
    void refuse(QTcpSocket *socket, const QByteArray &statusLine, const QByteArray &detail);
    void closeIdle();

    RequestLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    QHash<QTcpSocket *, Connection> m_connections;
    QHash<QHostAddress, int> m_perClient;
    QHash<QByteArray, Bucket> m_buckets; // by a hash of the bearer token
};

} // namespace cdeck
