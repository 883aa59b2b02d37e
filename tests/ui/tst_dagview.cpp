// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The DAG tab as a user meets it (offscreen): clicking a task group shows its details, search selects and
// centres a node, a live update changes states without moving anything and a grown graph keeps the
// selected node where it was on screen, 10,000 nodes arrive folded and render, edges thicken with bytes.
// And the timeline: jobs and their task groups on one axis, failed and retried work marked.
#include "core/dag/dagsamples.h"
#include "ui/dag/dagitems.h"
#include "ui/dag/dagview.h"
#include "ui/panels/dagpanel.h"
#include "ui/panels/timelinepanel.h"
#include "ui/presentation.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QGraphicsScene>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::dag;

namespace {

const QString kJob = u"j-1"_s;

DagNode node(const QString &id, const QString &name, QMap<QString, int> counts, qint64 bytes = 0,
             QStringList executors = {})
{
    DagNode n;
    n.id = id;
    n.name = name;
    n.counts = counts;
    n.state = stateFromDaskCounts(counts);
    n.bytes = bytes;
    n.durationS = 1.5;
    n.executors = executors;
    return n;
}

// The shape of etl_groupby: two reads, a map each, a shuffle (fan-in) and an aggregation.
Dag etlGraph()
{
    Dag g;
    g.setJobId(kJob);
    g.upsertNode(node(u"read_csv-a1"_s, u"read_csv"_s, {{u"memory"_s, 8}}, 80'000'000, {u"w1"_s, u"w2"_s}));
    g.upsertNode(node(u"assign-b2"_s, u"assign"_s, {{u"memory"_s, 6}, {u"processing"_s, 2}}, 40'000'000, {u"w2"_s}));
    g.upsertNode(node(u"shuffle-split-c3"_s, u"shuffle-split"_s, {{u"waiting"_s, 8}}));
    g.upsertNode(node(u"groupby-agg-d4"_s, u"groupby-agg"_s, {{u"waiting"_s, 1}}));
    g.addEdge({u"read_csv-a1"_s, u"assign-b2"_s, 80'000'000});
    g.addEdge({u"assign-b2"_s, u"shuffle-split-c3"_s, 40'000'000});
    g.addEdge({u"shuffle-split-c3"_s, u"groupby-agg-d4"_s, 1000});
    return g;
}

bool waitForLayout(DagPanel &panel, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    while ((!panel.hasLayout() || panel.isLayoutPending()) && t.elapsed() < timeoutMs)
        QTest::qWait(10);
    return panel.hasLayout() && !panel.isLayoutPending();
}

// The panel on screen at `size` with `dag` as the current job's graph, laid out.
[[nodiscard]] bool showLaidOut(DagPanel &panel, QSize size, const Dag &dag, int timeoutMs = 20000)
{
    panel.resize(size);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        return false;
    panel.setCurrentJob(kJob);
    panel.setDag(kJob, dag);
    return waitForLayout(panel, timeoutMs);
}

QPoint viewportPosOf(const DagPanel &panel, const QString &id)
{
    const DagNodeItem *item = panel.nodeItem(id);
    return panel.view()->mapFromScene(item->sceneBoundingRect().center());
}

// Where the graph (its nodes and edges: a long edge may swing wider than the nodes) is drawn, in
// viewport pixels.
QRectF graphOnScreen(const DagPanel &panel)
{
    return panel.view()->mapFromScene(panel.view()->scene()->itemsBoundingRect()).boundingRect();
}

// Empty when the graph's middle is within 3 pixels of the viewport's middle, else where it is instead.
QString offCentre(const DagPanel &panel)
{
    const QPointF graph = graphOnScreen(panel).center();
    const QPointF port = QRectF(panel.view()->viewport()->rect()).center();
    if (std::abs(graph.x() - port.x()) <= 3 && std::abs(graph.y() - port.y()) <= 3)
        return {};
    return u"graph centred at %1,%2 in a %3x%4 viewport (middle %5,%6)"_s.arg(graph.x()).arg(graph.y())
        .arg(panel.view()->viewport()->width()).arg(panel.view()->viewport()->height()).arg(port.x()).arg(port.y());
}

// The three stages of a small Spark job: two skipped ones feeding the one that ran.
Dag threeStageDag()
{
    Dag g;
    g.setJobId(kJob);
    g.upsertNode(node(u"stage-9"_s, u"Stage 9 (skipped)"_s, {}));
    g.upsertNode(node(u"stage-10"_s, u"Stage 10 (skipped)"_s, {}));
    g.upsertNode(node(u"stage-11"_s, u"Stage 11: count"_s, {{u"memory"_s, 1}}));
    g.addEdge({u"stage-9"_s, u"stage-10"_s, 0});
    g.addEdge({u"stage-10"_s, u"stage-11"_s, 0});
    return g;
}

// Drags the canvas with the left button from `from` by `by` pixels, as a hand would.
void dragCanvas(QGraphicsView *view, QPoint from, QPoint by)
{
    QWidget *port = view->viewport();
    const QPoint to = from + by;
    QMouseEvent press(QEvent::MouseButtonPress, from, port->mapToGlobal(from), Qt::LeftButton, Qt::LeftButton, {});
    QApplication::sendEvent(port, &press);
    for (int step = 1; step <= 4; ++step) {
        const QPoint at = from + by * step / 4;
        QMouseEvent move(QEvent::MouseMove, at, port->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(port, &move);
    }
    QMouseEvent release(QEvent::MouseButtonRelease, to, port->mapToGlobal(to), Qt::LeftButton, Qt::NoButton, {});
    QApplication::sendEvent(port, &release);
}

} // namespace

class TstDagView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clickShowsDetails()
    {
        DagPanel panel;
        QVERIFY(showLaidOut(panel, QSize(1300, 800), etlGraph()));
        QCOMPARE(panel.layout().graph.nodeCount(), 4);
        QVERIFY(panel.detailsText().isEmpty());

        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, viewportPosOf(panel, u"assign-b2"_s));
        QCOMPARE(panel.selectedNodeId(), u"assign-b2"_s);
        const QString details = panel.detailsText();
        QVERIFY2(details.contains(u"assign"_s), qPrintable(details));
        QVERIFY2(details.contains(u"6 of 8 task"_s), qPrintable(details));
        QVERIFY2(details.contains(u"processing"_s) && details.contains(u"memory"_s), qPrintable(details));
        // Dask's states in plain words, its own term beside them.
        QVERIFY2(details.contains(u"running (processing)"_s), qPrintable(details));
        QVERIFY2(details.contains(u"done, result in memory (memory)"_s), qPrintable(details));
        QVERIFY2(details.contains(u"Ran on: w2"_s), qPrintable(details));
        QVERIFY2(details.contains(u"Inputs: read_csv"_s), qPrintable(details));
        QVERIFY2(details.contains(u"Feeds: shuffle-split"_s), qPrintable(details));

