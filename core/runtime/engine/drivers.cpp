// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "drivers.h"

#include "core/runtime/engine/daskdriver.h"
#include "core/runtime/engine/sparkdriver.h"
#include "core/runtime/engine/sparkinstall.h"

using namespace Qt::StringLiterals;

namespace cdeck::engine {

QString missingForEngine(EngineKind kind, const RuntimeConfig &config)
{
    switch (kind) {
    case EngineKind::Dask:
        return DaskDriver::missing(config);
    case EngineKind::Spark:
        return spark::findSpark().error;
    }
    return u"unknown engine"_s;
}

std::unique_ptr<EngineDriver> createDriver(EngineKind kind, const DriverContext &context)
{
    switch (kind) {
    case EngineKind::Dask:
        return std::make_unique<DaskDriver>(context);
    case EngineKind::Spark:
        return std::make_unique<SparkDriver>(context);
    }
    return nullptr;
}

} // namespace cdeck::engine
