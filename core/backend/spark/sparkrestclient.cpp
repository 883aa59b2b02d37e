// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/sparkrestclient.h"

#include "core/model/jsonutil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
// Text::tr, not a free tr(): lupdate takes the context from Q_DECLARE_TR_FUNCTIONS at every call,
// where a free function would be filed under each caller's namespace or class and never match.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::spark::SparkRestClient)
};
} // namespace

namespace cdeck::spark {

namespace {

QString segment(const QString &s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); }

QString appPathEncoded(const QString &appPath)
{
    QStringList parts = appPath.split(u'/', Qt::SkipEmptyParts);
    for (QString &p : parts)
        p = segment(p);
    return parts.join(u'/');
}

qint64 num(const QJsonObject &o, QLatin1StringView key) { return json::saturatingInteger(o.value(key).toDouble()); }

QList<int> intList(const QJsonValue &v)
{
    QList<int> out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toInt());
    return out;
}

template<typename T, typename F>
std::optional<QList<T>> parseArray(const QJsonValue &body, QString *error, F &&one)
{
    if (!body.isArray()) {
        *error = Text::tr("expected a JSON array from Spark");
        return std::nullopt;
    }
    QList<T> out;
    for (const QJsonValue &v : body.toArray()) {
        if (!v.isObject()) {
            *error = Text::tr("expected JSON objects in Spark's array");
            return std::nullopt;
        }
        out.append(one(v.toObject()));
    }
    return out;
}

} // namespace

QDateTime parseRestDate(const QString &text)
{
    if (!text.endsWith("GMT"_L1))
        return {};
    QDateTime d = QDateTime::fromString(text.chopped(3), u"yyyy-MM-dd'T'HH:mm:ss.zzz"_s);
    d.setTimeSpec(Qt::UTC);
    return d;
}

std::optional<QList<SparkAppInfo>> parseApplications(const QJsonValue &body, QString *error)
{
    return parseArray<SparkAppInfo>(body, error, [](const QJsonObject &o) {
        SparkAppInfo a;
        a.id = o.value("id"_L1).toString();
        a.name = o.value("name"_L1).toString();
        const QJsonObject newest = o.value("attempts"_L1).toArray().at(0).toObject();
        a.attemptId = newest.value("attemptId"_L1).toString();
        a.startTime = parseRestDate(newest.value("startTime"_L1).toString());
        a.completed = newest.value("completed"_L1).toBool();
        if (a.completed) // a running attempt carries Spark's -1 end time (1969), not a date
            a.endTime = parseRestDate(newest.value("endTime"_L1).toString());
        a.sparkUser = newest.value("sparkUser"_L1).toString();
        return a;
    });
}

std::optional<QList<SparkExecutorInfo>> parseExecutors(const QJsonValue &body, QString *error)
{
    return parseArray<SparkExecutorInfo>(body, error, [](const QJsonObject &o) {
        SparkExecutorInfo e;
        e.id = o.value("id"_L1).toString();
        e.hostPort = o.value("hostPort"_L1).toString();
        e.isActive = o.value("isActive"_L1).toBool();
        e.totalCores = o.value("totalCores"_L1).toInt();
        e.activeTasks = o.value("activeTasks"_L1).toInt();
        e.failedTasks = o.value("failedTasks"_L1).toInt();
        e.completedTasks = o.value("completedTasks"_L1).toInt();
        e.storageMemoryUsed = num(o, "memoryUsed"_L1);
        e.storageMemoryMax = num(o, "maxMemory"_L1);
        const QJsonValue peak = o.value("peakMemoryMetrics"_L1).toObject().value("JVMHeapMemory"_L1);
        e.peakJvmHeap = peak.isDouble() ? json::saturatingInteger(peak.toDouble()) : -1;
        e.diskUsed = num(o, "diskUsed"_L1);
        e.shuffleRead = num(o, "totalShuffleRead"_L1);
        e.shuffleWrite = num(o, "totalShuffleWrite"_L1);
        e.totalDurationMs = num(o, "totalDuration"_L1);
        e.addTime = parseRestDate(o.value("addTime"_L1).toString());
        e.removeTime = parseRestDate(o.value("removeTime"_L1).toString());
        e.removeReason = o.value("removeReason"_L1).toString();
        return e;
    });
}

