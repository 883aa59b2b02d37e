// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "memorybardelegate.h"

#include "core/model/executor.h"
#include "ui/models/executormodel.h"
#include "ui/presentation.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace cdeck {

MemoryBarDelegate::MemoryBarDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_managed(presentation::tone(presentation::Tone::MemoryManaged))
    , m_unmanaged(presentation::tone(presentation::Tone::MemoryUnmanaged))
    , m_spilled(presentation::tone(presentation::Tone::Warning), Qt::BDiagPattern)
    , m_pressure(presentation::tone(presentation::Tone::Danger))
    , m_gone(presentation::tone(presentation::Tone::BarGone))
{
}

QSize MemoryBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width() + 120, 320));
    return s;
}

void MemoryBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant v = index.data(ExecutorModel::ExecutorRole);
    if (!v.canConvert<Executor>()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const Executor e = v.value<Executor>();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    // Text first, in a fixed width so the bars of all rows start at the same x and compare at a glance.
    const QFontMetrics fm(option.font);
    const int textWidth = fm.horizontalAdvance(u"888.8 MiB of 88.88 GiB"_s) + 10;
    const QRect textRect(option.rect.left() + 6, option.rect.top(), textWidth, option.rect.height());
    const QRect bar(textRect.right() + 4, option.rect.top() + 5, std::max(20, option.rect.width() - textWidth - 16),
                    option.rect.height() - 10);
    const bool gone = isGone(e.status);
    painter->save();
    // A gone executor's text is muted, still readable (4.5:1): it is data, not a disabled control.
    painter->setPen(gone ? presentation::mutedText(option.palette)
                         : (option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                                  : option.palette.color(QPalette::Text)));
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->setPen(QPen(option.palette.color(QPalette::Mid), 1));
    painter->setBrush(option.palette.base());
    painter->drawRect(bar.adjusted(0, 0, -1, -1));
    const double limit = double(std::max<qint64>(e.memoryLimitBytes, 1));
    const int width = bar.width() - 2;
    auto span = [&](qint64 bytes) { return int(std::clamp(double(bytes) / limit, 0.0, 1.0) * width); };
    const qint64 used = e.memoryManagedBytes + e.memoryUnmanagedBytes;
    int x = bar.left() + 1;
    const int top = bar.top() + 1;
    const int h = bar.height() - 2;
    const int managed = span(e.memoryManagedBytes);
    const int unmanaged = std::min(span(used) - managed, width - managed);
    painter->setPen(Qt::NoPen);
    // The brushes are the table's; the palette of this paint picks the light or the dark column.
    const auto themed = [&option](QBrush brush) {
        brush.setColor(presentation::followPalette(brush.color(), option.palette));
        return brush;
    };
    if (gone) {
        painter->fillRect(QRect(x, top, managed + unmanaged, h), themed(m_gone));
    } else {
        painter->fillRect(QRect(x, top, managed, h), themed(used > limit * 0.8 ? m_pressure : m_managed));
        painter->fillRect(QRect(x + managed, top, unmanaged, h), themed(m_unmanaged));
    }
    x += managed + unmanaged;
    const int spilled = std::min(span(e.memorySpilledBytes), bar.left() + 1 + width - x);
    if (spilled > 0 && !gone)
        painter->fillRect(QRect(x, top, spilled, h), themed(m_spilled));
    // The 80% mark: where Dask starts pausing the worker.
    QColor mark80 = presentation::tone(presentation::Tone::Danger, option.palette);
    mark80.setAlpha(160);
    painter->setPen(QPen(mark80, 1, Qt::DashLine));
    const int mark = bar.left() + 1 + int(width * 0.8);
    painter->drawLine(mark, bar.top(), mark, bar.bottom());
    painter->restore();
}

} // namespace cdeck
