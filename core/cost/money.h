// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QtGlobal>

#include <compare>

namespace cdeck::cost {

// 128 bits: a year of a thousand $10/h instances is ~1e23 units, far past qint64. __extension__ keeps
// -Wpedantic quiet about the GCC/Clang builtin.
__extension__ typedef __int128 Int128;

// An exact amount of money. One unit is what a rate of one micro-dollar per hour costs in one
// millisecond (1/3.6e12 of a dollar), so every price with at most six decimals times every lifetime in
// milliseconds is a whole number of units: sums never drift and the same history gives the same cents.
class Money
{
public:
    static constexpr qint64 kUnitsPerDollar = 3'600'000'000'000;
    static constexpr qint64 kUnitsPerMicroDollar = 3'600'000;

    constexpr Money() = default;
    static constexpr Money fromUnits(Int128 units)
    {
        Money m;
        m.m_units = units;
        return m;
    }
    static constexpr Money fromMicroDollars(qint64 micros) { return fromUnits(Int128(micros) * kUnitsPerMicroDollar); }
    // What a rate costs over a span: exact.
    static constexpr Money forRate(qint64 microDollarsPerHour, qint64 milliseconds)
    {
        return fromUnits(Int128(microDollarsPerHour) * milliseconds);
    }
    // For user input (budgets): rounded to the micro-dollar.
    static Money fromDollars(double dollars);

    constexpr Int128 units() const { return m_units; }
    // The nearest double, for JSON and charts; never summed again.
    double dollars() const;
    // Rounded half away from zero, for display only.
    qint64 roundedCents() const;
    qint64 roundedMicroDollars() const;
    // "12.35" (two decimals, rounded half away from zero; "-0.50" for negatives).
    QString toDisplayString() const;

    constexpr bool isZero() const { return m_units == 0; }
    constexpr Money &operator+=(Money o)
    {
        m_units += o.m_units;
        return *this;
    }
    constexpr Money &operator-=(Money o)
    {
        m_units -= o.m_units;
        return *this;
    }
    friend constexpr Money operator+(Money a, Money b) { return a += b; }
    friend constexpr Money operator-(Money a, Money b) { return a -= b; }
    friend constexpr bool operator==(Money a, Money b) { return a.m_units == b.m_units; }
    friend constexpr std::strong_ordering operator<=>(Money a, Money b) { return a.m_units <=> b.m_units; }

private:
    Int128 m_units = 0;
};

// Integer division rounded half away from zero (the rule for every rounding in cost/).
Int128 divideRounded(Int128 numerator, Int128 denominator);

} // namespace cdeck::cost
