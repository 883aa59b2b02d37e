// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Dark mode and contrast (issue 17): the main pages rendered offscreen under the light and the dark palette,
// every text run measured against what is under it (WCAG AA: 4.5:1, 3:1 for large text and swatch glyphs).
// The window shows a Spark event log (no server); the memory, shuffle and cost pages, which a log cannot
// fill, are fed as their own tests feed them. Also: the theme setting's words, and that a palette change
// repaints what caches colours (the DAG's canvas, the charts' theme).
#include "eventlogwindow.h"
#include "contrastprobe.h"
#include "core/logs/filelogsource.h"
#include "core/logs/logmodel.h"
#include "testpaths.h"
#include "ui/clusterpage.h"
#include "ui/logs/logspanel.h"
#include "ui/mainwindow.h"
#include "ui/panels/auditpanel.h"
#include "ui/models/telemetrywindow.h"
#include "ui/panels/costpanel.h"
#include "ui/panels/dagpanel.h"
#include "ui/panels/eventlogextraspages.h"
#include "ui/panels/jobspanel.h"
#include "ui/panels/sparkstagepage.h"
#include "ui/panels/sparkstagesview.h"
#include "ui/panels/executormemorypanel.h"
#include "ui/panels/shuffleiopanel.h"
#include "ui/presentation.h"
#include "ui/sidebar.h"
#include "ui/theme.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QGraphicsView>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QJsonObject>
#include <QStyle>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

constexpr qint64 kStart = 1'800'000'000'000;

MetricBatch second(qint64 t, int n)
{
    MetricBatch b;
    b.clusterId = u"c-test"_s;
    b.timestampMs = t;
    double total = 0;
    for (int i = 0; i < n; ++i) {
        const double used = 4e8 + i * 3e8 + (t - kStart) * 1e3;
        total += used;
        const QString e = u"tcp://127.0.0.1:4%1001"_s.arg(i);
        b.samples.append({u"memory_managed_bytes"_s, e, used * 0.3});
        b.samples.append({u"memory_unmanaged_bytes"_s, e, used * 0.7});
        b.samples.append({u"memory_spilled_bytes"_s, e, i == 1 ? 2e8 : 0.0});
        b.samples.append({u"memory_limit_bytes"_s, e, 4e9});
        b.samples.append({u"bytes_in_per_s"_s, e, 1e6 * (i + 1)});
        b.samples.append({u"bytes_out_per_s"_s, e, 5e5 * (i + 1)});
    }
    b.samples.append({u"memory_managed_bytes"_s, {}, total * 0.3});
    b.samples.append({u"memory_unmanaged_bytes"_s, {}, total * 0.7});
    b.samples.append({u"bytes_in_per_s"_s, {}, 6e6});
    return b;
}

// The runtime's GET /clusters/{id}/cost answer, in the shape CostPanel reads (tst_costviews checks its figures).
QJsonObject costReport()
{
    QJsonArray lines;
    const char *names[] = {"scheduler", "w1", "w2", "w3"};
    for (int i = 0; i < 4; ++i)
        lines.append(QJsonObject{{u"instance"_s, QString(u"c-test/"_s + QLatin1String(names[i]))},
                                 {u"role"_s, i == 0 ? u"master"_s : u"worker"_s},
                                 {u"instanceType"_s, u"m5.xlarge"_s},
                                 {u"market"_s, u"on-demand"_s},
                                 {u"start"_s, u"2026-12-07T10:00:00.000Z"_s},
                                 {u"end"_s, u"2026-12-07T11:00:00.000Z"_s},
                                 {u"billedSeconds"_s, 3600 - i * 300},
                                 {u"ratePerHour"_s, 0.24},
                                 {u"cost"_s, 0.24 - i * 0.02}});
    const QJsonObject meter{{u"ratePerHour"_s, 0.96},    {u"total"_s, 0.84},           {u"idle"_s, 0.3},
                            {u"idleShare"_s, 0.357},     {u"costPerTerabyte"_s, 12.5}, {u"bytesProcessed"_s, 6.7e10},
                            {u"busyExecutorCost"_s, 0.4}};
    return {
        {u"currency"_s, u"USD"_s},
        {u"meter"_s, meter},
        {u"lines"_s, lines},
        {u"total"_s, 0.84},
        {u"jobs"_s, QJsonArray{QJsonObject{{u"name"_s, u"etl_groupby"_s}, {u"job"_s, u"j-1"_s}, {u"cost"_s, 0.16}}}}};
}

} // namespace

