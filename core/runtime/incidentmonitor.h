// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/triage/detectors.h"
#include "core/triage/incident.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <functional>

namespace cdeck {

class ClusterController;
class RuntimeStore;
class SparkTaskReader;
struct RuntimeConfig;
struct SampleBatch;

// Runs the triage detectors on every cluster, all the time: every couple of seconds it gathers what
// was recorded about each cluster (the last minutes of its metric series, its executors and jobs, the
// tails of their logs, per-task statistics from the scheduler preload or, on Spark, the running drivers'
// stages and task lists), runs detectAll, and keeps the
// incidents in the store: new ones inserted, changed ones updated, ones no longer seen ended.
//
// Thread contract: the runtime's main thread. Log reads are incremental (only the bytes added since the
// last read, at most 1 MiB a round) and scheduler reads asynchronous, so a round never blocks the API.
class IncidentMonitor : public QObject
{
    Q_OBJECT
public:
    using ClusterSource = std::function<QList<ClusterController *>()>;

    IncidentMonitor(const RuntimeConfig &config, RuntimeStore &store, ClusterSource clusters, QObject *parent = nullptr);

    void start(); // loads stored incidents, starts the rounds
    void onSampled(const SampleBatch &batch); // the sampler's points, kept for a window of minutes
    void evaluateNow(); // one round at once (tests, and right after a fault)

    // A cluster's incidents, open ones first, worst first.
    triage::IncidentList incidents(const QString &clusterId) const;
    std::optional<triage::Incident> incident(const QString &clusterId, const QString &incidentId) const;
    const triage::Thresholds &thresholds() const { return m_thresholds; }
    // Incidents another monitor owns (slo_burn from the SloMonitor): stored and listed with the rest,
    // raised, updated and ended by their owner only.
    void recordExternal(const triage::Incident &incident);
    triage::IncidentList openIncidents(triage::IncidentType type) const; // on every cluster

    static constexpr qint64 kWindowMs = 15 * 60 * 1000;

Q_SIGNALS:
    void incidentsChanged(const QString &clusterId);

private:
    struct LogTail
    {
        qint64 offset = 0;
        QByteArray partial; // a line not finished yet
        QList<triage::LogLine> lines;
    };
    struct Watch
    {
        QHash<QString, triage::Series> series; // name + '\x1f' + executor
        QHash<QString, QList<triage::Point>> cpu; // executor id -> CPU seconds of its process group, per round
        QHash<QString, LogTail> logs; // by path
        QHash<QString, QList<triage::TaskGroupFacts>> groups; // by job id
        QHash<QString, bool> groupsFinal; // job id -> fetched after the job ended
        bool fetching = false;
        QHash<QString, triage::Incident> incidents; // by id
        bool finalRound = false; // evaluated once after the cluster ended
    };

    void evaluate(ClusterController *cluster, qint64 nowMs);
    triage::ClusterFacts facts(ClusterController *cluster, Watch &state, qint64 nowMs);
    const QList<triage::LogLine> &readLog(Watch &state, const QString &path, qint64 nowMs);
    void fetchTaskStats(ClusterController *cluster, Watch &state);
    void fetchSparkTaskStats(ClusterController *cluster);
    void merge(const QString &clusterId, Watch &state, const triage::IncidentList &found, qint64 nowMs);

    const RuntimeConfig &m_config;
    RuntimeStore &m_store;
    ClusterSource m_clusters;
    triage::Thresholds m_thresholds;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QHash<QString, Watch> m_state; // by cluster id
    QHash<QString, SparkTaskReader *> m_sparkReaders; // by cluster id (children: they keep settled stages)
};

} // namespace cdeck
