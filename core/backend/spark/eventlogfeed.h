// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/enginefeed.h"
#include "core/backend/spark/sparkrestclient.h"

#include <QHash>
#include <QPair>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>

class QTimer;

namespace cdeck {

namespace spark {
struct SparkApplication;
}

// A Spark event log opened from disk, for triage with no server: read once by EventLogReader on a worker thread
// (QtConcurrent; the feed's thread stays free to answer), then served like a Spark connection: the application as
// a cluster, its executors (added and removed over its life), jobs, stages with their parent stages, and each
// job's stage DAG. An unfinished (.inprogress) or cut-off log opens with what it has, and the banner says so.
class EventLogFeed : public EngineFeed
{
    Q_OBJECT
public:
    explicit EventLogFeed(const QString &path, QObject *parent = nullptr);
    ~EventLogFeed() override;

    static FeedCapabilities eventLogCapabilities(const QString &path);

    void cancelJob(const QString &clusterId, const QString &jobId) override;
    void setStageFocus(const QString &clusterId, int stageId, int attemptId) override;
    void setDagFocus(const QString &clusterId, const QStringList &jobIds) override;

Q_SIGNALS:
    // While the first read runs, about 5 times a second: bytes of the log read (compressed bytes for a
    // compressed log) of total on disk. Once more with bytes == total when the read has ended.
    void readProgress(qint64 bytes, qint64 total);

protected:
    void createClient() override; // starts the read
    void destroyClient() override;
    void poll() override; // emits what the pages on screen need, once per change of focus

private:
    void onRead(const std::optional<spark::SparkApplication> &app, const QString &error, qint64 elapsedMs);

    QString m_path;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QObject *m_watcher = nullptr; // the QFutureWatcher of the read in progress
    // Written by the reader's progress callback on the pool thread, read by m_progressTimer here: no object is
    // shared with a thread that may outlive this feed.
    std::shared_ptr<std::atomic<qint64>> m_bytesRead;
    qint64 m_bytesTotal = 0;
    QTimer *m_progressTimer = nullptr;
    bool m_loaded = false;
    QString m_appId;
    ClusterInfo m_cluster;
    ExecutorList m_executors;
    JobList m_jobs;
    QList<spark::SparkJobInfo> m_jobInfos;
    QList<spark::SparkStageInfo> m_stages;
    QHash<QPair<int, int>, QString> m_meanTask; // (stage, attempt) -> "mean task run time" line
    // The focused stage's task quantiles: the first read keeps no tasks, so the stage's are read again from the
    // log on a pool thread (as the stage page does), once per stage; a newer focus cancels an older read.
    QHash<QPair<int, int>, std::pair<spark::TaskSummary, QString>> m_summaries; // (stage, attempt) -> summary, error
    std::shared_ptr<std::atomic<bool>> m_summaryCancel;
    QString m_shownFor; // focus and pages the last emission was for: nothing changes in a read log
};

} // namespace cdeck
