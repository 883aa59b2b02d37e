// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "daglayout.h"

#include "networksimplex.h"

#include <QSet>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <limits>
#include <numeric>

namespace cdeck::dag {

const NodePlacement *DagLayout::find(const QString &id) const
{
    const int i = graph.indexOf(id);
    return i < 0 || i >= nodes.size() ? nullptr : &nodes[i];
}

namespace {

// The proper layered graph: real nodes 0..n-1, then one dummy per layer a long edge crosses.
struct Layered
{
    int n = 0;
    std::vector<int> layer;
    std::vector<std::vector<int>> up, down;
    std::vector<double> width, height;
    std::vector<char> pinned; // kept in previous relative order (stability hint)
    std::vector<std::vector<int>> layers; // left-to-right order per layer
    std::vector<int> pos; // index within its layer
    std::vector<double> hintX; // previous centre x of pinned nodes

    int size() const { return int(layer.size()); }
    bool dummy(int v) const { return v >= n; }
    int add(int l, double w, double h)
    {
        layer.push_back(l);
        up.emplace_back();
        down.emplace_back();
        width.push_back(w);
        height.push_back(h);
        pinned.push_back(0);
        hintX.push_back(0.0);
        return size() - 1;
    }
    void connect(int a, int b)
    {
        down[size_t(a)].push_back(b);
        up[size_t(b)].push_back(a);
    }
    void renumber(int l)
    {
        const auto &L = layers[size_t(l)];
        for (int i = 0; i < int(L.size()); ++i)
            pos[size_t(L[size_t(i)])] = i;
    }
};

std::vector<int> topologicalOrder(int n, const std::vector<std::vector<int>> &preds, const std::vector<std::vector<int>> &succs)
{
    std::vector<int> indeg(static_cast<size_t>(n)), order;
    order.reserve(static_cast<size_t>(n));
    for (int v = 0; v < n; ++v)
        if ((indeg[size_t(v)] = int(preds[size_t(v)].size())) == 0)
            order.push_back(v);
    for (size_t head = 0; head < order.size(); ++head)
        for (int s : succs[size_t(order[head])])
            if (--indeg[size_t(s)] == 0)
                order.push_back(s);
    return order; // the caller broke cycles, so every node is here
}

// Longest path from the sources, then each free node moves within its slack toward the side
// with more edges: a greedy local optimum of total edge length, the quantity network simplex
// minimises, at a fraction of its cost. Pinned nodes (hint >= 0) stay unless an edge forces them down.
std::vector<int> assignLayers(int n, const std::vector<std::vector<int>> &preds, const std::vector<std::vector<int>> &succs,
                              const std::vector<int> &hint)
{
    const std::vector<int> topo = topologicalOrder(n, preds, succs);
    std::vector<int> layer(size_t(n), 0);
    // Pinned nodes start far down so that new nodes above them never push them; empty layers are
    // squeezed out at the end.
    const int offset = n + 1;
    for (int v : topo) {
        int l = hint[size_t(v)] >= 0 ? hint[size_t(v)] + offset : 0;
        for (int p : preds[size_t(v)])
            l = std::max(l, layer[size_t(p)] + 1);
        layer[size_t(v)] = l;
    }
    auto settle = [&](int v) {
        if (hint[size_t(v)] >= 0)
            return false;
        const int in = int(preds[size_t(v)].size()), out = int(succs[size_t(v)].size());
        int lo = 0, hi = INT_MAX;
        for (int p : preds[size_t(v)])
            lo = std::max(lo, layer[size_t(p)] + 1);
        for (int s : succs[size_t(v)])
            hi = std::min(hi, layer[size_t(s)] - 1);
        int target = layer[size_t(v)];
        if (out > in && hi != INT_MAX)
            target = hi;
        else if (in > out || (in == 0 && out == 0))
            target = lo;
        if (target == layer[size_t(v)])
            return false;
        layer[size_t(v)] = target;
        return true;
    };
    for (int round = 0; round < 4; ++round) {
        bool changed = false;
        for (auto it = topo.rbegin(); it != topo.rend(); ++it)
            changed |= settle(*it);
        for (int v : topo)
            changed |= settle(v);
        if (!changed)
            break;
    }
    std::vector<int> used(layer);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (int &l : layer)
        l = int(std::lower_bound(used.begin(), used.end(), l) - used.begin());
    return layer;
}

// Crossings between two neighbouring layers, by counting inversions with a Fenwick tree
// (Barth, Juenger, Mutzel 2002): O(E log V).
qint64 bilayerCrossings(const Layered &g, int top, std::vector<int> &fenwick, std::vector<int> &scratch)
{
    const auto &T = g.layers[size_t(top)];
    const int width = int(g.layers[size_t(top + 1)].size());
    fenwick.assign(size_t(width + 1), 0);
    qint64 total = 0, inserted = 0;
    for (int u : T) {
        scratch.clear();
        for (int w : g.down[size_t(u)])
            scratch.push_back(g.pos[size_t(w)]);
        std::sort(scratch.begin(), scratch.end());
        for (int x : scratch) {
            qint64 atMost = 0;
            for (int i = x + 1; i > 0; i -= i & -i)
                atMost += fenwick[size_t(i)];
            total += inserted - atMost;
        }
        for (int x : scratch) {
            for (int i = x + 1; i <= width; i += i & -i)
                ++fenwick[size_t(i)];
            ++inserted;
        }
    }
    return total;
}

qint64 totalCrossings(const Layered &g)
{
    std::vector<int> fenwick, scratch;
    qint64 total = 0;
    for (int l = 0; l + 1 < int(g.layers.size()); ++l)
        total += bilayerCrossings(g, l, fenwick, scratch);
    return total;
}

// Reorders one layer by the weighted median (Gansner et al., as in dot) of each node's
// neighbours in the adjacent, fixed layer, the barycenter breaking ties. Nodes with no such
// neighbour keep their slot; pinned nodes keep their relative order.
void sortLayer(Layered &g, int l, bool byUpper, bool anyPinned, std::vector<int> &scratch)
{
    auto &L = g.layers[size_t(l)];
    struct Item
    {
        double m, b;
        int v;
    };
    std::vector<Item> loose, fixed;
    std::vector<char> movable(L.size(), 0);
    const double scale = [&] {
        const int other = l + (byUpper ? -1 : 1);
        return L.empty() ? 1.0 : double(g.layers[size_t(other)].size()) / double(L.size());
    }();
    for (size_t i = 0; i < L.size(); ++i) {
        const int v = L[i];
        const auto &nb = byUpper ? g.up[size_t(v)] : g.down[size_t(v)];
        double m = 0.0, b = 0.0;
        if (nb.empty()) {
            if (!anyPinned)
                continue; // keeps its slot
            m = b = double(i) * scale;
        } else {
            scratch.clear();
            for (int w : nb) {
                scratch.push_back(g.pos[size_t(w)]);
                b += g.pos[size_t(w)];
            }
            b /= double(nb.size());
            std::sort(scratch.begin(), scratch.end());
            const size_t k = scratch.size(), mid = k / 2;
            if (k % 2 == 1)
                m = scratch[mid];
            else if (k == 2)
                m = (scratch[0] + scratch[1]) / 2.0;
            else {
                // Weighted toward the side where the neighbours are packed tighter.
                const double left = scratch[mid - 1] - scratch[0], right = scratch[k - 1] - scratch[mid];
                m = left + right > 0 ? (scratch[mid - 1] * right + scratch[mid] * left) / (left + right)
                                     : (scratch[mid - 1] + scratch[mid]) / 2.0;
            }
        }
        movable[i] = 1;
        (g.pinned[size_t(v)] ? fixed : loose).push_back({m, b, v});
    }
    std::stable_sort(loose.begin(), loose.end(), [](const Item &a, const Item &b) { return a.m < b.m || (a.m == b.m && a.b < b.b); });
    // Merge: pinned nodes in their current order, loose ones slotted in by median.
    std::vector<int> merged;
    merged.reserve(loose.size() + fixed.size());
    size_t i = 0, j = 0;
    while (i < loose.size() || j < fixed.size()) {
        if (j == fixed.size() || (i < loose.size() && loose[i].m < fixed[j].m))
            merged.push_back(loose[i++].v);
        else
            merged.push_back(fixed[j++].v);
    }
    size_t k = 0;
    for (size_t s = 0; s < L.size(); ++s)
        if (movable[s])
            L[s] = merged[k++];
    g.renumber(l);
}

// The sorted positions of the neighbours above and below each node of one layer. They do not
// change while only that layer is reordered, so the crossings of any pair of its nodes come
// from one merge, without sorting.
struct LayerView
{
    std::vector<int> slotOf; // node -> slot in the layer, for the nodes of the current layer
    std::vector<int> start; // per slot: offsets into `positions` (above, then below), size 2k+1
    std::vector<int> positions;

