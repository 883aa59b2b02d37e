// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

// Per-user API tokens. A token is 32 random bytes (libsodium's randombytes), shown once; the runtime keeps
// only its keyed BLAKE2b hash (crypto_generichash with a 32-byte key of its own, DATA/token.key): fast enough
// to check on every request, which a password hash is not, and useless without the key.
namespace cdeck::security {

bool initSodium(); // idempotent; false if libsodium cannot start (no entropy source)
QByteArray newUserToken(); // "cdk_" + 43 characters of base64url
// The key of DATA/token.key (0600), created on first use. Empty with *error on failure.
QByteArray loadOrCreateTokenKey(const QString &path, QString *error);
QByteArray hashToken(const QByteArray &token, const QByteArray &key); // 32 bytes
bool hashesEqual(const QByteArray &a, const QByteArray &b); // constant time for equal sizes

} // namespace cdeck::security
