// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "connectionstatus.h"

#include "ui/backend/connection.h"
#include "ui/models/clusterlistmodel.h"
#include "ui/presentation.h"
#include "ui/sidebar.h"

#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace cdeck {

ConnectionStatus::ConnectionStatus(QMainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_banner(new QLabel(window))
    , m_line(new QLabel(window))
    , m_identity(new QLabel(window))
{
    m_banner->setObjectName(u"unreachableBanner"_s);
    m_banner->setWordWrap(true);
    applyColours();
    m_banner->hide();
    window->statusBar()->addPermanentWidget(m_line, 1);
    m_identity->setObjectName(u"signedInLabel"_s);
    m_identity->setTextFormat(Qt::PlainText);
    m_identity->hide();
    window->statusBar()->addPermanentWidget(m_identity);
}

void ConnectionStatus::applyColours()
{
    const QPalette pal = m_window->palette();
    presentation::restyle(m_banner,
                          u"QLabel { background: %1; color: %2; border: 1px solid %3;"
                          " border-radius: 4px; padding: 8px; font-weight: bold; }"_s.arg(
                              presentation::cssColor(presentation::tone(presentation::Tone::DangerSurface, pal)),
                              presentation::cssColor(presentation::tone(presentation::Tone::Danger, pal)),
                              presentation::cssColor(presentation::tone(presentation::Tone::DangerBorder, pal))));
}

void ConnectionStatus::showMessage(const QString &message, int timeoutMs)
{
    m_window->statusBar()->showMessage(message, timeoutMs);
}

void ConnectionStatus::showNoConnection()
{
    m_banner->hide();
    m_identity->hide();
    m_line->setText(tr("No runtime configured."));
}

void ConnectionStatus::show(Connection *c, const QString &localStartNote)
{
    updateBanner(c, localStartNote);
    updateLine(c);
    updateIdentity(c);
}

void ConnectionStatus::updateIdentity(Connection *c)
{
    // Who the runtime says the token is: what the console lets this user do follows from the role.
    if (!c->hasUsers() || c->state() == ConnectionState::Unreachable) {
        m_identity->hide();
        return;
    }
    const QString text = c->role() ? tr("Signed in as %1 (%2)").arg(c->user(), api::toString(*c->role()))
        : c->state() == ConnectionState::Unauthorized ? tr("Not signed in: token refused")
                                                      : QString();
    m_identity->setText(text);
    m_identity->setAccessibleName(text);
    m_identity->setVisible(!text.isEmpty());
}

void ConnectionStatus::updateBanner(Connection *c, const QString &localStartNote)
{
    // The banner speaks for the connection of the page on screen.
    QString banner;
    const QString server = c->capabilities().serverName;
    if (c->state() == ConnectionState::Unreachable) {
        const QString since = presentation::formatTime(c->unreachableSince());
        const QString retrySeconds = QString::number(ClusterFeed::kUnreachablePollMs / 1000);
        banner = c->hasClusterList()
            ? tr("⚠ %1 at %2 is not answering (%3) since %4. Showing the last data, received at %5, greyed as stale. "
                 "Retrying every %6 s.")
                  .arg(server, c->url().toString(), c->stateMessage(), since,
                       presentation::formatTime(c->lastAnswerAt()), retrySeconds)
            : tr("⚠ %1 at %2 is not answering (%3) since %4. Retrying every %5 s.")
                  .arg(server, c->url().toString(), c->stateMessage(), since, retrySeconds);
        if (!localStartNote.isEmpty() && c->isLocal())
            banner += u' ' + localStartNote;
    } else if (c->state() == ConnectionState::Unauthorized) {
        banner = tr("⚠ The runtime at %1 refuses the token in %2: %3")
                     .arg(c->url().toString(), c->tokenFile(), c->stateMessage());
    } else if (c->capabilities().problemsAreFinal) {
        // A log is read once: what it lacked (unfinished, cut off, unreadable) is said as the reader found it.
        banner = c->answerProblem().isEmpty() ? QString() : tr("⚠ %1").arg(c->answerProblem());
    } else if (!c->answerProblem().isEmpty()) {
        // It answers, but not usably: say what and keep the last good data on screen.
        banner = tr("⚠ %1 at %2 answered, but the answer could not be used:\n%3\nShowing the last good data; "
                    "retrying every %4 s.")
                     .arg(server, c->url().toString(), c->answerProblem())
                     .arg(ClusterFeed::kPollMs / 1000);
    }
    m_banner->setText(banner);
    m_banner->setVisible(!banner.isEmpty());
}

void ConnectionStatus::updateLine(Connection *c)
{
    int live = 0;
    for (const ClusterInfo &info : c->clusters()->rows())
        live += isTerminal(info.state) ? 0 : 1;
    QString status
        = tr("%1 %2 (%3): ")
              .arg(Sidebar::stateDot(c->state()), c->name().toHtmlEscaped(), c->url().toString().toHtmlEscaped());
    switch (c->state()) {
    case ConnectionState::Connecting:
        status += tr("connecting…");
        break;
    case ConnectionState::Connected:
        status += tr("connected · %n cluster(s), %1 live · updated %2", nullptr, int(c->clusters()->rowCount()))
                      .arg(live)
                      .arg(c->lastAnswerAt().toString(u"HH:mm:ss"_s));
        break;
    case ConnectionState::Unreachable:
        status += tr("unreachable for %1")
                      .arg(presentation::formatDuration(c->unreachableSince().msecsTo(QDateTime::currentDateTime())
                                                        / 1000.0));
        break;
    case ConnectionState::Unauthorized:
        status += tr("token refused");
        break;
    }
    m_line->setText(status);
}

} // namespace cdeck
