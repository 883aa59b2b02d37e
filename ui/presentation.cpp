// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "presentation.h"

#include "core/model/humanunits.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QLabel>
#include <QTextDocument>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace cdeck::presentation {

static QString tr(const char *text)
{
    return QCoreApplication::translate("cdeck::presentation", text);
}

namespace {

struct ToneValues
{
    Tone tone;
    QRgb light;
    QRgb dark;
    // Colours the code wrote by hand before this table, kept so text and data that still carry one (a rich-text
    // legend inside a translated string, a colour stored with data) follow the theme: see followPalette.
    QRgb formerly[5]; // 0: none
};

// THE table. Light values: text on #efefef/#ffffff at 4.5:1 or more; dark values: text on #1f2124/#181a1c at 4.5:1
// or more (tst_theme measures what is drawn). Surfaces are near their window's colour.
constexpr ToneValues kTones[] = {
    {Tone::Info, 0xff1a5fb4, 0xff8ab4f8, {0xff1f6fc5, 0xff1e61a8, 0xff1565c0, 0xff1976d2}},
    {Tone::Success, 0xff1b7a3a, 0xff6dd58c, {0xff2e9e4f, 0xff43a047}},
    {Tone::Busy, 0xff17692f, 0xff81c995, {0xff188038}},
    {Tone::Warning, 0xff8a5a00, 0xfffdd663, {0xffc27c0e, 0xffe67e00}},
    {Tone::Neutral, 0xff5f6368, 0xffa8adb3, {0xff70757d, 0xff757575, 0xff90a4ae, 0xff8d6e63, 0xff555555}},
    {Tone::Danger, 0xffb3261e, 0xfff28b82, {0xffc62828, 0xffd32f2f, 0xffb71c1c, 0xff8e1b1b}},
    {Tone::Critical, 0xff8b0000, 0xffff6f66, {}},
    {Tone::Minor, 0xff6b5e00, 0xffe2c541, {0xff9e8a00}},
    {Tone::Orange, 0xffa34400, 0xffffab70, {0xffef6c00, 0xffbf360c}},
    {Tone::Purple, 0xff6a1b9a, 0xffd7aefb, {0xff8e24aa}},
    {Tone::Teal, 0xff00727c, 0xff78d9ec, {0xff00838f}},
    {Tone::Slate, 0xff37474f, 0xffb0bec5, {0xff424242, 0xff212121}},
    {Tone::MemoryManaged, 0xff1a5fb4, 0xff8ab4f8, {}},
    {Tone::MemoryUnmanaged, 0xff4a86c8, 0xff4f86c8, {0xff7fb0e6}},
    {Tone::ShuffleIn, 0xff2e7d32, 0xff6dd58c, {}},
    {Tone::ShuffleOut, 0xffd35400, 0xffffab70, {}},
    {Tone::Canvas, 0xfff7f8fa, 0xff16181b, {}},
    {Tone::Card, 0xfffdfdfd, 0xff25282c, {}},
    {Tone::Grid, 0xffe0e0e0, 0xff3a3d42, {0xffe3e5e8}},
    {Tone::Border, 0xffb0b4ba, 0xff5f6368, {0xffd0d4da}},
    {Tone::RowStripe, 0xfff1f3f6, 0xff23262a, {}},
    {Tone::BarTrack, 0xffeeeeee, 0xff33363b, {}},
    {Tone::BarGone, 0xffc0c0c0, 0xff55595e, {0xffbdbdbd}},
    {Tone::NoData, 0xff9e9e9e, 0xff80868b, {}},
    {Tone::DangerSurface, 0xfffdecea, 0xff3b1d1b, {}},
    {Tone::DangerBorder, 0xfff5c2c0, 0xff8c3a35, {}},
    {Tone::CodeSurface, 0xfff4f4f4, 0xff2a2d31, {}},
    {Tone::SearchMatch, 0xaaffc107, 0xaab38600, {}},
    {Tone::SelectionOutline, 0xff101010, 0xfff0f0f0, {}},
    {Tone::PlotOutline, 0xff9e9e9e, 0xff6b7075, {}},
    {Tone::LogError, 0xffb00020, 0xffff8a80, {}},
    {Tone::LogWarning, 0xff8a4b00, 0xffffd166, {}},
    {Tone::LogMatch, 0xffffe066, 0xff6e5a00, {}},
};

constexpr QRgb kSeriesLight[] = {0xff1f77b4, 0xffe6550d, 0xff2ca02c, 0xffd62728, 0xff9467bd,
                                 0xff8c564b, 0xffe377c2, 0xff7f7f7f, 0xff9c9d12, 0xff17a2b3};
constexpr QRgb kSeriesDark[] = {0xff6baed6, 0xffffa54f, 0xff74c476, 0xffff7b7b, 0xffc5a3ff,
                                0xffd4a58f, 0xfff7a6d9, 0xffbdbdbd, 0xffdada5a, 0xff5fd3e2};

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor tone(Tone t, const QPalette &palette)
{
    for (const ToneValues &v : kTones)
        if (v.tone == t)
            return QColor::fromRgba(isDark(palette) ? v.dark : v.light);
    return palette.color(QPalette::Text);
}

QColor seriesColor(int index, const QPalette &palette)
{
    const int n = int(std::size(kSeriesLight));
    const int i = ((index % n) + n) % n;
    return QColor::fromRgba(isDark(palette) ? kSeriesDark[i] : kSeriesLight[i]);
}

QColor followPalette(const QColor &colour, const QPalette &palette)
{
    const QRgb rgb = colour.rgb(); // opaque: the table's alpha is not the caller's
    const bool dark = isDark(palette);
    auto withAlpha = [&colour](QRgb value) {
        QColor c = QColor::fromRgb(value);
        c.setAlpha(colour.alpha() == 255 ? qAlpha(value) : colour.alpha());
        return c;
    };
    for (const ToneValues &v : kTones) {
        const bool formerly = std::find(std::begin(v.formerly), std::end(v.formerly), rgb) != std::end(v.formerly);
        if ((v.light | 0xff000000) == rgb || (v.dark | 0xff000000) == rgb || formerly)
            return withAlpha(dark ? v.dark : v.light);
    }
    for (size_t i = 0; i < std::size(kSeriesLight); ++i)
        if (kSeriesLight[i] == rgb || kSeriesDark[i] == rgb)
            return withAlpha(dark ? kSeriesDark[i] : kSeriesLight[i]);
    return colour;
}

QString themedHtml(QString html, const QPalette &palette)
{
    static const QRegularExpression hex(u"#[0-9a-fA-F]{6}\\b"_s);
    static const QRegularExpression grey(u"color:\\s*gr[ae]y\\b"_s);
    html.replace(grey, u"color:"_s + mutedText(palette).name());
    QString out;
    qsizetype last = 0;
    for (auto it = hex.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(html).mid(last, m.capturedStart() - last);
        out += followPalette(QColor(m.captured()), palette).name();
        last = m.capturedEnd();
    }
    out += QStringView(html).mid(last);
    return out;
}

QColor blendOver(const QColor &top, const QColor &bottom)
{
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                            float(top.greenF() * a + bottom.greenF() * (1 - a)),
                            float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString cssColor(const QColor &colour)
{
    if (colour.alpha() == 255)
        return colour.name();
    return u"rgba(%1,%2,%3,%4)"_s.arg(colour.red()).arg(colour.green()).arg(colour.blue()).arg(colour.alpha());
}

bool isPaletteChange(const QEvent *event)
{
    return event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange;
}

void rethemeLabels(QWidget *root)
{
    for (QWidget *w : root->findChildren<QWidget *>())
        if (!qobject_cast<QLabel *>(w) && !w->styleSheet().isEmpty())
            restyle(w, themedHtml(w->styleSheet(), QGuiApplication::palette()));
    // The application's palette, not each label's: a label may not have taken the new one yet when this runs.
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->styleSheet().isEmpty())
            restyle(label, themedHtml(label->styleSheet(), QGuiApplication::palette()));
        const QString text = label->text();
        if (label->textFormat() == Qt::PlainText || !Qt::mightBeRichText(text))
            continue;
        const QString themed = themedHtml(text, QGuiApplication::palette());
        if (themed != text)
            label->setText(themed);
    }
}

