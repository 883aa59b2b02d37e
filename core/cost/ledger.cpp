// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "ledger.h"

#include "core/cost/pricecatalog.h"
#include "core/model/jsonutil.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck::cost {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cdeck::cost::Ledger", text);
}

constexpr qint64 kMinimumBilledSeconds = 60;

Money lineCost(qint64 billedSeconds, qint64 rateMicrosPerHour)
{
    return Money::forRate(rateMicrosPerHour, billedSeconds * 1000);
}

void sortLines(QList<CostLine> &lines)
{
    std::sort(lines.begin(), lines.end(), [](const CostLine &a, const CostLine &b) {
        const qint64 as = a.start.toMSecsSinceEpoch(), bs = b.start.toMSecsSinceEpoch();
        const qint64 ae = a.end.toMSecsSinceEpoch(), be = b.end.toMSecsSinceEpoch();
        return std::tie(a.clusterId, as, a.instance, ae) < std::tie(b.clusterId, bs, b.instance, be);
    });
}

Money sumOf(const QList<CostLine> &lines)
{
    Money total;
    for (const CostLine &l : lines)
        total += l.cost;
    return total;
}

} // namespace

QString toString(Role role)
{
    return role == Role::Master ? u"master"_s : u"worker"_s;
}

std::optional<Role> roleFromString(const QString &text)
{
    if (text == "master"_L1)
        return Role::Master;
    if (text == "worker"_L1)
        return Role::Worker;
    return std::nullopt;
}

std::optional<Market> marketFromString(const QString &text)
{
    if (text == "on-demand"_L1)
        return Market::OnDemand;
    if (text == "spot"_L1)
        return Market::Spot;
    return std::nullopt;
}

QJsonObject InstanceLifetime::toJson() const
{
    QJsonObject tagObject;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        tagObject.insert(it.key(), it.value());
    return {{u"instance"_s, instanceId},
            {u"role"_s, toString(role)},
            {u"instanceType"_s, instanceType},
            {u"market"_s, cdeck::toString(market)},
            {u"start"_s, json::fromDateTime(start)},
            {u"end"_s, json::fromDateTime(end)},
            {u"cluster"_s, clusterId},
            {u"tags"_s, tagObject}};
}

std::optional<InstanceLifetime> InstanceLifetime::fromJson(const QJsonObject &o, QString *error)
{
    auto fail = [&](const char *field, const char *expected) {
        *error = QLatin1StringView(field) + u": "_s + tr(expected);
        return std::nullopt;
    };
    InstanceLifetime lt;
    if (!o.value(u"instance"_s).isString() || o.value(u"instance"_s).toString().isEmpty())
        return fail("instance", "expected the instance's id");
    lt.instanceId = o.value(u"instance"_s).toString();
    const auto role = roleFromString(o.value(u"role"_s).toString());
    if (!role)
        return fail("role", "expected \"master\" or \"worker\"");
    lt.role = *role;
    if (!o.value(u"instanceType"_s).isString() || o.value(u"instanceType"_s).toString().isEmpty())
        return fail("instanceType", "expected a reference instance type such as \"m5.xlarge\"");
    lt.instanceType = o.value(u"instanceType"_s).toString();
    const auto market = marketFromString(o.value(u"market"_s).toString());
    if (!market)
        return fail("market", "expected \"on-demand\" or \"spot\"");
    lt.market = *market;
    lt.start = json::toDateTime(o.value(u"start"_s));
    if (!lt.start.isValid())
        return fail("start", "expected an ISO 8601 time");
    const QJsonValue end = o.value(u"end"_s);
    if (!end.isNull() && !end.isUndefined()) {
        lt.end = json::toDateTime(end);
        if (!lt.end.isValid())
            return fail("end", "expected an ISO 8601 time, or null while running");
    }
    const QJsonValue cluster = o.value(u"cluster"_s);
    if (!cluster.isUndefined() && !cluster.isString())
        return fail("cluster", "expected the cluster's id");
    lt.clusterId = cluster.toString();
    const QJsonValue tagValue = o.value(u"tags"_s);
    if (!tagValue.isUndefined() && !tagValue.isObject())
        return fail("tags", "expected an object of tag values");
    const QJsonObject tagObject = tagValue.toObject();
    for (auto it = tagObject.begin(); it != tagObject.end(); ++it) {
        if (!it.value().isString())
            return fail("tags", "expected an object of tag values");
        lt.tags.insert(it.key(), it.value().toString());
    }
    return lt;
}

qint64 billedSecondsFor(qint64 lifetimeMs)
{
    const qint64 seconds = lifetimeMs <= 0 ? 0 : (lifetimeMs + 999) / 1000;
    return std::max(seconds, kMinimumBilledSeconds);
}

qint64 CostLine::billedSecondsBefore(const QDateTime &t) const
{
    const qint64 at = t.toMSecsSinceEpoch();
    const qint64 s = start.toMSecsSinceEpoch();
    if (at <= s)
        return 0;
    if (at >= end.toMSecsSinceEpoch())
        return billedSeconds;
    return std::min((at - s) / 1000, billedSeconds);
}

