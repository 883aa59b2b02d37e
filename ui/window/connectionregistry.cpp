// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "connectionregistry.h"

#include "ui/backend/connection.h"
#include "ui/consolesettings.h"
#include "ui/forms/addruntimedialog.h"
#include "ui/localruntime.h"

#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QWidget>

namespace cdeck {

ConnectionRegistry::ConnectionRegistry(QWidget *dialogParent, bool persistent, bool startLocalRuntime)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_persistent(persistent)
    , m_startLocalRuntime(startLocalRuntime)
{
}

void ConnectionRegistry::closeAll()
{
    // Connections stop their network threads in their destructors.
    qDeleteAll(m_connections);
    m_connections.clear();
    m_catalogs.clear();
}

void ConnectionRegistry::add(Connection *connection)
{
    m_connections.append(connection);
    watchCatalog(connection);
    Q_EMIT added(connection);
    connection->fetchCatalog();
}

void ConnectionRegistry::watchCatalog(Connection *connection)
{
    const ClusterFeed *feed = connection->feed();
    connect(feed, &ClusterFeed::instanceTypesReady, this,
            [this, connection](const QList<InstanceType> &types, const QString &defaultType) {
                ConnectionCatalog &c = m_catalogs[connection];
                c.types = types;
                c.defaultType = defaultType;
                Q_EMIT catalogUpdated(connection, ConnectionCatalog::Part::Types);
            });
    connect(feed, &ClusterFeed::enginesReady, this, [this, connection](const QList<EngineAvailability> &engines) {
        m_catalogs[connection].engines = engines;
        Q_EMIT catalogUpdated(connection, ConnectionCatalog::Part::Engines);
    });
    connect(feed, &ClusterFeed::samplesReady, this, [this, connection](const QList<SampleInfo> &samples) {
        m_catalogs[connection].samples = samples;
        Q_EMIT catalogUpdated(connection, ConnectionCatalog::Part::Samples);
    });
    connect(feed, &ClusterFeed::nothingListening, this, [this, connection] {
        if (!connection->isLocal() || !m_startLocalRuntime)
            return;
        QString error;
        const qint64 pid = LocalRuntime::startDetached(&error);
        m_localStartNote = pid > 0 ? tr("Nothing answered on %1, so the console started clusterdeck-runtime (pid %2). "
                                        "It keeps running, with its clusters, after the console closes.")
                                         .arg(connection->url().authority())
                                         .arg(pid)
                                   : error;
        Q_EMIT localRuntimeStarted(m_localStartNote);
    });
}

bool ConnectionRegistry::confirmAndRemove(Connection *connection)
{
    const bool log = connection->kind() == ConnectionKind::EventLog;
    if (!log
        && QMessageBox::question(m_dialogParent, tr("Remove runtime"),
                                 tr("Forget %1 (%2) and its stored token? Its clusters keep running.")
                                     .arg(connection->name(), connection->url().toString()))
            != QMessageBox::Yes)
        return false;
    Q_EMIT removing(connection);
    QList<RemoteRuntime> remotes = ConsoleSettings().remotes();
    remotes.removeIf([connection](const RemoteRuntime &r) {
        if (r.url != connection->url())
            return false;
        if (!r.tokenFile.isEmpty())
            QFile::remove(r.tokenFile);
        return true;
    });
    if (m_persistent && !log)
        ConsoleSettings().setRemotes(remotes);
    m_connections.removeOne(connection);
    m_catalogs.remove(connection);
    delete connection;
    Q_EMIT removed();
    return true;
}

Connection *ConnectionRegistry::openEventLog(const QString &path, bool *created)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (Connection *c : std::as_const(m_connections))
        if (c->kind() == ConnectionKind::EventLog && c->url() == QUrl::fromLocalFile(absolute)) {
            *created = false;
            return c;
        }
    *created = true;
    auto *connection
        = new Connection(QFileInfo(path).fileName(), QUrl::fromLocalFile(absolute), {}, ConnectionKind::EventLog, this);
    add(connection);
    return connection;
}

void ConnectionRegistry::addRemoteRuntime()
{
    auto *dialog = new AddRuntimeDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionKind kind = dialog->kind();
        QString tokenFile; // Spark and YARN servers take no token
        if (kind == ConnectionKind::Runtime) {
            QString error;
            tokenFile = ConsoleSettings::storeRemoteToken(dialog->url(), dialog->token(), &error);
            if (tokenFile.isEmpty()) {
                QMessageBox::warning(m_dialogParent, tr("Add remote runtime"), error);
                return;
            }
        }
        if (m_persistent) {
            QList<RemoteRuntime> remotes = ConsoleSettings().remotes();
            remotes.append({dialog->name(), dialog->url(), tokenFile, kind, dialog->user()});
            ConsoleSettings().setRemotes(remotes);
        }
        add(new Connection(dialog->name(), dialog->url(), tokenFile, kind, this, dialog->user()));
    });
    dialog->open();
}

} // namespace cdeck
