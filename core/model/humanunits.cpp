// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "humanunits.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
// Text::tr, not a free tr(): lupdate takes the context from Q_DECLARE_TR_FUNCTIONS at every call,
// where a free function would be filed under each caller's namespace or class and never match.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::presentation)
};
} // namespace

namespace cdeck::units {

QString formatBytes(qint64 bytes)
{
    const double b = double(bytes);
    if (bytes < 1024)
        return Text::tr("%1 B").arg(bytes);
    if (b < 1024.0 * 1024)
        return Text::tr("%1 KiB").arg(b / 1024, 0, 'f', 1);
    if (b < 1024.0 * 1024 * 1024)
        return Text::tr("%1 MiB").arg(b / (1024.0 * 1024), 0, 'f', 1);
    return Text::tr("%1 GiB").arg(b / (1024.0 * 1024 * 1024), 0, 'f', 2);
}

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return u"–"_s;
    if (seconds < 60)
        return Text::tr("%1 s").arg(seconds, 0, 'f', 1);
    const qint64 s = qint64(seconds);
    if (s < 3600)
        return Text::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return Text::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace cdeck::units
