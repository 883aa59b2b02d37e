// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "windowmenus.h"

#include "ui/auth/rolepermissions.h"
#include "ui/consolesettings.h"
#include "ui/forms/aboutdialog.h"
#include "ui/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDesktopServices>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace cdeck {

WindowMenus::WindowMenus(QMainWindow *window, QTabWidget *clusterTabs, bool canAddConnections, bool persistent)
    : QObject(window)
    , m_window(window)
{
    buildFileMenu(canAddConnections);
    buildClusterMenu();
    buildViewMenu(clusterTabs, persistent);
    buildHelpMenu();
}

template <typename Slot>
QAction *WindowMenus::add(QMenu *menu, const QString &name, const QString &text, const QKeySequence &key, Slot &&slot)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    if (!key.isEmpty())
        action->setShortcut(key);
    connect(action, &QAction::triggered, this, std::forward<Slot>(slot));
    return action;
}

void WindowMenus::buildFileMenu(bool canAddConnections)
{
    // File: connections and offline triage of a Spark event log, with no server.
    m_file = m_window->menuBar()->addMenu(tr("&File"));
    add(m_file, u"openEventLogAction"_s, tr("&Open Spark event log…"), QKeySequence::Open, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Spark event log"), QString(),
                                                          tr("Spark event logs (*);;All files (*)"));
        if (!path.isEmpty())
            Q_EMIT openEventLogRequested(path);
    });
    add(m_file, u"openEventLogDirAction"_s, tr("Open &rolling Spark event log (eventlog_v2_* directory)…"), {}, [this] {
        const QString path
            = QFileDialog::getExistingDirectory(m_window, tr("Open a rolling Spark event log directory"));
        if (!path.isEmpty())
            Q_EMIT openEventLogRequested(path);
    });
    QAction *addConnection = add(m_file, u"addConnectionAction"_s, tr("&Add runtime, Spark or YARN…"), {},
                                 &WindowMenus::addConnectionRequested);
    addConnection->setVisible(canAddConnections);
    m_file->addSeparator();
    m_signIn = add(m_file, u"signInAction"_s, tr("S&witch user / sign in…"), {}, &WindowMenus::signInRequested);
    m_signIn->setStatusTip(tr("Sign in to the current runtime with your own token"));
    m_signOut = add(m_file, u"signOutAction"_s, tr("Sign o&ut"), {}, &WindowMenus::signOutRequested);
    m_signOut->setStatusTip(tr("Forget the token you signed in with"));
    setSignIn(false, false);
    m_file->addSeparator();
    add(m_file, u"quitAction"_s, tr("&Quit"), QKeySequence::Quit, [this] { m_window->close(); });
}

