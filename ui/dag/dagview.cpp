// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "dagview.h"

#include "ui/dag/dagitems.h"
#include "ui/presentation.h"

#include <QGraphicsScene>
#include <QHash>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace cdeck {

namespace {
// Below this even Fit stops: a graph a million pixels wide is not worth a picture of dust.
constexpr double kFitFloor = 1e-4;
} // namespace

DagView::DagView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_minimap(nullptr)
{
    setObjectName(QStringLiteral("dagView"));
    setDragMode(ScrollHandDrag);
    setRenderHint(QPainter::Antialiasing, true);
    setRenderHint(QPainter::TextAntialiasing, true);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    // Minimal updates: repaint only what changed (a node's progress) rather than the whole viewport.
    setViewportUpdateMode(MinimalViewportUpdate);
    setBackgroundBrush(presentation::tone(presentation::Tone::Canvas, palette()));
    // Panning is by dragging and through the minimap. Scroll bars would come and go as the graph grows,
    // resizing the viewport and nudging every node sideways on a live update.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_minimap = new DagMinimap(this);
    placeMinimap();
}

void DagView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (presentation::isPaletteChange(event)) {
        setBackgroundBrush(presentation::tone(presentation::Tone::Canvas, palette()));
        viewport()->update();
        m_minimap->scheduleRender();
    }
}

void DagView::keyPressEvent(QKeyEvent *event)
{
    // Without a mouse: + and − zoom, 0 fits; the arrows pan (QGraphicsView's own).
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_0:
        fitGraph();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT nodeActivated();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void DagView::setZoom(double scale)
{
    scale = std::clamp(scale, minimumZoom(), kMaxScale);
    m_keepFitted = false;
    updateScrollRoom(std::min(scale, zoom()));
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    setTransform(QTransform::fromScale(scale, scale));
    setTransformationAnchor(anchor);
    updateScrollRoom(scale);
    Q_EMIT viewportMoved();
    m_minimap->update();
}

void DagView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, std::min(minimumZoom(), zoom()), kMaxScale);
    const double f = target / zoom();
    if (std::abs(f - 1.0) < 1e-9)
        return;
    m_keepFitted = false;
    updateScrollRoom(std::min(target, zoom()));
    scale(f, f);
    updateScrollRoom(target);
    Q_EMIT viewportMoved();
    m_minimap->update();
}

void DagView::fitGraph()
{
    m_keepFitted = true;
    applyFit();
}

double DagView::fitZoom() const
{
    const QRectF items = scene()->itemsBoundingRect();
    if (items.isEmpty())
        return 0.0;
    // The margin is in screen pixels: in scene units it would shrink to nothing on a wide graph
    // fitted at a tiny zoom, and rounding would put the outermost boxes a pixel off screen.
    const double margin = 20.0;
    const QRectF port = viewport()->rect();
    const double w = std::max(1.0, port.width() - 2 * margin), h = std::max(1.0, port.height() - 2 * margin);
    return std::clamp(std::min(w / items.width(), h / items.height()), kFitFloor, 1.0);
}

double DagView::minimumZoom() const
{
    const double fit = fitZoom();
    return fit > 0.0 ? std::min(kMinScale, fit) : kMinScale;
}

void DagView::applyFit()
{
    const double s = fitZoom();
    if (s <= 0.0)
        return;
    updateScrollRoom(std::min(s, zoom()));
    setTransform(QTransform::fromScale(s, s));
    updateScrollRoom(s);
    centerOn(scene()->itemsBoundingRect().center());
    Q_EMIT viewportMoved();
    m_minimap->update();
}

void DagView::showSceneAt(const QPointF &scenePos)
{
    m_keepFitted = false;
    centerOn(scenePos);
}

void DagView::setGraphBounds(const QRectF &bounds)
{
    m_graphBounds = bounds;
    updateScrollRoom(zoom());
}

void DagView::updateScrollRoom(double scale)
{
    if (m_graphBounds.isEmpty()) {
        setSceneRect(QRectF()); // back to following the scene
        return;
    }
    // A viewport's width or height (whichever is larger) on every side: enough to centre any corner.
    const double margin = std::max(viewport()->width(), viewport()->height()) / std::max(scale, kFitFloor);
    const QRectF room = m_graphBounds.adjusted(-margin, -margin, margin, margin);
    if (room == sceneRect())
        return;
    const QPointF middle = mapToScene(viewport()->rect().center());
    setSceneRect(room);
    centerOn(middle);
}

