// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace cdeck::json {

// Timestamps travel as ISO 8601 UTC with milliseconds ("2026-11-24T10:00:00.123Z"); null when unset.
QJsonValue fromDateTime(const QDateTime &dt);
QDateTime toDateTime(const QJsonValue &v);

// Strict readers: on a wrong type they set *error (naming the field) and return the fallback.
QString string(const QJsonObject &o, QLatin1StringView key, QString *error, const QString &fallback = {});
qint64 integer(const QJsonObject &o, QLatin1StringView key, QString *error, qint64 fallback = 0);
bool boolean(const QJsonObject &o, QLatin1StringView key, QString *error, bool fallback = false);

// A JSON number (a double) as an integer, truncated toward zero and held to qint64's range; NaN gives the
// fallback. For lenient readers of other programs' JSON: converting a double outside the range is undefined
// behaviour (1e300 from a hostile or broken server), found by the fuzz targets.
qint64 saturatingInteger(double value, qint64 fallback = 0);

} // namespace cdeck::json
