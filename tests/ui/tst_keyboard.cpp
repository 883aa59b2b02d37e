// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The console without a mouse (issue 17): the menus and their standard shortcuts, Alt+1..9 for the tabs,
// "/" to the sidebar's filter, the Ctrl+K palette over clusters, tabs and actions, the About dialog's versions,
// and no mnemonic used twice in any dialog or page, in English and in German. Offscreen, on a Spark event log (no
// server anywhere).
#include "testpaths.h"
#include "ui/backend/connection.h"
#include "ui/clusterpage.h"
#include "ui/auth/signindialog.h"
#include "ui/forms/aboutdialog.h"
#include "ui/forms/addruntimedialog.h"
#include "ui/forms/budgetdialog.h"
#include "ui/forms/launchform.h"
#include "ui/forms/scaledialog.h"
#include "ui/forms/slodialog.h"
#include "ui/forms/terminatedialog.h"
#include "ui/mainwindow.h"
#include "ui/panels/auditpanel.h"
#include "ui/models/clusterlistmodel.h"
#include "ui/sidebar.h"
#include "ui/widgets/commandpalette.h"
#include "ui/panels/dagpanel.h"
#include "ui/panels/jobspanel.h"
#include "ui/panels/budgetactions.h"
#include "ui/panels/slospanel.h"
#include "ui/panels/summarypanel.h"
#include "ui/panels/timelinepanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

// The letter after a single '&' ("&&" is a literal ampersand), upper-cased; empty without one.
QString mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&')
            continue;
        if (text[i + 1] == u'&') {
            ++i;
            continue;
        }
        return text[i + 1].toUpper();
    }
    return {};
}

// Every mnemonic a user can reach by Alt+letter in this widget as shown now: labels with a buddy, buttons,
// group boxes (hidden ones, e.g. other tabs' pages, do not count). Menus are their own scope.
QStringList mnemonics(QWidget *root)
{
    QStringList found;
    auto note = [&](QWidget *w, const QString &text) {
        if (w->isVisibleTo(root) || w == root) {
            const QString m = mnemonicOf(text);
            if (!m.isEmpty())
                found.append(m + u" ("_s + QString(text).remove(u'&') + u")"_s);
        }
    };
    for (QLabel *l : root->findChildren<QLabel *>())
        if (l->buddy() && l->textFormat() != Qt::RichText)
            note(l, l->text());
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
        note(b, b->text());
    for (QGroupBox *g : root->findChildren<QGroupBox *>())
        note(g, g->title());
    return found;
}

// "A (Apply), A (Add)": the mnemonics used more than once; empty when each is used once.
QString duplicates(QStringList found)
{
    found.sort();
    QStringList dups;
    for (qsizetype i = 1; i < found.size(); ++i)
        if (found[i].left(1) == found[i - 1].left(1))
            dups << found[i - 1] << found[i];
    dups.removeDuplicates();
    return dups.join(u", "_s);
}

// The console's translation (clusterdeck_LANGUAGE.qm, as main.cpp installs it) until it is destroyed; null when
// it cannot be loaded.
std::unique_ptr<QTranslator> installTranslation(const QString &language)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(u"clusterdeck_"_s + language, QStringLiteral(CLUSTERDECK_QM_DIR)))
        return nullptr;
    QCoreApplication::installTranslator(translator.get());
    return translator;
}

} // namespace

class TstKeyboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup() { m_window.reset(); }
    void menusHaveStandardShortcuts();
    void altDigitsSwitchTabs();
    void slashFocusesTheFilter();
    void paletteFindsClustersTabsAndActions();
    void aboutSaysTheProjectVersion();
    void noMnemonicTwiceInADialog_data() { languages(); }
    void noMnemonicTwiceInADialog();
    void noMnemonicTwiceInTheWindow_data() { languages(); }
    void noMnemonicTwiceInTheWindow();

private:
    // The console's languages: German labels choose their own Alt+letters, so each is walked.
    static void languages()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("de") << u"de"_s;
    }
    MainWindow *openLog();
    QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }
    std::unique_ptr<MainWindow> m_window;
};

void TstKeyboard::initTestCase()
{
    QVERIFY2(QFileInfo::exists(test::fixturesDir() + u"/spark/event-logs/local-1642039451826"_s),
             qPrintable(u"no fixtures under "_s + test::fixturesDir()));
}

MainWindow *TstKeyboard::openLog()
{
    ConsoleOptions options;
    options.eventLogs = {test::fixturesDir() + u"/spark/event-logs/local-1642039451826"_s};
    options.startLocalRuntime = false;
    options.persistent = false;
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return nullptr;
    // The log is read on a worker thread; its application is selected once read.
    if (!QTest::qWaitFor([this] { return !m_window->currentClusterId().isEmpty(); }, 20000))
        return nullptr;
    return m_window.get();
}

