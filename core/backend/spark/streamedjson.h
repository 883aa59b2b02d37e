// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace cdeck::spark {

// A JSON answer too large to hold as one tree (a stage with 100,000 tasks is gigabytes as QJsonObjects): the
// small part is an ordinary QJsonValue in which each large object is a placeholder, and write() replaces each
// placeholder by its members as they are produced, one at a time. The bytes are those
// QJsonDocument::toJson(Indented) gives for the whole tree, so answers streamed and answers built compare equal.
class StreamedJson
{
public:
    // Hands one member to the writer. Members must come in the order QJsonObject keeps them (keys sorted, each
    // once); the producer sorts, since only it knows its keys cheaply.
    using MemberSink = std::function<void(const QString &key, const QJsonObject &value)>;
    using Producer = std::function<void(const MemberSink &)>;

    StreamedJson();

    // A string to put where the object goes; `produce` runs when write() reaches it.
    QJsonValue objectPlaceholder(Producer produce);
    bool isEmpty() const { return m_producers.isEmpty(); }

    // The answer holding the placeholders: an object or an array.
    void setRoot(const QJsonValue &root) { m_root = root; }
    bool hasRoot() const { return !m_root.isUndefined(); }

    // Writes the root with every placeholder expanded; false when the device failed.
    bool write(QIODevice &out) const;

private:
    QJsonValue m_root = QJsonValue(QJsonValue::Undefined);
    QByteArray m_marker; // random, so no string from a log can pose as a placeholder
    QList<Producer> m_producers;
};

} // namespace cdeck::spark
