// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/sparklogcommand.h"

#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/historycompare.h"
#include "core/backend/spark/historyjson.h"
#include "core/backend/spark/historytasks.h"
#include "core/backend/spark/streamedjson.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileDevice>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("cdeck::spark::SparkLogCommand", text); }

HistoryAnswer fail(int status, const QString &message)
{
    HistoryAnswer a;
    a.status = status;
    a.error = message;
    return a;
}

HistoryAnswer ok(const QJsonValue &v)
{
    HistoryAnswer a;
    a.json = v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented)
                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented);
    return a;
}

// Spark's SimpleDateParam: "yyyy-MM-dd'T'HH:mm:ss.SSSz" (z a zone name such as GMT or CST) or "yyyy-MM-dd" (GMT).
std::optional<qint64> parseSparkDate(const QString &text)
{
    static const QRegularExpression full(u"^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{3})([A-Za-z/_+\\-:0-9]*)$"_s);
    static const QRegularExpression day(u"^(\\d{4})-(\\d{2})-(\\d{2})$"_s);
    auto m = full.match(text);
    if (m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const QTime t(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), m.captured(7).toInt());
        if (!d.isValid() || !t.isValid())
            return std::nullopt;
        const QString zone = m.captured(8);
        // Java's short zone names; the ones users meet in Spark's docs and logs.
        static const QHash<QString, int> offsets = {
            {u"GMT"_s, 0}, {u"UTC"_s, 0}, {u"Z"_s, 0}, {u""_s, 0}, {u"EST"_s, -5}, {u"EDT"_s, -4},
            {u"CST"_s, -6}, {u"CDT"_s, -5}, {u"MST"_s, -7}, {u"MDT"_s, -6}, {u"PST"_s, -8}, {u"PDT"_s, -7},
        };
        const qint64 local = QDateTime(d, t, Qt::UTC).toMSecsSinceEpoch();
        if (offsets.contains(zone))
            return local - qint64(offsets.value(zone)) * 3600 * 1000;
        const QTimeZone tz(zone.toLatin1());
        if (!tz.isValid())
            return std::nullopt;
        return QDateTime(d, t, tz).toMSecsSinceEpoch();
    }
    m = day.match(text);
    if (m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!d.isValid())
            return std::nullopt;
        return QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    }
    return std::nullopt;
}

struct LogEntry
{
    QString path;
    SparkApplication app; // complete, or listing only
};

struct Catalogue
{
    QList<LogEntry> logs;
    QStringList warnings;
    QString error; // the path itself is unusable
};

QStringList logPaths(const QString &path, QString *error)
{
    const QFileInfo fi(path);
    if (!fi.exists()) {
        *error = tr("%1: no such file or directory").arg(path);
        return {};
    }
    if (EventLogReader::isSingleLog(path))
        return {fi.absoluteFilePath()};
    if (!fi.isDir()) {
        *error = tr("%1 is neither an event log nor a directory of event logs").arg(path);
        return {};
    }
    const QStringList logs = EventLogReader::findLogs(fi.absoluteFilePath());
    if (logs.isEmpty())
        *error = tr("no event logs in %1").arg(path);
    return logs;
}

// Reads every log at the given depth; a log that cannot be read is left out with a warning, as Spark's
// History Server skips it.
Catalogue loadAll(const QStringList &paths, const EventLogReader::Options &options)
{
    Catalogue c;
    for (const QString &p : paths) {
        QString error;
        auto app = EventLogReader::read(p, &error, options);
        if (!app) {
            c.warnings.append(tr("skipped %1").arg(error));
            continue;
        }
        for (const QString &w : std::as_const(app->warnings))
            c.warnings.append(QFileInfo(p).fileName() + u": "_s + w);
        c.logs.append({p, *app});
    }
    return c;
}

template<typename Enum>
bool parseStatuses(const QUrlQuery &q, const QList<QPair<QString, Enum>> &names, QList<Enum> *out, QString *error)
{
    for (const QString &v : q.allQueryItemValues(u"status"_s, QUrl::FullyDecoded)) {
        bool found = false;
        for (const auto &n : names) {
            if (v.compare(n.first, Qt::CaseInsensitive) == 0) {
                out->append(n.second);
                found = true;
            }
        }
        if (!found) {
            QStringList allowed;
            for (const auto &n : names)
                allowed.append(n.first);
            *error = tr("bad value for parameter \"status\": \"%1\" (expected one of %2)")
                         .arg(v, allowed.join(u", "_s));
            return false;
        }
    }
    return true;
}

