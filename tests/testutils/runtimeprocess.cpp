// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "runtimeprocess.h"

#include "core/security/tokenfile.h"
#include "loopback.h"
#include "testpaths.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;

namespace cdeck::test {

RuntimeProcess::RuntimeProcess()
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

RuntimeProcess::~RuntimeProcess()
{
    stopAndReap();
}

QString RuntimeProcess::url() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_port);
}

bool RuntimeProcess::start(QString *error)
{
    if (!m_data.isValid()) {
        *error = u"cannot create a temporary data directory"_s;
        return false;
    }
    const QString bin = binDir() + u"/clusterdeck-runtime"_s;
    if (!QFileInfo(bin).isExecutable()) {
        *error = bin + u" is missing: build clusterdeck-runtime"_s;
        return false;
    }
    if (m_port == 0)
        m_port = freeLoopbackPort();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = m_env.cbegin(); it != m_env.cend(); ++it)
        env.insert(it.key(), it.value());
    m_process.setProcessEnvironment(env);
    m_process.start(bin, {u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port), u"--data-dir"_s, m_data.path(),
                          u"--resources"_s, resourcesDir()});
    if (!m_process.waitForStarted(10000)) {
        *error = m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(15000);
    RuntimeClient client(QUrl(url()), {});
    while (!client.requestBlocking("GET", u"/health"_s).ok()) {
        if (deadline.hasExpired() || m_process.state() != QProcess::Running) {
            *error = u"the runtime did not answer /health on %1 within 15 s"_s.arg(url());
            return false;
        }
        QThread::msleep(100);
    }
    m_token = security::readTokenFile(tokenFile(), error);
    return !m_token.isEmpty();
}

void RuntimeProcess::crash()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10000);
}

void RuntimeProcess::stop()
{
    if (isRunning()) {
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            m_process.kill();
        m_process.waitForFinished();
    }
}

void RuntimeProcess::stopAndReap()
{
    stop();
    if (m_data.isValid())
        for (qint64 pid : processesUnder(m_data.path() + u"/clusters"_s))
            ::kill(pid_t(pid), SIGKILL);
}

int RuntimeProcess::cli(const QStringList &args, QJsonValue *json, int timeoutMs) const
{
    return runCliJson(url(), tokenFile(), args, json, timeoutMs);
}

ApiReply RuntimeProcess::api(const QByteArray &verb, const QString &path, const QJsonObject &body, bool withToken) const
{
    RuntimeClient client(QUrl(url()), withToken ? m_token : QByteArray("wrong-token"));
    return client.requestBlocking(verb, path, body);
}

int RuntimeProcess::get(const QString &pathAndQuery, QJsonValue *body, const QByteArray &token) const
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(url() + pathAndQuery));
    request.setRawHeader("Authorization", "Bearer " + (token.isEmpty() ? m_token : token));
    request.setTransferTimeout(20000);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    if (body)
        *body = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    reply->deleteLater();
    return status;
}

} // namespace cdeck::test
