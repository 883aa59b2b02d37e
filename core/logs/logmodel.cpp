// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "logmodel.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>
#include <cstring>

using namespace Qt::StringLiterals;

namespace cdeck::logs {

namespace {

constexpr qint64 kSearchChunkBytes = 4 * 1024 * 1024;
constexpr qint64 kTimeProbeBytes = 64 * 1024;

// Lines of bytes that start at a line start; the last piece counts only if it is not empty.
QList<QByteArrayView> splitLines(QByteArrayView bytes)
{
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const void *hit = std::memchr(bytes.data() + start, '\n', size_t(bytes.size() - start));
        const qsizetype end = hit ? static_cast<const char *>(hit) - bytes.data() : bytes.size();
        QByteArrayView line = bytes.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        start = end + 1;
    }
    return lines;
}

qint64 countNewlines(const char *from, const char *to)
{
    qint64 n = 0;
    while (from < to) {
        const void *hit = std::memchr(from, '\n', size_t(to - from));
        if (!hit)
            break;
        ++n;
        from = static_cast<const char *>(hit) + 1;
    }
    return n;
}

// The row of the first (forward) or last (backward) match of needle in chunk that lies after (before)
// fromRow; -1 if none. firstRow: the row chunk starts at. Runs on the thread pool.
qint64 matchRow(const QByteArray &chunk, const QByteArray &needle, qint64 firstRow, qint64 fromRow, bool forward)
{
    const QByteArray hay = chunk.toLower(); // ASCII case folding; other bytes compare as they are
    if (forward) {
        const char *base = hay.constData();
        qint64 row = firstRow;
        const char *counted = base;
        for (qsizetype at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
            row += countNewlines(counted, base + at);
            counted = base + at;
            if (row > fromRow)
                return row;
        }
        return -1;
    }
    qint64 best = -1;
    const char *base = hay.constData();
    qint64 row = firstRow;
    const char *counted = base;
    for (qsizetype at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
        row += countNewlines(counted, base + at);
        counted = base + at;
        if (row >= fromRow)
            break;
        best = row;
    }
    return best;
}

// The first timestamp among the lines of bytes; nullopt if none has one.
std::optional<qint64> firstTimestamp(QByteArrayView bytes)
{
    for (const QByteArrayView line : splitLines(bytes))
        if (const auto ts = timestampOf(line))
            return ts;
    return std::nullopt;
}

} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

LogModel::~LogModel() = default;

void LogModel::setSource(LogByteSource *source)
{
    if (m_source) {
        m_source->setFollowing(false);
        disconnect(m_source, nullptr, this, nullptr);
    }
    m_source = source;
    if (m_source) {
        connect(m_source, &LogByteSource::grew, this, &LogModel::onGrew);
        connect(m_source, &LogByteSource::truncated, this, &LogModel::onTruncated);
        connect(m_source, &LogByteSource::ended, this, &LogModel::sourceEnded);
        connect(m_source, &LogByteSource::followFailed, this, &LogModel::sourceFailed);
        connect(m_source, &QObject::destroyed, this, [this] { setSource(nullptr); });
    }
    restart();
    if (m_source && m_following)
        m_source->setFollowing(true);
}

void LogModel::setFollowing(bool on)
{
    m_following = on;
    if (m_source)
        m_source->setFollowing(on);
}

void LogModel::restart()
{
    beginResetModel();
    ++m_generation;
    cancelSearch();
    m_index.clear();
    m_blocks.clear();
    m_pendingBlocks.clear();
    m_indexBusy = false;
    m_caughtUpSignalled = false;
    m_knownSize = m_source ? -1 : 0; // -1: not read yet, the first chunk tells
    endResetModel();
    pumpIndex();
}