QList<SparkAttempt> newestFirst(QList<SparkAttempt> attempts)
{
    std::stable_sort(attempts.begin(), attempts.end(),
                     [](const SparkAttempt &a, const SparkAttempt &b) { return a.startTime > b.startTime; });
    return attempts;
}

HistoryAnswer applicationList(const Catalogue &c, const QUrlQuery &q)
{
    enum class AppStatus { Completed, Running };
    QList<AppStatus> statuses;
    QString error;
    if (!parseStatuses<AppStatus>(q, {{u"completed"_s, AppStatus::Completed}, {u"running"_s, AppStatus::Running}},
                                  &statuses, &error))
        return fail(400, error);
    auto dateParam = [&](const QString &name, const QString &fallback, qint64 *out) {
        const QString v = q.hasQueryItem(name) ? q.queryItemValue(name, QUrl::FullyDecoded) : fallback;
        const auto parsed = parseSparkDate(v);
        if (!parsed) {
            error = tr("couldn't parse date: %1 (parameter \"%2\"; expected yyyy-MM-dd or "
                       "yyyy-MM-dd'T'HH:mm:ss.SSSz)")
                        .arg(v, name);
            return false;
        }
        *out = *parsed;
        return true;
    };
    qint64 minDate = 0, maxDate = 0, minEnd = 0, maxEnd = 0;
    if (!dateParam(u"minDate"_s, u"2010-01-01"_s, &minDate) || !dateParam(u"maxDate"_s, u"3000-01-01"_s, &maxDate)
        || !dateParam(u"minEndDate"_s, u"2010-01-01"_s, &minEnd)
        || !dateParam(u"maxEndDate"_s, u"3000-01-01"_s, &maxEnd))
        return fail(400, error);
    qint64 limit = std::numeric_limits<int>::max();
    if (q.hasQueryItem(u"limit"_s)) {
        bool isInt = false;
        limit = q.queryItemValue(u"limit"_s).toInt(&isInt);
        if (!isInt)
            return fail(400, tr("bad value for parameter \"limit\": \"%1\" (expected an integer)")
                                 .arg(q.queryItemValue(u"limit"_s)));
    }

    struct App
    {
        QString id, name;
        QList<SparkAttempt> attempts;
    };
    QList<App> apps;
    QHash<QString, int> index;
    for (const LogEntry &e : c.logs) {
        if (!index.contains(e.app.id)) {
            index.insert(e.app.id, int(apps.size()));
            apps.append({e.app.id, e.app.name, {}});
        }
        apps[index.value(e.app.id)].attempts.append(e.app.attempt);
    }
    for (App &a : apps)
        a.attempts = newestFirst(a.attempts);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool includeCompleted = statuses.isEmpty() || statuses.contains(AppStatus::Completed);
    const bool includeRunning = statuses.isEmpty() || statuses.contains(AppStatus::Running);
    QList<App> shown;
    for (const App &a : std::as_const(apps)) {
        const bool anyRunning = std::any_of(a.attempts.begin(), a.attempts.end(),
                                            [](const SparkAttempt &t) { return !t.completed; });
        if (!((!anyRunning && includeCompleted) || (anyRunning && includeRunning)))
            continue;
        const bool inRange = std::any_of(a.attempts.begin(), a.attempts.end(), [&](const SparkAttempt &t) {
            const bool startOk = t.startTime >= minDate && t.startTime <= maxDate;
            const bool endOk = anyRunning ? maxEnd > now : (t.endTime >= minEnd && t.endTime <= maxEnd);
            return startOk && endOk;
        });
        if (inRange)
            shown.append(a);
    }
    // Spark lists by the end time of each application's newest attempt, latest first.
    auto endOf = [](const App &a) { return a.attempts.first().completed ? a.attempts.first().endTime : qint64(-1); };
    std::stable_sort(shown.begin(), shown.end(), [&](const App &x, const App &y) { return endOf(x) > endOf(y); });
    QJsonArray out;
    for (const App &a : std::as_const(shown)) {
        if (out.size() >= limit)
            break;
        out.append(historyjson::application(a.id, a.name, a.attempts));
    }
    return ok(out);
}