    void build(const Layered &g, int l)
    {
        if (slotOf.size() != size_t(g.size()))
            slotOf.assign(size_t(g.size()), -1);
        const auto &L = g.layers[size_t(l)];
        start.clear();
        positions.clear();
        for (size_t i = 0; i < L.size(); ++i) {
            const int v = L[i];
            slotOf[size_t(v)] = int(i);
            for (int side = 0; side < 2; ++side) {
                start.push_back(int(positions.size()));
                const auto &nb = side ? g.down[size_t(v)] : g.up[size_t(v)];
                for (int w : nb)
                    positions.push_back(g.pos[size_t(w)]);
                std::sort(positions.end() - qsizetype(nb.size()), positions.end());
            }
        }
        start.push_back(int(positions.size()));
    }
    bool isolated(int v) const
    {
        const int s = slotOf[size_t(v)];
        return start[size_t(2 * s)] == start[size_t(2 * s + 2)];
    }
    // (crossings with v left of w, crossings with w left of v)
    std::pair<qint64, qint64> cross(int v, int w) const
    {
        const int sv = slotOf[size_t(v)], sw = slotOf[size_t(w)];
        qint64 vw = 0, wv = 0;
        for (int side = 0; side < 2; ++side) {
            const int a0 = start[size_t(2 * sv + side)], a1 = start[size_t(2 * sv + side + 1)];
            const int b0 = start[size_t(2 * sw + side)], b1 = start[size_t(2 * sw + side + 1)];
            if (a0 == a1 || b0 == b1)
                continue;
            int lt = b0, le = b0;
            for (int i = a0; i < a1; ++i) {
                const int x = positions[size_t(i)];
                while (lt < b1 && positions[size_t(lt)] < x)
                    ++lt;
                while (le < b1 && positions[size_t(le)] <= x)
                    ++le;
                vw += lt - b0;
                wv += b1 - le;
            }
        }
        return {vw, wv};
    }
};

// Adjacent swaps while they remove crossings (dot's transpose). With `equalToo`, swaps that keep
// the count but move a node with crossings are taken as well: they shake the order off plateaus.
// Only layers next to a change are looked at again.
void transpose(Layered &g, int maxPasses, bool equalToo)
{
    LayerView view;
    const size_t layerCount = g.layers.size();
    std::vector<char> candidate(layerCount, 1), next(layerCount, 0);
    for (int pass = 0; pass < maxPasses; ++pass) {
        bool improved = false;
        std::fill(next.begin(), next.end(), 0);
        for (size_t l = 0; l < layerCount; ++l) {
            if (!candidate[l])
                continue;
            auto &L = g.layers[l];
            bool changed = false;
            if (L.size() < 2)
                continue;
            view.build(g, int(l));
            for (size_t i = 0; i + 1 < L.size(); ++i) {
                const int v = L[i], w = L[i + 1];
                if (g.pinned[size_t(v)] && g.pinned[size_t(w)])
                    continue;
                const auto [vw, wv] = view.cross(v, w);
                if (wv < vw || (equalToo && vw > 0 && wv == vw)) {
                    std::swap(L[i], L[i + 1]);
                    g.pos[size_t(L[i])] = int(i);
                    g.pos[size_t(L[i + 1])] = int(i + 1);
                    changed = true;
                    improved |= wv < vw;
                }
            }
            if (changed) {
                next[l] = 1;
                if (l > 0)
                    next[l - 1] = 1;
                if (l + 1 < layerCount)
                    next[l + 1] = 1;
            }
        }
        if (!improved)
            break;
        candidate.swap(next);
    }
}

// Sifting (Matuszewski, Schoenfeld, Molitor 1999): each free node of a layer in turn tries every
// slot of its layer and takes the one with the fewest crossings to both neighbouring layers.
// The neighbours' positions stay put meanwhile, so each node's sorted neighbour positions are
// gathered once and the crossings of a pair come from one merge.
void siftLayer(Layered &g, int l, LayerView &view)
{
    auto &L = g.layers[size_t(l)];
    const size_t k = L.size();
    if (k < 2)
        return;
    view.build(g, l);
    const std::vector<int> order(L.begin(), L.end()); // sift in the current order
    std::vector<int> rest;
    rest.reserve(k);
    for (int v : order) {
        if (g.pinned[size_t(v)] || view.isolated(v))
            continue;
        rest.clear();
        int current = 0;
        for (size_t i = 0; i < k; ++i) {
            if (L[i] == v)
                current = int(rest.size());
            else
                rest.push_back(L[i]);
        }
        // delta relative to v in front of everything; the current slot wins ties.
        qint64 delta = 0, bestDelta = 0, currentDelta = 0;
        int bestSlot = 0;
        for (size_t i = 0; i < rest.size(); ++i) {
            const auto [vw, wv] = view.cross(v, rest[i]);
            delta += wv - vw;
            if (int(i) + 1 == current)
                currentDelta = delta;
            if (delta < bestDelta) {
                bestDelta = delta;
                bestSlot = int(i) + 1;
            }
        }
        if (bestDelta >= currentDelta)
            continue;
        rest.insert(rest.begin() + bestSlot, v);
        L.assign(rest.begin(), rest.end());
    }
    g.renumber(l);
}

void sift(Layered &g, bool downward)
{
    const int layerCount = int(g.layers.size());
    LayerView view;
    if (downward)
        for (int l = 0; l < layerCount; ++l)
            siftLayer(g, l, view);
    else
        for (int l = layerCount - 1; l >= 0; --l)
            siftLayer(g, l, view);
}

// Initial order by depth-first search so that connected nodes start close together: from the
// sources downward, or from the sinks upward.
void initialOrder(Layered &g, int layerCount, bool anyPinned, bool fromBottom)
{
    g.layers.assign(size_t(layerCount), {});
    g.pos.assign(size_t(g.size()), 0);
    std::vector<int> roots(size_t(g.size()));
    std::iota(roots.begin(), roots.end(), 0);
    std::stable_sort(roots.begin(), roots.end(), [&](int a, int b) {
        return fromBottom ? g.layer[size_t(a)] > g.layer[size_t(b)] : g.layer[size_t(a)] < g.layer[size_t(b)];
    });
    std::vector<char> seen(size_t(g.size()), 0);
    std::vector<int> stack;
    for (int r : roots) {
        if (seen[size_t(r)])
            continue;
        stack.push_back(r);
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            if (seen[size_t(v)])
                continue;
            seen[size_t(v)] = 1;
            g.layers[size_t(g.layer[size_t(v)])].push_back(v);
            const auto &d = fromBottom ? g.up[size_t(v)] : g.down[size_t(v)];
            for (auto it = d.rbegin(); it != d.rend(); ++it)
                if (!seen[size_t(*it)])
                    stack.push_back(*it);
        }
    }
    if (anyPinned) {
        // Pinned nodes take the slots pinned nodes hold, in their previous left-to-right order.
        for (auto &L : g.layers) {
            std::vector<int> slotIndex, who;
            for (size_t i = 0; i < L.size(); ++i)
                if (g.pinned[size_t(L[i])]) {
                    slotIndex.push_back(int(i));
                    who.push_back(L[i]);
                }
            std::stable_sort(who.begin(), who.end(), [&](int a, int b) { return g.hintX[size_t(a)] < g.hintX[size_t(b)]; });
            for (size_t k = 0; k < slotIndex.size(); ++k)
                L[size_t(slotIndex[k])] = who[k];
        }
    }
    for (int l = 0; l < layerCount; ++l)
        g.renumber(l);
}

// dot's mincross loop: alternate down and up median sweeps, each followed by transposition,
// keeping the best order seen; stops after `patience` sweeps without a 0.5% gain.
void sweep(Layered &g, const LayoutOptions &options, bool anyPinned, bool large, std::vector<std::vector<int>> &best,
           qint64 &bestCount)
{
    const int layerCount = int(g.layers.size());
    const int maxSweeps = large ? std::min(options.maxSweeps, 4) : options.maxSweeps;
    const int patience = 8;
    std::vector<int> scratch;
    qint64 count = totalCrossings(g);
    if (count < bestCount) {
        bestCount = count;
        best = g.layers;
    }
    int trying = 0;
    for (int iter = 0; iter < maxSweeps && count > 0 && trying++ < patience; ++iter) {
        if (iter % 2 == 0)
            for (int l = 1; l < layerCount; ++l)
                sortLayer(g, l, true, anyPinned, scratch);
        else
            for (int l = layerCount - 2; l >= 0; --l)
                sortLayer(g, l, false, anyPinned, scratch);
        // Every other pair of sweeps also takes swaps that keep the count (dot's "reverse"), to
        // leave plateaus.
        if (options.transpose && !large)
            transpose(g, 2, iter % 4 >= 2);
        count = totalCrossings(g);
        if (count <= bestCount) {
            if (double(count) < 0.995 * double(bestCount))
                trying = 0;
            bestCount = count;
            best = g.layers;
        }
    }
}

void reduceCrossings(Layered &g, const LayoutOptions &options, int layerCount, bool anyPinned)
{
    // Past ~40,000 layered nodes (dummies included) sweeps and transpositions stop paying for
    // themselves: a few sweeps and one final transposition keep 10,000 real nodes under 2 s.
    const bool large = g.size() > 40000;
    std::vector<std::vector<int>> best;
    qint64 bestCount = std::numeric_limits<qint64>::max();
    // Two starts, as dot does (from the sources and from the sinks); sifting refines the better one.
    for (int start = 0; start < (large ? 1 : 2); ++start) {
        initialOrder(g, layerCount, anyPinned, start == 1);
        sweep(g, options, anyPinned, large, best, bestCount);
    }
    g.layers = best;
    for (int l = 0; l < layerCount; ++l)
        g.renumber(l);
    if (options.transpose && bestCount > 0) {
        // Sifting costs the sum over layers of the squared layer size: skipped for wide layers.
        double siftWork = 0;
        for (const auto &L : g.layers)
            siftWork += double(L.size()) * double(L.size());
        if (!large && siftWork < 4e6) {
            // Sifting from the best order, down then up, while it gains: it moves a node across
            // the whole layer where transposition only swaps neighbours.
            for (int round = 0; round < 2 && bestCount > 0; ++round) {
                sift(g, round % 2 == 0);
                const qint64 count = totalCrossings(g);
                if (count >= bestCount) {
                    if (count > bestCount) {
                        g.layers = best;
                        for (int l = 0; l < layerCount; ++l)
                            g.renumber(l);
                    }
                    break;
                }
                bestCount = count;
                best = g.layers;
            }
        }
        transpose(g, large ? 2 : 16, false);
    }
}

// Brandes & Koepf, "Fast and Simple Horizontal Coordinate Assignment" (2001), with dagre's
// block-graph compaction in place of the paper's classes.
// Returns the balanced result (average median of the four) followed by the four alignments.
std::vector<std::vector<double>> assignX(const Layered &g, const LayoutOptions &options)
{
    const int N = g.size();
    QSet<quint64> conflicts;
    auto key = [](int a, int b) { return a < b ? (quint64(quint32(a)) << 32) | quint32(b) : (quint64(quint32(b)) << 32) | quint32(a); };
    // Type 1 conflicts: an inner segment (dummy to dummy) beats any other segment it crosses.
    for (size_t li = 1; li < g.layers.size(); ++li) {
        const auto &prev = g.layers[li - 1];
        const auto &L = g.layers[li];
        if (L.empty())
            continue;
        int k0 = 0;
        size_t scan = 0;
        for (size_t i = 0; i < L.size(); ++i) {
            const int v = L[i];
            int w = -1;
            if (g.dummy(v))
                for (int u : g.up[size_t(v)])
                    if (g.dummy(u)) {
                        w = u;
                        break;
                    }
            const int k1 = w >= 0 ? g.pos[size_t(w)] : int(prev.size());
            if (w >= 0 || i + 1 == L.size()) {
                for (; scan <= i; ++scan) {
                    const int s = L[scan];
                    for (int u : g.up[size_t(s)]) {
                        const int p = g.pos[size_t(u)];
                        if ((p < k0 || k1 < p) && !(g.dummy(u) && g.dummy(s)))
                            conflicts.insert(key(u, s));
                    }
                }
                k0 = k1;
            }
        }
    }

    auto gapOf = [&](int v) { return g.dummy(v) ? options.edgeGap : options.nodeGap; };
    auto sep = [&](int u, int v) { return (g.width[size_t(u)] + g.width[size_t(v)]) / 2.0 + (gapOf(u) + gapOf(v)) / 2.0; };

    std::vector<std::vector<double>> xss;
    std::vector<int> root(static_cast<size_t>(N)), align(static_cast<size_t>(N)), posAdj(static_cast<size_t>(N));
    std::vector<int> ws;
    for (int vert = 0; vert < 2; ++vert) {
        for (int horiz = 0; horiz < 2; ++horiz) {
            std::vector<std::vector<int>> layering = g.layers;
            if (vert == 1)
                std::reverse(layering.begin(), layering.end());
            if (horiz == 1)
                for (auto &L : layering)
                    std::reverse(L.begin(), L.end());
            for (const auto &L : layering)
                for (size_t i = 0; i < L.size(); ++i)
                    posAdj[size_t(L[i])] = int(i);
            std::iota(root.begin(), root.end(), 0);
            std::iota(align.begin(), align.end(), 0);
            for (const auto &L : layering) {
                int prevIdx = -1;
                for (int v : L) {
                    const auto &nb = vert == 0 ? g.up[size_t(v)] : g.down[size_t(v)];
                    if (nb.empty())
                        continue;
                    ws.assign(nb.begin(), nb.end());
                    std::sort(ws.begin(), ws.end(), [&](int a, int b) { return posAdj[size_t(a)] < posAdj[size_t(b)]; });
                    const int m = int(ws.size()) - 1;
                    for (int i = m / 2; i <= (m + 1) / 2; ++i) {
                        const int w = ws[size_t(i)];
                        if (align[size_t(v)] == v && prevIdx < posAdj[size_t(w)] && !conflicts.contains(key(v, w))) {
                            align[size_t(w)] = v;
                            align[size_t(v)] = root[size_t(v)] = root[size_t(w)];
                            prevIdx = posAdj[size_t(w)];
                        }
                    }
                }
            }
            // Block graph: left neighbour's block -> right neighbour's block, weighted by separation.
            std::vector<std::vector<std::pair<int, double>>> out(static_cast<size_t>(N)), in(static_cast<size_t>(N));
            for (const auto &L : layering)
                for (size_t i = 1; i < L.size(); ++i) {
                    const int a = root[size_t(L[i - 1])], b = root[size_t(L[i])];
                    const double s = sep(L[i - 1], L[i]);
                    out[size_t(a)].push_back({b, s});
                    in[size_t(b)].push_back({a, s});
                }
            std::vector<int> indeg(size_t(N), 0), order;
            order.reserve(static_cast<size_t>(N));
            for (int v = 0; v < N; ++v)
                if (root[size_t(v)] == v && (indeg[size_t(v)] = int(in[size_t(v)].size())) == 0)
                    order.push_back(v);
            for (size_t h = 0; h < order.size(); ++h)
                for (const auto &[b, s] : out[size_t(order[h])])
                    if (--indeg[size_t(b)] == 0)
                        order.push_back(b);
            std::vector<double> xs(size_t(N), 0.0);
            for (int b : order) {
                double x = 0.0;
                for (const auto &[a, s] : in[size_t(b)])
                    x = std::max(x, xs[size_t(a)] + s);
                xs[size_t(b)] = x;
            }
            for (auto it = order.rbegin(); it != order.rend(); ++it) {
                const int b = *it;
                if (out[size_t(b)].empty())
                    continue;
                double m = std::numeric_limits<double>::infinity();
                for (const auto &[c, s] : out[size_t(b)])
                    m = std::min(m, xs[size_t(c)] - s);
                xs[size_t(b)] = std::max(xs[size_t(b)], m);
            }
            std::vector<double> x(static_cast<size_t>(N));
            for (int v = 0; v < N; ++v)
                x[size_t(v)] = horiz == 1 ? -xs[size_t(root[size_t(v)])] : xs[size_t(root[size_t(v)])];
            xss.push_back(std::move(x));
        }
    }
    if (N == 0)
        return {std::vector<double>()};
    // Align the four to the narrowest, then take the average median per node.
    int narrowest = 0;
    double narrowestWidth = std::numeric_limits<double>::infinity();
    std::vector<double> lo(4), hi(4);
    for (int k = 0; k < 4; ++k) {
        double a = std::numeric_limits<double>::infinity(), b = -a, wa = a, wb = -a;
        for (int v = 0; v < N; ++v) {
            const double x = xss[size_t(k)][size_t(v)];
            a = std::min(a, x);
            b = std::max(b, x);
            wa = std::min(wa, x - g.width[size_t(v)] / 2);
            wb = std::max(wb, x + g.width[size_t(v)] / 2);
        }
        lo[size_t(k)] = a;
        hi[size_t(k)] = b;
        if (wb - wa < narrowestWidth) {
            narrowestWidth = wb - wa;
            narrowest = k;
        }
    }
    for (int k = 0; k < 4; ++k) {
        const double delta = (k % 2 == 0) ? lo[size_t(narrowest)] - lo[size_t(k)] : hi[size_t(narrowest)] - hi[size_t(k)];
        for (double &x : xss[size_t(k)])
            x += delta;
    }
    std::vector<double> result(static_cast<size_t>(N));
    xss.insert(xss.begin(), std::vector<double>());
    for (int v = 0; v < N; ++v) {
        std::array<double, 4> c{xss[1][size_t(v)], xss[2][size_t(v)], xss[3][size_t(v)], xss[4][size_t(v)]};
        std::sort(c.begin(), c.end());
        result[size_t(v)] = (c[1] + c[2]) / 2.0;
    }
    xss[0] = std::move(result);
    return xss;
}

// Pulls each node toward the weighted mean x of its neighbours, layer by layer down and up, with
// the layer's order and separations kept (the closest such placement is a weighted isotonic
// regression: pool adjacent violators). Dummy-to-dummy segments weigh most, as in dot's x
// placement, so long edges straighten and run close to the line between their ends.
std::vector<double> relaxX(const Layered &g, const LayoutOptions &options, std::vector<double> x, int sweeps)
{
    auto gapOf = [&](int v) { return g.dummy(v) ? options.edgeGap : options.nodeGap; };
    auto weight = [&](int a, int b) { return g.dummy(a) && g.dummy(b) ? 8.0 : (g.dummy(a) || g.dummy(b) ? 2.0 : 1.0); };
    const int layerCount = int(g.layers.size());
    std::vector<double> target, w, shift;
    struct Block
    {
        double sumW, sumWT;
        int count;
    };
    std::vector<Block> blocks;
    for (int sweep = 0; sweep < sweeps; ++sweep) {
        const bool down = sweep % 2 == 0;
        for (int step = 0; step < layerCount; ++step) {
            const int l = down ? step : layerCount - 1 - step;
            const auto &L = g.layers[size_t(l)];
            const size_t k = L.size();
            if (k == 0)
                continue;
            target.assign(k, 0.0);
            w.assign(k, 0.0);
            shift.assign(k, 0.0);
            for (size_t i = 0; i < k; ++i) {
                const int v = L[i];
                double sw = 0.0, swx = 0.0;
                for (const auto *nb : {&g.up[size_t(v)], &g.down[size_t(v)]})
                    for (int u : *nb) {
                        const double wt = weight(u, v);
                        sw += wt;
                        swx += wt * x[size_t(u)];
                    }
                if (i > 0)
                    shift[i] = shift[i - 1] + (g.width[size_t(L[i - 1])] + g.width[size_t(v)]) / 2.0
                               + (gapOf(L[i - 1]) + gapOf(v)) / 2.0;
                // A node without neighbours stays where it is, lightly held.
                target[i] = (sw > 0 ? swx / sw : x[size_t(v)]) - shift[i];
                w[i] = sw > 0 ? sw : 0.1;
            }
            blocks.clear();
            for (size_t i = 0; i < k; ++i) {
                blocks.push_back({w[i], w[i] * target[i], 1});
                while (blocks.size() > 1) {
                    const Block &b = blocks.back(), &a = blocks[blocks.size() - 2];
                    if (a.sumWT / a.sumW <= b.sumWT / b.sumW)
                        break;
                    const Block merged{a.sumW + b.sumW, a.sumWT + b.sumWT, a.count + b.count};
                    blocks.pop_back();
                    blocks.back() = merged;
                }
            }
            size_t i = 0;
            for (const Block &b : blocks)
                for (int c = 0; c < b.count; ++c, ++i)
                    x[size_t(L[i])] = b.sumWT / b.sumW + shift[i];
        }
    }
    return x;
}

// Where the straight line from the centre of edge.first to that of edge.second meets layer l's line.
double straightX(const Layered &g, const std::vector<double> &layerY, const std::pair<int, int> &edge, const std::vector<double> &x, int l)
{
    const auto [a, b] = edge;
    const int la = g.layer[size_t(a)], lb = g.layer[size_t(b)];
    const double t = (layerY[size_t(l)] - layerY[size_t(la)]) / (layerY[size_t(lb)] - layerY[size_t(la)]);
    return x[size_t(a)] + t * (x[size_t(b)] - x[size_t(a)]);
}

// Crossings of the straight centre-to-centre edges, counted gap by gap: between two layer lines
// every edge is one straight piece, and two pieces cross exactly when their left-to-right order
// on the upper line differs from that on the lower one, so each gap is an inversion count
// (O(P log P) over all P pieces, against the pairwise test's O(E^2)). Two edges meeting right on
// a layer line are not counted; that needs an exact tie, which only a shared end gives.
qint64 straightCrossingsByGap(const Layered &g, const std::vector<double> &layerY, const std::vector<std::pair<int, int>> &edges,
                              const std::vector<double> &x)
{
    std::vector<std::vector<int>> gapEdges(layerY.size());
    for (size_t e = 0; e < edges.size(); ++e)
        for (int l = g.layer[size_t(edges[e].first)]; l < g.layer[size_t(edges[e].second)]; ++l)
            gapEdges[size_t(l)].push_back(int(e));
    auto lineX = [&](int e, int l) { return straightX(g, layerY, edges[size_t(e)], x, l); };
    std::vector<std::pair<double, double>> pieces;
    std::vector<double> bottoms, scratch;
    qint64 total = 0;
    for (size_t l = 0; l < gapEdges.size(); ++l) {
        pieces.clear();
        for (int e : gapEdges[l])
            pieces.push_back({lineX(e, int(l)), lineX(e, int(l) + 1)});
        std::sort(pieces.begin(), pieces.end());
        bottoms.clear();
        for (const auto &p : pieces)
            bottoms.push_back(p.second);
        // Strict inversions of the lower line's order, by merge sort.
        scratch.resize(bottoms.size());
        for (size_t width = 1; width < bottoms.size(); width *= 2) {
            for (size_t lo = 0; lo < bottoms.size(); lo += 2 * width) {
                const size_t mid = std::min(lo + width, bottoms.size()), hi = std::min(lo + 2 * width, bottoms.size());
                size_t i = lo, j = mid, k = lo;
                while (i < mid && j < hi) {
                    if (bottoms[i] <= bottoms[j]) {
                        scratch[k++] = bottoms[i++];
                    } else {
                        total += qint64(mid - i);
                        scratch[k++] = bottoms[j++];
                    }
                }
                while (i < mid)
                    scratch[k++] = bottoms[i++];
                while (j < hi)
                    scratch[k++] = bottoms[j++];
            }
            bottoms.swap(scratch);
        }
    }
    return total;
}

// Edges are drawn straight from centre to centre (bending only around a node in their way), so
// the crossings that count are those of the straight segments, which the layered order sees only
// through the dummies. This pass swaps two neighbouring nodes of a layer (each keeps the other's
// room) when that removes straight crossings, like dot's transposition but judged on the
// drawing. Between two layer lines every edge is one straight piece, so two edges cross there
// exactly when their left-to-right order differs at the two lines: the crossings an edge adds are
// counted gap by gap against the edges in that gap. Returns the swaps made.
int swapAlongStraightEdges(const Layered &g, const std::vector<double> &layerY, const std::vector<std::pair<int, int>> &edges,
                           std::vector<double> &x, int maxPasses)
{
    const int n = g.n;
    const int gapCount = std::max(0, int(layerY.size()) - 1);
    // Per gap, the pieces of the edges crossing it: x on the upper and on the lower layer line.
    // Each gap's pieces also sorted by their x on either line, so that the pieces whose order
    // against a moving piece can change (those between its old and new x on a line) are found
    // by binary search instead of a scan of the gap.
    struct Gap
    {
        std::vector<double> top, bottom;
        std::vector<int> byTop, byBottom;
    };
    std::vector<Gap> gaps(static_cast<size_t>(gapCount));
    std::vector<std::vector<std::pair<int, int>>> piecesOf(edges.size()); // edge -> (gap, index)
    std::vector<std::vector<int>> incident(static_cast<size_t>(n));
    auto lineX = [&](int e, int l) { return straightX(g, layerY, edges[size_t(e)], x, l); };
    for (size_t e = 0; e < edges.size(); ++e) {
        const auto [a, b] = edges[e];
        incident[size_t(a)].push_back(int(e));
        incident[size_t(b)].push_back(int(e));
        for (int l = g.layer[size_t(a)]; l < g.layer[size_t(b)]; ++l) {
            Gap &gap = gaps[size_t(l)];
            piecesOf[e].push_back({l, int(gap.top.size())});
            gap.top.push_back(lineX(int(e), l));
            gap.bottom.push_back(lineX(int(e), l + 1));
        }
    }
    auto resort = [](std::vector<int> &order, const std::vector<double> &key) {
        // Insertion sort: after a swap only a few pieces are out of place, and not far.
        for (size_t i = 1; i < order.size(); ++i) {
            const int item = order[i];
            size_t j = i;
            for (; j > 0 && key[size_t(order[j - 1])] > key[size_t(item)]; --j)
                order[j] = order[j - 1];
            order[j] = item;
        }
    };
    for (Gap &gap : gaps) {
        gap.byTop.resize(gap.top.size());
        std::iota(gap.byTop.begin(), gap.byTop.end(), 0);
        std::sort(gap.byTop.begin(), gap.byTop.end(), [&](int a, int b) { return gap.top[size_t(a)] < gap.top[size_t(b)]; });
        gap.byBottom.resize(gap.bottom.size());
        std::iota(gap.byBottom.begin(), gap.byBottom.end(), 0);
        std::sort(gap.byBottom.begin(), gap.byBottom.end(), [&](int a, int b) { return gap.bottom[size_t(a)] < gap.bottom[size_t(b)]; });
    }
    // The crossings of the edges at two nodes with every other edge and among themselves, before
    // and after the nodes move, in one scan of each gap they cross. Two edges with a common end
    // only touch there (their difference is 0 on that line), so they never count, without a check.
    std::vector<int> changed;
    struct Moving
    {
        int gap, index;
        double oldTop, oldBottom, newTop, newBottom;
    };
    std::vector<Moving> moving;
    auto cross = [](double t1, double b1, double t2, double b2) { return (t1 - t2) * (b1 - b2) < 0 ? 1 : 0; };
    auto crossingsBeforeAndAfter = [&](int u, double newU, int v, double newV) {
        moving.clear();
        const double oldU = x[size_t(u)], oldV = x[size_t(v)];
        x[size_t(u)] = newU;
        x[size_t(v)] = newV;
        for (int e : changed)
            for (const auto &[l, i] : piecesOf[size_t(e)])
                moving.push_back({l, i, gaps[size_t(l)].top[size_t(i)], gaps[size_t(l)].bottom[size_t(i)], lineX(e, l), lineX(e, l + 1)});
        x[size_t(u)] = oldU;
        x[size_t(v)] = oldV;
        // Against a piece that stays, a moving piece's crossing can change only if that piece
        // lies between the moving one's old and new x on the upper or on the lower line; all
        // others count the same before and after, so only the difference is summed.
        qint64 before = 0, after = 0;
        for (const Moving &m : moving) {
            const Gap &gap = gaps[size_t(m.gap)];
            const double topLo = std::min(m.oldTop, m.newTop), topHi = std::max(m.oldTop, m.newTop);
            const double bottomLo = std::min(m.oldBottom, m.newBottom), bottomHi = std::max(m.oldBottom, m.newBottom);
            auto tally = [&](int q) {
                const double t = gap.top[size_t(q)], b = gap.bottom[size_t(q)];
                before += cross(m.oldTop, m.oldBottom, t, b);
                after += cross(m.newTop, m.newBottom, t, b);
            };
            auto first = [&](const std::vector<int> &order, const std::vector<double> &key, double lo) {
                return std::partition_point(order.begin(), order.end(), [&](int q) { return key[size_t(q)] < lo; });
            };
            for (auto it = first(gap.byTop, gap.top, topLo); it != gap.byTop.end() && gap.top[size_t(*it)] <= topHi; ++it)
                tally(*it);
            for (auto it = first(gap.byBottom, gap.bottom, bottomLo); it != gap.byBottom.end() && gap.bottom[size_t(*it)] <= bottomHi; ++it) {
                const double t = gap.top[size_t(*it)];
                if (t < topLo || t > topHi) // not already tallied from the upper line
                    tally(*it);
            }
        }
        // The scans saw the moving pieces as they were: a pair of them was counted twice before,
        // and after the move against their old places; count each pair once, as it is.
        std::sort(moving.begin(), moving.end(), [](const Moving &p, const Moving &q) { return p.gap < q.gap; });
        for (size_t i = 0; i < moving.size(); ++i) {
            const Moving &p = moving[i];
            for (size_t j = i; j < moving.size() && moving[j].gap == p.gap; ++j) {
                const Moving &q = moving[j];
                after -= cross(p.newTop, p.newBottom, q.oldTop, q.oldBottom);
                if (j == i)
                    continue;
                after -= cross(q.newTop, q.newBottom, p.oldTop, p.oldBottom);
                after += cross(p.newTop, p.newBottom, q.newTop, q.newBottom);
                before -= cross(p.oldTop, p.oldBottom, q.oldTop, q.oldBottom);
            }
        }
        return std::pair<qint64, qint64>(before, after);
    };
    std::vector<std::vector<int>> layers(static_cast<size_t>(layerY.size()));
    for (int v = 0; v < n; ++v)
        layers[size_t(g.layer[size_t(v)])].push_back(v);
    // Only pairs next to a change are tried again: a swap mostly affects its own neighbourhood.
    std::vector<char> dirty(static_cast<size_t>(n), 1), dirtyNext(static_cast<size_t>(n), 0);
    auto touch = [&](int w) {
        dirtyNext[size_t(w)] = 1;
        for (int e : incident[size_t(w)]) {
            dirtyNext[size_t(edges[size_t(e)].first)] = 1;
            dirtyNext[size_t(edges[size_t(e)].second)] = 1;
        }
    };
    int swaps = 0;
    for (int pass = 0; pass < maxPasses; ++pass) {
        int passSwaps = 0;
        for (auto &L : layers) {
            std::sort(L.begin(), L.end(), [&](int a, int b) { return x[size_t(a)] < x[size_t(b)]; });
            for (size_t i = 1; i < L.size(); ++i) {
                const int u = L[i - 1], v = L[i];
                if (!dirty[size_t(u)] && !dirty[size_t(v)])
                    continue;
                if (incident[size_t(u)].empty() && incident[size_t(v)].empty())
                    continue;
                // An edge between u and v (same layer) cannot exist, so no edge is listed twice.
                changed.assign(incident[size_t(u)].begin(), incident[size_t(u)].end());
                changed.insert(changed.end(), incident[size_t(v)].begin(), incident[size_t(v)].end());
                // v takes u's left end and u takes v's right end, so neither overlaps anything.
                const double left = x[size_t(u)] - g.width[size_t(u)] / 2, right = x[size_t(v)] + g.width[size_t(v)] / 2;
                const double newU = right - g.width[size_t(u)] / 2, newV = left + g.width[size_t(v)] / 2;
                const auto [before, after] = crossingsBeforeAndAfter(u, newU, v, newV);
                if (after < before) {
                    x[size_t(u)] = newU;
                    x[size_t(v)] = newV;
                    for (const Moving &m : moving) {
                        gaps[size_t(m.gap)].top[size_t(m.index)] = m.newTop;
                        gaps[size_t(m.gap)].bottom[size_t(m.index)] = m.newBottom;
                    }
                    for (size_t k = 0; k < moving.size(); ++k)
                        if (k == 0 || moving[k].gap != moving[k - 1].gap) { // sorted by gap above
                            Gap &gap = gaps[size_t(moving[k].gap)];
                            resort(gap.byTop, gap.top);
                            resort(gap.byBottom, gap.bottom);
                        }
                    std::swap(L[i - 1], L[i]);
                    ++passSwaps;
                    touch(u);
                    touch(v);
                    if (i >= 2)
                        dirtyNext[size_t(L[i - 2])] = 1;
                    if (i + 1 < L.size())
                        dirtyNext[size_t(L[i + 1])] = 1;
                }
            }
        }
        swaps += passSwaps;
        if (passSwaps == 0)
            break;
        dirty.swap(dirtyNext);
        std::fill(dirtyNext.begin(), dirtyNext.end(), 0);
    }
    return swaps;
}

} // namespace

