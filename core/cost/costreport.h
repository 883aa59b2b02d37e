// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/cost/ledger.h"
#include "core/cost/money.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// Reports over a Ledger: pure functions, exact (Money), the same input always giving the same output.
namespace cdeck::cost {

// One row of a grouped report.
struct GroupCost
{
    QString key; // a tag value, "key=value", a job id, a "YYYY-MM-DD" day, a cluster id
    Money cost;
    friend bool operator==(const GroupCost &, const GroupCost &) = default;
};

// By the value of one tag key, lines without it under "" (the groups partition the ledger). With an empty
// key: one group per "key=value" pair, so a line tagged twice counts in two groups and they do not sum.
QList<GroupCost> costByTag(const Ledger &ledger, const QString &tagKey = {});
QList<GroupCost> costByCluster(const Ledger &ledger);

// By UTC day, each line split at midnight with CostLine::billedSecondsBefore: the days sum to the total.
QMap<QDate, Money> dailyCosts(const Ledger &ledger);
QList<GroupCost> costByDay(const Ledger &ledger); // keys "YYYY-MM-DD", oldest first
// Every UTC day from first to last (inclusive), zeros included, so a chart's axis shows the whole period.
QList<GroupCost> costByDay(const Ledger &ledger, const QDate &first, const QDate &last);

// The tag keys the ledger's lines carry, sorted (what "group by tag" can offer).
QStringList tagKeys(const Ledger &ledger);

// When a job ran, on which cluster (EMR's step). An invalid end: still running, up to the ledger's now.
struct JobInterval
{
    QString jobId;
    QString clusterId;
    QDateTime start;
    QDateTime end;
};

struct JobCosts
{
    QList<GroupCost> jobs; // one per job that overlapped a worker, ordered by job id
    Money busyExecutorCost; // the workers' cost while at least one job ran: exactly the sum of jobs
    Money executorCost; // the workers' cost over their whole lifetimes (time actually run, no minimum)
};

// Each job's share of the workers' cost while it ran: at every instant the cost rate of the cluster's
// running workers is split equally between the jobs running then (the engine does not say which job
// each thread served, and equal shares add up). Based on the time run, not the billed minimum, which
// no job caused. Remainders of the exact split go to jobs in id order, so shares sum exactly.
JobCosts costByJob(const Ledger &ledger, const QList<JobInterval> &jobs);

// A span of one cluster's life, e.g. a WAITING interval (no job running, instances still billed).
struct StateInterval
{
    QString clusterId;
    QDateTime start;
    QDateTime end; // invalid: still in that state, up to the ledger's now
};

// What every instance of the clusters (master and workers) cost during the intervals (time run, no
// minimum). Overlapping intervals of one cluster count once.
Money idleCost(const Ledger &ledger, const QList<StateInterval> &waiting);

// Cost per decimal terabyte (1e12 bytes, as clouds bill) processed; nullopt when nothing was processed.
std::optional<Money> costPerTerabyte(Money cost, qint64 bytesProcessed);

// A spending limit for the lines tagged tagKey=tagValue over a period (the caller clips the ledger to it).
struct Budget
{
    QString tagKey;
    QString tagValue;
    Money limit;

    // {"tag": "team=data", "limit": 500} (limit in the ledger's currency). On failure returns nullopt and
    // sets *error naming the field.
    static std::optional<Budget> fromJson(const QJsonObject &o, QString *error);
};

enum class BudgetLevel { Ok, Warning, Exceeded }; // Warning from 80% of the limit, Exceeded from 100%
QString toString(BudgetLevel level); // "ok" / "warning" / "exceeded"

struct BudgetStatus
{
    Budget budget;
    Money spent;
    double fraction = 0; // spent / limit, for display (the level is decided exactly)
    BudgetLevel level = BudgetLevel::Ok;
};

QList<BudgetStatus> evaluateBudgets(const Ledger &periodLedger, const QList<Budget> &budgets);

// The month-end forecast (GET /cost/forecast, the executive summary and its PDF all use this one).
// monthEnd = monthToDate + running + trend:
//  - running: the instances running now, at their current rate, until the month's last instant (UTC);
//  - trend: the spend of instances no longer running, as a least-squares line through their last up to 14
//    complete days before today (days without spend count as zero once spending started), projected over
//    the rest of today (the part of the day still to come) and every later day of the month, never below
//    zero. One day of history projects flat; none projects nothing.
// So a cluster left running is counted at its rate, and clusters that come and go at their daily trend,
// without counting either twice.
struct Forecast
{
    QDateTime now;
    QDateTime monthEndsAt; // the first instant of the next month, UTC
    Money monthToDate; // spent from the 1st 00:00 UTC through now
    Money running; // the running instances at their current rate from now to monthEndsAt
    qint64 runningRateMicrosPerHour = 0;
    int runningInstances = 0;
    Money trend; // the finished instances' trend over the rest of the month
    Money trendPerDay; // the fitted line's slope: how much more each day costs than the one before
    Money trendToday; // the fitted line's value today (a whole day's spend at the trend)
    int basisDays = 0; // complete days the trend was fitted on
    Money monthEnd;

    qint64 msLeft() const { return now.msecsTo(monthEndsAt); }
    // {"month", "monthToDate", "monthEnd", "running", "runningRatePerHour", "runningInstances", "hoursLeft",
    //  "trend", "trendPerDay", "trendToday", "basisDays"} (amounts unrounded dollars)
    QJsonObject toJson() const;
};

Forecast forecastMonthEnd(const Ledger &ledger, const QDateTime &now);

// What `clusterdeck-cli cost [ID] [--by tag|job|day] [--from --to] --json` prints.
struct CostQuery
{
    enum class By { Instance, Tag, Job, Day };
    QString clusterId; // empty: every cluster
    By by = By::Instance;
    QString tagKey; // with By::Tag; empty: every key=value
    QDateTime from; // invalid: unbounded
    QDateTime to;
};
std::optional<CostQuery::By> costGroupingFromString(const QString &text); // "instance", "tag", "job", "day"

// One cluster, by instance: {"cluster", "total", "currency", "lines": [...]}.
// Every cluster, by instance: {"total", "currency", "clusters": [{"cluster", "total"}]}.
// Grouped: {"total", "currency", "by", "groups": [{"key", "cost"}]} (+ "cluster" when one, "tag" for a
// tag key, "unattributed" for jobs: the cost no job ran on). "from"/"to" are echoed when set.
// Amounts are unrounded dollars (doubles of the exact sums); round only for display.
QJsonObject costJson(const Ledger &ledger, const CostQuery &query, const QList<JobInterval> &jobs = {});

} // namespace cdeck::cost
