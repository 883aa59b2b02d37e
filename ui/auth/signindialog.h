// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cdeck {

// Asks for the user's token for one runtime, saying why (the runtime refused the token in use, or the user asked
// to sign in as someone else) and where the token will be kept. Opened window-modal: the console behind it keeps
// what it shows.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(const QString &runtimeName, const QString &runtimeUrl, QWidget *parent = nullptr);

    void setMessage(const QString &message); // why it asks; "" hides the line
    QString message() const;
    QByteArray token() const;
    void setToken(const QString &token); // tests

private:
    QLabel *m_message;
    QLineEdit *m_token;
    QPushButton *m_signIn;
};

} // namespace cdeck
