// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "contrastprobe.h"

#include "ui/presentation.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QLineEdit>
#include <QMenuBar>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QTabBar>
#include <QTextItem>
#include <QWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::test {

namespace {

struct RecordedText
{
    QString text;
    QRectF rect;
    QColor colour;
    QFont font;
};

// A paint engine that draws nothing and keeps every text item with the pen and transform it came with. It
// claims every feature so QPainter hands it text as text (not as paths) and leaves transforms to it.
class RecordingEngine : public QPaintEngine
{
public:
    RecordingEngine()
        : QPaintEngine(QPaintEngine::AllFeatures)
    {
    }
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &changed) override
    {
        if (changed.state() & DirtyPen)
            m_pen = changed.pen();
        if (changed.state() & DirtyTransform)
            m_transform = changed.transform();
    }
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }
    void drawPath(const QPainterPath &) override { }
    void drawTextItem(const QPointF &p, const QTextItem &item) override
    {
        const QFontMetricsF fm(item.font());
        const QRectF box(p.x(), p.y() - fm.ascent(), item.width(), fm.ascent() + fm.descent());
        texts.append({item.text(), m_transform.mapRect(box), m_pen.color(), item.font()});
    }
    Type type() const override { return QPaintEngine::User; }

    QList<RecordedText> texts;

private:
    QPen m_pen;
    QTransform m_transform;
};

class RecordingDevice : public QPaintDevice
{
public:
    explicit RecordingDevice(QSize size)
        : m_size(size)
    {
    }
    QPaintEngine *paintEngine() const override { return &m_engine; }
    RecordingEngine &engine() { return m_engine; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        case PdmNumColors:
            return 0x7fffffff;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(QPaintDevice::devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QSize m_size;
    mutable RecordingEngine m_engine;
};

QString describe(const QWidget *w, const QWidget *root)
{
    QStringList path;
    for (const QWidget *p = w; p && p != root; p = p->parentWidget()) {
        QString name = QString::fromLatin1(p->metaObject()->className());
        if (!p->objectName().isEmpty())
            name += u'#' + p->objectName();
        path.prepend(name);
        if (path.size() == 3)
            break;
    }
    return path.join(u" > "_s);
}

bool isSwatch(const QString &text)
{
    static const QString glyphs = u"■▨●▲▼◆□▢█"_s;
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.isSpace() || glyphs.contains(c); });
}

bool isControl(const QWidget *w)
{
    return qobject_cast<const QTabBar *>(w) || qobject_cast<const QAbstractButton *>(w)
        || qobject_cast<const QComboBox *>(w) || qobject_cast<const QMenuBar *>(w)
        || qobject_cast<const QLineEdit *>(w);
}

int colourDistance(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

// The most common colour in `area` of `image` among the pixels close to the one farthest from the text's own
// colour. That leaves out the glyphs and also their anti-aliased edges: on a gradient (a Fusion button) no
// single background colour is common in a narrow run such as a lone mnemonic letter, while the edge of a
// straight stem repeats one blended colour down a whole column and would otherwise win the count.
QColor backgroundUnder(const QImage &image, const QRect &area, const QColor &ink)
{
    QColor farthest;
    int farthestDistance = -1;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = area.left(); x <= area.right(); ++x)
            if (const int d = colourDistance(QColor::fromRgb(line[x]), ink); d > farthestDistance) {
                farthestDistance = d;
                farthest = QColor::fromRgb(line[x]);
            }
    }
    if (farthestDistance < 60)
        return {}; // nothing in the area but the text itself
    QHash<QRgb, int> counts;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = area.left(); x <= area.right(); ++x)
            if (colourDistance(QColor::fromRgb(line[x]), farthest) < 60)
                ++counts[line[x] | 0xff000000];
    }
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    return bestCount < 0 ? QColor() : QColor::fromRgb(best);
}

} // namespace

QList<TextContrast> measureTextContrast(QWidget *root)
{
    const QImage shown = root->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QRect inImage(QPoint(0, 0), shown.size());
    QList<QWidget *> widgets{root};
    widgets += root->findChildren<QWidget *>();
    QList<TextContrast> found;
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root) && w != root)
            continue;
        if (w->isWindow() && w != root)
            continue;
        const QPoint offset = w->mapTo(root, QPoint(0, 0));
        // What of this widget the user sees: clipped by every parent (a scrolled-away row, a hidden tab page).
        QRect visible(offset, w->size());
        for (QWidget *p = w->parentWidget(); p && p != root->parentWidget(); p = p->parentWidget())
            visible &= QRect(p->mapTo(root, QPoint(0, 0)), p->size());
        if (visible.isEmpty())
            continue;
        RecordingDevice device(root->size());
        w->render(&device, offset, QRegion(), QWidget::RenderFlags());
        const QPalette pal = w->palette();
        const QColor disabledInk[]
            = {pal.color(QPalette::Disabled, QPalette::Text), pal.color(QPalette::Disabled, QPalette::WindowText),
               pal.color(QPalette::Disabled, QPalette::ButtonText)};
        for (const RecordedText &t : std::as_const(device.engine().texts)) {
            if (t.text.trimmed().isEmpty() || t.colour.alpha() == 0)
                continue;
            if (!w->isEnabled())
                continue;
            if (isControl(w)
                && std::find(std::begin(disabledInk), std::end(disabledInk), t.colour) != std::end(disabledInk))
                continue;
            const QRect area = t.rect.toAlignedRect() & visible & inImage;
            // Mostly outside what is shown (clipped, elided away): not read by anyone.
            if (area.width() < 3 || area.height() < 3
                || area.width() * area.height() * 2 < t.rect.width() * t.rect.height())
                continue;
            TextContrast c;
            c.widget = describe(w, root);
            c.text = t.text;
            c.rect = t.rect;
            c.colour = t.colour;
            c.background = backgroundUnder(shown, area, t.colour);
            if (!c.background.isValid())
                continue;
            c.ratio = presentation::contrastRatio(presentation::blendOver(t.colour, c.background), c.background);
            const double points = t.font.pointSizeF() > 0 ? t.font.pointSizeF() : t.font.pixelSize() * 0.75;
            const bool large = points >= 18.0 || (points >= 14.0 && t.font.bold());
            c.required = large || isSwatch(t.text) ? 3.0 : 4.5;
            found.append(c);
        }
    }
    return found;
}

} // namespace cdeck::test