void restyle(QWidget *widget, const QString &styleSheet)
{
    if (widget->styleSheet() != styleSheet)
        widget->setStyleSheet(styleSheet);
}

QColor textOn(const QColor &fill)
{
    // Pure black and white: no tone of the table has them, so themedHtml() leaves them as they are.
    const QColor white(0xff, 0xff, 0xff);
    const QColor black(0x00, 0x00, 0x00);
    return contrastRatio(white, fill) >= contrastRatio(black, fill) ? white : black;
}

QColor mutedText(const QPalette &palette)
{
    return tone(Tone::Neutral, palette);
}

QColor tint(const QColor &colour, double share, const QPalette &palette)
{
    QColor top = colour;
    top.setAlphaF(float(std::clamp(share, 0.0, 1.0)));
    return blendOver(top, palette.color(QPalette::Base));
}

QColor stateColor(ClusterState state)
{
    switch (state) {
    case ClusterState::Starting:
    case ClusterState::Bootstrapping:
        return tone(Tone::Info); // blue: on its way
    case ClusterState::Running:
        return tone(Tone::Busy); // green, busy
    case ClusterState::Waiting:
        return tone(Tone::Success); // green: ready
    case ClusterState::Terminating:
        return tone(Tone::Warning); // amber
    case ClusterState::Terminated:
        return tone(Tone::Neutral); // grey: gone as asked
    case ClusterState::TerminatedWithErrors:
        return tone(Tone::Danger); // red: gone, not as asked
    }
    return tone(Tone::Neutral);
}

