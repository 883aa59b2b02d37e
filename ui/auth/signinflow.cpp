// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "signinflow.h"

#include "signindialog.h"
#include "tokenvault.h"
#include "ui/backend/connection.h"

#include <QWidget>

using namespace Qt::StringLiterals;

namespace cdeck {

SignInFlow::SignInFlow(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
    , m_vault(new TokenVault(this))
{
}

SignInDialog *SignInFlow::dialog() const
{
    return m_dialog;
}

void SignInFlow::watch(Connection *connection)
{
    if (!connection->hasUsers())
        return;
    connect(connection, &Connection::identityChanged, this, [this, connection] { onIdentity(connection); });
    // A token kept from an earlier sign-in is used at once; without one the connection's token file is.
    m_vault->load(connection->url(), [this, c = QPointer(connection)](const QByteArray &token, TokenVault::Where) {
        if (!c || token.isEmpty() || m_attempts.contains(c))
            return;
        m_inUse.insert(c, token);
        c->useToken(token);
    });
}

void SignInFlow::forget(Connection *connection)
{
    m_inUse.remove(connection);
    m_attempts.remove(connection);
    if (m_dialogFor == connection && m_dialog)
        m_dialog->reject();
}

void SignInFlow::onIdentity(Connection *c)
{
    const bool accepted = !c->user().isEmpty();
    if (m_attempts.contains(c)) {
        const Attempt attempt = m_attempts.take(c);
        if (accepted) {
            m_inUse.insert(c, attempt.token);
            m_vault->store(c->url(), attempt.token,
                           [this, c = QPointer(c), user = c->user(), role = c->role()](const TokenVault::Stored &s) {
                               if (!c)
                                   return;
                               const QString who = tr("Signed in to %1 as %2 (%3).")
                                                       .arg(c->name(), user, role ? api::toString(*role) : QString());
                               Q_EMIT message(!s.ok ? tr("%1 The token could not be kept: %2").arg(who, s.detail)
                                                  : s.where == TokenVault::Where::Keychain
                                                  ? tr("%1 The token is kept in the system keychain.").arg(who)
                                                  : tr("%1 The token is kept in %2.").arg(who, s.detail));
                           });
            return;
        }
        // Refused: the token in use before comes back, and the dialog says why.
        c->useToken(attempt.previous);
        signIn(c,
               tr("The runtime refused that token (%1). Check it and try again; until then the console uses the "
                  "token it had before.")
                   .arg(c->stateMessage()));
        return;
    }
    // A remote runtime stopped accepting the token in use (revoked, rotated, another runtime): ask, once.
    if (!accepted && c->state() == ConnectionState::Unauthorized && !c->isLocal()
        && !(m_dialog && m_dialog->isVisible()))
        signIn(c,
               tr("The runtime at %1 refused the token in use (%2). Sign in again: what is on screen stays as it "
                  "is.")
                   .arg(c->url().toString(), c->stateMessage()));
}

void SignInFlow::signIn(Connection *connection, const QString &why)
{
    if (!connection || !connection->hasUsers())
        return;
    if (m_dialog && m_dialog->isVisible()) { // one at a time: it says the latest reason
        m_dialog->setMessage(why);
        m_dialog->raise();
        return;
    }
    m_dialog = new SignInDialog(connection->name(), connection->url().toString(), m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setMessage(why);
    m_dialogFor = connection;
    connect(m_dialog, &QDialog::accepted, this, [this, dialog = m_dialog, c = QPointer(connection)] {
        if (c)
            tryToken(c, dialog->token());
    });
    m_dialog->open();
}

void SignInFlow::tryToken(Connection *connection, const QByteArray &token)
{
    m_attempts.insert(connection, Attempt{token, m_inUse.value(connection)});
    Q_EMIT message(tr("Signing in to %1…").arg(connection->name()));
    connection->useToken(token);
}

void SignInFlow::signOut(Connection *connection)
{
    if (!connection || !connection->hasUsers())
        return;
    m_inUse.remove(connection);
    m_attempts.remove(connection);
    m_vault->forget(connection->url(), [this, c = QPointer(connection)] {
        if (!c)
            return;
        c->useToken({});
        Q_EMIT message(c->isLocal()
                           ? tr("Signed out of %1: the console uses the runtime's own token file again.").arg(c->name())
                           : tr("Signed out of %1; the token is forgotten.").arg(c->name()));
    });
}

} // namespace cdeck
