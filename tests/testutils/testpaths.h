// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace cdeck::test {

// ../shared beside the clone, found at run time (CLUSTERDECK_SHARED_DIR, set by CTest).
// Fails the calling test with a clear message when it is missing: configuring and building never need it.
QString sharedDir();
QString fixturesDir(); // sharedDir() + "/fixtures"
QString resourcesDir(); // the source tree's resources/
QString binDir(); // where the built executables live

} // namespace cdeck::test
