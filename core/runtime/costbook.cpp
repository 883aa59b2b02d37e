// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "costbook.h"

#include "core/model/jsonutil.h"
#include "core/store/runtimestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

#include <spdlog/spdlog.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

using cost::Money;

namespace {

QDateTime monthStart(const QDateTime &now)
{
    const QDate today = now.toUTC().date();
    return QDate(today.year(), today.month(), 1).startOfDay(Qt::UTC);
}

QJsonArray groupsJson(const QList<cost::GroupCost> &groups)
{
    QJsonArray a;
    for (const cost::GroupCost &g : groups)
        a.append(QJsonObject{{u"key"_s, g.key}, {u"cost"_s, g.cost.dollars()}});
    return a;
}

// The share of the workers' memory limit they did not use, as last reported: the over-provisioned part.
// nullopt when no worker reported a limit.
std::optional<double> unusedMemoryShare(const QList<Executor> &executors)
{
    double limit = 0, used = 0;
    for (const Executor &e : executors) {
        if (e.memoryLimitBytes <= 0 || !e.updatedAt.isValid())
            continue;
        limit += double(e.memoryLimitBytes);
        used += std::min(double(e.memoryLimitBytes), double(e.memoryManagedBytes + e.memoryUnmanagedBytes));
    }
    if (limit <= 0)
        return std::nullopt;
    return std::clamp(1.0 - used / limit, 0.0, 1.0);
}

// The market an executor ran in: the executor record's own "market" when the runtime set one (a spot
// fleet falling back to on-demand bills each worker by where it actually ran), else the cluster's.
Market marketOf(const Executor &e, const ClusterSpec &spec)
{
    const auto recorded = cost::marketFromString(e.toJson().value(u"market"_s).toString());
    return recorded.value_or(spec.market);
}

QJsonObject budgetStatusJson(const cost::BudgetStatus &s)
{
    return {{u"tag"_s, QString(s.budget.tagKey + u'=' + s.budget.tagValue)},
            {u"limit"_s, s.budget.limit.dollars()},
            {u"spent"_s, s.spent.dollars()},
            {u"fraction"_s, s.fraction},
            {u"level"_s, cost::toString(s.level)}};
}

} // namespace

CostBook::CostBook(RuntimeStore &store, const InstanceCatalog &profiles, FactsProvider facts)
    : m_store(store)
    , m_profiles(profiles)
    , m_facts(std::move(facts))
{
}

bool CostBook::start(const QString &catalogPath, QString *error)
{
    QStringList errors;
    const auto catalog = cost::PriceCatalog::load(catalogPath, &errors);
    if (!catalog) {
        *error = u"price catalog %1 is not valid:\n  %2"_s.arg(catalogPath, errors.join(u"\n  "_s));
        return false;
    }
    const QStringList unpriced = catalog->unpricedReferenceTypes(m_profiles);
    if (!unpriced.isEmpty()) {
        *error = u"price catalog %1 does not price the instance types the local profiles stand for: %2 "
                 "(add them to the catalog's instanceTypes)"_s.arg(catalogPath, unpriced.join(u", "_s));
        return false;
    }
    m_catalog = *catalog;
    for (const cost::InstanceLifetime &lt : m_store.loadCostLifetimes())
        m_lifetimes.insert(key(lt.clusterId, lt.instanceId), lt);
    spdlog::info("cost: catalog {} ({} types, {} as of {}), {} recorded lifetime(s)", catalogPath.toStdString(),
                 m_catalog.prices().size(), m_catalog.currency().toStdString(), m_catalog.asOf().toStdString(),
                 m_lifetimes.size());
    return true;
}