std::optional<QList<SparkJobInfo>> parseJobs(const QJsonValue &body, QString *error)
{
    return parseArray<SparkJobInfo>(body, error, [](const QJsonObject &o) {
        SparkJobInfo j;
        j.jobId = o.value("jobId"_L1).toInt();
        j.name = o.value("name"_L1).toString();
        j.status = o.value("status"_L1).toString();
        j.stageIds = intList(o.value("stageIds"_L1));
        j.submissionTime = parseRestDate(o.value("submissionTime"_L1).toString());
        j.completionTime = parseRestDate(o.value("completionTime"_L1).toString());
        j.numTasks = o.value("numTasks"_L1).toInt();
        j.numCompletedTasks = o.value("numCompletedTasks"_L1).toInt();
        j.numFailedTasks = o.value("numFailedTasks"_L1).toInt();
        j.numSkippedTasks = o.value("numSkippedTasks"_L1).toInt();
        return j;
    });
}

std::optional<QList<SparkStageInfo>> parseStages(const QJsonValue &body, QString *error)
{
    return parseArray<SparkStageInfo>(body, error, [](const QJsonObject &o) {
        SparkStageInfo s;
        s.stageId = o.value("stageId"_L1).toInt();
        s.attemptId = o.value("attemptId"_L1).toInt();
        s.name = o.value("name"_L1).toString();
        s.status = o.value("status"_L1).toString();
        s.numTasks = o.value("numTasks"_L1).toInt();
        s.numCompleteTasks = o.value("numCompleteTasks"_L1).toInt();
        s.numFailedTasks = o.value("numFailedTasks"_L1).toInt();
        s.inputBytes = num(o, "inputBytes"_L1);
        s.outputBytes = num(o, "outputBytes"_L1);
        s.shuffleReadBytes = num(o, "shuffleReadBytes"_L1);
        s.shuffleWriteBytes = num(o, "shuffleWriteBytes"_L1);
        s.memoryBytesSpilled = num(o, "memoryBytesSpilled"_L1);
        s.diskBytesSpilled = num(o, "diskBytesSpilled"_L1);
        s.executorRunTimeMs = num(o, "executorRunTime"_L1);
        s.numActiveTasks = o.value("numActiveTasks"_L1).toInt();
        s.numKilledTasks = o.value("numKilledTasks"_L1).toInt();
        s.description = o.value("description"_L1).toString();
        s.submissionTime = parseRestDate(o.value("submissionTime"_L1).toString());
        s.completionTime = parseRestDate(o.value("completionTime"_L1).toString());
        s.failureReason = o.value("failureReason"_L1).toString();
        s.inputRecords = num(o, "inputRecords"_L1);
        s.outputRecords = num(o, "outputRecords"_L1);
        s.shuffleReadRecords = num(o, "shuffleReadRecords"_L1);
        s.shuffleWriteRecords = num(o, "shuffleWriteRecords"_L1);
        s.jvmGcTimeMs = num(o, "jvmGcTime"_L1);
        s.executorCpuTimeNs = num(o, "executorCpuTime"_L1);
        const QJsonObject perExecutor = o.value("executorSummary"_L1).toObject(); // only with details=true
        s.executors = perExecutor.keys();
        return s;
    });
}

