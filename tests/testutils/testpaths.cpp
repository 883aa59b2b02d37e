// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "testpaths.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

namespace cdeck::test {

static QString fromEnv(const char *name)
{
    return QString::fromLocal8Bit(qgetenv(name));
}

QString sharedDir()
{
    const QString dir = fromEnv("CLUSTERDECK_SHARED_DIR");
    if (dir.isEmpty() || !QFileInfo(dir + QStringLiteral("/fixtures")).isDir()) {
        QTest::qFail(qPrintable(QStringLiteral("../shared is missing (looked in '%1'): these tests read the recorded "
                                               "fixtures in place; check out shared/ beside the repository or set "
                                               "CLUSTERDECK_SHARED_DIR")
                                    .arg(dir)),
                     __FILE__, __LINE__);
        return {};
    }
    return QDir(dir).canonicalPath();
}

QString fixturesDir()
{
    const QString shared = sharedDir();
    return shared.isEmpty() ? QString() : shared + QStringLiteral("/fixtures");
}

QString resourcesDir()
{
    return fromEnv("CLUSTERDECK_RESOURCES");
}

QString binDir()
{
    return fromEnv("CLUSTERDECK_BIN_DIR");
}

} // namespace cdeck::test
