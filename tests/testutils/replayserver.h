// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace cdeck::test {

// One request as the replay server read it.
struct SeenRequest
{
    QByteArray method;
    QByteArray path; // percent-decoded, without the query
    QByteArray query; // percent-decoded
    QByteArray contentType;
    QByteArray body;
};

// The stand-in for systems that cannot run here (Spark, YARN): a loopback HTTP server answering from a
// table of recorded responses. Keys are "METHOD /path" (query ignored); a key's responses are served in
// order, the last one repeated (a YARN kill answers 202, then 200). Whole requests, Content-Length body
// included, are read before answering, since a PUT may arrive in pieces. Unknown keys get notFound.
class ReplayServer : public QObject
{
public:
    QHash<QByteArray, QList<QByteArray>> responses;
    QByteArray notFound = httpResponse(404, "Not Found", "not recorded", "text/plain");
    QList<SeenRequest> seen;

    ReplayServer();
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }

    static QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &body,
                                   const QByteArray &contentType = "application/json");
    static QByteArray ok(const QByteArray &body) { return httpResponse(200, "OK", body); }
    // A 200 whose body starts with prefix and then streams 8 MiB of blanks: the client's size limit must fire.
    static QByteArray huge(const QByteArray &prefix) { return "\x01HUGE" + prefix; }
    // Never answers: the client's timeout must fire.
    static QByteArray silent() { return "\x01SILENT"; }

private:
    void answer(QTcpSocket *socket, const SeenRequest &request);

    QTcpServer m_server;
};

} // namespace cdeck::test
