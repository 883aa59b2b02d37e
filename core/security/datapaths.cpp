// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "datapaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace cdeck::paths {

QString defaultDataDir()
{
    const QString xdg = QString::fromLocal8Bit(qgetenv("XDG_DATA_HOME"));
    const QString base = xdg.isEmpty() ? QDir::homePath() + u"/.local/share"_s : xdg;
    return base + u"/clusterdeck"_s;
}

QString tokenPath(const QString &dataDir)
{
    return dataDir + u"/token"_s;
}

QString defaultRuntimeUrl()
{
    return u"http://127.0.0.1:%1"_s.arg(kDefaultRuntimePort);
}

QString resourcesDir(const QString &commandLineOverride)
{
    if (!commandLineOverride.isEmpty())
        return QDir(commandLineOverride).absolutePath();
    const QString env = QString::fromLocal8Bit(qgetenv("CLUSTERDECK_RESOURCES"));
    if (!env.isEmpty())
        return QDir(env).absolutePath();
#ifdef CLUSTERDECK_SOURCE_RESOURCES
    const QString source = QStringLiteral(CLUSTERDECK_SOURCE_RESOURCES);
    if (QFileInfo(source + u"/instance-types/local.json"_s).exists())
        return source;
#endif
    return QDir(QCoreApplication::applicationDirPath() + u"/../share/clusterdeck/resources"_s).absolutePath();
}

} // namespace cdeck::paths
