// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace cdeck::engine {

// A cluster's own TLS identity: one self-signed certificate (ECDSA P-256, for 127.0.0.1 and localhost)
// that is at once the cluster's CA and the certificate its scheduler, workers and clients present. Dask
// requires a certificate from both ends of every connection (CERT_REQUIRED), so only a holder of this
// cluster's key reaches its engine: another cluster's job holds another CA's certificate and is refused.
struct ClusterCertificate
{
    QByteArray certificatePem;
    QByteArray keyPem;
};

// Made by the openssl program (Debian's openssl), in a private temporary folder; nullopt with *error when
// it cannot be.
std::optional<ClusterCertificate> makeClusterCertificate(const QString &commonName, QString *error);

// 32 random bytes, hex: a key the runtime presents to the engine's own HTTP routes that change things.
QByteArray makeClusterKey();

} // namespace cdeck::engine
