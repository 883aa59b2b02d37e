// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace cdeck::logs {

// A log read by byte ranges, never whole: a file on this machine (FileLogSource) or one of a cluster's
// logs on a runtime (RuntimeLogSource, over GET .../logs/{source} with a Range and its SSE follow).
// Thread contract: the thread the source lives on; callbacks and signals arrive there.
class LogByteSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    struct Chunk
    {
        qint64 offset = 0; // where bytes start
        QByteArray bytes; // may be fewer than asked (the end of the log, or the server's cap)
        qint64 size = -1; // the whole log's size when read; -1 if unknown
        QString error; // set when nothing could be read
    };
    using ChunkCallback = std::function<void(const Chunk &)>;

    // Reads up to length bytes from offset and answers exactly once, later (never from inside the call),
    // unless the source is destroyed first.
    virtual void read(qint64 offset, qint64 length, ChunkCallback done) = 0;
    // While on, grew() tells of every new byte, truncated() of a log that shrank (replaced or rotated),
    // ended() of one that will not grow any more (its process is gone).
    virtual void setFollowing(bool on) = 0;
    virtual QString describe() const = 0; // for a status line: the path, or cluster and source

Q_SIGNALS:
    void grew(qint64 size);
    void truncated(qint64 size);
    void ended(const QString &why);
    void followFailed(const QString &why);
};

} // namespace cdeck::logs
