// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/job.h"
#include "core/triage/burnrate.h"
#include "core/triage/incident.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

// Service level objectives on the runs of a job name or of the clusters carrying a tag: their SLI,
// error budget and burn-rate alert, computed from the runs alone (no clock, no I/O) so the runtime, the
// tests and anything else get the same answer from the same runs.
namespace cdeck::triage {

enum class SliKind {
    SuccessRate, // runs that completed / runs that completed or failed
    P95Duration, // runs no slower than the threshold; the SLI shown is the P95 duration
    FailedTaskRate, // tasks that did not err, over all tasks of the runs (from the runs' task graphs)
    Freshness, // minutes in which the last successful run is at most the threshold old
};
QString toString(SliKind kind); // "success_rate", "p95_duration", "failed_task_rate", "freshness"
std::optional<SliKind> sliKindFromString(const QString &text);

struct SloDefinition
{
    QString id; // "slo-" + 8 hex, assigned by the runtime
    QString name; // what people call it ("nightly export")
    QString jobName; // the runs of jobs with this name, or ...
    QString tagKey; // ... the runs on clusters tagged tagKey=tagValue
    QString tagValue;
    SliKind sli = SliKind::SuccessRate;
    double objective = 0.99; // the good fraction promised, 0 < objective < 1
    qint64 windowMs = qint64(30) * 24 * 3600 * 1000; // the SLO period the budget is for
    double thresholdSeconds = 0; // p95_duration: slowest good run; freshness: oldest acceptable success
    QDateTime createdAt;

    QString selector() const; // "job=export_report" or "tag team=data"
    QJsonObject toJson() const;
    // Validates: exactly one of job or tag, a known SLI, 0 < objective < 1, a window of 1 h .. 90 d given as
    // "30d"/"6h"/"90m" or milliseconds, a positive threshold for p95_duration and freshness.
    static std::optional<SloDefinition> fromJson(const QJsonObject &o, QString *error);
    friend bool operator==(const SloDefinition &, const SloDefinition &) = default;
};

// "30d", "6h", "45m", "90s" -> milliseconds; nullopt when malformed.
std::optional<qint64> parseWindow(const QString &text);
QString formatWindow(qint64 ms);

// One finished run as an SLO sees it.
struct SloRun
{
    QString jobId;
    QString clusterId;
    QString jobName;
    QMap<QString, QString> clusterTags;
    JobState state = JobState::Completed;
    QString stateReason;
    qint64 endMs = 0;
    double durationS = 0;
    qint64 tasksTotal = 0; // 0 when its task graph is unknown
    qint64 tasksFailed = 0;
};

bool matches(const SloDefinition &slo, const SloRun &run);

// The SLI events the runs give (weighted for task rates, one per minute for freshness), oldest first.
QList<SliEvent> sliEvents(const SloDefinition &slo, const QList<SloRun> &runs, qint64 nowMs);

struct SloBurn
{
    QString window; // "5m", "1h", ...
    qint64 ms = 0;
    std::optional<double> rate; // none without events in the window
};

struct SloStatus
{
    SloDefinition slo;
    qint64 evaluatedAtMs = 0;
    std::optional<double> sli; // ratio, seconds (p95) or age in seconds (freshness); none without data
    qint64 events = 0; // in the period (weighted)
    qint64 badEvents = 0;
    double budgetRemaining = 1; // 1 untouched, 0 spent, < 0 overspent
    QList<SloBurn> burns; // the rules' windows, shortest first
    QString alert = QStringLiteral("none"); // "page", "ticket", "none"
    QString alertRule; // "page-1h" ...
    QString summary;
    QList<SloRun> badRuns; // the runs that spent budget in the alert's long window (or the period), newest first

    std::optional<double> burn(const QString &window) const;
    QJsonObject toJson() const;
    static SloStatus fromJson(const QJsonObject &o);
};

SloStatus evaluateSlo(const SloDefinition &slo, const QList<SloRun> &runs, qint64 nowMs,
                      const QList<BurnRule> &rules = standardBurnRules());

// The incident a firing status raises: type slo_burn, subject the SLO id, on the cluster of its newest bad
// run (clusterId when it has none); nullopt when nothing fires. Page: SEVERE (CRITICAL once the budget is
// spent), ticket: MODERATE. Evidence: the burn rates and the bad runs.
std::optional<Incident> sloIncident(const SloStatus &status, const QString &fallbackClusterId = {});

} // namespace cdeck::triage

Q_DECLARE_METATYPE(cdeck::triage::SloStatus)