class TstTheme : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { theme::apply(theme::Choice::System); }
    void themeNames();
    void tableIsReadableOnItsPalette();
    void mainPagesMeetContrast_data();
    void mainPagesMeetContrast();
    void logWindowsMeetContrast_data();
    void logWindowsMeetContrast();
    void telemetryAndCostPagesMeetContrast_data();
    void telemetryAndCostPagesMeetContrast();
    void paletteChangeRepaintsCachedColours();

private:
    MainWindow *window();
    // Fails with the worst runs when any text is below its required ratio; returns how many runs were measured.
    int verifyContrast(QWidget *page, const QString &what);
    std::unique_ptr<MainWindow> m_window;
};

void TstTheme::initTestCase()
{
    QVERIFY2(QFileInfo::exists(test::fixturesDir() + u"/spark/event-logs/local-1642039451826"_s),
             qPrintable(u"no fixtures under "_s + test::fixturesDir()));
}

MainWindow *TstTheme::window()
{
    if (!m_window)
        m_window = test::openEventLogWindow();
    return m_window.get();
}

int TstTheme::verifyContrast(QWidget *page, const QString &what)
{
    QTest::qWait(200); // the page's frame timers and a layout pass
    const QList<test::TextContrast> runs = test::measureTextContrast(page);
    QList<test::TextContrast> failing;
    for (const test::TextContrast &c : runs)
        if (c.ratio + 1e-9 < c.required)
            failing.append(c);
    std::sort(failing.begin(), failing.end(), [](const auto &a, const auto &b) { return a.ratio < b.ratio; });
    QStringList report;
    for (const test::TextContrast &c : failing.mid(0, 25))
        report.append(u"  %1:1 (needs %2) %3 on %4 \"%5\" in %6"_s.arg(c.ratio, 0, 'f', 2)
                          .arg(c.required)
                          .arg(presentation::cssColor(c.colour), c.background.name(), c.text.left(40), c.widget));
    if (!failing.isEmpty()) {
        QTest::qFail(qPrintable(u"%1: %2 of %3 text runs below WCAG AA:\n%4"_s.arg(what)
                                    .arg(failing.size())
                                    .arg(runs.size())
                                    .arg(report.join(u'\n'))),
                     __FILE__, __LINE__);
        return -1;
    }
    return int(runs.size());
}

void TstTheme::themeNames()
{
    QCOMPARE(theme::fromName(u"dark"_s), theme::Choice::Dark);
    QCOMPARE(theme::fromName(u" Light "_s), theme::Choice::Light);
    QCOMPARE(theme::fromName(u"system"_s), theme::Choice::System);
    QVERIFY(!theme::fromName(u"solarized"_s));
    theme::apply(theme::Choice::Dark);
    QVERIFY(presentation::isDark(QApplication::palette()));
    QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
    theme::apply(theme::Choice::Light);
    QVERIFY(!presentation::isDark(QApplication::palette()));
    QCOMPARE(theme::current(), theme::Choice::Light);
}

