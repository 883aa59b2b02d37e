// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"
#include "core/model/instancecatalog.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <optional>

class QWidget;

namespace cdeck {

class Connection;

// What a connection's runtime offers to launch with, kept from its last answers (absent until it answered).
struct ConnectionCatalog
{
    std::optional<QList<InstanceType>> types;
    QString defaultType;
    std::optional<QList<SampleInfo>> samples;
    std::optional<QList<EngineAvailability>> engines;

    enum class Part { Types, Samples, Engines };
};

// The console's connections: adding (a remote runtime through its dialog, an event log), forgetting (with the
// stored token and the saved remote), the catalogs their runtimes send, and starting the local runtime when
// nothing answers on its port. It owns the connections (new ones are its children); the window shows them.
class ConnectionRegistry : public QObject
{
    Q_OBJECT
public:
    // dialogParent: where the add and remove dialogs open. persistent: the remotes are saved in the settings.
    // startLocalRuntime: start clusterdeck-runtime when the local connection finds nothing listening.
    ConnectionRegistry(QWidget *dialogParent, bool persistent, bool startLocalRuntime);
    // Stops every connection's network thread: before the widgets they feed go away.
    void closeAll();

    const QList<Connection *> &all() const { return m_connections; }
    ConnectionCatalog catalog(Connection *connection) const { return m_catalogs.value(connection); }
    QString localStartNote() const { return m_localStartNote; }

    void add(Connection *connection);
    void addRemoteRuntime(); // the dialog, then the connection
    // The connection of an event log, opened once (an already open one is returned); created says which.
    Connection *openEventLog(const QString &path, bool *created);
    // Asks first (not for an event log); false when the user kept it.
    bool confirmAndRemove(Connection *connection);

Q_SIGNALS:
    void added(cdeck::Connection *connection);
    void removing(cdeck::Connection *connection); // still alive: let go of it
    void removed();
    void catalogUpdated(cdeck::Connection *connection, cdeck::ConnectionCatalog::Part part);
    void localRuntimeStarted(const QString &note);

private:
    void watchCatalog(Connection *connection);

    QWidget *m_dialogParent;
    bool m_persistent;
    bool m_startLocalRuntime;
    QList<Connection *> m_connections;
    QHash<Connection *, ConnectionCatalog> m_catalogs;
    QString m_localStartNote;
};

} // namespace cdeck
