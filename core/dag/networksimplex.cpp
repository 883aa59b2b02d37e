// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "networksimplex.h"

#include <algorithm>
#include <climits>
#include <functional>
#include <map>
#include <numeric>
#include <queue>

namespace cdeck::dag {

namespace {

// The names follow ns.c so that the two can be read side by side: a spanning tree of tight edges
// (span exactly 1), each tree edge's cut value (the weight of the edges crossing the cut the tree
// edge makes, tail side to head side, minus those crossing back); a negative cut value means the
// ranking gets shorter by swapping that tree edge for the tightest non-tree edge crossing back.
class NetworkSimplex
{
public:
    NetworkSimplex(int nodeCount, const std::vector<std::pair<int, int>> &edges)
        : n(nodeCount)
    {
        // Parallel edges become one edge of summed weight, as in dot.
        std::map<std::pair<int, int>, int> merged;
        for (const auto &[t, h] : edges)
            if (t != h && t >= 0 && h >= 0 && t < n && h < n)
                ++merged[{t, h}];
        for (const auto &[key, w] : merged) {
            tail.push_back(key.first);
            head.push_back(key.second);
            weight.push_back(w);
        }
        const size_t m = tail.size();
        out.resize(size_t(n));
        in.resize(size_t(n));
        for (size_t e = 0; e < m; ++e) {
            out[size_t(tail[e])].push_back(int(e));
            in[size_t(head[e])].push_back(int(e));
        }
        inTree.assign(m, 0);
        treeSlot.assign(m, -1);
        cut.assign(m, 0);
        tree.resize(size_t(n));
        rank.assign(size_t(n), 0);
        par.assign(size_t(n), -1);
        low.assign(size_t(n), 0);
        lim.assign(size_t(n), 0);
        nodeAt.assign(size_t(n), 0);
        treeRoot.assign(size_t(n), 0);
    }

    RankingResult run(int maxPivots)
    {
        RankingResult result;
        initRank();
        // Every edge spanning exactly one rank is as short as it gets (common: a job's stages
        // mostly feed the next one); pivoting there only shuffles the tree.
        if (std::all_of(tail.begin(), tail.end(), [&](const int &t) { return slack(int(&t - tail.data())) == 0; })) {
            result.rank = rank;
            result.totalSpan = std::accumulate(weight.begin(), weight.end(), 0LL);
            result.optimal = true;
            normalizeAll(result.rank);
            return result;
        }
        feasibleTree();
        int counter = 0;
        for (int root : roots) {
            const int first = counter;
            counter = dfsRange(root, -1, counter);
            for (int k = first; k < counter; ++k)
                treeRoot[size_t(nodeAt[size_t(k)])] = root;
        }
        for (int k = 0; k < n; ++k)
            if (par[size_t(nodeAt[size_t(k)])] >= 0)
                xCutval(par[size_t(nodeAt[size_t(k)])]);
        result.optimal = true;
        while (true) {
            const int e = leaveEdge();
            if (e < 0)
                break;
            // Exchanges that shorten nothing (the entering edge already tight) can cycle: after
            // a long run of them the ranking is left as it is, valid but perhaps not shortest.
            if (result.pivots >= maxPivots || streak >= kMaxDegenerateStreak) {
                result.optimal = false;
                break;
            }
            const int f = enterEdge(e);
            if (f < 0) { // cannot happen on an acyclic graph; keep the valid ranking we have
                result.optimal = false;
                break;
            }
            streak = slack(f) == 0 ? streak + 1 : 0;
            update(e, f);
            ++result.pivots;
        }
        normalize();
        for (size_t e = 0; e < tail.size(); ++e)
            result.totalSpan += (long long)weight[e] * (rank[size_t(head[e])] - rank[size_t(tail[e])]);
        result.rank = rank;
        return result;
    }

private:
    int slack(int e) const { return rank[size_t(head[size_t(e)])] - rank[size_t(tail[size_t(e)])] - 1; }
    int other(int e, int v) const { return tail[size_t(e)] == v ? head[size_t(e)] : tail[size_t(e)]; }
    bool within(int lo, int x, int hi) const { return lo <= x && x <= hi; } // ns.c's SEQ

    // Longest path from the sources: the first feasible ranking.
    void initRank()
    {
        std::vector<int> indeg(size_t(n), 0), order;
        order.reserve(size_t(n));
        for (int v = 0; v < n; ++v)
            if ((indeg[size_t(v)] = int(in[size_t(v)].size())) == 0)
                order.push_back(v);
        for (size_t i = 0; i < order.size(); ++i)
            for (int e : out[size_t(order[i])]) {
                const int h = head[size_t(e)];
                rank[size_t(h)] = std::max(rank[size_t(h)], rank[size_t(order[i])] + 1);
                if (--indeg[size_t(h)] == 0)
                    order.push_back(h);
            }
    }

