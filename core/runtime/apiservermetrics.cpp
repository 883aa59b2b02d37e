// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiservermetrics.h"

#include "core/runtime/apicall.h"
#include "core/runtime/clustercontroller.h"
#include "core/runtime/costbook.h"
#include "core/runtime/incidentmonitor.h"
#include "core/runtime/metricsampler.h"
#include "core/runtime/supervisor.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace cdeck {

using namespace reply;

namespace {

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

// What a 'job' event is sent for: the job's state and what comes with it, not its growing duration or log tail.
QString jobStateKey(const Job &job)
{
    return toString(job.state) + u'|' + job.stateReason + u'|'
        + (job.exitCode ? QString::number(*job.exitCode) : QString()) + u'|' + job.startedAt.toString(Qt::ISODateWithMs)
        + u'|' + job.endedAt.toString(Qt::ISODateWithMs);
}

} // namespace

MetricsRoutes::MetricsRoutes(Supervisor &supervisor, QObject *parent)
    : QObject(parent)
    , m_supervisor(supervisor)
{
    if (MetricSampler *sampler = m_supervisor.sampler())
        connect(sampler, &MetricSampler::sampled, this, &MetricsRoutes::onSampled);
    connect(&m_supervisor, &Supervisor::clusterChanged, this, [this](const QString &id) {
        sendClusterEvents(id); // before any end: a waiting client reads the final state from it
        const ClusterController *c = m_supervisor.cluster(id);
        if (c && isTerminal(c->info().state))
            endStreams(id, toString(c->info().state));
    });
}

void MetricsRoutes::metrics(ApiCall &call)
{
    MetricSampler *sampler = m_supervisor.sampler();
    if (!sampler)
        return fail(call, Status::ServiceUnavailable, u"metrics unavailable"_s,
                    u"the metric store is not open: see runtime.log"_s);
    const QUrlQuery query(call.request.url());
    MetricSampler::Query q;
    q.clusterId = call.parameter(0);
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
        return fail(call, Status::BadRequest, u"invalid metrics query"_s, bad);
    if (step)
        q.stepMs = *step;
    // The query runs on the store's thread; the answer is written when it comes back, if the client stayed.
    auto kept = std::make_shared<QHttpServerResponder>(std::move(call.responder));
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

void MetricsRoutes::metricsStream(ApiCall &call)
{
    const QString clusterId = call.parameter(0);
    auto kept = std::make_shared<QHttpServerResponder>(std::move(call.responder));
    QPointer<QTcpSocket> socket = kept->socket();
    if (!socket)
        return;
    // No Content-Length: the body is the event stream and ends when either side closes.
    kept->writeStatusLine(Status::Ok);
    kept->writeHeader("Content-Type", "text/event-stream");
    kept->writeHeader("Cache-Control", "no-cache");
    kept->writeHeader("Connection", "close");
    kept->writeBody(": clusterdeck-runtime metrics stream, one 'samples' event per second, a 'cluster' event on each "
                    "change, a 'job' event on each job's change\nretry: 2000\n\n");
    // Jobs are told from here on: a client that waits for a job reads it once after the stream opened.
    QHash<QString, QString> jobStates;
    for (const Job &job : call.cluster->jobs())
        jobStates.insert(job.id, jobStateKey(job));
    m_streams.append(Stream{clusterId, kept, socket, {}, jobStates});
    QTcpSocket *raw = socket.data();
    connect(raw, &QAbstractSocket::disconnected, &m_streamHandlers,
            [this, raw] { m_streams.removeIf([raw](const Stream &s) { return s.socket == raw || !s.socket; }); });
    sendClusterEvents(clusterId); // where it stands now: a client waiting for a state misses nothing
    if (isTerminal(call.cluster->info().state))
        endStreams(clusterId, toString(call.cluster->info().state)); // nothing will come: say so rather than hang
}

RuntimeMetricsSnapshot MetricsRoutes::metricsSnapshot() const
{
    RuntimeMetricsSnapshot s;
    for (const ClusterState state :
         {ClusterState::Starting, ClusterState::Bootstrapping, ClusterState::Running, ClusterState::Waiting,
          ClusterState::Terminating, ClusterState::Terminated, ClusterState::TerminatedWithErrors})
        s.clustersByState.insert(toString(state), 0);
    QHash<QString, double> rates;
    for (const QJsonValue &v : m_supervisor.costBook().metersJson())
        rates.insert(v.toObject().value(u"cluster"_s).toString(), v.toObject().value(u"ratePerHour"_s).toDouble());
    const IncidentMonitor *monitor = m_supervisor.incidents();
    for (const ClusterInfo &c : m_supervisor.clusters()) {
        ++s.clustersByState[toString(c.state)];
        if (isTerminal(c.state))
            continue;
        int open = -1;
        if (monitor) {
            const triage::IncidentList incidents = monitor->incidents(c.id);
            open = int(std::count_if(incidents.cbegin(), incidents.cend(),
                                     [](const triage::Incident &i) { return i.isOpen(); }));
        }
        s.clusters.append({c.id, c.spec.name, rates.value(c.id), open});
        if (const ClusterController *controller = m_supervisor.cluster(c.id))
            for (const Executor &e : controller->executors())
                if (!isGone(e.status))
                    s.executors.append({c.id, e.id, toString(e.status), e.memoryManagedBytes, e.memoryUnmanagedBytes,
                                        e.memorySpilledBytes, e.memoryLimitBytes, e.bytesInTotal, e.bytesOutTotal});
    }
    return s;
}

void MetricsRoutes::prometheus(ApiCall &call)
{
    call.status = 200;
    call.responder.write(renderPrometheus(metricsSnapshot()), "text/plain; version=0.0.4; charset=utf-8",
                         QHttpServerResponder::StatusCode::Ok);
}

void MetricsRoutes::onSampled(const SampleBatch &batch)
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
                spdlog::warn("api: dropping a metrics stream of {} (client not reading)",
                             batch.clusterId.toStdString());
                s.socket->abort();
                m_streams.removeAt(i);
                continue;
            }
            if (event.isEmpty()) {
                QJsonArray samples;
                for (const telemetry::MetricPoint &p : batch.points)
                    samples.append(QJsonObject{
                        {u"name"_s, p.name}, {u"executor"_s, executorJson(p.executorId)}, {u"value"_s, p.value}});
                const QJsonObject data{{u"clusterId"_s, batch.clusterId},
                                       {u"timestampMs"_s, double(batch.timestampMs)},
                                       {u"samples"_s, samples}};
                event = "id: " + QByteArray::number(batch.timestampMs)
                    + "\nevent: samples\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
            }
            s.responder->writeBody(event);
        }
        ++i;
    }
}

