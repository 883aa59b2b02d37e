// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace cdeck::test {

// A loopback port free right now (the kernel's pick), for a runtime under test.
int freeLoopbackPort();
// Every live (non-zombie) process whose working directory lies under dir: the runtime's engine
// processes run inside their cluster's folder, so this finds any left behind.
QList<qint64> processesUnder(const QString &dir);

} // namespace cdeck::test
