// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The DOT we print is read back by Graphviz's own parser (cgraph), as `dot` would read it.
#include "core/dag/dag.h"

#include <graphviz/cgraph.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck::dag;

class TstDagDot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripThroughGraphviz_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("chain") << u"scan->join; join->agg"_s;
        QTest::addRow("fan") << u"src->a; src->b; src->c; a->sink; b->sink; c->sink"_s;
        QTest::addRow("odd names") << u"read \"s3\" bucket->map [x]; map [x]->sum, total; x{1}->sum, total; ünïcode->x{1}"_s;
        QTest::addRow("lone node") << u"alone"_s;
    }
    void roundTripThroughGraphviz()
    {
        QFETCH(QString, text);
        Dag dag = *Dag::fromText(text);
        dag.setJobId(u"job \"7\""_s);
        // Give every edge a byte count so the attribute can be checked after parsing.
        Dag withBytes;
        withBytes.setJobId(dag.jobId());
        for (const DagNode &n : dag.nodes()) {
            DagNode m = n;
            m.state = NodeState::Running;
            m.counts = {{u"memory"_s, 1}, {u"processing"_s, 1}};
            withBytes.upsertNode(m);
        }
        qint64 b = 1000;
        for (const DagEdge &e : dag.edges())
            withBytes.addEdge({e.from, e.to, b += 1000});

        const QByteArray dot = withBytes.toDot().toUtf8();
        Agraph_t *g = agmemread(dot.constData());
        QVERIFY2(g, dot.constData());
        QCOMPARE(agnnodes(g), withBytes.nodeCount());
        QCOMPARE(agnedges(g), withBytes.edgeCount());
        QVERIFY(agisdirected(g));
        QCOMPARE(QString::fromUtf8(agnameof(g)), withBytes.jobId());
        for (const DagNode &n : withBytes.nodes()) {
            Agnode_t *node = agnode(g, n.id.toUtf8().data(), 0);
            QVERIFY2(node, qPrintable(n.id));
            QCOMPARE(QString::fromUtf8(agget(node, const_cast<char *>("state"))), u"running"_s);
            QVERIFY(QString::fromUtf8(agget(node, const_cast<char *>("label"))).contains(u"1/2"_s));
        }
        for (const DagEdge &e : withBytes.edges()) {
            Agnode_t *t = agnode(g, e.from.toUtf8().data(), 0);
            Agnode_t *h = agnode(g, e.to.toUtf8().data(), 0);
            QVERIFY(t && h);
            Agedge_t *edge = agedge(g, t, h, nullptr, 0);
            QVERIFY2(edge, qPrintable(e.from + u" -> "_s + e.to));
            QCOMPARE(QByteArray(agget(edge, const_cast<char *>("bytes"))).toLongLong(), e.bytes);
        }
        agclose(g);
    }
};

QTEST_GUILESS_MAIN(TstDagDot)
#include "tst_dagdot.moc"
