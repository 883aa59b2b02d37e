// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "detectors.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck::triage {

namespace {

constexpr qint64 kSecond = 1000;

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

qint64 ms(const QDateTime &dt)
{
    return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
}

QString human(double bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (bytes >= 1024 && u < 4) {
        bytes /= 1024;
        ++u;
    }
    return u"%1 %2"_s.arg(bytes, 0, 'f', u == 0 ? 0 : 1).arg(QLatin1StringView(units[u]));
}

QString seconds(double s)
{
    return u"%1 s"_s.arg(s, 0, 'f', s < 10 ? 1 : 0);
}

Incident make(IncidentType type, const QString &subject, Severity severity, qint64 startMs, std::optional<qint64> endMs,
              const QString &summary)
{
    Incident i;
    i.type = type;
    i.subject = subject;
    i.severity = severity;
    i.start = at(startMs);
    if (endMs)
        i.end = at(std::max(*endMs, startMs));
    i.summary = summary;
    return i;
}

Evidence seriesEvidence(const QString &title, const QString &name, const QString &executor, qint64 fromMs, qint64 toMs)
{
    Evidence e;
    e.kind = Evidence::Series;
    e.title = title;
    e.series = name;
    e.executor = executor;
    e.fromMs = fromMs;
    e.toMs = toMs;
    return e;
}

Evidence logEvidence(const QString &title, const QString &source, const QStringList &lines, qint64 fromMs = 0,
                     qint64 toMs = 0)
{
    Evidence e;
    e.kind = Evidence::Log;
    e.title = title;
    e.source = source;
    e.lines = lines;
    e.fromMs = fromMs;
    e.toMs = toMs;
    return e;
}

Evidence eventEvidence(const QString &title, const QStringList &lines, qint64 fromMs = 0, qint64 toMs = 0)
{
    Evidence e;
    e.kind = Evidence::Event;
    e.title = title;
    e.lines = lines;
    e.fromMs = fromMs;
    e.toMs = toMs;
    return e;
}

// The last value of a series at or before tMs (nullopt when none).
std::optional<double> valueAt(const Series *s, qint64 tMs)
{
    if (!s)
        return std::nullopt;
    std::optional<double> v;
    for (const Point &p : s->points) {
        if (p.tMs > tMs)
            break;
        v = p.value;
    }
    return v;
}

// Jobs that were running at tMs (started before it, not ended by then).
QList<const JobFacts *> jobsRunningAt(const ClusterFacts &facts, qint64 tMs)
{
    QList<const JobFacts *> result;
    for (const JobFacts &j : facts.jobs) {
        const qint64 started = ms(j.job.startedAt);
        const qint64 ended = ms(j.job.endedAt);
        if (started > 0 && started <= tMs && (ended == 0 || ended > tMs))
            result.append(&j);
    }
    return result;
}

// When every job in the list has ended: nullopt while one still runs.
std::optional<qint64> lastEnd(const QList<const JobFacts *> &jobs)
{
    qint64 last = 0;
    for (const JobFacts *j : jobs) {
        if (!isFinished(j->job.state) || !j->job.endedAt.isValid())
            return std::nullopt;
        last = std::max(last, ms(j->job.endedAt));
    }
    return last;
}

QString jobNames(const QList<const JobFacts *> &jobs)
{
    QStringList names;
    for (const JobFacts *j : jobs)
        names.append(u"%1 (%2)"_s.arg(j->job.id, j->job.name));
    return names.join(u", "_s);
}

// The matching lines of a log with up to `context` lines after each (tracebacks end with the error).
QList<LogLine> grep(const QList<LogLine> &log, const QRegularExpression &re, int before = 0, int after = 0)
{
    QList<LogLine> result;
    qsizetype lastTaken = -1;
    for (qsizetype i = 0; i < log.size(); ++i) {
        if (!re.match(log[i].text).hasMatch())
            continue;
        for (qsizetype k = std::max(lastTaken + 1, i - before); k <= std::min(log.size() - 1, i + after); ++k) {
            result.append(log[k]);
            lastTaken = k;
        }
    }
    return result;
}

QStringList texts(const QList<LogLine> &lines, int max = 12)
{
    QStringList result;
    const qsizetype from = std::max<qsizetype>(0, lines.size() - max);
    for (qsizetype i = from; i < lines.size(); ++i)
        result.append(lines[i].text);
    return result;
}

qint64 firstTime(const QList<LogLine> &lines)
{
    for (const LogLine &l : lines)
        if (l.tMs > 0)
            return l.tMs;
    return 0;
}

qint64 lastTime(const QList<LogLine> &lines)
{
    for (qsizetype i = lines.size() - 1; i >= 0; --i)
        if (lines[i].tMs > 0)
            return lines[i].tMs;
    return 0;
}

bool isLive(ExecutorStatus s)
{
    return s == ExecutorStatus::Running || s == ExecutorStatus::Paused;
}

} // namespace

