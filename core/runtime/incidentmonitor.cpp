// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "incidentmonitor.h"

#include "core/runtime/clustercontroller.h"
#include "core/runtime/metricsampler.h"
#include "core/runtime/runtimeconfig.h"
#include "core/runtime/sparktaskreader.h"
#include "core/store/runtimestore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSet>
#include <QTimeZone>
#include <QUrlQuery>

#include <spdlog/spdlog.h>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

constexpr int kMaxLogLines = 400;
constexpr qint64 kMaxLogReadBytes = 1024 * 1024;
constexpr qint64 kMaxTaskStatsBytes = 16 * 1024 * 1024;

QString seriesKey(const QString &name, const QString &executor)
{
    return name + u'\x1f' + executor;
}

// Equal but for the time it was last looked at: nothing to store.
bool sameApartFromUpdate(triage::Incident a, const triage::Incident &b)
{
    a.updatedAt = b.updatedAt;
    return a == b;
}

// CPU seconds (user + system) used by the live processes of each process group asked for, from /proc:
// a worker's nanny leads its group, so this is the nanny and its worker together. One pass over /proc.
QHash<qint64, double> groupCpuSeconds(const QSet<qint64> &groups)
{
    QHash<qint64, double> result;
    if (groups.isEmpty())
        return result;
    static const double ticksPerSecond = double(::sysconf(_SC_CLK_TCK));
    const QDir proc(u"/proc"_s);
    for (const QString &pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.front().isDigit())
            continue;
        QFile stat(u"/proc/"_s + pid + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.read(1024);
        const qsizetype close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        // After "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        const QList<QByteArray> f = line.mid(close + 2).split(' ');
        if (f.size() < 13)
            continue;
        const qint64 group = f[2].toLongLong();
        if (!groups.contains(group))
            continue;
        result[group] += double(f[11].toLongLong() + f[12].toLongLong()) / ticksPerSecond;
    }
    return result;
}

bool isLiveExecutor(ExecutorStatus s)
{
    return s == ExecutorStatus::Running || s == ExecutorStatus::Paused;
}

// No detector here raises these: the SloMonitor does, and ends them.
bool isExternal(triage::IncidentType type)
{
    return type == triage::IncidentType::SloBurn;
}

} // namespace

IncidentMonitor::IncidentMonitor(const RuntimeConfig &config, RuntimeStore &store, ClusterSource clusters, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(store)
    , m_clusters(std::move(clusters))
{
    m_thresholds.idleSeconds = config.idleIncidentSeconds;
    m_thresholds.stallSeconds = config.stallIncidentSeconds;
    m_thresholds.jobStallSeconds = config.jobStallSeconds;
    connect(&m_timer, &QTimer::timeout, this, &IncidentMonitor::evaluateNow);
}

void IncidentMonitor::start()
{
    for (ClusterController *c : m_clusters()) {
        Watch &w = m_state[c->id()];
        for (const triage::Incident &i : m_store.loadIncidents(c->id()))
            w.incidents.insert(i.id, i);
        // A cluster that ended before this runtime started has had its last round.
        w.finalRound = isTerminal(c->info().state);
    }
    m_timer.start(m_config.triageIntervalMs);
}

void IncidentMonitor::onSampled(const SampleBatch &batch)
{
    Watch &w = m_state[batch.clusterId];
    const qint64 horizon = batch.timestampMs - kWindowMs;
    for (const telemetry::MetricPoint &p : batch.points) {
        triage::Series &s = w.series[seriesKey(p.name, p.executorId)];
        if (s.name.isEmpty()) {
            s.name = p.name;
            s.executor = p.executorId;
        }
        s.points.append({p.timestampMs, p.value});
        qsizetype drop = 0;
        while (drop < s.points.size() && s.points[drop].tMs < horizon)
            ++drop;
        if (drop > 0)
            s.points.remove(0, drop);
    }
}

void IncidentMonitor::evaluateNow()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (ClusterController *c : m_clusters()) {
        Watch &w = m_state[c->id()];
        if (w.finalRound)
            continue;
        evaluate(c, now);
        if (isTerminal(c->info().state)) {
            w.finalRound = true;
            w.series.clear(); // nothing more will be detected: free the window
            w.cpu.clear();
            w.logs.clear();
            w.groups.clear();
        }
    }
}

