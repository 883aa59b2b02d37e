// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/sqlmetricvalues.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;

namespace cdeck::spark::sqlmetricvalues {

namespace {

__extension__ using Int128 = __int128; // sizes up to 2^63 bytes, times 20, without overflow

// java.text.NumberFormat for Locale.US: digits grouped by three with commas.
QString grouped(qint64 v)
{
    const bool negative = v < 0;
    QString digits = QString::number(v).remove(u'-');
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return negative ? u'-' + digits : digits;
}

// Java's Formatter rounds the decimal digits of a float (widened to double) half-up; reproduce that on the
// shortest decimal representation of the same double.
QString javaFixed(float value, int decimals)
{
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, double(value), std::chars_format::fixed);
    std::string text(buf, res.ptr);
    const size_t dot = text.find('.');
    std::string intPart = dot == std::string::npos ? text : text.substr(0, dot);
    std::string frac = dot == std::string::npos ? std::string() : text.substr(dot + 1);
    frac.resize(std::max<size_t>(frac.size(), size_t(decimals) + 1), '0');
    const bool roundUp = frac[size_t(decimals)] >= '5';
    std::string kept = intPart + frac.substr(0, size_t(decimals));
    if (roundUp) {
        int i = int(kept.size()) - 1;
        for (; i >= 0; --i) {
            if (kept[size_t(i)] == '9') {
                kept[size_t(i)] = '0';
            } else {
                ++kept[size_t(i)];
                break;
            }
        }
        if (i < 0)
            kept.insert(kept.begin(), '1');
    }
    const size_t intLen = kept.size() - size_t(decimals);
    QString out = QString::fromLatin1(kept.substr(0, intLen).c_str());
    if (decimals > 0)
        out += u'.' + QString::fromLatin1(kept.substr(intLen).c_str());
    return out;
}

// Average metrics hold tenths (Spark's baseForAvgMetric); NumberFormat drops a zero fraction.
QString tenths(qint64 v)
{
    const qint64 whole = v / 10, fraction = std::abs(v % 10);
    QString out = grouped(whole);
    if (v < 0 && whole == 0)
        out.prepend(u'-');
    if (fraction != 0)
        out += u'.' + QString::number(fraction);
    return out;
}

QString nsToString(qint64 ns)
{
    return msDurationToString(ns / 1000000);
}

// Sums without overflow: a hostile log's values could otherwise wrap (undefined behaviour).
qint64 total(std::span<const qint64> values)
{
    Int128 sum = 0;
    for (qint64 v : values)
        sum += v;
    const Int128 limit = std::numeric_limits<qint64>::max();
    return qint64(sum > limit ? limit : sum < -limit ? -limit : sum);
}

} // namespace

QString bytesToString(qint64 bytes)
{
    struct Unit
    {
        int shift;
        const char *name;
    };
    static constexpr Unit units[] = {{60, "EiB"}, {50, "PiB"}, {40, "TiB"}, {30, "GiB"}, {20, "MiB"}, {10, "KiB"}};
    for (const Unit &u : units) {
        const Int128 unit = Int128(1) << u.shift;
        if (Int128(bytes) >= 2 * unit) {
            // "%.1f" of the exact quotient, rounded half-up as Java formats a BigDecimal
            const Int128 tenthsValue = (Int128(bytes) * 20 + unit) / (2 * unit);
            return u"%1.%2 %3"_s.arg(qint64(tenthsValue / 10))
                .arg(qint64(tenthsValue % 10))
                .arg(QLatin1StringView(u.name));
        }
    }
    return u"%1.0 B"_s.arg(bytes);
}

QString msDurationToString(qint64 ms)
{
    constexpr qint64 second = 1000, minute = 60 * second, hour = 60 * minute;
    if (ms < second)
        return u"%1 ms"_s.arg(ms);
    if (ms < minute)
        return javaFixed(float(ms) / float(second), 1) + " s"_L1;
    if (ms < hour)
        return javaFixed(float(ms) / float(minute), 1) + " m"_L1;
    return javaFixed(float(ms) / float(hour), 2) + " h"_L1;
}

QString format(const QString &metricType, std::span<const qint64> values, const MaxSource &max, qint64 zeros)
{
    zeros = std::max<qint64>(0, zeros);
    const QString source = max.fromTask
        ? u"(stage %1.%2: task %3)"_s.arg(max.stageId).arg(max.stageAttemptId).arg(max.taskId)
        : u"(driver)"_s;
    if (metricType == "sum"_L1)
        return grouped(total(values));
    if (metricType == "average"_L1) {
        std::vector<qint64> valid;
        std::copy_if(values.begin(), values.end(), std::back_inserter(valid), [](qint64 v) { return v > 0; });
        if (valid.size() <= 1)
            return tenths(valid.empty() ? 0 : valid.front());
        std::sort(valid.begin(), valid.end());
        return u"(min, med, max (stageId: taskId)):\n(%1, %2, %3 %4)"_s.arg(
            tenths(valid.front()), tenths(valid[valid.size() / 2]), tenths(valid.back()), source);
    }
    QString (*text)(qint64) = nullptr;
    if (metricType == "size"_L1)
        text = bytesToString;
    else if (metricType == "timing"_L1)
        text = msDurationToString;
    else if (metricType == "nsTiming"_L1)
        text = nsToString;
    else
        return {};
    std::vector<qint64> valid;
    std::copy_if(values.begin(), values.end(), std::back_inserter(valid), [](qint64 v) { return v >= 0; });
    std::sort(valid.begin(), valid.end());
    // The sorted values are `zeros` zeros, then `valid`.
    const qint64 count = zeros + qint64(valid.size());
    auto nth = [&](qint64 i) { return i < zeros ? qint64(0) : valid[size_t(i - zeros)]; };
    if (count <= 1)
        return text(count == 0 ? 0 : nth(0));
    const qint64 sum = total(valid);
    return u"total (min, med, max (stageId: taskId))\n%1 (%2, %3, %4 %5)"_s.arg(
        text(sum), text(nth(0)), text(nth(count / 2)), text(nth(count - 1)), source);
}

} // namespace cdeck::spark::sqlmetricvalues