const QStringList &subResources()
{
    static const QStringList names = {u"jobs"_s, u"stages"_s, u"executors"_s, u"allexecutors"_s,
                                      u"environment"_s, u"storage"_s, u"sql"_s, u"streaming"_s,
                                      u"allmiscellaneousprocess"_s, u"threads"_s, u"logs"_s};
    return names;
}

// Spark's BooleanParam: "true"/"false" in any case; anything else is a bad request.
std::optional<bool> boolParam(const QUrlQuery &q, const QString &name, bool fallback, QString *error)
{
    if (!q.hasQueryItem(name))
        return fallback;
    const QString v = q.queryItemValue(name, QUrl::FullyDecoded);
    if (v.compare("true"_L1, Qt::CaseInsensitive) == 0)
        return true;
    if (v.compare("false"_L1, Qt::CaseInsensitive) == 0)
        return false;
    *error = tr("Bad value for parameter \"%1\".  Expected a boolean, got \"%2\"").arg(name, v);
    return std::nullopt;
}

std::optional<qint64> intParam(const QUrlQuery &q, const QString &name, qint64 fallback, QString *error)
{
    if (!q.hasQueryItem(name))
        return fallback;
    const QString v = q.queryItemValue(name, QUrl::FullyDecoded);
    bool isInt = false;
    const int n = v.toInt(&isInt);
    if (!isInt) {
        *error = tr("Bad value for parameter \"%1\".  Expected an int, got \"%2\"").arg(name, v);
        return std::nullopt;
    }
    return n;
}

// quantiles=0.05,0.5 (Spark's default differs by endpoint)
std::optional<QList<double>> quantilesParam(const QUrlQuery &q, const QString &fallback, QString *error)
{
    const QString text = q.hasQueryItem(u"quantiles"_s) ? q.queryItemValue(u"quantiles"_s, QUrl::FullyDecoded) : fallback;
    QList<double> out;
    for (const QString &part : text.split(u',')) {
        bool isDouble = false;
        const double v = part.trimmed().toDouble(&isDouble);
        if (!isDouble || v < 0 || v > 1) {
            *error = tr("Bad value for parameter \"quantiles\".  Expected a double, got \"%1\"").arg(part);
            return std::nullopt;
        }
        out.append(v);
    }
    return out;
}

// taskStatus / status=success&status=failed for tasks: Spark's TaskStatus names, upper-case.
bool taskStatuses(const QUrlQuery &q, const QString &name, QStringList *out, QString *error)
{
    static const QStringList names = {u"RUNNING"_s, u"KILLED"_s, u"FAILED"_s, u"SUCCESS"_s, u"UNKNOWN"_s};
    for (const QString &v : q.allQueryItemValues(name, QUrl::FullyDecoded)) {
        const QString upper = v.toUpper();
        if (!names.contains(upper)) {
            *error = tr("bad value for parameter \"%1\": \"%2\" (expected one of %3)")
                         .arg(name, v, names.join(u", "_s).toLower());
            return false;
        }
        out->append(upper);
    }
    return true;
}

const std::vector<SparkTask> &tasksOf(const SparkApplication &app, const SparkStage &s)
{
    static const std::vector<SparkTask> none;
    const auto it = app.tasks.constFind({s.stageId, s.attemptId});
    return it == app.tasks.constEnd() ? none : it.value();
}

