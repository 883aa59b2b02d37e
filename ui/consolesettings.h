// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/connectionkind.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace cdeck {

// A remote runtime the user added: its token lives in a 0600 file under the data dir, never in QSettings.
// Spark and YARN servers are added the same way, without a token.
struct RemoteRuntime
{
    QString name;
    QUrl url;
    QString tokenFile;
    ConnectionKind kind = ConnectionKind::Runtime; // Runtime, Spark or Yarn (event logs are not kept)
    QString user; // YARN simple auth (user.name), empty otherwise
};

// Typed access to the console's QSettings. A plain class rather than a QObject with change signals: the
// window is the only reader and writer so far. kVersion guards saved window state across layout changes.
class ConsoleSettings
{
public:
    static constexpr int kVersion = 1;

    QByteArray geometry() const;
    QByteArray splitterState() const;
    void saveWindow(const QByteArray &geometry, const QByteArray &splitterState);

    // The last selection: which connection (by URL) and which cluster (by id), and the tab.
    QString lastConnection() const;
    QString lastCluster() const;
    int lastTab() const;
    void saveSelection(const QString &connectionUrl, const QString &clusterId, int tab);

    // The theme: "system" (default), "light" or "dark" (theme::name).
    QString theme() const;
    void setTheme(const QString &theme);

    QList<RemoteRuntime> remotes() const;
    void setRemotes(const QList<RemoteRuntime> &remotes);

    // Writes the token to DATA/console/remotes/<host_port>.token with mode 0600 (directory 0700).
    // Returns the file's path, or empty with *error.
    static QString storeRemoteToken(const QUrl &url, const QByteArray &token, QString *error);
    static QString remoteTokenPath(const QUrl &url); // where storeRemoteToken writes url's token
};

} // namespace cdeck