// Every state and severity of the table as text on both palettes' window and base: what the legends, the
// incident list and the state texts rely on.
void TstTheme::tableIsReadableOnItsPalette()
{
    using presentation::Tone;
    for (const QPalette &pal : {theme::lightPalette(), theme::darkPalette()}) {
        for (Tone t : {Tone::Info, Tone::Success, Tone::Busy, Tone::Warning, Tone::Neutral, Tone::Danger,
                       Tone::Critical, Tone::Minor, Tone::Orange, Tone::Purple, Tone::Teal, Tone::Slate}) {
            for (QPalette::ColorRole bg : {QPalette::Window, QPalette::Base}) {
                const double r = presentation::contrastRatio(presentation::tone(t, pal), pal.color(bg));
                QVERIFY2(r >= 4.5, qPrintable(u"tone %1 on %2: %3"_s.arg(int(t)).arg(pal.color(bg).name()).arg(r)));
            }
            const QColor fill = presentation::tone(t, pal);
            QVERIFY(presentation::contrastRatio(presentation::textOn(fill), fill) >= 4.5);
        }
        // Secondary text too.
        QVERIFY(presentation::contrastRatio(presentation::mutedText(pal), pal.color(QPalette::Window)) >= 4.5);
    }
}

void TstTheme::mainPagesMeetContrast_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<QString>("page");
    for (theme::Choice c : {theme::Choice::Light, theme::Choice::Dark})
        for (const char *page : {"overview", "executors", "jobs", "incidents", "dag", "timeline", "sidebar", "audit"})
            QTest::addRow("%s %s", qPrintable(theme::name(c)), page) << int(c) << QString::fromLatin1(page);
}

void TstTheme::mainPagesMeetContrast()
{
    QFETCH(int, choice);
    QFETCH(QString, page);
    theme::apply(theme::Choice(choice));
    MainWindow *w = window();
    QVERIFY(w);
    QTabWidget *tabs = w->clusterPage()->tabs();
    QWidget *root = w;
    if (page == "sidebar"_L1) {
        root = w->sidebar();
    } else if (page == "audit"_L1) {
        // An event log keeps no audit log: the page is given a runtime's answer, a refusal (denied) among the
        // entries, to measure its colours.
        w->showAudit();
        AuditPanel *audit = w->auditPanel();
        QJsonArray entries;
        const char *outcomes[] = {"requested", "succeeded", "denied", "requested", "failed", "denied"};
        for (int i = 0; i < 6; ++i)
            entries.append(QJsonObject{{u"seq"_s, i + 1},
                                       {u"at"_s, u"2026-12-07T22:0%1:00.000Z"_s.arg(i)},
                                       {u"user"_s, i % 2 ? u"vera"_s : u"sam"_s},
                                       {u"action"_s, u"POST /clusters"_s},
                                       {u"target"_s, u"c-0123456789"_s},
                                       {u"outcome"_s, QString::fromLatin1(outcomes[i])},
                                       {u"detail"_s, u"POST /clusters needs the scientist role"_s}});
        audit->setEntries(audit->currentQuery(), entries, {});
        QVERIFY(audit->rowStandsOut(3)); // newest first: seq 3 (denied) is the fourth row
        root = audit;
    } else {
        static const QStringList order{u"overview"_s,  u"executors"_s, u"jobs"_s,     u"memory"_s, u"shuffle"_s,
                                       u"incidents"_s, u"dag"_s,       u"timeline"_s, u"cost"_s,   u"logs"_s};
        const int index = int(order.indexOf(page));
        QVERIFY2(tabs->isTabEnabled(index), qPrintable(page));
        tabs->setCurrentIndex(index);
        root = tabs->currentWidget();
    }
    if (page == "dag"_L1)
        QTRY_VERIFY(!w->findChild<QGraphicsView *>(u"dagView"_s)->scene()->items().isEmpty());
    const int measured = verifyContrast(root, page);
    if (QTest::currentTestFailed())
        return;
    // Not vacuous: each page shows text, and it was found.
    QVERIFY2(measured >= 8, qPrintable(u"%1 text runs on %2"_s.arg(measured).arg(page)));
}