DagLayout layoutDag(const Dag &dag, const LayoutOptions &options, const DagLayout *previous)
{
    DagLayout out;
    out.graph = options.collapseFanOutAbove > 0 ? collapseFanOuts(dag, options.collapseFanOutAbove) : dag;
    if (out.graph.hasCycle())
        out.notes = out.graph.breakCycles();
    const Dag &G = out.graph;
    const int n = G.nodeCount();

    std::vector<std::vector<int>> preds(static_cast<size_t>(n)), succs(static_cast<size_t>(n));
    std::vector<std::pair<int, int>> edges;
    edges.reserve(size_t(G.edgeCount()));
    for (const DagEdge &e : G.edges()) {
        const int f = G.indexOf(e.from), t = G.indexOf(e.to);
        edges.push_back({f, t});
        succs[size_t(f)].push_back(t);
        preds[size_t(t)].push_back(f);
    }

    Layered g;
    g.n = n;
    std::vector<int> hint(size_t(n), -1);
    bool anyPinned = false;
    for (int v = 0; v < n; ++v) {
        const DagNode &node = G.nodes()[v];
        const QSizeF size = options.nodeSizes.value(node.id, options.defaultNodeSize);
        g.add(0, std::max(0.0, size.width()), std::max(0.0, size.height()));
        if (previous) {
            if (const NodePlacement *p = previous->find(node.id)) {
                hint[size_t(v)] = p->layer;
                g.pinned[size_t(v)] = 1;
                g.hintX[size_t(v)] = p->rect.center().x();
                anyPinned = true;
            }
        }
    }
    // Network simplex gives the shortest edges in total, as dot does: fewer long edges, fewer
    // crossings. With a previous layout the greedy layering keeps old nodes on their layers.
    const std::vector<int> layer = anyPinned ? assignLayers(n, preds, succs, hint)
                                             : networkSimplexRanks(n, edges, 50 * n + 1000).rank;
    int layerCount = 0;
    for (int v = 0; v < n; ++v) {
        g.layer[size_t(v)] = layer[size_t(v)];
        layerCount = std::max(layerCount, layer[size_t(v)] + 1);
    }

    std::vector<std::vector<int>> chains(edges.size());
    for (size_t e = 0; e < edges.size(); ++e) {
        int prev = edges[e].first;
        for (int l = layer[size_t(edges[e].first)] + 1; l < layer[size_t(edges[e].second)]; ++l) {
            const int d = g.add(l, 0.0, 0.0);
            g.connect(prev, d);
            chains[e].push_back(d);
            prev = d;
        }
        g.connect(prev, edges[e].second);
    }

    reduceCrossings(g, options, layerCount, anyPinned);
    std::vector<double> layerTop(size_t(layerCount), 0.0), layerHeight(size_t(layerCount), 0.0);
    for (int v = 0; v < n; ++v)
        layerHeight[size_t(layer[size_t(v)])] = std::max(layerHeight[size_t(layer[size_t(v)])], g.height[size_t(v)]);
    for (int l = 1; l < layerCount; ++l)
        layerTop[size_t(l)] = layerTop[size_t(l - 1)] + layerHeight[size_t(l - 1)] + options.layerGap;

    // Edges are judged as drawn straight between node centres, where a bend through the dummies
    // no longer hides a crossing: of the balanced assignment, the four alignments it comes from
    // and the balanced one relaxed toward straight long edges, keep the one whose straight
    // segments cross least (the balanced one on ties), counted gap by gap. On larger graphs the
    // relaxation's sweeps over every dummy cost more than the choice gains (tried at 10,000
    // nodes: 0.03% fewer crossings for 25% more time), so they keep the balanced assignment.
    std::vector<double> layerY(static_cast<size_t>(layerCount));
    for (int l = 0; l < layerCount; ++l)
        layerY[size_t(l)] = layerTop[size_t(l)] + layerHeight[size_t(l)] / 2;
    std::vector<std::vector<double>> candidates = assignX(g, options);
    size_t chosen = 0;
    if (candidates.size() > 1 && !anyPinned && edges.size() <= 5000) {
        candidates.push_back(relaxX(g, options, candidates.front(), 8));
        qint64 fewest = std::numeric_limits<qint64>::max();
        for (size_t c = 0; c < candidates.size(); ++c) {
            const qint64 count = straightCrossingsByGap(g, layerY, edges, candidates[c]);
            if (count < fewest) {
                fewest = count;
                chosen = c;
            }
        }
    }
    std::vector<double> x = std::move(candidates[chosen]);
    // Swaps judged on the straight edges, up to a few thousand edges: at 10,000 nodes (20,000
    // edges, ~1,300 pieces a gap) they took 4.3 s for 12% fewer crossings, past the 2 s budget.
    if (!anyPinned && edges.size() <= 5000)
        swapAlongStraightEdges(g, layerY, edges, x, 8);
    double minX = std::numeric_limits<double>::infinity();
    for (int v = 0; v < g.size(); ++v)
        minX = std::min(minX, x[size_t(v)] - g.width[size_t(v)] / 2);
    if (!std::isfinite(minX))
        minX = 0.0;
    auto centre = [&](int v) {
        const int l = g.layer[size_t(v)];
        return QPointF(x[size_t(v)] - minX, layerTop[size_t(l)] + layerHeight[size_t(l)] / 2);
    };

    out.layerCount = layerCount;
    out.nodes.resize(n);
    std::vector<std::vector<int>> realByLayer(static_cast<size_t>(layerCount));
    for (int v = 0; v < n; ++v)
        realByLayer[size_t(g.layer[size_t(v)])].push_back(v);
    for (auto &L : realByLayer) {
        // Left to right as placed: the straight-edge swaps may have reordered the layer.
        std::sort(L.begin(), L.end(), [&](int a, int b) { return x[size_t(a)] < x[size_t(b)]; });
        int order = 0;
        for (int v : L) {
            NodePlacement &p = out.nodes[v];
            p.id = G.nodes()[v].id;
            p.layer = g.layer[size_t(v)];
            p.order = order++;
            const QPointF c = centre(v);
            p.rect = QRectF(c.x() - g.width[size_t(v)] / 2, c.y() - g.height[size_t(v)] / 2, g.width[size_t(v)],
                            g.height[size_t(v)]);
            out.bounds = out.bounds.isNull() ? p.rect : out.bounds.united(p.rect);
        }
    }
    // The real nodes of each layer as sorted [left, right] spans, margins included, for routing.
    std::vector<std::vector<std::pair<double, double>>> spans(static_cast<size_t>(layerCount));
    for (int v = 0; v < n; ++v) {
        const QRectF &rect = out.nodes[v].rect;
        spans[size_t(g.layer[size_t(v)])].push_back({rect.left() - options.edgeGap / 2, rect.right() + options.edgeGap / 2});
    }
    for (auto &row : spans)
        std::sort(row.begin(), row.end());
    auto aroundNodes = [&](int l, double px) {
        const auto &row = spans[size_t(l)];
        auto it = std::upper_bound(row.begin(), row.end(), std::pair<double, double>(px, std::numeric_limits<double>::infinity()));
        if (it == row.begin())
            return px;
        const auto &[left, right] = *(it - 1);
        if (px >= right)
            return px;
        return px - left < right - px ? left : right;
    };
    out.edges.reserve(G.edgeCount());
    for (size_t e = 0; e < edges.size(); ++e) {
        EdgeRoute r{G.edges()[qsizetype(e)].from, G.edges()[qsizetype(e)].to, {}};
        const QPointF from = centre(edges[e].first), to = centre(edges[e].second);
        r.points.append(from);
        for (int d : chains[e]) {
            // On the straight line between the ends, stepping aside where a node is in the way.
            const QPointF bend = centre(d);
            const double t = (bend.y() - from.y()) / (to.y() - from.y());
            r.points.append(QPointF(aroundNodes(g.layer[size_t(d)], from.x() + t * (to.x() - from.x())), bend.y()));
        }
        r.points.append(to);
        out.edges.append(r);
    }
    return out;
}

