// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "costreport.h"

#include "core/model/jsonutil.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

using namespace Qt::StringLiterals;

namespace cdeck::cost {

namespace {

QList<GroupCost> toGroups(const QMap<QString, Money> &map)
{
    QList<GroupCost> groups;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        groups.append({it.key(), it.value()});
    return groups;
}

QJsonArray groupsJson(const QList<GroupCost> &groups)
{
    QJsonArray array;
    for (const GroupCost &g : groups)
        array.append(QJsonObject{{u"key"_s, g.key}, {u"cost"_s, g.cost.dollars()}});
    return array;
}

qint64 msOf(const QDateTime &t, const QDateTime &fallback)
{
    return (t.isValid() ? t : fallback).toMSecsSinceEpoch();
}

// Half-open [start, end) in ms since the epoch.
struct Span
{
    qint64 start = 0;
    qint64 end = 0;
};

// Sorted, overlapping or touching spans merged.
QList<Span> merged(QList<Span> spans)
{
    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
    QList<Span> out;
    for (const Span &s : spans) {
        if (s.end <= s.start)
            continue;
        if (!out.isEmpty() && s.start <= out.last().end)
            out.last().end = std::max(out.last().end, s.end);
        else
            out.append(s);
    }
    return out;
}

} // namespace

QList<GroupCost> costByTag(const Ledger &ledger, const QString &tagKey)
{
    QMap<QString, Money> map;
    for (const CostLine &l : ledger.lines) {
        if (!tagKey.isEmpty()) {
            map[l.tags.value(tagKey)] += l.cost;
            continue;
        }
        if (l.tags.isEmpty())
            map[QString()] += l.cost;
        for (auto it = l.tags.cbegin(); it != l.tags.cend(); ++it)
            map[it.key() + u'=' + it.value()] += l.cost;
    }
    return toGroups(map);
}

QList<GroupCost> costByCluster(const Ledger &ledger)
{
    QMap<QString, Money> map;
    for (const CostLine &l : ledger.lines)
        map[l.clusterId] += l.cost;
    return toGroups(map);
}

QMap<QDate, Money> dailyCosts(const Ledger &ledger)
{
    QMap<QDate, Money> days;
    for (const CostLine &l : ledger.lines) {
        const QDate last = l.end.toUTC().date();
        for (QDate d = l.start.toUTC().date(); d <= last; d = d.addDays(1)) {
            const QDateTime from(d, QTime(0, 0), Qt::UTC);
            const QDateTime to(d.addDays(1), QTime(0, 0), Qt::UTC);
            const qint64 billed = l.billedSecondsBefore(to) - l.billedSecondsBefore(from);
            if (billed > 0)
                days[d] += Money::forRate(l.rateMicrosPerHour, billed * 1000);
        }
    }
    return days;
}

QList<GroupCost> costByDay(const Ledger &ledger, const QDate &first, const QDate &last)
{
    QList<GroupCost> groups;
    const QMap<QDate, Money> days = dailyCosts(ledger);
    for (QDate d = first; d.isValid() && d <= last; d = d.addDays(1))
        groups.append({d.toString(Qt::ISODate), days.value(d)});
    return groups;
}

QStringList tagKeys(const Ledger &ledger)
{
    std::set<QString> keys;
    for (const CostLine &l : ledger.lines)
        for (auto it = l.tags.cbegin(); it != l.tags.cend(); ++it)
            keys.insert(it.key());
    return QStringList(keys.cbegin(), keys.cend());
}

QList<GroupCost> costByDay(const Ledger &ledger)
{
    QList<GroupCost> groups;
    const QMap<QDate, Money> days = dailyCosts(ledger);
    for (auto it = days.cbegin(); it != days.cend(); ++it)
        groups.append({it.key().toString(Qt::ISODate), it.value()});
    return groups;
}

JobCosts costByJob(const Ledger &ledger, const QList<JobInterval> &jobs)
{
    JobCosts result;
    QMap<QString, Money> perJob;
    // Per cluster, a sweep over the instants where a worker or a job starts or ends.
    struct Events
    {
        std::map<qint64, qint64> rateDelta; // micro-dollars per hour
        std::map<qint64, QList<std::pair<int, int>>> jobDelta; // (job index, +1/-1)
    };
    QMap<QString, Events> clusters;
    for (const CostLine &l : ledger.lines) {
        if (l.role != Role::Worker || l.lifetimeMs <= 0)
            continue;
        Events &e = clusters[l.clusterId];
        e.rateDelta[l.start.toMSecsSinceEpoch()] += l.rateMicrosPerHour;
        e.rateDelta[l.end.toMSecsSinceEpoch()] -= l.rateMicrosPerHour;
    }
    // Job indices ordered by id, so the remainders of the exact split go the same way every time.
    QList<int> order(jobs.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return jobs.at(a).jobId < jobs.at(b).jobId; });
    QList<int> rank(jobs.size());
    for (int r = 0; r < order.size(); ++r)
        rank[order.at(r)] = r;
    for (int i = 0; i < jobs.size(); ++i) {
        const JobInterval &j = jobs.at(i);
        if (!j.start.isValid())
            continue;
        perJob[j.jobId] += Money();
        const qint64 s = j.start.toMSecsSinceEpoch();
        const qint64 e = msOf(j.end, ledger.now);
        if (e <= s || !clusters.contains(j.clusterId))
            continue;
        clusters[j.clusterId].jobDelta[s].append({rank.at(i), +1});
        clusters[j.clusterId].jobDelta[e].append({rank.at(i), -1});
    }
    for (const Events &e : std::as_const(clusters)) {
        std::set<qint64> instants;
        for (const auto &[t, d] : e.rateDelta)
            instants.insert(t);
        for (const auto &[t, d] : e.jobDelta)
            instants.insert(t);
        qint64 rate = 0;
        std::multiset<int> running; // job ranks
        for (auto it = instants.cbegin(); it != instants.cend(); ++it) {
            const qint64 t = *it;
            if (auto r = e.rateDelta.find(t); r != e.rateDelta.end())
                rate += r->second;
            if (auto jd = e.jobDelta.find(t); jd != e.jobDelta.end()) {
                for (const auto &[jobRank, delta] : jd->second) {
                    if (delta > 0)
                        running.insert(jobRank);
                    else
                        running.erase(running.find(jobRank));
                }
            }
            const auto next = std::next(it);
            if (next == instants.cend() || rate == 0)
                continue;
            const Int128 units = Int128(rate) * (*next - t);
            result.executorCost += Money::fromUnits(units);
            if (running.empty())
                continue;
            result.busyExecutorCost += Money::fromUnits(units);
            const Int128 k = Int128(running.size());
            Int128 remainder = units % k;
            for (const int jobRank : running) {
                Int128 share = units / k;
                if (remainder > 0) {
                    ++share;
                    --remainder;
                }
                perJob[jobs.at(order.at(jobRank)).jobId] += Money::fromUnits(share);
            }
        }
    }
    result.jobs = toGroups(perJob);
    return result;
}

