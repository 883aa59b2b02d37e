// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHostAddress>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

#include <optional>

// The runtime's HTTPS: its certificate (generated with OpenSSL on first start, or given) and the server
// configuration GuardedTcpServer hands each connection.
namespace cdeck::tls {

struct CertificateFiles
{
    QString certPath;
    QString keyPath;
};

// DIR/cert.pem and DIR/key.pem, generated when either is missing: a self-signed ECDSA P-256 certificate for
// CN=clusterdeck-runtime, valid 825 days, naming localhost, 127.0.0.1, ::1, this host's name and the given
// addresses. DIR is made 0700 and the key is written 0600 (created so, never widened after). Clients pin its
// fingerprint on first use (docs/security.md). nullopt with *error when it cannot be made.
std::optional<CertificateFiles> ensureSelfSigned(const QString &dir, const QList<QHostAddress> &addresses,
                                                 QString *error, bool *generated = nullptr);

// The server side of TLS 1.2 or later with this certificate (chain: the leaf first) and its private key (PEM,
// RSA or EC, unencrypted). nullopt with *error naming the file and what is wrong.
std::optional<QSslConfiguration> serverConfiguration(const CertificateFiles &files, QString *error);

} // namespace cdeck::tls
