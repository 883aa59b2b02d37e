// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "byterange.h"

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace cdeck::logs {

namespace {

// Digits only (no sign, no spaces inside), at most 18 of them so the value fits in a qint64 with room.
std::optional<qint64> position(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 18)
        return std::nullopt;
    qint64 v = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

RangeAnswer malformed(const QString &detail)
{
    RangeAnswer a;
    a.problem = RangeAnswer::Problem::Malformed;
    a.detail = detail;
    return a;
}

RangeAnswer unsatisfiable(const QString &detail)
{
    RangeAnswer a;
    a.problem = RangeAnswer::Problem::Unsatisfiable;
    a.detail = detail;
    return a;
}

} // namespace

RangeAnswer resolveRange(QByteArrayView header, qint64 size, qint64 maxLength)
{
    header = header.trimmed();
    if (header.isEmpty()) {
        RangeAnswer a;
        a.length = std::min(size, maxLength);
        a.partial = size > maxLength;
        return a;
    }
    if (header.size() > 64)
        return malformed(u"Range: too long (one range of bytes, e.g. bytes=0-65535)"_s);
    if (!header.startsWith("bytes="))
        return malformed(u"Range: only byte ranges are served (bytes=FIRST-LAST, bytes=FIRST- or bytes=-LENGTH)"_s);
    const QByteArrayView spec = header.sliced(6).trimmed();
    if (spec.contains(','))
        return malformed(u"Range: one range per request"_s);
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return malformed(u"Range: expected FIRST-LAST, FIRST- or -LENGTH after bytes="_s);
    const QByteArrayView left = spec.first(dash).trimmed();
    const QByteArrayView right = spec.sliced(dash + 1).trimmed();
    RangeAnswer a;
    a.partial = true;
    if (left.isEmpty()) { // the last LENGTH bytes
        const auto suffix = position(right);
        if (!suffix)
            return malformed(u"Range: bytes=-LENGTH needs a number of bytes"_s);
        if (*suffix == 0 || size == 0)
            return unsatisfiable(u"Range: the log has %1 bytes; asked for the last %2"_s.arg(size).arg(*suffix));
        const qint64 length = std::min(*suffix, size);
        a.first = size - length;
        a.length = std::min(length, maxLength);
        return a;
    }
    const auto first = position(left);
    if (!first)
        return malformed(u"Range: the first byte must be a non-negative number"_s);
    qint64 last = size - 1;
    if (!right.isEmpty()) {
        const auto given = position(right);
        if (!given)
            return malformed(u"Range: the last byte must be a non-negative number"_s);
        if (*given < *first)
            return malformed(u"Range: the last byte (%1) is before the first (%2)"_s.arg(*given).arg(*first));
        last = std::min(*given, size - 1);
    }
    if (*first >= size)
        return unsatisfiable(u"Range: the log has %1 bytes; the range starts at %2"_s.arg(size).arg(*first));
    a.first = *first;
    a.length = std::min(last - *first + 1, maxLength);
    return a;
}

} // namespace cdeck::logs
