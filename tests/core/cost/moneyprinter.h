// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/cost/money.h"

#include <QByteArray>
#include <QtGlobal>

namespace cdeck::cost {

// QCOMPARE finds this by argument-dependent lookup, so a failing comparison shows both amounts.
inline char *toString(const Money &m)
{
    const QByteArray text = QByteArray::number(m.dollars(), 'f', 12) + " $ (" + QByteArray::number(m.roundedMicroDollars())
        + " micro-dollars)";
    return qstrdup(text.constData());
}

} // namespace cdeck::cost
