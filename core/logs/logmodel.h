// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/logs/lineindex.h"
#include "core/logs/logline.h"
#include "core/logs/logsource.h"

#include <QAbstractListModel>
#include <QCache>
#include <QPointer>
#include <QSet>

namespace cdeck::logs {

// One row per line of a log of any size, read by byte ranges and never whole. Opening answers at once:
// the line index (where lines start) is built by reading the log in 4 MiB chunks whose newlines are
// counted on Qt's thread pool, and rows appear as it goes. A row's text is read when a view asks for
// it, a block of 256 lines at a time (a few blocks are kept); until it arrives the row is empty and
// dataChanged() follows. Following adds the lines the log grows by.
//
// Searches (text, time) read the log in chunks too, off the GUI thread, and answer with found() or
// notFound(); a new search or a new source cancels the one running.
class LogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        LevelRole = Qt::UserRole + 1, // int(LogLevel)
        TimestampRole, // qint64 ms since the epoch, or null when the line has none
        LoadedRole, // bool: the text has arrived
    };
    static constexpr qint64 kIndexChunkBytes = 4 * 1024 * 1024;
    static constexpr int kStride = 256; // lines per block
    static constexpr qint64 kMaxBlockBytes = 8 * 1024 * 1024; // lines past it in one block are cut
    static constexpr int kMaxLineChars = 16 * 1024; // longer lines are shown cut, with a mark

    explicit LogModel(QObject *parent = nullptr);
    ~LogModel() override;

    // The source stays the caller's; nullptr empties the model.
    void setSource(LogByteSource *source);
    LogByteSource *source() const { return m_source; }
    void setFollowing(bool on);
    bool isFollowing() const { return m_following; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    qint64 knownSize() const { return m_knownSize; } // the log's size as last seen
    qint64 indexedBytes() const { return m_index.indexedBytes(); }
    bool isIndexing() const { return m_index.indexedBytes() < m_knownSize; }
    QString lineText(int row) const; // "" until loaded

    // The next line (forward: after fromRow; else before it) holding text, case-insensitive for ASCII.
    void findText(const QString &text, int fromRow, bool forward);
    // The first line stamped at or after msSinceEpoch (lines without a time belong to the one above).
    void findTime(qint64 msSinceEpoch);
    void cancelSearch();
    bool isSearching() const { return m_searchGeneration != 0; }

Q_SIGNALS:
    void indexProgress(qint64 indexedBytes, qint64 size);
    void caughtUp(); // every byte known so far is indexed
    void grewWhileFollowing(); // rows were added by following: a view at the end scrolls on
    void found(int row);
    void notFound(const QString &why);
    void sourceFailed(const QString &why);
    void sourceEnded(const QString &why);

private:
    struct Line
    {
        QString text;
        LogLevel level = LogLevel::None;
        qint64 timestampMs = -1;
    };
    struct Block
    {
        QList<Line> lines;
    };

    void restart();
    void pumpIndex();
    void mergeScan(const LineIndex::Scan &scan);
    void requestBlock(qint64 block) const;
    void blockArrived(qint64 block, quint64 generation, const LogByteSource::Chunk &chunk);
    void onGrew(qint64 size);
    void onTruncated(qint64 size);
    // Searches
    void searchTextStep(quint64 search, QByteArray needle, qint64 block, bool forward, int fromRow);
    void searchTimeStep(quint64 search, qint64 targetMs, qint64 lo, qint64 hi);
    void searchTimeFinish(quint64 search, qint64 targetMs, qint64 block);
    qint64 chunkBlocks(qint64 firstBlock, qint64 maxBytes) const;
    qint64 searchableBlocks() const;

    QPointer<LogByteSource> m_source;
    LineIndex m_index{kStride};
    quint64 m_generation = 1; // bumped when the source changes or the log is truncated: late answers are dropped
    qint64 m_knownSize = 0;
    bool m_indexBusy = false;
    bool m_following = false;
    bool m_caughtUpSignalled = false;
    mutable QCache<qint64, Block> m_blocks{64};
    mutable QSet<qint64> m_pendingBlocks;
    quint64 m_searchGeneration = 0; // 0: no search running
    quint64 m_lastSearch = 0;
};

} // namespace cdeck::logs
