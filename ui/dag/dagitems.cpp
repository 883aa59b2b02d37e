// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "dagitems.h"

#include "ui/presentation.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

QColor dagStateColor(dag::NodeState state)
{
    switch (state) {
    case dag::NodeState::Pending:
        return presentation::tone(presentation::Tone::Neutral);
    case dag::NodeState::Running:
        return presentation::tone(presentation::Tone::Info);
    case dag::NodeState::Completed:
        return presentation::tone(presentation::Tone::Success);
    case dag::NodeState::Failed:
        return presentation::tone(presentation::Tone::Danger);
    }
    return presentation::tone(presentation::Tone::Neutral);
}

QString dagStateText(dag::NodeState state)
{
    switch (state) {
    case dag::NodeState::Pending:
        return QCoreApplication::translate("cdeck::DagView", "Pending");
    case dag::NodeState::Running:
        return QCoreApplication::translate("cdeck::DagView", "Running");
    case dag::NodeState::Completed:
        return QCoreApplication::translate("cdeck::DagView", "Completed");
    case dag::NodeState::Failed:
        return QCoreApplication::translate("cdeck::DagView", "Failed");
    }
    return {};
}

QString dagTaskStateText(const QString &s)
{
    if (s == "memory"_L1)
        return QCoreApplication::translate("cdeck::DagView", "done, result in memory");
    if (s == "released"_L1)
        return QCoreApplication::translate("cdeck::DagView", "done, result released");
    if (s == "forgotten"_L1)
        return QCoreApplication::translate("cdeck::DagView", "done, result dropped");
    if (s == "processing"_L1)
        return QCoreApplication::translate("cdeck::DagView", "running");
    if (s == "waiting"_L1)
        return QCoreApplication::translate("cdeck::DagView", "waiting for inputs");
    if (s == "queued"_L1)
        return QCoreApplication::translate("cdeck::DagView", "queued");
    if (s == "no-worker"_L1)
        return QCoreApplication::translate("cdeck::DagView", "no worker can run it");
    if (s == "erred"_L1)
        return QCoreApplication::translate("cdeck::DagView", "failed");
    return s;
}

QString elideAtBoundaries(const QString &name, const QFontMetricsF &metrics, double width)
{
    if (metrics.horizontalAdvance(name) <= width)
        return name;
    // Words with the separator that follows each, so a kept word keeps its separator.
    QStringList words;
    qsizetype start = 0;
    for (qsizetype i = 0; i < name.size(); ++i)
        if (name[i] == u'-' || name[i] == u'_' || name[i] == u'.' || name[i] == u' ') {
            words.append(name.mid(start, i - start + 1));
            start = i + 1;
        }
    words.append(name.mid(start));
    const QString ellipsis = u"…"_s;
    // Words from both ends, the end first (a group's last words tell its step apart: "-sum-chunk").
    qsizetype head = 0, tail = 0;
    QString best;
    for (bool grew = true; grew && head + tail < words.size();) {
        grew = false;
        for (const bool fromEnd : {true, false}) {
            if (head + tail >= words.size())
                break;
            const qsizetype h = head + (fromEnd ? 0 : 1), t = tail + (fromEnd ? 1 : 0);
            if (h == 0 || h + t >= words.size()) // never only an end (the start names the operation); never nothing cut
                continue;
            // The separator before the kept end stays with it: "series-…-sum-chunk".
            const QString sep = t > 0 ? QString(words[words.size() - t - 1].back()) : QString();
            const QString candidate = words.mid(0, h).join(QString()) + ellipsis + sep
                + words.mid(words.size() - t).join(QString());
            if (metrics.horizontalAdvance(candidate) <= width) {
                head = h;
                tail = t;
                best = candidate;
                grew = true;
            }
        }
        if (head == 0) { // the first word alone, then grow from the end
            const QString candidate = words.first() + ellipsis;
            if (metrics.horizontalAdvance(candidate) > width)
                break;
            head = 1;
            best = candidate;
            grew = true;
        }
    }
    return best.isEmpty() ? metrics.elidedText(name, Qt::ElideRight, width) : best;
}

double edgeWidthForBytes(qint64 bytes, qint64 maxBytes)
{
    if (bytes <= 0 || maxBytes <= 0)
        return 1.0;
    const double share = std::log1p(double(bytes)) / std::log1p(double(std::max(bytes, maxBytes)));
    return 1.0 + 6.0 * share * share; // squared: small transfers stay thin, the big shuffle stands out
}

DagNodeItem::DagNodeItem(const dag::DagNode &node)
    : m_node(node)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(false);
    setZValue(1.0);
    setCacheMode(NoCache); // text at every zoom level; a device cache would blur or cost memory at 10k nodes
    updateToolTip();
}

