// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>

class QWidget;

namespace cdeck::test {

// One run of text as a widget painted it, with the colour it was painted in and the background under it.
struct TextContrast
{
    QString widget; // class and object name, and the path of parents
    QString text;
    QRectF rect; // in the window's coordinates
    QColor colour; // the pen's colour (with its alpha)
    QColor background; // the most common colour under the text in the window's rendering, text pixels excluded
    double ratio = 0; // WCAG 2 contrast of the pen blended over the background
    double required = 4.5; // 4.5 for text, 3 for large text (18 pt, 14 pt bold) and for swatch glyphs (■ ● ▨)
};

// Renders every visible widget under `root` (each on its own, without its children) into a recording paint
// device that keeps each text run's pen colour and place, renders the whole window once as the user sees it,
// and measures each run against the pixels under it. Text of disabled widgets and disabled-coloured text of
// controls (a disabled tab, a greyed button) is left out: WCAG exempts inactive components.
QList<TextContrast> measureTextContrast(QWidget *root);

} // namespace cdeck::test
