// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "runtimefeed.h"

#include "core/backend/runtime/runtimeclient.h"
#include "core/security/tokenfile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cdeck {

RuntimeFeed::RuntimeFeed(const QUrl &baseUrl, const QString &tokenFile, QObject *parent)
    : QObject(parent)
    , m_baseUrl(baseUrl)
    , m_tokenFile(tokenFile)
{
    qRegisterMetaType<cdeck::ClusterList>("cdeck::ClusterList");
    qRegisterMetaType<cdeck::ClusterInfo>("cdeck::ClusterInfo");
    qRegisterMetaType<cdeck::ExecutorList>("cdeck::ExecutorList");
    qRegisterMetaType<cdeck::JobList>("cdeck::JobList");
    qRegisterMetaType<QList<cdeck::InstanceType>>("QList<cdeck::InstanceType>");
    qRegisterMetaType<QList<cdeck::SampleInfo>>("QList<cdeck::SampleInfo>");
    qRegisterMetaType<cdeck::ActionResult>("cdeck::ActionResult");
    qRegisterMetaType<cdeck::ConnectionState>("cdeck::ConnectionState");
}

RuntimeFeed::~RuntimeFeed() = default;

void RuntimeFeed::start()
{
    m_timer = new QTimer(this);
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &RuntimeFeed::tick);
    m_timer->start();
    ensureClient();
    tick();
}

void RuntimeFeed::stop()
{
    if (m_timer)
        m_timer->stop();
    ++m_generation;
    delete m_client; // aborts what is in flight; answers of this generation are dropped
    m_client = nullptr;
}

bool RuntimeFeed::ensureClient()
{
    QString error;
    const QByteArray token = security::readTokenFile(m_tokenFile, &error);
    if (m_client && token == m_token)
        return true;
    if (m_client && token.isEmpty())
        return true; // keep the old one: a missing file is not a reason to drop a working client
    ++m_generation;
    if (m_client)
        m_client->deleteLater();
    m_token = token;
    m_client = new RuntimeClient(m_baseUrl, m_token, this);
    m_client->setTimeoutMs(5000);
    m_listInFlight = m_detailInFlight = m_executorsInFlight = m_jobsInFlight = false;
    return true;
}

void RuntimeFeed::noteReply(const ApiReply &reply)
{
    ConnectionState state = ConnectionState::Connected;
    QString message;
    if (reply.unreachable()) {
        state = ConnectionState::Unreachable;
        message = reply.error;
        if (!m_toldNothingListening) {
            m_toldNothingListening = true;
            Q_EMIT nothingListening();
        }
    } else if (reply.httpStatus == 401) {
        state = ConnectionState::Unauthorized;
        message = reply.message();
        ensureClient(); // the token file may have changed (a runtime the console just started)
    } else {
        m_toldNothingListening = true; // something answers: never offer to start another
    }
    if (m_timer)
        m_timer->setInterval(state == ConnectionState::Unreachable ? kUnreachablePollMs : kPollMs);
    if (state != m_state || message != m_stateMessage) {
        m_state = state;
        m_stateMessage = message;
        Q_EMIT connectionChanged(state, message);
    }
}

void RuntimeFeed::setFocus(const QString &clusterId, bool executors, bool jobs)
{
    const bool changed = clusterId != m_focus || (executors && !m_wantExecutors) || (jobs && !m_wantJobs);
    m_focus = clusterId;
    m_wantExecutors = executors;
    m_wantJobs = jobs;
    if (changed)
        tick(); // a newly shown page should not wait a whole period for its data
}

void RuntimeFeed::pollNow()
{
    tick();
}

void RuntimeFeed::fetchCatalog()
{
    m_catalogWanted = true;
    if (!ensureClient())
        return;
    const quint64 gen = m_generation;
    m_client->instanceTypes([this, gen](const ApiReply &r) {
        if (gen != m_generation)
            return;
        if (!r.ok())
            return; // retried on the next tick while m_catalogWanted
        QList<InstanceType> types;
        QString defaultType;
        for (const QJsonValue &v : r.body.toArray()) {
            const QJsonObject o = v.toObject();
            types.append(InstanceType::fromJson(o));
            if (o.value(u"default"_s).toBool())
                defaultType = types.last().name;
        }
        m_catalogWanted = false;
        Q_EMIT instanceTypesReady(types, defaultType);
    });
    m_client->samples([this, gen](const ApiReply &r) {
        if (gen != m_generation || !r.ok())
            return;
        QList<SampleInfo> samples;
        for (const QJsonValue &v : r.body.toArray()) {
            const QJsonObject o = v.toObject();
            samples.append({o.value(u"name"_s).toString(), o.value(u"description"_s).toString(),
                            o.value(u"path"_s).toString()});
        }
        Q_EMIT samplesReady(samples);
    });
}

