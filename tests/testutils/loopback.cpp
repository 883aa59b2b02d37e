// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "loopback.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace cdeck::test {

int freeLoopbackPort()
{
    QTcpServer s;
    return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}

QList<qint64> processesUnder(const QString &dir)
{
    QList<qint64> pids;
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.front().isDigit())
            continue;
        QFile stat(u"/proc/"_s + pid + u"/stat"_s);
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray line = stat.readAll();
            const int close = line.lastIndexOf(')');
            if (close > 0 && line.size() > close + 2 && line[close + 2] == 'Z')
                continue;
        }
        if (QFileInfo(u"/proc/"_s + pid + u"/cwd"_s).symLinkTarget().startsWith(dir))
            pids.append(pid.toLongLong());
    }
    return pids;
}

} // namespace cdeck::test
