// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class QWidget;

namespace cdeck {

class Connection;
class SignInDialog;
class TokenVault;

// Signing in to the window's runtimes: a token kept in the TokenVault is used as soon as its connection is added;
// a remote runtime that refuses the token in use (401) opens the sign-in dialog saying so, and the user may switch
// user or sign out at any time. A token given in the dialog is tried first and kept only once the runtime accepted
// it (GET /whoami answered); a refused one brings the previous token back and the dialog again, saying why. The
// local runtime's own token file keeps working without asking. Nothing on screen is dropped meanwhile.
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    SignInFlow(QWidget *dialogParent, QObject *parent = nullptr);

    void watch(Connection *connection);
    void forget(Connection *connection);

    void signIn(Connection *connection, const QString &why = {}); // opens the dialog
    void signOut(Connection *connection);
    SignInDialog *dialog() const; // open now, if any
    bool signedIn(Connection *connection) const { return !m_inUse.value(connection).isEmpty(); } // not the file's
    TokenVault *vault() const { return m_vault; }

Q_SIGNALS:
    void message(const QString &text); // what happened, for the status bar

private:
    void onIdentity(Connection *connection);
    void tryToken(Connection *connection, const QByteArray &token);

    struct Attempt
    {
        QByteArray token;
        QByteArray previous; // in use before (empty: the connection's token file)
    };
    QWidget *m_dialogParent;
    TokenVault *m_vault;
    QHash<Connection *, QByteArray> m_inUse; // a signed-in token (empty or absent: the connection's token file)
    QHash<Connection *, Attempt> m_attempts; // given in the dialog, not yet answered
    QPointer<SignInDialog> m_dialog;
    QPointer<Connection> m_dialogFor;
};

} // namespace cdeck