    // Grows one tight tree per component, Prim-like: always the incident edge of least slack,
    // the tree shifted by that slack to make it tight. The shift is kept as one offset for the
    // whole tree, so a step costs a heap operation rather than a pass over the tree.
    void feasibleTree()
    {
        std::vector<char> member(size_t(n), 0);
        std::vector<int> stored(size_t(n), 0);
        using Entry = std::pair<long long, int>; // key, edge
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> outward, inward;
        std::vector<int> nodes;
        for (int start = 0; start < n; ++start) {
            if (member[size_t(start)])
                continue;
            roots.push_back(start);
            long long offset = 0;
            nodes.clear();
            auto join = [&](int v) {
                member[size_t(v)] = 1;
                stored[size_t(v)] = int(rank[size_t(v)] - offset);
                nodes.push_back(v);
                // Keys do not depend on the offset: outward slack = key - offset, inward = key + offset.
                for (int e : out[size_t(v)])
                    if (!member[size_t(head[size_t(e)])])
                        outward.push({(long long)rank[size_t(head[size_t(e)])] - stored[size_t(v)] - 1, e});
                for (int e : in[size_t(v)])
                    if (!member[size_t(tail[size_t(e)])])
                        inward.push({(long long)stored[size_t(v)] - rank[size_t(tail[size_t(e)])] - 1, e});
            };
            join(start);
            while (true) {
                while (!outward.empty() && member[size_t(head[size_t(outward.top().second)])])
                    outward.pop();
                while (!inward.empty() && member[size_t(tail[size_t(inward.top().second)])])
                    inward.pop();
                if (outward.empty() && inward.empty())
                    break;
                const long long so = outward.empty() ? LLONG_MAX : outward.top().first - offset;
                const long long si = inward.empty() ? LLONG_MAX : inward.top().first + offset;
                int e, v;
                if (so <= si) {
                    e = outward.top().second;
                    outward.pop();
                    offset += so; // the tree moves down to meet the head
                    v = head[size_t(e)];
                } else {
                    e = inward.top().second;
                    inward.pop();
                    offset -= si; // the tree moves up to meet the tail
                    v = tail[size_t(e)];
                }
                addTreeEdge(e);
                join(v);
            }
            for (int v : nodes)
                rank[size_t(v)] = int(stored[size_t(v)] + offset);
        }
    }

    void addTreeEdge(int e)
    {
        inTree[size_t(e)] = 1;
        treeSlot[size_t(e)] = int(treeEdges.size());
        treeEdges.push_back(e);
        tree[size_t(tail[size_t(e)])].push_back(e);
        tree[size_t(head[size_t(e)])].push_back(e);
    }

    // Postorder numbering of the subtree under v: low..lim are its nodes, lim is v's own number.
    // A subtree whose parent edge and low are unchanged keeps its numbers and is skipped (nodes
    // whose subtree changed were marked with low -1 first). Iterative: a 10,000-node chain would
    // otherwise recurse 10,000 deep.
    int dfsRange(int v, int parentEdge, int lowStart)
    {
        struct Frame
        {
            int v;
            size_t next;
        };
        std::vector<Frame> stack{{v, 0}};
        par[size_t(v)] = parentEdge;
        low[size_t(v)] = lowStart;
        int counter = lowStart;
        while (!stack.empty()) {
            Frame &top = stack.back();
            const int u = top.v;
            if (top.next < tree[size_t(u)].size()) {
                const int e = tree[size_t(u)][top.next++];
                if (e == par[size_t(u)])
                    continue;
                const int w = other(e, u);
                if (par[size_t(w)] == e && low[size_t(w)] == counter) {
                    counter = lim[size_t(w)] + 1;
                    continue;
                }
                par[size_t(w)] = e;
                low[size_t(w)] = counter;
                stack.push_back({w, 0});
            } else {
                lim[size_t(u)] = counter;
                nodeAt[size_t(counter)] = u;
                ++counter;
                stack.pop_back();
            }
        }
        return counter;
    }

    // ns.c's x_cutval: the cut value of tree edge f from those of the tree edges below it.
    void xCutval(int f)
    {
        int v, dir;
        if (par[size_t(tail[size_t(f)])] == f) {
            v = tail[size_t(f)];
            dir = 1;
        } else {
            v = head[size_t(f)];
            dir = -1;
        }
        long long sum = 0;
        for (int e : out[size_t(v)])
            sum += xVal(e, v, dir);
        for (int e : in[size_t(v)])
            sum += xVal(e, v, dir);
        cut[size_t(f)] = sum;
    }

