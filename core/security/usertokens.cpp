// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "usertokens.h"

#include <QFile>
#include <QSaveFile>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace cdeck::security {

bool initSodium()
{
    return sodium_init() >= 0; // 1: already initialised
}

QByteArray newUserToken()
{
    initSodium();
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), std::size_t(raw.size()));
    return "cdk_" + raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray loadOrCreateTokenKey(const QString &path, QString *error)
{
    if (!initSodium()) {
        *error = u"libsodium could not start"_s;
        return {};
    }
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            *error = u"cannot read %1: %2"_s.arg(path, existing.errorString());
            return {};
        }
        const QByteArray key = existing.readAll();
        if (key.size() != crypto_generichash_KEYBYTES) {
            *error
                = u"%1 holds %2 bytes, not a %3-byte key"_s.arg(path).arg(key.size()).arg(crypto_generichash_KEYBYTES);
            return {};
        }
        return key;
    }
    QByteArray key(crypto_generichash_KEYBYTES, Qt::Uninitialized);
    randombytes_buf(key.data(), std::size_t(key.size()));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || f.write(key) != key.size() || !f.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path, f.errorString());
        return {};
    }
    return key;
}

QByteArray hashToken(const QByteArray &token, const QByteArray &key)
{
    QByteArray out(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), std::size_t(out.size()),
                       reinterpret_cast<const unsigned char *>(token.constData()), std::size_t(token.size()),
                       reinterpret_cast<const unsigned char *>(key.constData()), std::size_t(key.size()));
    return out;
}

bool hashesEqual(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && sodium_memcmp(a.constData(), b.constData(), std::size_t(a.size())) == 0;
}

} // namespace cdeck::security
