// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "sseparser.h"

using namespace Qt::StringLiterals;

namespace cdeck {

SseParser::SseParser(qsizetype maxLineBytes)
    : m_maxLine(maxLineBytes)
{
}

void SseParser::reset()
{
    m_buffer.clear();
    m_skipLf = false;
    m_current = {};
    m_hasData = false;
    m_lastEventId.clear();
    m_retryMs = -1;
    m_error.clear();
}

QList<SseEvent> SseParser::feed(const QByteArray &bytes)
{
    QList<SseEvent> out;
    if (failed())
        return out;
    qsizetype start = 0;
    if (m_skipLf && !bytes.isEmpty()) {
        m_skipLf = false;
        if (bytes.front() == '\n')
            start = 1;
    }
    qsizetype lineStart = start;
    for (qsizetype i = start; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c != '\n' && c != '\r')
            continue;
        m_buffer.append(bytes.constData() + lineStart, i - lineStart);
        processLine(m_buffer, &out);
        m_buffer.clear();
        if (c == '\r') {
            if (i + 1 < bytes.size()) {
                if (bytes[i + 1] == '\n')
                    ++i;
            } else {
                m_skipLf = true;
            }
        }
        lineStart = i + 1;
    }
    m_buffer.append(bytes.constData() + lineStart, bytes.size() - lineStart);
    if (m_buffer.size() > m_maxLine) {
        m_error = u"event stream line longer than %1 bytes"_s.arg(m_maxLine);
        m_buffer.clear();
    }
    return out;
}

void SseParser::processLine(const QByteArray &line, QList<SseEvent> *out)
{
    if (line.isEmpty()) {
        if (m_hasData) {
            if (m_current.data.endsWith('\n'))
                m_current.data.chop(1);
            m_current.id = m_lastEventId;
            out->append(m_current);
        }
        m_current = {};
        m_hasData = false;
        return;
    }
    if (line.front() == ':')
        return; // a comment (the runtime opens with one)
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "event") {
        m_current.type = value;
    } else if (field == "data") {
        m_current.data += value;
        m_current.data += '\n';
        m_hasData = true;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value;
    } else if (field == "retry") {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (ok && ms >= 0)
            m_retryMs = ms;
    }
    // Unknown fields are ignored, as the spec says.
}

} // namespace cdeck
