// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QLabel;
class QMainWindow;

namespace cdeck {

class Connection;

// What the window says about the connection of the page on screen: the banner above the pages (not answering,
// token refused, an unusable answer), the permanent line of the status bar (state, clusters, last answer), and
// the transient messages of the actions.
class ConnectionStatus : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionStatus(QMainWindow *window);

    QLabel *banner() const { return m_banner; } // for the window's layout
    QLabel *identity() const { return m_identity; } // "Signed in as …" (tests)

    // localStartNote: what the console did when nothing answered on the local port (said on the local banner).
    void show(Connection *c, const QString &localStartNote);
    void showNoConnection();
    void showMessage(const QString &message, int timeoutMs);
    void applyColours(); // the banner's colours, from the palette's lightness

private:
    void updateBanner(Connection *c, const QString &localStartNote);
    void updateLine(Connection *c);
    void updateIdentity(Connection *c);

    QMainWindow *m_window;
    QLabel *m_banner;
    QLabel *m_line;
    QLabel *m_identity;
};

} // namespace cdeck
