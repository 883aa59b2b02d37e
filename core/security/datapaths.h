// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace cdeck::paths {

// $XDG_DATA_HOME/clusterdeck, else ~/.local/share/clusterdeck: the same for the runtime, CLI and console.
QString defaultDataDir();
QString tokenPath(const QString &dataDir); // DATA/token
constexpr quint16 kDefaultRuntimePort = 7650;
QString defaultRuntimeUrl(); // http://127.0.0.1:7650

// resources/: --resources DIR, else $CLUSTERDECK_RESOURCES, else the source tree's (compiled in) when
// running from the build tree, else ../share/clusterdeck/resources next to the binary.
QString resourcesDir(const QString &commandLineOverride = {});

} // namespace cdeck::paths