Money idleCost(const Ledger &ledger, const QList<StateInterval> &waiting)
{
    QMap<QString, QList<Span>> byCluster;
    for (const StateInterval &w : waiting)
        if (w.start.isValid())
            byCluster[w.clusterId].append({w.start.toMSecsSinceEpoch(), msOf(w.end, ledger.now)});
    for (auto it = byCluster.begin(); it != byCluster.end(); ++it)
        it.value() = merged(it.value());
    Money idle;
    for (const CostLine &l : ledger.lines) {
        const auto spans = byCluster.constFind(l.clusterId);
        if (spans == byCluster.cend())
            continue;
        const qint64 s = l.start.toMSecsSinceEpoch(), e = l.end.toMSecsSinceEpoch();
        for (const Span &w : *spans) {
            const qint64 overlap = std::min(e, w.end) - std::max(s, w.start);
            if (overlap > 0)
                idle += Money::forRate(l.rateMicrosPerHour, overlap);
        }
    }
    return idle;
}

std::optional<Money> costPerTerabyte(Money cost, qint64 bytesProcessed)
{
    if (bytesProcessed <= 0)
        return std::nullopt;
    return Money::fromUnits(divideRounded(cost.units() * Int128(1'000'000'000'000), bytesProcessed));
}

std::optional<Budget> Budget::fromJson(const QJsonObject &o, QString *error)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("cdeck::cost::Budget", text); };
    const QJsonValue tag = o.value(u"tag"_s);
    const qsizetype eq = tag.isString() ? tag.toString().indexOf(u'=') : -1;
    if (eq <= 0) {
        *error = u"tag: "_s + tr("expected \"key=value\", such as \"team=data\"");
        return std::nullopt;
    }
    const QJsonValue limit = o.value(u"limit"_s);
    if (!limit.isDouble() || !std::isfinite(limit.toDouble()) || !(limit.toDouble() > 0)) {
        *error = u"limit: "_s + tr("expected an amount above 0");
        return std::nullopt;
    }
    Budget b;
    b.tagKey = tag.toString().left(eq);
    b.tagValue = tag.toString().mid(eq + 1);
    b.limit = Money::fromDollars(limit.toDouble());
    return b;
}