std::optional<TaskSummary> parseTaskSummary(const QJsonValue &body, QString *error)
{
    const QJsonObject o = body.toObject();
    if (!body.isObject() || !o.value("quantiles"_L1).isArray()) {
        *error = Text::tr("expected a task summary object with quantiles from Spark");
        return std::nullopt;
    }
    TaskSummary summary;
    for (const QJsonValue &q : o.value("quantiles"_L1).toArray())
        summary.quantiles.append(q.toDouble());
    using Unit = TaskQuantileRow::Unit;
    struct Wanted
    {
        const char *label;
        Unit unit;
        const char *group; // nested object, or nullptr
        const char *key;
    };
    static const Wanted wanted[] = {
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Duration"), Unit::Milliseconds, nullptr, "duration"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Executor run time"), Unit::Milliseconds, nullptr, "executorRunTime"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "GC time"), Unit::Milliseconds, nullptr, "jvmGcTime"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Scheduler delay"), Unit::Milliseconds, nullptr, "schedulerDelay"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Input"), Unit::Bytes, "inputMetrics", "bytesRead"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Output"), Unit::Bytes, "outputMetrics", "bytesWritten"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Shuffle read"), Unit::Bytes, "shuffleReadMetrics", "readBytes"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Shuffle read records"), Unit::Count, "shuffleReadMetrics", "readRecords"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Shuffle write"), Unit::Bytes, "shuffleWriteMetrics", "writeBytes"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Spill (memory)"), Unit::Bytes, nullptr, "memoryBytesSpilled"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Spill (disk)"), Unit::Bytes, nullptr, "diskBytesSpilled"},
        {QT_TRANSLATE_NOOP("cdeck::spark::SparkRestClient", "Peak execution memory"), Unit::Bytes, nullptr, "peakExecutionMemory"},
    };
    for (const Wanted &w : wanted) {
        const QJsonObject from = w.group ? o.value(QLatin1StringView(w.group)).toObject() : o;
        const QJsonValue v = from.value(QLatin1StringView(w.key));
        if (v.isUndefined())
            continue; // older Spark versions lack some metrics
        if (!v.isArray() || v.toArray().size() != summary.quantiles.size()) {
            *error
                = Text::tr("the task summary's %1 does not have one value per quantile").arg(QLatin1StringView(w.key));
            return std::nullopt;
        }
        TaskQuantileRow row;
        row.label = Text::tr(w.label);
        row.unit = w.unit;
        for (const QJsonValue &x : v.toArray())
            row.values.append(x.toDouble());
        summary.rows.append(row);
    }
    return summary;
}

Executor toExecutor(const SparkExecutorInfo &e)
{
    Executor x;
    x.id = e.id;
    x.address = e.isActive ? e.hostPort : QString();
    if (e.isActive) {
        x.status = ExecutorStatus::Running;
    } else {
        // Dynamic allocation and decommissioning remove executors on purpose; anything else was a loss.
        const QString why = e.removeReason.toLower();
        x.status = why.contains("killed by driver"_L1) || why.contains("decommission"_L1) ? ExecutorStatus::Retired
                                                                                            : ExecutorStatus::Lost;
        x.statusReason = e.removeReason;
    }
    x.threads = e.totalCores;
    x.memoryLimitBytes = e.storageMemoryMax;
    x.memoryManagedBytes = e.storageMemoryUsed;
    // Storage memory is a pool inside the heap: the bar shows the pool, the peak heap has its own figure.
    x.peakHeapBytes = e.peakJvmHeap;
    x.tasksFailed = e.failedTasks;
    x.tasksCompleted = e.completedTasks;
    x.memorySpilledBytes = e.diskUsed;
    x.tasksExecuting = e.activeTasks;
    x.bytesInTotal = e.shuffleRead;
    x.bytesOutTotal = e.shuffleWrite;
    x.startedAt = e.addTime;
    x.endedAt = e.removeTime;
    return x;
}

Job toJob(const SparkJobInfo &j, const QString &clusterId)
{
    Job out;
    out.id = QString::number(j.jobId);
    out.clusterId = clusterId;
    out.name = j.name;
    out.state = j.status == "RUNNING"_L1 ? JobState::Running
        : j.status == "SUCCEEDED"_L1     ? JobState::Completed
        : j.status == "FAILED"_L1        ? JobState::Failed
                                         : JobState::Interrupted;
    out.submittedAt = j.submissionTime;
    out.startedAt = j.submissionTime;
    out.endedAt = j.completionTime;
    return out;
}