// The stage with its tasks keyed by task id. The tasks are written one by one when the answer is (a stage can have
// 100,000), in the order a QJsonObject would keep them: ids sorted as strings, the last of a repeated id.
QJsonObject stageWithDetails(const SparkApplication &app, const SparkStage &s, const QStringList &taskStatuses,
                             StreamedJson &streamed)
{
    QJsonObject o = historyjson::stage(s, true);
    o.insert(
        "tasks"_L1, streamed.objectPlaceholder([&app, &s, taskStatuses](const StreamedJson::MemberSink &addMember) {
            struct Keyed
            {
                QString key;
                const SparkTask *task;
            };
            std::vector<Keyed> keyed;
            for (const SparkTask &t : tasksOf(app, s)) {
                if (taskStatuses.isEmpty() || taskStatuses.contains(t.status()))
                    keyed.push_back({QString::number(t.taskId), &t});
            }
            std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed &a, const Keyed &b) { return a.key < b.key; });
            for (size_t i = 0; i < keyed.size(); ++i) {
                if (i + 1 < keyed.size() && keyed[i + 1].key == keyed[i].key)
                    continue; // QJsonObject::insert keeps the last value of a key
                const SparkTask &t = *keyed[i].task;
                addMember(
                    keyed[i].key,
                    historyjson::task(t, app.executors.value(t.executorId).executorLogs, app.attempt.lastUpdated));
            }
        }));
    return o;
}

// An answer whose JSON is written later by StreamedJson, when it holds placeholders; an ordinary one otherwise.
HistoryAnswer okStreamed(const QJsonValue &v, StreamedJson &streamed)
{
    if (streamed.isEmpty())
        return ok(v);
    streamed.setRoot(v);
    return {};
}

HistoryAnswer stageResource(const SparkApplication &app, const QStringList &rest, const QUrlQuery &q,
                            StreamedJson &streamed)
{
    QString error;
    QList<StageStatus> statuses;
    QStringList taskStatusFilter;
    if (!parseStatuses<StageStatus>(q,
                                    {{u"active"_s, StageStatus::Active},
                                     {u"complete"_s, StageStatus::Complete},
                                     {u"failed"_s, StageStatus::Failed},
                                     {u"pending"_s, StageStatus::Pending},
                                     {u"skipped"_s, StageStatus::Skipped}},
                                    &statuses, &error)
        && rest.size() == 1)
        return fail(400, error);
    if (!taskStatuses(q, u"taskStatus"_s, &taskStatusFilter, &error))
        return fail(400, error);
    // details: false for the list, true for one stage
    const auto details = boolParam(q, u"details"_s, rest.size() > 1, &error);
    const auto withSummaries = details ? boolParam(q, u"withSummaries"_s, false, &error) : std::nullopt;
    const auto quantiles = withSummaries ? quantilesParam(q, u"0.0,0.25,0.5,0.75,1.0"_s, &error) : std::nullopt;
    if (!details || !withSummaries || (rest.size() <= 3 && !quantiles))
        return fail(400, error);
    auto render = [&](const SparkStage &s) {
        QJsonObject o = *details ? stageWithDetails(app, s, taskStatusFilter, streamed) : historyjson::stage(s, false);
        if (*withSummaries) {
            if (const auto tasks = historytasks::taskSummary(tasksOf(app, s), *quantiles, app.attempt.lastUpdated))
                o.insert("taskMetricsDistributions"_L1, *tasks);
            if (const auto execs = historytasks::executorDistributions(s, *quantiles))
                o.insert("executorMetricsDistributions"_L1, *execs);
        }
        return o;
    };
    if (rest.size() == 1) {
        QJsonArray out;
        QList<const SparkStage *> stages; // the model's own: a streamed answer reads their tasks later
        for (const SparkStage &stage : app.stages)
            stages.append(&stage);
        for (auto it = stages.crbegin(); it != stages.crend(); ++it) {
            if (statuses.isEmpty() || statuses.contains((*it)->status))
                out.append(render(**it));
        }
        return okStreamed(out, streamed);
    }
    bool isInt = false;
    const int id = rest.at(1).toInt(&isInt);
    QList<const SparkStage *> attempts;
    for (const SparkStage &s : app.stages) {
        if (isInt && s.stageId == id)
            attempts.append(&s);
    }
    if (attempts.isEmpty())
        return fail(404, tr("unknown stage: %1").arg(rest.at(1)));
    if (rest.size() == 2) {
        QJsonArray out;
        for (const SparkStage *s : std::as_const(attempts))
            out.append(render(*s));
        return okStreamed(out, streamed);
    }
    const int attempt = rest.at(2).toInt(&isInt);
    const SparkStage *stage = nullptr;
    for (const SparkStage *s : std::as_const(attempts)) {
        if (isInt && s->attemptId == attempt)
            stage = s;
    }
    if (!stage) {
        QStringList found;
        for (const SparkStage *s : std::as_const(attempts))
            found.append(QString::number(s->attemptId));
        return fail(404, tr("unknown attempt for stage %1.  Found attempts: [%2]").arg(id).arg(found.join(u", "_s)));
    }
    if (rest.size() == 3)
        return okStreamed(render(*stage), streamed);
    if (rest.size() == 4 && rest.at(3) == "taskSummary"_L1) {
        const auto summaryQuantiles = quantilesParam(q, u"0.05,0.25,0.5,0.75,0.95"_s, &error);
        if (!summaryQuantiles)
            return fail(400, error);
        const auto summary
            = historytasks::taskSummary(tasksOf(app, *stage), *summaryQuantiles, app.attempt.lastUpdated);
        if (!summary)
            return fail(404, tr("No tasks reported metrics for %1 / %2 yet.").arg(id).arg(attempt));
        return ok(*summary);
    }
    if (rest.size() == 4 && rest.at(3) == "taskList"_L1) {
        const auto offset = intParam(q, u"offset"_s, 0, &error);
        const auto length = offset ? intParam(q, u"length"_s, 20, &error) : std::nullopt;
        if (!offset || !length)
            return fail(400, error);
        auto sorting = historytasks::TaskSorting::Id;
        if (q.hasQueryItem(u"sortBy"_s)) {
            const QString v = q.queryItemValue(u"sortBy"_s, QUrl::FullyDecoded);
            const auto parsed = historytasks::parseSorting(v);
            if (!parsed)
                return fail(400, tr("Bad value for parameter \"sortBy\": \"%1\" (expected ID, runtime, -runtime, "
                                    "INCREASING_RUNTIME or DECREASING_RUNTIME)")
                                     .arg(v));
            sorting = *parsed;
        }
        QStringList statusFilter;
        if (!taskStatuses(q, u"status"_s, &statusFilter, &error))
            return fail(400, error);
        QJsonArray out;
        for (const SparkTask *t : historytasks::taskList(tasksOf(app, *stage), sorting, statusFilter, *offset, *length))
            out.append(historyjson::task(*t, app.executors.value(t->executorId).executorLogs, app.attempt.lastUpdated));
        return ok(out);
    }
    return fail(404, tr("unknown endpoint: stages/%1").arg(rest.mid(1).join(u'/')));
}