QColor statusColor(ExecutorStatus status)
{
    switch (status) {
    case ExecutorStatus::Starting:
        return tone(Tone::Info);
    case ExecutorStatus::Running:
        return tone(Tone::Success);
    case ExecutorStatus::Paused:
        return tone(Tone::Warning); // paused = memory pressure: worth a look
    case ExecutorStatus::Retiring:
        return tone(Tone::Warning);
    case ExecutorStatus::Retired:
        return tone(Tone::Neutral);
    case ExecutorStatus::Lost:
        return tone(Tone::Danger);
    }
    return tone(Tone::Neutral);
}

QColor jobStateColor(JobState state)
{
    switch (state) {
    case JobState::Pending:
        return tone(Tone::Neutral);
    case JobState::Running:
        return tone(Tone::Info);
    case JobState::Completed:
        return tone(Tone::Success);
    case JobState::Failed:
    case JobState::Interrupted:
        return tone(Tone::Danger);
    case JobState::CancelPending:
    case JobState::Cancelled:
        return tone(Tone::Warning);
    }
    return tone(Tone::Neutral);
}

QString stateText(ClusterState state)
{
    return toString(state);
}

QString stateMeaning(ClusterState state)
{
    switch (state) {
    case ClusterState::Starting:
        return tr("Starting the scheduler.");
    case ClusterState::Bootstrapping:
        return tr("Scheduler up, waiting for the executors to register.");
    case ClusterState::Running:
        return tr("Running a job.");
    case ClusterState::Waiting:
        return tr("Ready and idle: accepts jobs and scaling.");
    case ClusterState::Terminating:
        return tr("Stopping the executors and the scheduler.");
    case ClusterState::Terminated:
        return tr("Terminated.");
    case ClusterState::TerminatedWithErrors:
        return tr("Terminated with errors: see the reason.");
    }
    return {};
}

QString formatBytes(qint64 bytes)
{
    return units::formatBytes(bytes);
}

