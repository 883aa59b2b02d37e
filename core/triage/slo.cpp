// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "slo.h"

#include "core/triage/detectors.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::triage {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kMinWindowMs = kHour;
constexpr qint64 kMaxWindowMs = 90 * kDay;
// Freshness is judged once a minute: fine enough for pipelines that run hourly or daily.
constexpr qint64 kFreshnessStepMs = kMinute;
constexpr int kMaxBadRunsKept = 20;

const char *const kSliNames[] = {"success_rate", "p95_duration", "failed_task_rate", "freshness"};

QString iso(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue numberOrNull(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

// Runs that say something about the objective: a cancelled run was someone's choice and an interrupted
// one the runtime's own shutdown, neither the pipeline's health.
bool counts(const SloRun &run)
{
    return run.state == JobState::Completed || run.state == JobState::Failed;
}

} // namespace

QString toString(SliKind kind)
{
    return QString::fromLatin1(kSliNames[int(kind)]);
}

std::optional<SliKind> sliKindFromString(const QString &text)
{
    for (int i = 0; i <= int(SliKind::Freshness); ++i)
        if (text == QLatin1StringView(kSliNames[i]))
            return SliKind(i);
    return std::nullopt;
}

std::optional<qint64> parseWindow(const QString &text)
{
    static const QRegularExpression re(u"^\\s*(\\d+(?:\\.\\d+)?)\\s*([smhd])\\s*$"_s);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double n = m.captured(1).toDouble();
    const QChar unit = m.captured(2).at(0);
    const qint64 scale = unit == u's' ? kSecond : unit == u'm' ? kMinute : unit == u'h' ? kHour : kDay;
    return qint64(n * double(scale));
}

QString formatWindow(qint64 ms)
{
    if (ms > 0 && ms % kDay == 0)
        return u"%1d"_s.arg(ms / kDay);
    if (ms > 0 && ms % kHour == 0)
        return u"%1h"_s.arg(ms / kHour);
    if (ms > 0 && ms % kMinute == 0)
        return u"%1m"_s.arg(ms / kMinute);
    return u"%1s"_s.arg(double(ms) / kSecond);
}

QString SloDefinition::selector() const
{
    return jobName.isEmpty() ? u"tag %1=%2"_s.arg(tagKey, tagValue) : u"job=%1"_s.arg(jobName);
}

QJsonObject SloDefinition::toJson() const
{
    QJsonObject o{{u"id"_s, id},
                  {u"name"_s, name},
                  {u"sli"_s, toString(sli)},
                  {u"objective"_s, objective},
                  {u"window"_s, formatWindow(windowMs)},
                  {u"windowMs"_s, double(windowMs)},
                  {u"createdAt"_s, createdAt.isValid() ? QJsonValue(iso(createdAt)) : QJsonValue(QJsonValue::Null)}};
    if (!jobName.isEmpty())
        o.insert(u"job"_s, jobName);
    else
        o.insert(u"tag"_s, QJsonObject{{u"key"_s, tagKey}, {u"value"_s, tagValue}});
    if (sli == SliKind::P95Duration || sli == SliKind::Freshness)
        o.insert(u"thresholdSeconds"_s, thresholdSeconds);
    return o;
}

std::optional<SloDefinition> SloDefinition::fromJson(const QJsonObject &o, QString *error)
{
    SloDefinition d;
    d.id = o.value(u"id"_s).toString();
    d.jobName = o.value(u"job"_s).toString().trimmed();
    const QJsonValue tag = o.value(u"tag"_s);
    if (tag.isObject()) {
        d.tagKey = tag.toObject().value(u"key"_s).toString().trimmed();
        d.tagValue = tag.toObject().value(u"value"_s).toString().trimmed();
    } else if (tag.isString()) { // "key=value"
        const QString t = tag.toString();
        const qsizetype eq = t.indexOf(u'=');
        d.tagKey = (eq < 0 ? t : t.left(eq)).trimmed();
        d.tagValue = eq < 0 ? QString() : t.mid(eq + 1).trimmed();
    } else if (!tag.isUndefined() && !tag.isNull()) {
        *error = u"tag: expected \"key=value\" or {\"key\",\"value\"}"_s;
        return std::nullopt;
    }
    const bool byTag = !d.tagKey.isEmpty() || !d.tagValue.isEmpty();
    if (d.jobName.isEmpty() == !byTag) {
        *error = u"give exactly one of job (a job name) or tag (key=value)"_s;
        return std::nullopt;
    }
    if (byTag && (d.tagKey.isEmpty() || d.tagValue.isEmpty())) {
        *error = u"tag: both a key and a value are needed (key=value)"_s;
        return std::nullopt;
    }
    const QJsonValue sli = o.value(u"sli"_s);
    if (sli.isUndefined()) {
        d.sli = SliKind::SuccessRate;
    } else if (const auto kind = sliKindFromString(sli.toString())) {
        d.sli = *kind;
    } else {
        *error = u"sli: expected one of success_rate, p95_duration, failed_task_rate, freshness"_s;
        return std::nullopt;
    }
    const QJsonValue objective = o.value(u"objective"_s);
    if (!objective.isDouble() || !(objective.toDouble() > 0) || !(objective.toDouble() < 1)) {
        *error = u"objective: expected a fraction between 0 and 1 exclusive (0.99 for 99%)"_s;
        return std::nullopt;
    }
    d.objective = objective.toDouble();
    const QJsonValue window = o.value(u"window"_s).isUndefined() ? o.value(u"windowMs"_s) : o.value(u"window"_s);
    if (window.isString()) {
        const auto ms = parseWindow(window.toString());
        if (!ms) {
            *error = u"window: expected a duration such as 30d, 7d, 12h"_s;
            return std::nullopt;
        }
        d.windowMs = *ms;
    } else if (window.isDouble()) {
        d.windowMs = qint64(window.toDouble());
    } else if (!window.isUndefined()) {
        *error = u"window: expected a duration such as 30d, or milliseconds"_s;
        return std::nullopt;
    }
    if (d.windowMs < kMinWindowMs || d.windowMs > kMaxWindowMs) {
        *error = u"window: must be between 1h and 90d"_s;
        return std::nullopt;
    }
    const QJsonValue threshold = o.value(u"thresholdSeconds"_s);
    if (d.sli == SliKind::P95Duration || d.sli == SliKind::Freshness) {
        if (!threshold.isDouble() || !(threshold.toDouble() > 0)) {
            *error = u"thresholdSeconds: %1 needs a positive threshold in seconds (%2)"_s.arg(
                toString(d.sli), d.sli == SliKind::P95Duration ? u"the slowest acceptable run"_s
                                                               : u"the oldest acceptable last success"_s);
            return std::nullopt;
        }
        d.thresholdSeconds = threshold.toDouble();
    } else if (!threshold.isUndefined() && !threshold.isNull()) {
        *error = u"thresholdSeconds: only p95_duration and freshness take a threshold"_s;
        return std::nullopt;
    }
    d.name = o.value(u"name"_s).toString().trimmed();
    if (d.name.isEmpty())
        d.name = u"%1 %2"_s.arg(d.jobName.isEmpty() ? d.tagKey + u'=' + d.tagValue : d.jobName, toString(d.sli));
    if (d.name.size() > 200) {
        *error = u"name: at most 200 characters"_s;
        return std::nullopt;
    }
    if (o.value(u"createdAt"_s).isString())
        d.createdAt = QDateTime::fromString(o.value(u"createdAt"_s).toString(), Qt::ISODateWithMs).toUTC();
    return d;
}

bool matches(const SloDefinition &slo, const SloRun &run)
{
    if (!slo.jobName.isEmpty())
        return run.jobName == slo.jobName;
    const auto it = run.clusterTags.constFind(slo.tagKey);
    return it != run.clusterTags.cend() && it.value() == slo.tagValue;
}

QList<SliEvent> sliEvents(const SloDefinition &slo, const QList<SloRun> &runs, qint64 nowMs)
{
    QList<SloRun> mine;
    for (const SloRun &r : runs)
        if (counts(r) && r.endMs > 0 && r.endMs <= nowMs && matches(slo, r))
            mine.append(r);
    std::sort(mine.begin(), mine.end(), [](const SloRun &a, const SloRun &b) { return a.endMs < b.endMs; });
    QList<SliEvent> events;
    const qint64 periodStart = nowMs - slo.windowMs;
    switch (slo.sli) {
    case SliKind::SuccessRate:
        for (const SloRun &r : mine)
            events.append({r.endMs, r.state == JobState::Completed, slo.id});
        break;
    case SliKind::P95Duration:
        for (const SloRun &r : mine)
            if (r.state == JobState::Completed) // a failed run's duration says nothing about speed
                events.append({r.endMs, r.durationS <= slo.thresholdSeconds, slo.id});
        break;
    case SliKind::FailedTaskRate:
        for (const SloRun &r : mine) {
            if (r.tasksTotal <= 0)
                continue;
            const qint64 failed = std::clamp<qint64>(r.tasksFailed, 0, r.tasksTotal);
            if (failed > 0)
                events.append({r.endMs, false, slo.id, failed});
            if (r.tasksTotal - failed > 0)
                events.append({r.endMs, true, slo.id, r.tasksTotal - failed});
        }
        break;
    case SliKind::Freshness: {
        // One event a minute from the first success on (before it there is no data to be stale), on a grid
        // that ends at now so every window holds whole minutes. Good when the last success is young enough.
        QList<qint64> successes;
        for (const SloRun &r : mine)
            if (r.state == JobState::Completed)
                successes.append(r.endMs);
        if (successes.isEmpty())
            break;
        const qint64 threshold = qint64(slo.thresholdSeconds * 1000);
        const qint64 first = std::max(successes.first(), periodStart);
        const qint64 steps = (nowMs - first) / kFreshnessStepMs;
        qsizetype next = 0;
        qint64 lastSuccess = 0;
        for (qint64 k = steps; k >= 0; --k) {
            const qint64 t = nowMs - k * kFreshnessStepMs;
            while (next < successes.size() && successes[next] <= t)
                lastSuccess = successes[next++];
            if (lastSuccess == 0)
                continue;
            events.append({t, t - lastSuccess <= threshold, slo.id});
        }
        break;
    }
    }
    return events;
}

std::optional<double> SloStatus::burn(const QString &window) const
{
    for (const SloBurn &b : burns)
        if (b.window == window)
            return b.rate;
    return std::nullopt;
}

SloStatus evaluateSlo(const SloDefinition &slo, const QList<SloRun> &runs, qint64 nowMs, const QList<BurnRule> &rules)
{
    SloStatus s;
    s.slo = slo;
    s.evaluatedAtMs = nowMs;
    const QList<SliEvent> events = sliEvents(slo, runs, nowMs);
    const qint64 periodStart = nowMs - slo.windowMs;
    for (const SliEvent &e : events)
        if (e.tMs > periodStart) {
            s.events += e.weight;
            s.badEvents += e.good ? 0 : e.weight;
        }
    s.budgetRemaining = 1.0 - burnRate(events, slo.objective, nowMs, slo.windowMs).value_or(0);

    QList<SloRun> inPeriod;
    for (const SloRun &r : runs)
        if (counts(r) && r.endMs > periodStart && r.endMs <= nowMs && matches(slo, r))
            inPeriod.append(r);
    std::sort(inPeriod.begin(), inPeriod.end(), [](const SloRun &a, const SloRun &b) { return a.endMs < b.endMs; });
    switch (slo.sli) {
    case SliKind::SuccessRate:
    case SliKind::FailedTaskRate:
        if (s.events > 0)
            s.sli = double(s.events - s.badEvents) / double(s.events);
        break;
    case SliKind::P95Duration: {
        QList<double> durations;
        for (const SloRun &r : std::as_const(inPeriod))
            if (r.state == JobState::Completed)
                durations.append(r.durationS);
        if (!durations.isEmpty())
            s.sli = percentile(durations, 95);
        break;
    }
    case SliKind::Freshness: {
        qint64 last = 0;
        for (const SloRun &r : runs)
            if (r.state == JobState::Completed && r.endMs <= nowMs && matches(slo, r))
                last = std::max(last, r.endMs);
        if (last > 0)
            s.sli = double(nowMs - last) / 1000.0;
        break;
    }
    }

    QList<qint64> windows;
    for (const BurnRule &rule : rules)
        windows << rule.shortWindowMs << rule.longWindowMs;
    std::sort(windows.begin(), windows.end());
    windows.erase(std::unique(windows.begin(), windows.end()), windows.end());
    for (qint64 w : std::as_const(windows))
        s.burns.append({formatWindow(w), w, burnRate(events, slo.objective, nowMs, w)});

    qint64 spentFrom = periodStart;
    const QList<BurnAlert> alerts = evaluateBurnRates(events, slo.objective, nowMs, rules, slo.windowMs);
    if (!alerts.isEmpty()) {
        const BurnAlert &a = alerts.first(); // one SLO, one alert: the most urgent rule that fires
        s.alert = a.page ? u"page"_s : u"ticket"_s;
        s.alertRule = a.rule;
        BurnRule fired;
        for (const BurnRule &rule : rules)
            if (rule.name == a.rule)
                fired = rule;
        spentFrom = nowMs - fired.longWindowMs;
        // One multi-argument arg(): a name holding "%1" cannot be substituted into.
        s.summary = u"SLO \"%1\" (%2, %3 %4%): burning its error budget %5x over %6 and %7x over %8; %9% of the "
                    "budget left: %10"_s.arg(slo.name, slo.selector(), toString(slo.sli),
                                             QString::number(slo.objective * 100, 'g', 4),
                                             QString::number(a.longBurn, 'f', 1), formatWindow(fired.longWindowMs),
                                             QString::number(a.shortBurn, 'f', 1), formatWindow(fired.shortWindowMs),
                                             QString::number(std::max(0.0, s.budgetRemaining) * 100, 'f', 0), s.alert);
    }
    // The runs that spent the budget: failed runs, slow runs, runs with erred tasks; for freshness, the
    // failed runs that left the data stale.
    for (auto it = inPeriod.crbegin(); it != inPeriod.crend() && s.badRuns.size() < kMaxBadRunsKept; ++it) {
        if (it->endMs <= spentFrom)
            break;
        bool bad = it->state == JobState::Failed;
        if (slo.sli == SliKind::P95Duration)
            bad = it->state == JobState::Completed && it->durationS > slo.thresholdSeconds;
        else if (slo.sli == SliKind::FailedTaskRate)
            bad = it->tasksFailed > 0;
        if (bad)
            s.badRuns.append(*it);
    }
    return s;
}

QJsonObject SloStatus::toJson() const
{
    QJsonObject burnsJson;
    for (const SloBurn &b : burns)
        burnsJson.insert(b.window, numberOrNull(b.rate));
    QJsonArray bad;
    for (const SloRun &r : badRuns)
        bad.append(QJsonObject{{u"jobId"_s, r.jobId},
                               {u"clusterId"_s, r.clusterId},
                               {u"name"_s, r.jobName},
                               {u"state"_s, toString(r.state)},
                               {u"reason"_s, r.stateReason},
                               {u"endMs"_s, double(r.endMs)},
                               {u"durationS"_s, r.durationS},
                               {u"tasksFailed"_s, double(r.tasksFailed)}});
    return QJsonObject{{u"sli"_s, numberOrNull(sli)},
                       {u"events"_s, double(events)},
                       {u"badEvents"_s, double(badEvents)},
                       {u"budgetRemaining"_s, budgetRemaining},
                       {u"burnRates"_s, burnsJson},
                       {u"alert"_s, alert},
                       {u"alertRule"_s, alertRule.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(alertRule)},
                       {u"summary"_s, summary},
                       {u"evaluatedAtMs"_s, double(evaluatedAtMs)},
                       {u"badRuns"_s, bad}};
}

SloStatus SloStatus::fromJson(const QJsonObject &o)
{
    // The API's shape: the definition with "status" inside.
    SloStatus s;
    QString ignored;
    if (const auto d = SloDefinition::fromJson(o, &ignored))
        s.slo = *d;
    s.slo.id = o.value(u"id"_s).toString();
    const QJsonObject st = o.value(u"status"_s).toObject();
    if (st.value(u"sli"_s).isDouble())
        s.sli = st.value(u"sli"_s).toDouble();
    s.events = qint64(st.value(u"events"_s).toDouble());
    s.badEvents = qint64(st.value(u"badEvents"_s).toDouble());
    s.budgetRemaining = st.value(u"budgetRemaining"_s).toDouble(1);
    const QJsonObject burnsJson = st.value(u"burnRates"_s).toObject();
    for (auto it = burnsJson.begin(); it != burnsJson.end(); ++it) {
        SloBurn b;
        b.window = it.key();
        b.ms = parseWindow(it.key()).value_or(0);
        if (it.value().isDouble())
            b.rate = it.value().toDouble();
        s.burns.append(b);
    }
    std::sort(s.burns.begin(), s.burns.end(), [](const SloBurn &a, const SloBurn &b) { return a.ms < b.ms; });
    s.alert = st.value(u"alert"_s).toString(u"none"_s);
    s.alertRule = st.value(u"alertRule"_s).toString();
    s.summary = st.value(u"summary"_s).toString();
    s.evaluatedAtMs = qint64(st.value(u"evaluatedAtMs"_s).toDouble());
    for (const QJsonValue &v : st.value(u"badRuns"_s).toArray()) {
        const QJsonObject r = v.toObject();
        SloRun run;
        run.jobId = r.value(u"jobId"_s).toString();
        run.clusterId = r.value(u"clusterId"_s).toString();
        run.jobName = r.value(u"name"_s).toString();
        run.state = jobStateFromString(r.value(u"state"_s).toString()).value_or(JobState::Failed);
        run.stateReason = r.value(u"reason"_s).toString();
        run.endMs = qint64(r.value(u"endMs"_s).toDouble());
        run.durationS = r.value(u"durationS"_s).toDouble();
        run.tasksFailed = qint64(r.value(u"tasksFailed"_s).toDouble());
        s.badRuns.append(run);
    }
    return s;
}

std::optional<Incident> sloIncident(const SloStatus &status, const QString &fallbackClusterId)
{
    if (status.alert != "page"_L1 && status.alert != "ticket"_L1)
        return std::nullopt;
    Incident i;
    i.type = IncidentType::SloBurn;
    i.subject = status.slo.id;
    i.clusterId = status.badRuns.isEmpty() ? fallbackClusterId : status.badRuns.first().clusterId;
    i.severity = status.alert == "page"_L1 ? (status.budgetRemaining <= 0 ? Severity::Critical : Severity::Severe)
                                           : Severity::Moderate;
    i.start = QDateTime::fromMSecsSinceEpoch(status.evaluatedAtMs, Qt::UTC);
    i.summary = status.summary;
    i.runbook = runbookFor(IncidentType::SloBurn);
    Evidence burns;
    burns.kind = Evidence::Event;
    burns.title = u"Burn rates of SLO %1 (x the budget's sustainable rate; %2 fired)"_s.arg(status.slo.name,
                                                                                            status.alertRule);
    for (const SloBurn &b : status.burns)
        burns.lines.append(b.rate ? u"%1: %2x"_s.arg(b.window).arg(*b.rate, 0, 'f', 2)
                                  : u"%1: no events"_s.arg(b.window));
    burns.lines.append(u"budget left: %1% of %2 (%3 bad of %4 events)"_s
                           .arg(status.budgetRemaining * 100, 0, 'f', 1)
                           .arg(formatWindow(status.slo.windowMs))
                           .arg(status.badEvents)
                           .arg(status.events));
    i.evidence.append(burns);
    if (!status.badRuns.isEmpty()) {
        Evidence runs;
        runs.kind = Evidence::Event;
        runs.title = u"Runs that spent the budget (newest first)"_s;
        runs.fromMs = status.badRuns.last().endMs;
        runs.toMs = status.badRuns.first().endMs;
        for (const SloRun &r : status.badRuns)
            runs.lines.append(u"%1 %2 on %3: %4 after %5 s%6"_s.arg(
                r.jobId, r.jobName, r.clusterId, toString(r.state), QString::number(r.durationS, 'f', 1),
                r.stateReason.isEmpty() ? QString() : u" (%1)"_s.arg(r.stateReason.left(200))));
        i.evidence.append(runs);
    }
    i.id = Incident::makeId(i.clusterId, i.type, i.subject, i.start);
    i.updatedAt = i.start;
    return i;
}

} // namespace cdeck::triage
