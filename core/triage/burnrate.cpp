// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "burnrate.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace cdeck::triage {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;

} // namespace

QList<BurnRule> standardBurnRules()
{
    return {{u"page-1h"_s, true, kHour, 5 * kMinute, 14.4},
            {u"page-6h"_s, true, 6 * kHour, 30 * kMinute, 6},
            {u"ticket-1d"_s, false, 24 * kHour, 2 * kHour, 3},
            {u"ticket-3d"_s, false, 72 * kHour, 6 * kHour, 1}};
}

std::optional<double> burnRate(const QList<SliEvent> &events, double target, qint64 nowMs, qint64 windowMs)
{
    qint64 total = 0, bad = 0;
    for (const SliEvent &e : events)
        if (e.tMs > nowMs - windowMs && e.tMs <= nowMs) {
            total += e.weight;
            bad += e.good ? 0 : e.weight;
        }
    const double budget = 1.0 - target;
    if (total == 0 || budget <= 0)
        return std::nullopt;
    return (double(bad) / double(total)) / budget;
}

QList<BurnAlert> evaluateBurnRates(const QList<SliEvent> &events, double target, qint64 nowMs,
                                   const QList<BurnRule> &rules, qint64 periodMs)
{
    QMap<QString, QList<SliEvent>> bySlo;
    for (const SliEvent &e : events)
        bySlo[e.slo].append(e);
    QList<BurnAlert> alerts;
    for (auto it = bySlo.cbegin(); it != bySlo.cend(); ++it) {
        // Rules are ordered most urgent first: the first that fires is the alert.
        for (const BurnRule &rule : rules) {
            const auto longBurn = burnRate(it.value(), target, nowMs, rule.longWindowMs);
            const auto shortBurn = burnRate(it.value(), target, nowMs, rule.shortWindowMs);
            if (!longBurn || !shortBurn || *longBurn < rule.rate || *shortBurn < rule.rate)
                continue;
            BurnAlert a;
            a.slo = it.key();
            a.page = rule.page;
            a.rule = rule.name;
            a.longBurn = *longBurn;
            a.shortBurn = *shortBurn;
            a.budgetRemaining = 1.0 - burnRate(it.value(), target, nowMs, periodMs).value_or(0);
            a.summary = u"%1: burning its error budget %2x over %3 h (%4x over %5 min): %6"_s.arg(it.key())
                            .arg(*longBurn, 0, 'f', 1)
                            .arg(double(rule.longWindowMs) / kHour, 0, 'g', 3)
                            .arg(*shortBurn, 0, 'f', 1)
                            .arg(rule.shortWindowMs / kMinute)
                            .arg(rule.page ? u"page"_s : u"ticket"_s);
            alerts.append(a);
            break;
        }
    }
    return alerts;
}

} // namespace cdeck::triage
