// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// clusterdeck-cli: every action of the console, for scripts and CI. Thin: the commands are in *commands.cpp.
#include "clicommands.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"ClusterDeck"_s);
    QCoreApplication::setApplicationName(u"clusterdeck-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CLUSTERDECK_VERSION));
    return cdeck::cli::run(QCoreApplication::arguments().mid(1), QCoreApplication::applicationVersion());
}
