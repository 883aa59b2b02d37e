// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsView>
#include <QPixmap>
#include <QPointer>
#include <QTimer>

namespace cdeck {

class DagEdgeItem;
class DagMinimap;
class DagNodeItem;

// The DAG canvas: wheel zooms around the mouse, dragging pans, fit shows the whole graph. A minimap sits
// in its bottom-right corner when the graph is larger than the viewport.
class DagView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DagView(QGraphicsScene *scene, QWidget *parent = nullptr);

    static constexpr double kMinScale = 0.02;
    static constexpr double kMaxScale = 3.0;

    double zoom() const { return transform().m11(); }
    void setZoom(double scale); // around the viewport's centre
    void zoomBy(double factor);
    // The whole graph in view, never magnified beyond 1:1 (a three-node graph should not fill the screen).
    void fitGraph();
    QRectF visibleSceneRect() const;
    DagMinimap *minimap() const { return m_minimap; }
    // Re-renders the minimap's picture soon (several changes in a burst: one render).
    void refreshMinimap();

    // The graph's items, for the overview: zoomed out below kDagBlockBelowScale, where every node is a
    // block and every edge a hairline, the view paints them all in one pass from these lists instead
    // of item by item (QGraphicsView's per-item cost made 10,000 nodes take seconds). The items stay
    // in the scene for clicks, tooltips and selection. Call again whenever the items change.
    void setOverviewItems(const QList<DagNodeItem *> &nodes, const QList<DagEdgeItem *> &edges);
    bool isOverviewActive() const; // the current zoom paints through the overview
    bool hasOverviewItems() const { return !m_overviewNodes.isEmpty(); }
    // Paints the nodes and edges that meet `sceneRect` in blocks and hairlines; the painter maps
    // scene coordinates.
    void paintOverview(QPainter *painter, const QRectF &sceneRect) const;

Q_SIGNALS:
    void viewportMoved();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void placeMinimap();
    DagMinimap *m_minimap;
    QList<DagNodeItem *> m_overviewNodes;
    QList<DagEdgeItem *> m_overviewEdges;
};

// A small picture of the whole graph with the visible part outlined; click or drag on it to move there.
// The picture is rendered once per change of the graph, not on every scroll.
class DagMinimap : public QWidget
{
    Q_OBJECT
public:
    explicit DagMinimap(DagView *view);

    void scheduleRender();
    QRectF viewportRectOnMap() const; // where the visible part is outlined, in widget coordinates (for tests)

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void render();
    QRectF mapRect() const; // where the picture sits, in widget coordinates
    void centreViewAt(const QPointF &widgetPos);

    DagView *m_view;
    QPixmap m_picture;
    QRectF m_sceneRect; // what the picture shows
    QTimer m_renderTimer;
};

} // namespace cdeck