void TstKeyboard::menusHaveStandardShortcuts()
{
    QVERIFY(openLog());
    QStringList titles;
    for (QAction *menu : m_window->menuBar()->actions())
        titles.append(QString(menu->text()).remove(u'&'));
    QCOMPARE(titles, (QStringList{u"File"_s, u"Cluster"_s, u"View"_s, u"Help"_s}));
    QCOMPARE(action(u"openEventLogAction"_s)->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(action(u"quitAction"_s)->shortcut(), QKeySequence(QKeySequence::Quit));
    QCOMPARE(action(u"launchAction"_s)->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(action(u"refreshAction"_s)->shortcut(), QKeySequence(QKeySequence::Refresh));
    QCOMPARE(action(u"documentationAction"_s)->shortcut(), QKeySequence(QKeySequence::HelpContents));
    QCOMPARE(action(u"paletteAction"_s)->shortcut(), QKeySequence(u"Ctrl+K"_s));
    QCOMPARE(action(u"filterAction"_s)->shortcut(), QKeySequence(u"/"_s));
    // An event log is not run by ClusterDeck: the cluster actions are there, disabled, as the header's buttons.
    QVERIFY(!action(u"launchAction"_s)->isEnabled());
    QVERIFY(!action(u"scaleAction"_s)->isEnabled());
    QVERIFY(!action(u"terminateAction"_s)->isEnabled());
    // Every shortcut is used once.
    QSet<QKeySequence> seen;
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (a->shortcut().isEmpty())
            continue;
        QVERIFY2(!seen.contains(a->shortcut()), qPrintable(a->shortcut().toString()));
        seen.insert(a->shortcut());
    }
}

void TstKeyboard::altDigitsSwitchTabs()
{
    QVERIFY(openLog());
    QTabWidget *tabs = m_window->clusterPage()->tabs();
    QCOMPARE(tabs->currentIndex(), 0);
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::AltModifier);
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(m_window->jobsPanel()));
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::AltModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    // A disabled tab (no memory series in an event log) is not switched to.
    QVERIFY(!tabs->isTabEnabled(3));
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::AltModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    QTest::keyClick(m_window.get(), Qt::Key_7, Qt::AltModifier);
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(m_window->dagPanel()));
    // Each of Alt+1..9 names its tab in the View menu.
    for (int i = 0; i < 9; ++i)
        QCOMPARE(action(u"tabAction%1"_s.arg(i + 1))->shortcut(), QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
}

void TstKeyboard::slashFocusesTheFilter()
{
    QVERIFY(openLog());
    QLineEdit *filter = m_window->sidebar()->filterField();
    m_window->clusterPage()->tabs()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_Slash);
    QTRY_VERIFY(filter->hasFocus());
    // Typing there narrows the list; "/" inside the field is text, not the shortcut again.
    QTest::keyClicks(filter, u"no/such"_s);
    QCOMPARE(filter->text(), u"no/such"_s);
    Connection *log = m_window->connections().first();
    auto *list = m_window->sidebar()->findChild<QAbstractItemView *>(u"clusterList"_s);
    QVERIFY(list);
    QCOMPARE(list->model()->rowCount(), 0);
    QCOMPARE(log->clusters()->rowCount(), 1);
    // Esc clears it, and the application is listed again.
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(list->model()->rowCount(), 1);
}

void TstKeyboard::paletteFindsClustersTabsAndActions()
{
    QVERIFY(openLog());
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    CommandPalette *palette = nullptr;
    QTRY_VERIFY((palette = m_window->findChild<CommandPalette *>()) && palette->isVisible());
    const QStringList all = palette->shownTexts();
    QVERIFY2(std::any_of(all.cbegin(), all.cend(), [](const QString &t) { return t.startsWith(u"Cluster: "_s); }),
             qPrintable(all.join(u'\n')));
    QVERIFY(all.contains(u"Tab: Timeline (Alt+8)"_s));
    // Disabled actions are not offered: nothing to launch on an event log.
    QVERIFY(std::none_of(all.cbegin(), all.cend(), [](const QString &t) { return t.contains(u"Launch"_s); }));
    // Every word must appear; Enter runs the first match.
    palette->setQuery(u"tab time"_s);
    QCOMPARE(palette->shownTexts(), QStringList{u"Tab: Timeline (Alt+8)"_s});
    QTest::keyClick(palette->findChild<QLineEdit *>(u"paletteQuery"_s), Qt::Key_Return);
    QTRY_VERIFY(!palette->isVisible());
    QCOMPARE(m_window->clusterPage()->tabs()->currentWidget(), static_cast<QWidget *>(m_window->timelinePanel()));
    // A query that matches nothing runs nothing.
    m_window->openPalette();
    QTRY_VERIFY((palette = m_window->findChild<CommandPalette *>()) && palette->isVisible());
    palette->setQuery(u"zzz-nothing"_s);
    QVERIFY(palette->shownTexts().isEmpty());
    QVERIFY(!palette->runCurrent());
}

void TstKeyboard::aboutSaysTheProjectVersion()
{
    QCoreApplication::setApplicationVersion(QStringLiteral(CLUSTERDECK_VERSION));
    AboutDialog about;
    auto *versions = about.findChild<QLabel *>(u"aboutVersions"_s);
    QVERIFY(versions);
    QVERIFY2(versions->text().contains(u"ClusterDeck " CLUSTERDECK_VERSION ""_s), qPrintable(versions->text()));
    QVERIFY(versions->text().contains(QString::fromLatin1(qVersion())));
    QVERIFY(AboutDialog::documentationUrl().isValid());
    QCOMPARE(QString::fromLatin1(CLUSTERDECK_VERSION).count(u'.'), qsizetype(2)); // CMake's MAJOR.MINOR.PATCH
}

