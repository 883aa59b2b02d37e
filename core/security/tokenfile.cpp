// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "tokenfile.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace cdeck::security {

QByteArray readTokenFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"cannot read token file %1: %2"_s.arg(path, f.errorString());
        return {};
    }
    const QByteArray token = f.read(4096).trimmed();
    if (token.isEmpty())
        *error = u"token file %1 is empty"_s.arg(path);
    return token;
}

QByteArray ensureTokenFile(const QString &path, QString *error)
{
    if (QFileInfo::exists(path)) {
        QString readError;
        const QByteArray existing = readTokenFile(path, &readError);
        if (!existing.isEmpty()) {
            // Tighten a token someone made world-readable by hand.
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            return existing;
        }
    }
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    const QByteArray token = raw.toHex();
    QSaveFile f(path);
    // Permissions are set before any byte is written, so the token is never readable by others.
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || f.write(token + '\n') < 0 || !f.commit()) {
        *error = u"cannot write token file %1: %2"_s.arg(path, f.errorString());
        return {};
    }
    return token;
}

bool tokensEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace cdeck::security