const Series *ClusterFacts::find(const QString &name, const QString &executor) const
{
    for (const Series &s : series)
        if (s.name == name && s.executor == executor)
            return &s;
    return nullptr;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * double(values.size() - 1);
    const auto lo = qsizetype(std::floor(rank));
    const auto hi = qsizetype(std::ceil(rank));
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

qint64 logLineTimeMs(const QString &line, qint64 nowMs)
{
    static const QRegularExpression dask(u"^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d),(\\d{3})"_s);
    static const QRegularExpression sample(u"^(\\d\\d):(\\d\\d):(\\d\\d) "_s);
    static const QRegularExpression spark(u"^(\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d) "_s);
    if (const auto m = dask.match(line); m.hasMatch()) {
        const QDateTime dt = QDateTime::fromString(m.captured(1), u"yyyy-MM-dd HH:mm:ss"_s);
        return dt.isValid() ? dt.toMSecsSinceEpoch() + m.captured(2).toInt() : 0;
    }
    if (const auto m = spark.match(line); m.hasMatch()) {
        // log4j's yy: this century's (Qt reads a two-digit year as 19yy).
        const QDateTime dt = QDateTime::fromString(u"20"_s + m.captured(1), u"yyyy/MM/dd HH:mm:ss"_s);
        return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
    }
    if (const auto m = sample.match(line); m.hasMatch()) {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime();
        QDateTime dt(now.date(), QTime(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()));
        if (!dt.isValid())
            return 0;
        if (dt.toMSecsSinceEpoch() > nowMs + 60 * kSecond) // written before midnight, read after it
            dt = dt.addDays(-1);
        return dt.toMSecsSinceEpoch();
    }
    return 0;
}

IncidentList detectExecutorOom(const ClusterFacts &facts, const Thresholds &t)
{
    // Dask's nanny; a Spark Worker reporting an executor JVM that died of OutOfMemoryError (exit code 52).
    static const QRegularExpression memoryKill(
        u"exceeded \\d+% memory budget|MemoryError|Cannot allocate memory|OutOfMemoryError|exitStatus 52\\b"_s);
    static const QRegularExpression killedWorker(
        u"KilledWorker|MemoryError|Cannot allocate memory|OutOfMemoryError|Command exited with code 52\\b"_s);
    IncidentList result;
    for (const ExecutorFacts &ef : facts.executors) {
        const Executor &x = ef.executor;
        const QList<LogLine> kills = grep(ef.log, memoryKill);
        // Memory (managed + unmanaged) against the limit, sample by sample.
        const Series *managed = facts.find(u"memory_managed_bytes"_s, x.id);
        const Series *unmanaged = facts.find(u"memory_unmanaged_bytes"_s, x.id);
        const Series *spilled = facts.find(u"memory_spilled_bytes"_s, x.id);
        const double limit = double(x.memoryLimitBytes);
        qint64 runStart = 0, runEnd = 0, bestStart = 0, bestEnd = 0;
        int run = 0, bestRun = 0;
        double peak = 0;
        if (managed && unmanaged && limit > 0) {
            qsizetype u = 0;
            for (const Point &m : managed->points) {
                while (u < unmanaged->points.size() && unmanaged->points[u].tMs < m.tMs)
                    ++u;
                if (u >= unmanaged->points.size() || unmanaged->points[u].tMs != m.tMs)
                    continue;
                const double fraction = (m.value + unmanaged->points[u].value) / limit;
                if (fraction >= t.memoryHighFraction) {
                    if (run == 0)
                        runStart = m.tMs;
                    runEnd = m.tMs;
                    ++run;
                    peak = std::max(peak, fraction);
                    if (run >= bestRun) {
                        bestRun = run;
                        bestStart = runStart;
                        bestEnd = runEnd;
                    }
                } else {
                    run = 0;
                }
            }
        }
        const bool climbing = bestRun >= t.memoryHighSamples;
        if (kills.isEmpty() && !climbing)
            continue;
        const qint64 killAt = kills.isEmpty() ? 0 : (firstTime(kills) > 0 ? firstTime(kills) : ms(x.updatedAt));
        // A kill's incident starts when memory crossed the line before it, however briefly (samples are 1 s
        // apart and a fast allocation crosses in two or three).
        const qint64 start = killAt > 0 && bestRun > 0 && bestStart <= killAt ? bestStart : killAt > 0 ? killAt : bestStart;
        Severity severity = kills.isEmpty() ? Severity::Moderate : Severity::Severe;
        const QList<const JobFacts *> hit = jobsRunningAt(facts, killAt > 0 ? killAt : bestEnd);
        QStringList failedJobs;
        QList<Evidence> jobEvidence;
        for (const JobFacts *j : hit) {
            const QList<LogLine> lines = grep(j->log, killedWorker, 0, 2);
            if (j->job.state == JobState::Failed && !lines.isEmpty()) {
                severity = Severity::Critical;
                failedJobs.append(j->job.id);
                jobEvidence.append(logEvidence(u"Job %1 failed on the lost memory"_s.arg(j->job.id),
                                               u"job "_s + j->job.id, texts(lines, 6), ms(j->job.startedAt),
                                               ms(j->job.endedAt)));
            }
        }
        std::optional<qint64> end;
        if (!kills.isEmpty()) {
            // Over once the work it hit is over (or at the last kill when no job ran).
            end = hit.isEmpty() ? std::optional<qint64>(std::max(killAt, lastTime(kills))) : lastEnd(hit);
        } else if (bestEnd < (managed->points.isEmpty() ? 0 : managed->points.last().tMs)) {
            end = bestEnd; // memory came back down
        }
        if (!end && isGone(x.status))
            end = ms(x.endedAt);
        QString summary;
        if (!kills.isEmpty())
            summary = u"Executor %1 was killed for memory %2 time(s) (limit %3)%4%5"_s.arg(x.id)
                          .arg(kills.size())
                          .arg(human(limit))
                          .arg(hit.isEmpty() ? QString() : u" while %1 ran"_s.arg(jobNames(hit)))
                          .arg(failedJobs.isEmpty() ? QString() : u"; %1 failed"_s.arg(failedJobs.join(u", "_s)));
        else
            summary = u"Executor %1 used %2% of its %3 memory limit for %4 samples%5"_s.arg(x.id)
                          .arg(qRound(peak * 100))
                          .arg(human(limit))
                          .arg(bestRun)
                          .arg(spilled && !spilled->points.isEmpty() && spilled->points.last().value > 0
                                   ? u", spilling %1 to disk"_s.arg(human(spilled->points.last().value))
                                   : QString());
        Incident i = make(IncidentType::ExecutorOom, x.id, severity, start, end, summary);
        const qint64 from = start - 60 * kSecond;
        const qint64 to = end.value_or(facts.nowMs);
        i.evidence.append(seriesEvidence(u"%1 unmanaged memory (process RSS minus data)"_s.arg(x.id),
                                         u"memory_unmanaged_bytes"_s, x.id, from, to));
        i.evidence.append(seriesEvidence(u"%1 managed memory (data held)"_s.arg(x.id), u"memory_managed_bytes"_s, x.id,
                                         from, to));
        i.evidence.append(seriesEvidence(u"%1 spilled to disk"_s.arg(x.id), u"memory_spilled_bytes"_s, x.id, from, to));
        if (!kills.isEmpty())
            i.evidence.append(logEvidence(u"The nanny's memory kills"_s, u"logs/%1.log"_s.arg(x.id), texts(kills),
                                          firstTime(kills), lastTime(kills)));
        i.evidence.append(jobEvidence);
        result.append(i);
    }
    return result;
}

namespace {

struct UnevenInput
{
    bool uneven = false;
    qint64 largest = 0;
    qint64 p75 = 0;
};

// Spark's side of skew: the largest shuffle input of a stage's tasks against their 75th percentile. A stage
// that read no shuffle (it scans its source) has no input to be uneven.
UnevenInput unevenInput(const TaskGroupFacts &g, const Thresholds &t)
{
    UnevenInput u;
    if (g.shuffleReadBytes.isEmpty())
        return u;
    QList<double> bytes;
    for (qint64 b : g.shuffleReadBytes)
        bytes.append(double(b));
    u.largest = *std::max_element(g.shuffleReadBytes.cbegin(), g.shuffleReadBytes.cend());
    u.p75 = qint64(percentile(bytes, 75));
    u.uneven = u.largest > 0 && double(u.largest) > t.skewInputRatio * double(std::max<qint64>(u.p75, 1));
    return u;
}

} // namespace

IncidentList detectShuffleSkew(const ClusterFacts &facts, const Thresholds &t)
{
    // One incident per job (one broken pipeline, one alert), headed by its worst group.
    struct Finding
    {
        const TaskGroupFacts *group;
        double ratio;
        QString line;
        bool bytes;
    };
    QMap<QString, QList<Finding>> byJob;
    for (const TaskGroupFacts &g : facts.groups) {
        if (g.durationsS.size() >= t.skewMinTasks) {
            const double p75 = percentile(g.durationsS, 75);
            const double max = *std::max_element(g.durationsS.cbegin(), g.durationsS.cend());
            const UnevenInput input = unevenInput(g, t);
            const bool inputCounts = facts.engine != EngineKind::Spark || input.uneven;
            if (inputCounts && max >= t.skewMinMaxS && max > t.skewRatio * std::max(p75, 1e-3)) {
                const double ratio = max / std::max(p75, 1e-3);
                QString line
                    = u"%1: slowest task %2 vs p75 %3 (%4x) over %5 tasks"_s.arg(g.prefix, seconds(max), seconds(p75))
                          .arg(ratio, 0, 'f', 1)
                          .arg(g.durationsS.size());
                if (facts.engine == EngineKind::Spark)
                    line += u"; largest shuffle read %1 vs p75 %2"_s.arg(human(double(input.largest)),
                                                                         human(double(input.p75)));
                byJob[g.jobId].append({&g, ratio, line, false});
            }
        }
        qint64 total = 0, top = 0;
        QString topExecutor;
        for (auto it = g.bytesByExecutor.cbegin(); it != g.bytesByExecutor.cend(); ++it) {
            total += it.value();
            if (it.value() > top) {
                top = it.value();
                topExecutor = it.key();
            }
        }
        // Fair share among the executors that could have taken the work: those that computed any of it.
        const int executors = int(g.bytesByExecutor.size());
        if (executors >= 2 && total >= t.bytesImbalanceMinBytes) {
            const double share = double(top) / (double(total) / executors);
            if (share >= std::min<double>(t.bytesImbalanceRatio, executors * 0.9)) {
                QStringList per;
                for (auto it = g.bytesByExecutor.cbegin(); it != g.bytesByExecutor.cend(); ++it)
                    per.append(u"%1 %2"_s.arg(it.key(), human(double(it.value()))));
                byJob[g.jobId].append({&g, share,
                                       u"%1: %2 of %3 output on %4 (%5)"_s.arg(g.prefix)
                                           .arg(u"%1%"_s.arg(qRound(100.0 * double(top) / double(total))))
                                           .arg(human(double(total)), topExecutor, per.join(u", "_s)),
                                       true});
            }
        }
    }
    IncidentList result;
    for (auto it = byJob.cbegin(); it != byJob.cend(); ++it) {
        const QList<Finding> &findings = it.value();
        const auto worst = std::max_element(findings.cbegin(), findings.cend(),
                                            [](const Finding &a, const Finding &b) { return a.ratio < b.ratio; });
        const JobFacts *job = nullptr;
        for (const JobFacts &j : facts.jobs)
            if (j.job.id == it.key())
                job = &j;
        qint64 from = worst->group->fromMs, to = worst->group->toMs;
        QStringList lines;
        for (const Finding &f : findings) {
            from = std::min(from, f.group->fromMs);
            to = std::max(to, f.group->toMs);
            lines.append(f.line);
        }
        const Severity severity = worst->ratio >= 4 ? Severity::Severe : Severity::Moderate;
        std::optional<qint64> end;
        if (!job || isFinished(job->job.state))
            end = job && job->job.endedAt.isValid() ? std::max(to, ms(job->job.endedAt)) : to;
        Incident i = make(IncidentType::ShuffleSkew, it.key(), severity, from, end,
                          u"Job %1%2 is skewed: %3"_s.arg(it.key(), job ? u" ("_s + job->job.name + u")"_s : QString(),
                                                          worst->line));
        i.evidence.append(eventEvidence(u"Task groups out of balance"_s, lines, from, to));
        for (const ExecutorFacts &ef : facts.executors)
            if (facts.find(u"tasks_executing"_s, ef.executor.id))
                i.evidence.append(seriesEvidence(u"%1 tasks executing"_s.arg(ef.executor.id), u"tasks_executing"_s,
                                                 ef.executor.id, from, to));
        result.append(i);
    }
    return result;
}

IncidentList detectExecutorLost(const ClusterFacts &facts, const Thresholds &)
{
    IncidentList result;
    for (const ExecutorFacts &ef : facts.executors) {
        const Executor &x = ef.executor;
        // A retire asked for by a scale-down is planned; a cluster that failed as a whole is its own story.
        if (x.status != ExecutorStatus::Lost || ef.retireRequested || !x.endedAt.isValid()
            || x.statusReason == "Cluster terminated with errors"_L1)
            continue;
        const qint64 lostAt = ms(x.endedAt);
        const QList<const JobFacts *> hit = jobsRunningAt(facts, lostAt);
        Severity severity = hit.isEmpty() ? Severity::Moderate : Severity::Severe;
        QStringList failed;
        for (const JobFacts *j : hit)
            if (j->job.state == JobState::Failed || j->job.state == JobState::Interrupted) {
                severity = Severity::Critical;
                failed.append(j->job.id);
            }
        // The work it forced to be redone: what it was executing and holding just before it went.
        const auto executing = valueAt(facts.find(u"tasks_executing"_s, x.id), lostAt);
        const auto held = valueAt(facts.find(u"memory_managed_bytes"_s, x.id), lostAt);
        QString redo;
        if (!hit.isEmpty() && (executing || held))
            redo = u": %1 task(s) executing and %2 of results in memory had to be recomputed"_s
                       .arg(qRound(executing.value_or(0)))
                       .arg(human(held.value_or(0)));
        const QString summary =
            u"Executor %1 was lost (%2)%3%4%5"_s.arg(x.id, x.statusReason)
                .arg(hit.isEmpty() ? u" with no job running"_s : u" while %1 ran"_s.arg(jobNames(hit)))
                .arg(redo)
                .arg(failed.isEmpty() ? QString() : u"; %1 did not complete"_s.arg(failed.join(u", "_s)));
        // The runtime replaces a lost worker to keep the requested count: the loss is over once a replacement
        // started after it has registered (and the jobs it hit have ended), and open while the cluster runs
        // below its count with none.
        std::optional<qint64> replacedAt;
        for (const ExecutorFacts &other : facts.executors) {
            const Executor &y = other.executor;
            if (y.startedAt.isValid() && ms(y.startedAt) > lostAt && y.updatedAt.isValid()
                && (!replacedAt || ms(y.startedAt) < *replacedAt))
                replacedAt = ms(y.startedAt);
        }
        const int running
            = int(std::count_if(facts.executors.cbegin(), facts.executors.cend(), [](const ExecutorFacts &e) {
                  return !e.retireRequested
                      && (e.executor.status == ExecutorStatus::Running || e.executor.status == ExecutorStatus::Paused);
              }));
        const bool below = isActive(facts.state) && !replacedAt && running < facts.requestedWorkers;
        std::optional<qint64> end = hit.isEmpty() ? std::optional<qint64>(lostAt) : lastEnd(hit);
        if (below)
            end.reset();
        else if (end && replacedAt)
            end = std::max(*end, *replacedAt);
        const QString capacity = below
            ? u"; the cluster runs %1 of its %2 requested workers until a replacement registers"_s.arg(running).arg(
                facts.requestedWorkers)
            : QString();
        Incident i = make(IncidentType::ExecutorLost, x.id, severity, lostAt, end, summary + capacity);
        QStringList events{u"%1 lost at %2: %3"_s.arg(x.id, x.endedAt.toString(Qt::ISODateWithMs), x.statusReason)};
        if (x.startedAt.isValid())
            events.append(u"%1 had run since %2 (pid %3, %4 restart(s))"_s.arg(x.id, x.startedAt.toString(Qt::ISODateWithMs))
                              .arg(x.pid)
                              .arg(x.restarts));
        for (const JobFacts *j : hit)
            events.append(u"job %1 (%2) was %3 at the loss; now %4"_s.arg(j->job.id, j->job.name, u"running"_s,
                                                                           toString(j->job.state)));
        i.evidence.append(eventEvidence(u"What was lost"_s, events, lostAt, lostAt));
        i.evidence.append(seriesEvidence(u"Workers connected to the scheduler"_s, u"workers_connected"_s, QString(),
                                         lostAt - 60 * kSecond, end.value_or(facts.nowMs)));
        i.evidence.append(seriesEvidence(u"%1 tasks executing before the loss"_s.arg(x.id), u"tasks_executing"_s, x.id,
                                         lostAt - 60 * kSecond, lostAt));
        i.evidence.append(seriesEvidence(u"%1 data held before the loss"_s.arg(x.id), u"memory_managed_bytes"_s, x.id,
                                         lostAt - 60 * kSecond, lostAt));
        if (!ef.log.isEmpty())
            i.evidence.append(logEvidence(u"The end of %1's log"_s.arg(x.id), u"logs/%1.log"_s.arg(x.id), texts(ef.log, 8)));
        result.append(i);
    }
    return result;
}

// CPU seconds used per second over [fromMs, toMs] from the points inside it; nullopt when they do not
// cover at least half of it (no /proc reading: a remote engine, or the runtime restarted meanwhile).
static std::optional<double> cpuRate(const QList<Point> &cpu, qint64 fromMs, qint64 toMs)
{
    const Point *first = nullptr;
    const Point *last = nullptr;
    for (const Point &p : cpu) {
        if (p.tMs < fromMs || p.tMs > toMs)
            continue;
        if (!first)
            first = &p;
        last = &p;
    }
    if (!first || last->tMs - first->tMs < (toMs - fromMs) / 2 || last->tMs == first->tMs)
        return std::nullopt;
    return (last->value - first->value) / (double(last->tMs - first->tMs) / 1000.0);
}

IncidentList detectNetworkStall(const ClusterFacts &facts, const Thresholds &t)
{
    IncidentList result;
    const qint64 stallMs = t.stallSeconds * kSecond;
    const bool clusterUp = isActive(facts.state);
    // An executor that stopped answering: a gap in its samples while its process lived on.
    for (const ExecutorFacts &ef : facts.executors) {
        const Series *s = facts.find(u"memory_unmanaged_bytes"_s, ef.executor.id);
        if (!s || s->points.isEmpty())
            continue;
        QList<std::pair<qint64, std::optional<qint64>>> gaps; // [last answer, first answer again)
        for (qsizetype k = 1; k < s->points.size(); ++k)
            if (s->points[k].tMs - s->points[k - 1].tMs > stallMs)
                gaps.append({s->points[k - 1].tMs, s->points[k].tMs});
        if (clusterUp && isLive(ef.executor.status) && facts.nowMs - s->points.last().tMs > stallMs)
            gaps.append({s->points.last().tMs, std::nullopt});
        static const QRegularExpression restart(u"Restarting|was killed by signal|exceeded \\d+% memory budget"_s);
        for (const auto &[from, to] : gaps) {
            // A nanny restarting its worker is silent too, but that is a restart (F1's story), not a stall.
            const bool restarted = std::any_of(ef.log.cbegin(), ef.log.cend(), [&, from = from, to = to](const LogLine &l) {
                return l.tMs >= from && l.tMs <= to.value_or(facts.nowMs) && restart.match(l.text).hasMatch();
            });
            if (restarted)
                continue;
            // Busy, not stalled: a worker computing flat out on a loaded host misses its scrapes (its event
            // loop waits for the CPU) while its processes keep using CPU; a stopped or hung one uses none.
            if (const auto rate = cpuRate(ef.cpuSeconds, from, to.value_or(facts.nowMs));
                rate && *rate >= t.stallBusyCpuPerSecond)
                continue;
            const QList<const JobFacts *> hit = jobsRunningAt(facts, from);
            const qint64 silentMs = to.value_or(facts.nowMs) - from;
            Incident i = make(IncidentType::NetworkStall, ef.executor.id, hit.isEmpty() ? Severity::Moderate : Severity::Severe,
                              from, to,
                              u"Executor %1 %2 for %3 while its process %4%5"_s.arg(ef.executor.id)
                                  .arg(to ? u"stopped answering"_s : u"has not answered"_s)
                                  .arg(seconds(double(silentMs) / 1000))
                                  .arg(to ? u"lived on"_s : u"lives"_s)
                                  .arg(hit.isEmpty() ? QString() : u"; %1 waited on it"_s.arg(jobNames(hit))));
            i.evidence.append(seriesEvidence(u"%1 samples (the gap is the stall)"_s.arg(ef.executor.id),
                                             u"memory_unmanaged_bytes"_s, ef.executor.id, from - 30 * kSecond,
                                             to.value_or(facts.nowMs)));
            i.evidence.append(seriesEvidence(u"Bytes received per second, all executors"_s, u"bytes_in_per_s"_s, QString(),
                                             from - 30 * kSecond, to.value_or(facts.nowMs)));
            result.append(i);
        }
    }
    // Transfers stopped while tasks wait: tasks ready, none executing, nothing moving, a job running.
    const Series *ready = facts.find(u"tasks_ready"_s, QString());
    const Series *executing = facts.find(u"tasks_executing"_s, QString());
    const Series *in = facts.find(u"bytes_in_per_s"_s, QString());
    if (ready && executing && in) {
        qint64 runStart = 0, runEnd = 0;
        auto flush = [&](bool open) {
            if (runStart == 0 || runEnd - runStart < stallMs)
                return;
            const QList<const JobFacts *> hit = jobsRunningAt(facts, runStart);
            if (hit.isEmpty())
                return;
            Incident i = make(IncidentType::NetworkStall, QString(), Severity::Severe, runStart,
                              open ? std::nullopt : std::optional<qint64>(runEnd),
                              u"Transfers stopped for %1 while tasks waited for data (%2)"_s.arg(
                                  seconds(double(runEnd - runStart) / 1000), jobNames(hit)));
            i.evidence.append(seriesEvidence(u"Tasks ready but not running"_s, u"tasks_ready"_s, QString(),
                                             runStart - 30 * kSecond, runEnd));
            i.evidence.append(seriesEvidence(u"Bytes received per second"_s, u"bytes_in_per_s"_s, QString(),
                                             runStart - 30 * kSecond, runEnd));
            result.append(i);
        };
        for (const Point &r : ready->points) {
            const auto e = valueAt(executing, r.tMs);
            const auto b = valueAt(in, r.tMs);
            const bool stuck = r.value > 0 && e && *e == 0 && b && *b == 0;
            if (stuck) {
                if (runStart == 0)
                    runStart = r.tMs;
                runEnd = r.tMs;
            } else if (runStart != 0) {
                flush(false);
                runStart = 0;
            }
        }
        flush(runStart != 0 && facts.nowMs - runEnd <= 3 * kSecond);
    }
    return result;
}

IncidentList detectPermissionDenied(const ClusterFacts &facts, const Thresholds &)
{
    static const QRegularExpression denied(
        u"PermissionError|Permission denied|EACCES|EPERM|Operation not permitted|Read-only file system|EROFS|AccessDenied|AccessControlException"_s);
    IncidentList result;
    for (const JobFacts &j : facts.jobs) {
        const QList<LogLine> lines = grep(j.log, denied, 1, 1);
        if (lines.isEmpty())
            continue;
        const bool failed = j.job.state == JobState::Failed;
        const qint64 start = firstTime(lines) > 0 ? firstTime(lines) : ms(j.job.startedAt);
        std::optional<qint64> end;
        if (isFinished(j.job.state))
            end = ms(j.job.endedAt);
        // The denied path, for the summary: the first quoted path on a matching line.
        static const QRegularExpression quoted(u"'(/[^']+)'"_s);
        QString path;
        for (const LogLine &l : lines)
            if (const auto m = quoted.match(l.text); m.hasMatch() && denied.match(l.text).hasMatch()) {
                path = m.captured(1);
                break;
            }
        Incident i = make(IncidentType::PermissionDenied, j.job.id, failed ? Severity::Severe : Severity::Moderate, start,
                          end,
                          u"Job %1 (%2) %3 on access denied%4"_s.arg(j.job.id, j.job.name)
                              .arg(failed ? u"failed"_s : u"hit errors"_s)
                              .arg(path.isEmpty() ? QString() : u" writing %1"_s.arg(path)));
        i.evidence.append(logEvidence(u"The job's own words"_s, u"job "_s + j.job.id, texts(lines), start,
                                      end.value_or(facts.nowMs)));
        QStringList events{u"job %1 %2%3"_s.arg(j.job.id, toString(j.job.state),
                                                j.job.exitCode ? u" (exit %1)"_s.arg(*j.job.exitCode) : QString())};
        for (const JobFacts &other : facts.jobs)
            if (other.job.id != j.job.id && !other.log.isEmpty())
                for (const LogLine &l : other.log)
                    if (l.text.startsWith(u"[clusterdeck] "_s)) {
                        events.append(u"%1: %2"_s.arg(other.job.id, l.text));
                        break;
                    }
        for (const LogLine &l : j.log)
            if (l.text.startsWith(u"[clusterdeck] "_s))
                events.prepend(l.text); // who the job ran as
        i.evidence.append(eventEvidence(u"Job outcome"_s, events.mid(0, 4)));
        result.append(i);
    }
    return result;
}

IncidentList detectIdleCluster(const ClusterFacts &facts, const Thresholds &t)
{
    if (facts.state != ClusterState::Waiting || !facts.waitingSince.isValid() || t.idleSeconds <= 0)
        return {};
    for (const JobFacts &j : facts.jobs)
        if (!isFinished(j.job.state))
            return {};
    const qint64 since = ms(facts.waitingSince);
    const qint64 idleMs = facts.nowMs - since;
    if (idleMs < t.idleSeconds * kSecond)
        return {};
    int live = 0;
    for (const ExecutorFacts &ef : facts.executors)
        live += isLive(ef.executor.status);
    Incident i = make(IncidentType::IdleCluster, QString(), idleMs >= 4 * t.idleSeconds * kSecond ? Severity::Moderate
                                                                                                  : Severity::Low,
                      since, std::nullopt,
                      u"Cluster %1 has been WAITING with no job for %2 (threshold %3), paying for %4 worker(s)"_s
                          .arg(facts.clusterId, seconds(double(idleMs) / 1000), seconds(double(t.idleSeconds)))
                          .arg(live));
    i.evidence.append(eventEvidence(u"Idle since"_s,
                                    {u"WAITING since %1; no job has run since"_s.arg(facts.waitingSince.toString(Qt::ISODateWithMs))},
                                    since, facts.nowMs));
    i.evidence.append(seriesEvidence(u"CPU, all executors (nothing runs)"_s, u"cpu_percent"_s, QString(), since, facts.nowMs));
    return {i};
}

IncidentList detectRetryStorm(const ClusterFacts &facts, const Thresholds &t)
{
    QMap<QString, QList<const JobFacts *>> byName;
    for (const JobFacts &j : facts.jobs)
        if (isFinished(j.job.state) && j.job.endedAt.isValid())
            byName[j.job.name].append(&j);
    IncidentList result;
    const qint64 window = t.retryStormWindowSeconds * kSecond;
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        QList<const JobFacts *> &runs = it.value();
        std::sort(runs.begin(), runs.end(), [](const JobFacts *a, const JobFacts *b) { return a->job.endedAt < b->job.endedAt; });
        // Streaks of failures with no success between them, each failure within the window of the previous one.
        QList<const JobFacts *> streak;
        auto flush = [&](std::optional<qint64> endedBySuccess) {
            if (streak.size() < t.retryStormFailures)
                return;
            const qint64 first = ms(streak.first()->job.endedAt);
            const qint64 last = ms(streak.last()->job.endedAt);
            std::optional<qint64> end = endedBySuccess;
            if (!end && facts.nowMs - last > window)
                end = last + window; // it calmed down
            QStringList lines;
            for (const JobFacts *j : streak)
                lines.append(u"%1 %2 at %3: %4"_s.arg(j->job.id, toString(j->job.state),
                                                      j->job.endedAt.toString(Qt::ISODateWithMs), j->job.stateReason));
            Incident i = make(IncidentType::RetryStorm, it.key(),
                              streak.size() >= 2 * t.retryStormFailures ? Severity::Critical : Severity::Severe, first, end,
                              u"Job %1 failed %2 times in a row within %3"_s.arg(it.key())
                                  .arg(streak.size())
                                  .arg(seconds(double(last - first) / 1000)));
            i.evidence.append(eventEvidence(u"The failed runs"_s, lines, first, last));
            const QList<LogLine> &tail = streak.last()->log;
            if (!tail.isEmpty())
                i.evidence.append(logEvidence(u"The last run's output"_s, u"job "_s + streak.last()->job.id, texts(tail, 8)));
            result.append(i);
        };
        for (const JobFacts *j : runs) {
            if (j->job.state == JobState::Completed) {
                flush(ms(j->job.endedAt));
                streak.clear();
            } else if (j->job.state == JobState::Failed) {
                if (!streak.isEmpty() && ms(j->job.endedAt) - ms(streak.last()->job.endedAt) > window) {
                    flush(ms(streak.last()->job.endedAt) + window);
                    streak.clear();
                }
                streak.append(j);
            }
        }
        flush(std::nullopt);
    }
    return result;
}

