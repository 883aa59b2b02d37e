// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "jobstaging.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool copyTree(const QString &from, const QString &to, QString *error)
{
    if (!QDir().mkpath(to)) {
        *error = u"cannot create %1"_s.arg(to);
        return false;
    }
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString target = to + u'/' + QDir(from).relativeFilePath(path);
        if (info.isDir() ? !QDir().mkpath(target) : !QFile::copy(path, target)) {
            *error = u"cannot copy %1 to %2"_s.arg(path, target);
            return false;
        }
    }
    return true;
}

// Hands everything under dir to uid:gid: folders 0755, files 0644, dir itself 0700.
bool handOver(const QString &dir, uid_t uid, gid_t gid, QString *error)
{
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList paths{dir};
    while (it.hasNext())
        paths.append(it.next());
    for (const QString &path : std::as_const(paths)) {
        const QByteArray native = QFile::encodeName(path);
        const bool isDir = QFileInfo(path).isDir();
        const mode_t mode = path == dir ? 0700 : isDir ? 0755 : 0644;
        if (::lchown(native.constData(), uid, gid) != 0 || ::chmod(native.constData(), mode) != 0) {
            *error = u"cannot hand %1 to uid %2: %3"_s.arg(path).arg(uid).arg(errnoText());
            return false;
        }
    }
    return true;
}

} // namespace

QString jobStagingRoot(QString *error)
{
    const QString root = QDir::tempPath() + u"/clusterdeck-jobs-"_s + QString::number(::geteuid());
    const QByteArray native = QFile::encodeName(root);
    if (::mkdir(native.constData(), 0711) != 0 && errno != EEXIST) {
        *error = u"cannot create the job staging folder %1: %2"_s.arg(root, errnoText());
        return {};
    }
    struct stat st {};
    if (::lstat(native.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) {
        *error = u"%1 exists but is not a folder owned by this runtime's user: remove it"_s.arg(root);
        return {};
    }
    if ((st.st_mode & 07777) != 0711 && ::chmod(native.constData(), 0711) != 0) {
        *error = u"cannot set the mode of %1: %2"_s.arg(root, errnoText());
        return {};
    }
    return root;
}

StagedJob stageJob(const QString &stagingRoot, const QString &jobId, const QString &script, uid_t uid, gid_t gid)
{
    StagedJob staged;
    const QFileInfo source(script);
    if (!source.isFile() || !source.isReadable()) {
        staged.error = u"The job script %1 cannot be read"_s.arg(script);
        return staged;
    }
    const QString dir = stagingRoot + u'/' + jobId;
    QDir(dir).removeRecursively(); // a leftover from an earlier runtime with the same job id
    if (::mkdir(QFile::encodeName(dir).constData(), 0700) != 0) {
        staged.error = u"Cannot create %1: %2"_s.arg(dir, errnoText());
        return staged;
    }
    staged.script = dir + u'/' + source.fileName();
    if (!QFile::copy(source.absoluteFilePath(), staged.script)) {
        staged.error = u"Cannot copy %1 to %2"_s.arg(script, staged.script);
        return staged;
    }
    // Package folders beside the script are what `import lib.common` and the like need.
    const QFileInfoList siblings = source.absoluteDir().entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    for (const QFileInfo &sibling : siblings) {
        if (!QFileInfo::exists(sibling.absoluteFilePath() + u"/__init__.py"_s))
            continue;
        if (!copyTree(sibling.absoluteFilePath(), dir + u'/' + sibling.fileName(), &staged.error))
            return staged;
    }
    if (!handOver(dir, uid, gid, &staged.error))
        return staged;
    staged.directory = dir;
    return staged;
}

} // namespace cdeck
