// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "tokenvault.h"

#include "core/security/tokenfile.h"
#include "ui/consolesettings.h"

#include <QFile>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace cdeck {

TokenVault::TokenVault(QObject *parent)
    : QObject(parent)
{
}

QString TokenVault::serviceName()
{
    return u"ClusterDeck"_s;
}

QString TokenVault::keyFor(const QUrl &runtime)
{
    return runtime.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

QByteArray TokenVault::readFile(const QUrl &runtime)
{
    const QString path = ConsoleSettings::remoteTokenPath(runtime);
    if (!QFile::exists(path))
        return {};
    QString error;
    return security::readTokenFile(path, &error);
}

void TokenVault::store(const QUrl &runtime, const QByteArray &token, std::function<void(const Stored &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(keyFor(runtime));
    job->setBinaryData(token);
    connect(job, &QKeychain::Job::finished, this, [runtime, token, done = std::move(done)](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            // A file from a time without a keychain would be read no more, but must not linger either.
            QFile::remove(ConsoleSettings::remoteTokenPath(runtime));
            return done(Stored{true, Where::Keychain, {}});
        }
        // No keychain service here (no D-Bus session, no Secret Service): a file only this user can read.
        const QString why = j->errorString();
        QString error;
        const QString path = ConsoleSettings::storeRemoteToken(runtime, token, &error);
        if (path.isEmpty())
            return done(Stored{false, Where::File, error});
        done(Stored{true, Where::File, tr("%1 (no keychain: %2)").arg(path, why)});
    });
    job->start();
}

void TokenVault::load(const QUrl &runtime, std::function<void(const QByteArray &, Where)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(keyFor(runtime));
    connect(job, &QKeychain::Job::finished, this, [runtime, done = std::move(done)](QKeychain::Job *j) {
        const QByteArray fromKeychain = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData().trimmed();
        if (j->error() == QKeychain::NoError && !fromKeychain.isEmpty())
            return done(fromKeychain, Where::Keychain);
        done(readFile(runtime), Where::File);
    });
    job->start();
}

void TokenVault::forget(const QUrl &runtime, std::function<void()> done)
{
    QFile::remove(ConsoleSettings::remoteTokenPath(runtime));
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(keyFor(runtime));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *) { done(); });
    job->start();
}

} // namespace cdeck
