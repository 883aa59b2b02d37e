// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserver.h"

#include "core/runtime/clustercontroller.h"
#include "core/runtime/supervisor.h"
#include "core/security/tokenfile.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

using Status = QHttpServerResponder::StatusCode;
using Method = QHttpServerRequest::Method;

void sendJson(QHttpServerResponder &responder, const QJsonDocument &doc, Status status)
{
    responder.write(doc.toJson(QJsonDocument::Compact), "application/json", status);
}

void sendError(QHttpServerResponder &responder, Status status, const QString &error, const QString &detail,
               const QJsonObject &fields = {})
{
    QJsonObject o{{u"error"_s, error}, {u"detail"_s, detail}};
    if (!fields.isEmpty())
        o.insert(u"fields"_s, fields);
    sendJson(responder, QJsonDocument(o), status);
}

Status statusOf(Outcome::Kind kind)
{
    switch (kind) {
    case Outcome::Ok:
        return Status::Ok;
    case Outcome::Accepted:
        return Status::Accepted;
    case Outcome::Created:
        return Status::Created;
    case Outcome::BadRequest:
        return Status::BadRequest;
    case Outcome::NotFound:
        return Status::NotFound;
    case Outcome::Conflict:
        return Status::Conflict;
    case Outcome::Internal:
        break;
    }
    return Status::InternalServerError;
}

QString methodName(Method m)
{
    switch (m) {
    case Method::Get:
        return u"GET"_s;
    case Method::Post:
        return u"POST"_s;
    case Method::Put:
        return u"PUT"_s;
    case Method::Delete:
        return u"DELETE"_s;
    default:
        return u"OTHER"_s;
    }
}

} // namespace

ApiServer::ApiServer(Supervisor &supervisor, QByteArray token, QObject *parent)
    : QObject(parent)
    , m_supervisor(supervisor)
    , m_token(std::move(token))
{
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });
}

quint16 ApiServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    const quint16 bound = m_server.listen(address, port);
    if (bound == 0)
        *error = u"cannot listen on %1:%2 (is another runtime running?)"_s.arg(address.toString()).arg(port);
    return bound;
}

