// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QVBoxLayout;

namespace cdeck {

class ClusterListFilter;
class Connection;

// The window's left side: one section per connection (its state and its clusters), and the buttons under them
// (SLOs, executive summary, launch, add a connection). One selection across all sections.
class Sidebar : public QWidget
{
    Q_OBJECT
public:
    // connectionsEditable: connections can be added and removed (not when the console was given one --runtime).
    explicit Sidebar(bool connectionsEditable, QWidget *parent = nullptr);

    // removable: the section offers Remove (a saved server) or Close (an event log).
    void addConnection(Connection *connection, bool removable);
    void removeConnection(Connection *connection);
    // Selects the cluster's row (no clusterSelected signal: the caller acts on it). False when it is not listed.
    bool select(Connection *connection, const QString &clusterId);
    // The first row in the section's order (live clusters first), if any.
    QString firstClusterId(Connection *connection) const;
    // Headers and buttons as the connections are now; current: the connection of the page on screen.
    void refresh(Connection *current);

    // View > Filter clusters ("/"): the filter field, its text selected.
    void focusFilter();
    QLineEdit *filterField() const { return m_filter; }

    // "● name": the connection's state as a coloured dot, for headers and the status bar.
    static QString stateDot(ConnectionState state);

Q_SIGNALS:
    void clusterSelected(cdeck::Connection *connection, const QString &clusterId); // by the user
    void removeRequested(cdeck::Connection *connection);
    void launchRequested();
    void addConnectionRequested();
    void summaryRequested();
    void slosRequested();

private:
    struct Section
    {
        Connection *connection = nullptr;
        QWidget *box = nullptr;
        QLabel *header = nullptr;
        QListView *list = nullptr;
        ClusterListFilter *proxy = nullptr;
    };
    const Section *sectionOf(const Connection *connection) const;
    void onSelectionChanged(Connection *connection);
    void applyFilter();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QList<Section> m_sections;
    QVBoxLayout *m_sectionsLayout;
    QLineEdit *m_filter;
    QCheckBox *m_hideTerminated;
    QComboBox *m_order;
    QPushButton *m_launch;
    QPushButton *m_addConnection;
};

} // namespace cdeck
