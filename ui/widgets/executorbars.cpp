// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "executorbars.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPaintEvent>

#include <algorithm>
#include <cmath>

namespace cdeck {

ExecutorBars::ExecutorBars(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::PointingHandCursor);
}

void ExecutorBars::setRows(const QList<BarRow> &rows, double scaleMax)
{
    const bool resized = rows.size() != m_rows.size();
    m_rows = rows;
    m_scaleMax = scaleMax > 0 ? scaleMax : 1;
    // The text column is as wide as the widest text on screen (up to 2/5 of the width): bars get the rest.
    // Measuring only visible rows keeps a thousand-row frame cheap (text shaping is the costly part).
    const QFontMetrics fm = fontMetrics();
    m_textWidth = 0;
    const auto [first, last] = visibleRows();
    for (int i = first; i <= last && i < m_rows.size(); ++i)
        m_textWidth = std::max(m_textWidth, fm.horizontalAdvance(m_rows[i].text));
    if (resized) {
        setFixedHeight(std::max(1, int(m_rows.size())) * kRowHeight + 4);
        updateGeometry();
    }
    update();
}

void ExecutorBars::setFocusKey(const QString &key)
{
    m_focus = key;
    update();
}

QSize ExecutorBars::sizeHint() const
{
    return QSize(600, std::max(1, int(m_rows.size())) * kRowHeight + 4);
}

QSize ExecutorBars::minimumSizeHint() const
{
    return QSize(300, kRowHeight + 4);
}

int ExecutorBars::labelWidth() const
{
    return std::clamp(fontMetrics().horizontalAdvance(QStringLiteral("executor-000")) + 12, 90, 160);
}

int ExecutorBars::textWidth() const
{
    return std::min(width() * 2 / 5, m_textWidth + 12);
}

QRect ExecutorBars::barRect(int row) const
{
    return barRect(row, labelWidth(), textWidth());
}

QRect ExecutorBars::barRect(int row, int labelW, int textW) const
{
    const int left = labelW;
    const int right = width() - textW - 8;
    return QRect(left, 2 + row * kRowHeight + 3, std::max(10, right - left), kRowHeight - 6);
}

std::pair<int, int> ExecutorBars::visibleRows() const
{
    QRect visible = visibleRegion().boundingRect();
    if (visible.isEmpty())
        visible = QRect(0, 0, width(), std::min(height(), 40 * kRowHeight)); // not shown yet: the first rows
    return {std::max(0, (visible.top() - 2) / kRowHeight), (visible.bottom() - 2) / kRowHeight};
}

QString ExecutorBars::keyAt(const QPoint &pos) const
{
    const int row = (pos.y() - 2) / kRowHeight;
    return row >= 0 && row < m_rows.size() ? m_rows[row].key : QString();
}

void ExecutorBars::mousePressEvent(QMouseEvent *event)
{
    const QString key = keyAt(event->position().toPoint());
    if (!key.isEmpty() && event->button() == Qt::LeftButton)
        Q_EMIT rowClicked(key);
    QWidget::mousePressEvent(event);
}

void ExecutorBars::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const QRect exposed = event->rect();
    const int first = std::max(0, (exposed.top() - 2) / kRowHeight);
    const int last = std::min(int(m_rows.size()) - 1, (exposed.bottom() - 2) / kRowHeight);
    const QFontMetrics fm = fontMetrics();
    const QColor text = palette().color(QPalette::WindowText);
    const QColor muted = palette().color(QPalette::PlaceholderText);
    // Measured once per paint, not per row: each measure shapes text, and a frame paints ~50 rows.
    const int labelW = labelWidth();
    const int textW = textWidth();
    if (m_rows.isEmpty()) {
        p.setPen(muted);
        p.drawText(rect(), Qt::AlignCenter, tr("No executor has reported yet."));
        return;
    }
    for (int i = first; i <= last; ++i) {
        const BarRow &row = m_rows[i];
        const QRect bar = barRect(i, labelW, textW);
        const QRect line(0, 2 + i * kRowHeight, width(), kRowHeight);
        if (row.key == m_focus)
            p.fillRect(line, palette().color(QPalette::Highlight).lighter(170));
        p.setPen(row.stale ? muted : text);
        p.drawText(QRect(4, line.top(), labelW - 8, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(row.label, Qt::ElideMiddle, labelW - 8));
        p.fillRect(bar, QColor(0xee, 0xee, 0xee));
        double x = bar.left();
        for (const BarSegment &s : row.segments) {
            if (!(s.value > 0))
                continue;
            const double w = s.value / m_scaleMax * bar.width();
            const QRectF seg(x, bar.top(), std::min(w, bar.right() + 1 - x), bar.height());
            if (seg.width() > 0) {
                if (row.stale)
                    p.fillRect(seg, QColor(0xbd, 0xbd, 0xbd));
                else
                    p.fillRect(seg, s.brush);
            }
            x += w;
        }
        if (!std::isnan(row.limit) && row.limit > 0) {
            const double lx = bar.left() + std::min(1.0, row.limit / m_scaleMax) * bar.width();
            p.setPen(QPen(QColor(0x42, 0x42, 0x42), 2));
            p.drawLine(QPointF(lx, bar.top() - 2), QPointF(lx, bar.bottom() + 2));
        }
        p.setPen(row.stale ? QColor(0xb7, 0x1c, 0x1c) : text);
        p.drawText(QRect(bar.right() + 8, line.top(), width() - bar.right() - 10, kRowHeight),
                   Qt::AlignVCenter | Qt::AlignLeft, fm.elidedText(row.text, Qt::ElideRight, width() - bar.right() - 10));
    }
}

} // namespace cdeck
