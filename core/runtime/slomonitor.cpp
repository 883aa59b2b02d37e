// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "slomonitor.h"

#include "core/runtime/clustercontroller.h"
#include "core/runtime/incidentmonitor.h"
#include "core/store/runtimestore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

constexpr int kMaxSlos = 500;
// A finished job whose task graph is still missing this long after it ended will not get one (its cluster
// ended first): counted as unknown from then on instead of read again every round.
constexpr qint64 kGraphGraceMs = 60 * 1000;

} // namespace

SloMonitor::SloMonitor(RuntimeStore &store, IncidentMonitor &incidents, ClusterSource clusters, int intervalMs,
                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_incidents(incidents)
    , m_clusters(std::move(clusters))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SloMonitor::evaluateNow);
}

void SloMonitor::start()
{
    m_slos = m_store.loadSlos();
    for (const triage::Incident &i : m_incidents.openIncidents(triage::IncidentType::SloBurn))
        m_open.insert(i.subject, i);
    m_timer.start();
}

QList<triage::SloRun> SloMonitor::runs() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<triage::SloRun> result;
    for (ClusterController *c : m_clusters()) {
        const ClusterInfo info = c->info();
        for (const Job &j : c->jobs()) {
            if (!isFinished(j.state) || !j.endedAt.isValid())
                continue;
            triage::SloRun r;
            r.jobId = j.id;
            r.clusterId = info.id;
            r.jobName = j.name;
            r.clusterTags = info.spec.tags;
            r.state = j.state;
            r.stateReason = j.stateReason;
            r.endMs = j.endedAt.toMSecsSinceEpoch();
            r.durationS = j.durationSeconds(j.endedAt);
            auto counts = m_taskCounts.constFind(j.id);
            if (counts == m_taskCounts.cend()) {
                qint64 total = 0, erred = 0;
                const QJsonArray nodes =
                    QJsonDocument::fromJson(m_store.loadJobDag(j.id)).object().value(u"nodes"_s).toArray();
                for (const QJsonValue &n : nodes) {
                    const QJsonObject byState = n.toObject().value(u"counts"_s).toObject();
                    for (auto it = byState.begin(); it != byState.end(); ++it)
                        total += it.value().toInteger();
                    erred += byState.value(u"erred"_s).toInteger();
                }
                if (total > 0 || now - r.endMs > kGraphGraceMs)
                    counts = m_taskCounts.insert(j.id, {total, erred});
                r.tasksTotal = total;
                r.tasksFailed = erred;
            } else {
                r.tasksTotal = counts->first;
                r.tasksFailed = counts->second;
            }
            result.append(r);
        }
    }
    return result;
}

triage::SloStatus SloMonitor::status(const triage::SloDefinition &slo, const QList<triage::SloRun> &runs,
                                     qint64 nowMs) const
{
    return triage::evaluateSlo(slo, runs, nowMs);
}

QJsonArray SloMonitor::statusJson() const
{
    const QList<triage::SloRun> all = runs();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QJsonArray list;
    for (const triage::SloDefinition &slo : m_slos) {
        QJsonObject o = slo.toJson();
        QJsonObject st = status(slo, all, now).toJson();
        const auto open = m_open.constFind(slo.id);
        st.insert(u"incident"_s, open == m_open.cend() ? QJsonValue(QJsonValue::Null)
                                                       : QJsonValue(QJsonObject{{u"id"_s, open->id},
                                                                                {u"clusterId"_s, open->clusterId}}));
        o.insert(u"status"_s, st);
        list.append(o);
    }
    return list;
}

std::optional<QJsonObject> SloMonitor::statusJson(const QString &id) const
{
    for (const QJsonValue &v : statusJson())
        if (v.toObject().value(u"id"_s).toString() == id)
            return v.toObject();
    return std::nullopt;
}

std::optional<triage::SloDefinition> SloMonitor::add(const QJsonObject &body, QString *error, bool *internal)
{
    *internal = false;
    if (body.contains(u"id"_s) || body.contains(u"createdAt"_s)) {
        *error = u"id and createdAt are assigned by the runtime"_s;
        return std::nullopt;
    }
    auto slo = triage::SloDefinition::fromJson(body, error);
    if (!slo)
        return std::nullopt;
    if (m_slos.size() >= kMaxSlos) {
        *error = u"at most %1 SLOs; remove one first"_s.arg(kMaxSlos);
        return std::nullopt;
    }
    slo->id = u"slo-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
    slo->createdAt = QDateTime::currentDateTimeUtc();
    if (!m_store.saveSlo(*slo)) {
        *internal = true;
        *error = u"the store refused it: %1"_s.arg(m_store.lastError());
        return std::nullopt;
    }
    m_slos.append(*slo);
    spdlog::info("slo: added {} ({}, {} {}, window {})", slo->id.toStdString(), slo->selector().toStdString(),
                 toString(slo->sli).toStdString(), slo->objective, triage::formatWindow(slo->windowMs).toStdString());
    evaluateNow();
    return slo;
}

bool SloMonitor::remove(const QString &id, bool *internal)
{
    *internal = false;
    bool existed = false;
    if (!m_store.deleteSlo(id, &existed)) {
        *internal = true;
        return false;
    }
    m_slos.removeIf([&](const triage::SloDefinition &s) { return s.id == id; });
    endIncident(id, QDateTime::currentMSecsSinceEpoch());
    return existed;
}

void SloMonitor::endIncident(const QString &sloId, qint64 nowMs)
{
    const auto it = m_open.find(sloId);
    if (it == m_open.end())
        return;
    triage::Incident ended = *it;
    ended.end = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    ended.updatedAt = ended.end;
    m_incidents.recordExternal(ended);
    m_open.erase(it);
}

void SloMonitor::evaluateNow()
{
    if (m_slos.isEmpty() && m_open.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<triage::SloRun> all = runs();
    QString anyCluster; // for an alert without a bad run to point at (freshness with no failed run)
    for (ClusterController *c : m_clusters())
        anyCluster = c->id();
    for (const triage::SloDefinition &slo : std::as_const(m_slos)) {
        const triage::SloStatus st = status(slo, all, now);
        auto found = triage::sloIncident(st, anyCluster);
        if (!found || found->clusterId.isEmpty()) {
            endIncident(slo.id, now);
            continue;
        }
        const auto open = m_open.constFind(slo.id);
        if (open != m_open.cend()) {
            // The same alert still firing: one incident, kept where it was raised, as bad as it got.
            triage::Incident updated = *open;
            updated.severity = std::max(open->severity, found->severity);
            updated.summary = found->summary;
            updated.evidence = found->evidence;
            if (updated == *open)
                continue;
            updated.updatedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
            m_incidents.recordExternal(updated);
            m_open.insert(slo.id, updated);
            continue;
        }
        spdlog::warn("slo: {} {}: {}", slo.id.toStdString(), st.alert.toStdString(), st.summary.toStdString());
        m_incidents.recordExternal(*found);
        m_open.insert(slo.id, *found);
    }
    // Incidents of SLOs removed while no runtime ran.
    for (const QString &sloId : m_open.keys())
        if (std::none_of(m_slos.cbegin(), m_slos.cend(), [&](const triage::SloDefinition &s) { return s.id == sloId; }))
            endIncident(sloId, now);
}

} // namespace cdeck
