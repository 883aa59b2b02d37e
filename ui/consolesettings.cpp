// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "consolesettings.h"

#include "core/security/datapaths.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
namespace Keys {
const auto version = u"window/version"_s;
const auto geometry = u"window/geometry"_s;
const auto splitter = u"window/splitter"_s;
const auto lastConnection = u"selection/connection"_s;
const auto lastCluster = u"selection/cluster"_s;
const auto lastTab = u"selection/tab"_s;
const auto remotes = u"remotes"_s;
const auto theme = u"view/theme"_s;
} // namespace Keys

bool windowStateCurrent(const QSettings &s)
{
    return s.value(Keys::version).toInt() == ConsoleSettings::kVersion;
}
} // namespace

QByteArray ConsoleSettings::geometry() const
{
    QSettings s;
    return windowStateCurrent(s) ? s.value(Keys::geometry).toByteArray() : QByteArray();
}

QByteArray ConsoleSettings::splitterState() const
{
    QSettings s;
    return windowStateCurrent(s) ? s.value(Keys::splitter).toByteArray() : QByteArray();
}

void ConsoleSettings::saveWindow(const QByteArray &geometry, const QByteArray &splitterState)
{
    QSettings s;
    s.setValue(Keys::version, kVersion);
    s.setValue(Keys::geometry, geometry);
    s.setValue(Keys::splitter, splitterState);
}

QString ConsoleSettings::theme() const
{
    return QSettings().value(Keys::theme, u"system"_s).toString();
}

void ConsoleSettings::setTheme(const QString &theme)
{
    QSettings().setValue(Keys::theme, theme);
}

QString ConsoleSettings::lastConnection() const
{
    return QSettings().value(Keys::lastConnection).toString();
}

QString ConsoleSettings::lastCluster() const
{
    return QSettings().value(Keys::lastCluster).toString();
}

int ConsoleSettings::lastTab() const
{
    return QSettings().value(Keys::lastTab, 0).toInt();
}

void ConsoleSettings::saveSelection(const QString &connectionUrl, const QString &clusterId, int tab)
{
    QSettings s;
    s.setValue(Keys::lastConnection, connectionUrl);
    s.setValue(Keys::lastCluster, clusterId);
    s.setValue(Keys::lastTab, tab);
}

QList<RemoteRuntime> ConsoleSettings::remotes() const
{
    QSettings s;
    QList<RemoteRuntime> result;
    const int n = s.beginReadArray(Keys::remotes);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        // The key is still "engine", as earlier consoles wrote it; its words are connectionKindName()'s.
        const auto kind = connectionKindFromName(s.value(u"engine"_s, connectionKindName(ConnectionKind::Runtime)).toString());
        RemoteRuntime r{s.value(u"name"_s).toString(), QUrl(s.value(u"url"_s).toString()),
                        s.value(u"tokenFile"_s).toString(), kind.value_or(ConnectionKind::Runtime),
                        s.value(u"user"_s).toString()};
        // A kind of a newer console is skipped, not misread as a runtime; an event log is opened, not kept.
        if (r.url.isValid() && kind && *kind != ConnectionKind::EventLog)
            result.append(r);
    }
    s.endArray();
    return result;
}

void ConsoleSettings::setRemotes(const QList<RemoteRuntime> &remotes)
{
    QSettings s;
    s.beginWriteArray(Keys::remotes, int(remotes.size()));
    for (int i = 0; i < remotes.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(u"name"_s, remotes[i].name);
        s.setValue(u"url"_s, remotes[i].url.toString());
        s.setValue(u"tokenFile"_s, remotes[i].tokenFile);
        s.setValue(u"engine"_s, connectionKindName(remotes[i].kind));
        s.setValue(u"user"_s, remotes[i].user);
    }
    s.endArray();
}

QString ConsoleSettings::remoteTokenPath(const QUrl &url)
{
    QString stem = url.host() + u'_' + QString::number(url.port(80));
    return paths::defaultDataDir() + u"/console/remotes/"_s
        + stem.replace(QRegularExpression(u"[^A-Za-z0-9._-]"_s), u"_"_s) + u".token"_s;
}

QString ConsoleSettings::storeRemoteToken(const QUrl &url, const QByteArray &token, QString *error)
{
    const QString dir = paths::defaultDataDir() + u"/console/remotes"_s;
    if (!QDir().mkpath(dir)) {
        *error = QCoreApplication::translate("cdeck::ConsoleSettings", "Cannot create %1.").arg(dir);
        return {};
    }
    ::chmod(QFile::encodeName(dir).constData(), 0700);
    const QString path = remoteTokenPath(url);
    // open() with 0600 rather than QFile: the token must never exist, even briefly, with wider permissions.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QCoreApplication::translate("cdeck::ConsoleSettings", "Cannot write %1.").arg(path);
        return {};
    }
    ::fchmod(fd, 0600);
    const QByteArray data = token.trimmed() + '\n';
    const bool written = ::write(fd, data.constData(), size_t(data.size())) == data.size();
    ::close(fd);
    if (!written) {
        *error = QCoreApplication::translate("cdeck::ConsoleSettings", "Cannot write %1.").arg(path);
        return {};
    }
    return path;
}

} // namespace cdeck