void CostBook::record(const ClusterInfo &info, const QList<Executor> &executors)
{
    if (!info.createdAt.isValid())
        return;
    const QString type = cost::PriceCatalog::referenceTypeFor(
        m_profiles, info.spec.instanceType.isEmpty() ? m_profiles.defaultType() : info.spec.instanceType);
    QList<cost::InstanceLifetime> seen;
    cost::InstanceLifetime master;
    master.instanceId = u"scheduler"_s;
    master.role = cost::Role::Master;
    master.instanceType = type;
    master.market = Market::OnDemand; // EMR keeps the master on-demand even in a spot fleet
    master.start = info.createdAt.toUTC();
    master.end = info.endedAt.isValid() ? info.endedAt.toUTC() : QDateTime();
    master.clusterId = info.id;
    master.tags = info.spec.tags;
    seen.append(master);
    for (const Executor &e : executors) {
        if (!e.startedAt.isValid())
            continue;
        cost::InstanceLifetime w = master;
        w.instanceId = e.id;
        w.role = cost::Role::Worker;
        w.market = marketOf(e, info.spec);
        w.start = e.startedAt.toUTC();
        // A worker cannot outlive its cluster: one whose end was not seen ends with it.
        w.end = e.endedAt.isValid() ? e.endedAt.toUTC() : master.end;
        if (w.end.isValid() && w.end < w.start)
            w.end = w.start;
        seen.append(w);
    }
    for (cost::InstanceLifetime lt : seen) {
        const QString k = key(lt.clusterId, lt.instanceId);
        const auto existing = m_lifetimes.constFind(k);
        if (existing != m_lifetimes.cend()) {
            if (existing->end == lt.end && existing->tags == lt.tags)
                continue;
            // The start, type, market and rate are facts of the lifetime's beginning.
            cost::InstanceLifetime updated = *existing;
            updated.end = lt.end;
            updated.tags = lt.tags;
            lt = updated;
        } else {
            const auto price = m_catalog.find(lt.instanceType);
            if (!price) {
                spdlog::error("cost: {}/{}: instance type {} is not in the price catalog; not billed",
                              lt.clusterId.toStdString(), lt.instanceId.toStdString(), lt.instanceType.toStdString());
                continue;
            }
            lt.rateMicrosPerHour = price->rateMicrosPerHour(lt.market);
        }
        if (m_store.saveCostLifetime(lt))
            m_lifetimes.insert(k, lt);
    }
}

cost::Ledger CostBook::ledger(const QDateTime &now) const
{
    QStringList errors;
    QList<cost::InstanceLifetime> list = m_lifetimes.values();
    for (cost::InstanceLifetime &lt : list) {
        lt.instanceId = lt.clusterId + u'/' + lt.instanceId; // unique across clusters in the report
        if (!lt.end.isValid() && lt.start > now)
            lt.start = now; // a clock step back must not make a running instance unbillable
    }
    const auto l = cost::buildLedger(list, m_catalog, now, &errors);
    if (!l) {
        spdlog::error("cost: the ledger could not be built: {}", errors.join(u"; "_s).toStdString());
        cost::Ledger empty;
        empty.currency = m_catalog.currency();
        empty.now = now;
        return empty;
    }
    return *l;
}

qint64 CostBook::workerRateMicrosPerHour(const ClusterSpec &spec) const
{
    const QString type = cost::PriceCatalog::referenceTypeFor(
        m_profiles, spec.instanceType.isEmpty() ? m_profiles.defaultType() : spec.instanceType);
    const auto price = m_catalog.find(type);
    return price ? price->rateMicrosPerHour(spec.market) : 0;
}

qint64 CostBook::clusterRateMicrosPerHour(const ClusterSpec &spec, int workers) const
{
    const QString type = cost::PriceCatalog::referenceTypeFor(
        m_profiles, spec.instanceType.isEmpty() ? m_profiles.defaultType() : spec.instanceType);
    const auto price = m_catalog.find(type);
    return price ? price->rateMicrosPerHour(Market::OnDemand) + qint64(workers) * price->rateMicrosPerHour(spec.market)
                 : 0;
}

