// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/streamedjson.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace cdeck::spark {

namespace {

// Output goes to the device in pieces of about this size, not one write per member.
constexpr qsizetype FlushAt = 1 << 16;

QByteArray indentation(int depth)
{
    return QByteArray(4 * depth, ' ');
}

// A key exactly as QJsonDocument escapes it: the compact form of a one-string array, brackets removed.
QByteArray quotedKey(const QString &key)
{
    const QByteArray a = QJsonDocument(QJsonArray{key}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

// value at the given depth: its first line follows the key, the others get the depth's indentation.
void appendIndented(QByteArray &buffer, const QJsonObject &value, int depth)
{
    QByteArray text = QJsonDocument(value).toJson(QJsonDocument::Indented);
    if (text.endsWith('\n'))
        text.chop(1);
    // JSON strings carry no raw newline, so every '\n' ends a line of the layout.
    QByteArray newline("\n");
    newline += indentation(depth);
    buffer += text.replace('\n', newline);
}

} // namespace

StreamedJson::StreamedJson()
{
    quint64 words[2];
    QRandomGenerator::system()->fillRange(words);
    m_marker = "cdeck-streamed-" + QByteArray::number(words[0], 16) + QByteArray::number(words[1], 16) + '-';
}

QJsonValue StreamedJson::objectPlaceholder(Producer produce)
{
    m_producers.append(std::move(produce));
    const QByteArray placeholder = m_marker + QByteArray::number(m_producers.size() - 1);
    return QString::fromLatin1(placeholder);
}

bool StreamedJson::write(QIODevice &out) const
{
    const QByteArray text = m_root.isArray() ? QJsonDocument(m_root.toArray()).toJson(QJsonDocument::Indented)
                                             : QJsonDocument(m_root.toObject()).toJson(QJsonDocument::Indented);
    const QByteArray quotedMarker = '"' + m_marker;
    QByteArray buffer;
    bool ok = true;
    auto flush = [&](bool always) {
        if (always || buffer.size() >= FlushAt) {
            ok = ok && out.write(buffer) == buffer.size();
            buffer.clear();
        }
    };
    qsizetype from = 0;
    for (qsizetype at = text.indexOf(quotedMarker); at >= 0 && ok; at = text.indexOf(quotedMarker, from)) {
        const qsizetype numberStart = at + quotedMarker.size();
        const qsizetype close = text.indexOf('"', numberStart);
        bool isNumber = false;
        const qsizetype index = text.mid(numberStart, close - numberStart).toLongLong(&isNumber);
        Q_ASSERT(close > 0 && isNumber && index >= 0 && index < m_producers.size());
        if (close < 0 || !isNumber || index < 0 || index >= m_producers.size())
            return false;
        // The placeholder's depth is its line's indentation: the object opens there and closes at that depth.
        const qsizetype lineStart = text.lastIndexOf('\n', at) + 1;
        qsizetype spaces = 0;
        while (text.at(lineStart + spaces) == ' ')
            ++spaces;
        const int depth = int(spaces / 4);

        buffer += QByteArrayView(text).sliced(from, at - from);
        buffer += "{\n";
        bool first = true;
        m_producers.at(index)([&](const QString &key, const QJsonObject &value) {
            if (!first)
                buffer += ",\n";
            first = false;
            buffer += indentation(depth + 1);
            buffer += quotedKey(key);
            buffer += ": ";
            appendIndented(buffer, value, depth + 1);
            flush(false);
        });
        if (!first)
            buffer += '\n';
        buffer += indentation(depth);
        buffer += '}';
        from = close + 1;
    }
    buffer += QByteArrayView(text).sliced(from);
    flush(true);
    return ok;
}

} // namespace cdeck::spark
