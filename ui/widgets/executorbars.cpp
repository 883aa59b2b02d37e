// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "executorbars.h"

#include "ui/presentation.h"

#include <QAccessible>
#include <QKeyEvent>
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
    // Reachable without a mouse: Tab in, arrows through the rows, Space or Enter focuses an executor.
    setFocusPolicy(Qt::StrongFocus);
    m_rowPattern = tr("Executor %1: %2");
    setAccessibleName(tr("Executor bars"));
}

void ExecutorBars::setAccessibleRowText(const QString &pattern)
{
    m_rowPattern = pattern;
    updateAccessibleTexts();
}

QString ExecutorBars::accessibleRowText(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const BarRow &r = m_rows[row];
    return m_rowPattern.arg(r.label, r.text.isEmpty() ? tr("no value on screen") : r.text);
}

void ExecutorBars::updateAccessibleTexts()
{
    // The name says where the keyboard is; the description lists the rows that carry their text (those on
    // screen: formatting a thousand rows each frame is what the panel avoids).
    QStringList lines;
    for (int i = 0; i < m_rows.size() && lines.size() < 50; ++i)
        if (!m_rows[i].text.isEmpty())
            lines.append(accessibleRowText(i));
    const QString description = lines.join(u'\n');
    if (description != accessibleDescription())
        setAccessibleDescription(description);
    if (m_current >= 0 && m_current < m_rows.size()) {
        const QString name = accessibleRowText(m_current);
        if (name != accessibleName()) {
            setAccessibleName(name);
            QAccessibleEvent event(this, QAccessible::NameChanged);
            QAccessible::updateAccessibility(&event);
        }
    }
}

void ExecutorBars::setCurrentRow(int row)
{
    if (m_rows.isEmpty())
        return;
    m_current = std::clamp(row, 0, int(m_rows.size()) - 1);
    updateAccessibleTexts();
    update();
}

void ExecutorBars::focusInEvent(QFocusEvent *event)
{
    if (m_current < 0 && !m_rows.isEmpty())
        setCurrentRow(0);
    QWidget::focusInEvent(event);
}

void ExecutorBars::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up:
        setCurrentRow(m_current - 1);
        break;
    case Qt::Key_Down:
        setCurrentRow(m_current + 1);
        break;
    case Qt::Key_Home:
        setCurrentRow(0);
        break;
    case Qt::Key_End:
        setCurrentRow(int(m_rows.size()) - 1);
        break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_current >= 0 && m_current < m_rows.size())
            Q_EMIT rowClicked(m_rows[m_current].key);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
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
    if (m_current >= m_rows.size())
        m_current = int(m_rows.size()) - 1;
    updateAccessibleTexts();
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
            p.fillRect(line, presentation::tint(palette().color(QPalette::Highlight), 0.25, palette()));
        if (i == m_current && hasFocus()) {
            p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
            p.drawRect(line.adjusted(0, 0, -1, -1));
        }
        p.setPen(row.stale ? muted : text);
        p.drawText(QRect(4, line.top(), labelW - 8, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(row.label, Qt::ElideMiddle, labelW - 8));
        p.fillRect(bar, presentation::tone(presentation::Tone::BarTrack, palette()));
        double x = bar.left();
        for (const BarSegment &s : row.segments) {
            if (!(s.value > 0))
                continue;
            const double w = s.value / m_scaleMax * bar.width();
            const QRectF seg(x, bar.top(), std::min(w, bar.right() + 1 - x), bar.height());
            if (seg.width() > 0) {
                if (row.stale) {
                    p.fillRect(seg, presentation::tone(presentation::Tone::BarGone, palette()));
                } else {
                    QBrush brush = s.brush;
                    brush.setColor(presentation::followPalette(brush.color(), palette()));
                    p.fillRect(seg, brush);
                }
            }
            x += w;
        }
        if (!std::isnan(row.limit) && row.limit > 0) {
            const double lx = bar.left() + std::min(1.0, row.limit / m_scaleMax) * bar.width();
            p.setPen(QPen(text, 2));
            p.drawLine(QPointF(lx, bar.top() - 2), QPointF(lx, bar.bottom() + 2));
        }
        p.setPen(row.stale ? presentation::tone(presentation::Tone::Danger, palette()) : text);
        p.drawText(QRect(bar.right() + 8, line.top(), width() - bar.right() - 10, kRowHeight),
                   Qt::AlignVCenter | Qt::AlignLeft, fm.elidedText(row.text, Qt::ElideRight, width() - bar.right() - 10));
    }
}

} // namespace cdeck