void LogModel::pumpIndex()
{
    if (m_indexBusy || !m_source)
        return;
    if (m_knownSize >= 0 && m_index.indexedBytes() >= m_knownSize) {
        if (!m_caughtUpSignalled) {
            m_caughtUpSignalled = true;
            Q_EMIT caughtUp();
        }
        return;
    }
    m_indexBusy = true;
    m_caughtUpSignalled = false;
    const quint64 generation = m_generation;
    m_source->read(m_index.indexedBytes(), kIndexChunkBytes, [this, generation](const LogByteSource::Chunk &c) {
        if (generation != m_generation)
            return;
        if (!c.error.isEmpty()) {
            m_indexBusy = false;
            Q_EMIT sourceFailed(c.error);
            return;
        }
        if (c.size >= 0 && c.size < m_index.indexedBytes()) { // shrank under us: a new log
            onTruncated(c.size);
            return;
        }
        if (c.size >= 0)
            m_knownSize = std::max(c.size, c.offset + c.bytes.size());
        if (c.bytes.isEmpty()) {
            m_knownSize = m_index.indexedBytes(); // nothing more to read now
            m_indexBusy = false;
            pumpIndex();
            return;
        }
        // Counting newlines in 4 MiB takes a few ms: the GUI thread only merges the result.
        const qint64 linesBefore = m_index.completeLines();
        (void)QtConcurrent::run([bytes = c.bytes, offset = c.offset, linesBefore] {
            return LineIndex::scan(bytes, offset, linesBefore, kStride);
        }).then(this, [this, generation](const LineIndex::Scan &scan) {
                if (generation != m_generation)
                    return;
                mergeScan(scan);
                m_indexBusy = false;
                Q_EMIT indexProgress(m_index.indexedBytes(), m_knownSize);
                pumpIndex();
            });
    });
}

