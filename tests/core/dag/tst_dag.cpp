// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/dag/dag.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck::dag;

namespace {

Dag fixture(const char *text)
{
    QString error;
    auto d = Dag::fromText(QString::fromUtf8(text), &error);
    if (!d)
        qFatal("bad fixture %s: %s", text, qPrintable(error));
    return *d;
}

// "a->b b->c" in insertion order: what a user reads in the CLI's edge list.
QString edgeList(const Dag &d)
{
    QStringList out;
    for (const DagEdge &e : d.edges())
        out.append(e.from + u"->"_s + e.to);
    return out.join(u' ');
}

} // namespace

class TstDag : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixturesFromText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<QString>("edges");
        QTest::addRow("pair") << u"scan->join; join->agg"_s << 3 << u"scan->join join->agg"_s;
        QTest::addRow("chain") << u"a->b->c"_s << 3 << u"a->b b->c"_s;
        QTest::addRow("lone node and newline") << u"a->b\nx"_s << 3 << u"a->b"_s;
        QTest::addRow("duplicate merged") << u"a->b; a->b"_s << 2 << u"a->b"_s;
        QTest::addRow("self edge dropped") << u"a->a; a->b"_s << 2 << u"a->b"_s;
        QTest::addRow("spaces in names") << u" read csv -> map it ;"_s << 2 << u"read csv->map it"_s;
    }
    void fixturesFromText()
    {
        QFETCH(QString, text);
        QFETCH(int, nodes);
        QFETCH(QString, edges);
        QString error;
        const auto d = Dag::fromText(text, &error);
        QVERIFY2(d, qPrintable(error));
        QCOMPARE(d->nodeCount(), nodes);
        QCOMPARE(edgeList(*d), edges);
    }

    void malformedFixture()
    {
        QString error;
        QVERIFY(!Dag::fromText(u"a->; b"_s, &error));
        QVERIFY(error.contains(u"empty node name"_s));
    }

    void addEdgeRefusesUnknownNodes()
    {
        Dag d = fixture("a->b");
        QString error;
        QVERIFY(!d.addEdge({u"a"_s, u"ghost"_s, 0}, &error));
        QVERIFY2(error.contains(u"ghost"_s), qPrintable(error));
        QCOMPARE(d.edgeCount(), 1);
        QCOMPARE(d.upsertNode(DagNode{}), -1); // an empty id is refused
    }

    void merge_data()
    {
        QTest::addColumn<QStringList>("parts");
        QTest::addColumn<QString>("edges");
        QTest::addColumn<int>("notes");
        QTest::addRow("persist then compute") << QStringList{u"read->map"_s, u"read->map; map->sum"_s}
                                              << u"read->map map->sum"_s << 0;
        QTest::addRow("disjoint computations") << QStringList{u"a->b"_s, u"x->y"_s} << u"a->b x->y"_s << 0;
        QTest::addRow("self edge in a part") << QStringList{u"a->b"_s, u"b->b; b->c"_s} << u"a->b b->c"_s << 0;
        QTest::addRow("cycle across parts broken") << QStringList{u"a->b; b->c"_s, u"c->a"_s} << u"a->b b->c"_s << 1;
        QTest::addRow("two cycles") << QStringList{u"a->b; c->d"_s, u"b->a; d->c"_s} << u"a->b c->d"_s << 2;
    }
    void merge()
    {
        QFETCH(QStringList, parts);
        QFETCH(QString, edges);
        QFETCH(int, notes);
        QList<Dag> dags;
        for (const QString &p : parts)
            dags.append(*Dag::fromText(p));
        QStringList got;
        const Dag merged = mergeDags(dags, &got);
        QCOMPARE(edgeList(merged), edges);
        QCOMPARE(got.size(), notes);
        QVERIFY(!merged.hasCycle());
        for (const QString &n : got)
            QVERIFY2(n.contains(u"cycle"_s), qPrintable(n));
    }

    void mergeKeepsNewestStateAndWidestTimes()
    {
        const QDateTime t0 = QDateTime::fromString(u"2026-01-01T10:00:00.000Z"_s, Qt::ISODateWithMs);
        Dag first, second;
        DagNode a;
        a.id = u"sum-1"_s;
        a.name = u"sum"_s;
        a.state = NodeState::Running;
        a.counts = {{u"processing"_s, 3}, {u"memory"_s, 1}};
        a.start = t0;
        a.stop = t0.addSecs(5);
        a.executors = {u"w1"_s};
        first.upsertNode(a);
        DagNode b = a;
        b.state = NodeState::Completed;
        b.counts = {{u"memory"_s, 4}};
        b.start = t0.addSecs(2);
        b.stop = t0.addSecs(9);
        b.executors = {u"w0"_s, u"w1"_s};
        b.bytes = 4096;
        second.upsertNode(b);
        DagNode c;
        c.id = u"out"_s;
        first.upsertNode(c);
        second.upsertNode(c);
        first.addEdge({a.id, c.id, 100});
        second.addEdge({a.id, c.id, 70});
        const Dag m = mergeDags({first, second});
        QCOMPARE(m.nodeCount(), 2);
        const DagNode *n = m.node(u"sum-1"_s);
        QVERIFY(n);
        QCOMPARE(toString(n->state), u"completed"_s);
        QCOMPARE(n->counts.value(u"memory"_s), 4);
        QCOMPARE(n->bytes, 4096);
        QCOMPARE(n->start, t0);
        QCOMPARE(n->stop, t0.addSecs(9));
        QCOMPARE(n->executors, (QStringList{u"w0"_s, u"w1"_s}));
        QCOMPARE(m.edgeCount(), 1);
        QCOMPARE(m.edges().first().bytes, 100); // the same dependency reported twice, not two transfers
    }

    void stateFromDask_data()
    {
        QTest::addColumn<QVariantMap>("counts");
        QTest::addColumn<QString>("state");
        QTest::addRow("nothing yet") << QVariantMap{} << u"pending"_s;
        QTest::addRow("waiting") << QVariantMap{{u"waiting"_s, 4}} << u"pending"_s;
        QTest::addRow("processing") << QVariantMap{{u"processing"_s, 2}, {u"waiting"_s, 2}} << u"running"_s;
        QTest::addRow("half done") << QVariantMap{{u"memory"_s, 2}, {u"waiting"_s, 2}} << u"running"_s;
        QTest::addRow("done") << QVariantMap{{u"memory"_s, 2}, {u"released"_s, 5}, {u"forgotten"_s, 1}} << u"completed"_s;
        QTest::addRow("one erred") << QVariantMap{{u"memory"_s, 9}, {u"erred"_s, 1}} << u"failed"_s;
        QTest::addRow("zero erred is fine") << QVariantMap{{u"memory"_s, 9}, {u"erred"_s, 0}} << u"completed"_s;
    }
    void stateFromDask()
    {
        QFETCH(QVariantMap, counts);
        QFETCH(QString, state);
        QMap<QString, int> c;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            c.insert(it.key(), it.value().toInt());
        QCOMPARE(toString(stateFromDaskCounts(c)), state);
    }

    void progress()
    {
        DagNode n;
        n.counts = {{u"memory"_s, 3}, {u"processing"_s, 1}};
        QCOMPARE(n.taskCount(), 4);
        QCOMPARE(n.progress(), 0.75);
    }

    void jsonRoundTrip()
    {
        Dag d = fixture("read-csv-1a2b3c4d->map; map->\"quoted\" name; map->sum");
        d.setJobId(u"j-42"_s);
        DagNode n = *d.node(u"map"_s);
        n.state = NodeState::Running;
        n.counts = {{u"memory"_s, 5}, {u"processing"_s, 2}};
        n.bytes = qint64(3) << 40; // beyond 32 bits
        n.durationS = 12.5;
        n.start = QDateTime::fromString(u"2026-03-01T08:00:00.250Z"_s, Qt::ISODateWithMs);
        n.stop = n.start.addMSecs(1500);
        n.executors = {u"worker-0"_s, u"worker-1"_s};
        d.upsertNode(n);
        d.addEdge({u"map"_s, u"sum"_s, 777});

        const QByteArray bytes = d.toJsonBytes();
        QString error;
        const auto back = Dag::fromJson(bytes, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, d);

        // The CLI shape, key by key.
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(o.value("jobId"_L1).toString(), u"j-42"_s);
        const QJsonObject node = o.value("nodes"_L1).toArray().at(1).toObject();
        for (const char *key : {"id", "name", "state", "counts", "bytes", "durationS"})
            QVERIFY2(node.contains(QLatin1StringView(key)), key);
        QCOMPARE(node.value("state"_L1).toString(), u"running"_s);
        QCOMPARE(node.value("counts"_L1).toObject().value("processing"_L1).toInt(), 2);
        QCOMPARE(node.value("bytes"_L1).toDouble(), double(qint64(3) << 40));
        const QJsonObject edge = o.value("edges"_L1).toArray().at(2).toObject();
        QCOMPARE(edge.keys(), (QStringList{u"bytes"_s, u"from"_s, u"to"_s}));
        QCOMPARE(edge.value("bytes"_L1).toInt(), 777);
    }

    void malformedJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        const QByteArray ok = R"({"id":"a","name":"a","state":"completed"})"_ba;
        QTest::addRow("not json") << "{nodes:"_ba << u"invalid JSON"_s;
        QTest::addRow("top is an array") << "[]"_ba << u"JSON object"_s;
        QTest::addRow("no nodes") << R"({"jobId":"j"})"_ba << u"nodes"_s;
        QTest::addRow("jobId a number") << R"({"jobId":5,"nodes":[]})"_ba << u"jobId"_s;
        QTest::addRow("node not object") << R"({"nodes":[3]})"_ba << u"nodes[0]"_s;
        QTest::addRow("missing id") << R"({"nodes":[{"state":"running"}]})"_ba << u"nodes[0].id"_s;
        QTest::addRow("empty id") << R"({"nodes":[{"id":"","state":"running"}]})"_ba << u"nodes[0]"_s;
        QTest::addRow("duplicate id") << R"({"nodes":[)"_ba + ok + "," + ok + "]}" << u"duplicate id"_s;
        QTest::addRow("unknown state") << R"({"nodes":[{"id":"a","state":"exploded"}]})"_ba << u"exploded"_s;
        QTest::addRow("negative count") << R"({"nodes":[{"id":"a","state":"running","counts":{"memory":-1}}]})"_ba
                                        << u"counts.memory"_s;
        QTest::addRow("fractional count") << R"({"nodes":[{"id":"a","state":"running","counts":{"memory":1.5}}]})"_ba
                                          << u"counts.memory"_s;
        QTest::addRow("huge count") << R"({"nodes":[{"id":"a","state":"running","counts":{"memory":1e12}}]})"_ba
                                    << u"counts.memory"_s;
        QTest::addRow("counts an array") << R"({"nodes":[{"id":"a","state":"running","counts":[1]}]})"_ba << u"counts"_s;
        QTest::addRow("bytes a string") << R"({"nodes":[{"id":"a","state":"running","bytes":"1 MB"}]})"_ba
                                        << u"nodes[0].bytes"_s;
        QTest::addRow("bytes negative") << R"({"nodes":[{"id":"a","state":"running","bytes":-5}]})"_ba << u"bytes"_s;
        QTest::addRow("duration negative") << R"({"nodes":[{"id":"a","state":"running","durationS":-1}]})"_ba
                                           << u"durationS"_s;
        QTest::addRow("bad start") << R"({"nodes":[{"id":"a","state":"running","start":"yesterday"}]})"_ba << u"start"_s;
        QTest::addRow("executors not strings") << R"({"nodes":[{"id":"a","state":"running","executors":[1]}]})"_ba
                                               << u"executors"_s;
        QTest::addRow("edges an object") << R"({"nodes":[],"edges":{}})"_ba << u"edges"_s;
        QTest::addRow("edge to unknown") << R"({"nodes":[)"_ba + ok + R"(],"edges":[{"from":"a","to":"b"}]})" << u"\"b\""_s;
        QTest::addRow("edge missing to") << R"({"nodes":[)"_ba + ok + R"(],"edges":[{"from":"a"}]})" << u"edges[0].to"_s;
        QTest::addRow("self edge") << R"({"nodes":[)"_ba + ok + R"(],"edges":[{"from":"a","to":"a"}]})" << u"self-edge"_s;
        QTest::addRow("duplicate edge")
            << R"({"nodes":[{"id":"a","state":"running"},{"id":"b","state":"running"}],"edges":[{"from":"a","to":"b"},{"from":"a","to":"b"}]})"_ba
            << u"duplicate edge"_s;
        QTest::addRow("cycle")
            << R"({"nodes":[{"id":"a","state":"running"},{"id":"b","state":"running"}],"edges":[{"from":"a","to":"b"},{"from":"b","to":"a"}]})"_ba
            << u"cycle"_s;
        QTest::addRow("edge bytes fractional")
            << R"({"nodes":[{"id":"a","state":"running"},{"id":"b","state":"running"}],"edges":[{"from":"a","to":"b","bytes":0.5}]})"_ba
            << u"edges[0].bytes"_s;
    }
    void malformedJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!Dag::fromJson(json, &error));
        QVERIFY2(error.contains(mentions), qPrintable(u"error was: "_s + error));
    }

    void emptyDagIsValidJson()
    {
        QString error;
        const auto d = Dag::fromJson(R"({"jobId":"j","nodes":[],"edges":[]})"_ba, &error);
        QVERIFY2(d, qPrintable(error));
        QCOMPARE(d->nodeCount(), 0);
    }

    void namePrefix_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("prefix");
        QTest::addRow("dask token") << u"read_csv-3f2a9c1b0d4e"_s << u"read_csv"_s;
        QTest::addRow("dashed name") << u"repartition-split-5a5b6c7d8e9f"_s << u"repartition-split"_s;
        QTest::addRow("numbered") << u"map-a-17"_s << u"map-a"_s;
        QTest::addRow("tuple key") << u"('sum-aggregate-0123456789ab', 3)"_s << u"sum-aggregate"_s;
        QTest::addRow("plain") << u"join"_s << u"join"_s;
    }
    void namePrefix()
    {
        QFETCH(QString, name);
        QFETCH(QString, prefix);
        QCOMPARE(cdeck::dag::namePrefix(name), prefix);
    }

    void collapseLargeFanOut()
    {
        // One source fanning out to 120 partitions that all feed one combine, plus a small fan.
        Dag d = fixture("source->combine; source->side-1; source->side-2");
        for (int i = 0; i < 120; ++i) {
            DagNode n;
            n.id = u"process-%1"_s.arg(i);
            n.name = n.id;
            n.bytes = 10;
            n.counts = {{u"memory"_s, 2}};
            n.state = i == 7 ? NodeState::Failed : NodeState::Completed;
            d.upsertNode(n);
            d.addEdge({u"source"_s, n.id, 1});
            d.addEdge({n.id, u"combine"_s, 5});
        }
        const Dag c = collapseFanOuts(d, 50);
        QCOMPARE(c.nodeCount(), 5); // source, combine, side-1, side-2, one group
        const DagNode *g = c.node(u"group:process-0"_s);
        QVERIFY(g);
        QCOMPARE(g->members.size(), 120);
        QCOMPARE(g->bytes, 1200);
        QCOMPARE(g->counts.value(u"memory"_s), 240);
        QCOMPARE(toString(g->state), u"failed"_s); // one failed member shows
        QVERIFY(g->name.contains(u"120"_s));
        QCOMPARE(edgeList(c), u"source->combine source->side-1 source->side-2 source->group:process-0 group:process-0->combine"_s);
        QCOMPARE(c.edges().last().bytes, 600); // 120 folded edges carry their summed transfer
        QVERIFY(!c.hasCycle());

        QCOMPARE(collapseFanOuts(d, 200), d); // under the threshold: unchanged
        QCOMPARE(collapseFanOuts(d, 0), d); // off
    }
};

QTEST_GUILESS_MAIN(TstDag)
#include "tst_dag.moc"
