// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

namespace cdeck {

// Help > About ClusterDeck: the console's version (CMake's project version, as the other programs'), the Qt it
// was built with and runs on, the system, and where the documentation is.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QString versionText(); // the lines shown, as plain text (also for a bug report)
    static QUrl documentationUrl();
};

} // namespace cdeck