// The event log's own windows (issue 15): the stage page, the SQL plan and the environment, on both palettes.
void TstTheme::logWindowsMeetContrast_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<QString>("page");
    for (theme::Choice c : {theme::Choice::Light, theme::Choice::Dark})
        for (const char *page : {"stage", "sql", "environment"})
            QTest::addRow("%s %s", qPrintable(theme::name(c)), page) << int(c) << QString::fromLatin1(page);
}

void TstTheme::logWindowsMeetContrast()
{
    QFETCH(int, choice);
    QFETCH(QString, page);
    theme::apply(theme::Choice(choice));
    MainWindow *w = window();
    QVERIFY(w);
    ClusterPage *cluster = w->clusterPage();
    QWidget *shown = nullptr;
    if (page == "stage"_L1) {
        SparkStagesView *stages = cluster->jobsPanel()->stages();
        QTRY_VERIFY_WITH_TIMEOUT(!stages->allStages().isEmpty(), 20000);
        auto *p = cluster->openStagePage(stages->allStages().first().stageId, stages->allStages().first().attemptId);
        QVERIFY(p);
        QTRY_VERIFY_WITH_TIMEOUT(p->isLoaded(), 20000);
        shown = p;
    } else if (page == "sql"_L1) {
        auto *p = cluster->openSqlPage();
        QVERIFY(p);
        QTRY_VERIFY_WITH_TIMEOUT(p->isLoaded() && p->planPanel()->hasLayout(), 20000);
        shown = p;
    } else {
        auto *p = cluster->openEnvironmentPage();
        QVERIFY(p);
        QTRY_VERIFY_WITH_TIMEOUT(p->isLoaded(), 20000);
        shown = p;
    }
    shown->resize(1200, 800);
    QVERIFY(QTest::qWaitForWindowExposed(shown));
    const int measured = verifyContrast(shown, page);
    shown->close();
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(measured >= 8, qPrintable(u"%1 text runs on %2"_s.arg(measured).arg(page)));
}

void TstTheme::telemetryAndCostPagesMeetContrast_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<QString>("page");
    for (theme::Choice c : {theme::Choice::Light, theme::Choice::Dark})
        for (const char *page : {"memory", "shuffle", "cost", "logs"})
            QTest::addRow("%s %s", qPrintable(theme::name(c)), page) << int(c) << QString::fromLatin1(page);
}

