// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/enginekind.h"
#include "core/runtime/engine/enginedriver.h"

#include <memory>

namespace cdeck {
struct RuntimeConfig;
}

namespace cdeck::engine {

// The one place that knows which driver runs which engine.
// What this runtime lacks to run `kind` ("" when it can): the launch's 400 names it, e.g. "Spark is not
// installed: run scripts/install-deps.sh (Java 17 and pyspark 4.0)".
QString missingForEngine(EngineKind kind, const RuntimeConfig &config);
// A driver for `kind`; null when this build has none (missingForEngine() says so first).
std::unique_ptr<EngineDriver> createDriver(EngineKind kind, const DriverContext &context);

} // namespace cdeck::engine
