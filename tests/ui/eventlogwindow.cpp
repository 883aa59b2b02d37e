// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "eventlogwindow.h"

#include "testpaths.h"
#include "ui/mainwindow.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace cdeck::test {

std::unique_ptr<MainWindow> openEventLogWindow()
{
    ConsoleOptions options;
    options.eventLogs = {fixturesDir() + u"/spark/event-logs/local-1642039451826"_s};
    options.startLocalRuntime = false;
    options.persistent = false;
    auto window = std::make_unique<MainWindow>(options);
    window->resize(1440, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    MainWindow *w = window.get();
    if (!QTest::qWaitFor([w] { return !w->currentClusterId().isEmpty(); }, 20000))
        return nullptr;
    return window;
}

} // namespace cdeck::test
