// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/logs/logsource.h"

#include <QTimer>

namespace cdeck::logs {

// A log file on this machine. Reads run on Qt's thread pool (a slow disk never holds up the caller);
// following polls the size every pollMs.
class FileLogSource : public LogByteSource
{
    Q_OBJECT
public:
    explicit FileLogSource(QString path, QObject *parent = nullptr, int pollMs = 250);

    void read(qint64 offset, qint64 length, ChunkCallback done) override;
    void setFollowing(bool on) override;
    QString describe() const override { return m_path; }

    // The synchronous read behind read(): any thread.
    static Chunk readNow(const QString &path, qint64 offset, qint64 length);

private:
    void poll();

    QString m_path;
    QTimer m_poll;
    qint64 m_lastSize = -1;
};

} // namespace cdeck::logs