triage::IncidentList IncidentMonitor::incidents(const QString &clusterId) const
{
    triage::IncidentList list = m_state.value(clusterId).incidents.values();
    triage::sortForTriage(list);
    return list;
}

std::optional<triage::Incident> IncidentMonitor::incident(const QString &clusterId, const QString &incidentId) const
{
    const auto it = m_state.constFind(clusterId);
    if (it == m_state.cend() || !it->incidents.contains(incidentId))
        return std::nullopt;
    return it->incidents.value(incidentId);
}

void IncidentMonitor::recordExternal(const triage::Incident &incident)
{
    Watch &w = m_state[incident.clusterId];
    w.incidents.insert(incident.id, incident);
    m_store.saveIncident(incident);
    Q_EMIT incidentsChanged(incident.clusterId);
}

triage::IncidentList IncidentMonitor::openIncidents(triage::IncidentType type) const
{
    triage::IncidentList list;
    for (const Watch &w : m_state)
        for (const triage::Incident &i : w.incidents)
            if (i.isOpen() && i.type == type)
                list.append(i);
    return list;
}

const QList<triage::LogLine> &IncidentMonitor::readLog(Watch &w, const QString &path, qint64 nowMs)
{
    LogTail &tail = w.logs[path];
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return tail.lines;
    if (f.size() < tail.offset) { // rotated or truncated: start again
        tail.offset = 0;
        tail.partial.clear();
    }
    if (f.size() == tail.offset)
        return tail.lines;
    // Only the last MiB of what was added: older lines would be dropped from the tail anyway.
    qint64 from = tail.offset;
    if (f.size() - from > kMaxLogReadBytes) {
        from = f.size() - kMaxLogReadBytes;
        tail.partial.clear();
    }
    f.seek(from);
    QByteArray chunk = tail.partial + f.read(f.size() - from);
    tail.offset = f.size();
    const qsizetype lastNewline = chunk.lastIndexOf('\n');
    tail.partial = lastNewline < 0 ? chunk : chunk.mid(lastNewline + 1);
    if (lastNewline < 0)
        return tail.lines;
    chunk.truncate(lastNewline);
    for (const QByteArray &raw : chunk.split('\n')) {
        const QString text = QString::fromUtf8(raw).trimmed();
        if (text.isEmpty())
            continue;
        tail.lines.append({triage::logLineTimeMs(text, nowMs), text.left(1000)});
    }
    if (tail.lines.size() > kMaxLogLines)
        tail.lines.remove(0, tail.lines.size() - kMaxLogLines);
    return tail.lines;
}

