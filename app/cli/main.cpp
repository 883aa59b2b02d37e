// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// clusterdeck-cli: every action of the console, for scripts and CI. Thin: the commands are in clicommands.cpp.
#include "clicommands.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"ClusterDeck"_s);
    QCoreApplication::setApplicationName(u"clusterdeck-cli"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
    return cdeck::cli::run(QCoreApplication::arguments().mid(1));
}