QRectF DagView::visibleSceneRect() const
{
    return mapToScene(viewport()->rect()).boundingRect();
}

void DagView::refreshMinimap()
{
    m_minimap->scheduleRender();
}

void DagView::setOverviewItems(const QList<DagNodeItem *> &nodes, const QList<DagEdgeItem *> &edges)
{
    m_overviewNodes = nodes;
    m_overviewEdges = edges;
    viewport()->update();
}

bool DagView::isOverviewActive() const
{
    return zoom() < kDagBlockBelowScale && !m_overviewNodes.isEmpty();
}

void DagView::paintOverview(QPainter *painter, const QRectF &sceneRect) const
{
    // Edges first (items stack them below the nodes), as unantialiased cosmetic hairlines batched by
    // colour: one drawLines call for thousands of routes.
    painter->setRenderHint(QPainter::Antialiasing, false);
    QList<QLineF> plain, highlighted;
    for (const DagEdgeItem *e : m_overviewEdges) {
        if (!e->isVisible() || !e->sceneBoundingRect().intersects(sceneRect))
            continue;
        const QPolygonF &route = e->route();
        QList<QLineF> &into = e->isHighlighted() ? highlighted : plain;
        for (qsizetype i = 1; i < route.size(); ++i)
            into.append(QLineF(route[i - 1], route[i]));
    }
    for (const bool high : {false, true}) {
        const QList<QLineF> &lines = high ? highlighted : plain;
        if (lines.isEmpty())
            continue;
        painter->setPen(QPen(DagEdgeItem::colourFor(high), 0)); // 0: one pixel at any zoom
        painter->drawLines(lines);
    }
    // Nodes: the same blocks their items draw at this zoom, but never under two pixels: fitted, a graph a
    // million pixels wide would otherwise paint nothing at all.
    const double minWidth = 2.0 / std::max(std::abs(painter->worldTransform().m11()), 1e-9);
    const double minHeight = 2.0 / std::max(std::abs(painter->worldTransform().m22()), 1e-9);
    for (const DagNodeItem *n : m_overviewNodes) {
        if (!n->isVisible())
            continue;
        QRectF box = n->box().translated(n->pos());
        if (box.width() < minWidth || box.height() < minHeight) {
            const QPointF middle = box.center();
            box.setSize(box.size().expandedTo(QSizeF(minWidth, minHeight)));
            box.moveCenter(middle);
        }
        if (!box.intersects(sceneRect) && !n->isSelected() && !n->isMatched())
            continue;
        DagNodeItem::paintBlock(painter, box, dagStateColor(n->node().state), n->isSelected(), n->isMatched());
    }
}

void DagView::paintEvent(QPaintEvent *event)
{
    // The canvas is the table's, for the palette painted with now (a change while hidden is caught here too).
    if (const QColor canvas = presentation::tone(presentation::Tone::Canvas, palette());
        backgroundBrush().color() != canvas)
        setBackgroundBrush(canvas);
    if (!isOverviewActive()) {
        QGraphicsView::paintEvent(event);
        return;
    }
    QPainter painter(viewport());
    painter.setClipRegion(event->region());
    painter.fillRect(event->rect(), backgroundBrush());
    painter.setTransform(viewportTransform());
    paintOverview(&painter, mapToScene(event->rect()).boundingRect());
}

void DagView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.2, steps));
    event->accept();
}

void DagView::mousePressEvent(QMouseEvent *event)
{
    m_keepFitted = false; // a click or the start of a drag: the user has taken over the view
    QGraphicsView::mousePressEvent(event);
}

void DagView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QGraphicsView::mouseDoubleClickEvent(event); // selects the node under the pointer first
    if (itemAt(event->position().toPoint()))
        Q_EMIT nodeActivated();
}

void DagView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    updateScrollRoom(zoom());
    if (m_keepFitted)
        applyFit();
    placeMinimap();
    Q_EMIT viewportMoved();
}