triage::ClusterFacts IncidentMonitor::facts(ClusterController *cluster, Watch &w, qint64 nowMs)
{
    const ClusterInfo info = cluster->info();
    triage::ClusterFacts f;
    f.clusterId = info.id;
    f.nowMs = nowMs;
    f.engine = info.spec.engine; // Spark's incidents open Spark's runbooks
    f.state = info.state;
    f.requestedWorkers = info.spec.workers;
    if (info.state == ClusterState::Waiting)
        f.waitingSince = info.stateChangedAt;
    const QString dir = cluster->clusterDir();
    const bool live = !isTerminal(info.state);
    QSet<qint64> processGroups;
    const QList<StoredExecutor> stored = cluster->storedExecutors();
    for (const StoredExecutor &e : stored)
        if (live && isLiveExecutor(e.executor.status) && e.executor.pid > 0)
            processGroups.insert(e.executor.pid);
    const QHash<qint64, double> cpu = groupCpuSeconds(processGroups);
    for (const StoredExecutor &e : stored) {
        if (cpu.contains(e.executor.pid) && isLiveExecutor(e.executor.status)) {
            QList<triage::Point> &points = w.cpu[e.executor.id];
            points.append({nowMs, cpu.value(e.executor.pid)});
            qsizetype drop = 0;
            while (drop < points.size() && points[drop].tMs < nowMs - kWindowMs)
                ++drop;
            points.remove(0, drop);
        }
        triage::ExecutorFacts ef;
        ef.executor = e.executor;
        ef.retireRequested = e.retireRequested;
        ef.cpuSeconds = w.cpu.value(e.executor.id);
        if (live)
            ef.log = readLog(w, dir + u"/logs/"_s + e.executor.id + u".log"_s, nowMs);
        else
            ef.log = w.logs.value(dir + u"/logs/"_s + e.executor.id + u".log"_s).lines;
        f.executors.append(ef);
    }
    for (const Job &j : cluster->jobs()) {
        triage::JobFacts jf;
        jf.job = j;
        jf.log = readLog(w, dir + u"/jobs/"_s + j.id + u".log"_s, nowMs);
        f.jobs.append(jf);
    }
    for (const triage::Series &s : std::as_const(w.series))
        f.series.append(s);
    for (const QList<triage::TaskGroupFacts> &groups : std::as_const(w.groups))
        f.groups += groups;
    return f;
}

void IncidentMonitor::fetchTaskStats(ClusterController *cluster, Watch &w)
{
    const ClusterInfo info = cluster->info();
    if (w.fetching || !isActive(info.state) || info.dashboardUrl.isEmpty())
        return;
    // Task statistics come from the Dask scheduler's preload; on Spark from each running driver's REST API.
    if (info.spec.engine == EngineKind::Spark) {
        fetchSparkTaskStats(cluster);
        return;
    }
    // Running jobs, and each finished job once more for its final figures.
    QStringList jobs;
    for (const Job &j : cluster->jobs())
        if (!isFinished(j.state) || !w.groupsFinal.value(j.id))
            jobs.append(j.id);
    if (jobs.isEmpty())
        return;
    QUrl url(info.dashboardUrl + u"/clusterdeck/v1/tasks"_s);
    QUrlQuery query;
    query.addQueryItem(u"jobs"_s, jobs.join(u','));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_config.scrapeTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    w.fetching = true;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxTaskStatsBytes)
            reply->abort();
    });
    const QString clusterId = info.id;
    QHash<QString, bool> finishedAtAsk;
    for (const Job &j : cluster->jobs())
        finishedAtAsk.insert(j.id, isFinished(j.state));
    connect(reply, &QNetworkReply::finished, this, [this, reply, clusterId, finishedAtAsk] {
        reply->deleteLater();
        Watch &watch = m_state[clusterId];
        watch.fetching = false;
        if (reply->error() != QNetworkReply::NoError)
            return; // the scheduler is busy: the next round asks again
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        const QJsonObject perJob = body.value(u"jobs"_s).toObject();
        for (auto it = perJob.begin(); it != perJob.end(); ++it) {
            QList<triage::TaskGroupFacts> groups;
            for (const QJsonValue &v : it.value().toArray()) {
                const QJsonObject o = v.toObject();
                triage::TaskGroupFacts g;
                g.jobId = it.key();
                g.group = o.value(u"group"_s).toString();
                g.prefix = o.value(u"prefix"_s).toString();
                for (const QJsonValue &d : o.value(u"durations"_s).toArray())
                    g.durationsS.append(d.toDouble());
                const QJsonObject workers = o.value(u"workers"_s).toObject();
                for (auto wi = workers.begin(); wi != workers.end(); ++wi) {
                    const QJsonObject wo = wi.value().toObject();
                    g.bytesByExecutor.insert(wi.key(), qint64(wo.value(u"bytes"_s).toDouble()));
                    g.tasksByExecutor.insert(wi.key(), wo.value(u"tasks"_s).toInt());
                }
                g.fromMs = qint64(o.value(u"startMs"_s).toDouble());
                g.toMs = qint64(o.value(u"stopMs"_s).toDouble());
                g.remaining = o.value(u"remaining"_s).toInt(-1);
                groups.append(g);
            }
            watch.groups.insert(it.key(), groups);
            if (finishedAtAsk.value(it.key()))
                watch.groupsFinal.insert(it.key(), true);
        }
    });
}