QDateTime CostBook::parseTime(const QString &text)
{
    static const QRegularExpression digits(u"^\\d+$"_s);
    if (digits.match(text).hasMatch())
        return QDateTime::fromMSecsSinceEpoch(text.toLongLong(), Qt::UTC);
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDate::fromString(text, Qt::ISODate).startOfDay(Qt::UTC);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QList<cost::JobInterval> CostBook::jobIntervals(const QList<ClusterCostFacts> &facts) const
{
    QList<cost::JobInterval> result;
    for (const ClusterCostFacts &f : facts)
        for (const Job &j : f.jobs)
            if (j.startedAt.isValid())
                result.append({j.id, f.info.id, j.startedAt.toUTC(), j.endedAt.isValid() ? j.endedAt.toUTC() : QDateTime()});
    return result;
}

QList<cost::StateInterval> CostBook::waitingIntervals(const QList<ClusterCostFacts> &facts) const
{
    QList<cost::StateInterval> result;
    for (const ClusterCostFacts &f : facts) {
        const QList<StateChange> &h = f.info.history;
        for (qsizetype i = 0; i < h.size(); ++i)
            if (h[i].state == ClusterState::Waiting)
                result.append({f.info.id, h[i].at.toUTC(), i + 1 < h.size() ? h[i + 1].at.toUTC() : QDateTime()});
    }
    return result;
}

qint64 CostBook::bytesProcessed(const QList<ClusterCostFacts> &facts, const QString &clusterId) const
{
    // For Dask: the bytes the job's task groups produced, from the DAG the runtime kept for each job.
    qint64 total = 0;
    for (const ClusterCostFacts &f : facts) {
        if (!clusterId.isEmpty() && f.info.id != clusterId)
            continue;
        for (const Job &j : f.jobs) {
            const auto cached = m_finishedJobBytes.constFind(j.id);
            if (cached != m_finishedJobBytes.cend()) {
                total += *cached;
                continue;
            }
            qint64 bytes = 0;
            const QJsonArray nodes = QJsonDocument::fromJson(m_store.loadJobDag(j.id)).object().value(u"nodes"_s).toArray();
            for (const QJsonValue &n : nodes)
                bytes += qint64(n.toObject().value(u"bytes"_s).toDouble());
            if (isFinished(j.state) && !nodes.isEmpty())
                m_finishedJobBytes.insert(j.id, bytes);
            total += bytes;
        }
    }
    return total;
}

std::optional<QJsonObject> CostBook::costJson(const QUrlQuery &query, const QString &clusterId, QString *error) const
{
    cost::CostQuery q;
    q.clusterId = clusterId.isEmpty() ? query.queryItemValue(u"cluster"_s) : clusterId;
    if (query.hasQueryItem(u"by"_s)) {
        const auto by = cost::costGroupingFromString(query.queryItemValue(u"by"_s));
        if (!by) {
            *error = u"by: expected instance, tag, job or day, got '%1'"_s.arg(query.queryItemValue(u"by"_s));
            return std::nullopt;
        }
        q.by = *by;
    }
    q.tagKey = query.queryItemValue(u"tagKey"_s, QUrl::FullyDecoded);
    for (const auto &[name, target] : {std::pair{u"from"_s, &q.from}, std::pair{u"to"_s, &q.to}}) {
        if (!query.hasQueryItem(name))
            continue;
        *target = parseTime(query.queryItemValue(name, QUrl::FullyDecoded));
        if (!target->isValid()) {
            *error = u"%1: expected an ISO 8601 date or time, or milliseconds since the epoch, got '%2'"_s.arg(
                name, query.queryItemValue(name, QUrl::FullyDecoded));
            return std::nullopt;
        }
    }
    if (q.from.isValid() && q.to.isValid() && q.from > q.to) {
        *error = u"from: must not be after to"_s;
        return std::nullopt;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const cost::Ledger all = ledger(now);
    const QList<ClusterCostFacts> facts = m_facts();
    const QList<cost::JobInterval> jobs = jobIntervals(facts);
    QJsonObject o = cost::costJson(all, q, jobs);
    o.insert(u"now"_s, json::fromDateTime(now));
    if (q.clusterId.isEmpty() || q.by != cost::CostQuery::By::Instance)
        return o;

    // One cluster by instance: the Cost page's figures too (over the same window as the lines).
    const auto it = std::find_if(facts.cbegin(), facts.cend(), [&](const ClusterCostFacts &f) { return f.info.id == q.clusterId; });
    cost::Ledger mine = cost::forCluster(all, q.clusterId);
    const cost::Ledger window = q.from.isValid() || q.to.isValid() ? cost::clipped(mine, q.from, q.to) : mine;
    qint64 rate = 0;
    for (const cost::CostLine &l : mine.lines)
        if (l.open)
            rate += l.rateMicrosPerHour;
    QList<cost::JobInterval> myJobs;
    for (const cost::JobInterval &j : jobs)
        if (j.clusterId == q.clusterId)
            myJobs.append(j);
    const cost::JobCosts jc = cost::costByJob(window, myJobs);
    const Money idle = cost::idleCost(window, waitingIntervals(facts));
    QJsonArray jobRows;
    for (const cost::GroupCost &g : jc.jobs) {
        QString name;
        if (it != facts.cend())
            for (const Job &j : it->jobs)
                if (j.id == g.key)
                    name = j.name;
        jobRows.append(QJsonObject{{u"job"_s, g.key}, {u"name"_s, name}, {u"cost"_s, g.cost.dollars()}});
    }
    const qint64 bytes = bytesProcessed(facts, q.clusterId);
    const auto perTb = cost::costPerTerabyte(window.total, bytes);
    QJsonObject meter{{u"ratePerHour"_s, double(rate) / 1e6},
                      {u"total"_s, mine.total.dollars()},
                      {u"workerRatePerHour"_s, it != facts.cend() ? double(workerRateMicrosPerHour(it->info.spec)) / 1e6 : 0.0},
                      {u"idle"_s, idle.dollars()},
                      {u"idleShare"_s, window.total.isZero() ? 0.0 : idle.dollars() / window.total.dollars()},
                      {u"executorCost"_s, jc.executorCost.dollars()},
                      {u"busyExecutorCost"_s, jc.busyExecutorCost.dollars()},
                      {u"bytesProcessed"_s, double(bytes)},
                      {u"costPerTerabyte"_s, perTb ? QJsonValue(perTb->dollars()) : QJsonValue(QJsonValue::Null)}};
    o.insert(u"meter"_s, meter);
    o.insert(u"jobs"_s, jobRows);
    return o;
}

QJsonArray CostBook::metersJson() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const cost::Ledger all = ledger(now);
    QJsonArray result;
    for (const ClusterCostFacts &f : m_facts()) {
        Money total;
        qint64 rate = 0;
        for (const cost::CostLine &l : all.lines) {
            if (l.clusterId != f.info.id)
                continue;
            total += l.cost;
            if (l.open)
                rate += l.rateMicrosPerHour;
        }
        result.append(QJsonObject{{u"cluster"_s, f.info.id},
                                  {u"ratePerHour"_s, double(rate) / 1e6},
                                  {u"total"_s, total.dollars()},
                                  {u"workerRatePerHour"_s, double(workerRateMicrosPerHour(f.info.spec)) / 1e6},
                                  {u"currency"_s, all.currency},
                                  {u"now"_s, json::fromDateTime(now)}});
    }
    return result;
}

QJsonArray CostBook::budgetStatuses(const cost::Ledger &ledger, const QDateTime &now) const
{
    const cost::Ledger month = cost::clipped(ledger, monthStart(now), now);
    QJsonArray a;
    for (const cost::BudgetStatus &s : cost::evaluateBudgets(month, m_store.loadBudgets()))
        a.append(budgetStatusJson(s));
    return a;
}

QJsonObject CostBook::budgetsJson() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return {{u"from"_s, json::fromDateTime(monthStart(now))},
            {u"to"_s, json::fromDateTime(now)},
            {u"currency"_s, m_catalog.currency()},
            {u"budgets"_s, budgetStatuses(ledger(now), now)}};
}