void DagView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    Q_EMIT viewportMoved();
    m_minimap->update();
}

void DagView::placeMinimap()
{
    const QSize size(220, 150);
    const QRect port = viewport()->geometry();
    m_minimap->setGeometry(port.right() - size.width() - 10, port.bottom() - size.height() - 10, size.width(),
                           size.height());
}

DagMinimap::DagMinimap(DagView *view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("dagMinimap"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("The whole graph: click or drag to move there"));
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(150);
    connect(&m_renderTimer, &QTimer::timeout, this, &DagMinimap::render);
    hide();
}

void DagMinimap::scheduleRender()
{
    if (!m_renderTimer.isActive())
        m_renderTimer.start();
}

void DagMinimap::render()
{
    QGraphicsScene *scene = m_view->scene();
    m_sceneRect = scene ? scene->itemsBoundingRect().adjusted(-20, -20, 20, 20) : QRectF();
    if (m_sceneRect.isEmpty()) {
        m_picture = {};
        update();
        return;
    }
    const QSizeF room = QSizeF(size()) - QSizeF(8, 8);
    const QSizeF fitted = m_sceneRect.size().scaled(room, Qt::KeepAspectRatio);
    const qreal dpr = devicePixelRatioF();
    m_picture = QPixmap((fitted * dpr).toSize().expandedTo(QSize(1, 1)));
    m_picture.setDevicePixelRatio(dpr);
    m_picture.fill(presentation::tone(presentation::Tone::Canvas, palette()));
    QPainter p(&m_picture);
    if (fitted.width() / m_sceneRect.width() < kDagBlockBelowScale && m_view->hasOverviewItems()) {
        // Blocks and hairlines in one pass, as the view paints them zoomed out.
        p.scale(fitted.width() / m_sceneRect.width(), fitted.height() / m_sceneRect.height());
        p.translate(-m_sceneRect.topLeft());
        m_view->paintOverview(&p, m_sceneRect);
    } else {
        scene->render(&p, QRectF(QPointF(0, 0), fitted), m_sceneRect, Qt::KeepAspectRatio);
    }
    update();
}

QRectF DagMinimap::mapRect() const
{
    if (m_picture.isNull())
        return {};
    const QSizeF s = m_picture.deviceIndependentSize();
    return QRectF(QPointF((width() - s.width()) / 2.0, (height() - s.height()) / 2.0), s);
}

QRectF DagMinimap::viewportRectOnMap() const
{
    const QRectF map = mapRect();
    if (map.isEmpty() || m_sceneRect.isEmpty())
        return {};
    const QRectF visible = m_view->visibleSceneRect();
    const double sx = map.width() / m_sceneRect.width();
    const double sy = map.height() / m_sceneRect.height();
    return QRectF(map.left() + (visible.left() - m_sceneRect.left()) * sx, map.top() + (visible.top() - m_sceneRect.top()) * sy,
                  visible.width() * sx, visible.height() * sy)
        .intersected(map.adjusted(-1, -1, 1, 1));
}

void DagMinimap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(presentation::tone(presentation::Tone::Border, palette()));
    QColor card = presentation::tone(presentation::Tone::Card, palette());
    card.setAlpha(235);
    p.setBrush(card);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    if (m_picture.isNull())
        return;
    p.drawPixmap(mapRect().topLeft(), m_picture);
    QColor window = presentation::tone(presentation::Tone::Danger, palette());
    p.setPen(QPen(window, 1.5));
    window.setAlpha(30);
    p.setBrush(window);
    p.drawRect(viewportRectOnMap());
}

void DagMinimap::centreViewAt(const QPointF &widgetPos)
{
    const QRectF map = mapRect();
    if (map.isEmpty())
        return;
    const double fx = (widgetPos.x() - map.left()) / map.width();
    const double fy = (widgetPos.y() - map.top()) / map.height();
    m_view->showSceneAt(QPointF(m_sceneRect.left() + fx * m_sceneRect.width(), m_sceneRect.top() + fy * m_sceneRect.height()));
}

void DagMinimap::mousePressEvent(QMouseEvent *event)
{
    centreViewAt(event->position());
    event->accept();
}

void DagMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        centreViewAt(event->position());
    event->accept();
}

} // namespace cdeck
