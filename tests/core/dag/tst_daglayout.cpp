// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/dag/daglayout.h"
#include "core/dag/dagsamples.h"

#include <QElapsedTimer>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;
using namespace cdeck::dag;

namespace {

Dag fixture(const QString &text)
{
    QString error;
    auto d = Dag::fromText(text, &error);
    if (!d)
        qFatal("bad fixture: %s", qPrintable(error));
    return *d;
}

// What a user checks on screen: arrows point down, boxes do not overlap, boxes have their size.
void checkInvariants(const Dag &dag, const DagLayout &layout, const LayoutOptions &options)
{
    QCOMPARE(layout.nodes.size(), dag.nodeCount());
    QCOMPARE(layout.graph.edgeCount(), dag.edgeCount());
    for (const DagEdge &e : dag.edges()) {
        const NodePlacement *from = layout.find(e.from), *to = layout.find(e.to);
        QVERIFY(from && to);
        QVERIFY2(from->layer < to->layer, qPrintable(e.from + u" -> "_s + e.to));
        QVERIFY(from->rect.bottom() < to->rect.top());
    }
    QList<NodePlacement> sorted = layout.nodes;
    std::sort(sorted.begin(), sorted.end(), [](const NodePlacement &a, const NodePlacement &b) {
        return a.rect.left() < b.rect.left();
    });
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const NodePlacement &p = sorted[i];
        QCOMPARE(p.rect.size(), options.nodeSizes.value(p.id, options.defaultNodeSize));
        QVERIFY(layout.bounds.contains(p.rect));
        for (qsizetype j = i + 1; j < sorted.size() && sorted[j].rect.left() < p.rect.right(); ++j)
            QVERIFY2(!p.rect.intersects(sorted[j].rect), qPrintable(p.id + u" overlaps "_s + sorted[j].id));
    }
    // order follows x within a layer
    for (const NodePlacement &a : layout.nodes)
        for (const NodePlacement &b : layout.nodes)
            if (a.layer == b.layer && a.order < b.order)
                QVERIFY(a.rect.right() <= b.rect.left());
    for (const EdgeRoute &r : layout.edges) {
        QVERIFY(r.points.size() >= 2);
        QCOMPARE(r.points.first(), layout.find(r.from)->centre());
        QCOMPARE(r.points.last(), layout.find(r.to)->centre());
        QCOMPARE(r.points.size(), layout.find(r.to)->layer - layout.find(r.from)->layer + 1);
        // A long edge never runs through a box on a layer it passes: it would look connected.
        for (qsizetype k = 1; k + 1 < r.points.size(); ++k)
            for (const NodePlacement &p : layout.nodes)
                if (p.layer == layout.find(r.from)->layer + k)
                    QVERIFY2(!p.rect.contains(r.points[k]), qPrintable(r.from + u" -> "_s + r.to + u" runs through "_s + p.id));
    }
}

} // namespace

class TstDagLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void crossingCounter_data()
    {
        QTest::addColumn<QList<QPointF>>("points");
        QTest::addColumn<QList<QPoint>>("edges");
        QTest::addColumn<int>("crossings");
        const QList<QPointF> square{{0, 0}, {10, 0}, {0, 10}, {10, 10}};
        QTest::addRow("X") << square << QList<QPoint>{{0, 3}, {1, 2}} << 1;
        QTest::addRow("parallel") << square << QList<QPoint>{{0, 2}, {1, 3}} << 0;
        QTest::addRow("shared endpoint") << square << QList<QPoint>{{0, 2}, {0, 3}} << 0;
        // b sits on a->c: a touch, not a proper crossing.
        QTest::addRow("T junction") << QList<QPointF>{{0, 0}, {5, 5}, {10, 10}, {10, 0}}
                                    << QList<QPoint>{{0, 2}, {1, 3}} << 0;
        QTest::addRow("collinear overlap") << QList<QPointF>{{0, 0}, {5, 0}, {10, 0}, {15, 0}}
                                           << QList<QPoint>{{0, 2}, {1, 3}} << 0;
        // K3,3 between two rows: C(3,2) * C(3,2) pairs cross.
        QList<QPoint> k33;
        for (int a = 0; a < 3; ++a)
            for (int b = 3; b < 6; ++b)
                k33.append({a, b});
        QTest::addRow("K3,3") << QList<QPointF>{{0, 0}, {10, 0}, {20, 0}, {0, 10}, {10, 10}, {20, 10}} << k33 << 9;
        // A long edge across two layers crossing a short one in between.
        QTest::addRow("long edge") << QList<QPointF>{{0, 0}, {20, 20}, {0, 10}, {20, 10}, {30, 0}}
                                   << QList<QPoint>{{0, 1}, {2, 3}, {4, 1}} << 1;
    }
    void crossingCounter()
    {
        QFETCH(QList<QPointF>, points);
        QFETCH(QList<QPoint>, edges);
        QFETCH(int, crossings);
        std::vector<QPointF> p(points.begin(), points.end());
        std::vector<std::pair<int, int>> e;
        for (const QPoint &x : edges)
            e.push_back({x.x(), x.y()});
        QCOMPARE(countCrossings(p, e), qint64(crossings));
        std::reverse(e.begin(), e.end()); // order does not matter
        QCOMPARE(countCrossings(p, e), qint64(crossings));
    }

    void invariants_data()
    {
        QTest::addColumn<Dag>("dag");
        QTest::addColumn<int>("maxCrossings"); // -1: no bound known
        QTest::addRow("empty") << Dag{} << 0;
        QTest::addRow("one node") << fixture(u"a"_s) << 0;
        QTest::addRow("chain") << fixture(u"scan->join; join->agg"_s) << 0;
        QTest::addRow("diamond") << fixture(u"a->b; a->c; b->d; c->d"_s) << 0;
        QTest::addRow("tree") << fixture(u"r->a; r->b; a->c; a->d; b->e; b->f; f->g"_s) << 0;
        QTest::addRow("long edge") << fixture(u"a->b->c->d; a->d"_s) << 0;
        QTest::addRow("long edge and a side input") << fixture(u"a->b->c->d; a->d; x->c"_s) << -1;
        // K2,2 in two layers cannot be drawn without one crossing.
        QTest::addRow("K2,2") << fixture(u"a->c; a->d; b->c; b->d"_s) << 1;
        QTest::addRow("scrambled planar") << fixture(u"a->z; b->y; c->x; z->p; y->q; x->r"_s) << 0;
        QTest::addRow("disconnected") << fixture(u"a->b; c->d; e"_s) << 0;
        QTest::addRow("random 200") << randomLayeredDag(200, 7) << -1;
        QTest::addRow("shuffle 300") << shuffleShapedDag(300, 3) << -1;
    }
    void invariants()
    {
        QFETCH(Dag, dag);
        QFETCH(int, maxCrossings);
        LayoutOptions options;
        if (dag.nodeCount() > 1)
            options.nodeSizes.insert(dag.nodes().first().id, QSizeF(300, 90)); // sizes differ
        const DagLayout layout = layoutDag(dag, options);
        checkInvariants(dag, layout, options);
        if (maxCrossings >= 0)
            QCOMPARE(countCrossings(layout), qint64(maxCrossings));
        QVERIFY(layout.notes.isEmpty());
    }

    void cycleIsBrokenWithANote()
    {
        // A cycle can only come from merged reports: the merge breaks it and says so.
        QStringList notes;
        const DagLayout layout = layoutDag(mergeDags({fixture(u"a->b; b->c"_s), fixture(u"c->a"_s)}, &notes));
        QCOMPARE(notes.size(), 1);
        QCOMPARE(layout.graph.edgeCount(), 2);
    }

    void stableWhenNodesAreAdded_data()
    {
        QTest::addColumn<int>("seed");
        for (int s = 1; s <= 5; ++s)
            QTest::addRow("seed %d", s) << s;
    }
    void stableWhenNodesAreAdded()
    {
        QFETCH(int, seed);
        // A running job: new task groups appear below the ones already drawn.
        const Dag before = randomLayeredDag(80, quint32(seed));
        const DagLayout first = layoutDag(before);
        Dag after = before;
        std::mt19937 rng{quint32(seed)};
        for (int i = 0; i < 25; ++i) {
            DagNode n;
            n.id = u"new-%1"_s.arg(i);
            n.name = n.id;
            after.upsertNode(n);
            for (int k = 0; k < 2; ++k) {
                const int from = int(rng() % quint32(after.nodeCount() - 1));
                after.addEdge({after.nodes()[from].id, n.id, 0});
            }
        }
        const DagLayout second = layoutDag(after, {}, &first);
        checkInvariants(after, second, {});
        for (const NodePlacement &p : first.nodes) {
            const NodePlacement *q = second.find(p.id);
            QVERIFY(q);
            QVERIFY2(q->layer == p.layer, qPrintable(p.id));
        }
        for (const NodePlacement &a : first.nodes)
            for (const NodePlacement &b : first.nodes)
                if (a.layer == b.layer && a.order < b.order)
                    QVERIFY2(second.find(a.id)->rect.left() < second.find(b.id)->rect.left(),
                             qPrintable(a.id + u" and "_s + b.id + u" swapped"_s));
        // Without the hint the same graph may well be drawn differently: the hint is what keeps it.
    }

    void newSourceAboveShiftsEverythingAlike()
    {
        const Dag before = fixture(u"scan->map; map->agg; scan->side"_s);
        const DagLayout first = layoutDag(before);
        const Dag after = fixture(u"scan->map; map->agg; scan->side; config->scan"_s);
        const DagLayout second = layoutDag(after, {}, &first);
        checkInvariants(after, second, {});
        const int shift = second.find(u"scan"_s)->layer - first.find(u"scan"_s)->layer;
        QCOMPARE(shift, 1);
        for (const NodePlacement &p : first.nodes)
            QCOMPARE(second.find(p.id)->layer - p.layer, shift);
    }

    void collapseOption()
    {
        Dag d = fixture(u"src->sink"_s);
        for (int i = 0; i < 300; ++i) {
            const QString id = u"part-%1"_s.arg(i);
            DagNode n;
            n.id = id;
            n.name = id;
            d.upsertNode(n);
            d.addEdge({u"src"_s, id, 0});
            d.addEdge({id, u"sink"_s, 0});
        }
        LayoutOptions options;
        options.collapseFanOutAbove = 50;
        const DagLayout layout = layoutDag(d, options);
        QCOMPARE(layout.nodes.size(), 3);
        QVERIFY(layout.find(u"group:part-0"_s));
        QCOMPARE(layout.graph.node(u"group:part-0"_s)->members.size(), 300);
        QCOMPARE(countCrossings(layout), 0);
    }

    void largeGraphIsQuick()
    {
        // Not the benchmark (tests/bench/dag) but a guard: 2,000 nodes well under a second.
        const Dag d = shuffleShapedDag(2000, 1);
        QElapsedTimer t;
        t.start();
        const DagLayout layout = layoutDag(d);
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        checkInvariants(d, layout, {});
    }
};

QTEST_GUILESS_MAIN(TstDagLayout)
#include "tst_daglayout.moc"
