// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/clusterpage.h"
#include "connectionregistry.h"

#include <QPointer>
#include <QStackedWidget>

#include <optional>

class QLabel;

namespace cdeck {

class AuditPanel;
class Connection;
class FocusedCluster;
class LaunchForm;
class SlosPanel;
class SummaryPanel;

// The pages a window can show (--page, tests): the cluster page's tabs and the pages beside it.
enum class ConsolePage {
    Overview,
    Executors,
    Jobs,
    Launch,
    Memory,
    Shuffle,
    Dag,
    Timeline,
    Incidents,
    Cost,
    Summary,
    Slos,
    Logs,
    Audit
};

// The right side of the window: a stack of the focused cluster's ClusterPage, the launch form, the executive
// summary, the SLOs and an empty page that says what to do. It knows which connection each connection-wide page
// speaks for, switches between them and tells the connections what the page on screen needs polled.
class PageStack : public QStackedWidget
{
    Q_OBJECT
public:
    PageStack(FocusedCluster *focus, QWidget *parent);

    ClusterPage *clusterPage() const { return m_clusterPage; }
    LaunchForm *launchForm() const { return m_launchForm; }
    SummaryPanel *summary() const { return m_summary; }
    SlosPanel *slos() const { return m_slos; }
    AuditPanel *audit() const { return m_audit; }
    Connection *launchConnection() const { return m_launchConnection; }
    Connection *summaryConnection() const;
    Connection *slosConnection() const;
    Connection *auditConnection() const;

    static std::optional<ClusterPage::Tab> tabOf(ConsolePage page); // none for the pages outside the cluster page

    void showClusterPage();
    void showEmptyPage();
    bool showsEmptyPage() const { return currentWidget() == m_emptyPage; }
    void showLaunchForm(Connection *connection, const ConnectionCatalog &catalog);
    void showSummary(Connection *connection);
    void showSlos(Connection *connection);
    void showAudit(Connection *connection); // its latest entries, asked now
    // A part of the connection's catalog arrived: the launch form takes it when it launches on that connection,
    // the cluster page when its cluster is that connection's.
    void applyCatalog(Connection *connection, const ConnectionCatalog &catalog, ConnectionCatalog::Part part);
    void forget(Connection *connection); // it is being removed

    // What each connection polls for the page on screen (cost, summary, SLOs).
    void updatePolling(const QList<Connection *> &connections);
    void updateEmptyText(Connection *c);
    // The data of page has arrived for connection c (current, may be null).
    bool isReady(ConsolePage page, Connection *c) const;

    // A connection's feed: the summary's, SLOs' and audit log's answers for the pages that show them.
    void watch(Connection *connection);

private:
    FocusedCluster *m_focus;
    QWidget *m_emptyPage;
    QLabel *m_emptyText;
    ClusterPage *m_clusterPage;
    LaunchForm *m_launchForm;
    SummaryPanel *m_summary;
    SlosPanel *m_slos;
    AuditPanel *m_audit;
    Connection *m_launchConnection = nullptr;
    QPointer<Connection> m_slosConnection;
    QPointer<Connection> m_summaryConnection;
    QPointer<Connection> m_auditConnection;
};

} // namespace cdeck
