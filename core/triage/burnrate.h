// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <optional>

// SLO error budgets and multiwindow, multi-burn-rate alerts (the SRE workbook's rules): a burn rate is the
// error ratio over a window divided by the budget (1 - target); an alert fires only when both its long and
// its short window burn at least its rate, so it fires fast on a real outage and stops soon after it ends.
namespace cdeck::triage {

// One SLI event: a job run (success or failure), a task, a freshness check. Pure data, any source.
struct SliEvent
{
    qint64 tMs = 0;
    bool good = true;
    QString slo; // which SLO it counts for: a job name or a tag ("pipeline=nightly")
    qint64 weight = 1; // how many units it stands for (a run's erred tasks as one bad event of that weight)
};

struct BurnRule
{
    QString name; // "page-1h", ...
    bool page = false; // page (wake someone) or ticket
    qint64 longWindowMs = 0;
    qint64 shortWindowMs = 0;
    double rate = 0;
};

// page: 14.4x over 1 h and 5 min, 6x over 6 h and 30 min; ticket: 3x over 1 d and 2 h, 1x over 3 d and 6 h.
QList<BurnRule> standardBurnRules();

struct BurnAlert
{
    QString slo;
    bool page = false;
    QString rule; // the most urgent rule that fired
    double longBurn = 0;
    double shortBurn = 0;
    double budgetRemaining = 1; // of the whole SLO period's budget, 1 = untouched, < 0 = overspent
    QString summary;
};

// The burn rate over [nowMs - windowMs, nowMs]: error ratio / (1 - target); nullopt with no events.
std::optional<double> burnRate(const QList<SliEvent> &events, double target, qint64 nowMs, qint64 windowMs);

// Alerts for every SLO in the events, one per SLO at most (grouped: one broken pipeline, one alert), the
// most urgent rule that fires. periodMs is the SLO period for the remaining budget (30 days by default).
QList<BurnAlert> evaluateBurnRates(const QList<SliEvent> &events, double target, qint64 nowMs,
                                   const QList<BurnRule> &rules = standardBurnRules(),
                                   qint64 periodMs = qint64(30) * 24 * 3600 * 1000);

} // namespace cdeck::triage
