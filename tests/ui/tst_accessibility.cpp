// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Accessibility (issue 17): every interactive widget of the window has a name a screen reader can say, every
// clickable one takes the keyboard focus, and the charts, bars, the DAG and the timeline say what they show
// ("Memory of executor X: 1.2 GiB of 4 GiB (30%)"). Offscreen, on a Spark event log and on the telemetry
// panels fed as their own tests feed them.
#include "eventlogwindow.h"
#include "testpaths.h"
#include "ui/clusterpage.h"
#include "ui/dag/dagview.h"
#include "ui/mainwindow.h"
#include "ui/models/telemetrywindow.h"
#include "ui/panels/costpanel.h"
#include "ui/panels/dagpanel.h"
#include "ui/logs/logspanel.h"
#include "ui/panels/executormemorypanel.h"
#include "ui/panels/shuffleiopanel.h"
#include "ui/panels/timelinepanel.h"
#include "ui/sidebar.h"
#include "ui/widgets/executorbars.h"
#include "ui/widgets/timechart.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

constexpr qint64 kStart = 1'800'000'000'000;

QString accessibleText(QWidget *w, QAccessible::Text which)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(which) : QString();
}

// The name a screen reader says for a control. A combo box is special on Linux: Qt gives its current text as
// its name and its label through the "labelled by" relation (a buddy), so either of those must be set.
QString spokenName(QWidget *w)
{
    if (auto *combo = qobject_cast<QComboBox *>(w)) {
        if (!combo->accessibleName().isEmpty())
            return combo->accessibleName();
        if (QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w))
            for (const auto &[label, relation] : iface->relations(QAccessible::Labelled))
                if (label && !label->text(QAccessible::Name).isEmpty())
                    return label->text(QAccessible::Name);
        return {};
    }
    return accessibleText(w, QAccessible::Name);
}

QString describe(const QWidget *w)
{
    QStringList path;
    for (const QWidget *p = w; p && path.size() < 3; p = p->parentWidget())
        path.prepend(QString::fromLatin1(p->metaObject()->className())
                     + (p->objectName().isEmpty() ? QString() : u'#' + p->objectName()));
    return path.join(u" > "_s);
}

// What a user operates: buttons, fields, lists, tables, views, and anything drawn by hand that reacts to a
// click (a pointing-hand cursor says so). Parts of a compound control (a spin box's line edit, a combo's list)
// and scroll bars speak through their owner.
bool isInteractive(QWidget *w)
{
    QWidget *parent = w->parentWidget();
    if (qobject_cast<QScrollBar *>(w)
        || (parent
            && (qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent)
                || qobject_cast<QLineEdit *>(parent))))
        return false;
    if (parent && qobject_cast<QTabBar *>(parent))
        return false; // the tab bar's scroll arrows: named by Qt
    if (parent && qobject_cast<QAbstractItemView *>(parent))
        return false; // a table's header: part of the table, reached through it
    if (w->objectName() == "qt_scrollarea_viewport"_L1)
        return false; // the view it belongs to is checked
    return qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QLineEdit *>(w)
        || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QSlider *>(w)
        || qobject_cast<QGraphicsView *>(w) || w->cursor().shape() == Qt::PointingHandCursor;
}

// Interactive widgets on screen under `root` with no accessible name, or that the keyboard cannot reach.
QStringList problemsUnder(QWidget *root)
{
    QStringList problems;
    QList<QWidget *> widgets{root};
    widgets += root->findChildren<QWidget *>();
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root->window()) || !w->isEnabled() || !isInteractive(w))
            continue;
        if (spokenName(w).trimmed().isEmpty())
            problems.append(u"no accessible name: "_s + describe(w));
        if (!(w->focusPolicy() & Qt::TabFocus) && !qobject_cast<QAbstractButton *>(w->parentWidget()))
            problems.append(u"not reachable by Tab: "_s + describe(w));
    }
    return problems;
}

} // namespace

class TstAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_window.reset(); }
    void everyInteractiveWidgetIsNamedAndReachable();
    void theTestFindsAnUnnamedWidget();
    void barsAndChartsSayWhatTheyShow();
    void dagAndTimelineSayWhatTheyShow();
    void barsAreOperatedByKeyboard();

private:
    MainWindow *window();
    std::unique_ptr<MainWindow> m_window;
};

void TstAccessibility::initTestCase()
{
    QVERIFY2(QFileInfo::exists(test::fixturesDir() + u"/spark/event-logs/local-1642039451826"_s),
             qPrintable(u"no fixtures under "_s + test::fixturesDir()));
}

