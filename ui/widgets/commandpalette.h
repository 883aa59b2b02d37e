// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

#include <functional>

class QLineEdit;
class QListWidget;

namespace cdeck {

// Ctrl+K: one list over clusters, tabs and actions, narrowed as the user types (every word must appear, in any
// order, case ignored), Enter runs the first or selected entry (k9s's ":" is the model). Built anew each time
// it opens, so it lists what exists now.
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString kind; // "Cluster", "Tab", "Action": shown beside the text, and searched
        QString text;
        std::function<void()> run;
    };

    explicit CommandPalette(const QList<Entry> &entries, QWidget *parent = nullptr);

    void setQuery(const QString &query);
    QStringList shownTexts() const; // "kind: text" of the entries shown, in order (tests)
    bool runCurrent(); // runs the selected entry and closes; false when none is shown

private:
    void filter();

    QList<Entry> m_entries;
    QLineEdit *m_query;
    QListWidget *m_list;
};

} // namespace cdeck
