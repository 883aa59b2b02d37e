// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/dag/networksimplex.h"

#include <QTest>

#include <algorithm>
#include <climits>
#include <random>

using namespace cdeck::dag;

namespace {

using Edges = std::vector<std::pair<int, int>>;

long long spanOf(const std::vector<int> &rank, const Edges &edges)
{
    long long s = 0;
    for (const auto &[t, h] : edges)
        s += rank[size_t(h)] - rank[size_t(t)];
    return s;
}

bool feasible(const std::vector<int> &rank, const Edges &edges)
{
    return std::all_of(edges.begin(), edges.end(), [&](const auto &e) { return rank[size_t(e.second)] >= rank[size_t(e.first)] + 1; });
}

// The least total span by trying every ranking of ranks 0..n-1 (nodes are numbered in a
// topological order, so each node's lower bound is known when it is reached).
long long bruteForceLeastSpan(int n, const Edges &edges)
{
    std::vector<int> rank(size_t(n), 0);
    long long best = LLONG_MAX;
    auto visit = [&](auto &&self, int v) -> void {
        if (v == n) {
            best = std::min(best, spanOf(rank, edges));
            return;
        }
        int lo = 0;
        for (const auto &[t, h] : edges)
            if (h == v)
                lo = std::max(lo, rank[size_t(t)] + 1);
        for (int r = lo; r < n; ++r) {
            rank[size_t(v)] = r;
            self(self, v + 1);
        }
    };
    visit(visit, 0);
    return best;
}

// Random DAG on n nodes, edges only from a lower to a higher number.
Edges randomDag(int n, int edgeCount, std::mt19937 &rng)
{
    Edges edges;
    for (int k = 0; k < edgeCount; ++k) {
        const int a = int(rng() % quint32(n)), b = int(rng() % quint32(n));
        if (a != b)
            edges.push_back({std::min(a, b), std::max(a, b)});
    }
    return edges;
}

} // namespace

class TstNetworkSimplex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortestRankingOnSmallGraphs_data()
    {
        QTest::addColumn<int>("seed");
        for (int s = 1; s <= 40; ++s)
            QTest::addRow("seed %d", s) << s;
    }
    void shortestRankingOnSmallGraphs()
    {
        QFETCH(int, seed);
        std::mt19937 rng{quint32(seed)};
        const int n = 4 + seed % 4; // 4..7 nodes: brute force stays fast
        const Edges edges = randomDag(n, n + int(rng() % quint32(n)), rng);
        const RankingResult r = networkSimplexRanks(n, edges, 1000);
        QCOMPARE(r.rank.size(), size_t(n));
        QVERIFY(feasible(r.rank, edges));
        QVERIFY(r.optimal);
        QCOMPARE(r.totalSpan, spanOf(r.rank, edges));
        QCOMPARE(r.totalSpan, bruteForceLeastSpan(n, edges));
    }

    void longestPathIsNotShortest()
    {
        // s -> a -> b -> c -> t, and y -> t: longest path from the sources puts y on rank 0, an
        // edge spanning 4 ranks; the shortest ranking puts y right above t.
        const Edges edges{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {5, 4}};
        const RankingResult r = networkSimplexRanks(6, edges, 1000);
        QVERIFY(feasible(r.rank, edges));
        QCOMPARE(r.totalSpan, 5);
        QCOMPARE(r.rank[5], r.rank[4] - 1);
        QVERIFY(r.pivots >= 0);
    }

    void heavierSideWins()
    {
        // x has three inputs from the top and one output to the bottom: it belongs near its
        // inputs (span 3 + 1 + ... ) rather than near its output.
        const Edges edges{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 5}, {0, 5}, {0, 5}, {5, 4}};
        const RankingResult r = networkSimplexRanks(6, edges, 1000);
        QVERIFY(feasible(r.rank, edges));
        QCOMPARE(r.rank[5], r.rank[0] + 1); // the doubled-up edge pulls x to the top
        QCOMPARE(r.totalSpan, 4 + 3 * 1 + 3);
    }

    void componentsStartAtTheTop()
    {
        const Edges edges{{0, 1}, {1, 2}, {3, 4}};
        const RankingResult r = networkSimplexRanks(6, edges, 1000); // node 5 stands alone
        QCOMPARE(r.rank, (std::vector<int>{0, 1, 2, 0, 1, 0}));
        QVERIFY(r.optimal);
    }

    void tightGraphNeedsNoExchange()
    {
        // Every edge spans one rank after the first ranking: nothing to do (and a 10,000-node
        // shuffle-shaped job once cycled here through a million exchanges that changed nothing).
        Edges edges;
        for (int i = 0; i < 500; ++i)
            edges.push_back({i, 500 + i % 50});
        const RankingResult r = networkSimplexRanks(550, edges, 1000000);
        QVERIFY(r.optimal);
        QCOMPARE(r.pivots, 0);
        QCOMPARE(r.totalSpan, 500);
    }

    void stopsAtTheCapWithAValidRanking()
    {
        std::mt19937 rng{7};
        const int n = 400;
        Edges edges = randomDag(n, 900, rng);
        const RankingResult full = networkSimplexRanks(n, edges, 1000000);
        const RankingResult capped = networkSimplexRanks(n, edges, 1);
        QVERIFY(full.optimal);
        QVERIFY(feasible(capped.rank, edges));
        QVERIFY(capped.totalSpan >= full.totalSpan);
        if (full.pivots > 1) {
            QVERIFY(!capped.optimal);
            QCOMPARE(capped.pivots, 1);
        }
    }

    void badInputIsHarmless()
    {
        QVERIFY(networkSimplexRanks(0, {}, 10).rank.empty());
        // Self-loops and out-of-range ends are ignored rather than trusted.
        const RankingResult r = networkSimplexRanks(2, {{0, 0}, {0, 1}, {1, 9}, {-1, 0}}, 10);
        QCOMPARE(r.rank, (std::vector<int>{0, 1}));
    }
};

QTEST_GUILESS_MAIN(TstNetworkSimplex)
#include "tst_networksimplex.moc"
