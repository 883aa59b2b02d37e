// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <spdlog/spdlog.h>

#include <memory>

namespace cdeck {

// The operations log (what happened to clusters, for operators), or the default log where the runtime set none up
// (tests, tools). One definition for the controller and its parts.
inline std::shared_ptr<spdlog::logger> opsLog()
{
    auto logger = spdlog::get("ops");
    return logger ? logger : spdlog::default_logger();
}

} // namespace cdeck
