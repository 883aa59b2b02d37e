// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <utility>
#include <vector>

namespace cdeck::dag {

struct RankingResult
{
    std::vector<int> rank; // per node; every edge goes down at least one rank; each component starts at 0
    long long totalSpan = 0; // sum over edges of rank(head) - rank(tail): what the ranking minimises
    int pivots = 0; // tree-edge exchanges made
    bool optimal = false; // false when it stopped at maxPivots (the ranking is still valid, just longer)
};

// Layer assignment by network simplex (Gansner, Koutsofios, North, Vo, "A Technique for Drawing
// Directed Graphs", 1993, as in Graphviz's ns.c): the ranking with the least total edge span,
// which is what keeps long edges (and the crossings they bring) few. `edges` must be acyclic;
// duplicate edges count once per copy. Incremental cut-value and low/lim updates, so a pivot
// costs the subtree it touches rather than the whole graph. Stops after `maxPivots` exchanges, or
// after 2,000 in a row that shorten nothing (such degenerate exchanges can cycle).
RankingResult networkSimplexRanks(int nodeCount, const std::vector<std::pair<int, int>> &edges, int maxPivots);

} // namespace cdeck::dag
