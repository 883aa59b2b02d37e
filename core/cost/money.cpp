// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "money.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck::cost {

Int128 divideRounded(Int128 numerator, Int128 denominator)
{
    if (denominator == 0)
        return 0;
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const Int128 half = denominator / 2;
    return numerator >= 0 ? (numerator + half) / denominator : -((-numerator + half) / denominator);
}

Money Money::fromDollars(double dollars)
{
    if (!std::isfinite(dollars))
        return {};
    return fromMicroDollars(std::llround(dollars * 1e6));
}

double Money::dollars() const
{
    // Whole dollars and the remainder separately: each converts exactly enough that the sum is the
    // nearest double for any realistic amount.
    const Int128 whole = m_units / kUnitsPerDollar;
    const Int128 rest = m_units % kUnitsPerDollar;
    return double(static_cast<long double>(whole) + static_cast<long double>(rest) / kUnitsPerDollar);
}

qint64 Money::roundedCents() const
{
    return qint64(divideRounded(m_units, kUnitsPerDollar / 100));
}

qint64 Money::roundedMicroDollars() const
{
    return qint64(divideRounded(m_units, kUnitsPerMicroDollar));
}

QString Money::toDisplayString() const
{
    const qint64 cents = roundedCents();
    const qint64 magnitude = cents < 0 ? -cents : cents;
    return (cents < 0 ? u"-"_s : QString()) + QString::number(magnitude / 100) + u'.'
        + QString::number(magnitude % 100).rightJustified(2, u'0');
}

} // namespace cdeck::cost
