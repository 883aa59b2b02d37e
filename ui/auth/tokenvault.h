// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QUrl>

#include <functional>

namespace cdeck {

// Where the console keeps a user's token for a runtime: the OS keychain through QtKeychain (Secret Service or
// KWallet, the macOS Keychain, the Windows Credential Store) when one answers, else a file only the user can read
// (0600, written by ConsoleSettings::storeRemoteToken), as on a machine without a keychain service (Xvfb, CI,
// a server). Never in the settings. Each call answers once, on the GUI thread, through its callback.
class TokenVault : public QObject
{
    Q_OBJECT
public:
    enum class Where { Keychain, File };
    struct Stored
    {
        bool ok = false;
        Where where = Where::File;
        QString detail; // the file's path; why the keychain was not used; or why nothing was stored
    };

    explicit TokenVault(QObject *parent = nullptr);

    static QString serviceName(); // the keychain's service: "ClusterDeck"
    static QString keyFor(const QUrl &runtime); // scheme://host:port

    void store(const QUrl &runtime, const QByteArray &token, std::function<void(const Stored &)> done);
    // The token kept for the runtime (empty: none), from the keychain, else the file.
    void load(const QUrl &runtime, std::function<void(const QByteArray &token, Where where)> done);
    void forget(const QUrl &runtime, std::function<void()> done); // from both

private:
    static QByteArray readFile(const QUrl &runtime);
};

} // namespace cdeck
