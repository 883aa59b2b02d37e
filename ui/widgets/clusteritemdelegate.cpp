// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusteritemdelegate.h"

#include "ui/models/clusterlistmodel.h"
#include "ui/presentation.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace cdeck {

QSize ClusterItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {200, option.fontMetrics.height() * 2 + 14};
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
    const QString badge = presentation::stateText(c.state);
    const QFontMetrics fm = option.fontMetrics;
    const int bw = presentation::badgeWidth(fm, badge);
    const QRect r = option.rect.adjusted(8, 5, -8, -5);
    const QRect badgeRect(r.right() - bw, r.top() + 1, bw, fm.height() + 2);
    QColor badgeColor = presentation::stateColor(c.state);
    if (stale)
        badgeColor = QColor(0x9e, 0x9e, 0x9e); // stale: the state may have moved on, do not claim it in colour
    presentation::paintBadge(painter, badgeRect, badgeColor, stale ? badge + u" ?"_s : badge);

    painter->save();
    const QPalette::ColorGroup group = stale ? QPalette::Disabled : QPalette::Normal;
    painter->setPen(option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    const QRect nameRect(r.left(), r.top(), r.width() - bw - 6, fm.height() + 2);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(c.name(), Qt::ElideRight, nameRect.width()));
    painter->setFont(option.font);
    QColor sub = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    painter->setPen(sub);
    const QString summary = isTerminal(c.state)
        ? tr("ended %1").arg(presentation::formatTime(c.endedAt.isValid() ? c.endedAt : c.stateChangedAt))
        : tr("%1/%2 executors · %3").arg(c.runningWorkers).arg(c.spec.workers).arg(c.spec.instanceType);
    QRect subRect(r.left(), r.top() + fm.height() + 4, r.width(), fm.height());
    // The cost meter on the right of the second line: what it costs now and so far.
    const QString meter = index.data(ClusterListModel::MeterTextRole).toString();
    if (!meter.isEmpty()) {
        const int mw = std::min(fm.horizontalAdvance(meter), subRect.width() / 2 + 20);
        painter->drawText(QRect(subRect.right() - mw, subRect.top(), mw, subRect.height()), Qt::AlignRight | Qt::AlignVCenter,
                          fm.elidedText(meter, Qt::ElideLeft, mw));
        subRect.setRight(subRect.right() - mw - 6);
    }
    painter->drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(summary, Qt::ElideRight, subRect.width()));
    painter->restore();
}

} // namespace cdeck
