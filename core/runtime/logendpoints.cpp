// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "logendpoints.h"

#include "core/logs/byterange.h"
#include "core/runtime/clustercontroller.h"
#include "core/runtime/clusterlogs.h"
#include "core/runtime/supervisor.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

using Status = QHttpServerResponder::StatusCode;

void sendError(QHttpServerResponder &responder, Status status, const QString &error, const QString &detail)
{
    responder.write(QJsonDocument(QJsonObject{{u"error"_s, error}, {u"detail"_s, detail}}), status);
}

// A slice of a log file as it is now. A log not written yet reads as empty: its process has not started.
struct LogRead
{
    qint64 size = 0;
    QByteArray bytes;
    QString error; // a log that exists and cannot be read, or is not a regular file
};

// Opens without following a symlink and refuses anything but a regular file (a FIFO would block the
// runtime, a symlink put in place of a log could point anywhere). length 0 only measures.
LogRead readLog(const QString &path, qint64 offset, qint64 length)
{
    LogRead r;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT)
            r.error = errno == ELOOP ? u"the log is a symbolic link: not served"_s
                                     : u"cannot open the log: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
        return r;
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        r.error = u"the log is not a regular file: not served"_s;
        return r;
    }
    r.size = st.st_size;
    if (length > 0 && offset < r.size) {
        r.bytes.resize(std::min(length, r.size - offset));
        qsizetype got = 0;
        while (got < r.bytes.size()) {
            const ssize_t n = ::pread(fd, r.bytes.data() + got, size_t(r.bytes.size() - got), offset + got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break; // shrank meanwhile: what was read stands
            got += n;
        }
        r.bytes.truncate(got);
    }
    ::close(fd);
    return r;
}

bool wantsFollow(const QHttpServerRequest &request)
{
    const QString follow = QUrlQuery(request.url()).queryItemValue(u"follow"_s);
    return follow == "1"_L1 || follow == "true"_L1 || request.value("Accept").contains("text/event-stream");
}

std::optional<qint64> offsetValue(const QString &text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (const QChar c : text)
        if (!c.isDigit() || c.unicode() > '9')
            return std::nullopt;
    return text.toLongLong();
}

QByteArray sseEvent(const char *type, const QJsonObject &data, qint64 id = -1)
{
    QByteArray e;
    if (id >= 0)
        e += "id: " + QByteArray::number(id) + '\n';
    e += "event: "_ba + type + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
    return e;
}

} // namespace

LogEndpoints::LogEndpoints(Supervisor &supervisor, QObject *parent)
    : QObject(parent)
    , m_supervisor(supervisor)
{
    m_tick.setInterval(kFollowTickMs);
    connect(&m_tick, &QTimer::timeout, this, &LogEndpoints::tick);
}

void LogEndpoints::list(const ClusterController &cluster, QHttpServerResponder &responder)
{
    QJsonArray list;
    for (const ClusterLogSource &s : logSourcesOf(cluster))
        list.append(s.toJson());
    responder.write(QJsonDocument(list), Status::Ok);
}

