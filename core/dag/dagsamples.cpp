// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "dagsamples.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;

namespace cdeck::dag {

namespace {

void addNode(Dag &dag, const QString &id, qint64 bytes = 0)
{
    DagNode n;
    n.id = id;
    n.name = id;
    n.bytes = bytes;
    n.state = NodeState::Completed;
    n.counts.insert(u"memory"_s, 1);
    dag.upsertNode(n);
}

} // namespace

Dag randomLayeredDag(int nodes, quint32 seed)
{
    Dag dag;
    dag.setJobId(u"random-%1-%2"_s.arg(nodes).arg(seed));
    if (nodes <= 0)
        return dag;
    std::mt19937 rng(seed);
    const int layers = std::max(2, int(std::lround(std::sqrt(double(nodes)))));
    std::vector<std::vector<int>> byLayer(static_cast<size_t>(layers));
    std::vector<int> layerOf(static_cast<size_t>(nodes));
    for (int i = 0; i < nodes; ++i) {
        // The first `layers` nodes seed every layer so none is empty.
        const int l = i < layers ? i : int(rng() % quint32(layers));
        layerOf[size_t(i)] = l;
        byLayer[size_t(l)].push_back(i);
    }
    for (int i = 0; i < nodes; ++i)
        addNode(dag, u"n%1"_s.arg(i));
    for (int l = 1; l < layers; ++l) {
        for (int v : byLayer[size_t(l)]) {
            const int inputs = 1 + int(rng() % 3);
            for (int k = 0; k < inputs; ++k) {
                // 75% from the layer just above, otherwise from any layer above.
                const int from = (rng() % 4 != 0) ? l - 1 : int(rng() % quint32(l));
                const auto &src = byLayer[size_t(from)];
                const int u = src[rng() % src.size()];
                dag.addEdge({u"n%1"_s.arg(u), u"n%1"_s.arg(v), qint64(rng() % 1000000)});
            }
        }
    }
    return dag;
}

Dag shuffleShapedDag(int nodes, quint32 seed)
{
    Dag dag;
    dag.setJobId(u"shuffle-%1-%2"_s.arg(nodes).arg(seed));
    std::mt19937 rng(seed);
    // Per partition p: 2 reads + 2 maps; shuffles and joins p/2 each side; tree ~ p/6.
    const int p = std::max(2, int(std::lround(double(std::max(nodes, 10)) / 5.67)));
    const int s = std::max(1, p / 2);
    for (const char side : {'a', 'b'}) {
        for (int j = 0; j < s; ++j)
            addNode(dag, u"shuffle-%1-%2"_s.arg(QChar::fromLatin1(side)).arg(j));
        for (int i = 0; i < p; ++i) {
            const QString read = u"read-%1-%2"_s.arg(QChar::fromLatin1(side)).arg(i);
            const QString map = u"map-%1-%2"_s.arg(QChar::fromLatin1(side)).arg(i);
            addNode(dag, read, 64 << 20);
            addNode(dag, map, 32 << 20);
            dag.addEdge({read, map, 64 << 20});
            // Hash partitioning: each map writes to its own partition and a few others.
            dag.addEdge({map, u"shuffle-%1-%2"_s.arg(QChar::fromLatin1(side)).arg(i % s), 8 << 20});
            for (int k = 0; k < 2; ++k)
                dag.addEdge({map, u"shuffle-%1-%2"_s.arg(QChar::fromLatin1(side)).arg(int(rng() % quint32(s))),
                             qint64(rng() % (8 << 20))});
        }
    }
    QStringList level;
    for (int j = 0; j < s; ++j) {
        const QString join = u"join-%1"_s.arg(j);
        addNode(dag, join);
        dag.addEdge({u"shuffle-a-%1"_s.arg(j), join, 16 << 20});
        dag.addEdge({u"shuffle-b-%1"_s.arg(j), join, 16 << 20});
        level.append(join);
    }
    for (int depth = 0; level.size() > 1; ++depth) {
        QStringList next;
        for (int i = 0; i < level.size(); i += 4) {
            const QString agg = u"agg-%1-%2"_s.arg(depth).arg(i / 4);
            addNode(dag, agg);
            for (int k = i; k < std::min<qsizetype>(i + 4, level.size()); ++k)
                dag.addEdge({level[k], agg, 1 << 20});
            next.append(agg);
        }
        level = next;
    }
    return dag;
}

} // namespace cdeck::dag
