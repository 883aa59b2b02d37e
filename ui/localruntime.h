// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace cdeck {

// Starts clusterdeck-runtime (found next to the console's own binary) detached, so it and its clusters keep
// running after the console closes. Only for the local runtime, only when nothing answers on its port.
class LocalRuntime
{
public:
    static QString binaryPath(); // <dir of clusterdeck>/clusterdeck-runtime
    // Returns the started process's pid, or 0 with *error.
    static qint64 startDetached(QString *error);
};

} // namespace cdeck
