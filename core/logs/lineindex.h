// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QList>

namespace cdeck::logs {

// Where a log's lines start, learnt by scanning its bytes once from the beginning. Sparse: it keeps the
// start of every stride-th line, so a 1 GB log of ten million lines costs 40,000 offsets (320 KB), and
// any line is found by reading from the nearest kept start. A last line with no newline yet counts as
// a line (a log is read while it is written).
//
// Scanning is split so it can run off the GUI thread: scan() is a pure function of the bytes and where
// they start; merge() (cheap) adds its result. Chunks must be scanned and merged in order.
class LineIndex
{
public:
    explicit LineIndex(int stride = 256);

    struct Scan
    {
        qint64 offset = 0; // where the scanned bytes started: must equal indexedBytes() at merge
        qint64 length = 0;
        qint64 newlines = 0;
        QList<qint64> kept; // starts of the lines at multiples of the stride that these bytes begin
        qint64 afterLastNewline = -1; // where the line after the chunk's last newline starts; -1: none
    };
    // completeLines: lines ended before the chunk (the index's completeLines() when scanned).
    static Scan scan(QByteArrayView bytes, qint64 offset, qint64 completeLines, int stride);
    Scan scan(QByteArrayView bytes) const { return scan(bytes, m_indexedBytes, m_completeLines, m_stride); }
    bool merge(const Scan &s); // false (and nothing changes) when s is not the next chunk
    void append(QByteArrayView bytes) { merge(scan(bytes)); }

    qint64 indexedBytes() const { return m_indexedBytes; }
    qint64 completeLines() const { return m_completeLines; } // newlines seen
    // Lines to show: the complete ones, plus the last one when it has begun and not ended.
    qint64 lineCount() const { return m_completeLines + (m_indexedBytes > m_lastLineStart ? 1 : 0); }
    int stride() const { return m_stride; }

    // The kept line at or before row: read from offset, skip (row - line) lines to reach row.
    struct Anchor
    {
        qint64 line = 0;
        qint64 offset = 0;
    };
    Anchor anchorFor(qint64 row) const;
    // Where the anchor after this one starts (indexedBytes() when there is none yet): a block's end.
    qint64 blockEnd(qint64 block) const;
    qint64 blockCount() const { return m_kept.size(); }
    // The block (row / stride) holding the line that contains byte offset (the last one it can).
    qint64 blockOfOffset(qint64 offset) const;

    void clear();

private:
    int m_stride;
    QList<qint64> m_kept{0}; // m_kept[k]: where line k * stride starts
    qint64 m_indexedBytes = 0;
    qint64 m_completeLines = 0;
    qint64 m_lastLineStart = 0; // where the line after the last newline starts
};

} // namespace cdeck::logs