MainWindow *TstAccessibility::window()
{
    if (!m_window)
        m_window = test::openEventLogWindow();
    return m_window.get();
}

void TstAccessibility::everyInteractiveWidgetIsNamedAndReachable()
{
    MainWindow *w = window();
    QVERIFY(w);
    QTabWidget *tabs = w->clusterPage()->tabs();
    // Each tab an event log fills, with the whole window as it stands (sidebar, header, this tab); the tabs it
    // leaves disabled (Memory, Shuffle I/O, Logs) are checked on their panels below.
    QStringList problems;
    int checked = 0;
    for (int tab = 0; tab < tabs->count(); ++tab) {
        if (!tabs->isTabEnabled(tab))
            continue;
        tabs->setCurrentIndex(tab);
        QTest::qWait(100);
        for (const QString &p : problemsUnder(w))
            problems.append(tabs->tabText(tab) + u": "_s + p);
        ++checked;
    }
    QVERIFY2(checked >= 7, qPrintable(QString::number(checked)));
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

// The check can fail: an unnamed combo box and a clickable widget without focus are reported.
void TstAccessibility::theTestFindsAnUnnamedWidget()
{
    QWidget page;
    auto *combo = new QComboBox(&page);
    combo->addItems({u"a"_s, u"b"_s});
    auto *clickable = new QWidget(&page);
    clickable->setCursor(Qt::PointingHandCursor);
    clickable->setAccessibleName(u"bars"_s);
    page.show();
    const QStringList problems = problemsUnder(&page);
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems[0].startsWith(u"no accessible name: QWidget > QComboBox"_s));
    QVERIFY(problems[1].startsWith(u"not reachable by Tab"_s));
    combo->setAccessibleName(u"Letter"_s);
    clickable->setFocusPolicy(Qt::StrongFocus);
    QVERIFY(problemsUnder(&page).isEmpty());
}

void TstAccessibility::barsAndChartsSayWhatTheyShow()
{
    qint64 now = kStart;
    TelemetryWindow telemetry;
    telemetry.setClock([&now] { return now; });
    telemetry.setCluster(u"c-test"_s);
    telemetry.setLink(telemetry.ticket(), MetricsLink::Live, {});
    ExecutorMemoryPanel panel(&telemetry);
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    for (int s = 0; s < 30; ++s) {
        now = kStart + s * 1000;
        MetricBatch b;
        b.clusterId = u"c-test"_s;
        b.timestampMs = now;
        for (int i = 0; i < 2; ++i) {
            const QString e = u"w%1"_s.arg(i);
            b.samples.append({u"memory_managed_bytes"_s, e, 0.3 * 1.2 * 1024 * 1024 * 1024});
            b.samples.append({u"memory_unmanaged_bytes"_s, e, 0.7 * 1.2 * 1024 * 1024 * 1024});
            b.samples.append({u"memory_limit_bytes"_s, e, 4.0 * 1024 * 1024 * 1024});
        }
        b.samples.append({u"memory_managed_bytes"_s, {}, 0.6 * 1.2 * 1024 * 1024 * 1024});
        b.samples.append({u"memory_unmanaged_bytes"_s, {}, 1.4 * 1.2 * 1024 * 1024 * 1024});
        telemetry.applyBatch(telemetry.ticket(), b);
    }
    panel.renderNow();
    ExecutorBars *bars = panel.bars();
    QVERIFY2(
        accessibleText(bars, QAccessible::Description).contains(u"Memory of executor w0: 1.20 GiB of 4.00 GiB (30%)"_s),
        qPrintable(accessibleText(bars, QAccessible::Description)));
    TimeChart *chart = panel.chart();
    QVERIFY2(accessibleText(chart, QAccessible::Name).startsWith(u"Memory in use"_s),
             qPrintable(accessibleText(chart, QAccessible::Name)));
    QVERIFY2(accessibleText(chart, QAccessible::Description).contains(u"Total: 2.40 GiB now"_s),
             qPrintable(accessibleText(chart, QAccessible::Description)));
    const QStringList problems = problemsUnder(&panel);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    // The cost charts: the title as the name, every bar with its amount in the description.
    CostPanel cost;
    cost.resize(1200, 800);
    cost.show();
    QJsonArray lines;
    lines.append(QJsonObject{{u"instance"_s, u"c-test/w1"_s}, {u"cost"_s, 0.24}, {u"billedSeconds"_s, 3600}});
    lines.append(QJsonObject{{u"instance"_s, u"c-test/scheduler"_s}, {u"cost"_s, 0.12}, {u"billedSeconds"_s, 1800}});
    cost.setReport(u"c-test"_s,
                   {{u"currency"_s, u"USD"_s},
                    {u"lines"_s, lines},
                    {u"total"_s, 0.36},
                    {u"meter"_s, QJsonObject{{u"total"_s, 0.36}, {u"idle"_s, 0.1}, {u"busyExecutorCost"_s, 0.2}}}});
    bool described = false;
    QStringList said;
    for (QChartView *v : cost.findChildren<QChartView *>()) {
        QVERIFY(!accessibleText(v, QAccessible::Name).isEmpty());
        said.append(accessibleText(v, QAccessible::Name) + u": "_s + accessibleText(v, QAccessible::Description));
        described = described
            || accessibleText(v, QAccessible::Description).contains(u"$0.2400  w1"_s); // the chart's one rounding
    }
    QVERIFY2(described, qPrintable(said.join(u" | "_s)));
    const QStringList costProblems = problemsUnder(&cost);
    QVERIFY2(costProblems.isEmpty(), qPrintable(costProblems.join(u'\n')));

    // The other panels an event log leaves disabled.
    ShuffleIoPanel shuffle(&telemetry);
    shuffle.resize(1200, 800);
    shuffle.show();
    shuffle.renderNow();
    QVERIFY2(accessibleText(shuffle.bars(), QAccessible::Description).contains(u"Shuffle of executor w0: "_s),
             qPrintable(accessibleText(shuffle.bars(), QAccessible::Description)));
    LogsPanel logs;
    logs.resize(1000, 500);
    logs.show();
    for (QWidget *other : std::initializer_list<QWidget *>{&shuffle, &logs}) {
        const QStringList more = problemsUnder(other);
        QVERIFY2(more.isEmpty(), qPrintable(more.join(u'\n')));
    }
}

