// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "presentation.h"

#include "core/model/humanunits.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace cdeck::presentation {

static QString tr(const char *text)
{
    return QCoreApplication::translate("cdeck::presentation", text);
}

QColor stateColor(ClusterState state)
{
    switch (state) {
    case ClusterState::Starting:
    case ClusterState::Bootstrapping:
        return QColor(0x1f, 0x6f, 0xc5); // blue: on its way
    case ClusterState::Running:
        return QColor(0x18, 0x80, 0x38); // green, busy
    case ClusterState::Waiting:
        return QColor(0x2e, 0x9e, 0x4f); // green: ready
    case ClusterState::Terminating:
        return QColor(0xc2, 0x7c, 0x0e); // amber
    case ClusterState::Terminated:
        return QColor(0x70, 0x75, 0x7d); // grey: gone as asked
    case ClusterState::TerminatedWithErrors:
        return QColor(0xc6, 0x28, 0x28); // red: gone, not as asked
    }
    return Qt::gray;
}

QColor statusColor(ExecutorStatus status)
{
    switch (status) {
    case ExecutorStatus::Starting:
        return QColor(0x1f, 0x6f, 0xc5);
    case ExecutorStatus::Running:
        return QColor(0x2e, 0x9e, 0x4f);
    case ExecutorStatus::Paused:
        return QColor(0xc2, 0x7c, 0x0e); // paused = memory pressure: worth a look
    case ExecutorStatus::Retiring:
        return QColor(0xc2, 0x7c, 0x0e);
    case ExecutorStatus::Retired:
        return QColor(0x70, 0x75, 0x7d);
    case ExecutorStatus::Lost:
        return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::gray;
}

QColor jobStateColor(JobState state)
{
    switch (state) {
    case JobState::Pending:
        return QColor(0x70, 0x75, 0x7d);
    case JobState::Running:
        return QColor(0x1f, 0x6f, 0xc5);
    case JobState::Completed:
        return QColor(0x2e, 0x9e, 0x4f);
    case JobState::Failed:
    case JobState::Interrupted:
        return QColor(0xc6, 0x28, 0x28);
    case JobState::CancelPending:
    case JobState::Cancelled:
        return QColor(0xc2, 0x7c, 0x0e);
    }
    return Qt::gray;
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
    painter->setPen(Qt::white);
    QFont f = painter->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    painter->setFont(f);
    painter->drawText(rect, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace cdeck::presentation
