// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "lognews.h"

namespace cdeck::engine {

QList<QByteArray> LineAssembler::feed(QByteArrayView chunk)
{
    QList<QByteArray> lines;
    while (!chunk.isEmpty()) {
        const qsizetype end = chunk.indexOf('\n');
        const QByteArrayView piece = end < 0 ? chunk : chunk.first(end);
        if (!m_dropping) {
            if (m_partial.size() + piece.size() > kMaxLine) {
                m_partial.clear();
                m_dropping = true;
            } else {
                m_partial.append(piece);
            }
        }
        if (end < 0)
            break;
        if (!m_dropping) {
            if (m_partial.endsWith('\r'))
                m_partial.chop(1);
            lines.append(m_partial);
        }
        m_partial.clear();
        m_dropping = false;
        chunk = chunk.sliced(end + 1);
    }
    return lines;
}

// The lines are distributed 2022.12's logger.info calls in scheduler.py (add_worker, remove_worker, start).
LogNews daskLogNews(QByteArrayView line)
{
    if (!line.contains("distributed.scheduler"))
        return LogNews::None; // the runtime's preloads and the workers' lines say nothing about membership
    if (line.contains(" - Register worker "))
        return LogNews::WorkerJoined;
    if (line.contains(" - Remove worker "))
        return LogNews::WorkerLeft;
    if (line.contains("Scheduler at:"))
        return LogNews::HeadListening;
    return LogNews::None;
}

// Spark 4.0's log4j lines (Master, Worker, Utils): see tests/core/runtime/data/spark-*.log.
LogNews sparkLogNews(QByteArrayView line)
{
    if (line.contains(" INFO Master: Registering worker "))
        return LogNews::WorkerJoined;
    if (line.contains(" INFO Worker: Successfully registered with master "))
        return LogNews::WorkerJoined;
    if (line.contains(" Master: Removing worker ") || line.contains(" Master: Telling app of lost worker")
        || (line.contains(" Master: ") && line.contains(" is now DEAD")))
        return LogNews::WorkerLeft;
    if (line.contains("Successfully started service 'sparkMaster' on port ")
        || line.contains("Successfully started service 'MasterUI' on port "))
        return LogNews::HeadListening;
    if (line.contains("Successfully started service 'sparkWorker' on port "))
        return LogNews::WorkerListening;
    return LogNews::None;
}

bool LogNewsReader::hasNews(const QString &path, QByteArrayView appended)
{
    bool news = false;
    for (const QByteArray &line : m_lines[path].feed(appended))
        news = news || m_classify(line) != LogNews::None;
    return news;
}

} // namespace cdeck::engine
