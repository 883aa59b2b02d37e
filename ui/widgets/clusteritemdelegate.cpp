// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusteritemdelegate.h"

#include "ui/models/clusterlistmodel.h"
#include "ui/presentation.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
constexpr int kMarginX = 8;
constexpr int kMarginY = 5;
constexpr int kGap = 3;

// The second and third lines: what runs (or when it ended), and what it costs. Wrapped, never cut.
QStringList detailLines(const QModelIndex &index)
{
    const ClusterInfo c = index.data(ClusterListModel::ClusterRole).value<ClusterInfo>();
    QStringList lines;
    lines.append(isTerminal(c.state)
                     ? ClusterItemDelegate::tr("ended %1")
                           .arg(presentation::formatTime(c.endedAt.isValid() ? c.endedAt : c.stateChangedAt))
                     : ClusterItemDelegate::tr("%1/%2 executors · %3")
                           .arg(c.runningWorkers)
                           .arg(c.spec.workers)
                           .arg(c.spec.instanceType));
    const QString meter = index.data(ClusterListModel::MeterTextRole).toString();
    if (!meter.isEmpty())
        lines.append(meter);
    return lines;
}

int textWidth(const QStyleOptionViewItem &option)
{
    // The view's width, not the cached item rect: the rows re-lay out when the sidebar is resized.
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    const int width = view ? view->viewport()->width() : option.rect.width();
    return std::max(80, width - 2 * kMarginX);
}

// Word wrap, breaking inside a word only when one word alone is wider than the line.
int wrapFlags(const QFontMetrics &fm, const QString &text, int width)
{
    const QStringList words = text.split(QRegularExpression(u"[\\s-]"_s), Qt::SkipEmptyParts);
    const bool tooLong
        = std::any_of(words.cbegin(), words.cend(), [&](const QString &w) { return fm.horizontalAdvance(w) > width; });
    return tooLong ? Qt::TextWrapAnywhere : Qt::TextWordWrap;
}

// The width the name has beside the state and incident badges.
int nameWidth(const QFontMetrics &fm, const QModelIndex &index, int width)
{
    const ClusterInfo c = index.data(ClusterListModel::ClusterRole).value<ClusterInfo>();
    const bool stale = index.data(ClusterListModel::StaleRole).toBool();
    int used = presentation::badgeWidth(fm, presentation::stateText(c.state) + (stale ? u" ?"_s : QString())) + 6;
    const int open = index.data(ClusterListModel::OpenIncidentsRole).toInt();
    if (open > 0)
        used += presentation::badgeWidth(fm, QString::number(open)) + 4;
    return std::max(40, width - used);
}

QString incidentText(int open)
{
    return open > 0 ? QString::number(open) : QString();
}
} // namespace

QSize ClusterItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm = option.fontMetrics;
    const int width = textWidth(option);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    const QString name = index.data(Qt::DisplayRole).toString();
    const int nw = nameWidth(fm, index, width);
    int height = 2 * kMarginY
        + std::max(fm.height() + 2,
                   boldFm.boundingRect(QRect(0, 0, nw, 10000), wrapFlags(boldFm, name, nw), name).height());
    for (const QString &line : detailLines(index))
        height += kGap + fm.boundingRect(QRect(0, 0, width, 10000), wrapFlags(fm, line, width), line).height();
    return {width + 2 * kMarginX, height};
}

void ClusterItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const ClusterInfo c = index.data(ClusterListModel::ClusterRole).value<ClusterInfo>();
    const bool stale = index.data(ClusterListModel::StaleRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;
    const QString badge = stale ? presentation::stateText(c.state) + u" ?"_s : presentation::stateText(c.state);
    const QFontMetrics fm = option.fontMetrics;
    const int bw = presentation::badgeWidth(fm, badge);
    const QRect r = option.rect.adjusted(kMarginX, kMarginY, -kMarginX, -kMarginY);
    int right = r.right();
    const QRect badgeRect(right - bw, r.top() + 1, bw, fm.height() + 2);
    QColor badgeColor = presentation::stateColor(c.state);
    if (stale)
        badgeColor = presentation::tone(
            presentation::Tone::Neutral); // stale: the state may have moved on, do not claim it in colour
    presentation::paintBadge(painter, badgeRect, badgeColor, badge);
    right = badgeRect.left() - 4;
    // Open incidents: a red count beside the state, as a mail client counts unread mail.
    const QString incidents = incidentText(index.data(ClusterListModel::OpenIncidentsRole).toInt());
    if (!incidents.isEmpty()) {
        const int iw = presentation::badgeWidth(fm, incidents);
        presentation::paintBadge(painter, QRect(right - iw, r.top() + 1, iw, fm.height() + 2),
                                 presentation::tone(presentation::Tone::Danger), incidents);
        right -= iw + 4;
    }

    painter->save();
    const QPalette::ColorGroup group = stale ? QPalette::Disabled : QPalette::Normal;
    painter->setPen(option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    // Name, state, executors and cost are never cut: long ones wrap and the row grows (sizeHint()).
    const QFontMetrics boldFm(bold);
    const int nw = nameWidth(fm, index, r.width());
    const int nameFlags = wrapFlags(boldFm, c.name(), nw);
    const QRect nameBounds = boldFm.boundingRect(QRect(r.left(), r.top(), nw, 10000), nameFlags, c.name());
    const int nameHeight = std::max(fm.height() + 2, nameBounds.height());
    painter->drawText(QRect(r.left(), r.top(), nw, nameHeight), Qt::AlignLeft | Qt::AlignVCenter | nameFlags, c.name());
    painter->setFont(option.font);
    painter->setPen(option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    int y = r.top() + nameHeight;
    for (const QString &line : detailLines(index)) {
        const int flags = wrapFlags(fm, line, r.width());
        const QRect bounds = fm.boundingRect(QRect(r.left(), y + kGap, r.width(), 10000), flags, line);
        painter->drawText(QRect(r.left(), y + kGap, r.width(), bounds.height()), Qt::AlignLeft | flags, line);
        y += kGap + bounds.height();
    }
    painter->restore();
}

} // namespace cdeck