// /sql and /sql/ID: Spark's SqlResource. The list is by execution id, paged with offset and length (20).
HistoryAnswer sqlResource(const SparkApplication &app, const QStringList &rest, const QUrlQuery &q)
{
    QString error;
    const auto details = boolParam(q, u"details"_s, true, &error);
    const auto plan = details ? boolParam(q, u"planDescription"_s, true, &error) : std::nullopt;
    if (!details || !plan)
        return fail(400, error);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (rest.size() == 2) {
        static const QRegularExpression digits(u"^\\d+$"_s);
        bool isInt = false;
        const qint64 id = rest.at(1).toLongLong(&isInt);
        if (!digits.match(rest.at(1)).hasMatch() || !isInt)
            return fail(404, tr("unknown endpoint: sql/%1 (an execution id is a number)").arg(rest.at(1)));
        if (!app.sqlExecutions.contains(id))
            return fail(404, tr("unknown query execution id: %1").arg(id));
        return ok(historyjson::sqlExecution(app.sqlExecutions.value(id), *details, *plan, now));
    }
    const auto offset = intParam(q, u"offset"_s, 0, &error);
    const auto length = offset ? intParam(q, u"length"_s, 20, &error) : std::nullopt;
    if (!offset || !length)
        return fail(400, error);
    if (*offset < 0 || *length <= 0)
        return fail(
            400,
            tr("offset must be 0 or more and length more than 0 (got offset %1, length %2)").arg(*offset).arg(*length));
    QJsonArray out;
    qint64 index = 0;
    for (const SqlExecution &x : app.sqlExecutions) {
        if (index++ < *offset)
            continue;
        if (out.size() >= *length)
            break;
        out.append(historyjson::sqlExecution(x, *details, *plan, now));
    }
    return ok(out);
}

