// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "runtimelogs.h"

#include "core/backend/runtime/apiroutes.h"

#include "core/backend/runtime/runtimeclient.h"
#include "core/security/tokenfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

constexpr int kReadTimeoutMs = 30000;

QString replyError(QNetworkReply *reply, const QByteArray &body)
{
    if (const QString refusal = RuntimeTransport::tlsRefusal(reply); !refusal.isEmpty())
        return u"certificate refused: "_s + refusal;
    if (const QString location = RuntimeTransport::unfollowedRedirect(reply); !location.isEmpty())
        return u"redirect to %1 not followed (the token would go along)"_s.arg(location);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (o.contains(u"error"_s))
        return u"%1: %2 (HTTP %3)"_s.arg(o.value(u"error"_s).toString(), o.value(u"detail"_s).toString()).arg(status);
    return status ? u"HTTP %1"_s.arg(status) : reply->errorString();
}

} // namespace

RuntimeLogSource::RuntimeLogSource(RuntimeTransport *transport, const QString &clusterId, const QString &source,
                                   QObject *parent)
    : LogByteSource(parent)
    , m_transport(transport)
    , m_clusterId(clusterId)
    , m_source(source)
{
}

RuntimeLogSource::~RuntimeLogSource()
{
    closeFollow();
}

QString RuntimeLogSource::describe() const
{
    return u"%1 / %2"_s.arg(m_clusterId, m_source);
}

QUrl RuntimeLogSource::logUrl() const
{
    return m_transport->urlFor(api::path(api::RouteId::ClusterLog, {m_clusterId, m_source}));
}

void RuntimeLogSource::read(qint64 offset, qint64 length, ChunkCallback done)
{
    if (length <= 0
        || !m_transport) { // no range to ask for (HTTP has no empty range): nothing, answered later as promised
        QMetaObject::invokeMethod(
            this, [offset, done = std::move(done)] { done(Chunk{offset, {}, -1, {}}); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request = m_transport->request(logUrl(), "*/*");
    request.setRawHeader("Range", "bytes=" + QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1));
    request.setTransferTimeout(kReadTimeoutMs);
    QNetworkReply *reply = m_transport->send(request, "GET");
    reply->setParent(this); // gone with the source, and then done is never called
    connect(reply, &QNetworkReply::finished, this, [reply, offset, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        Chunk c;
        c.offset = offset;
        const QByteArray sizeHeader = reply->rawHeader("X-Log-Size");
        c.size = sizeHeader.isEmpty() ? -1 : sizeHeader.toLongLong();
        if (status == 416) { // past the end: nothing there (yet); the size is in Content-Range: bytes */N
            const QByteArray range = reply->rawHeader("Content-Range");
            if (range.startsWith("bytes */"))
                c.size = range.mid(8).toLongLong();
            done(c);
            return;
        }
        if (status != 200 && status != 206) {
            c.error = replyError(reply, body);
            done(c);
            return;
        }
        if (status == 206) {
            static const QRegularExpression kContentRange(u"^bytes (\\d+)-(\\d+)/(\\d+)$"_s);
            const auto m = kContentRange.match(QString::fromLatin1(reply->rawHeader("Content-Range")));
            if (!m.hasMatch() || m.captured(1).toLongLong() != offset) {
                c.error = u"the runtime answered another range (%1)"_s.arg(QString::fromLatin1(reply->rawHeader("Content-Range")));
                done(c);
                return;
            }
            c.size = m.captured(3).toLongLong();
        } else if (offset > 0) { // 200 is the whole log from byte 0
            c.bytes = body.mid(offset);
            done(c);
            return;
        }
        c.bytes = body;
        done(c);
    });
}

void RuntimeLogSource::setFollowing(bool on)
{
    if (!on)
        return closeFollow();
    if (m_follow || !m_transport)
        return;
    QUrl url = logUrl();
    url.setQuery(u"follow=1&from=end"_s);
    const QNetworkRequest request = m_transport->request(url, "text/event-stream");
    m_parser.reset();
    m_follow = m_transport->send(request, "GET");
    m_follow->setParent(this);
    connect(m_follow, &QNetworkReply::readyRead, this, &RuntimeLogSource::onFollowData);
    QNetworkReply *reply = m_follow;
    connect(m_follow, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray rest = reply->isOpen() ? reply->readAll() : QByteArray();
        const bool wasCurrent = m_follow == reply;
        if (wasCurrent)
            m_follow = nullptr;
        if (!wasCurrent || reply->error() == QNetworkReply::OperationCanceledError)
            return; // closed on purpose
        if (status != 200)
            Q_EMIT followFailed(replyError(reply, rest));
        else if (reply->error() != QNetworkReply::NoError)
            Q_EMIT followFailed(reply->errorString());
    });
}

void RuntimeLogSource::onFollowData()
{
    if (!m_follow || m_follow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return;
    for (const SseEvent &e : m_parser.feed(m_follow->readAll())) {
        const QJsonObject data = QJsonDocument::fromJson(e.data).object();
        if (e.type == "append")
            Q_EMIT grew(qint64(data.value(u"end"_s).toDouble()));
        else if (e.type == "reset")
            Q_EMIT truncated(qint64(data.value(u"size"_s).toDouble()));
        else if (e.type == "end")
            Q_EMIT ended(data.value(u"state"_s).toString());
        else if (e.type == "error")
            Q_EMIT followFailed(data.value(u"detail"_s).toString());
    }
    if (m_parser.failed())
        Q_EMIT followFailed(m_parser.error());
}

void RuntimeLogSource::closeFollow()
{
    if (QNetworkReply *reply = m_follow.data()) {
        m_follow = nullptr;
        reply->abort();
    }
}

RuntimeLogs::RuntimeLogs(const QUrl &baseUrl, const QString &tokenFile, QObject *parent)
    : QObject(parent)
{
    m_transport = new RuntimeTransport(baseUrl, security::readTokenFile(tokenFile, &m_error),
                                       RuntimeTrust::fromEnvironment(), this);
}

void RuntimeLogs::listSources(const QString &clusterId, SourcesCallback done)
{
    QNetworkRequest request
        = m_transport->request(m_transport->urlFor(api::path(api::RouteId::ClusterLogs, {clusterId})));
    request.setTransferTimeout(kReadTimeoutMs);
    QNetworkReply *reply = m_transport->send(request, "GET");
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return done({}, replyError(reply, body));
        QList<LogSourceInfo> sources;
        for (const QJsonValue &v : QJsonDocument::fromJson(body).array()) {
            const QJsonObject o = v.toObject();
            sources.append({o.value(u"source"_s).toString(), o.value(u"kind"_s).toString(), o.value(u"state"_s).toString(),
                            o.value(u"live"_s).toBool(), qint64(o.value(u"size"_s).toDouble())});
        }
        done(sources, {});
    });
}

RuntimeLogSource *RuntimeLogs::openSource(const QString &clusterId, const QString &source, QObject *parent)
{
    return new RuntimeLogSource(m_transport, clusterId, source, parent);
}

} // namespace cdeck