    long long xVal(int e, int v, int dir) const
    {
        const int o = other(e, v);
        long long rv;
        bool outside;
        if (!within(low[size_t(v)], lim[size_t(o)], lim[size_t(v)])) {
            outside = true;
            rv = weight[size_t(e)];
        } else {
            outside = false;
            rv = inTree[size_t(e)] ? cut[size_t(e)] : 0;
            rv -= weight[size_t(e)];
        }
        int d;
        if (dir > 0)
            d = head[size_t(e)] == v ? 1 : -1;
        else
            d = tail[size_t(e)] == v ? 1 : -1;
        if (outside)
            d = -d;
        return d < 0 ? -rv : rv;
    }

    // A tree edge with a negative cut value, searched cyclically from where the last search
    // stopped; the most negative of the first 30 found, as ns.c does.
    int leaveEdge()
    {
        const int size = int(treeEdges.size());
        int best = -1, found = 0;
        for (int step = 0; step < size; ++step) {
            const int slot = (searchFrom + step) % size;
            const int f = treeEdges[size_t(slot)];
            if (cut[size_t(f)] < 0) {
                if (best < 0 || cut[size_t(best)] > cut[size_t(f)])
                    best = f;
                if (++found >= 30) {
                    searchFrom = slot;
                    return best;
                }
            }
        }
        if (best >= 0)
            searchFrom = treeSlot[size_t(best)];
        return best;
    }

    // The nodes of the tree that v belongs to are nodeAt[low(root)..lim(root)]; a subtree is a
    // sub-range of that. Searches and shifts go over the smaller side of a cut.
    // The non-tree edge of least slack that crosses the cut of e in the other direction: into
    // the tail's side, out of the head's side.
    int enterEdge(int e)
    {
        // `below` is e's end away from the root; its subtree is one side of the cut.
        const bool tailBelow = lim[size_t(tail[size_t(e)])] < lim[size_t(head[size_t(e)])];
        const int below = tailBelow ? tail[size_t(e)] : head[size_t(e)];
        const int lo = low[size_t(below)], hi = lim[size_t(below)];
        const int root = treeRoot[size_t(below)];
        const int rootLo = low[size_t(root)], rootHi = lim[size_t(root)];
        int enter = -1, best = INT_MAX;
        auto scan = [&](int k, bool inside) {
            const int u = nodeAt[size_t(k)];
            // From the tail's side the entering edge comes in; from the head's side it goes out.
            const bool onTailSide = inside == tailBelow;
            for (int f : onTailSide ? in[size_t(u)] : out[size_t(u)]) {
                if (inTree[size_t(f)])
                    continue;
                const int o = onTailSide ? tail[size_t(f)] : head[size_t(f)];
                if (within(lo, lim[size_t(o)], hi) == inside)
                    continue;
                const int s = slack(f);
                if (s < best) {
                    best = s;
                    enter = f;
                    if (s == 0)
                        return;
                }
            }
        };
        if (2 * (hi - lo + 1) <= rootHi - rootLo + 1) {
            for (int k = lo; k <= hi && best > 0; ++k)
                scan(k, true);
        } else {
            for (int k = rootLo; k < lo && best > 0; ++k)
                scan(k, false);
            for (int k = hi + 1; k <= rootHi && best > 0; ++k)
                scan(k, false);
        }
        return enter;
    }

    // Walks from v up to the lowest common ancestor of v and w, adding or removing the leaving
    // edge's cut value on the way (ns.c's treeupdate).
    int treeUpdate(int v, int w, long long cutvalue, bool dir)
    {
        while (!within(low[size_t(v)], lim[size_t(w)], lim[size_t(v)])) {
            const int e = par[size_t(v)];
            const bool d = v == tail[size_t(e)] ? dir : !dir;
            cut[size_t(e)] += d ? cutvalue : -cutvalue;
            v = lim[size_t(tail[size_t(e)])] > lim[size_t(head[size_t(e)])] ? tail[size_t(e)] : head[size_t(e)];
        }
        return v;
    }

