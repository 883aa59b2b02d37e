// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "job.h"

#include "jsonutil.h"

#include <QJsonArray>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
constexpr std::array<std::pair<JobState, const char *>, 7> kNames{{
    {JobState::Pending, "PENDING"},
    {JobState::Running, "RUNNING"},
    {JobState::Completed, "COMPLETED"},
    {JobState::Failed, "FAILED"},
    {JobState::CancelPending, "CANCEL_PENDING"},
    {JobState::Cancelled, "CANCELLED"},
    {JobState::Interrupted, "INTERRUPTED"},
}};
}

QString toString(JobState state)
{
    for (const auto &[s, name] : kNames)
        if (s == state)
            return QString::fromLatin1(name);
    return u"UNKNOWN"_s;
}

std::optional<JobState> jobStateFromString(const QString &text)
{
    for (const auto &[s, name] : kNames)
        if (text == QLatin1StringView(name))
            return s;
    return std::nullopt;
}

bool isFinished(JobState state)
{
    return state == JobState::Completed || state == JobState::Failed || state == JobState::Cancelled
        || state == JobState::Interrupted;
}

QJsonObject JobRequest::toJson() const
{
    QJsonObject o{{u"args"_s, QJsonArray::fromStringList(args)}};
    if (!sample.isEmpty())
        o.insert(u"sample"_s, sample);
    if (!script.isEmpty())
        o.insert(u"script"_s, script);
    if (!name.isEmpty())
        o.insert(u"name"_s, name);
    return o;
}

JobRequest JobRequest::fromJson(const QJsonObject &o, QString *error)
{
    JobRequest r;
    QString e;
    r.sample = json::string(o, "sample"_L1, &e);
    r.script = json::string(o, "script"_L1, &e);
    r.name = json::string(o, "name"_L1, &e);
    const QJsonValue args = o.value(u"args"_s);
    if (args.isArray()) {
        for (const QJsonValue &a : args.toArray()) {
            if (!a.isString()) {
                e = u"args: expected an array of strings"_s;
                break;
            }
            r.args.append(a.toString());
        }
    } else if (!args.isUndefined() && !args.isNull()) {
        e = u"args: expected an array of strings"_s;
    }
    if (e.isEmpty() && r.sample.isEmpty() == r.script.isEmpty())
        e = u"give exactly one of sample or script"_s;
    if (e.isEmpty() && r.args.size() > 64)
        e = u"args: at most 64 arguments"_s;
    *error = e;
    return r;
}

double Job::durationSeconds(const QDateTime &now) const
{
    if (!startedAt.isValid())
        return 0;
    const QDateTime end = endedAt.isValid() ? endedAt : now;
    return startedAt.msecsTo(end) / 1000.0;
}

QJsonObject Job::toJson() const
{
    return {{u"id"_s, id},
            {u"clusterId"_s, clusterId},
            {u"name"_s, name},
            {u"sample"_s, sample},
            {u"script"_s, script},
            {u"args"_s, QJsonArray::fromStringList(args)},
            {u"state"_s, toString(state)},
            {u"stateReason"_s, stateReason},
            {u"exitCode"_s, exitCode ? QJsonValue(*exitCode) : QJsonValue(QJsonValue::Null)},
            {u"submittedAt"_s, json::fromDateTime(submittedAt)},
            {u"startedAt"_s, json::fromDateTime(startedAt)},
            {u"endedAt"_s, json::fromDateTime(endedAt)},
            {u"durationSeconds"_s, durationSeconds(QDateTime::currentDateTimeUtc())},
            {u"logTail"_s, logTail},
            {u"uiUrl"_s, uiUrl}};
}

Job Job::fromJson(const QJsonObject &o)
{
    Job j;
    j.id = o.value(u"id"_s).toString();
    j.clusterId = o.value(u"clusterId"_s).toString();
    j.name = o.value(u"name"_s).toString();
    j.sample = o.value(u"sample"_s).toString();
    j.script = o.value(u"script"_s).toString();
    for (const QJsonValue &a : o.value(u"args"_s).toArray())
        j.args.append(a.toString());
    j.state = jobStateFromString(o.value(u"state"_s).toString()).value_or(JobState::Failed);
    j.stateReason = o.value(u"stateReason"_s).toString();
    if (o.value(u"exitCode"_s).isDouble())
        j.exitCode = o.value(u"exitCode"_s).toInt();
    j.submittedAt = json::toDateTime(o.value(u"submittedAt"_s));
    j.startedAt = json::toDateTime(o.value(u"startedAt"_s));
    j.endedAt = json::toDateTime(o.value(u"endedAt"_s));
    j.logTail = o.value(u"logTail"_s).toString();
    j.uiUrl = o.value(u"uiUrl"_s).toString();
    return j;
}

} // namespace cdeck
