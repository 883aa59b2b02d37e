// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "replayserver.h"

#include <QTcpSocket>

#include <memory>

namespace cdeck::test {

ReplayServer::ReplayServer()
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                buffer->append(s->readAll());
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
                SeenRequest req;
                qsizetype length = 0;
                for (const QByteArray &line : lines.mid(1)) {
                    const qsizetype colon = line.indexOf(':');
                    const QByteArray name = line.left(colon).trimmed().toLower();
                    const QByteArray value = line.mid(colon + 1).trimmed();
                    if (name == "content-length")
                        length = value.toLongLong();
                    else if (name == "content-type")
                        req.contentType = value;
                }
                if (buffer->size() < headerEnd + 4 + length)
                    return; // the body is still on its way
                req.body = buffer->mid(headerEnd + 4, length);
                buffer->clear();
                const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
                req.method = requestLine.value(0);
                const QByteArray target = requestLine.value(1);
                const qsizetype mark = target.indexOf('?');
                req.path = QByteArray::fromPercentEncoding(mark < 0 ? target : target.left(mark));
                req.query = mark < 0 ? QByteArray() : QByteArray::fromPercentEncoding(target.mid(mark + 1));
                seen.append(req);
                answer(s, req);
            });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
}

QByteArray ReplayServer::httpResponse(int status, const QByteArray &reason, const QByteArray &body,
                                      const QByteArray &contentType)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

void ReplayServer::answer(QTcpSocket *s, const SeenRequest &request)
{
    QList<QByteArray> &queue = responses[request.method + ' ' + request.path];
    const QByteArray resp = queue.isEmpty() ? notFound : queue.size() > 1 ? queue.takeFirst() : queue.first();
    if (resp == silent())
        return;
    if (resp.startsWith(huge({}))) {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
        s->write(resp.mid(huge({}).size()));
        const QByteArray chunk(1 << 20, ' ');
        for (int i = 0; i < 8 && s->state() == QAbstractSocket::ConnectedState; ++i) {
            s->write(chunk);
            s->waitForBytesWritten(1000);
        }
        s->disconnectFromHost();
        return;
    }
    s->write(resp);
    s->disconnectFromHost();
}

} // namespace cdeck::test