HistoryAnswer appResource(const SparkApplication &app, const QStringList &rest, const QUrlQuery &q,
                          StreamedJson &streamed)
{
    const QString what = rest.first();
    if (what == "jobs"_L1) {
        QList<JobStatus> statuses;
        QString error;
        if (!parseStatuses<JobStatus>(q,
                                      {{u"running"_s, JobStatus::Running},
                                       {u"succeeded"_s, JobStatus::Succeeded},
                                       {u"failed"_s, JobStatus::Failed},
                                       {u"unknown"_s, JobStatus::Unknown}},
                                      &statuses, &error))
            return fail(400, error);
        if (rest.size() == 1) {
            QJsonArray out;
            const QList<SparkJob> jobs = app.jobs.values();
            for (auto it = jobs.crbegin(); it != jobs.crend(); ++it) {
                if (statuses.isEmpty() || statuses.contains(it->status))
                    out.append(historyjson::job(*it));
            }
            return ok(out);
        }
        bool isInt = false;
        const int id = rest.at(1).toInt(&isInt);
        if (rest.size() > 2 || !isInt || !app.jobs.contains(id))
            return fail(404, tr("unknown job: %1").arg(rest.at(1)));
        return ok(historyjson::job(app.jobs.value(id)));
    }
    if (what == "stages"_L1)
        return stageResource(app, rest, q, streamed);
    if ((what == "executors"_L1 || what == "allexecutors"_L1) && rest.size() == 1) {
        const bool activeOnly = what == "executors"_L1;
        QList<const SparkExecutor *> list;
        for (const SparkExecutor &e : app.executors) {
            if (!activeOnly || e.isActive)
                list.append(&e);
        }
        // Spark's store iterates the "active" index in reverse for executors, the id order for allexecutors.
        if (activeOnly)
            std::reverse(list.begin(), list.end());
        QJsonArray out;
        for (const SparkExecutor *e : std::as_const(list))
            out.append(historyjson::executor(*e));
        return ok(out);
    }
    if (what == "environment"_L1 && rest.size() == 1) {
        if (!app.hasEnvironment)
            return fail(404, tr("no environment in the log of %1 (no SparkListenerEnvironmentUpdate)").arg(app.id));
        QJsonObject env = app.environment;
        env.insert("resourceProfiles"_L1, app.resourceProfiles);
        return ok(env);
    }
    if (what == "storage"_L1 && rest.size() >= 2 && rest.at(1) == "rdd"_L1 && rest.size() <= 3) {
        if (rest.size() == 2) {
            QJsonArray out;
            for (const SparkRdd &r : app.rdds) {
                if (!r.partitions.isEmpty()) // Spark lists only RDDs with cached partitions
                    out.append(historyjson::rdd(r, app.executors));
            }
            return ok(out);
        }
        bool isInt = false;
        const int id = rest.at(2).toInt(&isInt);
        if (!isInt || !app.rdds.contains(id))
            return fail(404, tr("unknown rdd: %1").arg(rest.at(2)));
        return ok(historyjson::rdd(app.rdds.value(id), app.executors));
    }
    if (what == "sql"_L1 && rest.size() <= 2)
        return sqlResource(app, rest, q);
    if (what == "allmiscellaneousprocess"_L1 && rest.size() == 1) {
        QJsonArray out;
        for (const SparkProcess &p : app.miscProcesses)
            out.append(historyjson::process(p));
        return ok(out);
    }
    if (what == "threads"_L1 || (what == "executors"_L1 && rest.size() == 3 && rest.at(2) == "threads"_L1))
        return fail(503, tr("thread dumps are not available through the history server"));
    return fail(404, tr("unknown endpoint: %1").arg(rest.join(u'/')));
}

// Which stages' tasks an endpoint shows: the model keeps only those, so the rest of a large log costs no memory.
TaskKeepFilter tasksNeeded(const QStringList &rest, const QUrlQuery &q)
{
    TaskKeepFilter keep;
    if (rest.isEmpty() || rest.first() != "stages"_L1)
        return keep;
    const QString details = q.queryItemValue(u"details"_s).toLower();
    const bool summaries = q.queryItemValue(u"withSummaries"_s).toLower() == "true"_L1;
    if (rest.size() == 1) {
        keep.all = details == "true"_L1 || summaries;
        return keep;
    }
    bool isInt = false;
    const int id = rest.at(1).toInt(&isInt);
    if (isInt && (details != "false"_L1 || summaries || rest.size() == 4))
        keep.stageIds.insert(id);
    return keep;
}

