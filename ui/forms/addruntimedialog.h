// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/connectionkind.h"

#include <QDialog>
#include <QUrl>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace cdeck {

// Adds a server to watch: a remote clusterdeck-runtime (URL and token), a Spark UI or History Server, or a
// YARN ResourceManager (URL, and a user name for kills on simple-auth clusters). The token is written to a
// 0600 file by the caller (ConsoleSettings::storeRemoteToken), never to QSettings.
class AddRuntimeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddRuntimeDialog(QWidget *parent = nullptr);

    ConnectionKind kind() const; // Runtime, Spark or Yarn
    void setKind(ConnectionKind kind);
    QString name() const;
    QUrl url() const;
    QByteArray token() const;
    QString user() const;
    // Why the input cannot be accepted, one translated line; empty when it can.
    QString problem() const;

private:
    void check();
    void updateKindRows();

    QComboBox *m_kind;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QLineEdit *m_user;
    QFormLayout *m_form;
    QLabel *m_note;
    QLabel *m_error;
};

} // namespace cdeck
