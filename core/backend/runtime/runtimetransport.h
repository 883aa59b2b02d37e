// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QSslError;

namespace cdeck {

// How a client trusts a runtime's HTTPS certificate.
struct RuntimeTrust
{
    // Given: exactly this CA (PEM) is trusted, nothing is pinned. CLUSTERDECK_CA_FILE, or the CLI's --ca-file.
    QString caFile;
    // Otherwise a certificate the system cannot verify is pinned on first use here, as ssh's known_hosts:
    // CLUSTERDECK_KNOWN_RUNTIMES, else ~/.config/clusterdeck/known-runtimes (0600, its folder 0700).
    QString knownRuntimesFile;

    static RuntimeTrust fromEnvironment();
    static QString defaultKnownRuntimesFile();
};

// "AB:CD:...": a certificate's SHA-256 fingerprint as `openssl x509 -noout -fingerprint -sha256` prints it.
QString tlsFingerprint(const QSslCertificate &certificate);

// What RuntimeClient and RuntimeLogs send their requests through: one QNetworkAccessManager, the bearer token
// (sent only over https or to a loopback host), no redirects followed (the token would go along), and the
// certificate check: a system-verified certificate passes; with a CA file, only that CA; else the runtime's
// certificate is pinned on first use and a changed one refused. Lives on the thread that created it.
class RuntimeTransport : public QObject
{
    Q_OBJECT
public:
    RuntimeTransport(const QUrl &baseUrl, const QByteArray &token, RuntimeTrust trust = RuntimeTrust::fromEnvironment(),
                     QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    const RuntimeTrust &trust() const { return m_trust; }
    void setTrust(const RuntimeTrust &trust);

    // baseUrl + /api/v1 + path; a path may carry its own query ("/cost?by=tag"), else query is used (encoded).
    QUrl urlFor(const QString &path, const QString &query = {}) const;
    // Whether the token goes with requests: https, or a loopback host over plain http.
    bool sendsToken() const;
    // Why not, when it does not (for a 401's message); empty when it does.
    QString tokenWithheldReason() const;

    // A request to url with the token (when allowed), the Accept header and the redirect policy set.
    QNetworkRequest request(const QUrl &url, const QByteArray &accept = "application/json") const;
    // Sends it (GET when payload is empty and verb is GET) with the certificate check attached.
    QNetworkReply *send(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &payload = {});

    // Why the runtime's certificate was refused on this reply (a changed pin, a CA that did not sign it, an
    // unreadable CA file); empty when it was not. Set before the reply finishes.
    static QString tlsRefusal(const QNetworkReply *reply);
    // The Location of a redirect that was not followed; empty when the reply is not a redirect.
    static QString unfollowedRedirect(const QNetworkReply *reply);

private:
    void checkCertificate(QNetworkReply *reply, const QList<QSslError> &errors);

    QUrl m_baseUrl;
    QByteArray m_token;
    RuntimeTrust m_trust;
    QList<QSslCertificate> m_caCertificates;
    QString m_caError; // the CA file could not be read: every https request is refused with this
    QNetworkAccessManager *m_network;
};

} // namespace cdeck
