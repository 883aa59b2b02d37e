// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "theme.h"

#include "ui/presentation.h"

#include <QApplication>
#include <QEvent>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace cdeck::theme {

namespace {

struct Platform
{
    bool captured = false;
    QString styleName;
    QPalette palette;
};

Platform &platform()
{
    static Platform p;
    return p;
}

Choice &currentChoice()
{
    static Choice c = Choice::System;
    return c;
}

void capturePlatform()
{
    Platform &p = platform();
    if (p.captured)
        return;
    p.captured = true;
    p.styleName = QApplication::style() ? QApplication::style()->name() : QString();
    p.palette = QApplication::palette();
}

void setStyleNamed(const QString &styleName)
{
    if (QApplication::style() && QApplication::style()->name().compare(styleName, Qt::CaseInsensitive) == 0)
        return;
    if (QStyle *style = QStyleFactory::create(styleName))
        QApplication::setStyle(style);
}

} // namespace

QString name(Choice choice)
{
    switch (choice) {
    case Choice::System:
        return u"system"_s;
    case Choice::Light:
        return u"light"_s;
    case Choice::Dark:
        return u"dark"_s;
    }
    return u"system"_s;
}

std::optional<Choice> fromName(const QString &name)
{
    for (Choice c : {Choice::System, Choice::Light, Choice::Dark})
        if (theme::name(c) == name.trimmed().toLower())
            return c;
    return std::nullopt;
}

QPalette lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef)); // Fusion's light window, with the roles Qt derives from it
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf8));
    p.setColor(QPalette::Text, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::Highlight, QColor(0x1a, 0x5f, 0xb4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1a, 0x5f, 0xb4));
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x1b, 0x9a));
    p.setColor(QPalette::PlaceholderText, QColor(0x5f, 0x63, 0x68));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x9a, 0x9e, 0xa3));
    return p;
}

QPalette darkPalette()
{
    const QColor window(0x1f, 0x21, 0x24);
    const QColor text(0xe8, 0xea, 0xed);
    QPalette p(QColor(0x2a, 0x2d, 0x31), window); // button, window: Qt derives light, mid, dark, shadow
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1c));
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x28));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x2a, 0x2d, 0x31));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6b, 0xc4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xd7, 0xae, 0xfb));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa6, 0xad));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x36, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x50, 0x55, 0x5b));
    p.setColor(QPalette::Dark, QColor(0x11, 0x12, 0x14));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x86, 0x8b));
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x25, 0x27, 0x2b));
    return p;
}

QPalette readable(QPalette palette)
{
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        const QColor hint = palette.color(group, QPalette::PlaceholderText);
        const QColor base = palette.color(group, QPalette::Base);
        const QColor window = palette.color(group, QPalette::Window);
        const double worst = std::min(presentation::contrastRatio(presentation::blendOver(hint, base), base),
                                      presentation::contrastRatio(presentation::blendOver(hint, window), window));
        if (worst < 4.5)
            palette.setColor(group, QPalette::PlaceholderText, presentation::mutedText(palette));
    }
    return palette;
}

void apply(Choice choice)
{
    capturePlatform();
    currentChoice() = choice;
    const Platform &p = platform();
    switch (choice) {
    case Choice::System:
        setStyleNamed(p.styleName);
        QApplication::setPalette(readable(p.palette));
        break;
    case Choice::Light:
        setStyleNamed(u"Fusion"_s);
        QApplication::setPalette(lightPalette());
        break;
    case Choice::Dark:
        setStyleNamed(u"Fusion"_s);
        QApplication::setPalette(darkPalette());
        break;
    }
    // QApplication passes a new palette on to the windows only once its event loop has started (not in a test
    // before exec(), nor in --screenshot's first moments): tell every window, which resolves and propagates it
    // (a window that already has it ignores this).
    QEvent changed(QEvent::ApplicationPaletteChange);
    for (QWidget *window : QApplication::topLevelWidgets())
        QCoreApplication::sendEvent(window, &changed);
}

Choice current()
{
    return currentChoice();
}

} // namespace cdeck::theme