SparkRestClient::SparkRestClient(const QUrl &baseUrl, QObject *parent)
    : QObject(parent), m_baseUrl(baseUrl), m_network(new QNetworkAccessManager(this))
{
}

void SparkRestClient::executors(const QString &appPath, Callback done)
{
    get(u"applications/"_s + appPathEncoded(appPath) + u"/executors"_s, std::move(done));
}

void SparkRestClient::allExecutors(const QString &appPath, Callback done)
{
    get(u"applications/"_s + appPathEncoded(appPath) + u"/allexecutors"_s, std::move(done));
}

void SparkRestClient::jobs(const QString &appPath, Callback done)
{
    get(u"applications/"_s + appPathEncoded(appPath) + u"/jobs"_s, std::move(done));
}

void SparkRestClient::stages(const QString &appPath, Callback done)
{
    get(u"applications/"_s + appPathEncoded(appPath) + u"/stages"_s, std::move(done));
}

void SparkRestClient::taskSummary(const QString &appPath, int stageId, int attemptId, Callback done)
{
    get(u"applications/"_s + appPathEncoded(appPath) + u"/stages/%1/%2/taskSummary"_s.arg(stageId).arg(attemptId),
        std::move(done));
}

void SparkRestClient::get(const QString &path, Callback done) { send(path, std::move(done), 0); }

void SparkRestClient::send(const QString &path, Callback done, int attempt)
{
    const QString rel = path.section(u'?', 0, 0);
    const QString query = path.contains(u'?') ? path.section(u'?', 1) : QString();
    QUrl url = m_baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + u"/api/v1/"_s + rel, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    req.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network->get(req);
    auto tooLarge = std::make_shared<bool>(false);
    const qint64 maxBytes = m_maxBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge, maxBytes](qint64 received, qint64 total) {
        if (received > maxBytes || total > maxBytes) {
            *tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, path, done, attempt, tooLarge] {
        reply->deleteLater();
        RestReply r;
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = *tooLarge || !reply->isOpen() ? QByteArray() : reply->readAll();
        if (*tooLarge) {
            r.httpStatus = 0;
            r.error = Text::tr("Spark's answer is larger than %1 MiB: not read").arg(m_maxBytes >> 20);
            done(r);
            return;
        }
        if (reply->error() != QNetworkReply::NoError && r.httpStatus == 0) {
            r.error = reply->error() == QNetworkReply::OperationCanceledError
                ? Text::tr("no answer from Spark within %1 s").arg(m_timeoutMs / 1000.0)
                : reply->errorString();
            r.unreachable = true;
            if (attempt < 2) {
                QTimer::singleShot(200 * (1 << attempt), this, [this, path, done, attempt] { send(path, done, attempt + 1); });
                return;
            }
            done(r);
            return;
        }
        if (r.httpStatus < 200 || r.httpStatus >= 300) {
            // Spark's errors are text/plain ("unknown app: foobar")
            const QString text = QString::fromUtf8(data.left(500)).trimmed();
            r.error = Text::tr("Spark answered HTTP %1: %2")
                          .arg(r.httpStatus)
                          .arg(text.isEmpty() ? reply->errorString() : text);
            done(r);
            return;
        }
        if (reply->error() != QNetworkReply::NoError) { // e.g. the connection closed before the whole body
            r.httpStatus = 0;
            r.error = Text::tr("Spark's answer was cut off: %1").arg(reply->errorString());
            done(r);
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError || doc.isNull()) {
            r.error = Text::tr("Spark's answer is not valid JSON: %1").arg(parseError.errorString());
            done(r);
            return;
        }
        r.body = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        done(r);
    });
}

} // namespace cdeck::spark
