// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "jsonutil.h"

#include <cmath>
#include <limits>

namespace cdeck::json {

QJsonValue fromDateTime(const QDateTime &dt)
{
    if (!dt.isValid())
        return QJsonValue::Null;
    return dt.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime toDateTime(const QJsonValue &v)
{
    if (!v.isString())
        return {};
    QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

static void setError(QString *error, QLatin1StringView key, const char *expected)
{
    if (error && error->isEmpty())
        *error = QStringLiteral("%1: expected %2").arg(key, QLatin1StringView(expected));
}

QString string(const QJsonObject &o, QLatin1StringView key, QString *error, const QString &fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString()) {
        setError(error, key, "a string");
        return fallback;
    }
    return v.toString();
}

qint64 integer(const QJsonObject &o, QLatin1StringView key, QString *error, qint64 fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble(std::nan(""));
    // 2^53: beyond it a JSON number no longer holds an exact integer.
    if (!v.isDouble() || std::isnan(d) || d != std::floor(d) || std::fabs(d) > 9007199254740992.0) {
        setError(error, key, "an integer");
        return fallback;
    }
    return qint64(d);
}

qint64 saturatingInteger(double value, qint64 fallback)
{
    if (std::isnan(value))
        return fallback;
    constexpr double kTwoTo63 = 9223372036854775808.0; // qint64's limits are -2^63 and 2^63 - 1
    if (value >= kTwoTo63)
        return std::numeric_limits<qint64>::max();
    if (value < -kTwoTo63)
        return std::numeric_limits<qint64>::min();
    return qint64(value);
}

bool boolean(const QJsonObject &o, QLatin1StringView key, QString *error, bool fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        setError(error, key, "true or false");
        return fallback;
    }
    return v.toBool();
}

} // namespace cdeck::json