void DagNodeItem::updateToolTip()
{
    // The full name on hover: the card may show it cut at its word boundaries.
    QString tip = m_node.name.isEmpty() ? m_node.id : m_node.name;
    tip += u"\n"_s + dagStateText(m_node.state);
    if (m_node.caption && !m_node.caption->isEmpty())
        tip += u"\n"_s + *m_node.caption;
    for (auto it = m_node.counts.cbegin(); it != m_node.counts.cend(); ++it)
        tip += u"\n"_s + QCoreApplication::translate("cdeck::DagView", "%1: %2").arg(dagTaskStateText(it.key())).arg(it.value());
    setToolTip(tip);
}

QRectF DagNodeItem::boundingRect() const
{
    // Room for the search halo and the stacked look of a group node.
    return QRectF(-4.0, -4.0, kWidth + 10.0, kHeight + 10.0);
}

void DagNodeItem::setNode(const dag::DagNode &node)
{
    if (node == m_node)
        return;
    m_node = node;
    updateToolTip();
    update();
}

void DagNodeItem::setMatched(bool matched)
{
    if (matched == m_matched)
        return;
    m_matched = matched;
    update();
}

void DagNodeItem::paintBlock(QPainter *painter, const QRectF &box, const QColor &colour, bool selected, bool matched)
{
    // Too small to read: a block of the state colour, with the selection or search hit still visible.
    if (selected || matched)
        painter->fillRect(box.adjusted(-box.width() * 0.2, -box.height() * 0.4, box.width() * 0.2, box.height() * 0.4),
                          selected ? presentation::tone(presentation::Tone::SelectionOutline)
                                   : presentation::tone(presentation::Tone::SearchMatch));
    painter->fillRect(box, colour);
}

void DagNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QColor colour = dagStateColor(m_node.state);
    const QRectF box(0.0, 0.0, kWidth, kHeight);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < kDagBlockBelowScale) {
        paintBlock(painter, box, colour, isSelected(), m_matched);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (m_matched) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(presentation::tone(presentation::Tone::SearchMatch));
        painter->drawRoundedRect(box.adjusted(-4, -4, 4, 4), 9, 9);
    }
    // A card in a wash of its state's colour over the base, light or dark; its text in the palette's text.
    const QPalette palette = QGuiApplication::palette();
    const QColor fill = presentation::tint(colour, m_node.state == dag::NodeState::Pending ? 0.09 : 0.12, palette);
    if (!m_node.members.isEmpty()) {
        // A collapsed fan-out: two cards peeking out behind it.
        painter->setPen(QPen(colour, 1.0));
        painter->setBrush(presentation::tint(colour, 0.2, palette));
        painter->drawRoundedRect(box.translated(6, 6), 6, 6);
        painter->drawRoundedRect(box.translated(3, 3), 6, 6);
    }
    painter->setPen(QPen(isSelected() ? presentation::tone(presentation::Tone::SelectionOutline, palette) : colour,
                         isSelected() ? 3.0 : 1.5));
    painter->setBrush(fill);
    painter->drawRoundedRect(box, 6, 6);

    // Progress bar along the bottom edge, for a group of tasks.
    const QRectF bar(8.0, kHeight - 11.0, kWidth - 16.0, 5.0);
    painter->setPen(Qt::NoPen);
    painter->setBrush(presentation::tone(presentation::Tone::BarTrack, palette));
    if (!m_node.caption)
        painter->drawRoundedRect(bar, 2.5, 2.5);
    const double progress = std::clamp(m_node.progress(), 0.0, 1.0);
    if (progress > 0.0 && !m_node.caption) {
        painter->setBrush(colour);
        painter->drawRoundedRect(QRectF(bar.topLeft(), QSizeF(bar.width() * progress, bar.height())), 2.5, 2.5);
    }

    if (lod < 0.55)
        return; // the text would be a smear
    QFont font = painter->font();
    font.setPointSizeF(9.0);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::Text));
    const QFontMetricsF bold(font);
    const QString name = m_node.name.isEmpty() ? m_node.id : m_node.name;
    painter->drawText(QRectF(8.0, 4.0, kWidth - 16.0, 18.0), Qt::AlignLeft | Qt::AlignVCenter,
                      elideAtBoundaries(name, bold, kWidth - 16.0));
    font.setBold(false);
    font.setPointSizeF(8.0);
    painter->setFont(font);
    painter->setPen(presentation::mutedText(palette));
    const int total = m_node.taskCount();
    const int done = int(std::lround(progress * total));
    QString line = m_node.caption ? *m_node.caption
                                  : QCoreApplication::translate("cdeck::DagView", "%1/%2 tasks").arg(done).arg(total);
    if (m_node.bytes > 0)
        line += u" · "_s + presentation::formatBytes(m_node.bytes);
    if (m_node.counts.value(u"erred"_s) > 0)
        line += u" · "_s + QCoreApplication::translate("cdeck::DagView", "%1 erred").arg(m_node.counts.value(u"erred"_s));
    painter->drawText(QRectF(8.0, 21.0, kWidth - 16.0, 16.0), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(font).elidedText(line, Qt::ElideRight, kWidth - 16.0));
}

