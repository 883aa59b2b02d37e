// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;

namespace cdeck {

// Adds a remote clusterdeck-runtime by URL and token. The token is written to a 0600 file by the caller
// (ConsoleSettings::storeRemoteToken), never to QSettings.
class AddRuntimeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddRuntimeDialog(QWidget *parent = nullptr);

    QString name() const;
    QUrl url() const;
    QByteArray token() const;

private:
    void check();

    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QLabel *m_error;
};

} // namespace cdeck