void ApiServer::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QString path = request.url().path();
    const Method method = request.method();
    QStringList seg = path.split(u'/', Qt::SkipEmptyParts);
    spdlog::debug("api: {} {}", methodName(method).toStdString(), path.toStdString());
    if (seg.size() < 2 || seg[0] != "api"_L1 || seg[1] != "v1"_L1) {
        sendError(responder, Status::NotFound, u"not found"_s, u"the API lives under /api/v1"_s);
        return;
    }
    seg = seg.mid(2);
    if (method == Method::Get && seg == QStringList{u"health"_s}) {
        sendJson(responder,
                 QJsonDocument(QJsonObject{{u"status"_s, u"ok"_s},
                                           {u"service"_s, u"clusterdeck-runtime"_s},
                                           {u"version"_s, QCoreApplication::applicationVersion()}}),
                 Status::Ok);
        return;
    }
    const QByteArray auth = request.value("Authorization");
    if (!auth.startsWith("Bearer ") || !security::tokensEqual(auth.mid(7).trimmed(), m_token)) {
        sendError(responder, Status::Unauthorized, u"unauthorized"_s,
                  u"send Authorization: Bearer <token>; the token is in the runtime's data dir (file 'token')"_s);
        return;
    }
    QJsonObject body;
    if (method == Method::Post || method == Method::Put) {
        const QByteArray raw = request.body();
        if (raw.size() > kMaxBodyBytes) {
            sendError(responder, Status::PayloadTooLarge, u"body too large"_s, u"at most 1 MiB"_s);
            return;
        }
        if (!raw.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                sendError(responder, Status::BadRequest, u"invalid JSON"_s,
                          parseError.error != QJsonParseError::NoError
                              ? u"%1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset)
                              : u"expected a JSON object"_s);
                return;
            }
            body = doc.object();
        }
    }
    auto answer = [&responder](const Outcome &o, const QJsonValue &value) {
        if (o.succeeded())
            sendJson(responder, value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()),
                     statusOf(o.kind));
        else
            sendError(responder, statusOf(o.kind), o.error, o.detail, o.fields);
    };
    auto methodNotAllowed = [&] {
        sendError(responder, Status::MethodNotAllowed, u"method not allowed"_s,
                  u"%1 is not supported on %2"_s.arg(methodName(method), path));
    };

    if (seg == QStringList{u"samples"_s}) {
        if (method != Method::Get)
            return methodNotAllowed();
        return answer(Outcome::ok(), m_supervisor.samples());
    }
    if (seg == QStringList{u"instance-types"_s}) {
        if (method != Method::Get)
            return methodNotAllowed();
        QJsonArray types;
        for (const InstanceType &t : m_supervisor.catalog().types()) {
            QJsonObject o = t.toJson();
            o.insert(u"default"_s, t.name == m_supervisor.catalog().defaultType());
            types.append(o);
        }
        return answer(Outcome::ok(), types);
    }
    if (seg.isEmpty() || seg[0] != "clusters"_L1)
        return sendError(responder, Status::NotFound, u"not found"_s, u"no such endpoint: %1"_s.arg(path));

    if (seg.size() == 1) {
        if (method == Method::Get) {
            QJsonArray list;
            for (const ClusterInfo &c : m_supervisor.clusters())
                list.append(c.toJson());
            return answer(Outcome::ok(), list);
        }
        if (method == Method::Post) {
            ClusterInfo created;
            const Outcome o = m_supervisor.launch(body, &created);
            return answer(o, created.toJson(true));
        }
        return methodNotAllowed();
    }
    const QString id = seg[1];
    ClusterController *cluster = m_supervisor.cluster(id);
    if (!cluster)
        return sendError(responder, Status::NotFound, u"cluster not found"_s, u"no cluster with id %1"_s.arg(id));
    if (seg.size() == 2) {
        if (method == Method::Get)
            return answer(Outcome::ok(), cluster->info().toJson(true));
        if (method == Method::Delete) {
            ClusterInfo result;
            const Outcome o = m_supervisor.terminate(id, &result);
            return answer(o, result.toJson(true));
        }
        return methodNotAllowed();
    }
    const QString sub = seg[2];
    if (seg.size() == 3 && sub == "scale"_L1) {
        if (method != Method::Post)
            return methodNotAllowed();
        ClusterInfo result;
        const Outcome o = m_supervisor.scale(id, body, &result);
        return answer(o, result.toJson(true));
    }
    if (seg.size() == 3 && sub == "protection"_L1) {
        if (method != Method::Put)
            return methodNotAllowed();
        ClusterInfo result;
        const Outcome o = m_supervisor.setProtection(id, body, &result);
        return answer(o, result.toJson(true));
    }
    if (seg.size() == 3 && sub == "executors"_L1) {
        if (method != Method::Get)
            return methodNotAllowed();
        QJsonArray list;
        for (const Executor &e : cluster->executors())
            list.append(e.toJson());
        return answer(Outcome::ok(), list);
    }
    if (sub == "jobs"_L1 && seg.size() == 3) {
        if (method == Method::Get) {
            QJsonArray list;
            for (const Job &j : cluster->jobs())
                list.append(j.toJson());
            return answer(Outcome::ok(), list);
        }
        if (method == Method::Post) {
            Job job;
            const Outcome o = m_supervisor.submitJob(id, body, &job);
            return answer(o, job.toJson());
        }
        return methodNotAllowed();
    }
    if (sub == "jobs"_L1 && seg.size() == 4) {
        const QString jobId = seg[3];
        if (method == Method::Get) {
            const auto job = cluster->job(jobId);
            if (!job)
                return sendError(responder, Status::NotFound, u"job not found"_s,
                                 u"no job %1 on cluster %2"_s.arg(jobId, id));
            return answer(Outcome::ok(), job->toJson());
        }
        if (method == Method::Delete) {
            Job job;
            const Outcome o = m_supervisor.cancelJob(id, jobId, &job);
            return answer(o, job.toJson());
        }
        return methodNotAllowed();
    }
    sendError(responder, Status::NotFound, u"not found"_s, u"no such endpoint: %1"_s.arg(path));
}

} // namespace cdeck