bool CostBook::putBudget(const QJsonObject &body, QJsonObject *status, QString *error, bool *internal)
{
    *internal = false;
    const auto budget = cost::Budget::fromJson(body, error);
    if (!budget)
        return false;
    if (!m_store.saveBudget(*budget)) {
        *internal = true;
        *error = m_store.lastError();
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const cost::Ledger month = cost::clipped(ledger(now), monthStart(now), now);
    *status = budgetStatusJson(cost::evaluateBudgets(month, {*budget}).constFirst());
    return true;
}

bool CostBook::deleteBudget(const QString &tag, bool *notFound, QString *error)
{
    *notFound = false;
    const qsizetype eq = tag.indexOf(u'=');
    if (eq <= 0) {
        *error = u"tag: expected key=value, got '%1'"_s.arg(tag);
        return false;
    }
    bool existed = false;
    if (!m_store.deleteBudget(tag.left(eq), tag.mid(eq + 1), &existed)) {
        *error = m_store.lastError();
        return false;
    }
    if (!existed) {
        *notFound = true;
        *error = u"no budget for %1"_s.arg(tag);
        return false;
    }
    return true;
}

QJsonObject CostBook::forecastJson() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject o = cost::forecastMonthEnd(ledger(now), now).toJson();
    o.insert(u"currency"_s, m_catalog.currency());
    return o;
}

