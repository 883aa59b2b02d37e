// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "runtimetransport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QCryptographicHash>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QSslConfiguration>
#include <QSslError>
#include <QStandardPaths>

#include <optional>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

constexpr const char *kRefusalProperty = "cdeckTlsRefusal";

// How a runtime is named in the known-runtimes file: host:port, an IPv6 host in brackets.
QString runtimeKey(const QUrl &url)
{
    const QString host = url.host().toLower();
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(url.port(443));
}

// The fingerprint pinned for key; nullopt when none (or the file is unreadable: *error then).
std::optional<QString> pinnedFingerprint(const QString &path, const QString &key, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
        if (parts.size() >= 2 && parts.at(0) == key)
            return parts.at(1).toUpper();
    }
    return std::nullopt;
}

bool pin(const QString &path, const QString &key, const QString &fingerprint, QString *error)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        *error = u"cannot create %1"_s.arg(folder);
        return false;
    }
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QByteArray content;
    if (QFile old(path); old.open(QIODevice::ReadOnly))
        content = old.readAll();
    if (content.isEmpty())
        content = "# Runtimes whose HTTPS certificate ClusterDeck pinned on first use: HOST:PORT SHA-256 fingerprint.\n"
                  "# A runtime whose certificate changes is refused until its line is removed (docs/security.md).\n";
    else if (!content.endsWith('\n'))
        content += '\n';
    content += (key + u' ' + fingerprint + u'\n').toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        || file.write(content) != content.size() || !file.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

bool isLoopbackHost(const QString &host)
{
    return host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback();
}

} // namespace

QString RuntimeTrust::defaultKnownRuntimesFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/clusterdeck/known-runtimes"_s;
}

RuntimeTrust RuntimeTrust::fromEnvironment()
{
    RuntimeTrust t;
    t.caFile = qEnvironmentVariable("CLUSTERDECK_CA_FILE");
    t.knownRuntimesFile = qEnvironmentVariable("CLUSTERDECK_KNOWN_RUNTIMES");
    if (t.knownRuntimesFile.isEmpty())
        t.knownRuntimesFile = defaultKnownRuntimesFile();
    return t;
}

QString tlsFingerprint(const QSslCertificate &certificate)
{
    const QByteArray hex = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QString out;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        out += (i ? u":"_s : QString()) + QString::fromLatin1(hex.mid(i, 2));
    return out;
}

RuntimeTransport::RuntimeTransport(const QUrl &baseUrl, const QByteArray &token, RuntimeTrust trust, QObject *parent)
    : QObject(parent)
    , m_baseUrl(baseUrl)
    , m_token(token)
    , m_network(new QNetworkAccessManager(this))
{
    setTrust(trust);
}

void RuntimeTransport::setTrust(const RuntimeTrust &trust)
{
    m_trust = trust;
    m_caCertificates.clear();
    m_caError.clear();
    if (m_trust.caFile.isEmpty())
        return;
    QFile file(m_trust.caFile);
    if (!file.open(QIODevice::ReadOnly))
        m_caError = u"cannot read the CA file %1: %2"_s.arg(m_trust.caFile, file.errorString());
    else if (m_caCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem); m_caCertificates.isEmpty())
        m_caError = u"the CA file %1 holds no PEM certificate"_s.arg(m_trust.caFile);
}

QUrl RuntimeTransport::urlFor(const QString &path, const QString &query) const
{
    QUrl url = m_baseUrl;
    // A path may carry its query ("/cost?by=tag"): setPath alone would encode the '?'.
    const qsizetype queryAt = path.indexOf(u'?');
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/api/v1"_s
                    + (queryAt < 0 ? path : path.left(queryAt)),
                QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query, QUrl::StrictMode);
    else if (queryAt >= 0)
        url.setQuery(path.mid(queryAt + 1), QUrl::TolerantMode);
    return url;
}

bool RuntimeTransport::sendsToken() const
{
    return m_baseUrl.scheme() == u"https"_s || isLoopbackHost(m_baseUrl.host());
}

