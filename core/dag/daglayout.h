// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dag/dag.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QStringList>

#include <utility>
#include <vector>

namespace cdeck::dag {

struct LayoutOptions
{
    QSizeF defaultNodeSize{160.0, 40.0};
    QHash<QString, QSizeF> nodeSizes; // by node id; others get defaultNodeSize
    double layerGap = 60.0; // vertical space between the bottom of one layer and the top of the next
    double nodeGap = 24.0; // horizontal space between two nodes
    double edgeGap = 12.0; // horizontal space kept around an edge passing through a layer
    int maxSweeps = 24; // crossing-reduction sweeps per start (each one down or up); stops after 8
                        // without gain, and at 4 past ~40,000 layered nodes (dummies included)
    bool transpose = true; // adjacent swaps in and after the sweeps, and sifting
    int collapseFanOutAbove = 0; // > 0: collapseFanOuts(dag, this) first (group nodes in the result)
};

struct NodePlacement
{
    QString id;
    int layer = 0; // 0 at the top; every edge goes from a smaller layer to a larger one
    int order = 0; // left-to-right index within the layer, counting only real nodes
    QRectF rect;
    QPointF centre() const { return rect.center(); }
};

struct EdgeRoute
{
    QString from;
    QString to;
    // Centre of `from`, one point per layer crossed, centre of `to`: the points lie on the straight
    // line between the two centres, except where a node is in the way and the edge steps aside.
    QList<QPointF> points;
};

struct DagLayout
{
    Dag graph; // what was laid out: the input, or its collapsed form, with cycles broken
    QList<NodePlacement> nodes; // parallel to graph.nodes()
    QList<EdgeRoute> edges; // parallel to graph.edges()
    int layerCount = 0;
    QRectF bounds;
    QStringList notes; // cycles broken, and the like

    const NodePlacement *find(const QString &id) const;
};

// Layered (Sugiyama) layout: layering by network simplex (the least total edge span, as in dot);
// dummy nodes on long edges; crossing reduction as in dot (weighted-median sweeps with
// transposition from two initial orders, the best kept) refined by sifting; Brandes-Koepf
// coordinates, of which the variant whose straight centre-to-centre segments cross least is kept;
// then neighbouring nodes swap places where that removes crossings of the straight edges. A pure
// function: call it from any thread.
// With `previous`, nodes laid out there keep their layer (greedy layering; a new edge may force
// one down) and their relative left-to-right order, so the picture does not jump as the graph grows.
DagLayout layoutDag(const Dag &dag, const LayoutOptions &options = {}, const DagLayout *previous = nullptr);

// Proper crossings of the straight segments between node centres: two edges cross when their
// segments meet at one point inside both (a shared endpoint, a touch or a collinear overlap is
// not a crossing). Used for our layout and for dot's and dagre's, so all three count alike.
qint64 countCrossings(const std::vector<QPointF> &centres, const std::vector<std::pair<int, int>> &edges);
qint64 countCrossings(const DagLayout &layout);

} // namespace cdeck::dag

Q_DECLARE_METATYPE(cdeck::dag::DagLayout)