void TstTheme::telemetryAndCostPagesMeetContrast()
{
    QFETCH(int, choice);
    QFETCH(QString, page);
    theme::apply(theme::Choice(choice));
    qint64 now = kStart;
    TelemetryWindow window;
    window.setClock([&now] { return now; });
    window.setCluster(u"c-test"_s);
    window.setLink(window.ticket(), MetricsLink::Live, {});
    std::unique_ptr<QWidget> panel;
    // A worker's log with every level, and a search hit highlighted (an event log has no logs to follow).
    QTemporaryDir dir;
    std::unique_ptr<logs::FileLogSource> source;
    if (page == "logs"_L1) {
        QFile f(dir.filePath(u"w1.log"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const char *levels[] = {"INFO", "WARNING", "ERROR", "DEBUG", "INFO"};
        for (int i = 0; i < 60; ++i)
            f.write("2026-12-07 10:00:" + QByteArray::number(10 + i % 50) + ",000 - distributed.worker - "
                    + levels[i % 5] + " - event " + QByteArray::number(i) + (i == 7 ? " spill to disk" : "") + '\n');
        f.close();
        source = std::make_unique<logs::FileLogSource>(f.fileName());
    }
    if (page == "logs"_L1)
        panel = std::make_unique<LogsPanel>();
    else if (page == "memory"_L1)
        panel = std::make_unique<ExecutorMemoryPanel>(&window);
    else if (page == "shuffle"_L1)
        panel = std::make_unique<ShuffleIoPanel>(&window);
    else
        panel = std::make_unique<CostPanel>();
    panel->resize(1200, 800);
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    if (auto *logsPanel = qobject_cast<LogsPanel *>(panel.get())) {
        QSignalSpy caughtUp(logsPanel->model(), &logs::LogModel::caughtUp);
        logsPanel->showSource(source.get(), u"w1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 5000);
        QSignalSpy found(logsPanel->model(), &logs::LogModel::found);
        logsPanel->find(u"spill to"_s);
        QVERIFY(found.wait(5000));
    } else if (auto *cost = qobject_cast<CostPanel *>(panel.get())) {
        cost->setReport(u"c-test"_s, costReport());
    } else {
        for (int s = 0; s < 90; ++s) {
            now = kStart + s * 1000;
            window.applyBatch(window.ticket(), second(now, 3));
        }
        static_cast<TelemetryPanel *>(panel.get())->renderNow();
    }
    const int measured = verifyContrast(panel.get(), page);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(measured >= 8, qPrintable(u"%1 text runs on %2"_s.arg(measured).arg(page)));
    if (page == "logs"_L1)
        return;
    // The charts follow: a chart view's text is among what was measured.
    bool chartText = false;
    for (const test::TextContrast &c : test::measureTextContrast(panel.get()))
        chartText = chartText || c.widget.contains(u"QChartView"_s) || c.widget.contains(u"TimeChart"_s);
    QVERIFY2(chartText, qPrintable(page));
}

void TstTheme::paletteChangeRepaintsCachedColours()
{
    // A window that exists before the change follows it (Qt alone does not tell windows before exec()).
    {
        QWidget plain;
        plain.show();
        theme::apply(theme::Choice::Dark);
        QCOMPARE(plain.palette().color(QPalette::Window), theme::darkPalette().color(QPalette::Window));
        theme::apply(theme::Choice::Light);
        QCOMPARE(plain.palette().color(QPalette::Window), theme::lightPalette().color(QPalette::Window));
    }
    theme::apply(theme::Choice::Light);
    MainWindow *w = window();
    QVERIFY(w);
    auto *dag = w->findChild<QGraphicsView *>(u"dagView"_s);
    QVERIFY(dag);
    // On screen: Qt gives a hidden page the new palette when it is shown.
    w->clusterPage()->tabs()->setCurrentWidget(w->dagPanel());
    // What is painted: the canvas's corner in the palette's column, light then dark.
    auto canvas = [dag] { return dag->viewport()->grab().toImage().pixelColor(3, 3); };
    QStringList chain;
    for (QWidget *p = dag; p; p = p->parentWidget())
        chain.append(QString::fromLatin1(p->metaObject()->className()) + u'='
                     + p->palette().color(QPalette::Window).name()
                     + (p->testAttribute(Qt::WA_StyleSheet) ? u"(ss)"_s : QString())
                     + (p->testAttribute(Qt::WA_SetPalette) ? u"(set)"_s : QString()));
    QVERIFY2(!presentation::isDark(QPalette(canvas())),
             qPrintable(canvas().name() + u" app "_s + QApplication::palette().color(QPalette::Window).name()
                        + u" chain "_s + chain.join(u' ')));
    theme::apply(theme::Choice::Dark);
    QCOMPARE(canvas(), presentation::tone(presentation::Tone::Canvas));
    QVERIFY(presentation::isDark(QPalette(canvas())));
    // Every chart of the cost page took the dark theme and text colours the palette's.
    CostPanel cost;
    const auto charts = cost.findChildren<QChartView *>();
    QVERIFY(!charts.isEmpty());
    for (QChartView *v : charts) {
        QCOMPARE(v->chart()->theme(), QChart::ChartThemeDark);
        QVERIFY(presentation::isDark(QPalette(v->chart()->backgroundBrush().color())));
    }
    theme::apply(theme::Choice::Light);
    for (QChartView *v : charts)
        QCOMPARE(v->chart()->theme(), QChart::ChartThemeLight);
}

QTEST_MAIN(TstTheme)
#include "tst_theme.moc"
