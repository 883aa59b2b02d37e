// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserverlistener.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

// Qt's own buffer for bytes nobody read yet: without a cap it would take in a whole body before anyone looked.
constexpr qint64 kSocketBufferBytes = 256 * 1024;

} // namespace

RequestLimits RequestLimits::fromEnvironment()
{
    RequestLimits l;
    auto number = [](const char *name, double fallback) {
        bool ok = false;
        const double v = qEnvironmentVariable(name).toDouble(&ok);
        return ok && v > 0 ? v : fallback;
    };
    l.idleTimeoutMs = int(number("CLUSTERDECK_API_IDLE_MS", l.idleTimeoutMs));
    l.maxConnectionsPerClient = int(number("CLUSTERDECK_API_MAX_CONNECTIONS", l.maxConnectionsPerClient));
    l.requestsPerSecondPerToken = number("CLUSTERDECK_API_RATE", l.requestsPerSecondPerToken);
    l.burstPerToken = number("CLUSTERDECK_API_BURST", l.burstPerToken);
    return l;
}

GuardedTcpServer::GuardedTcpServer(RequestLimits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    auto *sweep = new QTimer(this);
    connect(sweep, &QTimer::timeout, this, &GuardedTcpServer::closeIdle);
    sweep->start(qMax(250, m_limits.idleTimeoutMs / 4));
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    QSslSocket *tls = m_tls ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = tls ? tls : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    socket->setReadBufferSize(kSocketBufferBytes);
    Connection c;
    c.peer = socket->peerAddress();
    c.lastActivity.start();
    c.secured = !tls;
    m_connections.insert(socket, c);
    ++m_perClient[c.peer]; // a handshake under way counts too
    connect(socket, &QObject::destroyed, this, [this, socket, peer = c.peer] {
        m_connections.remove(socket);
        if (--m_perClient[peer] <= 0)
            m_perClient.remove(peer);
    });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    // Connected before QHttpServer's own handler: this one sees every byte first (with TLS, decrypted).
    connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QIODevice::bytesWritten, this, [this, socket] {
        if (auto it = m_connections.find(socket); it != m_connections.end())
            it->lastActivity.restart(); // a long answer (an event stream) is not idleness
    });
    if (!tls)
        return onReady(socket);
    tls->setSslConfiguration(*m_tls);
    connect(tls, &QSslSocket::encrypted, this, [this, tls] {
        if (auto it = m_connections.find(tls); it != m_connections.end())
            it->secured = true;
        onReady(tls);
    });
    // A failed handshake (a client that does not trust the certificate, or speaks plain HTTP): nothing to answer.
    connect(tls, &QSslSocket::sslErrors, tls, [tls](const QList<QSslError> &) { tls->abort(); });
    connect(tls, &QAbstractSocket::errorOccurred, tls, [this, tls](QAbstractSocket::SocketError error) {
        if (auto it = m_connections.find(tls); it != m_connections.end() && !it->secured) {
            spdlog::debug("api: TLS handshake with {} failed: {} ({})", tls->peerAddress().toString().toStdString(),
                          tls->errorString().toStdString(), int(error));
            tls->abort();
        }
    });
    tls->startServerEncryption();
}

void GuardedTcpServer::onReady(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    const int openNow = m_perClient.value(it->peer);
    if (openNow > m_limits.maxConnectionsPerClient)
        return refuse(socket, "429 Too Many Requests",
                      u"%1 connections from %2 already"_s.arg(openNow - 1).arg(it->peer.toString()).toUtf8());
    if (socket->bytesAvailable() > 0)
        onReadyRead(socket);
}

void GuardedTcpServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &c = *it;
    c.lastActivity.restart();
    if (c.refused) {
        socket->skip(socket->bytesAvailable()); // closing: drop what still comes, never keep it
        return;
    }
    // Before the hand-over nobody reads, so the buffer holds what was examined already; after it,
    // QHttpServer's handler drains the buffer right after this one, so everything in it is new.
    const QByteArray fresh = socket->peek(socket->bytesAvailable()).mid(c.examined);
    qsizetype pos = 0;
    while (pos < fresh.size()) {
        if (c.bodyLeft > 0) {
            const qint64 take = qMin<qint64>(c.bodyLeft, fresh.size() - pos);
            c.bodyLeft -= take;
            pos += take;
            continue;
        }
        if (c.head.isEmpty()) { // tolerate blank lines between requests
            while (pos < fresh.size() && (fresh[pos] == '\r' || fresh[pos] == '\n'))
                ++pos;
            if (pos == fresh.size())
                break;
        }
        const qsizetype before = c.head.size();
        const qsizetype room = qMax<qsizetype>(0, m_limits.maxHeadBytes + 4 - before);
        c.head.append(fresh.mid(pos, room));
        const qsizetype end = c.head.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
        if (end < 0) {
            if (c.head.size() > m_limits.maxHeadBytes)
                return refuse(socket, "431 Request Header Fields Too Large",
                              "the request line and headers may take at most "
                                  + QByteArray::number(m_limits.maxHeadBytes) + " bytes");
            pos = fresh.size();
            break;
        }
        const qsizetype headLength = end + 4;
        pos += headLength - before;
        const QByteArray verdict = checkHead(c, c.head.left(headLength));
        c.head.clear();
        if (!verdict.isEmpty()) {
            const qsizetype space = verdict.indexOf('|');
            return refuse(socket, verdict.left(space), verdict.mid(space + 1));
        }
        if (!c.handedOver) {
            c.handedOver = true;
            c.examined = socket->bytesAvailable(); // the next call sees only what came after
            // QHttpServer keeps a request's bytes in the socket's buffer until the request is whole (a read
            // transaction): the cap would stall a body larger than it. The Content-Length check bounds it now.
            socket->setReadBufferSize(0);
            addPendingConnection(socket); // QHttpServer takes it now (pendingConnectionAvailable)
            // What is buffered already will not signal again: say it once more, for QHttpServer's handler.
            QTimer::singleShot(0, socket, [socket] { Q_EMIT socket->readyRead(); });
            // The rest of this batch (a pipelined request) is examined on that signal.
            return;
        }
    }
    c.examined = c.handedOver ? 0 : socket->bytesAvailable();
}

