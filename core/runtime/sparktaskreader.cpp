// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/runtime/sparktaskreader.h"

#include "core/backend/spark/sparkrestclient.h"
#include "core/runtime/engine/sparktasks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

// A task list of kMaxTasksPerStage tasks is a few MB; anything far larger is not Spark's answer.
constexpr qint64 kMaxAnswerBytes = 32 * 1024 * 1024;

QString segment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

// The answer as a JSON value; null (which every parser refuses) on a network error or a body that is no array.
QJsonValue arrayAnswer(QNetworkReply *reply)
{
    if (reply->error() != QNetworkReply::NoError)
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue();
}

} // namespace

struct SparkTaskReader::Round
{
    int outstanding = 0;
    Groups groups;
    QSet<QString> failed; // jobs with a request that got no usable answer
    std::function<void(Groups)> done;
};

SparkTaskReader::SparkTaskReader(QNetworkAccessManager &network, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_timeoutMs(timeoutMs)
{
}

QNetworkReply *SparkTaskReader::get(const QString &url)
{
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network.get(request);
    reply->setParent(this);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxAnswerBytes)
            reply->abort();
    });
    return reply;
}

void SparkTaskReader::read(const QList<RunningJob> &jobs, std::function<void(Groups)> done)
{
    auto round = std::make_shared<Round>();
    round->done = std::move(done);
    m_busy = true;
    round->outstanding = 1; // held until every job's first request is out
    for (const RunningJob &job : jobs) {
        round->groups.insert(job.jobId, {});
        if (!m_cache.value(job.jobId).appId.isEmpty()) {
            readStages(round, job);
            continue;
        }
        ++round->outstanding;
        QNetworkReply *reply = get(job.driverUiUrl + u"/api/v1/applications"_s);
        connect(reply, &QNetworkReply::finished, this, [this, reply, round, job] {
            reply->deleteLater();
            QString error;
            const auto apps = spark::parseApplications(arrayAnswer(reply), &error);
            // One ClusterDeck job is one application: its driver serves exactly that one.
            if (apps && !apps->isEmpty()) {
                m_cache[job.jobId].appId = apps->first().id;
                readStages(round, job);
            } else {
                round->failed.insert(job.jobId);
            }
            finishOne(round);
        });
    }
    finishOne(round);
}

// Every request holds one count; the last answer to come back finishes the round.
void SparkTaskReader::finishOne(const std::shared_ptr<Round> &round)
{
    if (--round->outstanding > 0)
        return;
    m_busy = false;
    for (const QString &job : std::as_const(round->failed))
        round->groups.remove(job);
    round->done(std::move(round->groups));
}

void SparkTaskReader::readStages(std::shared_ptr<Round> round, const RunningJob &job)
{
    const QString base = job.driverUiUrl + u"/api/v1/applications/"_s + segment(m_cache.value(job.jobId).appId);
    ++round->outstanding;
    QNetworkReply *reply = get(base + u"/stages"_s);
    connect(reply, &QNetworkReply::finished, this, [this, reply, round, job, base] {
        reply->deleteLater();
        QString error;
        const auto stages = spark::parseStages(arrayAnswer(reply), &error);
        if (!stages) {
            round->failed.insert(job.jobId);
            finishOne(round);
            return;
        }
        for (const spark::SparkStageInfo &stage : *stages) {
            const QString group = u"stage-%1.%2"_s.arg(stage.stageId).arg(stage.attemptId);
            JobCache &cache = m_cache[job.jobId];
            if (const auto kept = cache.settled.constFind(group); kept != cache.settled.cend()) {
                round->groups[job.jobId].append(*kept);
                continue;
            }
            if (stage.status == "SKIPPED"_L1)
                continue; // its shuffle output was reused: it ran no task
            if (stage.status == "PENDING"_L1) { // waits for its parents: all of its tasks are still to do
                round->groups[job.jobId].append(spark::taskGroupOf(job.jobId, stage, {}));
                continue;
            }
            ++round->outstanding;
            QNetworkReply *tasksReply = get(u"%1/stages/%2/%3/taskList?length=%4"_s.arg(base)
                                                .arg(stage.stageId)
                                                .arg(stage.attemptId)
                                                .arg(spark::kMaxTasksPerStage));
            connect(tasksReply, &QNetworkReply::finished, this, [this, tasksReply, round, job, stage, group] {
                tasksReply->deleteLater();
                QString why;
                const auto tasks = tasksReply->error() == QNetworkReply::NoError
                    ? spark::parseTaskList(tasksReply->readAll(), &why)
                    : std::nullopt;
                if (!tasks) {
                    round->failed.insert(job.jobId);
                } else {
                    const triage::TaskGroupFacts facts = spark::taskGroupOf(job.jobId, stage, *tasks);
                    round->groups[job.jobId].append(facts);
                    if (!spark::stageCanChange(stage))
                        m_cache[job.jobId].settled.insert(group, facts);
                }
                finishOne(round);
            });
        }
        finishOne(round);
    });
}

} // namespace cdeck