void LogEndpoints::serve(const ClusterController &cluster, const QString &source, const QHttpServerRequest &request,
                         QHttpServerResponder &&responder)
{
    const auto log = findLogSource(cluster, source);
    if (!log)
        return sendError(responder, Status::NotFound, u"log source not found"_s,
                         u"no log source '%1' on cluster %2 (GET /api/v1/clusters/%2/logs lists them)"_s.arg(
                             source.left(64), cluster.info().id));
    if (wantsFollow(request))
        return follow(cluster, log->name, request, std::move(responder));

    const LogRead measured = readLog(log->path, 0, 0);
    if (!measured.error.isEmpty())
        return sendError(responder, Status::InternalServerError, u"log not readable"_s, measured.error);
    const logs::RangeAnswer range = logs::resolveRange(request.value("Range"), measured.size, kMaxRangeBytes);
    const QByteArray size = QByteArray::number(measured.size);
    if (range.problem == logs::RangeAnswer::Problem::Malformed)
        return sendError(responder, Status::BadRequest, u"invalid range"_s, range.detail);
    if (range.problem == logs::RangeAnswer::Problem::Unsatisfiable)
        return responder.write(QJsonDocument(QJsonObject{{u"error"_s, u"range not satisfiable"_s},
                                                         {u"detail"_s, range.detail},
                                                         {u"size"_s, double(measured.size)}}),
                               {{"Content-Range", "bytes */" + size}, {"X-Log-Size", size}},
                               Status::RequestRangeNotSatisfiable);
    LogRead slice = readLog(log->path, range.first, range.length);
    if (!slice.error.isEmpty())
        return sendError(responder, Status::InternalServerError, u"log not readable"_s, slice.error);
    // The file may have grown or shrunk between the two reads: say what was sent, against the size then.
    const qint64 total = std::max(slice.size, range.first + slice.bytes.size());
    const QByteArray contentRange = "bytes " + QByteArray::number(range.first) + '-'
        + QByteArray::number(range.first + slice.bytes.size() - 1) + '/' + QByteArray::number(total);
    const QByteArray live = log->live ? "true" : "false";
    if (range.partial && !slice.bytes.isEmpty())
        responder.write(slice.bytes,
                        {{"Content-Type", "text/plain; charset=utf-8"},
                         {"Accept-Ranges", "bytes"},
                         {"Content-Range", contentRange},
                         {"X-Log-Size", QByteArray::number(total)},
                         {"X-Log-Live", live}},
                        Status::PartialContent);
    else
        responder.write(slice.bytes,
                        {{"Content-Type", "text/plain; charset=utf-8"},
                         {"Accept-Ranges", "bytes"},
                         {"X-Log-Size", QByteArray::number(total)},
                         {"X-Log-Live", live}},
                        Status::Ok);
}

void LogEndpoints::follow(const ClusterController &cluster, const QString &source, const QHttpServerRequest &request,
                          QHttpServerResponder &&responder)
{
    if (m_followers.size() >= kMaxFollowers)
        return sendError(responder, Status::ServiceUnavailable, u"too many log follows"_s,
                         u"at most %1 logs are followed at once; close one and retry"_s.arg(kMaxFollowers));
    const auto log = findLogSource(cluster, source);
    const LogRead measured = readLog(log->path, 0, 0);
    if (!measured.error.isEmpty())
        return sendError(responder, Status::InternalServerError, u"log not readable"_s, measured.error);
    // Where to start: the byte after the last event the client saw (a reconnect), else ?from=N, else the end.
    qint64 offset = measured.size;
    bool reset = false;
    const QUrlQuery query(request.url());
    if (const QByteArray lastId = request.value("Last-Event-ID"); !lastId.isEmpty()) {
        const auto id = offsetValue(QString::fromLatin1(lastId));
        if (!id)
            return sendError(responder, Status::BadRequest, u"invalid Last-Event-ID"_s,
                             u"Last-Event-ID: expected the byte offset of a previous event"_s);
        offset = *id;
        if (offset > measured.size) { // the log was replaced since: start it over
            offset = 0;
            reset = true;
        }
    } else if (query.hasQueryItem(u"from"_s)) {
        const QString from = query.queryItemValue(u"from"_s);
        const auto at = from == "end"_L1 ? std::optional<qint64>(measured.size) : offsetValue(from);
        if (!at)
            return sendError(responder, Status::BadRequest, u"invalid follow query"_s,
                             u"from: expected a byte offset (a non-negative integer) or 'end'"_s);
        if (*at > measured.size)
            return responder.write(
                QJsonDocument(QJsonObject{{u"error"_s, u"range not satisfiable"_s},
                                          {u"detail"_s, u"from: the log has %1 bytes"_s.arg(measured.size)},
                                          {u"size"_s, double(measured.size)}}),
                {{"Content-Range", "bytes */" + QByteArray::number(measured.size)}}, Status::RequestRangeNotSatisfiable);
        offset = *at;
    }
    auto kept = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = kept->socket();
    if (!socket)
        return;
    kept->writeStatusLine(Status::Ok);
    kept->writeHeader("Content-Type", "text/event-stream");
    kept->writeHeader("Cache-Control", "no-cache");
    kept->writeHeader("Connection", "close");
    kept->writeHeader("X-Log-Size", QByteArray::number(measured.size));
    kept->writeBody(": clusterdeck-runtime log follow: 'append' events (id: the byte offset after them), "
                    "'reset' when the log starts over, 'end' when it will not grow\nretry: 2000\n\n");
    if (reset)
        kept->writeBody(sseEvent("reset", QJsonObject{{u"size"_s, double(measured.size)}}, 0));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_followers.append(Follower{cluster.info().id, source, offset, kept, socket, now, 0});
    if (!m_tick.isActive())
        m_tick.start();
    // What is already there past the offset goes out at once, not at the next tick.
    if (!advance(m_followers.last(), now))
        m_followers.removeLast();
}