// The answer; its JSON in answer.json, or, when it holds placeholders, in `streamed`, which reads the model kept in
// `model` (the caller writes it while the model lives).
HistoryAnswer respond(const QString &logPath, const QString &endpoint, StreamedJson &streamed, Catalogue &model)
{
    QString path = endpoint.trimmed();
    QString query;
    const qsizetype qmark = path.indexOf(u'?');
    if (qmark >= 0) {
        query = path.mid(qmark + 1);
        path.truncate(qmark);
    }
    QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    if (segments.size() >= 2 && segments.at(0) == "api"_L1 && segments.at(1) == "v1"_L1)
        segments = segments.mid(2);
    const QUrlQuery q(query);
    if (segments.isEmpty() || segments.first() != "applications"_L1)
        return fail(404, tr("unknown endpoint: %1 (try applications, applications/APP-ID/jobs, .../stages, "
                            ".../executors)")
                             .arg(endpoint));

    QString error;
    const QStringList paths = logPaths(logPath, &error);
    if (paths.isEmpty())
        return fail(404, error);

    EventLogReader::Options listing;
    listing.listingOnly = true;
    if (segments.size() == 1) {
        const Catalogue c = loadAll(paths, listing);
        HistoryAnswer a = applicationList(c, q);
        a.warnings = c.warnings;
        return a;
    }

    const QString appId = segments.at(1);
    QStringList rest = segments.mid(2);
    QString attemptId;
    bool attemptGiven = false;
    if (!rest.isEmpty() && !subResources().contains(rest.first())) {
        attemptId = rest.takeFirst();
        attemptGiven = true;
    }

    // Which logs hold this application? One file needs no search; in a directory, the head of each log names it.
    QStringList candidates;
    QStringList warnings;
    if (paths.size() == 1) {
        candidates = paths;
    } else {
        EventLogReader::Options head = listing;
        head.stopAtApplicationStart = true;
        const Catalogue c = loadAll(paths, head);
        warnings = c.warnings;
        for (const LogEntry &e : c.logs) {
            if (e.app.id == appId)
                candidates.append(e.path);
        }
    }
    const bool needFull = !rest.isEmpty();
    EventLogReader::Options full;
    full.keepTasks = tasksNeeded(rest, q);
    full.sqlExecutions = !rest.isEmpty() && rest.first() == "sql"_L1;
    Catalogue &found = model;
    found = loadAll(candidates, needFull ? full : listing);
    warnings += found.warnings;
    found.logs.erase(std::remove_if(found.logs.begin(), found.logs.end(),
                                    [&](const LogEntry &e) { return e.app.id != appId; }),
                     found.logs.end());
    if (found.logs.isEmpty()) {
        HistoryAnswer a = fail(404, tr("unknown app: %1").arg(appId));
        a.warnings = warnings;
        return a;
    }

    HistoryAnswer answer;
    if (!attemptGiven && rest.isEmpty()) {
        QList<SparkAttempt> attempts;
        for (const LogEntry &e : std::as_const(found.logs))
            attempts.append(e.app.attempt);
        answer = ok(historyjson::application(appId, found.logs.first().app.name, newestFirst(attempts)));
    } else {
        const LogEntry *entry = nullptr;
        for (const LogEntry &e : std::as_const(found.logs)) {
            if (e.app.attempt.attemptId == attemptId)
                entry = &e;
        }
        if (!entry) {
            answer = attemptGiven ? fail(404, tr("unknown attempt %1 of app %2").arg(attemptId, appId))
                                  : fail(404, tr("app %1 has several attempts: name one, e.g. applications/%1/%2/jobs")
                                                  .arg(appId, found.logs.first().app.attempt.attemptId));
        } else if (rest.isEmpty()) {
            answer = ok(historyjson::attempt(entry->app.attempt));
        } else {
            answer = appResource(entry->app, rest, q, streamed);
        }
    }
    answer.warnings = warnings;
    return answer;
}

} // namespace