void WindowMenus::buildClusterMenu()
{
    // Cluster: what the header's buttons do, for the focused cluster.
    m_cluster = m_window->menuBar()->addMenu(tr("&Cluster"));
    m_launch
        = add(m_cluster, u"launchAction"_s, tr("&Launch cluster…"), QKeySequence::New, &WindowMenus::launchRequested);
    m_scale = add(m_cluster, u"scaleAction"_s, tr("&Scale…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                  &WindowMenus::scaleRequested);
    m_protection
        = add(m_cluster, u"protectionAction"_s, tr("Termination &protection"), {}, &WindowMenus::protectionRequested);
    m_protection->setCheckable(true);
    m_terminate = add(m_cluster, u"terminateAction"_s, tr("&Terminate…"), {}, &WindowMenus::terminateRequested);
    m_cluster->addSeparator();
    add(m_cluster, u"refreshAction"_s, tr("&Refresh now"), QKeySequence::Refresh, &WindowMenus::refreshRequested);
}

void WindowMenus::buildViewMenu(QTabWidget *clusterTabs, bool persistent)
{
    // View: the tabs (Alt+1..9), the sidebar's filter, the palette, the connection-wide pages.
    m_view = m_window->menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < clusterTabs->count() && i < 9; ++i) {
        // The tab's own title, without the incident count it may carry ("Incidents (2)").
        const QString title = clusterTabs->tabText(i).section(u" ("_s, 0, 0);
        add(m_view, u"tabAction%1"_s.arg(i + 1), title, QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)),
            [this, i] { Q_EMIT tabRequested(i); });
    }
    m_view->addSeparator();
    add(m_view, u"filterAction"_s, tr("&Filter clusters"), QKeySequence(Qt::Key_Slash), &WindowMenus::filterRequested);
    add(m_view, u"paletteAction"_s, tr("&Go to…"), QKeySequence(Qt::CTRL | Qt::Key_K), &WindowMenus::paletteRequested);
    m_view->addSeparator();
    add(m_view, u"summaryAction"_s, tr("&Executive summary"), {}, &WindowMenus::summaryRequested);
    add(m_view, u"slosAction"_s, tr("S&LOs"), {}, &WindowMenus::slosRequested);
    add(m_view, u"auditAction"_s, tr("&Audit log"), {}, &WindowMenus::auditRequested);
    m_view->addSeparator();
    // Theme: System follows the platform's palette (Qt 6.4 has no colour-scheme hint), Light and Dark set ours.
    QMenu *themeMenu = m_view->addMenu(tr("&Theme"));
    themeMenu->setObjectName(u"themeMenu"_s);
    auto *themes = new QActionGroup(this);
    const std::pair<theme::Choice, QString> choices[] = {{theme::Choice::System, tr("&System")},
                                                         {theme::Choice::Light, tr("&Light")},
                                                         {theme::Choice::Dark, tr("&Dark")}};
    for (const auto &[choice, text] : choices) {
        QAction *a = add(themeMenu, u"theme%1Action"_s.arg(theme::name(choice)), text, {}, [persistent, choice] {
            theme::apply(choice);
            if (persistent)
                ConsoleSettings().setTheme(theme::name(choice));
        });
        a->setCheckable(true);
        a->setChecked(theme::current() == choice);
        themes->addAction(a);
    }
}

void WindowMenus::buildHelpMenu()
{
    // Help: where the documentation is, and what this is.
    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    QAction *docs = add(help, u"documentationAction"_s, tr("ClusterDeck &documentation"), QKeySequence::HelpContents,
                        [] { QDesktopServices::openUrl(AboutDialog::documentationUrl()); });
    docs->setToolTip(AboutDialog::documentationUrl().toString());
    add(help, u"aboutAction"_s, tr("&About ClusterDeck"), {}, [this] {
        auto *about = new AboutDialog(m_window);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    add(help, u"aboutQtAction"_s, tr("About &Qt"), {}, &QApplication::aboutQt);
}

void WindowMenus::setClusterActions(const ClusterActionState &state)
{
    m_launch->setEnabled(state.launch);
    m_scale->setEnabled(state.scale);
    m_terminate->setEnabled(state.terminate);
    m_protection->setEnabled(state.protection);
    m_protection->setChecked(state.isProtected);
    RolePermissions::explain(m_launch, state.whyNotLaunch);
    RolePermissions::explain(m_scale, state.whyNotScale);
    RolePermissions::explain(m_terminate, state.whyNotTerminate);
    RolePermissions::explain(m_protection, state.whyNotProtection);
}

void WindowMenus::setSignIn(bool offered, bool signedIn)
{
    m_signIn->setVisible(offered);
    m_signOut->setVisible(offered);
    m_signOut->setEnabled(offered && signedIn);
}

QList<CommandPalette::Entry> WindowMenus::paletteEntries() const
{
    QList<CommandPalette::Entry> entries;
    for (QAction *a : m_window->menuBar()->findChildren<QAction *>()) {
        if (a->menu() || a->isSeparator() || !a->isEnabled() || !a->isVisible() || a->text().isEmpty()
            || a->objectName() == "paletteAction"_L1)
            continue;
        const QString text = QString(a->text()).remove(u'&');
        const QString kind = a->objectName().startsWith("tabAction"_L1) ? tr("Tab") : tr("Action");
        const QString shortcut = a->shortcut().toString(QKeySequence::NativeText);
        entries.append({kind, shortcut.isEmpty() ? text : tr("%1 (%2)").arg(text, shortcut), [a = QPointer(a)] {
                            if (a)
                                a->trigger();
                        }});
    }
    return entries;
}

} // namespace cdeck
