// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "loglinedelegate.h"

#include "ui/presentation.h"

#include "core/logs/logmodel.h"

#include <QApplication>
#include <QPainter>

namespace cdeck {

LogLineDelegate::LogLineDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QColor LogLineDelegate::levelColour(logs::LogLevel level, const QPalette &palette)
{
    // The table's tones: each reads at 4.5:1 or better on the palette's base (white / near black).
    switch (level) {
    case logs::LogLevel::Error:
        return presentation::tone(presentation::Tone::LogError, palette);
    case logs::LogLevel::Warning:
        return presentation::tone(presentation::Tone::LogWarning, palette);
    case logs::LogLevel::Debug:
        return presentation::mutedText(palette);
    case logs::LogLevel::Info:
    case logs::LogLevel::None:
        break;
    }
    return {};
}

QColor LogLineDelegate::highlightColour(const QPalette &palette)
{
    return presentation::tone(presentation::Tone::LogMatch, palette);
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