        // Clicking the empty canvas clears the details.
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, QPoint(5, 5));
        QVERIFY(panel.selectedNodeId().isEmpty());
        QVERIFY(panel.detailsText().isEmpty());
    }

    // "series-gro…-sum-chunk" cut a word in half: names are cut at their separators, the full name on hover.
    void longNamesAreCutAtWordBoundaries()
    {
        QFont font;
        font.setPointSizeF(9.0);
        font.setBold(true);
        const QFontMetricsF metrics(font);
        const QString name = u"series-groupby-count-agg-sum-chunk"_s;
        const double width = metrics.horizontalAdvance(u"series-…-sum-chunk"_s) + 1;
        QCOMPARE(elideAtBoundaries(name, metrics, width), u"series-…-sum-chunk"_s);
        QCOMPARE(elideAtBoundaries(name, metrics, 10000), name);
        // Whatever the width, what is kept are whole words of the name.
        const QStringList words = name.split(u'-');
        for (double w = metrics.horizontalAdvance(u"series-…"_s); w < metrics.horizontalAdvance(name); w += 7) {
            const QString cut = elideAtBoundaries(name, metrics, w);
            QVERIFY2(metrics.horizontalAdvance(cut) <= w, qPrintable(cut));
            for (const QString &part : cut.split(u'…').join(u'-').split(u'-', Qt::SkipEmptyParts))
                QVERIFY2(words.contains(part), qPrintable(cut));
        }
        QCOMPARE(dagTaskStateText(u"forgotten"_s), u"done, result dropped"_s);
        dag::DagNode node;
        node.id = u"series-groupby-count-agg-sum-chunk-4f2a"_s;
        node.name = name;
        node.counts = {{u"forgotten"_s, 3}};
        const DagNodeItem item(node);
        QVERIFY2(item.toolTip().startsWith(name + u'\n'), qPrintable(item.toolTip()));
        QVERIFY2(item.toolTip().contains(u"done, result dropped: 3"_s), qPrintable(item.toolTip()));
    }

    void nodesColouredByStateWithProgress()
    {
        DagPanel panel;
        panel.setCurrentJob(kJob);
        panel.setDag(kJob, etlGraph());
        QVERIFY(waitForLayout(panel));
        QVERIFY(panel.nodeItem(u"read_csv-a1"_s)->node().state == NodeState::Completed);
        QVERIFY(panel.nodeItem(u"assign-b2"_s)->node().state == NodeState::Running);
        QVERIFY(panel.nodeItem(u"groupby-agg-d4"_s)->node().state == NodeState::Pending);
        // The colour a user sees: render the running node and find its state colour in the picture.
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.view()->setZoom(1.0);
        panel.view()->centerOn(panel.nodeItem(u"assign-b2"_s));
        const QImage shot = panel.view()->viewport()->grab().toImage();
        const QRect box = QRect(viewportPosOf(panel, u"assign-b2"_s) - QPoint(90, 25), QSize(180, 50));
        int blue = 0;
        const QColor running = dagStateColor(NodeState::Running);
        for (int y = box.top(); y < box.bottom(); ++y)
            for (int x = box.left(); x < box.right(); ++x)
                blue += QColor(shot.pixel(x, y)) == running ? 1 : 0;
        QVERIFY2(blue > 60, qPrintable(u"running colour pixels: %1"_s.arg(blue))); // the progress bar and border
    }

    void edgesThickenWithBytes()
    {
        DagPanel panel;
        panel.setCurrentJob(kJob);
        panel.setDag(kJob, etlGraph());
        QVERIFY(waitForLayout(panel));
        QHash<QString, double> width;
        for (const DagEdgeItem *e : panel.edgeItems())
            width.insert(e->edge().from, e->width());
        QCOMPARE(width.size(), 3);
        QVERIFY(width.value(u"read_csv-a1"_s) > width.value(u"assign-b2"_s));
        QVERIFY(width.value(u"assign-b2"_s) > width.value(u"shuffle-split-c3"_s));
        QVERIFY(edgeWidthForBytes(0, 1000) == 1.0);
    }

    void searchSelectsAndCentres()
    {
        DagPanel panel;
        panel.setCollapseFanOuts(false);
        panel.resize(1200, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setCurrentJob(kJob);
        const Dag graph = randomLayeredDag(300, 11);
        panel.setDag(kJob, graph);
        QVERIFY(waitForLayout(panel));
        // A node far from the initial view: the last one (bottom layers).
        const QString target = graph.nodes().last().id;
        QVERIFY(panel.search(target));
        QCOMPARE(panel.selectedNodeId(), target);
        const QPoint centre = panel.view()->viewport()->rect().center();
        const QPoint at = viewportPosOf(panel, target);
        QVERIFY2((at - centre).manhattanLength() <= 4, qPrintable(u"node at %1,%2, centre %3,%4"_s.arg(at.x()).arg(at.y()).arg(centre.x()).arg(centre.y())));
        QVERIFY(panel.nodeItem(target)->isMatched());
        QVERIFY(panel.detailsText().contains(target));
        QVERIFY(panel.view()->zoom() >= 0.6); // readable, not a dot

        // Several hits: Enter walks through them in reading order.
        QVERIFY(panel.search(u"n1"_s));
        const QString first = panel.selectedNodeId();
        QVERIFY(panel.matchText().startsWith(u"1 of "_s));
        QVERIFY(panel.search(u"n1"_s));
        QVERIFY(panel.matchText().startsWith(u"2 of "_s));
        QVERIFY(panel.selectedNodeId() != first);
        QVERIFY(!panel.search(u"no-such-task-group"_s));
        QCOMPARE(panel.matchText(), u"no match"_s);
    }

    void liveStateUpdateMovesNothing()
    {
        DagPanel panel;
        panel.setCurrentJob(kJob);
        Dag g = etlGraph();
        panel.setDag(kJob, g);
        QVERIFY(waitForLayout(panel));
        QSignalSpy layouts(&panel, &DagPanel::layoutApplied);
        QHash<QString, QPointF> before;
        for (const DagNode &n : g.nodes())
            before.insert(n.id, panel.nodeItem(n.id)->pos());
        // The job moves on: the shuffle runs, the bytes grow. Same task groups and dependencies.
        DagNode split = *g.node(u"shuffle-split-c3"_s);
        split.counts = {{u"memory"_s, 3}, {u"processing"_s, 5}};
        split.state = stateFromDaskCounts(split.counts);
        g.upsertNode(split);
        panel.setDag(kJob, g);
        QVERIFY(!panel.isLayoutPending());
        QTest::qWait(50);
        QCOMPARE(layouts.count(), 0); // no new layout
        QVERIFY(panel.nodeItem(u"shuffle-split-c3"_s)->node().state == NodeState::Running);
        QCOMPARE(panel.nodeItem(u"shuffle-split-c3"_s)->node().progress(), 3.0 / 8.0);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(panel.nodeItem(it.key())->pos(), it.value());
    }

    void grownGraphKeepsNodesInPlace()
    {
        DagPanel panel;
        panel.setCollapseFanOuts(false);
        panel.resize(1200, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setCurrentJob(kJob);
        Dag g = randomLayeredDag(120, 5);
        panel.setDag(kJob, g);
        QVERIFY(waitForLayout(panel));
        const DagLayout first = panel.layout();
        const QString watched = g.nodes().at(60).id;
        QVERIFY(panel.selectNode(watched));
        const QPoint onScreen = viewportPosOf(panel, watched);

        // A second computation of the job adds task groups below the existing ones.
        for (int i = 0; i < 30; ++i) {
            DagNode n;
            n.id = u"later-%1"_s.arg(i);
            n.name = n.id;
            g.upsertNode(n);
            g.addEdge({g.nodes().at((i * 7) % 120).id, n.id, 0});
        }
        panel.setDag(kJob, g);
        QVERIFY(waitForLayout(panel));
        QCOMPARE(panel.layout().graph.nodeCount(), 150);
        QCOMPARE(panel.selectedNodeId(), watched); // the selection survives the new layout
        const QPoint after = viewportPosOf(panel, watched);
        QVERIFY2((after - onScreen).manhattanLength() <= 2,
                 qPrintable(u"moved from %1,%2 to %3,%4"_s.arg(onScreen.x()).arg(onScreen.y()).arg(after.x()).arg(after.y())));
        // Every earlier node keeps its layer and its left-to-right order.
        for (const NodePlacement &a : first.nodes) {
            QCOMPARE(panel.layout().find(a.id)->layer, a.layer);
            for (const NodePlacement &b : first.nodes)
                if (a.layer == b.layer && a.order < b.order)
                    QVERIFY(panel.nodeItem(a.id)->pos().x() < panel.nodeItem(b.id)->pos().x());
        }
    }

    void tenThousandNodesArriveFoldedAndRender()
    {
        DagPanel panel;
        panel.resize(1400, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setCurrentJob(kJob);
        const Dag big = shuffleShapedDag(10000, 3);
        QVERIFY(big.nodeCount() >= 9000);
        QElapsedTimer t;
        t.start();
        panel.setDag(kJob, big);
        QVERIFY(panel.isLayoutPending()); // off the GUI thread: setDag returned at once
        QVERIFY(waitForLayout(panel, 60000));
        const qint64 layoutMs = t.elapsed();
        const int shown = panel.layout().graph.nodeCount();
        QVERIFY2(shown < 400, qPrintable(u"%1 nodes shown"_s.arg(shown)));
        int folded = 0;
        for (const DagNode &n : panel.layout().graph.nodes())
            folded += int(n.members.size());
        QVERIFY2(folded > 9000 - shown, qPrintable(u"%1 folded"_s.arg(folded)));
        t.restart();
        const QImage shot = panel.grab().toImage();
        const qint64 paintMs = t.elapsed();
        QVERIFY(!shot.isNull());
        qInfo("10k nodes: %d shown, layout+apply %lld ms, full repaint %lld ms", shown, layoutMs, paintMs);
        QVERIFY2(paintMs < 3000, qPrintable(u"repaint took %1 ms"_s.arg(paintMs)));

        // A task group folded into a group is still found by search: its group is selected.
        QString member;
        QString group;
        for (const DagNode &n : panel.layout().graph.nodes())
            if (!n.members.isEmpty()) {
                member = n.members.last();
                group = n.id;
                break;
            }
        QVERIFY(panel.search(member));
        QCOMPARE(panel.selectedNodeId(), group);
        QVERIFY(panel.detailsText().contains(u"folded fan-out"_s));

        // Unfolded, all of them are items (still laid out off the GUI thread).
        panel.setCollapseFanOuts(false);
        QVERIFY(waitForLayout(panel, 120000));
        QCOMPARE(panel.layout().graph.nodeCount(), big.nodeCount());
        int items = 0;
        for (QGraphicsItem *item : panel.view()->scene()->items())
            items += item->type() == DagNodeItem::Type ? 1 : 0;
        QCOMPARE(items, big.nodeCount());
        // That many need the minimap: it shows where the view is within the whole graph.
        QVERIFY(panel.view()->minimap()->isVisible());
        QTest::qWait(300); // its picture is rendered once the burst of changes is over
        const QRectF where = panel.view()->minimap()->viewportRectOnMap();
        QVERIFY(!where.isEmpty());
        QVERIFY(where.width() < panel.view()->minimap()->width());
        // Fit zoom shows 10,000 blocks: the view paints them in one pass, not item by item.
        panel.view()->fitGraph();
        QVERIFY(panel.view()->zoom() < kDagBlockBelowScale);
        QVERIFY(panel.view()->isOverviewActive());
        t.restart();
        const QImage unfolded = panel.view()->viewport()->grab().toImage();
        const qint64 overviewMs = t.elapsed();
        qInfo("10k nodes unfolded: full repaint at fit zoom %.3f: %lld ms", panel.view()->zoom(), overviewMs);
        QVERIFY2(overviewMs < 1000, qPrintable(u"repaint took %1 ms"_s.arg(overviewMs)));
        // What it paints is the graph, all of it: blocks of the nodes' state colour (thousands of pixels of
        // it) on the background, from one side of the view to the other.
        const QRgb stateColour = dagStateColor(big.nodes().first().state).rgb();
        qint64 statePixels = 0;
        int leftmost = unfolded.width();
        int rightmost = -1;
        for (int y = 0; y < unfolded.height(); ++y)
            for (int x = 0; x < unfolded.width(); ++x)
                if (unfolded.pixel(x, y) == stateColour) {
                    ++statePixels;
                    leftmost = std::min(leftmost, x);
                    rightmost = std::max(rightmost, x);
                }
        QVERIFY2(statePixels > 1000, qPrintable(QString::number(statePixels)));
        QVERIFY2(leftmost < unfolded.width() / 10 && rightmost > unfolded.width() * 9 / 10,
                 qPrintable(u"state colour from x=%1 to %2 of %3"_s.arg(leftmost).arg(rightmost).arg(unfolded.width())));
        QVERIFY(statePixels < qint64(unfolded.width()) * unfolded.height() / 2);
        // Zoomed in, the items paint themselves again (names, progress bars).
        panel.view()->setZoom(0.8);
        QVERIFY(!panel.view()->isOverviewActive());
        t.restart();
        QVERIFY(!panel.grab().isNull());
        qInfo("10k nodes unfolded at zoom 0.8: repaint %lld ms", t.elapsed());
        t.restart();
        QVERIFY(!panel.grab().isNull());
        qInfo("10k nodes unfolded at zoom 0.8: second repaint %lld ms", t.elapsed());
    }

    void smallGraphIsCentredAtReadableZoom()
    {
        DagPanel panel;
        QVERIFY(showLaidOut(panel, QSize(1300, 800), threeStageDag()));
        // Readable: the nodes at their natural size, not blown up to fill the screen nor shrunk.
        QCOMPARE(panel.view()->zoom(), 1.0);
        QVERIFY(QRectF(panel.view()->viewport()->rect()).contains(graphOnScreen(panel)));
        QString off = offCentre(panel);
        QVERIFY2(off.isEmpty(), qPrintable(off));

        // The window grows, then shrinks below the graph's height: still in the middle, still whole.
        panel.resize(1700, 1000);
        QTest::qWait(50);
        off = offCentre(panel);
        QVERIFY2(off.isEmpty(), qPrintable(u"after growing: "_s + off));
        panel.resize(700, 330);
        QTest::qWait(50);
        off = offCentre(panel);
        QVERIFY2(off.isEmpty(), qPrintable(u"after shrinking: "_s + off));
        QVERIFY(QRectF(panel.view()->viewport()->rect()).contains(graphOnScreen(panel)));
        QVERIFY(panel.view()->zoom() < 1.0);
        panel.resize(1300, 800);
        QTest::qWait(50);
        QCOMPARE(panel.view()->zoom(), 1.0); // back to the natural size, never beyond it

        // Zoom and pan still work on a small graph: a drag moves it by as many pixels.
        const QPoint before = viewportPosOf(panel, u"stage-10"_s);
        dragCanvas(panel.view(), QPoint(100, 100), QPoint(-120, 70));
        const QPoint moved = viewportPosOf(panel, u"stage-10"_s) - before;
        QVERIFY2((moved - QPoint(-120, 70)).manhattanLength() <= 2,
                 qPrintable(u"a drag of -120,70 moved the node by %1,%2"_s.arg(moved.x()).arg(moved.y())));
        panel.view()->zoomBy(1.25);
        QCOMPARE(panel.view()->zoom(), 1.25);
        // Fit puts it back in the middle.
        panel.view()->fitGraph();
        off = offCentre(panel);
        QVERIFY2(off.isEmpty(), qPrintable(u"after Fit: "_s + off));
        QCOMPARE(panel.view()->zoom(), 1.0);
        // After the user moved the view, a resize keeps what is in the middle of it rather than fitting again.
        dragCanvas(panel.view(), QPoint(100, 100), QPoint(-120, 0));
        panel.resize(1400, 800);
        QTest::qWait(50);
        QVERIFY(!offCentre(panel).isEmpty());
        QCOMPARE(panel.view()->zoom(), 1.0);
    }

    void graphArrivingWhileHiddenIsCentredWhenShown()
    {
        // The panel has its small default size until it is first shown (a tab not yet opened).
        DagPanel panel;
        panel.setCurrentJob(kJob);
        panel.setDag(kJob, threeStageDag());
        QVERIFY(waitForLayout(panel));
        panel.resize(1300, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTest::qWait(50);
        QCOMPARE(panel.view()->zoom(), 1.0);
        const QString off = offCentre(panel);
        QVERIFY2(off.isEmpty(), qPrintable(off));
    }

    void fitShowsEveryNodeOfAThousand()
    {
        DagPanel panel;
        panel.setCollapseFanOuts(false);
        QVERIFY(showLaidOut(panel, QSize(1200, 800), randomLayeredDag(1000, 7), 60000));
        QCOMPARE(panel.layout().graph.nodeCount(), 1000);
        DagView *view = panel.view();
        const QRectF port(view->viewport()->rect());
        auto nodesOutside = [&] {
            int outside = 0;
            for (const NodePlacement &p : panel.layout().nodes)
                outside += port.contains(view->mapFromScene(panel.nodeItem(p.id)->sceneBoundingRect()).boundingRect()) ? 0 : 1;
            return outside;
        };
        QCOMPARE(nodesOutside(), 0); // the first layout is fitted
        QString off = offCentre(panel);
        QVERIFY2(off.isEmpty(), qPrintable(off));

        // Zoomed in on a corner node, most of the graph is out of view; Fit brings every node back.
        view->setZoom(1.0);
        view->centerOn(panel.nodeItem(panel.layout().nodes.first().id));
        QVERIFY(nodesOutside() > 500);
        view->fitGraph();
        QCOMPARE(nodesOutside(), 0);
        off = offCentre(panel);
        QVERIFY2(off.isEmpty(), qPrintable(u"after Fit: "_s + off));

        // The minimap outlines the whole graph when all of it is in view, and follows the view when zoomed in.
        DagMinimap *map = view->minimap();
        QVERIFY(map->isVisible());
        QTest::qWait(300); // the picture renders after a burst of changes
        const QRectF whole = map->viewportRectOnMap();
        QVERIFY(!whole.isEmpty());
        view->setZoom(1.0);
        const NodePlacement &target = panel.layout().nodes.at(500);
        view->centerOn(panel.nodeItem(target.id));
        QTest::qWait(20);
        const QRectF part = map->viewportRectOnMap();
        QVERIFY(whole.contains(part) && part.width() < whole.width() / 3);
        // Where the outline's middle sits on the map is where that node sits in the whole graph.
        const QRectF graph = view->scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20);
        const QPointF nodeAt = panel.nodeItem(target.id)->sceneBoundingRect().center();
        const QPointF expected(whole.left() + (nodeAt.x() - graph.left()) / graph.width() * whole.width(),
                               whole.top() + (nodeAt.y() - graph.top()) / graph.height() * whole.height());
        QVERIFY2(QLineF(part.center(), expected).length() < 3,
                 qPrintable(u"outline centred at %1,%2, the node is at %3,%4 on the map"_s.arg(part.center().x())
                                .arg(part.center().y()).arg(expected.x()).arg(expected.y())));
    }

    void fitShowsTheWholeGraph()
    {
        DagPanel panel;
        panel.setCollapseFanOuts(false);
        QVERIFY(showLaidOut(panel, QSize(1000, 700), randomLayeredDag(200, 2)));
        panel.view()->setZoom(2.0);
        QVERIFY(!panel.view()->visibleSceneRect().contains(panel.layout().bounds));
        panel.view()->fitGraph();
        QVERIFY(panel.view()->visibleSceneRect().contains(panel.layout().bounds));
        const double fitted = panel.view()->zoom();
        panel.view()->zoomBy(1.25);
        QVERIFY(qAbs(panel.view()->zoom() - fitted * 1.25) < 1e-6);
    }

    void anotherJobDropsTheOldLayout()
    {
        DagPanel panel;
        panel.setCurrentJob(kJob);
        panel.setDag(kJob, shuffleShapedDag(3000, 1));
        QVERIFY(panel.isLayoutPending());
        panel.setCurrentJob(u"j-2"_s);
        panel.setDag(kJob, etlGraph()); // a late answer for the old job is ignored
        panel.setDag(u"j-2"_s, Dag::fromText(u"x->y"_s).value());
        QVERIFY(waitForLayout(panel));
        QTest::qWait(300); // let the superseded layout land, if it were to
        QCOMPARE(panel.layout().graph.nodeCount(), 2);
        QVERIFY(panel.nodeItem(u"x"_s));
        QVERIFY(!panel.nodeItem(u"read_csv-a1"_s));
    }

    void choosesTheNewestJob()
    {
        DagPanel panel;
        QSignalSpy chosen(&panel, &DagPanel::jobChosen);
        JobList jobs;
        for (int i = 0; i < 3; ++i) {
            Job j;
            j.id = u"j-%1"_s.arg(i);
            j.name = u"job %1"_s.arg(i);
            j.submittedAt = QDateTime::fromSecsSinceEpoch(1'700'000'000 + i * 60, Qt::UTC);
            jobs.append(j);
        }
        panel.setJobs(jobs);
        QCOMPARE(panel.currentJob(), u"j-2"_s);
        QCOMPARE(chosen.count(), 1);
        panel.setJobs(jobs); // a refresh keeps the choice
        QCOMPARE(panel.currentJob(), u"j-2"_s);
        QCOMPARE(chosen.count(), 1);
    }

    void timelineRowsMarkFailedAndRetried()
    {
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        JobList jobs;
        Job a;
        a.id = u"j-a"_s;
        a.name = u"etl_groupby"_s;
        a.state = JobState::Completed;
        a.submittedAt = t0;
        a.startedAt = t0;
        a.endedAt = t0.addSecs(40);
        Job b = a;
        b.id = u"j-b"_s;
        b.name = u"skewed_join"_s;
        b.state = JobState::Failed;
        b.submittedAt = t0.addSecs(50);
        b.startedAt = t0.addSecs(50);
        b.endedAt = t0.addSecs(70);
        jobs << b << a; // any order in, submission order out

        Dag da;
        DagNode read = node(u"read-1"_s, u"read"_s, {{u"memory"_s, 4}});
        read.start = t0.addSecs(2);
        read.stop = t0.addSecs(10);
        DagNode agg = node(u"agg-2"_s, u"agg"_s, {{u"memory"_s, 1}});
        agg.start = t0.addSecs(12);
        agg.stop = t0.addSecs(30);
        agg.retried = 2;
        da.upsertNode(agg); // reported before read: the timeline orders by start
        da.upsertNode(read);
        Dag db;
        DagNode boom = node(u"boom-3"_s, u"boom"_s, {{u"erred"_s, 1}, {u"memory"_s, 3}});
        boom.start = t0.addSecs(52);
        boom.stop = t0.addSecs(60);
        db.upsertNode(boom);

        const QList<TimelineRow> rows = buildTimelineRows(jobs, {{a.id, da}, {b.id, db}});
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0].jobId, a.id);
        QCOMPARE(rows[0].kind, TimelineRow::Kind::Job);
        QCOMPARE(rows[1].label, u"read"_s);
        QCOMPARE(rows[2].label, u"agg"_s);
        QCOMPARE(rows[2].retried, 2);
        QVERIFY(!rows[2].failed);
        QCOMPARE(rows[3].jobId, b.id);
        QVERIFY(rows[3].failed); // the failed job
        QCOMPARE(rows[4].erred, 1);
        QVERIFY(rows[4].failed);

        TimelinePanel panel;
        panel.resize(1200, 500);
        panel.setJobs(jobs);
        QVERIFY(!panel.hasAllDags());
        QCOMPARE(panel.jobsNeedingDags(), (QStringList{a.id, b.id}));
        panel.setDag(a.id, da);
        panel.setDag(b.id, db);
        QVERIFY(panel.hasAllDags());
        QVERIFY(panel.jobsNeedingDags().isEmpty()); // both ended before their DAGs came: final
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const TimelineChart *chart = panel.chart();
        // One time axis: the later group starts further right, the second job after the first ended.
        QVERIFY(chart->barRect(2).left() > chart->barRect(1).right());
        QVERIFY(chart->barRect(3).left() > chart->barRect(0).right());
        QVERIFY(chart->barRect(0).width() > chart->barRect(1).width());
    }

    void timelineTellsSameNamedGroupsApart()
    {
        // skewed_join shuffles twice: two task groups named simple-shuffle, with different tokens in their ids.
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        Job j;
        j.id = u"j-s"_s;
        j.name = u"skewed_join"_s;
        j.state = JobState::Completed;
        j.submittedAt = j.startedAt = t0;
        j.endedAt = t0.addSecs(30);
        Dag g;
        DagNode first = node(u"simple-shuffle-3f9a1c0d2e"_s, u"simple-shuffle"_s, {{u"memory"_s, 4}});
        first.start = t0.addSecs(1);
        DagNode second = node(u"simple-shuffle-b71e44aa90"_s, u"simple-shuffle"_s, {{u"memory"_s, 4}});
        second.start = t0.addSecs(5);
        DagNode len = node(u"len-77aa"_s, u"len"_s, {{u"memory"_s, 1}});
        len.start = t0.addSecs(9);
        g.upsertNode(first);
        g.upsertNode(second);
        g.upsertNode(len);
        const QList<TimelineRow> rows = buildTimelineRows({j}, {{j.id, g}});
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[1].label, u"simple-shuffle · 3f9a1c"_s);
        QCOMPARE(rows[2].label, u"simple-shuffle · b71e44"_s);
        QCOMPARE(rows[3].label, u"len"_s); // a name of its own stays as it is
    }

    void timelineTicksAtClockSteps()
    {
        // Whatever the span, the ticks fall on times a clock reads well: never every 50 s or 20 min.
        QCOMPARE(presentation::clockStepS(0.03), 0.05);
        QCOMPARE(presentation::clockStepS(0.7), 1.0);
        QCOMPARE(presentation::clockStepS(4.0), 5.0);
        QCOMPARE(presentation::clockStepS(12.0), 15.0);
        QCOMPARE(presentation::clockStepS(43.0), 60.0); // a 1-2-5 series said 50
        QCOMPARE(presentation::clockStepS(700.0), 900.0);
        QCOMPARE(presentation::clockStepS(1500.0), 1800.0); // a 1-2-5 series said 2000
        QCOMPARE(presentation::clockStepS(5000.0), 7200.0);
        QCOMPARE(presentation::clockStepS(30000.0), 43200.0);
        QCOMPARE(presentation::clockStepS(200000.0), 3 * 86400.0);

        // On the chart: the ticks of a 3 min 40 s span of jobs are a minute apart.
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        Job j;
        j.id = u"j-t"_s;
        j.name = u"etl_groupby"_s;
        j.state = JobState::Completed;
        j.submittedAt = j.startedAt = t0;
        j.endedAt = t0.addSecs(220);
        TimelinePanel panel;
        panel.resize(1100, 400);
        panel.setJobs({j});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const double step = panel.chart()->tickStepS();
        QVERIFY2(step == 30.0 || step == 60.0, qPrintable(QString::number(step)));
    }
};

QTEST_MAIN(TstDagView)
#include "tst_dagview.moc"