void RuntimeFeed::tick()
{
    if (!m_client)
        return;
    if (m_token.isEmpty() || m_state == ConnectionState::Unauthorized)
        ensureClient();
    const quint64 gen = m_generation;
    if (!m_listInFlight) {
        m_listInFlight = true;
        m_client->listClusters([this, gen](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_listInFlight = false;
            noteReply(r);
            if (!r.ok())
                return;
            ClusterList clusters;
            for (const QJsonValue &v : r.body.toArray())
                clusters.append(ClusterInfo::fromJson(v.toObject()));
            Q_EMIT clustersReady(clusters);
            if (m_catalogWanted)
                fetchCatalog();
        });
    }
    // The focused cluster's pages are polled only while the runtime answers: an unreachable runtime gets one
    // probe per period, not four.
    if (m_focus.isEmpty() || m_state != ConnectionState::Connected)
        return;
    const QString id = m_focus;
    if (!m_detailInFlight) {
        m_detailInFlight = true;
        m_client->cluster(id, [this, gen](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_detailInFlight = false;
            if (r.ok())
                Q_EMIT clusterReady(ClusterInfo::fromJson(r.body.toObject()));
        });
    }
    if (m_wantExecutors && !m_executorsInFlight) {
        m_executorsInFlight = true;
        m_client->executors(id, [this, gen, id](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_executorsInFlight = false;
            if (!r.ok())
                return;
            ExecutorList list;
            for (const QJsonValue &v : r.body.toArray())
                list.append(Executor::fromJson(v.toObject()));
            Q_EMIT executorsReady(id, list);
        });
    }
    if (m_wantJobs && !m_jobsInFlight) {
        m_jobsInFlight = true;
        m_client->jobs(id, [this, gen, id](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_jobsInFlight = false;
            if (!r.ok())
                return;
            JobList list;
            for (const QJsonValue &v : r.body.toArray())
                list.append(Job::fromJson(v.toObject()));
            Q_EMIT jobsReady(id, list);
        });
    }
}

void RuntimeFeed::finishAction(const QString &action, const QString &clusterId, const ApiReply &reply)
{
    ActionResult result;
    result.action = action;
    result.clusterId = clusterId;
    result.ok = reply.ok();
    result.unreachable = reply.unreachable();
    result.httpStatus = reply.httpStatus;
    result.message = reply.ok() ? QString() : reply.message();
    for (auto it = reply.fields.begin(); it != reply.fields.end(); ++it)
        result.fields.insert(it.key(), it.value().toString());
    result.body = reply.body;
    Q_EMIT actionFinished(result);
    tick(); // show the consequence now rather than at the next period
}

void RuntimeFeed::launch(const ClusterSpec &spec)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->launch(spec, [this, gen](const ApiReply &r) {
        if (gen == m_generation)
            finishAction(u"launch"_s, r.body.toObject().value(u"id"_s).toString(), r);
    });
}

void RuntimeFeed::scale(const QString &clusterId, int workers)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->scale(clusterId, workers, [this, gen, clusterId](const ApiReply &r) {
        if (gen == m_generation)
            finishAction(u"scale"_s, clusterId, r);
    });
}

void RuntimeFeed::setProtection(const QString &clusterId, bool on)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->setProtection(clusterId, on, [this, gen, clusterId](const ApiReply &r) {
        if (gen == m_generation)
            finishAction(u"protection"_s, clusterId, r);
    });
}

void RuntimeFeed::terminate(const QString &clusterId)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->terminate(clusterId, [this, gen, clusterId](const ApiReply &r) {
        if (gen == m_generation)
            finishAction(u"terminate"_s, clusterId, r);
    });
}

void RuntimeFeed::submitJob(const QString &clusterId, const JobRequest &request)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->submitJob(clusterId, request, [this, gen, clusterId](const ApiReply &r) {
        if (gen == m_generation)
            finishAction(u"submit"_s, clusterId, r);
    });
}

void RuntimeFeed::cancelJob(const QString &clusterId, const QString &jobId)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->cancelJob(clusterId, jobId, [this, gen, clusterId](const ApiReply &r) {
        if (gen == m_generation)
            finishAction(u"cancel"_s, clusterId, r);
    });
}

} // namespace cdeck
