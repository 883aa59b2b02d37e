// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "filelogsource.h"

#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace cdeck::logs {

FileLogSource::FileLogSource(QString path, QObject *parent, int pollMs)
    : LogByteSource(parent)
    , m_path(std::move(path))
{
    m_poll.setInterval(pollMs);
    connect(&m_poll, &QTimer::timeout, this, &FileLogSource::poll);
}

LogByteSource::Chunk FileLogSource::readNow(const QString &path, qint64 offset, qint64 length)
{
    Chunk c;
    c.offset = offset;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        c.error = u"cannot read %1: %2"_s.arg(path, f.errorString());
        return c;
    }
    c.size = f.size();
    if (offset < 0 || length < 0) {
        c.error = u"bad range %1+%2"_s.arg(offset).arg(length);
        return c;
    }
    if (offset >= c.size)
        return c;
    if (!f.seek(offset)) {
        c.error = u"cannot seek %1 to %2: %3"_s.arg(path).arg(offset).arg(f.errorString());
        return c;
    }
    c.bytes = f.read(std::min(length, c.size - offset));
    return c;
}

void FileLogSource::read(qint64 offset, qint64 length, ChunkCallback done)
{
    QPointer<FileLogSource> self(this);
    const QString path = m_path;
    // The answer comes back on this object's thread through a queued call.
    (void)QtConcurrent::run([self, path, offset, length, done = std::move(done)]() mutable {
        Chunk c = readNow(path, offset, length);
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, c = std::move(c), done = std::move(done)] {
                if (self)
                    done(c);
            },
            Qt::QueuedConnection);
    });
}

void FileLogSource::setFollowing(bool on)
{
    if (on) {
        m_lastSize = QFileInfo(m_path).size();
        m_poll.start();
    } else {
        m_poll.stop();
    }
}

void FileLogSource::poll()
{
    QFileInfo info(m_path);
    info.refresh();
    const qint64 size = info.exists() ? info.size() : 0;
    if (size < m_lastSize)
        Q_EMIT truncated(size);
    else if (size > m_lastSize)
        Q_EMIT grew(size);
    m_lastSize = size;
}

} // namespace cdeck::logs
