// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserver.h"

#include "core/runtime/clustercontroller.h"
#include "core/runtime/incidentmonitor.h"
#include "core/runtime/slomonitor.h"
#include "core/runtime/costbook.h"
#include "core/runtime/metricsampler.h"
#include "core/runtime/supervisor.h"
#include "core/security/tokenfile.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

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

std::optional<qint64> msParameter(const QUrlQuery &query, const QString &name, QString *bad);

} // namespace

ApiServer::ApiServer(Supervisor &supervisor, QByteArray token, QObject *parent)
    : QObject(parent)
    , m_supervisor(supervisor)
    , m_token(std::move(token))
{
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });
    if (MetricSampler *sampler = m_supervisor.sampler())
        connect(sampler, &MetricSampler::sampled, this, &ApiServer::onSampled);
    connect(&m_supervisor, &Supervisor::clusterChanged, this, [this](const QString &id) {
        const ClusterController *c = m_supervisor.cluster(id);
        if (c && isTerminal(c->info().state))
            endStreams(id, toString(c->info().state));
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
    if (seg == QStringList{u"engines"_s}) {
        if (method != Method::Get)
            return methodNotAllowed();
        return answer(Outcome::ok(), m_supervisor.engines());
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
    if (!seg.isEmpty() && seg[0] == "runbooks"_L1 && seg.size() <= 2) {
        if (method != Method::Get)
            return methodNotAllowed();
        if (seg.size() == 1)
            return answer(Outcome::ok(), m_supervisor.runbooks());
        const auto runbook = m_supervisor.runbook(seg[1]);
        if (!runbook)
            return sendError(responder, Status::NotFound, u"runbook not found"_s, u"no runbook %1"_s.arg(seg[1]));
        return answer(Outcome::ok(), *runbook);
    }
    if (!seg.isEmpty() && seg[0] == "slos"_L1 && seg.size() <= 2) {
        SloMonitor *slos = m_supervisor.slos();
        if (!slos)
            return sendError(responder, Status::ServiceUnavailable, u"SLOs unavailable"_s,
                             u"the SLO monitor is not running: see runtime.log"_s);
        bool internal = false;
        if (seg.size() == 1) {
            if (method == Method::Get)
                return answer(Outcome::ok(), slos->statusJson());
            if (method != Method::Post)
                return methodNotAllowed();
            QString bad;
            const auto added = slos->add(body, &bad, &internal);
            if (!added)
                return sendError(responder, internal ? Status::InternalServerError : Status::BadRequest,
                                 internal ? u"SLO not saved"_s : u"invalid SLO"_s, bad);
            return answer(Outcome::ok(Outcome::Created), slos->statusJson(added->id).value_or(added->toJson()));
        }
        if (method == Method::Get) {
            const auto one = slos->statusJson(seg[1]);
            if (!one)
                return sendError(responder, Status::NotFound, u"SLO not found"_s, u"no SLO %1"_s.arg(seg[1]));
            return answer(Outcome::ok(), *one);
        }
        if (method != Method::Delete)
            return methodNotAllowed();
        if (!slos->remove(seg[1], &internal))
            return internal ? sendError(responder, Status::InternalServerError, u"SLO not removed"_s,
                                        u"the store refused it: see runtime.log"_s)
                            : sendError(responder, Status::NotFound, u"SLO not found"_s, u"no SLO %1"_s.arg(seg[1]));
        return answer(Outcome::ok(), QJsonObject{{u"deleted"_s, seg[1]}});
    }
    if (!seg.isEmpty() && (seg[0] == "cost"_L1 || seg[0] == "budgets"_L1 || seg[0] == "pricing"_L1))
        return serveCost(seg, method, request, body, responder);
    if (seg.isEmpty() || seg[0] != "clusters"_L1)
        return sendError(responder, Status::NotFound, u"not found"_s, u"no such endpoint: %1"_s.arg(path));

    if (seg.size() == 1) {
        if (method == Method::Get) {
            QJsonArray list;
            const IncidentMonitor *monitor = m_supervisor.incidents();
            for (const ClusterInfo &c : m_supervisor.clusters()) {
                QJsonObject o = c.toJson();
                // The console's sidebar badges each cluster with it: one list answer instead of a poll per cluster.
                if (monitor) {
                    const triage::IncidentList incidents = monitor->incidents(c.id);
                    o.insert(u"openIncidents"_s, int(std::count_if(incidents.cbegin(), incidents.cend(),
                                                                   [](const triage::Incident &i) { return i.isOpen(); })));
                }
                list.append(o);
            }
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
    if (seg.size() == 3 && sub == "policy"_L1) {
        if (method == Method::Get)
            return answer(Outcome::ok(), cluster->info().spec.scaling.toJson());
        if (method != Method::Put)
            return methodNotAllowed();
        ClusterInfo result;
        const Outcome o = m_supervisor.setScalingPolicy(id, body, &result);
        return answer(o, result.toJson(true));
    }
    if (seg.size() == 3 && sub == "events"_L1) {
        if (method != Method::Get)
            return methodNotAllowed();
        const QUrlQuery query(request.url());
        bool ok = true;
        const qint64 after = query.hasQueryItem(u"after"_s) ? query.queryItemValue(u"after"_s).toLongLong(&ok) : 0;
        if (!ok || after < 0)
            return sendError(responder, Status::BadRequest, u"invalid events query"_s,
                             u"after: expected an event seq (a non-negative integer)"_s);
        const QStringList types = query.queryItemValue(u"type"_s).split(u',', Qt::SkipEmptyParts);
        QJsonArray list;
        for (const ClusterEvent &e : cluster->events(after))
            if (types.isEmpty() || types.contains(e.type))
                list.append(e.toJson());
        return answer(Outcome::ok(), list);
    }
    if (seg.size() == 3 && sub == "protection"_L1) {
        if (method != Method::Put)
            return methodNotAllowed();
        ClusterInfo result;
        const Outcome o = m_supervisor.setProtection(id, body, &result);
        return answer(o, result.toJson(true));
    }
    if (seg.size() == 3 && sub == "actions"_L1) {
        if (method != Method::Post)
            return methodNotAllowed();
        QJsonObject result;
        const Outcome o = m_supervisor.guardedAction(id, body, &result);
        if (!o.succeeded() && result.contains(u"audit"_s)) {
            // Refused, and the refusal is on the record: say both.
            QJsonObject error{{u"error"_s, o.error}, {u"detail"_s, o.detail}, {u"audit"_s, result.value(u"audit"_s)}};
            return sendJson(responder, QJsonDocument(error), statusOf(o.kind));
        }
        return answer(o, result);
    }
    if (seg.size() == 3 && sub == "audit"_L1) {
        if (method != Method::Get)
            return methodNotAllowed();
        return answer(Outcome::ok(), m_supervisor.auditLog(id));
    }
    if (seg.size() == 3 && sub == "timeline"_L1) {
        if (method != Method::Get)
            return methodNotAllowed();
        const QUrlQuery query(request.url());
        QString bad;
        const std::optional<qint64> fromMs = msParameter(query, u"from"_s, &bad);
        const std::optional<qint64> toMs = msParameter(query, u"to"_s, &bad);
        if (bad.isEmpty() && fromMs && toMs && *fromMs > *toMs)
            bad = u"from: must not be after to"_s;
        if (!bad.isEmpty())
            return sendError(responder, Status::BadRequest, u"invalid timeline query"_s, bad);
        auto when = [](const std::optional<qint64> &ms) -> std::optional<QDateTime> {
            if (!ms)
                return std::nullopt;
            return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
        };
        triage::Timeline timeline;
        const Outcome o = m_supervisor.timeline(id, when(fromMs), when(toMs), &timeline);
        return answer(o, triage::toJson(timeline));
    }
    if (seg.size() == 3 && sub == "chaos"_L1) {
        if (method != Method::Post)
            return methodNotAllowed();
        QJsonObject result;
        const Outcome o = m_supervisor.chaos(id, body, &result);
        return answer(o, result);
    }
    if (sub == "incidents"_L1 && (seg.size() == 3 || seg.size() == 4)) {
        if (method != Method::Get)
            return methodNotAllowed();
        const IncidentMonitor *monitor = m_supervisor.incidents();
        if (!monitor)
            return sendError(responder, Status::ServiceUnavailable, u"incidents unavailable"_s,
                             u"the incident monitor is not running: see runtime.log"_s);
        if (seg.size() == 4) {
            const auto incident = monitor->incident(id, seg[3]);
            if (!incident)
                return sendError(responder, Status::NotFound, u"incident not found"_s,
                                 u"no incident %1 on cluster %2"_s.arg(seg[3], id));
            return answer(Outcome::ok(), incident->toJson());
        }
        QJsonArray list;
        for (const triage::Incident &i : monitor->incidents(id))
            list.append(i.toJson());
        return answer(Outcome::ok(), list);
    }
    if (sub == "logs"_L1 && (seg.size() == 3 || seg.size() == 4)) {
        if (method != Method::Get)
            return methodNotAllowed();
        if (seg.size() == 3)
            return m_logs.list(*cluster, responder);
        return m_logs.serve(*cluster, seg[3], request, std::move(responder));
    }
    if (seg.size() == 3 && sub == "executors"_L1) {
        if (method != Method::Get)
            return methodNotAllowed();
        QJsonArray list;
        for (const Executor &e : cluster->executors())
            list.append(e.toJson());
        return answer(Outcome::ok(), list);
    }
    if (seg.size() == 3 && sub == "cost"_L1) {
        if (method != Method::Get)
            return methodNotAllowed();
        QString bad;
        const auto report = m_supervisor.costBook().costJson(QUrlQuery(request.url()), id, &bad);
        if (!report)
            return sendError(responder, Status::BadRequest, u"invalid cost query"_s, bad);
        return answer(Outcome::ok(), *report);
    }
    if (sub == "metrics"_L1 && seg.size() == 3) {
        if (method != Method::Get)
            return methodNotAllowed();
        return serveMetrics(id, request, std::move(responder));
    }
    if (sub == "metrics"_L1 && seg.size() == 4 && seg[3] == "stream"_L1) {
        if (method != Method::Get)
            return methodNotAllowed();
        return openStream(id, std::move(responder));
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
    if (sub == "jobs"_L1 && seg.size() == 5 && seg[4] == "dag"_L1) {
        if (method != Method::Get)
            return methodNotAllowed();
        auto kept = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> socket = kept->socket();
        cluster->fetchDag(seg[3], [kept, socket](const QByteArray &json, const QString &error, bool notFound) {
            if (!socket || socket->state() != QAbstractSocket::ConnectedState)
                return; // the client left
            if (notFound)
                return sendError(*kept, Status::NotFound, u"job not found"_s, error);
            if (json.isEmpty())
                return sendError(*kept, Status::ServiceUnavailable, u"DAG unavailable"_s, error);
            kept->write(json, "application/json", Status::Ok);
        });
        return;
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

namespace {

// A non-negative integer query parameter (milliseconds); nullopt when absent, *bad set when malformed.
std::optional<qint64> msParameter(const QUrlQuery &query, const QString &name, QString *bad)
{
    if (!query.hasQueryItem(name))
        return std::nullopt;
    bool ok = false;
    const qint64 v = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || v < 0) {
        *bad = u"%1: expected milliseconds since the epoch (a non-negative integer), got '%2'"_s.arg(
            name, query.queryItemValue(name));
        return std::nullopt;
    }
    return v;
}

QStringList listParameter(const QUrlQuery &query, const QString &name)
{
    QStringList result;
    for (const QString &v : query.allQueryItemValues(name, QUrl::FullyDecoded))
        for (const QString &part : v.split(u',', Qt::SkipEmptyParts))
            result.append(part.trimmed());
    return result;
}

QJsonValue executorJson(const QString &executorId)
{
    return executorId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(executorId);
}

} // namespace

void ApiServer::serveCost(const QStringList &seg, QHttpServerRequest::Method method, const QHttpServerRequest &request,
                          const QJsonObject &body, QHttpServerResponder &responder)
{
    CostBook &book = m_supervisor.costBook();
    const QUrlQuery query(request.url());
    auto methodNotAllowed = [&] {
        sendError(responder, Status::MethodNotAllowed, u"method not allowed"_s,
                  u"%1 is not supported on %2"_s.arg(methodName(method), request.url().path()));
    };
    auto ok = [&](const QJsonValue &v, Status status = Status::Ok) {
        sendJson(responder, v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()), status);
    };
    if (seg == QStringList{u"pricing"_s}) {
        if (method != Method::Get)
            return methodNotAllowed();
        return ok(book.catalog().toJson());
    }
    if (seg[0] == "cost"_L1 && seg.size() <= 2) {
        if (method != Method::Get)
            return methodNotAllowed();
        const QString what = seg.value(1);
        QString bad;
        if (what.isEmpty()) {
            const auto report = book.costJson(query, {}, &bad);
            if (!report)
                return sendError(responder, Status::BadRequest, u"invalid cost query"_s, bad);
            if (const QString c = query.queryItemValue(u"cluster"_s); !c.isEmpty() && !m_supervisor.cluster(c))
                return sendError(responder, Status::NotFound, u"cluster not found"_s, u"no cluster with id %1"_s.arg(c));
            return ok(*report);
        }
        if (what == "meters"_L1)
            return ok(book.metersJson());
        if (what == "forecast"_L1)
            return ok(book.forecastJson());
        if (what == "summary"_L1) {
            const auto report = book.summaryJson(query, &bad);
            if (!report)
                return sendError(responder, Status::BadRequest, u"invalid cost query"_s, bad);
            return ok(*report);
        }
    }
    if (seg[0] == "budgets"_L1 && seg.size() == 1) {
        if (method == Method::Get)
            return ok(book.budgetsJson());
        if (method == Method::Post) {
            QJsonObject status;
            QString bad;
            bool internal = false;
            if (!book.putBudget(body, &status, &bad, &internal))
                return sendError(responder, internal ? Status::InternalServerError : Status::BadRequest,
                                 internal ? u"budget not saved"_s : u"invalid budget"_s, bad);
            return ok(status);
        }
        return methodNotAllowed();
    }
    if (seg[0] == "budgets"_L1 && seg.size() == 2) {
        if (method != Method::Delete)
            return methodNotAllowed();
        bool notFound = false;
        QString bad;
        if (!book.deleteBudget(seg[1], &notFound, &bad))
            return sendError(responder, notFound ? Status::NotFound : Status::BadRequest,
                             notFound ? u"budget not found"_s : u"invalid budget"_s, bad);
        return ok(QJsonObject{{u"deleted"_s, seg[1]}});
    }
    sendError(responder, Status::NotFound, u"not found"_s, u"no such endpoint: %1"_s.arg(request.url().path()));
}

void ApiServer::serveMetrics(const QString &clusterId, const QHttpServerRequest &request,
                             QHttpServerResponder &&responder)
{
    MetricSampler *sampler = m_supervisor.sampler();
    if (!sampler)
        return sendError(responder, Status::ServiceUnavailable, u"metrics unavailable"_s,
                         u"the metric store is not open: see runtime.log"_s);
    const QUrlQuery query(request.url());
    MetricSampler::Query q;
    q.clusterId = clusterId;
    q.names = listParameter(query, u"series"_s);
    q.executors = listParameter(query, u"executors"_s);
    QString bad;
    q.fromMs = msParameter(query, u"from"_s, &bad);
    q.toMs = msParameter(query, u"to"_s, &bad);
    const std::optional<qint64> step = msParameter(query, u"step"_s, &bad);
    if (bad.isEmpty() && step && *step < 1)
        bad = u"step: must be at least 1 (ms); steps finer than the stored resolution come back at that resolution"_s;
    if (bad.isEmpty() && q.fromMs && q.toMs && *q.fromMs > *q.toMs)
        bad = u"from: must not be after to"_s;
    const QStringList known = MetricSampler::clusterSeriesNames();
    for (const QString &name : std::as_const(q.names))
        if (bad.isEmpty() && !known.contains(name))
            bad = u"series: unknown series '%1' (known: %2)"_s.arg(name, known.join(u", "_s));
    if (!bad.isEmpty())
        return sendError(responder, Status::BadRequest, u"invalid metrics query"_s, bad);
    if (step)
        q.stepMs = *step;
    // The query runs on the store's thread; the answer is written when it comes back, if the client stayed.
    auto kept = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = kept->socket();
    const bool listOnly = q.names.isEmpty();
    sampler->query(q, this, [kept, socket, listOnly](const MetricSampler::QueryResult &r) {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (!r.error.isEmpty())
            return sendError(*kept, Status::InternalServerError, u"metrics query failed"_s, r.error);
        QJsonArray list;
        if (listOnly) {
            for (const telemetry::SeriesKey &k : r.available)
                list.append(QJsonObject{{u"name"_s, k.name}, {u"executor"_s, executorJson(k.executorId)}});
            return sendJson(*kept, QJsonDocument(list), Status::Ok);
        }
        for (const telemetry::SeriesRange &range : r.ranges) {
            QJsonArray points;
            for (const telemetry::RangePoint &p : range.points)
                points.append(QJsonArray{double(p.timestampMs), p.mean, p.min, p.max});
            QJsonArray gaps;
            for (const auto &[from, to] : range.gaps())
                gaps.append(QJsonArray{double(from), double(to)});
            list.append(QJsonObject{{u"name"_s, range.key.name},
                                    {u"executor"_s, executorJson(range.key.executorId)},
                                    {u"stepMs"_s, double(range.stepMs)},
                                    {u"resolutionMs"_s, double(range.resolutionMs)},
                                    {u"points"_s, points},
                                    {u"gaps"_s, gaps}});
        }
        sendJson(*kept, QJsonDocument(list), Status::Ok);
    });
}

void ApiServer::openStream(const QString &clusterId, QHttpServerResponder &&responder)
{
    auto kept = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = kept->socket();
    if (!socket)
        return;
    // No Content-Length: the body is the event stream and ends when either side closes.
    kept->writeStatusLine(Status::Ok);
    kept->writeHeader("Content-Type", "text/event-stream");
    kept->writeHeader("Cache-Control", "no-cache");
    kept->writeHeader("Connection", "close");
    kept->writeBody(": clusterdeck-runtime metrics stream, one 'samples' event per second\nretry: 2000\n\n");
    const ClusterController *c = m_supervisor.cluster(clusterId);
    m_streams.append(Stream{clusterId, kept, socket});
    QTcpSocket *raw = socket.data();
    connect(raw, &QAbstractSocket::disconnected, &m_streamHandlers, [this, raw] {
        m_streams.removeIf([raw](const Stream &s) { return s.socket == raw || !s.socket; });
    });
    if (c && isTerminal(c->info().state))
        endStreams(clusterId, toString(c->info().state)); // nothing will come: say so rather than hang
}

void ApiServer::onSampled(const SampleBatch &batch)
{
    QByteArray event;
    for (qsizetype i = 0; i < m_streams.size();) {
        Stream &s = m_streams[i];
        if (!s.socket || s.socket->state() != QAbstractSocket::ConnectedState) {
            m_streams.removeAt(i);
            continue;
        }
        if (s.clusterId == batch.clusterId) {
            // A client that stopped reading must not grow the runtime's memory without bound.
            if (s.socket->bytesToWrite() > 4 * 1024 * 1024) {
                spdlog::warn("api: dropping a metrics stream of {} (client not reading)", batch.clusterId.toStdString());
                s.socket->abort();
                m_streams.removeAt(i);
                continue;
            }
            if (event.isEmpty()) {
                QJsonArray samples;
                for (const telemetry::MetricPoint &p : batch.points)
                    samples.append(QJsonObject{{u"name"_s, p.name}, {u"executor"_s, executorJson(p.executorId)},
                                               {u"value"_s, p.value}});
                const QJsonObject data{{u"clusterId"_s, batch.clusterId},
                                       {u"timestampMs"_s, double(batch.timestampMs)},
                                       {u"samples"_s, samples}};
                event = "id: " + QByteArray::number(batch.timestampMs) + "\nevent: samples\ndata: "
                    + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
            }
            s.responder->writeBody(event);
        }
        ++i;
    }
}

void ApiServer::endStreams(const QString &clusterId, const QString &state)
{
    for (qsizetype i = 0; i < m_streams.size();) {
        Stream &s = m_streams[i];
        if (s.clusterId != clusterId) {
            ++i;
            continue;
        }
        if (s.socket && s.socket->state() == QAbstractSocket::ConnectedState) {
            const QJsonObject data{{u"clusterId"_s, clusterId}, {u"state"_s, state}};
            s.responder->writeBody("event: end\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n");
            s.socket->disconnectFromHost(); // flushes what is queued, then closes
        }
        m_streams.removeAt(i);
    }
}

} // namespace cdeck
