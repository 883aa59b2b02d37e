// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/widgets/commandpalette.h"

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace cdeck {

// The window's menu bar: builds File, Cluster, View and Help into the window, names every action (tests and
// the palette find them by objectName) and says which one was triggered. What the menus only show (the
// documentation, About, the theme) they do themselves; what changes the window's state is a signal.
class WindowMenus : public QObject
{
    Q_OBJECT
public:
    // canAddConnections: off when the console was started on one runtime (--runtime). persistent: the theme
    // choice is saved in the settings.
    WindowMenus(QMainWindow *window, QTabWidget *clusterTabs, bool canAddConnections, bool persistent);

    // What the focused cluster's actions may do now; disabled ones stay listed. whyNot*: the signed-in role may
    // not (RolePermissions), said on the action.
    struct ClusterActionState
    {
        bool launch = false;
        bool scale = false;
        bool terminate = false;
        bool protection = false;
        bool isProtected = false;
        QString whyNotLaunch;
        QString whyNotScale;
        QString whyNotTerminate;
        QString whyNotProtection;
    };
    // Sign in / switch user and sign out, for the current connection: shown only where it has users.
    void setSignIn(bool offered, bool signedIn);
    void setClusterActions(const ClusterActionState &state);

    QMenu *fileMenu() const { return m_file; }
    QMenu *clusterMenu() const { return m_cluster; }
    QMenu *viewMenu() const { return m_view; }
    QAction *launchAction() const { return m_launch; }
    QAction *scaleAction() const { return m_scale; }
    QAction *protectionAction() const { return m_protection; }
    QAction *terminateAction() const { return m_terminate; }

    // The enabled, visible menu actions and tabs, for the command palette.
    QList<CommandPalette::Entry> paletteEntries() const;

Q_SIGNALS:
    void openEventLogRequested(const QString &path);
    void addConnectionRequested();
    void launchRequested();
    void scaleRequested();
    void protectionRequested(bool on);
    void terminateRequested();
    void refreshRequested();
    void tabRequested(int index);
    void filterRequested();
    void paletteRequested();
    void summaryRequested();
    void slosRequested();
    void auditRequested();
    void signInRequested();
    void signOutRequested();

private:
    template <typename Slot>
    QAction *add(QMenu *menu, const QString &name, const QString &text, const QKeySequence &key, Slot &&slot);
    void buildFileMenu(bool canAddConnections);
    void buildClusterMenu();
    void buildViewMenu(QTabWidget *clusterTabs, bool persistent);
    void buildHelpMenu();

    QMainWindow *m_window;
    QMenu *m_file = nullptr;
    QMenu *m_cluster = nullptr;
    QMenu *m_view = nullptr;
    QAction *m_launch = nullptr;
    QAction *m_scale = nullptr;
    QAction *m_protection = nullptr;
    QAction *m_terminate = nullptr;
    QAction *m_signIn = nullptr;
    QAction *m_signOut = nullptr;
};

} // namespace cdeck
