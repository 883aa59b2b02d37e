// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace cdeck::security {

// The runtime's bearer token lives in DATA/token, mode 0600, written before the runtime listens.
// Returns the existing token, or creates a new random one (32 bytes, hex). Empty with *error on failure.
QByteArray ensureTokenFile(const QString &path, QString *error);
// Reads a token file (trimmed). Empty with *error when missing, unreadable or empty.
QByteArray readTokenFile(const QString &path, QString *error);
// Compares in time independent of where the first difference is.
bool tokensEqual(const QByteArray &a, const QByteArray &b);

} // namespace cdeck::security
