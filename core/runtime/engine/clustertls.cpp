// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clustertls.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace cdeck::engine {

std::optional<ClusterCertificate> makeClusterCertificate(const QString &commonName, QString *error)
{
    QTemporaryDir scratch; // 0700: the key never sits where another user could read it
    if (!scratch.isValid()) {
        *error = u"cannot make the cluster's certificate: no temporary folder (%1)"_s.arg(scratch.errorString());
        return std::nullopt;
    }
    const QString keyPath = scratch.filePath(u"key.pem"_s);
    const QString certPath = scratch.filePath(u"cert.pem"_s);
    QProcess openssl;
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    openssl.setProcessEnvironment(env);
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"/usr/bin/openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                   u"-nodes"_s, u"-days"_s, u"3650"_s, u"-subj"_s, u"/CN="_s + commonName, u"-addext"_s,
                   u"subjectAltName=IP:127.0.0.1,DNS:localhost"_s, u"-keyout"_s, keyPath, u"-out"_s, certPath});
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        *error = u"cannot make the cluster's certificate with /usr/bin/openssl: %1"_s.arg(
            openssl.error() == QProcess::FailedToStart ? openssl.errorString()
                                                       : QString::fromLocal8Bit(openssl.readAll()).trimmed());
        return std::nullopt;
    }
    QFile key(keyPath);
    QFile cert(certPath);
    if (!key.open(QIODevice::ReadOnly) || !cert.open(QIODevice::ReadOnly)) {
        *error = u"openssl made no certificate for the cluster"_s;
        return std::nullopt;
    }
    return ClusterCertificate{cert.readAll(), key.readAll()};
}

QByteArray makeClusterKey()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toHex();
}

} // namespace cdeck::engine