QString RuntimeTransport::tokenWithheldReason() const
{
    if (sendsToken())
        return {};
    return u"the token was not sent: %1 is plain HTTP to a host that is not this machine, where anyone on the way "
           "could read it; use https:// (clusterdeck-runtime --tls)"_s.arg(m_baseUrl.toString());
}

QNetworkRequest RuntimeTransport::request(const QUrl &url, const QByteArray &accept) const
{
    QNetworkRequest req(url);
    if (sendsToken() && !m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token);
    req.setRawHeader("Accept", accept);
    // A redirect is answered to the caller, never followed: the token would go along to wherever it points.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == u"https"_s && !m_trust.caFile.isEmpty()) {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        // Exactly this CA, not the system's as well (none when the file is unreadable: nothing verifies, and the
        // certificate check says why).
        conf.setCaCertificates(m_caCertificates);
        req.setSslConfiguration(conf);
    }
    return req;
}

QNetworkReply *RuntimeTransport::send(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &payload)
{
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, payload);
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply](const QList<QSslError> &errors) { checkCertificate(reply, errors); });
    return reply;
}

void RuntimeTransport::checkCertificate(QNetworkReply *reply, const QList<QSslError> &errors)
{
    const QString key = runtimeKey(reply->url());
    QStringList why;
    for (const QSslError &e : errors)
        why.append(e.errorString());
    if (!m_caError.isEmpty()) {
        reply->setProperty(kRefusalProperty, m_caError);
        return;
    }
    if (!m_trust.caFile.isEmpty()) {
        // Trusting a CA means exactly that: no pinning behind its back.
        reply->setProperty(kRefusalProperty,
                           u"the certificate of the runtime at %1 does not verify against the CA in %2 (%3)"_s.arg(
                               key, m_trust.caFile, why.join(u"; "_s)));
        return;
    }
    const QSslCertificate certificate = reply->sslConfiguration().peerCertificate();
    if (certificate.isNull()) {
        reply->setProperty(kRefusalProperty, u"the runtime at %1 showed no certificate"_s.arg(key));
        return;
    }
    const QString fingerprint = tlsFingerprint(certificate);
    const QString file = m_trust.knownRuntimesFile;
    QString error;
    const std::optional<QString> known = pinnedFingerprint(file, key, &error);
    if (known && *known == fingerprint) {
        reply->ignoreSslErrors(errors);
        return;
    }
    if (known) {
        reply->setProperty(
            kRefusalProperty,
            u"the certificate of the runtime at %1 has CHANGED since it was pinned: pinned SHA-256 %2, now %3 (pinned "
            "in %4). Someone may be intercepting the connection, or the runtime got a new certificate. If you know "
            "it did (compare: openssl x509 -noout -fingerprint -sha256 -in DATA/tls/cert.pem on the runtime's "
            "machine), remove the line for %1 from %4 and connect again, or trust its CA with --ca-file"_s.arg(
                key, *known, fingerprint, file));
        return;
    }
    if (!error.isEmpty() || !pin(file, key, fingerprint, &error)) {
        reply->setProperty(
            kRefusalProperty,
            u"the certificate of the runtime at %1 (SHA-256 %2) cannot be checked: %3"_s.arg(key, fingerprint, error));
        return;
    }
    qInfo("clusterdeck: pinned the certificate of the runtime at %s (SHA-256 %s) in %s", qPrintable(key),
          qPrintable(fingerprint), qPrintable(file));
    reply->ignoreSslErrors(errors);
}

QString RuntimeTransport::tlsRefusal(const QNetworkReply *reply)
{
    return reply->property(kRefusalProperty).toString();
}

QString RuntimeTransport::unfollowedRedirect(const QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 300 || status >= 400)
        return {};
    const QByteArray location = reply->rawHeader("Location");
    return location.isEmpty() ? u"(no Location)"_s : QString::fromUtf8(location);
}

} // namespace cdeck
