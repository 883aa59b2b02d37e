// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "runtimefeed.h"

#include "runtimeclient.h"

#include "core/security/tokenfile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace cdeck {

RuntimeFeed::RuntimeFeed(const QUrl &baseUrl, const QString &tokenFile, QObject *parent)
    : ClusterFeed(runtimeCapabilities(), parent)
    , m_baseUrl(baseUrl)
    , m_tokenFile(tokenFile)
{
}

FeedCapabilities RuntimeFeed::runtimeCapabilities()
{
    FeedCapabilities c;
    c.kind = ConnectionKind::Runtime;
    c.engineName = tr("ClusterDeck runtime");
    c.serverName = tr("The runtime");
    c.managesClusters = true;
    c.submitsJobs = true;
    c.cancelsJobs = true;
    c.memoryCharts = true;
    c.shuffleCharts = true;
    c.clusterEvents = true;
    c.editsBudgetsAndSlos = true;
    return c;
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
    dropMetricsStream();
    if (m_metricsRetry)
        m_metricsRetry->stop();
    ++m_generation;
    delete m_client; // aborts what is in flight; answers of this generation are dropped
    m_client = nullptr;
}

bool RuntimeFeed::ensureClient()
{
    QString error;
    const QByteArray token = m_givenToken.isEmpty() ? security::readTokenFile(m_tokenFile, &error) : m_givenToken;
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
    m_listInFlight = m_detailInFlight = m_executorsInFlight = m_jobsInFlight = m_eventsInFlight = false;
    if (m_stream) // opened with the old token: follow again with the new one
        scheduleMetricsRetry(u"new token"_s);
    m_dagsInFlight.clear();
    m_metersInFlight = m_clusterCostInFlight = m_summaryInFlight = false;
    m_incidentsInFlight = m_slosInFlight = false; // the old generation's answers never come
    m_identityKnown = m_whoamiInFlight = false; // a new token may be someone else
    return true;
}

void RuntimeFeed::useToken(const QByteArray &token)
{
    m_givenToken = token;
    if (!m_client)
        return; // start() makes the client with it
    ensureClient();
    if (m_state == ConnectionState::Unauthorized)
        m_state = ConnectionState::Connecting; // said again by the next answer, with the new token's outcome
    tick();
}

void RuntimeFeed::fetchAudit(const QString &query)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->call(
        api::RouteId::Audit, {}, {},
        [this, gen, query](const ApiReply &r) {
            if (gen != m_generation)
                return;
            noteReply(r);
            Q_EMIT auditReady(query, r.body.toArray(), r.ok() ? QString() : r.message());
        },
        query);
}

void RuntimeFeed::noteReply(const ApiReply &reply)
{
    ConnectionState state = ConnectionState::Connected;
    QString message;
    bool refused = false;
    if (reply.certificateRefused) {
        // Something answers, but not with the certificate this console trusts: say why and what to do, and never
        // offer to start a runtime in its place.
        state = ConnectionState::Unreachable;
        message = reply.message();
        m_toldNothingListening = true;
    } else if (reply.unreachable()) {
        state = ConnectionState::Unreachable;
        message = reply.error;
        if (!m_toldNothingListening) {
            m_toldNothingListening = true;
            Q_EMIT nothingListening();
        }
    } else if (reply.httpStatus == 401) {
        state = ConnectionState::Unauthorized;
        message = reply.message();
        // Said once per refusal, after the state (whose message says why): the user is nobody now.
        refused = m_identityKnown || m_state != ConnectionState::Unauthorized;
        m_identityKnown = false;
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
    if (refused)
        Q_EMIT identityReady({}, {});
}

void RuntimeFeed::setFocus(const QString &clusterId, bool executors, bool jobs)
{
    const bool changed = clusterId != m_focus || (executors && !m_wantExecutors) || (jobs && !m_wantJobs);
    if (clusterId != m_focus)
        m_events.clear();
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
            // /samples lists every engine's samples under the same names; the job form offers the focused
            // cluster's engine's. A runtime before engines had no "engine" field: those are Dask's.
            const auto engine = engineKindFromString(o.value(u"engine"_s).toString(u"dask"_s));
            if (!engine)
                continue; // an engine this console does not know
            samples.append({o.value(u"name"_s).toString(), o.value(u"description"_s).toString(),
                            o.value(u"path"_s).toString(), *engine});
        }
        Q_EMIT samplesReady(samples);
    });
    m_client->engines([this, gen](const ApiReply &r) {
        if (gen != m_generation)
            return;
        QList<EngineAvailability> engines;
        if (r.httpStatus == 404) {
            // A runtime from before GET /engines runs Dask only.
            engines
                = {{EngineKind::Dask, true, {}},
                   {EngineKind::Spark, false, tr("This runtime is too old to run Spark: update clusterdeck-runtime")}};
        } else if (!r.ok()) {
            return; // asked again when the launch form opens next
        }
        for (const QJsonValue &v : r.body.toArray()) {
            const QJsonObject o = v.toObject();
            if (const auto engine = engineKindFromString(o.value(u"engine"_s).toString()))
                engines.append({*engine, o.value(u"available"_s).toBool(), o.value(u"reason"_s).toString()});
        }
        Q_EMIT enginesReady(engines);
    });
}