DagEdgeItem::DagEdgeItem(const dag::DagEdge &edge, const QList<QPointF> &points, double width)
    : m_edge(edge)
    , m_width(width)
{
    setZValue(0.0);
    if (points.size() >= 2) {
        const QPointF tip = points.last();
        const double s = 5.0 + width;
        m_arrow << tip << QPointF(tip.x() - s * 0.6, tip.y() - s) << QPointF(tip.x() + s * 0.6, tip.y() - s);
        m_route = QPolygonF(points);
        QList<QPointF> line = points;
        line.last().ry() -= s * 0.8; // the line stops inside the arrowhead instead of poking through its tip
        // A smooth curve through the points (Catmull-Rom), leaving the source and entering the
        // target straight down: an edge to the next layer is an S-curve, and a long edge, whose
        // points lie on the line between its ends, stays close to that line.
        auto tangent = [&](qsizetype k) {
            if (k == 0)
                return QPointF(0.0, 1.5 * (line[1].y() - line[0].y()));
            if (k == line.size() - 1)
                return QPointF(0.0, 1.5 * (line[k].y() - line[k - 1].y()));
            return (line[k + 1] - line[k - 1]) / 2.0;
        };
        m_path.moveTo(line.first());
        for (qsizetype i = 1; i < line.size(); ++i)
            m_path.cubicTo(line[i - 1] + tangent(i - 1) / 3.0, line[i] - tangent(i) / 3.0, line[i]);
    }
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-width - 2, -width - 2, width + 2, width + 2);
}

QPainterPath DagEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(std::max(6.0, m_width + 4.0));
    return stroker.createStroke(m_path);
}

void DagEdgeItem::setHighlighted(bool on)
{
    if (on == m_highlighted)
        return;
    m_highlighted = on;
    setZValue(on ? 0.5 : 0.0);
    update();
}

QColor DagEdgeItem::colourFor(bool highlighted)
{
    // Edges are lines, not text: 3:1 against the canvas (WCAG's non-text contrast) in either theme.
    return highlighted ? presentation::tone(presentation::Tone::Info) : presentation::tone(presentation::Tone::Neutral);
}

void DagEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor colour = colourFor(m_highlighted);
    if (lod < kDagBlockBelowScale) {
        // Zoomed far out (thousands of edges on screen): a hairline along the route, no curve stroking.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(colour, 0)); // cosmetic: one pixel whatever the zoom
        painter->drawPolyline(m_route);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen pen(colour, m_width);
    pen.setCapStyle(Qt::FlatCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    // The part of the device the painter covers, in item coordinates (with room for the pen).
    const QRectF device(0.0, 0.0, painter->device()->width(), painter->device()->height());
    const QRectF visible = painter->worldTransform().inverted().mapRect(device).adjusted(-m_width, -m_width, m_width, m_width);
    // Grown by a pixel's worth: QRectF::contains() is false for the zero-width bounds of a vertical edge.
    if (visible.contains(m_path.controlPointRect().adjusted(-1.0, -1.0, 1.0, 1.0))) {
        painter->drawPath(m_path);
    } else {
        // Mostly off screen (a fan-out edge zoomed in can be 100,000 px long): stroking the whole curve
        // cost seconds over thousands of edges, so only the chords of it that meet the screen are drawn.
        QPolygonF piece;
        auto flush = [&] {
            if (piece.size() >= 2)
                painter->drawPolyline(piece);
            piece.clear();
        };
        for (int i = 0; i < m_path.elementCount(); ++i) {
            const QPainterPath::Element e = m_path.elementAt(i);
            if (e.type != QPainterPath::CurveToElement || i == 0 || i + 2 >= m_path.elementCount())
                continue;
            const QPointF a = m_path.elementAt(i - 1), c1 = e, c2 = m_path.elementAt(i + 1), b = m_path.elementAt(i + 2);
            // Bounds grown by the pen: a vertical segment's own rectangle has no width, and an empty
            // rectangle never intersects anything.
            const double pad = m_width + 1.0;
            const QRectF span = QRectF(a, b).normalized().united(QRectF(c1, c2).normalized());
            if (!span.adjusted(-pad, -pad, pad, pad).intersects(visible)) {
                flush();
                continue;
            }
            constexpr int kChords = 96;
            QPointF prev = a;
            for (int k = 1; k <= kChords; ++k) {
                const double t = double(k) / kChords, u = 1.0 - t;
                const QPointF p = u * u * u * a + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * b;
                if (QRectF(prev, p).normalized().adjusted(-pad, -pad, pad, pad).intersects(visible)) {
                    if (piece.isEmpty())
                        piece << prev;
                    piece << p;
                } else {
                    flush();
                }
                prev = p;
            }
        }
        flush();
    }
    if (lod >= 0.3 && !m_arrow.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawPolygon(m_arrow);
    }
}

} // namespace cdeck
