// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "connectionkind.h"

using namespace Qt::StringLiterals;

namespace cdeck {

QString connectionKindName(ConnectionKind kind)
{
    switch (kind) {
    case ConnectionKind::Runtime:
        return u"runtime"_s;
    case ConnectionKind::Spark:
        return u"spark"_s;
    case ConnectionKind::Yarn:
        return u"yarn"_s;
    case ConnectionKind::EventLog:
        return u"eventlog"_s;
    }
    return u"runtime"_s;
}

std::optional<ConnectionKind> connectionKindFromName(QStringView name)
{
    for (ConnectionKind kind : {ConnectionKind::Runtime, ConnectionKind::Spark, ConnectionKind::Yarn, ConnectionKind::EventLog})
        if (name == connectionKindName(kind))
            return kind;
    return std::nullopt;
}

} // namespace cdeck
