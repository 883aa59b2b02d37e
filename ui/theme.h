// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPalette>
#include <QString>

#include <optional>

// The console's theme: System, Light or Dark. Qt 6.4 has no colour-scheme hint (QStyleHints::colorScheme is
// 6.5), so System keeps the platform's style and palette and the ui reads dark or light from the palette's
// window (presentation::isDark); Light and Dark set the Fusion style with a palette of ours. Widgets follow
// a change through QEvent::PaletteChange / ApplicationPaletteChange.
namespace cdeck::theme {

enum class Choice { System, Light, Dark };

QString name(Choice choice); // "system", "light", "dark": the setting's and --theme's words
std::optional<Choice> fromName(const QString &name);

QPalette lightPalette();
QPalette darkPalette();
// The platform's palette with secondary text (PlaceholderText) raised to 4.5:1 where it falls short: the ui
// draws notes and units in it, not only empty fields' hints.
QPalette readable(QPalette palette);

// Sets the application's style and palette. Call after QApplication exists; the first call remembers the
// platform's style and palette for System.
void apply(Choice choice);
Choice current();

} // namespace cdeck::theme