void TstAccessibility::dagAndTimelineSayWhatTheyShow()
{
    MainWindow *w = window();
    QVERIFY(w);
    DagPanel *dag = w->dagPanel();
    w->clusterPage()->tabs()->setCurrentWidget(dag);
    QTRY_VERIFY(!dag->view()->scene()->items().isEmpty());
    QTRY_VERIFY(accessibleText(dag->view(), QAccessible::Name).startsWith(u"Task graph of job"_s));
    const QString description = accessibleText(dag->view(), QAccessible::Description);
    QVERIFY2(description.contains(u"task group"_s) && description.contains(u"Completed: "_s), qPrintable(description));
    // The keyboard zooms: + and − change the zoom, 0 fits again.
    dag->view()->setFocus();
    const double before = dag->view()->zoom();
    QTest::keyClick(dag->view(), Qt::Key_Minus);
    QVERIFY(dag->view()->zoom() < before);
    QTest::keyClick(dag->view(), Qt::Key_0);
    QVERIFY(dag->view()->isKeptFitted());

    TimelinePanel *timeline = w->timelinePanel();
    w->clusterPage()->tabs()->setCurrentWidget(timeline);
    QWidget *chart = timeline->chart();
    QCOMPARE(accessibleText(chart, QAccessible::Name), u"Jobs timeline"_s);
    QVERIFY2(accessibleText(chart, QAccessible::Description).contains(u": ran "_s),
             qPrintable(accessibleText(chart, QAccessible::Description)));
}

void TstAccessibility::barsAreOperatedByKeyboard()
{
    ExecutorBars bars;
    bars.setAccessibleRowText(u"Memory of executor %1: %2"_s);
    bars.setRows({BarRow{u"w1"_s, u"w1"_s, {}, 4e9, u"1.2 GiB of 4 GiB (30%)"_s, false},
                  BarRow{u"w2"_s, u"w2"_s, {}, 4e9, u"2 GiB of 4 GiB (50%)"_s, false}},
                 4e9);
    bars.resize(600, 100);
    bars.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bars));
    QSignalSpy clicked(&bars, &ExecutorBars::rowClicked);
    bars.setFocus();
    QTRY_VERIFY(bars.hasFocus());
    QCOMPARE(accessibleText(&bars, QAccessible::Name), u"Memory of executor w1: 1.2 GiB of 4 GiB (30%)"_s);
    QTest::keyClick(&bars, Qt::Key_Down);
    QCOMPARE(accessibleText(&bars, QAccessible::Name), u"Memory of executor w2: 2 GiB of 4 GiB (50%)"_s);
    QTest::keyClick(&bars, Qt::Key_Space);
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toString(), u"w2"_s);
}

QTEST_MAIN(TstAccessibility)
#include "tst_accessibility.moc"