IncidentList detectJobStalled(const ClusterFacts &facts, const Thresholds &t)
{
    IncidentList result;
    const qint64 thresholdMs = t.jobStallSeconds * kSecond;
    for (const JobFacts &jf : facts.jobs) {
        const Job &job = jf.job;
        if (job.state != JobState::Running || !job.startedAt.isValid())
            continue;
        // Progress is a finished task; work remains while a task of the job waits, is queued or runs. Without
        // the scheduler's word on the job's groups nothing is judged (a job that has not built a graph yet).
        int remaining = 0;
        int finished = 0;
        bool known = false;
        qint64 lastProgress = ms(job.startedAt);
        QString lastGroup;
        for (const TaskGroupFacts &g : facts.groups) {
            if (g.jobId != job.id || g.remaining < 0)
                continue;
            known = true;
            remaining += g.remaining;
            finished += int(g.durationsS.size());
            if (!g.durationsS.isEmpty() && g.toMs > lastProgress) {
                lastProgress = g.toMs;
                lastGroup = g.prefix;
            }
        }
        if (!known || remaining <= 0 || facts.nowMs - lastProgress < thresholdMs)
            continue;
        const qint64 stalledS = (facts.nowMs - lastProgress) / kSecond;
        // Who could be working: executors that report no task executing, and those that report nothing.
        QStringList idle;
        QStringList silent;
        for (const ExecutorFacts &ef : facts.executors) {
            const Executor &x = ef.executor;
            if (!isLive(x.status) || ef.retireRequested)
                continue;
            const Series *executing = facts.find(u"tasks_executing"_s, x.id);
            const Point *last = executing && !executing->points.isEmpty() ? &executing->points.last() : nullptr;
            if (!last || facts.nowMs - last->tMs > 5 * kSecond)
                silent.append(u"%1 (no report since %2)"_s.arg(
                    x.id, last ? at(last->tMs).toString(u"HH:mm:ss"_s) : u"the window began"_s));
            else if (last->value == 0)
                idle.append(x.id);
        }
        const Severity severity = facts.nowMs - lastProgress >= 3 * thresholdMs ? Severity::Critical : Severity::Severe;
        QString who;
        if (!silent.isEmpty())
            who += u"; silent: "_s + silent.join(u", "_s);
        if (!idle.isEmpty())
            who += u"; idle: "_s + idle.join(u", "_s);
        const QString summary
            = u"Job %1 (%2) has made no progress for %3: no task finished since %4 while %5 task(s) "
              "remain%6"_s.arg(job.id, job.name, seconds(double(stalledS)), at(lastProgress).toString(u"HH:mm:ss"_s))
                  .arg(remaining)
                  .arg(who);
        Incident i = make(IncidentType::JobStalled, job.id, severity, lastProgress, std::nullopt, summary);
        QStringList progress{
            u"last progress at %1: %2"_s.arg(at(lastProgress).toString(Qt::ISODateWithMs),
                                             lastGroup.isEmpty() ? u"the job started (no task has finished yet)"_s
                                                                 : u"a task of %1 finished"_s.arg(lastGroup)),
            u"%1 task(s) finished, %2 remain (waiting, queued or running)"_s.arg(finished).arg(remaining),
            u"threshold: %1 without a finished task"_s.arg(seconds(double(t.jobStallSeconds)))};
        if (!idle.isEmpty())
            progress.append(u"executors with no task executing: %1"_s.arg(idle.join(u", "_s)));
        if (!silent.isEmpty())
            progress.append(u"executors that stopped reporting: %1"_s.arg(silent.join(u", "_s)));
        i.evidence.append(eventEvidence(u"Progress"_s, progress, lastProgress, facts.nowMs));
        i.evidence.append(seriesEvidence(u"Tasks executing on the cluster"_s, u"tasks_executing"_s, QString(),
                                         lastProgress - 60 * kSecond, facts.nowMs));
        for (const ExecutorFacts &ef : facts.executors)
            if (isLive(ef.executor.status) && !ef.retireRequested && !ef.log.isEmpty())
                i.evidence.append(logEvidence(u"The end of %1's log"_s.arg(ef.executor.id),
                                              u"logs/%1.log"_s.arg(ef.executor.id), texts(ef.log, 6)));
        if (!jf.log.isEmpty())
            i.evidence.append(logEvidence(u"The end of the job's output"_s, u"job %1"_s.arg(job.id), texts(jf.log, 6)));
        result.append(i);
    }
    return result;
}

IncidentList detectAll(const ClusterFacts &facts, const Thresholds &t)
{
    IncidentList all;
    all += detectExecutorOom(facts, t);
    all += detectShuffleSkew(facts, t);
    all += detectExecutorLost(facts, t);
    all += detectJobStalled(facts, t);
    all += detectNetworkStall(facts, t);
    all += detectPermissionDenied(facts, t);
    all += detectIdleCluster(facts, t);
    all += detectRetryStorm(facts, t);
    for (Incident &i : all) {
        i.clusterId = facts.clusterId;
        i.runbook = runbookFor(i.type, facts.engine);
        i.id = Incident::makeId(facts.clusterId, i.type, i.subject, i.start);
        i.updatedAt = at(facts.nowMs);
    }
    return all;
}

} // namespace cdeck::triage
