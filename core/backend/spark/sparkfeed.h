// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/enginefeed.h"

#include <QHash>

namespace cdeck {

namespace spark {
class SparkRestClient;
}

// An application as the console's cluster (one per application; a finished one is TERMINATED).
ClusterInfo sparkClusterOf(const spark::SparkAppInfo &app, const QUrl &server);
// "Spark job 3 · stages 4, 5 · tasks: 10 of 12 completed, ..." for a job's log tail (live or from a log).
QString sparkJobTaskLine(const spark::SparkJobInfo &job);

// A Spark UI (4040) or History Server (18080): one cluster per application, its executors and jobs.
class SparkFeed : public EngineFeed
{
    Q_OBJECT
public:
    explicit SparkFeed(const QUrl &baseUrl, QObject *parent = nullptr);
    ~SparkFeed() override;

    static FeedCapabilities sparkCapabilities();

    void cancelJob(const QString &clusterId, const QString &jobId) override;
    // The Shuffle I/O page: cumulative shuffle read/write per executor from each executors answer, and
    // per-second rates from the change between two successive answers (poll deltas, not Spark's own rates).
    void followMetrics(const cdeck::MetricsWindowRequest &request) override;
    void setStageFocus(const QString &clusterId, int stageId, int attemptId) override;
    // Spark's REST API has no parent stages: the DAG view says the stage DAG needs the event log.
    void setDagFocus(const QString &clusterId, const QStringList &jobIds) override;

protected:
    void createClient() override;
    void destroyClient() override;
    void poll() override;

private:
    QString appPath(const QString &appId) const; // "<id>" or "<id>/<attempt>"
    void emitDetail(const QString &appId);
    void emitStages(const QString &appId);
    void pollTaskSummary(quint64 gen);
    void sampleShuffle(const QString &appId, const QList<spark::SparkExecutorInfo> &executors);
    // The detectors on the focused application's last answers (core/backend/enginetriage), for the Incidents tab.
    void emitIncidents(const QString &appId);

    spark::SparkRestClient *m_client = nullptr;
    QHash<QString, ClusterInfo> m_apps; // by application id, from the last list
    QHash<QString, QString> m_attempts; // application id -> newest attempt id ("" for a live Spark UI)
    QHash<QString, int> m_activeExecutors; // application id -> active executors in the last answer
    bool m_listInFlight = false;
    bool m_executorsInFlight = false;
    bool m_jobsInFlight = false;
    bool m_stagesInFlight = false;
    bool m_summaryInFlight = false;

    // The focused application's last jobs and stages answers: stages get their job ids from the jobs.
    QString m_stagesApp;
    QList<spark::SparkJobInfo> m_lastJobs;
    QList<spark::SparkStageInfo> m_lastStages;
    bool m_haveStages = false;
    QString m_executorsApp;
    QList<spark::SparkExecutorInfo> m_lastExecutors;

    struct StageFocus
    {
        QString appId;
        int stageId = -1;
        int attemptId = 0;
        bool fetched = false; // a finished stage's summary does not change: fetched once
    };
    StageFocus m_stageFocus;

    MetricsWindowRequest m_metrics; // the followed cluster and the ticket of its window
    struct ShuffleTotals
    {
        qint64 read = 0;
        qint64 write = 0;
    };
    QHash<QString, ShuffleTotals> m_lastTotals; // by executor id ("" the application's sum), at m_lastTotalsMs
    qint64 m_lastTotalsMs = 0;
};

} // namespace cdeck
