// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "loopback.h"

#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace cdeck::test {

int freeLoopbackPort()
{
    QTcpServer s;
    return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}

namespace {

// The live (non-zombie) processes for which keep(pid) holds.
template <typename Keep> QList<qint64> liveProcesses(Keep keep)
{
    QList<qint64> pids;
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.front().isDigit())
            continue;
        QFile stat(u"/proc/"_s + pid + u"/stat"_s);
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray line = stat.readAll();
            const auto close = line.lastIndexOf(')');
            if (close > 0 && line.size() > close + 2 && line[close + 2] == 'Z')
                continue;
        }
        if (keep(pid))
            pids.append(pid.toLongLong());
    }
    return pids;
}

} // namespace

QList<qint64> processesUnder(const QString &dir)
{
    return liveProcesses(
        [&](const QString &pid) { return QFileInfo(u"/proc/"_s + pid + u"/cwd"_s).symLinkTarget().startsWith(dir); });
}

QList<qint64> processesOfCluster(const QString &clusterId)
{
    const QByteArray entry = "CLUSTERDECK_CLUSTER_ID=" + clusterId.toUtf8();
    return liveProcesses([&](const QString &pid) {
        QFile environ(u"/proc/"_s + pid + u"/environ"_s);
        return environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(entry);
    });
}

int runCliJson(const QString &runtimeUrl, const QString &tokenFile, const QStringList &args, QJsonValue *json,
               int timeoutMs)
{
    QProcess p;
    p.start(binDir() + u"/clusterdeck-cli"_s,
            QStringList{u"--runtime"_s, runtimeUrl, u"--token-file"_s, tokenFile, u"--json"_s} + args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        qWarning() << "cli timed out:" << args;
        return -1;
    }
    const QByteArray out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    if (!err.isEmpty())
        qInfo().noquote() << "cli stderr:" << err;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &parseError);
    if (json)
        *json = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    if (parseError.error != QJsonParseError::NoError && !out.isEmpty())
        qWarning() << "stdout is not one JSON document:" << out.left(300);
    return p.exitCode();
}

} // namespace cdeck::test