QJsonObject CostLine::toJson() const
{
    QJsonObject o{{u"instance"_s, instance},
                  {u"role"_s, toString(role)},
                  {u"instanceType"_s, instanceType},
                  {u"market"_s, cdeck::toString(market)},
                  {u"start"_s, json::fromDateTime(start)},
                  {u"end"_s, json::fromDateTime(end)},
                  {u"seconds"_s, seconds()},
                  {u"billedSeconds"_s, double(billedSeconds)},
                  {u"ratePerHour"_s, ratePerHour()},
                  {u"cost"_s, cost.dollars()}};
    if (open)
        o.insert(u"open"_s, true);
    return o;
}

QJsonObject Ledger::toJson() const
{
    QJsonArray array;
    for (const CostLine &l : lines)
        array.append(l.toJson());
    return {{u"total"_s, total.dollars()}, {u"currency"_s, currency}, {u"lines"_s, array}};
}

std::optional<Ledger> buildLedger(const QList<InstanceLifetime> &lifetimes, const PriceCatalog &catalog,
                                  const QDateTime &now, QStringList *errors)
{
    errors->clear();
    Ledger ledger;
    ledger.currency = catalog.currency();
    ledger.now = now.toUTC();
    if (!now.isValid()) {
        errors->append(tr("the ledger needs the current time to bill running instances"));
        return std::nullopt;
    }
    for (qsizetype i = 0; i < lifetimes.size(); ++i) {
        const InstanceLifetime &lt = lifetimes.at(i);
        const QString who = lt.instanceId.isEmpty() ? u"lifetimes[%1]"_s.arg(i) : lt.instanceId;
        auto fail = [&](const QString &message) { errors->append(who + u": "_s + message); };
        if (lt.instanceId.isEmpty())
            fail(tr("the instance has no id"));
        const auto price = catalog.find(lt.instanceType);
        const bool recordedRate = lt.rateMicrosPerHour > 0;
        if (!price && !recordedRate)
            fail(tr("instance type \"%1\" is not in the price catalog").arg(lt.instanceType));
        if (!lt.start.isValid()) {
            fail(tr("the lifetime has no start time"));
            continue;
        }
        if (lt.end.isValid() && lt.end < lt.start) {
            fail(tr("the lifetime ends (%1) before it starts (%2)")
                     .arg(lt.end.toUTC().toString(Qt::ISODateWithMs), lt.start.toUTC().toString(Qt::ISODateWithMs)));
            continue;
        }
        if (!lt.end.isValid() && lt.start > now) {
            fail(tr("the running instance starts (%1) after now (%2)")
                     .arg(lt.start.toUTC().toString(Qt::ISODateWithMs), now.toUTC().toString(Qt::ISODateWithMs)));
            continue;
        }
        if (!price && !recordedRate)
            continue;
        CostLine line;
        line.instance = lt.instanceId;
        line.role = lt.role;
        line.instanceType = lt.instanceType;
        line.market = lt.market;
        line.start = lt.start.toUTC();
        line.open = !lt.end.isValid();
        line.end = line.open ? ledger.now : lt.end.toUTC();
        line.clusterId = lt.clusterId;
        line.tags = lt.tags;
        line.lifetimeMs = line.start.msecsTo(line.end);
        line.billedSeconds = billedSecondsFor(line.lifetimeMs);
        line.rateMicrosPerHour = recordedRate ? lt.rateMicrosPerHour : price->rateMicrosPerHour(lt.market);
        line.cost = lineCost(line.billedSeconds, line.rateMicrosPerHour);
        ledger.lines.append(line);
    }
    if (!errors->isEmpty())
        return std::nullopt;
    sortLines(ledger.lines);
    ledger.total = sumOf(ledger.lines);
    return ledger;
}

Ledger forCluster(const Ledger &ledger, const QString &clusterId)
{
    Ledger out;
    out.currency = ledger.currency;
    out.now = ledger.now;
    for (const CostLine &l : ledger.lines)
        if (l.clusterId == clusterId)
            out.lines.append(l);
    out.total = sumOf(out.lines);
    return out;
}

Ledger clipped(const Ledger &ledger, const QDateTime &from, const QDateTime &to)
{
    Ledger out;
    out.currency = ledger.currency;
    out.now = ledger.now;
    for (const CostLine &l : ledger.lines) {
        const QDateTime a = from.isValid() && from > l.start ? from.toUTC() : l.start;
        const QDateTime b = to.isValid() && to < l.end ? to.toUTC() : l.end;
        // The raw bounds, not the clipped ones: a zero-length lifetime bills its minute at its start.
        const qint64 billed = (to.isValid() ? l.billedSecondsBefore(to) : l.billedSeconds)
            - (from.isValid() ? l.billedSecondsBefore(from) : 0);
        if (billed <= 0)
            continue;
        CostLine piece = l;
        piece.start = a;
        piece.end = b;
        piece.lifetimeMs = std::max<qint64>(0, a.msecsTo(b));
        piece.billedSeconds = billed;
        piece.cost = lineCost(piece.billedSeconds, piece.rateMicrosPerHour);
        out.lines.append(piece);
    }
    out.total = sumOf(out.lines);
    return out;
}

} // namespace cdeck::cost
