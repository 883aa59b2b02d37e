// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "runtimetls.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QSysInfo>

#include <cstring>
#include <functional>
#include <memory>

#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck::tls {

namespace {

template <auto Free> struct Deleter
{
    template <typename T> void operator()(T *p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

QString opensslError(const char *what)
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    return u"%1: %2"_s.arg(QString::fromLatin1(what), QString::fromLatin1(text));
}

QByteArray pem(const std::function<int(BIO *)> &write)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

// Written whole to a new file with these permissions from its creation (O_EXCL: never through a planted link),
// then renamed over the name.
bool writeNew(const QString &path, const QByteArray &data, mode_t mode, QString *error)
{
    const QString temporary = path + u".new"_s;
    ::unlink(QFile::encodeName(temporary).constData());
    const int fd = ::open(QFile::encodeName(temporary).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        *error = u"cannot create %1: %2"_s.arg(temporary, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n <= 0) {
            *error = u"cannot write %1: %2"_s.arg(temporary, QString::fromLocal8Bit(strerror(errno)));
            ::close(fd);
            return false;
        }
        done += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0
        || ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        *error = u"cannot store %1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    return true;
}

} // namespace

std::optional<CertificateFiles> ensureSelfSigned(const QString &dir, const QList<QHostAddress> &addresses,
                                                 QString *error, bool *generated)
{
    CertificateFiles files{QDir(dir).absoluteFilePath(u"cert.pem"_s), QDir(dir).absoluteFilePath(u"key.pem"_s)};
    if (generated)
        *generated = false;
    if (QFileInfo::exists(files.certPath) && QFileInfo::exists(files.keyPath))
        return files;
    if (!QDir().mkpath(dir) || ::chmod(QFile::encodeName(dir).constData(), 0700) != 0) {
        *error = u"cannot create %1 (0700) for the TLS certificate"_s.arg(dir);
        return std::nullopt;
    }

    KeyPtr key(EVP_EC_gen("P-256"));
    CertPtr cert(X509_new());
    BnPtr serial(BN_new());
    if (!key || !cert || !serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()))) {
        *error = opensslError("cannot generate the TLS key");
        return std::nullopt;
    }
    X509_set_version(cert.get(), 2); // v3
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600); // a client's clock a little behind still accepts it
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 825L * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("ClusterDeck"), -1, -1,
                               0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("clusterdeck-runtime"),
                               -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);

    QStringList altNames{u"DNS:localhost"_s, u"IP:127.0.0.1"_s, u"IP:::1"_s};
    const QString host = QSysInfo::machineHostName();
    if (!host.isEmpty() && host != u"localhost"_s && !host.contains(u','))
        altNames.append(u"DNS:"_s + host);
    for (const QHostAddress &a : addresses)
        if (!a.isNull() && !a.isLoopback() && a != QHostAddress::Any && a != QHostAddress::AnyIPv6
            && a != QHostAddress::AnyIPv4)
            altNames.append(u"IP:"_s + a.toString());
    // As `openssl req -x509` makes one: its own issuer, so a client may also give this file as its --ca-file.
    if (!addExtension(cert.get(), NID_subject_alt_name, altNames.join(u',').toLatin1())
        || !addExtension(cert.get(), NID_basic_constraints, "critical,CA:TRUE")
        || !addExtension(cert.get(), NID_subject_key_identifier, "hash")
        || !addExtension(cert.get(), NID_ext_key_usage, "serverAuth")
        || X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
        *error = opensslError("cannot make the TLS certificate");
        return std::nullopt;
    }
    const QByteArray certPem = pem([&](BIO *bio) { return PEM_write_bio_X509(bio, cert.get()); });
    const QByteArray keyPem = pem(
        [&](BIO *bio) { return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
    if (certPem.isEmpty() || keyPem.isEmpty()) {
        *error = opensslError("cannot encode the TLS certificate");
        return std::nullopt;
    }
    // The key first: a certificate without its key is never left behind as if whole.
    if (!writeNew(files.keyPath, keyPem, 0600, error) || !writeNew(files.certPath, certPem, 0644, error))
        return std::nullopt;
    if (generated)
        *generated = true;
    return files;
}

std::optional<QSslConfiguration> serverConfiguration(const CertificateFiles &files, QString *error)
{
    QFile certFile(files.certPath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the TLS certificate %1: %2"_s.arg(files.certPath, certFile.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull()) {
        *error = u"%1 holds no PEM certificate"_s.arg(files.certPath);
        return std::nullopt;
    }
    QFile keyFile(files.keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the TLS key %1: %2"_s.arg(files.keyPath, keyFile.errorString());
        return std::nullopt;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        *error = u"%1 holds no unencrypted PEM private key (EC or RSA)"_s.arg(files.keyPath);
        return std::nullopt;
    }
    // A key that is not the certificate's would fail every handshake with an obscure error: say it now.
    const QByteArray certPem = chain.constFirst().toPem();
    BioPtr certBio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())));
    BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    CertPtr x509(certBio ? PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr) : nullptr);
    KeyPtr pkey(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!x509 || !pkey || X509_check_private_key(x509.get(), pkey.get()) != 1) {
        *error = u"%1 is not the private key of the certificate %2"_s.arg(files.keyPath, files.certPath);
        return std::nullopt;
    }
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificateChain(chain);
    conf.setPrivateKey(key);
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with their bearer token
    return conf;
}

} // namespace cdeck::tls
