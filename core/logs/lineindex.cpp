// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "lineindex.h"

#include <algorithm>
#include <cstring>

namespace cdeck::logs {

LineIndex::LineIndex(int stride)
    : m_stride(std::max(1, stride))
{
}

LineIndex::Scan LineIndex::scan(QByteArrayView bytes, qint64 offset, qint64 completeLines, int stride)
{
    Scan s;
    s.offset = offset;
    s.length = bytes.size();
    const char *begin = bytes.data();
    const char *end = begin + bytes.size();
    qint64 lines = completeLines;
    // memchr finds newlines at memory speed; only every stride-th is kept.
    for (const char *p = begin; p < end;) {
        const void *hit = std::memchr(p, '\n', size_t(end - p));
        if (!hit)
            break;
        const char *nl = static_cast<const char *>(hit);
        ++lines;
        ++s.newlines;
        if (lines % stride == 0)
            s.kept.append(offset + (nl - begin) + 1);
        p = nl + 1;
        s.afterLastNewline = offset + (p - begin);
    }
    return s;
}

bool LineIndex::merge(const Scan &s)
{
    if (s.offset != m_indexedBytes)
        return false;
    m_kept.append(s.kept);
    m_completeLines += s.newlines;
    m_indexedBytes += s.length;
    if (s.afterLastNewline >= 0)
        m_lastLineStart = s.afterLastNewline;
    return true;
}

LineIndex::Anchor LineIndex::anchorFor(qint64 row) const
{
    const qint64 block = std::clamp<qint64>(row / m_stride, 0, m_kept.size() - 1);
    return Anchor{block * m_stride, m_kept[block]};
}

qint64 LineIndex::blockEnd(qint64 block) const
{
    return block + 1 < m_kept.size() ? m_kept[block + 1] : m_indexedBytes;
}

qint64 LineIndex::blockOfOffset(qint64 offset) const
{
    // The last kept start at or before offset.
    const auto it = std::upper_bound(m_kept.cbegin(), m_kept.cend(), offset);
    return std::max<qint64>(0, (it - m_kept.cbegin()) - 1);
}

void LineIndex::clear()
{
    m_kept = {0};
    m_indexedBytes = 0;
    m_completeLines = 0;
    m_lastLineStart = 0;
}

} // namespace cdeck::logs
