// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "drivers.h"

#include "core/runtime/engine/daskdriver.h"

using namespace Qt::StringLiterals;

namespace cdeck::engine {

QString missingForEngine(EngineKind kind, const RuntimeConfig &config)
{
    switch (kind) {
    case EngineKind::Dask:
        return DaskDriver::missing(config);
    case EngineKind::Spark:
        return u"This runtime has no Spark driver yet: install Java 17 and pyspark 4.0 (scripts/install-deps.sh) "
               "and run a runtime built with Spark support"_s;
    }
    return u"unknown engine"_s;
}

std::unique_ptr<EngineDriver> createDriver(EngineKind kind, const DriverContext &context)
{
    switch (kind) {
    case EngineKind::Dask:
        return std::make_unique<DaskDriver>(context);
    case EngineKind::Spark:
        return nullptr;
    }
    return nullptr;
}

} // namespace cdeck::engine
