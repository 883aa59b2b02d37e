// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace cdeck::engine {

// Complete lines out of the chunks a followed log gains (Host::followFiles): a line cut between two chunks
// is joined; the last, unfinished one waits for its end. A line longer than kMaxLine is dropped.
class LineAssembler
{
public:
    static constexpr qsizetype kMaxLine = 64 * 1024;
    QList<QByteArray> feed(QByteArrayView chunk);

private:
    QByteArray m_partial;
    bool m_dropping = false; // inside a line that outgrew kMaxLine
};

// What one line of an engine's log says about the cluster's membership: a driver that reads it looks at
// the engine now instead of at its next poll. The engine stays the source of truth (its API is read).
enum class LogNews {
    None,
    HeadListening, // the head bound its ports (Dask: "Scheduler at:"; Spark: the master's services)
    WorkerListening, // a Spark Worker bound its port (its key into the master's /json)
    WorkerJoined, // the head registered a worker (or a worker says it is registered)
    WorkerLeft, // the head removed a worker
};

LogNews daskLogNews(QByteArrayView line);
LogNews sparkLogNews(QByteArrayView line);

// Reads the chunks followed logs gain, each file through its own LineAssembler: whether any complete line
// of a chunk carries news.
class LogNewsReader
{
public:
    using Classify = LogNews (*)(QByteArrayView line);
    explicit LogNewsReader(Classify classify)
        : m_classify(classify)
    {
    }
    bool hasNews(const QString &path, QByteArrayView appended);

private:
    Classify m_classify;
    QHash<QString, LineAssembler> m_lines; // by file
};

} // namespace cdeck::engine