void IncidentMonitor::fetchSparkTaskStats(ClusterController *cluster)
{
    // Only a running job's driver answers: its application's REST API ends with it, so a finished job keeps
    // the groups last read (a stage that ended in the last round before the driver stopped may be missed).
    QList<SparkTaskReader::RunningJob> running;
    for (const Job &j : cluster->jobs())
        if (j.state == JobState::Running && !j.uiUrl.isEmpty())
            running.append({j.id, j.uiUrl});
    if (running.isEmpty())
        return;
    SparkTaskReader *&reader = m_sparkReaders[cluster->id()];
    if (!reader)
        reader = new SparkTaskReader(m_network, m_config.scrapeTimeoutMs, this);
    if (reader->busy())
        return;
    const QString clusterId = cluster->id();
    reader->read(running, [this, clusterId](SparkTaskReader::Groups groups) {
        Watch &watch = m_state[clusterId];
        for (auto it = groups.begin(); it != groups.end(); ++it)
            watch.groups.insert(it.key(), it.value());
    });
}

void IncidentMonitor::evaluate(ClusterController *cluster, qint64 nowMs)
{
    Watch &w = m_state[cluster->id()];
    fetchTaskStats(cluster, w);
    const triage::IncidentList found = triage::detectAll(facts(cluster, w, nowMs), m_thresholds);
    merge(cluster->id(), w, found, nowMs);
}

void IncidentMonitor::merge(const QString &clusterId, Watch &w, const triage::IncidentList &found, qint64 nowMs)
{
    bool changed = false;
    QSet<QString> seen;
    for (triage::Incident incident : found) {
        // The same failure seen again: an open incident of the same type about the same subject keeps its
        // identity and start, even if the window the detector saw has slid past its first samples.
        for (const triage::Incident &existing : std::as_const(w.incidents))
            if (existing.isOpen() && existing.type == incident.type && existing.subject == incident.subject) {
                incident.id = existing.id;
                incident.start = std::min(existing.start, incident.start);
                break;
            }
        if (seen.contains(incident.id))
            continue;
        seen.insert(incident.id);
        const auto it = w.incidents.constFind(incident.id);
        if (it != w.incidents.cend()) {
            incident.severity = std::max(incident.severity, it->severity); // an incident is as bad as it got
            if (sameApartFromUpdate(incident, *it))
                continue;
        } else {
            spdlog::get("ops") ? spdlog::get("ops")->warn("cluster {}: incident {} {} {}: {}", clusterId.toStdString(),
                                                         incident.id.toStdString(), toString(incident.type).toStdString(),
                                                         toString(incident.severity).toStdString(),
                                                         incident.summary.toStdString())
                               : void();
        }
        w.incidents.insert(incident.id, incident);
        m_store.saveIncident(incident);
        changed = true;
    }
    // Open incidents no detector sees any more are over (those another monitor owns, it ends).
    for (triage::Incident &existing : w.incidents) {
        if (!existing.isOpen() || seen.contains(existing.id) || isExternal(existing.type))
            continue;
        existing.end = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
        existing.updatedAt = existing.end;
        m_store.saveIncident(existing);
        changed = true;
    }
    if (changed)
        Q_EMIT incidentsChanged(clusterId);
}

} // namespace cdeck
