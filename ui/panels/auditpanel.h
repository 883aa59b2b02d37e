// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace cdeck {

// The runtime's audit log (GET /api/v1/audit through the connection's feed): one row per entry with when, who,
// what, on what and the outcome, newest page first; a refusal (denied) stands out in the danger colours. The
// filters (user, cluster, action: the API's own) and the paging (older, newer, the latest) are queries the panel
// asks for through queryRequested; the window sends them to the connection and the answer comes back through
// setEntries. It only reads: nothing on this page changes the log.
class AuditPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { At, User, Action, Target, Outcome, Detail, ColumnCount };
    static constexpr int kPageSize = 100;

    explicit AuditPanel(QWidget *parent = nullptr);

    void clear(); // another connection: nothing shown, the filters kept
    void refresh(); // the latest page with the filters as they are (asks through queryRequested)
    // The answer to the query asked last (older answers are dropped): entries oldest first, or why none.
    void setEntries(const QString &query, const QJsonArray &entries, const QString &error);
    bool hasData() const { return m_hasData; }
    QString currentQuery() const { return m_query; }

    void setUserFilter(const QString &user);
    void setClusterFilter(const QString &clusterId);
    void setActionFilter(const QString &action); // "METHOD PATTERN", "" for all
    int rowCount() const;
    QString cellText(int row, Column column) const;
    bool rowStandsOut(int row) const; // a denied entry
    QPushButton *olderButton() const { return m_older; }
    QPushButton *newerButton() const { return m_newer; }

Q_SIGNALS:
    void queryRequested(const QString &query);

protected:
    void changeEvent(QEvent *event) override;

private:
    void ask(const QString &page); // "before=SEQ" or "after=SEQ"
    void applyColours();
    void updatePaging();

    QLineEdit *m_user;
    QLineEdit *m_cluster;
    QComboBox *m_action;
    QPushButton *m_refresh;
    QPushButton *m_older;
    QPushButton *m_newer;
    QLabel *m_status;
    QTableWidget *m_table;
    QJsonArray m_entries;
    QString m_query;
    QString m_page; // the paging part of m_query
    bool m_hasData = false;
    bool m_fullPage = false; // the last answer filled a page: there may be more beyond it
};

} // namespace cdeck
