// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The runtime over HTTPS, as a user meets it: the real clusterdeck-runtime binary on loopback with --tls (a
// certificate it generates) or --tls-cert/--tls-key (one signed by a CA made here with the openssl tool), and the
// real clusterdeck-cli and RuntimeClient against it: pinned on first use, then accepted; a changed certificate
// refused with both fingerprints and what to do (exit 3); --ca-file trusting exactly its CA; the request limits
// (413, 431) answered over TLS; a listen address that is not loopback refused without TLS; no token sent over
// plain HTTP to another host, and no redirect followed. No engine is started.
#include "core/backend/runtime/runtimeclient.h"
#include "testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : mode_t(-1);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString fingerprintOf(const QString &pemPath)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(pemPath);
    return certs.isEmpty() ? QString() : tlsFingerprint(certs.first());
}

// One runtime process with its arguments; ended (SIGTERM, then waited for) on stop or destruction.
class Runtime
{
public:
    ~Runtime() { stop(); }
    bool start(const QString &dataDir, const QStringList &extra, QString *error)
    {
        m_log.clear();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(test::binDir() + u"/clusterdeck-runtime"_s,
                        QStringList{u"--data-dir"_s, dataDir, u"--resources"_s, test::resourcesDir()} + extra);
        static const QRegularExpression kListening(u"listening on (https?)://127\\.0\\.0\\.1:(\\d+)"_s);
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 20000 && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(200);
            m_log += m_process.readAll();
            if (const auto m = kListening.match(QString::fromUtf8(m_log)); m.hasMatch()) {
                m_url = u"%1://127.0.0.1:%2"_s.arg(m.captured(1), m.captured(2));
                m_port = m.captured(2).toInt();
                return true;
            }
        }
        m_log += m_process.readAll();
        *error = u"the runtime did not start: "_s + QString::fromUtf8(m_log);
        return false;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    QString url() const { return m_url; }
    int port() const { return m_port; }
    QByteArray log() const { return m_log; }

private:
    QProcess m_process;
    QByteArray m_log;
    QString m_url;
    int m_port = 0;
};

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestTlsIntegration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_known; // the clients' known-runtimes file
    Runtime m_pinned; // --tls, a generated certificate
    QString m_pinnedData;
    int m_pinnedPort = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(u"openssl"_s, args);
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            qWarning() << "openssl" << args << p.readAll();
            return false;
        }
        return true;
    }
    Run cli(const QString &url, const QString &tokenFile, const QStringList &args, const QString &caFile = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CLUSTERDECK_KNOWN_RUNTIMES"_s, m_known);
        env.remove(u"CLUSTERDECK_CA_FILE"_s);
        p.setProcessEnvironment(env);
        QStringList all{u"--runtime"_s, url, u"--token-file"_s, tokenFile};
        if (!caFile.isEmpty())
            all << u"--ca-file"_s << caFile;
        p.start(test::binDir() + u"/clusterdeck-cli"_s, all + args);
        Run r;
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.code = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    // One request over TLS on a raw socket (the certificate is not checked here: the limits are): the answer's
    // first line, and how many bytes of the body the client managed to send before it came.
    QByteArray rawTls(int port, const QByteArray &head, qint64 bodyBytes)
    {
        QSslSocket s;
        s.setPeerVerifyMode(QSslSocket::VerifyNone);
        s.connectToHostEncrypted(u"127.0.0.1"_s, quint16(port));
        if (!s.waitForEncrypted(10000))
            return "no handshake: " + s.errorString().toUtf8();
        s.write(head);
        // Go on sending the body as a client that does not wait would (the case where an answer could be lost).
        const QByteArray chunk(64 * 1024, 'x');
        for (qint64 sent = 0; sent < bodyBytes && s.state() == QAbstractSocket::ConnectedState; sent += chunk.size()) {
            s.write(chunk);
            s.waitForBytesWritten(100);
            if (s.bytesAvailable() > 0)
                break;
        }
        QByteArray answer;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 10000 && !answer.contains("\r\n\r\n")) {
            if (!s.waitForReadyRead(500) && s.state() != QAbstractSocket::ConnectedState)
                break;
            answer += s.readAll();
        }
        answer += s.readAll();
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
        m_known = path(u"config/clusterdeck/known-runtimes"_s);
        // Two CAs, and a server certificate for 127.0.0.1 signed by the first.
        for (const QString &ca : {u"ca1"_s, u"ca2"_s})
            QVERIFY(openssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                             u"-nodes"_s, u"-keyout"_s, path(ca + u".key"_s), u"-out"_s, path(ca + u".pem"_s),
                             u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=test "_s + ca}));
        QFile ext(path(u"leaf.ext"_s));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        ext.close();
        QVERIFY(openssl({u"req"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s,
                         u"-keyout"_s, path(u"leaf.key"_s), u"-out"_s, path(u"leaf.csr"_s), u"-subj"_s,
                         u"/CN=127.0.0.1"_s}));
        QVERIFY(openssl({u"x509"_s, u"-req"_s, u"-in"_s, path(u"leaf.csr"_s), u"-CA"_s, path(u"ca1.pem"_s), u"-CAkey"_s,
                         path(u"ca1.key"_s), u"-CAcreateserial"_s, u"-out"_s, path(u"leaf.pem"_s), u"-days"_s, u"2"_s,
                         u"-extfile"_s, path(u"leaf.ext"_s)}));
    }

    void aGeneratedCertificateIsPinnedOnFirstUseThenAccepted()
    {
        m_pinnedData = path(u"pinned"_s);
        QString error;
        QVERIFY2(m_pinned.start(m_pinnedData, {u"--listen"_s, u"127.0.0.1:0"_s, u"--tls"_s}, &error),
                 qPrintable(error));
        QVERIFY(m_pinned.url().startsWith(u"https://"_s));
        m_pinnedPort = m_pinned.port();
        // Generated into DATA/tls: the key 0600 in a 0700 folder, its fingerprint in the log as openssl prints it.
        const QString cert = m_pinnedData + u"/tls/cert.pem"_s;
        QCOMPARE(modeOf(m_pinnedData + u"/tls"_s), mode_t(0700));
        QCOMPARE(modeOf(m_pinnedData + u"/tls/key.pem"_s), mode_t(0600));
        const QString fingerprint = fingerprintOf(cert);
        QCOMPARE(fingerprint.size(), 32 * 3 - 1);
        QVERIFY2(m_pinned.log().contains(fingerprint.toLatin1()), m_pinned.log().constData());

        const QString token = m_pinnedData + u"/token"_s;
        const Run first = cli(m_pinned.url(), token, {u"whoami"_s});
        QVERIFY2(first.code == 0, first.err.constData());
        QVERIFY2(first.out.contains("admin"), first.out.constData());
        QVERIFY2(first.err.contains("pinned"), first.err.constData()); // said, as ssh says it
        QCOMPARE(modeOf(m_known), mode_t(0600));
        const QByteArray line = "127.0.0.1:" + QByteArray::number(m_pinnedPort) + ' ' + fingerprint.toLatin1() + '\n';
        QVERIFY2(readAll(m_known).contains(line), readAll(m_known).constData());

        const Run again = cli(m_pinned.url(), token, {u"whoami"_s});
        QVERIFY2(again.code == 0, again.err.constData());
        QVERIFY(!again.err.contains("pinned"));
        QCOMPARE(readAll(m_known).count(line), 1);
    }

    void aChangedCertificateIsRefusedSayingBothFingerprintsAndWhatToDo()
    {
        const QString old = fingerprintOf(m_pinnedData + u"/tls/cert.pem"_s);
        m_pinned.stop();
        QVERIFY(QDir(m_pinnedData + u"/tls"_s).removeRecursively());
        QString error;
        QVERIFY2(m_pinned.start(m_pinnedData, {u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_pinnedPort), u"--tls"_s}, &error),
                 qPrintable(error));
        const QString now = fingerprintOf(m_pinnedData + u"/tls/cert.pem"_s);
        QVERIFY(now != old);
        const Run refused = cli(m_pinned.url(), m_pinnedData + u"/token"_s, {u"whoami"_s});
        QCOMPARE(refused.code, 3);
        for (const QString &said : {old, now, m_known, u"remove the line"_s, u"CHANGED"_s})
            QVERIFY2(refused.err.contains(said.toUtf8()), refused.err.constData());
        QVERIFY(refused.out.isEmpty());

        // RuntimeClient (the console's) refuses the same way, and says it as a certificate refusal.
        RuntimeClient client(QUrl(m_pinned.url()), readAll(m_pinnedData + u"/token"_s).trimmed());
        client.setTrust(RuntimeTrust{{}, m_known});
        const ApiReply r = client.callBlocking(api::RouteId::Whoami);
        QVERIFY(r.certificateRefused);
        QVERIFY2(r.message().contains(old) && r.message().contains(now), qPrintable(r.message()));
    }

    void theRequestLimitsAreAnsweredOverTls()
    {
        // 413 from Content-Length alone, while the client goes on sending its body: the answer arrives whole.
        const QByteArray big = rawTls(m_pinnedPort,
                                      "POST /api/v1/clusters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                      "Content-Length: 314572800\r\n\r\n",
                                      8 * 1024 * 1024);
        QVERIFY2(big.startsWith("HTTP/1.1 413 "), big.constData());
        QVERIFY2(big.contains("314572800"), big.constData());
        // 431: a head past 16 KiB.
        const QByteArray head = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(20000, 'a');
        const QByteArray tooLong = rawTls(m_pinnedPort, head, 0);
        QVERIFY2(tooLong.startsWith("HTTP/1.1 431 "), tooLong.constData());
        // And an ordinary request on the same listener still works.
        const QByteArray health = rawTls(m_pinnedPort, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 0);
        QVERIFY2(health.startsWith("HTTP/1.1 200 "), health.constData());
    }

    void aGivenCertificateIsTrustedThroughItsCaOnly()
    {
        const QString data = path(u"ca"_s);
        Runtime runtime;
        QString error;
        QVERIFY2(runtime.start(data,
                               {u"--listen"_s, u"127.0.0.1:0"_s, u"--tls-cert"_s, path(u"leaf.pem"_s), u"--tls-key"_s,
                                path(u"leaf.key"_s)},
                               &error),
                 qPrintable(error));
        QVERIFY(!QFileInfo::exists(data + u"/tls"_s)); // nothing generated
        const QString token = data + u"/token"_s;
        const QByteArray knownBefore = readAll(m_known);
        const Run wrong = cli(runtime.url(), token, {u"whoami"_s}, path(u"ca2.pem"_s));
        QCOMPARE(wrong.code, 3);
        QVERIFY2(wrong.err.contains("does not verify against the CA") && wrong.err.contains("ca2.pem"),
                 wrong.err.constData());
        const Run right = cli(runtime.url(), token, {u"whoami"_s}, path(u"ca1.pem"_s));
        QVERIFY2(right.code == 0, right.err.constData());
        QCOMPARE(readAll(m_known), knownBefore); // a CA is trusted instead of pinning, not as well
        // A key that is not the certificate's: refused at start, saying so.
        QProcess bad;
        bad.setProcessChannelMode(QProcess::MergedChannels);
        bad.start(test::binDir() + u"/clusterdeck-runtime"_s,
                  {u"--data-dir"_s, path(u"badkey"_s), u"--resources"_s, test::resourcesDir(), u"--listen"_s,
                   u"127.0.0.1:0"_s, u"--tls-cert"_s, path(u"leaf.pem"_s), u"--tls-key"_s, path(u"ca2.key"_s)});
        QVERIFY(bad.waitForFinished(20000));
        QCOMPARE(bad.exitCode(), 1);
        QVERIFY2(bad.readAll().contains("is not the private key of the certificate"), "");
    }

    void aListenAddressOtherHostsReachNeedsTls()
    {
        const QString data = path(u"open"_s);
        QProcess p;
        p.start(test::binDir() + u"/clusterdeck-runtime"_s,
                {u"--data-dir"_s, data, u"--resources"_s, test::resourcesDir(), u"--listen"_s, u"0.0.0.0:0"_s});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        const QByteArray said = p.readAllStandardError();
        QVERIFY2(said.contains("--tls") && said.contains("0.0.0.0:0"), said.constData());
        QVERIFY(!QFileInfo::exists(data)); // refused before the data dir was touched
    }

    void theTokenIsNotSentOverPlainHttpToAnotherHostNorAcrossARedirect()
    {
        QHostAddress other;
        for (const QHostAddress &a : QNetworkInterface::allAddresses())
            if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
                other = a;
        QVERIFY2(!other.isNull(), "this machine has no address but loopback to play another host");
        // A stand-in server that records the request heads it gets; the first answer redirects to the second.
        QList<QByteArray> heads;
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::Any));
        const int port = server.serverPort();
        QByteArray answer;
        connect(&server, &QTcpServer::newConnection, &server, [&] {
            QTcpSocket *s = server.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [&, s] {
                const QByteArray head = s->readAll();
                heads.append(head);
                s->write(answer);
                s->disconnectFromHost();
            });
        });
        const QByteArray token = "cdk_a-token-that-must-stay-home";
        auto call = [&](const QString &host) {
            RuntimeClient client(QUrl(u"http://%1:%2"_s.arg(host).arg(port)), token);
            client.setTimeoutMs(5000);
            return client.callBlocking(api::RouteId::Whoami);
        };
        const QByteArray refusal = R"({"error":"unauthorized","detail":"no token"})";
        answer = "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(refusal.size()) + "\r\n\r\n" + refusal;
        const ApiReply remote = call(other.toString());
        QCOMPARE(remote.httpStatus, 401);
        QCOMPARE(heads.size(), 1);
        QVERIFY2(!heads.last().contains(token) && !heads.last().contains("Authorization"), heads.last().constData());
        QVERIFY2(remote.detail.contains(u"the token was not sent"_s), qPrintable(remote.detail));
        // Loopback over plain HTTP is this machine: the token goes (so the check above can fail).
        call(u"127.0.0.1"_s);
        QCOMPARE(heads.size(), 2);
        QVERIFY(heads.last().contains(QByteArray("Authorization: Bearer " + token)));
        // A redirect is reported, not followed: no second request, to anywhere.
        answer = "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:" + QByteArray::number(port)
            + "/elsewhere\r\nContent-Length: 0\r\n\r\n";
        const ApiReply redirected = call(u"127.0.0.1"_s);
        QCOMPARE(redirected.error, u"redirect not followed"_s);
        QVERIFY2(redirected.detail.contains(u"/elsewhere"_s), qPrintable(redirected.detail));
        QTest::qWait(200);
        QCOMPARE(heads.size(), 3);
    }

    void cleanupTestCase() { m_pinned.stop(); }
};

QTEST_GUILESS_MAIN(TestTlsIntegration)
#include "tst_tls_integration.moc"