namespace {

// `value` with at least `digits` significant digits (none after the point from 10^digits on), grouped,
// without trailing zeros: the decimals are a precision limit, not a promise ("2.50" -> "2.5").
QString withDigits(const QLocale &locale, double value, int digits)
{
    const double a = std::abs(value);
    const int decimals = a == 0.0 ? 0 : std::clamp(digits - 1 - int(std::floor(std::log10(a))), 0, 6);
    QString text = locale.toString(value, 'f', decimals);
    if (decimals > 0) {
        const QString point = locale.decimalPoint();
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text == u"-0"_s ? u"0"_s : text;
}

} // namespace

QString formatCount(double value, double scaleOf)
{
    if (!std::isfinite(value))
        return u"–"_s;
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    const double magnitude = std::max(std::abs(value), std::abs(scaleOf));
    if (magnitude < 9'999.5)
        return withDigits(locale, value, 3); // "0.25", "2.46", "1,500"
    // k, M, G, T: the largest that leaves the scale at least 1 (and below 1000 when there is one more).
    static const char *const kSuffixes[] = {"k", "M", "G", "T"};
    int index = 0;
    double divisor = 1000.0;
    while (index + 1 < int(std::size(kSuffixes)) && magnitude / divisor >= 999.95) {
        divisor *= 1000.0;
        ++index;
    }
    if (value == 0.0)
        return u"0"_s;
    return u"%1 %2"_s.arg(withDigits(locale, value / divisor, 4), QLatin1StringView(kSuffixes[index]));
}

double clockStepS(double roughS)
{
    if (roughS < 1.0) {
        const double mag = std::pow(10.0, std::floor(std::log10(std::max(roughS, 0.001))));
        for (double m : {1.0, 2.0, 5.0})
            if (m * mag >= roughS)
                return m * mag;
        return 1.0;
    }
    static constexpr double kClockSteps[] = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                                             3600, 7200, 10800, 21600, 43200, 86400};
    for (double step : kClockSteps)
        if (step >= roughS)
            return step;
    return 86400.0 * std::ceil(roughS / 86400.0);
}

QList<qint64> clockTicks(qint64 fromMs, qint64 toMs, double stepS)
{
    QList<qint64> ticks;
    const qint64 stepMs = std::max<qint64>(1, qint64(std::llround(stepS * 1000.0)));
    if (toMs < fromMs || (toMs - fromMs) / stepMs > 10'000)
        return ticks;
    // Round in local time: a 6 h step lands on 00:00, 06:00... on the wall clock, not in UTC.
    const qint64 offsetMs = qint64(QDateTime::fromMSecsSinceEpoch(fromMs).offsetFromUtc()) * 1000;
    const qint64 local = fromMs + offsetMs;
    qint64 first = (local / stepMs) * stepMs;
    if (first < local)
        first += stepMs;
    for (qint64 t = first - offsetMs; t <= toMs; t += stepMs)
        ticks.append(t);
    return ticks;
}

QString formatDuration(double seconds)
{
    return units::formatDuration(seconds);
}

QString formatTime(const QDateTime &at)
{
    if (!at.isValid())
        return u"–"_s;
    const QDateTime local = at.toLocalTime();
    if (local.date() == QDate::currentDate())
        return local.toString(u"HH:mm:ss"_s);
    return local.toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString formatAge(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return u"–"_s;
    const qint64 s = at.secsTo(now);
    if (s < 60)
        return tr("%1 s ago").arg(std::max<qint64>(0, s));
    if (s < 3600)
        return tr("%1 min ago").arg(s / 60);
    if (s < 86400)
        return tr("%1 h ago").arg(s / 3600);
    return tr("%1 d ago").arg(s / 86400);
}

int badgeWidth(const QFontMetrics &metrics, const QString &text)
{
    return metrics.horizontalAdvance(text) + 14;
}

void paintBadge(QPainter *painter, const QRect &rect, const QColor &color, const QString &text)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), rect.height() / 2.0, rect.height() / 2.0);
    painter->fillPath(path, color);
    painter->setPen(textOn(color));
    QFont f = painter->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    painter->setFont(f);
    painter->drawText(rect, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace cdeck::presentation