void LogModel::mergeScan(const LineIndex::Scan &scan)
{
    const qint64 oldCount = std::min<qint64>(m_index.lineCount(), INT_MAX);
    const bool lastWasOpen = m_index.lineCount() > m_index.completeLines();
    if (!m_index.merge(scan))
        return;
    const qint64 newCount = std::min<qint64>(m_index.lineCount(), INT_MAX);
    // The block that held the open last line, and any after it, have new bytes.
    const qint64 firstStale = std::max<qint64>(0, oldCount - 1) / kStride;
    for (qint64 b = firstStale; b <= newCount / kStride; ++b)
        m_blocks.remove(b);
    if (lastWasOpen && oldCount > 0)
        Q_EMIT dataChanged(index(int(oldCount - 1)), index(int(oldCount - 1)));
    if (newCount > oldCount) {
        beginInsertRows({}, int(oldCount), int(newCount - 1));
        endInsertRows();
        if (m_following)
            Q_EMIT grewWhileFollowing();
    }
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(std::min<qint64>(m_index.lineCount(), INT_MAX));
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const qint64 block = index.row() / kStride;
    const Block *b = m_blocks.object(block);
    if (!b) {
        requestBlock(block);
        return role == LoadedRole ? QVariant(false) : QVariant();
    }
    const qsizetype i = index.row() - block * kStride;
    if (i >= b->lines.size())
        return {};
    const Line &line = b->lines[i];
    switch (role) {
    case Qt::DisplayRole:
        return line.text;
    case LevelRole:
        return int(line.level);
    case TimestampRole:
        return line.timestampMs >= 0 ? QVariant(line.timestampMs) : QVariant();
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QString LogModel::lineText(int row) const
{
    return data(index(row), Qt::DisplayRole).toString();
}

void LogModel::requestBlock(qint64 block) const
{
    if (!m_source || m_pendingBlocks.contains(block))
        return;
    const qint64 start = m_index.anchorFor(block * kStride).offset;
    const qint64 end = m_index.blockEnd(block);
    m_pendingBlocks.insert(block);
    auto *self = const_cast<LogModel *>(this); // a cache fill: the rows do not change
    const quint64 generation = m_generation;
    m_source->read(start, std::min(end - start, kMaxBlockBytes),
                   [self, block, generation](const LogByteSource::Chunk &c) { self->blockArrived(block, generation, c); });
}

void LogModel::blockArrived(qint64 block, quint64 generation, const LogByteSource::Chunk &chunk)
{
    if (generation != m_generation)
        return;
    m_pendingBlocks.remove(block);
    const qint64 firstRow = block * kStride;
    const qint64 rows = std::min<qint64>(kStride, m_index.lineCount() - firstRow);
    if (rows <= 0)
        return;
    auto *b = new Block;
    b->lines.reserve(rows);
    const QList<QByteArrayView> lines = splitLines(chunk.bytes);
    for (qint64 i = 0; i < rows; ++i) {
        Line line;
        if (i < lines.size()) {
            const QByteArrayView bytes = lines[i];
            line.level = levelOf(bytes);
            line.timestampMs = timestampOf(bytes).value_or(-1);
            if (bytes.size() > kMaxLineChars)
                line.text = QString::fromUtf8(bytes.first(kMaxLineChars))
                    + tr(" … [line cut: %1 bytes in all]").arg(bytes.size());
            else
                line.text = QString::fromUtf8(bytes);
        } else if (!chunk.error.isEmpty()) {
            line.text = tr("[not readable: %1]").arg(chunk.error);
        } else {
            line.text = tr("[not shown: this block of lines is over %1 MiB]").arg(kMaxBlockBytes / (1024 * 1024));
        }
        b->lines.append(std::move(line));
    }
    m_blocks.insert(block, b);
    Q_EMIT dataChanged(index(int(firstRow)), index(int(firstRow + rows - 1)));
}

void LogModel::onGrew(qint64 size)
{
    if (size > m_knownSize) {
        m_knownSize = size;
        pumpIndex();
    }
}

void LogModel::onTruncated(qint64 size)
{
    Q_UNUSED(size)
    restart();
}

// ---- Searches ---------------------------------------------------------------------------------------------

void LogModel::cancelSearch()
{
    m_searchGeneration = 0;
}

qint64 LogModel::searchableBlocks() const
{
    // Blocks whose end is known; the last one ends where the index does.
    return m_index.blockCount();
}

qint64 LogModel::chunkBlocks(qint64 firstBlock, qint64 maxBytes) const
{
    const qint64 start = m_index.anchorFor(firstBlock * kStride).offset;
    qint64 n = 1;
    while (firstBlock + n < searchableBlocks() && m_index.blockEnd(firstBlock + n) - start <= maxBytes)
        ++n;
    return n;
}

void LogModel::findText(const QString &text, int fromRow, bool forward)
{
    const quint64 search = m_searchGeneration = ++m_lastSearch;
    const QByteArray needle = text.toUtf8().toLower();
    if (needle.isEmpty() || needle.contains('\n')) {
        m_searchGeneration = 0;
        Q_EMIT notFound(tr("Type the text to find (one line)."));
        return;
    }
    const int rows = rowCount();
    if (rows == 0) {
        m_searchGeneration = 0;
        Q_EMIT notFound(tr("The log is empty."));
        return;
    }
    if (forward) {
        const qint64 next = std::clamp<qint64>(qint64(fromRow) + 1, 0, rows - 1);
        searchTextStep(search, needle, next / kStride, true, fromRow);
    } else {
        const qint64 prev = std::clamp<qint64>(qint64(fromRow) - 1, 0, rows - 1);
        searchTextStep(search, needle, prev / kStride, false, fromRow);
    }
}

void LogModel::searchTextStep(quint64 search, QByteArray needle, qint64 block, bool forward, int fromRow)
{
    if (search != m_searchGeneration || !m_source)
        return;
    if (block < 0 || block >= searchableBlocks()) {
        m_searchGeneration = 0;
        const QString where = isIndexing() ? tr(" in the %1 MiB read so far").arg(m_index.indexedBytes() >> 20) : QString();
        Q_EMIT notFound(forward ? tr("No match below%1.").arg(where) : tr("No match above%1.").arg(where));
        return;
    }
    // Forward: this block and the ones after it, up to 4 MiB; backward: the ones before it, down to it.
    qint64 first = block;
    qint64 count = chunkBlocks(block, kSearchChunkBytes);
    if (!forward) {
        first = block;
        count = 1;
        while (first > 0 && m_index.blockEnd(block) - m_index.anchorFor((first - 1) * kStride).offset <= kSearchChunkBytes)
            --first, ++count;
    }
    const qint64 start = m_index.anchorFor(first * kStride).offset;
    const qint64 end = m_index.blockEnd(first + count - 1);
    const quint64 generation = m_generation;
    m_source->read(start, std::min(end - start, kSearchChunkBytes + kMaxBlockBytes),
                   [this, search, generation, needle, first, count, forward, fromRow](const LogByteSource::Chunk &c) {
        if (search != m_searchGeneration || generation != m_generation)
            return;
        if (!c.error.isEmpty()) {
            m_searchGeneration = 0;
            Q_EMIT notFound(c.error);
            return;
        }
        (void)QtConcurrent::run(&matchRow, c.bytes, needle, first * kStride, qint64(fromRow), forward)
            .then(this, [this, search, needle, first, count, forward, fromRow](qint64 row) {
                if (search != m_searchGeneration)
                    return;
                if (row >= 0 && row < rowCount()) {
                    m_searchGeneration = 0;
                    Q_EMIT found(int(row));
                    return;
                }
                searchTextStep(search, needle, forward ? first + count : first - 1, forward, fromRow);
            });
    });
}

void LogModel::findTime(qint64 msSinceEpoch)
{
    const quint64 search = m_searchGeneration = ++m_lastSearch;
    if (rowCount() == 0) {
        m_searchGeneration = 0;
        Q_EMIT notFound(tr("The log is empty."));
        return;
    }
    searchTimeStep(search, msSinceEpoch, 0, searchableBlocks());
}

// Binary search for the last block whose first stamped line is at or before the target (a block with no
// stamp in its first 64 KiB counts as before: a traceback continues the line above it).
void LogModel::searchTimeStep(quint64 search, qint64 targetMs, qint64 lo, qint64 hi)
{
    if (search != m_searchGeneration || !m_source)
        return;
    if (hi - lo <= 1)
        return searchTimeFinish(search, targetMs, lo);
    const qint64 mid = lo + (hi - lo) / 2;
    const quint64 generation = m_generation;
    m_source->read(m_index.anchorFor(mid * kStride).offset, kTimeProbeBytes,
                   [this, search, generation, targetMs, lo, hi, mid](const LogByteSource::Chunk &c) {
        if (search != m_searchGeneration || generation != m_generation)
            return;
        const auto ts = firstTimestamp(c.bytes);
        if (!ts || *ts <= targetMs)
            searchTimeStep(search, targetMs, mid, hi);
        else
            searchTimeStep(search, targetMs, lo, mid);
    });
}

void LogModel::searchTimeFinish(quint64 search, qint64 targetMs, qint64 block)
{
    const qint64 start = m_index.anchorFor(block * kStride).offset;
    const qint64 end = m_index.blockEnd(std::min(block + 1, searchableBlocks() - 1));
    const quint64 generation = m_generation;
    m_source->read(start, std::min(end - start, 2 * kMaxBlockBytes),
                   [this, search, generation, targetMs, block](const LogByteSource::Chunk &c) {
        if (search != m_searchGeneration || generation != m_generation)
            return;
        m_searchGeneration = 0;
        const QList<QByteArrayView> lines = splitLines(c.bytes);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const auto ts = timestampOf(lines[i]);
            if (ts && *ts >= targetMs && block * kStride + i < rowCount()) {
                Q_EMIT found(int(block * kStride + i));
                return;
            }
        }
        Q_EMIT notFound(tr("No line at or after %1.")
                            .arg(QDateTime::fromMSecsSinceEpoch(targetMs).toString(u"yyyy-MM-dd HH:mm:ss"_s)));
    });
}

} // namespace cdeck::logs
