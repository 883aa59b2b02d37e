// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "localruntime.h"

#include "core/security/datapaths.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace cdeck {

QString LocalRuntime::binaryPath()
{
    return QCoreApplication::applicationDirPath() + u"/clusterdeck-runtime"_s;
}

qint64 LocalRuntime::startDetached(QString *error)
{
    const QString bin = binaryPath();
    if (!QFileInfo(bin).isExecutable()) {
        *error = QCoreApplication::translate("cdeck::LocalRuntime", "%1 not found: install clusterdeck-runtime next "
                                                                     "to clusterdeck, or start one and pass --runtime.")
                     .arg(bin);
        return 0;
    }
    QProcess process;
    process.setProgram(bin);
    process.setArguments({u"--listen"_s, u"127.0.0.1:%1"_s.arg(paths::kDefaultRuntimePort)});
    // It logs to DATA/runtime.log; the console's terminal is not its place (it outlives the console).
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        *error = QCoreApplication::translate("cdeck::LocalRuntime", "Cannot start %1.").arg(bin);
        return 0;
    }
    return pid;
}

} // namespace cdeck