QString toString(BudgetLevel level)
{
    switch (level) {
    case BudgetLevel::Ok:
        return u"ok"_s;
    case BudgetLevel::Warning:
        return u"warning"_s;
    case BudgetLevel::Exceeded:
        return u"exceeded"_s;
    }
    return {};
}

QList<BudgetStatus> evaluateBudgets(const Ledger &periodLedger, const QList<Budget> &budgets)
{
    QList<BudgetStatus> out;
    for (const Budget &b : budgets) {
        BudgetStatus s;
        s.budget = b;
        for (const CostLine &l : periodLedger.lines) {
            const auto tag = l.tags.constFind(b.tagKey);
            if (tag != l.tags.cend() && *tag == b.tagValue)
                s.spent += l.cost;
        }
        const Int128 spent = s.spent.units(), limit = b.limit.units();
        if (limit > 0) {
            s.fraction = s.spent.dollars() / b.limit.dollars();
            if (spent >= limit)
                s.level = BudgetLevel::Exceeded;
            else if (spent * 100 >= limit * 80)
                s.level = BudgetLevel::Warning;
        } else if (spent > 0) {
            s.level = BudgetLevel::Exceeded;
        }
        out.append(s);
    }
    return out;
}

namespace {

// y = a + b x, x in days since `origin`, y in units; n = the days fitted.
struct TrendLine
{
    QDate origin;
    long double a = 0;
    long double b = 0;
    int n = 0;

    long double at(const QDate &d) const { return a + b * static_cast<long double>(origin.daysTo(d)); }
};

// Least squares through the last up to 14 complete days before today (zeros once spending started).
TrendLine fitTrend(const QMap<QDate, Money> &daily, const QDate &today)
{
    TrendLine t;
    QDate firstSpend;
    for (auto it = daily.cbegin(); it != daily.cend() && it.key() < today; ++it)
        if (!it.value().isZero()) {
            firstSpend = it.key();
            break;
        }
    constexpr int kBasisDays = 14;
    t.origin = today.addDays(-kBasisDays);
    if (firstSpend.isValid() && firstSpend > t.origin)
        t.origin = firstSpend;
    t.n = firstSpend.isValid() && t.origin < today ? int(t.origin.daysTo(today)) : 0;
    const auto y = [&](int x) { return static_cast<long double>(daily.value(t.origin.addDays(x)).units()); };
    if (t.n == 1) {
        t.a = y(0);
    } else if (t.n >= 2) {
        const long double meanX = (t.n - 1) / 2.0L;
        long double meanY = 0;
        for (int x = 0; x < t.n; ++x)
            meanY += y(x);
        meanY /= t.n;
        long double sxy = 0, sxx = 0;
        for (int x = 0; x < t.n; ++x) {
            sxy += (x - meanX) * (y(x) - meanY);
            sxx += (x - meanX) * (x - meanX);
        }
        t.b = sxy / sxx;
        t.a = meanY - t.b * meanX;
    }
    return t;
}

Money unitsOf(long double v)
{
    return Money::fromUnits(static_cast<Int128>(std::roundl(v)));
}

} // namespace

