// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dag/dag.h"

#include <QColor>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QPainterPath>

namespace cdeck {

// The colour of a DAG node's state, the same hues as the job states (presentation::jobStateColor).
QColor dagStateColor(dag::NodeState state);
QString dagStateText(dag::NodeState state); // translated: "Pending", "Running", ...
// A Dask task state in plain words: "forgotten" -> "done, result dropped", "processing" -> "running", ...
QString dagTaskStateText(const QString &daskState);
// A task group's name cut at its word boundaries ("-", "_", ".", " ") to fit `width`, the cut parts replaced by
// one "…": "series-…-sum-chunk", never "series-gro…-sum-chunk". Cut by characters only when not even the first and
// last words fit.
QString elideAtBoundaries(const QString &name, const QFontMetricsF &metrics, double width);

// One node of the DAG view: a box tinted by state with its name, task count and a progress bar.
// Zoomed far out it is drawn as a plain block of its state colour (10,000 of them still repaint fast).
class DagNodeItem : public QGraphicsItem
{
public:
    static constexpr int Type = UserType + 1;
    static constexpr double kWidth = 190.0;
    static constexpr double kHeight = 54.0;

    explicit DagNodeItem(const dag::DagNode &node);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const dag::DagNode &node() const { return m_node; }
    QString id() const { return m_node.id; }
    void setNode(const dag::DagNode &node); // a live update: repaints only when something shown changed
    void setMatched(bool matched); // a search hit: drawn with a yellow halo
    bool isMatched() const { return m_matched; }
    QRectF box() const { return {0.0, 0.0, kWidth, kHeight}; } // in item coordinates, without the halo
    // The far-zoom look (a block of the state colour, a halo when selected or matched), shared with
    // DagView's overview, which paints thousands of nodes without going through their items.
    static void paintBlock(QPainter *painter, const QRectF &box, const QColor &colour, bool selected, bool matched);

private:
    void updateToolTip();
    dag::DagNode m_node;
    bool m_matched = false;
};

// One dependency: a smooth curve from the bottom of the producer to the top of the consumer through the
// layout's bends, its width growing with the bytes moved along it (log scale against the graph's largest).
class DagEdgeItem : public QGraphicsItem
{
public:
    static constexpr int Type = UserType + 2;

    DagEdgeItem(const dag::DagEdge &edge, const QList<QPointF> &points, double width);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const dag::DagEdge &edge() const { return m_edge; }
    double width() const { return m_width; }
    void setHighlighted(bool on); // an edge of the selected node
    bool isHighlighted() const { return m_highlighted; }
    const QPolygonF &route() const { return m_route; } // the layout's points, ends on the node borders
    static QColor colourFor(bool highlighted);

private:
    dag::DagEdge m_edge;
    QPainterPath m_path;
    QPolygonF m_route; // the layout's points, drawn as a hairline when zoomed far out
    QPolygonF m_arrow;
    QRectF m_bounds;
    double m_width;
    bool m_highlighted = false;
};

// Zoomed out below this scale nodes are blocks and edges hairlines; DagView then paints the whole
// graph in one pass (DagView::paintOverview) instead of item by item.
inline constexpr double kDagBlockBelowScale = 0.3;

// Pen width of an edge moving `bytes` when the largest edge of the graph moves `maxBytes`: 1 px for
// nothing or unknown, up to 7 px, on a log scale so a 1 KB edge is still visibly thinner than a 1 GB one.
double edgeWidthForBytes(qint64 bytes, qint64 maxBytes);

} // namespace cdeck