std::optional<QJsonObject> CostBook::summaryJson(const QUrlQuery &query, QString *error) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime from = monthStart(now), to = now;
    for (const auto &[name, target] : {std::pair{u"from"_s, &from}, std::pair{u"to"_s, &to}}) {
        if (!query.hasQueryItem(name))
            continue;
        *target = parseTime(query.queryItemValue(name, QUrl::FullyDecoded));
        if (!target->isValid()) {
            *error = u"%1: expected an ISO 8601 date or time, or milliseconds since the epoch"_s.arg(name);
            return std::nullopt;
        }
    }
    if (from >= to) {
        *error = u"from: must be before to"_s;
        return std::nullopt;
    }
    const QString tagKey = query.queryItemValue(u"tagKey"_s, QUrl::FullyDecoded).isEmpty()
        ? u"team"_s
        : query.queryItemValue(u"tagKey"_s, QUrl::FullyDecoded);
    // The period before: for the default (this month so far) the same days of last month; otherwise the
    // span of the same length just before.
    // Whole calendar months ("last month") are compared with as many months before.
    const bool monthToDate = !query.hasQueryItem(u"from"_s) && !query.hasQueryItem(u"to"_s);
    const auto isMonthStart = [](const QDateTime &t) {
        return t.toUTC().time() == QTime(0, 0) && t.toUTC().date().day() == 1;
    };
    int months = 0;
    if (isMonthStart(from) && isMonthStart(to))
        months = (to.toUTC().date().year() - from.toUTC().date().year()) * 12 + to.toUTC().date().month()
            - from.toUTC().date().month();
    const QDateTime previousFrom = monthToDate ? from.addMonths(-1)
        : months > 0                           ? from.addMonths(-months)
                                               : from.addMSecs(-from.msecsTo(to));
    const QDateTime previousTo = monthToDate ? std::min(to.addMonths(-1), from) : from;
    const cost::Ledger all = ledger(now);
    const cost::Ledger period = cost::clipped(all, from, to);
    const cost::Ledger previous = cost::clipped(all, previousFrom, previousTo);
    const QList<ClusterCostFacts> facts = m_facts();

    QJsonArray byCluster;
    for (const cost::GroupCost &g : cost::costByCluster(period)) {
        QString name;
        for (const ClusterCostFacts &f : facts)
            if (f.info.id == g.key)
                name = f.info.name();
        byCluster.append(QJsonObject{{u"cluster"_s, g.key}, {u"name"_s, name}, {u"cost"_s, g.cost.dollars()}});
    }
    const cost::JobCosts jc = cost::costByJob(period, jobIntervals(facts));
    QList<cost::GroupCost> top = jc.jobs;
    std::stable_sort(top.begin(), top.end(), [](const auto &a, const auto &b) { return a.cost > b.cost; });
    QJsonArray topJobs;
    for (const cost::GroupCost &g : top.mid(0, 10)) {
        QJsonObject row{{u"job"_s, g.key}, {u"cost"_s, g.cost.dollars()}};
        for (const ClusterCostFacts &f : facts)
            for (const Job &j : f.jobs)
                if (j.id == g.key) {
                    row.insert(u"name"_s, j.name);
                    row.insert(u"started"_s, json::fromDateTime(j.startedAt));
                    row.insert(u"ended"_s, j.endedAt.isValid() ? QJsonValue(json::fromDateTime(j.endedAt)) : QJsonValue());
                    row.insert(u"cluster"_s, f.info.id);
                    row.insert(u"clusterName"_s, f.info.name());
                }
        topJobs.append(row);
    }
    // Waste: instances billed while the cluster waited for work, and worker memory paid for but unused
    // (the share of the limit the workers did not use, as last reported, times their cost in the period).
    const Money idle = cost::idleCost(period, waitingIntervals(facts));

    // Only the workers' busy time counts for memory: while idle all of it is already waste. Per cluster,
    // with its tag and what would remove it.
    const QList<cost::StateInterval> waiting = waitingIntervals(facts);
    Money headroom;
    QMap<QString, Money> wasteByTag;
    QJsonArray wasteByCluster;
    for (const ClusterCostFacts &f : facts) {
        cost::Ledger mine = cost::forCluster(period, f.info.id);
        if (mine.lines.isEmpty())
            continue;
        const Money clusterIdle = cost::idleCost(mine, waiting);
        Money clusterHeadroom;
        const auto unused = unusedMemoryShare(f.executors);
        if (unused) {
            cost::Ledger workers;
            workers.currency = period.currency;
            workers.now = period.now;
            for (const cost::CostLine &l : mine.lines)
                if (l.role == cost::Role::Worker) {
                    workers.lines.append(l);
                    workers.total += l.cost;
                }
            const Money busy = workers.total - cost::idleCost(workers, waiting);
            clusterHeadroom = Money::fromDollars(busy.dollars() * *unused);
        }
        headroom += clusterHeadroom;
        const Money clusterWaste = clusterIdle + clusterHeadroom;
        if (clusterWaste.isZero())
            continue;
        const QString tagValue = f.info.spec.tags.value(tagKey);
        wasteByTag[tagValue] += clusterWaste;
        QStringList actions;
        if (!clusterIdle.isZero()) {
            if (f.info.spec.idleTimeoutSeconds > 0)
                actions.append(u"shorten its idle timeout (auto-terminates after %1 s idle)"_s.arg(
                    f.info.spec.idleTimeoutSeconds));
            else
                actions.append(u"set an idle timeout (idleTimeoutSeconds) so it terminates when idle"_s);
        }
        if (!clusterHeadroom.isZero() && unused)
            actions.append(u"workers used %1 % of their memory: a smaller instance type or fewer workers"_s.arg(
                QString::number((1.0 - *unused) * 100, 'f', 0)));
        wasteByCluster.append(QJsonObject{{u"cluster"_s, f.info.id},
                                          {u"name"_s, f.info.name()},
                                          {u"tag"_s, tagValue},
                                          {u"idle"_s, clusterIdle.dollars()},
                                          {u"memoryHeadroom"_s, clusterHeadroom.dollars()},
                                          {u"total"_s, clusterWaste.dollars()},
                                          {u"cost"_s, mine.total.dollars()},
                                          {u"action"_s, actions.join(u"; "_s)}});
    }
    QJsonArray wasteTags;
    for (auto it = wasteByTag.cbegin(); it != wasteByTag.cend(); ++it)
        wasteTags.append(QJsonObject{{u"key"_s, it.key()}, {u"cost"_s, it.value().dollars()}});
    const Money waste = idle + headroom;
    QJsonObject wasteJson{{u"idle"_s, idle.dollars()},
                          {u"memoryHeadroom"_s, headroom.dollars()},
                          {u"total"_s, waste.dollars()},
                          // Exact: 0.15 of 0.15 after rounding may be 0.146 of 0.154.
                          {u"share"_s, period.total.isZero() ? 0.0 : waste.dollars() / period.total.dollars()},
                          {u"byCluster"_s, wasteByCluster},
                          {u"byTag"_s, wasteTags}};
    QJsonArray keys;
    for (const QString &k : cost::tagKeys(all))
        keys.append(k);
    const qint64 bytes = bytesProcessed(facts, {});
    const auto perTb = cost::costPerTerabyte(period.total, bytes);
    const cost::Forecast forecast = cost::forecastMonthEnd(all, now);
    // Every day of the period up to now, zeros included; a period reaching back years starts at its first
    // spend, and at most two years are listed.
    const QDate lastDay = std::min(to, now).toUTC().addMSecs(-1).date();
    QDate firstDay = from.toUTC().date();
    constexpr int kMaxDays = 731;
    if (firstDay.daysTo(lastDay) > kMaxDays) {
        QDate earliest = lastDay;
        for (const cost::CostLine &l : period.lines)
            earliest = std::min(earliest, l.start.toUTC().date());
        firstDay = std::max({firstDay, earliest, lastDay.addDays(-kMaxDays)});
    }
    return QJsonObject{
        {u"currency"_s, all.currency},
        {u"now"_s, json::fromDateTime(now)},
        {u"from"_s, json::fromDateTime(from)},
        {u"to"_s, json::fromDateTime(to)},
        {u"total"_s, period.total.dollars()},
        {u"previous"_s, QJsonObject{{u"from"_s, json::fromDateTime(previousFrom)},
                                     {u"to"_s, json::fromDateTime(previousTo)},
                                     {u"total"_s, previous.total.dollars()}}},
        {u"tagKey"_s, tagKey},
        {u"byTag"_s, groupsJson(cost::costByTag(period, tagKey))},
        {u"byCluster"_s, byCluster},
        {u"daily"_s, groupsJson(cost::costByDay(period, firstDay, lastDay))},
        {u"topJobs"_s, topJobs},
        {u"unattributed"_s, (period.total - jc.busyExecutorCost).dollars()},
        {u"waste"_s, wasteJson},
        {u"tagKeys"_s, keys},
        {u"bytesProcessed"_s, double(bytes)},
        {u"costPerTerabyte"_s, perTb ? QJsonValue(perTb->dollars()) : QJsonValue(QJsonValue::Null)},
        {u"budgets"_s, budgetStatuses(all, now)},
        {u"forecast"_s, forecast.toJson()},
    };
}

} // namespace cdeck
