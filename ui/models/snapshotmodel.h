// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace cdeck {

// A flat model over a list of value rows keyed by a string id, fed whole snapshots.
// setSnapshot() diffs the new snapshot against the current rows: vanished keys are removed in runs,
// changed rows get one dataChanged per run of neighbouring rows, new keys are appended. It never resets,
// so views keep their selection and scroll position across refreshes (docs/style.md, section 4).
// Row order is "first seen": views sort through a QSortFilterProxyModel.
template<typename T, typename Base = QAbstractTableModel>
class SnapshotModel : public Base
{
public:
    using Base::Base;

    const QList<T> &rows() const { return m_rows; }
    const T &at(int row) const { return m_rows.at(row); }
    int rowOf(const QString &key) const
    {
        for (int i = 0; i < m_rows.size(); ++i)
            if (keyOf(m_rows.at(i)) == key)
                return i;
        return -1;
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

    void setSnapshot(const QList<T> &next)
    {
        QHash<QString, int> nextIndex;
        nextIndex.reserve(next.size());
        for (int i = 0; i < next.size(); ++i)
            nextIndex.insert(keyOf(next.at(i)), i);

        // Removals, bottom up, one beginRemoveRows per run of neighbouring rows.
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            if (nextIndex.contains(keyOf(m_rows.at(row))))
                continue;
            const int last = row;
            while (row > 0 && !nextIndex.contains(keyOf(m_rows.at(row - 1))))
                --row;
            this->beginRemoveRows({}, row, last);
            m_rows.remove(row, last - row + 1);
            this->endRemoveRows();
        }

        // Changes in place, one dataChanged per run.
        QSet<QString> present;
        int runStart = -1;
        for (int row = 0; row < m_rows.size(); ++row) {
            const QString key = keyOf(m_rows.at(row));
            present.insert(key);
            const T &incoming = next.at(nextIndex.value(key));
            if (!(m_rows.at(row) == incoming)) {
                m_rows[row] = incoming;
                if (runStart < 0)
                    runStart = row;
            } else if (runStart >= 0) {
                emitRowsChanged(runStart, row - 1);
                runStart = -1;
            }
        }
        if (runStart >= 0)
            emitRowsChanged(runStart, int(m_rows.size()) - 1);

        // Insertions, in the snapshot's order.
        QList<T> added;
        for (const T &item : next)
            if (!present.contains(keyOf(item)))
                added.append(item);
        if (!added.isEmpty()) {
            const int first = int(m_rows.size());
            this->beginInsertRows({}, first, first + int(added.size()) - 1);
            m_rows += added;
            this->endInsertRows();
        }
    }

    // One row, for an answer that arrives before the next snapshot (a cluster just launched).
    void upsert(const T &item)
    {
        const int row = rowOf(keyOf(item));
        if (row >= 0) {
            if (!(m_rows.at(row) == item)) {
                m_rows[row] = item;
                emitRowsChanged(row, row);
            }
            return;
        }
        this->beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(item);
        this->endInsertRows();
    }

    void clear()
    {
        if (m_rows.isEmpty())
            return;
        this->beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        this->endRemoveRows();
    }

    // Stale rows are drawn greyed: the runtime stopped answering, the data is the last known.
    bool isStale() const { return m_stale; }
    void setStale(bool stale)
    {
        if (stale == m_stale)
            return;
        m_stale = stale;
        if (!m_rows.isEmpty())
            emitRowsChanged(0, int(m_rows.size()) - 1);
    }

protected:
    virtual QString keyOf(const T &item) const = 0;

    void emitRowsChanged(int first, int last)
    {
        const int columns = this->columnCount({});
        this->dataChanged(this->index(first, 0), this->index(last, std::max(0, columns - 1)));
    }

private:
    QList<T> m_rows;
    bool m_stale = false;
};

} // namespace cdeck