void LogEndpoints::tick()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = 0; i < m_followers.size();) {
        if (advance(m_followers[i], now))
            ++i;
        else
            m_followers.removeAt(i);
    }
    if (m_followers.isEmpty())
        m_tick.stop();
}

bool LogEndpoints::advance(Follower &f, qint64 nowMs)
{
    if (!f.socket || f.socket->state() != QAbstractSocket::ConnectedState)
        return false;
    // A client that stopped reading gets no more (the runtime's memory stays bounded); after a minute of
    // that it is dropped.
    if (f.socket->bytesToWrite() > 2 * kFollowEventBytes) {
        if (f.stalledSinceMs == 0)
            f.stalledSinceMs = nowMs;
        if (nowMs - f.stalledSinceMs > 60000) {
            spdlog::warn("api: dropping a log follow of {} {} (client not reading)", f.clusterId.toStdString(),
                         f.source.toStdString());
            f.socket->abort();
            return false;
        }
        return true;
    }
    f.stalledSinceMs = 0;
    const ClusterController *cluster = m_supervisor.cluster(f.clusterId);
    const auto log = cluster ? findLogSource(*cluster, f.source) : std::nullopt;
    auto end = [&](const QString &state) {
        f.responder->writeBody(sseEvent("end", QJsonObject{{u"source"_s, f.source}, {u"state"_s, state},
                                                           {u"size"_s, double(f.offset)}}));
        f.socket->disconnectFromHost(); // flushes what is queued, then closes
        return false;
    };
    if (!log)
        return end(u"gone"_s);
    LogRead r = readLog(log->path, f.offset, 4 * kFollowEventBytes);
    if (!r.error.isEmpty()) {
        f.responder->writeBody(sseEvent("error", QJsonObject{{u"detail"_s, r.error}}));
        f.socket->disconnectFromHost();
        return false;
    }
    if (r.size < f.offset) { // truncated or replaced: start over
        f.offset = 0;
        f.responder->writeBody(sseEvent("reset", QJsonObject{{u"size"_s, double(r.size)}}, 0));
        r = readLog(log->path, 0, 4 * kFollowEventBytes);
    }
    // Whole lines only, so an event never ends inside a line or a UTF-8 sequence; a line longer than an
    // event, or the last line of a log that will not grow, goes out as it is.
    qsizetype sendable = r.bytes.lastIndexOf('\n') + 1;
    const bool atEnd = f.offset + r.bytes.size() >= r.size;
    if (sendable == 0 && (r.bytes.size() >= kFollowEventBytes || (!log->live && atEnd)))
        sendable = r.bytes.size();
    for (qsizetype at = 0; at < sendable;) {
        qsizetype n = std::min<qsizetype>(sendable - at, kFollowEventBytes);
        if (at + n < sendable) { // cut this event at a line end too, when there is one
            const qsizetype nl = QByteArrayView(r.bytes).sliced(at, n).lastIndexOf('\n');
            if (nl >= 0)
                n = nl + 1;
        }
        const QByteArrayView piece = QByteArrayView(r.bytes).sliced(at, n);
        const qint64 from = f.offset;
        f.offset += n;
        f.responder->writeBody(sseEvent("append",
                                        QJsonObject{{u"offset"_s, double(from)},
                                                    {u"end"_s, double(f.offset)},
                                                    {u"text"_s, QString::fromUtf8(piece)}},
                                        f.offset));
        f.lastWriteMs = nowMs;
        at += n;
    }
    if (!log->live && f.offset >= r.size)
        return end(log->state);
    if (nowMs - f.lastWriteMs > 10000) { // a comment now and then: the client can tell a quiet log from a dead link
        f.responder->writeBody(": quiet\n\n");
        f.lastWriteMs = nowMs;
    }
    return true;
}

} // namespace cdeck
