// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

namespace cdeck {
class MainWindow;
}

namespace cdeck::test {

// The console on the fixture event log local-1642039451826 (stages with parents, skipped stages), shown at
// 1440x900 with its application selected: the pages the theme and accessibility tests walk. Null when the
// window was not exposed or the application not selected within 20 s.
std::unique_ptr<MainWindow> openEventLogWindow();

} // namespace cdeck::test
