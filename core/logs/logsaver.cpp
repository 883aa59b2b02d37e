// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "logsaver.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace cdeck::logs {

namespace {
constexpr qint64 kSaveChunkBytes = 4 * 1024 * 1024;
}

LogSaver::LogSaver(LogByteSource *source, const QString &path, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_file(std::make_unique<QSaveFile>(path))
{
}

void LogSaver::start()
{
    if (!m_file->open(QIODevice::WriteOnly))
        return finish(false, tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString()));
    step();
}

void LogSaver::cancel()
{
    if (!m_done) {
        m_file->cancelWriting();
        finish(false, tr("Cancelled."));
    }
}

void LogSaver::step()
{
    if (m_done)
        return;
    if (!m_source)
        return finish(false, tr("The log went away."));
    if (m_total >= 0 && m_written >= m_total) {
        if (!m_file->commit())
            return finish(false, tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString()));
        return finish(true, tr("Saved %1 bytes to %2.").arg(m_written).arg(m_file->fileName()));
    }
    const qint64 want = m_total >= 0 ? std::min(kSaveChunkBytes, m_total - m_written) : kSaveChunkBytes;
    QPointer<LogSaver> self(this);
    m_source->read(m_written, want, [self](const LogByteSource::Chunk &c) {
        if (!self || self->m_done)
            return;
        if (!c.error.isEmpty()) {
            self->m_file->cancelWriting();
            return self->finish(false, c.error);
        }
        if (self->m_total < 0)
            self->m_total = c.size >= 0 ? c.size : c.offset + c.bytes.size();
        if (c.bytes.isEmpty() && self->m_written < self->m_total) { // shrank meanwhile: keep what was read
            self->m_total = self->m_written;
        }
        const qint64 keep = std::min<qint64>(c.bytes.size(), self->m_total - self->m_written);
        if (keep > 0 && self->m_file->write(c.bytes.constData(), keep) != keep) {
            self->m_file->cancelWriting();
            return self->finish(false, self->m_file->errorString());
        }
        self->m_written += std::max<qint64>(0, keep);
        Q_EMIT self->progress(self->m_written, self->m_total);
        self->step();
    });
}

void LogSaver::finish(bool ok, const QString &message)
{
    m_done = true;
    Q_EMIT finished(ok, message);
}

} // namespace cdeck::logs
