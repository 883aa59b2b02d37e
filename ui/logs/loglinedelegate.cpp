// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "loglinedelegate.h"

#include "core/logs/logmodel.h"

#include <QApplication>
#include <QPainter>

namespace cdeck {

namespace {
bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}
} // namespace

LogLineDelegate::LogLineDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QColor LogLineDelegate::levelColour(logs::LogLevel level, const QPalette &palette)
{
    // Each pair reads at 4.5:1 or better on the palette's base (white / near black).
    const bool dark = isDark(palette);
    switch (level) {
    case logs::LogLevel::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
    case logs::LogLevel::Warning:
        return dark ? QColor(0xff, 0xd1, 0x66) : QColor(0x8a, 0x4b, 0x00);
    case logs::LogLevel::Debug:
        return dark ? QColor(0xa0, 0xa8, 0xb0) : QColor(0x5f, 0x63, 0x68);
    case logs::LogLevel::Info:
    case logs::LogLevel::None:
        break;
    }
    return {};
}

QColor LogLineDelegate::highlightColour(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x80, 0x6a, 0x00) : QColor(0xff, 0xe0, 0x66);
}

QSize LogLineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {fm.horizontalAdvance(QLatin1Char('m')) * kWidthChars + 8, fm.height() + 2};
}

void LogLineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(option.rect, palette.brush(QPalette::Highlight));
    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetrics fm(option.font);
    const QRect textRect = option.rect.adjusted(4, 0, -4, 0);
    if (!m_highlight.isEmpty() && !selected) {
        for (qsizetype at = text.indexOf(m_highlight, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(m_highlight, at + m_highlight.size(), Qt::CaseInsensitive)) {
            const int x = textRect.left() + fm.horizontalAdvance(text.left(at));
            if (x > option.rect.right())
                break;
            const int w = fm.horizontalAdvance(text.mid(at, m_highlight.size()));
            painter->fillRect(QRect(x, option.rect.top(), w, option.rect.height()), highlightColour(palette));
        }
    }
    QColor colour = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    if (!selected)
        if (const QColor level = levelColour(logs::LogLevel(index.data(logs::LogModel::LevelRole).toInt()), palette);
            level.isValid())
            colour = level;
    painter->setPen(colour);
    painter->setFont(option.font);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine | Qt::TextExpandTabs, text);
    painter->restore();
}

} // namespace cdeck
