// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/triage/detectors.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace cdeck {

// Reads the stages and tasks of running Spark applications from their drivers' REST API, for the skew and
// stall detectors: GET /api/v1/applications (the application's id, once), .../stages, and
// .../stages/<id>/<attempt>/taskList for each stage attempt that has tasks (sparktasks.h turns each into a
// task group). A stage attempt that can no longer change is read once and kept. One read at a time.
//
// Thread contract: the runtime's main thread; read() returns at once and answers once through its callback.
class SparkTaskReader : public QObject
{
    Q_OBJECT
public:
    struct RunningJob
    {
        QString jobId;
        QString driverUiUrl; // http://127.0.0.1:PORT, the job's driver
    };
    // Job id -> its application's stage attempts as task groups; a job whose driver did not answer is left
    // out (the caller keeps what it had).
    using Groups = QHash<QString, QList<triage::TaskGroupFacts>>;

    SparkTaskReader(QNetworkAccessManager &network, int timeoutMs, QObject *parent = nullptr);

    bool busy() const { return m_busy; }
    void read(const QList<RunningJob> &jobs, std::function<void(Groups)> done);

private:
    struct JobCache
    {
        QString appId;
        QHash<QString, triage::TaskGroupFacts> settled; // by group: stage attempts that cannot change any more
    };
    struct Round;

    QNetworkReply *get(const QString &url);
    void readStages(std::shared_ptr<Round> round, const RunningJob &job);
    void finishOne(const std::shared_ptr<Round> &round);

    QNetworkAccessManager &m_network;
    int m_timeoutMs;
    bool m_busy = false;
    QHash<QString, JobCache> m_cache; // by job id
};

} // namespace cdeck