HistoryAnswer answerHistoryRequest(const QString &logPath, const QString &endpoint, QIODevice &sink)
{
    StreamedJson streamed;
    Catalogue model;
    HistoryAnswer answer = respond(logPath, endpoint, streamed, model);
    if (answer.status != 200)
        return answer;
    const bool written = streamed.hasRoot() ? streamed.write(sink) : sink.write(answer.json) == answer.json.size();
    answer.json.clear();
    if (!written) {
        answer.status = 500;
        answer.error = tr("could not write the answer: %1").arg(sink.errorString());
    }
    return answer;
}

HistoryAnswer answerHistoryRequest(const QString &logPath, const QString &endpoint)
{
    QByteArray json;
    QBuffer buffer(&json);
    buffer.open(QIODevice::WriteOnly);
    HistoryAnswer a = answerHistoryRequest(logPath, endpoint, buffer);
    a.json = a.status == 200 ? json : QByteArray();
    return a;
}

int runSparkLogCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString usage
        = tr("usage: clusterdeck-cli spark-log PATH --api ENDPOINT\n"
             "       clusterdeck-cli spark-log PATH --compare-with URL [--api ENDPOINT]\n"
             "  PATH      an event log (plain, .zstd, .lz4, .snappy), a rolling eventlog_v2_* directory,\n"
             "            or a directory of logs\n"
             "  ENDPOINT  what Spark's History Server serves under /api/v1/, e.g. applications,\n"
             "            applications/APP-ID/jobs?status=failed, applications/APP-ID/stages/3/0/taskList\n"
             "  URL       a running History Server (e.g. http://127.0.0.1:18080) reading the same logs:\n"
             "            every endpoint (or the one given) is asked of both, and the first difference\n"
             "            of each is printed; exit 0 when all are identical");
    QString path, endpoint, compareUrl;
    bool haveEndpoint = false, compare = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == "--help"_L1 || a == "-h"_L1) {
            out << usage << Qt::endl;
            return 0;
        }
        if (a == "--api"_L1 || a == "--compare-with"_L1) {
            if (i + 1 >= args.size()) {
                err << tr("%1 needs a value").arg(a) << u'\n' << usage << Qt::endl;
                return 2;
            }
            (a == "--api"_L1 ? endpoint : compareUrl) = args.at(++i);
            (a == "--api"_L1 ? haveEndpoint : compare) = true;
        } else if (a.startsWith("--api="_L1)) {
            endpoint = a.mid(6);
            haveEndpoint = true;
        } else if (a.startsWith("--compare-with="_L1)) {
            compareUrl = a.mid(15);
            compare = true;
        } else if (a.startsWith("--"_L1) || !path.isEmpty()) {
            err << tr("unexpected argument: %1").arg(a) << u'\n' << usage << Qt::endl;
            return 2;
        } else {
            path = a;
        }
    }
    if (path.isEmpty() || (!haveEndpoint && !compare)) {
        err << usage << Qt::endl;
        return 2;
    }
    if (compare)
        return compareWithServer(path, compareUrl, haveEndpoint ? QStringList{endpoint} : QStringList{}, out, err);
    // A stream on a device (the CLI's stdout) gets the answer as it is written, so a stage with 100,000 tasks is
    // never held whole; a stream on a string (tests) gets it at once.
    QIODevice *device = out.device();
    out.flush();
    QByteArray json;
    QBuffer buffer(&json);
    buffer.open(QIODevice::WriteOnly);
    const HistoryAnswer answer = answerHistoryRequest(path, endpoint, device ? *device : buffer);
    for (const QString &w : answer.warnings)
        err << tr("warning: %1").arg(w) << u'\n';
    if (auto *file = qobject_cast<QFileDevice *>(device))
        file->flush();
    if (answer.status != 200) {
        err << tr("error (%1): %2").arg(answer.status).arg(answer.error) << Qt::endl;
        return 1;
    }
    if (!device) {
        out << QString::fromUtf8(json);
        out.flush();
    }
    err.flush();
    return 0;
}

} // namespace cdeck::spark