QByteArray GuardedTcpServer::checkHead(Connection &c, const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    qint64 contentLength = 0;
    bool hasLength = false;
    QByteArray token;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < 0 || (hasLength && n != contentLength))
                return "400 Bad Request|a Content-Length that is not one non-negative number";
            contentLength = n;
            hasLength = true;
        } else if (name == "transfer-encoding") {
            return "411 Length Required|send the body with a Content-Length, not chunked";
        } else if (name == "authorization" && value.startsWith("Bearer ")) {
            token = value.mid(7).trimmed();
        }
    }
    if (contentLength > m_limits.maxBodyBytes)
        return "413 Payload Too Large|the body may take at most " + QByteArray::number(m_limits.maxBodyBytes)
            + " bytes; this one says " + QByteArray::number(contentLength);
    if (!token.isEmpty()) {
        // One bucket per token (by its hash: the token itself is not kept), refilled at the sustained rate.
        Bucket &b = m_buckets[QCryptographicHash::hash(token, QCryptographicHash::Sha256)];
        if (!b.refilled.isValid()) {
            b.tokens = m_limits.burstPerToken;
            b.refilled.start();
        }
        b.tokens = qMin(m_limits.burstPerToken,
                        b.tokens + double(b.refilled.restart()) / 1000.0 * m_limits.requestsPerSecondPerToken);
        if (b.tokens < 1)
            return "429 Too Many Requests|more than " + QByteArray::number(m_limits.requestsPerSecondPerToken)
                + " requests per second with this token";
        b.tokens -= 1;
    }
    c.bodyLeft = contentLength;
    return {};
}

void GuardedTcpServer::refuse(QTcpSocket *socket, const QByteArray &statusLine, const QByteArray &detail)
{
    if (auto it = m_connections.find(socket); it != m_connections.end())
        it->refused = true;
    const QByteArray reason = statusLine.mid(statusLine.indexOf(' ') + 1);
    const QByteArray body = QJsonDocument(QJsonObject{{u"error"_s, QString::fromLatin1(reason).toLower()},
                                                      {u"detail"_s, QString::fromUtf8(detail)}})
                                .toJson(QJsonDocument::Compact);
    spdlog::warn("api: {} from {}: {}", statusLine.toStdString(), socket->peerAddress().toString().toStdString(),
                 detail.toStdString());
    socket->skip(socket->bytesAvailable()); // QHttpServer's handler, if it has the socket, finds nothing
    socket->write("HTTP/1.1 " + statusLine + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    // Closing with the client's body still arriving would reset the connection and could lose the answer:
    // end our side once it is written (FIN), drop what still comes, and cut the rest off after a moment.
    // With TLS the answer is encrypted into a second buffer (the TCP socket's below the QSslSocket), and not even
    // at once: a refusal made inside the QSslSocket's own decrypting (its readyRead) is encrypted later, from the
    // event loop, while both buffers already say empty. So over TLS the write side is shut only when encrypted
    // bytes have left (encryptedBytesWritten) and none wait; shutting it on the first "empty" lost the answer.
    auto *tls = qobject_cast<QSslSocket *>(socket);
    auto halfClose = [socket, tls] {
        if (socket->bytesToWrite() == 0 && (!tls || tls->encryptedBytesToWrite() == 0)
            && socket->state() == QAbstractSocket::ConnectedState)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    };
    if (tls) {
        connect(tls, &QSslSocket::encryptedBytesWritten, socket, halfClose);
        socket->flush();
    } else {
        connect(socket, &QIODevice::bytesWritten, socket, halfClose);
        socket->flush();
        halfClose();
    }
    QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
}

void GuardedTcpServer::closeIdle()
{
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        const Connection &c = m_connections.value(socket);
        if (c.lastActivity.hasExpired(m_limits.idleTimeoutMs)) {
            if (c.refused || !c.secured || socket->state() != QAbstractSocket::ConnectedState) {
                socket->abort();
                continue;
            }
            // Mid-request: say why; between requests a plain close is what HTTP expects.
            if (!c.head.isEmpty() || c.bodyLeft > 0 || !c.handedOver)
                refuse(socket, "408 Request Timeout",
                       "nothing arrived for " + QByteArray::number(m_limits.idleTimeoutMs) + " ms");
            else
                socket->disconnectFromHost();
        }
    }
}

} // namespace cdeck
