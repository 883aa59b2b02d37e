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

    static constexpr double kMinScale = 0.02; // the wheel's limit, unless the whole graph needs less (minimumZoom)
    static constexpr double kMaxScale = 3.0;

    double zoom() const { return transform().m11(); }
    void setZoom(double scale); // around the viewport's centre
    void zoomBy(double factor);
    // How far out one can zoom: kMinScale, or less when that is what shows the whole graph (a wide layer
    // of a thousand nodes is wider than a screen even at 2%).
    double minimumZoom() const;
    // The whole graph in view and in the middle of it, never magnified beyond 1:1 (a three-node graph
    // should not fill the screen). The fit holds until the user zooms or pans: until then a resize (the
    // window, the splitter, the tab first shown) fits again.
    void fitGraph();
    bool isKeptFitted() const { return m_keepFitted; }
    // Centres the view on a scene point for the user (search, selection): the fit no longer holds.
    void showSceneAt(const QPointF &scenePos);
    // The graph's extent in scene coordinates. The view keeps a viewport's worth of room around it at the
    // current zoom (its own sceneRect, kept up to date on zoom and resize) so that any node can be brought
    // to the middle of the view, and a graph smaller than the view can be centred. Empty: no graph.
    void setGraphBounds(const QRectF &bounds);
    QRectF graphBounds() const { return m_graphBounds; }
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
    void nodeActivated(); // double-click on a node, or Enter: open what the selected node stands for

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void placeMinimap();
    void applyFit();
    double fitZoom() const; // the zoom that shows the whole graph, at most 1:1; 0 without a graph
    // Sets the scroll room for a zoom of `scale` (the smaller of the current and the coming zoom while
    // zooming out, so the point under the mouse can stay put), keeping the middle of the view where it is.
    void updateScrollRoom(double scale);
    DagMinimap *m_minimap;
    QRectF m_graphBounds;
    bool m_keepFitted = false;
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