void MetricsRoutes::sendClusterEvents(const QString &clusterId)
{
    const ClusterController *c = m_supervisor.cluster(clusterId);
    if (!c || std::none_of(m_streams.cbegin(), m_streams.cend(), [&](const Stream &s) {
            return s.clusterId == clusterId;
        }))
        return;
    // The cluster as GET /clusters/{id} answers it, and each executor's state (a scale's end is an executor
    // leaving RETIRING, which the cluster's own fields do not show). Metrics stay out: they change each poll.
    QJsonArray executors;
    for (const Executor &e : c->executors())
        executors.append(QJsonObject{{u"id"_s, e.id}, {u"status"_s, toString(e.status)}});
    const QByteArray data
        = QJsonDocument(QJsonObject{{u"cluster"_s, c->info().toJson(true)}, {u"executors"_s, executors}})
              .toJson(QJsonDocument::Compact);
    const QList<Job> jobs = c->jobs();
    for (Stream &s : m_streams) {
        if (s.clusterId != clusterId || !s.socket || s.socket->state() != QAbstractSocket::ConnectedState
            || s.socket->bytesToWrite() > 4 * 1024 * 1024)
            continue; // a stream not reading is dropped by the next samples event
        if (s.lastCluster != data) {
            s.lastCluster = data;
            s.responder->writeBody("event: cluster\ndata: " + data + "\n\n");
        }
        for (const Job &job : jobs) {
            const QString state = jobStateKey(job);
            auto told = s.jobStates.find(job.id);
            if (told != s.jobStates.end() && *told == state)
                continue;
            s.jobStates.insert(job.id, state);
            // The job as GET .../jobs/{id} answers it.
            s.responder->writeBody("event: job\ndata: " + QJsonDocument(job.toJson()).toJson(QJsonDocument::Compact)
                                   + "\n\n");
        }
    }
}

void MetricsRoutes::endStreams(const QString &clusterId, const QString &state)
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