qint64 countCrossings(const std::vector<QPointF> &centres, const std::vector<std::pair<int, int>> &edges)
{
    struct Seg
    {
        QPointF a, b;
        double minX, maxX, minY, maxY;
        int u, v;
    };
    std::vector<Seg> segs;
    segs.reserve(edges.size());
    for (const auto &[u, v] : edges) {
        if (u < 0 || v < 0 || size_t(u) >= centres.size() || size_t(v) >= centres.size() || u == v)
            continue;
        const QPointF a = centres[size_t(u)], b = centres[size_t(v)];
        segs.push_back({a, b, std::min(a.x(), b.x()), std::max(a.x(), b.x()), std::min(a.y(), b.y()),
                        std::max(a.y(), b.y()), u, v});
    }
    std::sort(segs.begin(), segs.end(), [](const Seg &s, const Seg &t) { return s.minX < t.minX; });
    auto orient = [](const QPointF &p, const QPointF &q, const QPointF &r) {
        const double d = (q.x() - p.x()) * (r.y() - p.y()) - (q.y() - p.y()) * (r.x() - p.x());
        return (d > 0) - (d < 0);
    };
    qint64 total = 0;
    for (size_t i = 0; i < segs.size(); ++i) {
        const Seg &s = segs[i];
        for (size_t j = i + 1; j < segs.size() && segs[j].minX <= s.maxX; ++j) {
            const Seg &t = segs[j];
            if (t.maxY < s.minY || t.minY > s.maxY)
                continue;
            if (s.u == t.u || s.u == t.v || s.v == t.u || s.v == t.v)
                continue;
            const int d1 = orient(s.a, s.b, t.a), d2 = orient(s.a, s.b, t.b);
            const int d3 = orient(t.a, t.b, s.a), d4 = orient(t.a, t.b, s.b);
            if (d1 * d2 < 0 && d3 * d4 < 0)
                ++total;
        }
    }
    return total;
}

qint64 countCrossings(const DagLayout &layout)
{
    std::vector<QPointF> centres;
    centres.reserve(size_t(layout.nodes.size()));
    for (const NodePlacement &p : layout.nodes)
        centres.push_back(p.centre());
    std::vector<std::pair<int, int>> edges;
    edges.reserve(size_t(layout.graph.edgeCount()));
    for (const DagEdge &e : layout.graph.edges())
        edges.push_back({layout.graph.indexOf(e.from), layout.graph.indexOf(e.to)});
    return countCrossings(centres, edges);
}

} // namespace cdeck::dag
