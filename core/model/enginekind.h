// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace cdeck {

// The engine a managed cluster runs (the runtime launches and owns its processes). Not to be confused
// with the console's kind of connection (a runtime, or a Spark or YARN endpoint it only watches).
// Serialized as "engine": "dask" | "spark" in specs and in every cluster of the API's answers.
enum class EngineKind { Dask, Spark };

inline QString toString(EngineKind kind)
{
    return kind == EngineKind::Spark ? QStringLiteral("spark") : QStringLiteral("dask");
}

inline std::optional<EngineKind> engineKindFromString(const QString &text)
{
    if (text == QLatin1StringView("dask"))
        return EngineKind::Dask;
    if (text == QLatin1StringView("spark"))
        return EngineKind::Spark;
    return std::nullopt;
}

} // namespace cdeck
