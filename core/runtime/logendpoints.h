// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace cdeck {

class ClusterController;
class Supervisor;

// GET /clusters/{id}/logs (the list), GET /clusters/{id}/logs/{source} (bytes of one log by an HTTP
// Range, at most kMaxRangeBytes per answer) and its Server-Sent Events follow (?follow=1 or Accept:
// text/event-stream). What comes from the network is held to: the source name only picks an entry of the
// cluster's own list (no path is built from it); the log must be a regular file, opened without
// following a symlink; ranges are bounded; at most kMaxFollowers follows at once.
class LogEndpoints : public QObject
{
    Q_OBJECT
public:
    explicit LogEndpoints(Supervisor &supervisor, QObject *parent = nullptr);

    static constexpr qint64 kMaxRangeBytes = 4 * 1024 * 1024;
    static constexpr int kMaxFollowers = 64;
    static constexpr qint64 kFollowEventBytes = 256 * 1024; // one append event at most
    static constexpr int kFollowTickMs = 250;

    void list(const ClusterController &cluster, QHttpServerResponder &responder);
    void serve(const ClusterController &cluster, const QString &source, const QHttpServerRequest &request,
               QHttpServerResponder &&responder);
    int followerCount() const { return int(m_followers.size()); }

private:
    struct Follower
    {
        QString clusterId;
        QString source;
        qint64 offset = 0;
        std::shared_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        qint64 lastWriteMs = 0;
        qint64 stalledSinceMs = 0; // the client stopped reading at
    };

    void follow(const ClusterController &cluster, const QString &source, const QHttpServerRequest &request,
                QHttpServerResponder &&responder);
    void tick();
    // false when the follower is done (ended or dropped) and must be removed
    bool advance(Follower &f, qint64 nowMs);

    Supervisor &m_supervisor;
    QTimer m_tick;
    QList<Follower> m_followers;
};

} // namespace cdeck
