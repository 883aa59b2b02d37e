// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>

namespace cdeck {

// One Server-Sent Event as the runtime's /metrics/stream sends it.
struct SseEvent
{
    QByteArray type = "message"; // "event:" (the spec's default when absent)
    QByteArray data; // "data:" lines joined by '\n'
    QByteArray id; // "id:" of this event, empty when it had none
    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

// Incremental parser of a text/event-stream body (WHATWG HTML "server-sent events": lines end in LF, CRLF
// or CR; a blank line dispatches; ':' starts a comment; one optional space after the colon is dropped).
// Bytes may arrive cut anywhere, also inside a CRLF. A line longer than maxLineBytes is an error rather
// than unbounded buffering, since the stream never ends by itself.
class SseParser
{
public:
    explicit SseParser(qsizetype maxLineBytes = 8 * 1024 * 1024);

    // Returns the events completed by these bytes, in order.
    QList<SseEvent> feed(const QByteArray &bytes);

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    int retryMs() const { return m_retryMs; } // the last "retry:" field, -1 if none
    QByteArray lastEventId() const { return m_lastEventId; }
    void reset();

private:
    void processLine(const QByteArray &line, QList<SseEvent> *out);

    qsizetype m_maxLine;
    QByteArray m_buffer;
    bool m_skipLf = false; // the previous chunk ended in CR: a leading LF belongs to it
    SseEvent m_current;
    bool m_hasData = false;
    QByteArray m_lastEventId;
    int m_retryMs = -1;
    QString m_error;
};

} // namespace cdeck