    void update(int e, int f)
    {
        const int delta = slack(f);
        if (delta > 0) {
            // The side of e below it in the tree moves so that f becomes tight: the tail side
            // up, or the head side down.
            const bool tailBelow = lim[size_t(tail[size_t(e)])] < lim[size_t(head[size_t(e)])];
            const int below = tailBelow ? tail[size_t(e)] : head[size_t(e)];
            const int lo = low[size_t(below)], hi = lim[size_t(below)];
            const int root = treeRoot[size_t(below)];
            const int rootLo = low[size_t(root)], rootHi = lim[size_t(root)];
            const int shift = tailBelow ? -delta : delta;
            if (2 * (hi - lo + 1) <= rootHi - rootLo + 1) {
                for (int k = lo; k <= hi; ++k)
                    rank[size_t(nodeAt[size_t(k)])] += shift;
            } else { // the rest of the tree moves the other way: the same ranking, shifted
                for (int k = rootLo; k < lo; ++k)
                    rank[size_t(nodeAt[size_t(k)])] -= shift;
                for (int k = hi + 1; k <= rootHi; ++k)
                    rank[size_t(nodeAt[size_t(k)])] -= shift;
            }
        }
        const long long cutvalue = cut[size_t(e)];
        const int lca = treeUpdate(tail[size_t(f)], head[size_t(f)], cutvalue, true);
        treeUpdate(head[size_t(f)], tail[size_t(f)], cutvalue, false);
        const int lcaLow = low[size_t(lca)];
        invalidatePath(lca, head[size_t(f)]);
        invalidatePath(lca, tail[size_t(f)]);
        cut[size_t(f)] = -cutvalue;
        cut[size_t(e)] = 0;
        // Exchange e for f in the tree.
        inTree[size_t(e)] = 0;
        for (int end : {tail[size_t(e)], head[size_t(e)]}) {
            auto &list = tree[size_t(end)];
            list.erase(std::find(list.begin(), list.end(), e));
        }
        inTree[size_t(f)] = 1;
        treeSlot[size_t(f)] = treeSlot[size_t(e)];
        treeEdges[size_t(treeSlot[size_t(f)])] = f;
        treeSlot[size_t(e)] = -1;
        tree[size_t(tail[size_t(f)])].push_back(f);
        tree[size_t(head[size_t(f)])].push_back(f);
        dfsRange(lca, par[size_t(lca)], lcaLow);
    }

    // Marks the nodes from `node` up to the lowest common ancestor as renumbered-to-be: their
    // subtrees change with the exchange even where their parent edge does not.
    void invalidatePath(int lca, int node)
    {
        while (low[size_t(node)] != -1) {
            low[size_t(node)] = -1;
            const int e = par[size_t(node)];
            if (e < 0 || lim[size_t(node)] >= lim[size_t(lca)])
                break;
            node = lim[size_t(tail[size_t(e)])] > lim[size_t(head[size_t(e)])] ? tail[size_t(e)] : head[size_t(e)];
        }
    }

    // Before any tree exists: each weakly connected component starts at rank 0.
    void normalizeAll(std::vector<int> &r) const
    {
        std::vector<int> comp(static_cast<size_t>(n));
        std::iota(comp.begin(), comp.end(), 0);
        auto find = [&](int v) {
            while (comp[size_t(v)] != v)
                v = comp[size_t(v)] = comp[size_t(comp[size_t(v)])]; // path halving
            return v;
        };
        for (size_t e = 0; e < tail.size(); ++e)
            comp[size_t(find(tail[e]))] = find(head[e]);
        std::vector<int> least(static_cast<size_t>(n), INT_MAX);
        for (int v = 0; v < n; ++v)
            least[size_t(find(v))] = std::min(least[size_t(find(v))], r[size_t(v)]);
        for (int v = 0; v < n; ++v)
            r[size_t(v)] -= least[size_t(find(v))];
    }

    // Each component (one tree each) starts at rank 0.
    void normalize()
    {
        for (int root : roots) {
            int least = INT_MAX;
            for (int k = low[size_t(root)]; k <= lim[size_t(root)]; ++k)
                least = std::min(least, rank[size_t(nodeAt[size_t(k)])]);
            for (int k = low[size_t(root)]; k <= lim[size_t(root)]; ++k)
                rank[size_t(nodeAt[size_t(k)])] -= least;
        }
    }

    int n;
    std::vector<int> tail, head, weight;
    std::vector<std::vector<int>> out, in, tree;
    std::vector<char> inTree;
    std::vector<int> treeSlot, treeEdges;
    std::vector<long long> cut;
    std::vector<int> rank, par, low, lim, nodeAt, roots, treeRoot;
    int searchFrom = 0;
    int streak = 0; // exchanges in a row that did not shorten the ranking
    static constexpr int kMaxDegenerateStreak = 2000; // the longest seen on random 10,000-node DAGs: 236
public:
};

} // namespace

RankingResult networkSimplexRanks(int nodeCount, const std::vector<std::pair<int, int>> &edges, int maxPivots)
{
    if (nodeCount <= 0)
        return {};
    return NetworkSimplex(nodeCount, edges).run(maxPivots);
}

} // namespace cdeck::dag