Forecast forecastMonthEnd(const Ledger &ledger, const QDateTime &nowAny)
{
    Forecast f;
    const QDateTime now = nowAny.toUTC();
    if (!now.isValid())
        return f;
    f.now = now;
    const QDate today = now.date();
    const QDateTime monthStart = QDate(today.year(), today.month(), 1).startOfDay(Qt::UTC);
    f.monthEndsAt = monthStart.addMonths(1);
    f.monthToDate = clipped(ledger, monthStart, now).total;

    // What runs now keeps running at its rate; what ended is the trend's.
    Ledger finished;
    for (const CostLine &l : ledger.lines) {
        if (l.open) {
            f.runningRateMicrosPerHour += l.rateMicrosPerHour;
            ++f.runningInstances;
        } else {
            finished.lines.append(l);
        }
    }
    const qint64 msLeft = std::max<qint64>(0, now.msecsTo(f.monthEndsAt));
    f.running = Money::forRate(f.runningRateMicrosPerHour, msLeft);

    const TrendLine t = fitTrend(dailyCosts(finished), today);
    f.basisDays = t.n;
    if (t.n > 0) {
        f.trendPerDay = unitsOf(t.b);
        f.trendToday = unitsOf(std::max(0.0L, t.at(today)));
        // The rest of today at today's value, spread evenly over the day, then each later day whole.
        const qint64 msLeftToday = now.msecsTo(today.addDays(1).startOfDay(Qt::UTC));
        long double trend = std::max(0.0L, t.at(today)) * msLeftToday / 86'400'000.0L;
        for (QDate d = today.addDays(1); d.startOfDay(Qt::UTC) < f.monthEndsAt; d = d.addDays(1))
            trend += std::max(0.0L, t.at(d));
        f.trend = unitsOf(trend);
    }
    f.monthEnd = f.monthToDate + f.running + f.trend;
    return f;
}

QJsonObject Forecast::toJson() const
{
    return {{u"month"_s, now.toUTC().toString(u"yyyy-MM"_s)},
            {u"monthToDate"_s, monthToDate.dollars()},
            {u"monthEnd"_s, monthEnd.dollars()},
            {u"running"_s, running.dollars()},
            {u"runningRatePerHour"_s, double(runningRateMicrosPerHour) / 1e6},
            {u"runningInstances"_s, runningInstances},
            {u"hoursLeft"_s, double(std::max<qint64>(0, msLeft())) / 3'600'000.0},
            {u"trend"_s, trend.dollars()},
            {u"trendPerDay"_s, trendPerDay.dollars()},
            {u"trendToday"_s, trendToday.dollars()},
            {u"basisDays"_s, basisDays}};
}

std::optional<CostQuery::By> costGroupingFromString(const QString &text)
{
    if (text == "instance"_L1)
        return CostQuery::By::Instance;
    if (text == "tag"_L1)
        return CostQuery::By::Tag;
    if (text == "job"_L1)
        return CostQuery::By::Job;
    if (text == "day"_L1)
        return CostQuery::By::Day;
    return std::nullopt;
}

QJsonObject costJson(const Ledger &ledger, const CostQuery &query, const QList<JobInterval> &jobs)
{
    const bool oneCluster = !query.clusterId.isEmpty();
    Ledger l = oneCluster ? forCluster(ledger, query.clusterId) : ledger;
    if (query.from.isValid() || query.to.isValid())
        l = clipped(l, query.from, query.to);
    QJsonObject o{{u"total"_s, l.total.dollars()}, {u"currency"_s, l.currency}};
    if (oneCluster)
        o.insert(u"cluster"_s, query.clusterId);
    if (query.from.isValid())
        o.insert(u"from"_s, json::fromDateTime(query.from));
    if (query.to.isValid())
        o.insert(u"to"_s, json::fromDateTime(query.to));
    switch (query.by) {
    case CostQuery::By::Instance:
        if (oneCluster) {
            o.insert(u"lines"_s, l.toJson().value(u"lines"_s));
        } else {
            QJsonArray clusters;
            for (const GroupCost &g : costByCluster(l))
                clusters.append(QJsonObject{{u"cluster"_s, g.key}, {u"total"_s, g.cost.dollars()}});
            o.insert(u"clusters"_s, clusters);
        }
        break;
    case CostQuery::By::Tag:
        o.insert(u"by"_s, u"tag"_s);
        if (!query.tagKey.isEmpty())
            o.insert(u"tag"_s, query.tagKey);
        o.insert(u"groups"_s, groupsJson(costByTag(l, query.tagKey)));
        break;
    case CostQuery::By::Day:
        o.insert(u"by"_s, u"day"_s);
        o.insert(u"groups"_s, groupsJson(costByDay(l)));
        break;
    case CostQuery::By::Job: {
        QList<JobInterval> relevant;
        for (const JobInterval &j : jobs)
            if (!oneCluster || j.clusterId == query.clusterId)
                relevant.append(j);
        const JobCosts jc = costByJob(l, relevant);
        o.insert(u"by"_s, u"job"_s);
        o.insert(u"groups"_s, groupsJson(jc.jobs));
        // The master, workers with no job running and the billed minimum: what no job ran on.
        o.insert(u"unattributed"_s, (l.total - jc.busyExecutorCost).dollars());
        break;
    }
    }
    return o;
}

} // namespace cdeck::cost