void TstKeyboard::noMnemonicTwiceInADialog()
{
    QFETCH(QString, language);
    const auto translation = installTranslation(language);
    QVERIFY(translation);
    ClusterInfo cluster;
    cluster.id = u"c-1"_s;
    cluster.spec.name = u"etl"_s;
    cluster.spec.workers = 2;
    cluster.state = ClusterState::Waiting;
    std::vector<std::unique_ptr<QWidget>> dialogs;
    dialogs.push_back(std::make_unique<LaunchForm>());
    dialogs.push_back(std::make_unique<AddRuntimeDialog>());
    dialogs.push_back(std::make_unique<ScaleDialog>(cluster, std::nullopt));
    dialogs.push_back(std::make_unique<TerminateDialog>(cluster));
    dialogs.push_back(std::make_unique<AboutDialog>());
    dialogs.push_back(std::make_unique<CommandPalette>(QList<CommandPalette::Entry>{}));
    dialogs.push_back(std::make_unique<BudgetDialog>(u"USD"_s, u"team=data"_s, 500));
    triage::SloDefinition slo;
    slo.id = u"slo-00000001"_s; // editing: the replacement note shows too
    slo.jobName = u"export_report"_s;
    slo.sli = triage::SliKind::P95Duration;
    slo.thresholdSeconds = 60;
    dialogs.push_back(std::make_unique<SloDialog>(slo));
    dialogs.push_back(std::make_unique<SignInDialog>(u"prod"_s, u"https://prod:7650"_s));
    for (const auto &d : dialogs) {
        d->show();
        // The launch form's policy fields show only for a managed policy: check them shown too.
        if (auto *form = qobject_cast<LaunchForm *>(d.get()))
            form->prefillPolicy(1, 4);
        const QStringList found = mnemonics(d.get());
        // The walker does see them (the launch form has a dozen, three of them once Alt+N).
        if (qobject_cast<LaunchForm *>(d.get()))
            QVERIFY(found.size() >= 10);
        if (qobject_cast<SloDialog *>(d.get()))
            QVERIFY(found.size() >= 7); // its fields (Save and Cancel have one only where the platform theme gives it)
        QVERIFY2(duplicates(found).isEmpty(),
                 qPrintable(u"%1: %2"_s.arg(QString::fromLatin1(d->metaObject()->className()), duplicates(found))));
    }
}

void TstKeyboard::noMnemonicTwiceInTheWindow()
{
    QFETCH(QString, language);
    const auto translation = installTranslation(language);
    QVERIFY(translation);
    QVERIFY(openLog());
    QStringList menuTitles;
    for (QAction *menu : m_window->menuBar()->actions()) {
        menuTitles.append(mnemonicOf(menu->text()) + u" ("_s + menu->text() + u")"_s);
        QStringList items;
        for (QAction *a : menu->menu()->actions())
            if (!a->isSeparator() && !mnemonicOf(a->text()).isEmpty())
                items.append(mnemonicOf(a->text()) + u" ("_s + a->text() + u")"_s);
        QVERIFY2(duplicates(items).isEmpty(), qPrintable(menu->text() + u": "_s + duplicates(items)));
    }
    // Each tab on screen with the menu bar and the sidebar: Alt+letter must mean one thing.
    QTabWidget *tabs = m_window->clusterPage()->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        if (!tabs->isTabEnabled(i))
            continue;
        tabs->setCurrentIndex(i);
        const QStringList found = menuTitles + mnemonics(m_window.get());
        QVERIFY2(duplicates(found).isEmpty(), qPrintable(tabs->tabText(i) + u": "_s + duplicates(found)));
    }
    // The pages beside the cluster page: the executive summary (with its budget controls) and the SLOs, each with
    // the menu bar and the sidebar.
    m_window->summaryPanel()->budgetActions()->setEditable(true);
    m_window->summaryPanel()->budgetActions()->setBudgets({QJsonObject{{u"tag"_s, u"team=data"_s}, {u"limit"_s, 1}}},
                                                          u"USD"_s);
    m_window->slosPanel()->setEditable(true);
    for (QWidget *page :
         {static_cast<QWidget *>(m_window->summaryPanel()), static_cast<QWidget *>(m_window->slosPanel()),
          static_cast<QWidget *>(m_window->auditPanel())}) {
        if (page == m_window->summaryPanel())
            m_window->showSummary();
        else if (page == m_window->slosPanel())
            m_window->showSlos();
        else
            m_window->showAudit();
        QVERIFY(page->isVisible());
        const QStringList found = menuTitles + mnemonics(m_window.get());
        QVERIFY2(duplicates(found).isEmpty(), qPrintable(page->objectName() + u": "_s + duplicates(found)));
    }
}

QTEST_MAIN(TstKeyboard)
#include "tst_keyboard.moc"
