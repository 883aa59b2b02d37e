// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/logs/logline.h"

#include <QStyledItemDelegate>

namespace cdeck {

// Paints one log line: its level's colour, every match of the search text highlighted, monospace, no
// wrap. Rows have one height so the view never measures a million of them.
class LogLineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit LogLineDelegate(QObject *parent = nullptr);

    void setHighlight(const QString &text) { m_highlight = text; }
    QString highlight() const { return m_highlight; }
    static constexpr int kWidthChars = 400; // the horizontal scroll reaches this far

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The colour of a level's text on this palette (dark palettes get lighter tones); invalid: the text colour.
    static QColor levelColour(logs::LogLevel level, const QPalette &palette);
    static QColor highlightColour(const QPalette &palette);

private:
    QString m_highlight;
};

} // namespace cdeck