void RuntimeFeed::tick()
{
    if (!m_client)
        return;
    if (m_token.isEmpty() || m_state == ConnectionState::Unauthorized)
        ensureClient();
    const quint64 gen = m_generation;
    if (!m_identityKnown && !m_whoamiInFlight && !m_token.isEmpty()) {
        m_whoamiInFlight = true;
        m_client->call(api::RouteId::Whoami, {}, {}, [this, gen](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_whoamiInFlight = false;
            noteReply(r);
            if (!r.ok())
                return;
            m_identityKnown = true;
            const QJsonObject o = r.body.toObject();
            Q_EMIT identityReady(o.value(u"user"_s).toString(), o.value(u"role"_s).toString());
        });
    }
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
            QHash<QString, int> openIncidents;
            for (const QJsonValue &v : r.body.toArray()) {
                clusters.append(ClusterInfo::fromJson(v.toObject()));
                // A runtime older than the field says nothing: no badge rather than a wrong zero.
                const QJsonValue open = v.toObject().value(u"openIncidents"_s);
                if (open.isDouble() && open.toInteger(-1) >= 0)
                    openIncidents.insert(clusters.last().id, int(open.toInteger()));
            }
            Q_EMIT clustersReady(clusters);
            Q_EMIT openIncidentsCounted(openIncidents);
            if (m_catalogWanted)
                fetchCatalog();
        });
    }
    if (!incidentsFocus().isEmpty() && m_state == ConnectionState::Connected && !m_incidentsInFlight) {
        m_incidentsInFlight = true;
        const QString incidentsOf = incidentsFocus();
        m_client->call(api::RouteId::ClusterIncidents, {incidentsOf}, {}, [this, gen, incidentsOf](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_incidentsInFlight = false;
            if (!r.ok())
                return;
            triage::IncidentList list;
            for (const QJsonValue &v : r.body.toArray())
                list.append(triage::Incident::fromJson(v.toObject()));
            Q_EMIT incidentsReady(incidentsOf, list);
        });
    }
    if (m_wantSlos && m_state == ConnectionState::Connected && !m_slosInFlight) {
        m_slosInFlight = true;
        m_client->call(api::RouteId::Slos, {}, {}, [this, gen](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_slosInFlight = false;
            if (!r.ok())
                return;
            QList<triage::SloStatus> list;
            for (const QJsonValue &v : r.body.toArray())
                list.append(triage::SloStatus::fromJson(v.toObject()));
            Q_EMIT slosReady(list);
        });
    }
    if (!incidentsFocus().isEmpty() && m_state == ConnectionState::Connected && !m_timelineInFlight) {
        m_timelineInFlight = true;
        const QString timelineOf = incidentsFocus();
        m_client->call(api::RouteId::ClusterTimeline, {timelineOf}, {}, [this, gen, timelineOf](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_timelineInFlight = false;
            if (!r.ok())
                return;
            Q_EMIT timelineReady(timelineOf, triage::timelineFromJson(r.body.toArray()));
        });
    }
    // The focused cluster's pages are polled only while the runtime answers: an unreachable runtime gets one
    // probe per period, not four.
    if (m_state == ConnectionState::Connected)
        tickCost(gen);
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
    if (!m_eventsInFlight) {
        m_eventsInFlight = true;
        const qint64 after = m_events.isEmpty() ? 0 : m_events.last().seq;
        m_client->events(id, after, [this, gen, id, after](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_eventsInFlight = false;
            if (!r.ok() || id != m_focus)
                return;
            const qint64 last = m_events.isEmpty() ? 0 : m_events.last().seq;
            if (last != after)
                return; // the focus moved away and back meanwhile: the next tick asks again
            const QJsonArray list = r.body.toArray();
            for (const QJsonValue &v : list)
                m_events.append(ClusterEvent::fromJson(v.toObject()));
            if (!list.isEmpty() || after == 0)
                Q_EMIT eventsReady(id, m_events);
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
    pollDags(gen);
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

void RuntimeFeed::setDagFocus(const QString &clusterId, const QStringList &jobIds)
{
    const bool added = clusterId != m_dagCluster
        || std::any_of(jobIds.begin(), jobIds.end(), [this](const QString &j) { return !m_dagJobs.contains(j); });
    m_dagCluster = clusterId;
    m_dagJobs = jobIds;
    if (added && m_client && m_state == ConnectionState::Connected)
        pollDags(m_generation); // a newly opened DAG should not wait a whole period
}

void RuntimeFeed::pollDags(quint64 gen)
{
    if (m_dagCluster.isEmpty())
        return;
    const QString id = m_dagCluster;
    for (const QString &jobId : std::as_const(m_dagJobs)) {
        const QString key = id + u'/' + jobId;
        if (m_dagsInFlight.contains(key))
            continue;
        m_dagsInFlight.insert(key);
        m_client->jobDag(id, jobId, [this, gen, id, jobId, key](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_dagsInFlight.remove(key);
            if (!r.ok()) {
                Q_EMIT dagFailed(id, jobId, r.message());
                return;
            }
            // Parsed here, on the network thread: a 10,000-node DAG takes a few milliseconds to read.
            QString error;
            std::optional<dag::Dag> graph = dag::Dag::fromJson(r.body.toObject(), &error);
            if (!graph) {
                Q_EMIT dagFailed(id, jobId, tr("The runtime sent a DAG the console cannot read: %1").arg(error));
                return;
            }
            Q_EMIT dagReady(id, jobId, *graph);
        });
    }
}

void RuntimeFeed::setCostFocus(bool clusterCost, bool summary, const QString &summaryQuery)
{
    const bool changed = (clusterCost && !m_wantClusterCost) || (summary && !m_wantSummary) || summaryQuery != m_summaryQuery;
    m_wantClusterCost = clusterCost;
    m_wantSummary = summary;
    m_summaryQuery = summaryQuery;
    if (changed)
        tick();
}

void RuntimeFeed::tickCost(quint64 gen)
{
    if (!m_metersInFlight) {
        m_metersInFlight = true;
        m_client->costMeters([this, gen](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_metersInFlight = false;
            if (r.ok())
                Q_EMIT costMetersReady(r.body.toArray());
        });
    }
    if (m_wantClusterCost && !m_focus.isEmpty() && !m_clusterCostInFlight) {
        m_clusterCostInFlight = true;
        const QString id = m_focus;
        m_client->clusterCost(id, [this, gen, id](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_clusterCostInFlight = false;
            if (r.ok())
                Q_EMIT clusterCostReady(id, r.body.toObject());
        });
    }
    if (m_wantSummary && !m_summaryInFlight) {
        m_summaryInFlight = true;
        m_client->costSummary(m_summaryQuery, [this, gen](const ApiReply &r) {
            if (gen != m_generation)
                return;
            m_summaryInFlight = false;
            if (r.ok())
                Q_EMIT costSummaryReady(r.body.toObject());
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

void RuntimeFeed::setScalingPolicy(const QString &clusterId, const ScalingPolicy &policy, std::optional<int> thenWorkers)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    // Requests may travel on parallel connections: the scale is sent only after the policy is in force.
    m_client->setScalingPolicy(clusterId, policy, [this, gen, clusterId, thenWorkers](const ApiReply &r) {
        if (gen != m_generation)
            return;
        finishAction(u"policy"_s, clusterId, r);
        if (r.ok() && thenWorkers)
            scale(clusterId, *thenWorkers);
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

void RuntimeFeed::setIncidentsFocus(const QString &clusterId)
{
    const bool changed = clusterId != incidentsFocus();
    ClusterFeed::setIncidentsFocus(clusterId);
    if (changed && !clusterId.isEmpty())
        tick();
}

void RuntimeFeed::setSlosFocus(bool wanted)
{
    const bool changed = wanted != m_wantSlos;
    m_wantSlos = wanted;
    if (changed && wanted)
        tick();
}

void RuntimeFeed::fetchRunbook(const QString &runbookId)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->call(api::RouteId::Runbook, {runbookId}, {}, [this, gen, runbookId](const ApiReply &r) {
        if (gen != m_generation)
            return;
        const QJsonObject o = r.body.toObject();
        if (r.ok())
            Q_EMIT runbookReady(runbookId, o.value(u"title"_s).toString(), o.value(u"markdown"_s).toString());
        else
            Q_EMIT runbookReady(runbookId, runbookId, tr("The runbook could not be read: %1").arg(r.message()));
    });
}

void RuntimeFeed::fetchEvidence(const QString &clusterId, const QString &incidentId, const MetricsQuery &query)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->metrics(clusterId, query, [this, gen, clusterId, incidentId](const ApiReply &r) {
        if (gen != m_generation)
            return;
        if (!r.ok()) {
            Q_EMIT evidenceReady(clusterId, incidentId, {}, r.message());
            return;
        }
        QString error;
        const QList<MetricSeriesData> series = parseMetricSeries(r.body.toArray(), &error);
        Q_EMIT evidenceReady(clusterId, incidentId, series, error);
    });
}

void RuntimeFeed::runGuardedAction(const QString &clusterId, const QJsonObject &body)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->call(api::RouteId::ClusterActions, {clusterId}, body, [this, gen, clusterId](const ApiReply &r) {
        if (gen == m_generation)
            finishAction(u"guarded"_s, clusterId, r);
    });
}

void RuntimeFeed::saveBudget(const QJsonObject &budget, const QString &replacing)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    const QString tag = budget.value(u"tag"_s).toString();
    m_client->call(api::RouteId::BudgetPut, {}, budget, [this, gen, tag, replacing](const ApiReply &saved) {
        if (gen != m_generation)
            return;
        if (!saved.ok() || replacing.isEmpty() || replacing == tag)
            return finishAction(u"budget"_s, {}, saved);
        m_client->call(api::RouteId::BudgetRemove, {replacing}, {}, [this, gen, saved](const ApiReply &removed) {
            if (gen != m_generation)
                return;
            if (removed.ok() || removed.httpStatus == 404) // already gone: what was asked for holds
                return finishAction(u"budget"_s, {}, saved);
            ApiReply half = removed;
            half.error = tr("The new budget was saved, but the old one could not be removed: %1").arg(removed.error);
            finishAction(u"budget"_s, {}, half);
        });
    });
}

void RuntimeFeed::deleteBudget(const QString &tag)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->call(api::RouteId::BudgetRemove, {tag}, {}, [this, gen](const ApiReply &r) {
        if (gen == m_generation)
            finishAction(u"budget-delete"_s, {}, r);
    });
}

void RuntimeFeed::saveSlo(const QJsonObject &definition, const QString &replacing)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->call(api::RouteId::SloAdd, {}, definition, [this, gen, replacing](const ApiReply &saved) {
        if (gen != m_generation)
            return;
        if (!saved.ok() || replacing.isEmpty())
            return finishAction(u"slo"_s, {}, saved);
        m_client->call(api::RouteId::SloRemove, {replacing}, {}, [this, gen, saved](const ApiReply &removed) {
            if (gen != m_generation)
                return;
            if (removed.ok() || removed.httpStatus == 404)
                return finishAction(u"slo"_s, {}, saved);
            ApiReply half = removed;
            half.error = tr("The new SLO was saved, but the old one could not be removed: %1").arg(removed.error);
            finishAction(u"slo"_s, {}, half);
        });
    });
}

void RuntimeFeed::deleteSlo(const QString &sloId)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    m_client->call(api::RouteId::SloRemove, {sloId}, {}, [this, gen](const ApiReply &r) {
        if (gen == m_generation)
            finishAction(u"slo-delete"_s, {}, r);
    });
}

void RuntimeFeed::planGuardedAction(const QString &clusterId, const QString &incidentId, const QJsonObject &body)
{
    if (!m_client)
        return;
    const quint64 gen = m_generation;
    QJsonObject dry = body;
    dry.insert(u"dryRun"_s, true);
    m_client->call(api::RouteId::ClusterActions, {clusterId}, dry,
                   [this, gen, clusterId, incidentId](const ApiReply &r) {
                       if (gen != m_generation)
                           return;
                       Q_EMIT actionPlanReady(clusterId, incidentId, r.body.toObject().value(u"plan"_s).toObject(),
                                              r.ok() ? QString() : r.message());
                   });
}

void RuntimeFeed::followMetrics(const MetricsWindowRequest &request)
{
    dropMetricsStream();
    if (m_metricsRetry)
        m_metricsRetry->stop();
    m_metrics = request;
    m_lastBatchMs = 0;
    if (request.clusterId.isEmpty()) {
        setMetricsLink(MetricsLink::Idle, {});
        return;
    }
    if (!m_client) // stopped
        return;
    startMetrics(request.fromMs);
}

void RuntimeFeed::dropMetricsStream()
{
    ++m_metricsAttempt;
    delete m_stream; // closes the connection; emits nothing any more
    m_stream = nullptr;
    m_historyPending = false;
    m_heldBatches.clear();
}

void RuntimeFeed::setMetricsLink(MetricsLink link, const QString &message)
{
    m_link = link;
    Q_EMIT metricsLinkChanged(m_metrics.ticket, link, message);
}

void RuntimeFeed::scheduleMetricsRetry(const QString &reason)
{
    dropMetricsStream();
    setMetricsLink(MetricsLink::Reconnecting, reason);
    if (!m_metricsRetry) {
        m_metricsRetry = new QTimer(this);
        m_metricsRetry->setSingleShot(true);
        connect(m_metricsRetry, &QTimer::timeout, this, [this] {
            if (m_metrics.clusterId.isEmpty())
                return;
            // Fill the hole since the last sample the console has, then follow again.
            startMetrics(m_lastBatchMs > 0 ? m_lastBatchMs : m_metrics.fromMs);
        });
    }
    m_metricsRetry->start(kStreamRetryMs);
}

void RuntimeFeed::startMetrics(qint64 historyFromMs)
{
    if (!m_client)
        return;
    dropMetricsStream();
    const quint64 attempt = m_metricsAttempt;
    const bool live = m_metrics.toMs == 0;
    if (m_link != MetricsLink::Reconnecting)
        setMetricsLink(MetricsLink::Loading, {});
    if (live) {
        // Open the stream first and hold its batches until the history is in, so no second falls between.
        m_stream = m_client->openMetricsStream(m_metrics.clusterId);
        m_stream->setParent(this);
        connect(m_stream, &MetricsStream::opened, this, [this, attempt] {
            if (attempt == m_metricsAttempt && !m_historyPending)
                setMetricsLink(MetricsLink::Live, {});
        });
        connect(m_stream, &MetricsStream::batchReceived, this, [this, attempt](const MetricBatch &batch) {
            if (attempt != m_metricsAttempt)
                return;
            if (m_historyPending) {
                m_heldBatches.append(batch);
                return;
            }
            m_lastBatchMs = std::max(m_lastBatchMs, batch.timestampMs);
            Q_EMIT metricsBatchReady(m_metrics.ticket, batch);
        });
        connect(m_stream, &MetricsStream::ended, this, [this, attempt](const QString &state) {
            if (attempt != m_metricsAttempt)
                return;
            m_stream->deleteLater();
            m_stream = nullptr;
            // Whatever history is still coming is delivered; nothing live follows.
            setMetricsLink(MetricsLink::Ended, state);
        });
        connect(m_stream, &MetricsStream::failed, this, [this, attempt](const QString &reason, int httpStatus) {
            if (attempt != m_metricsAttempt)
                return;
            m_stream->deleteLater();
            m_stream = nullptr;
            if (httpStatus == 404) { // no such cluster (any more): retrying will not help
                setMetricsLink(MetricsLink::Ended, reason);
                return;
            }
            scheduleMetricsRetry(reason);
        });
    }
    m_historyPending = true;
    MetricsQuery query;
    query.series = m_metrics.series;
    query.fromMs = historyFromMs;
    query.toMs = m_metrics.toMs;
    query.stepMs = m_metrics.stepMs;
    m_client->metrics(m_metrics.clusterId, query, [this, attempt, live](const ApiReply &r) {
        if (attempt != m_metricsAttempt)
            return;
        m_historyPending = false;
        if (!r.ok()) {
            if (live && r.httpStatus != 404) {
                scheduleMetricsRetry(r.message());
            } else {
                dropMetricsStream();
                setMetricsLink(MetricsLink::Ended, r.message());
            }
            return;
        }
        QString error;
        const QList<MetricSeriesData> series = parseMetricSeries(r.body.toArray(), &error);
        for (const MetricSeriesData &s : series)
            if (!s.points.isEmpty())
                m_lastBatchMs = std::max(m_lastBatchMs, s.points.last().timestampMs);
        Q_EMIT metricsHistoryReady(m_metrics.ticket, series);
        const QList<MetricBatch> held = std::exchange(m_heldBatches, {});
        for (const MetricBatch &b : held) {
            m_lastBatchMs = std::max(m_lastBatchMs, b.timestampMs);
            Q_EMIT metricsBatchReady(m_metrics.ticket, b);
        }
        if (!live)
            setMetricsLink(MetricsLink::History, error);
        else if (m_stream && m_stream->isOpen())
            setMetricsLink(MetricsLink::Live, error);
        // else: the stream's own signal sets the state (opened, failed or ended)
    });
}

} // namespace cdeck
