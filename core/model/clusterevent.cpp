// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusterevent.h"

#include "jsonutil.h"

using namespace Qt::StringLiterals;

namespace cdeck {

QJsonObject ClusterEvent::toJson() const
{
    QJsonObject o{{u"seq"_s, double(seq)},
                  {u"clusterId"_s, clusterId},
                  {u"time"_s, json::fromDateTime(time)},
                  {u"type"_s, type},
                  {u"reason"_s, reason},
                  {u"from"_s, from.isUndefined() ? QJsonValue(QJsonValue::Null) : from},
                  {u"to"_s, to.isUndefined() ? QJsonValue(QJsonValue::Null) : to},
                  {u"metrics"_s, metrics}};
    o.insert(u"executor"_s, executorId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(executorId));
    return o;
}

ClusterEvent ClusterEvent::fromJson(const QJsonObject &o)
{
    ClusterEvent e;
    e.seq = qint64(o.value(u"seq"_s).toDouble());
    e.clusterId = o.value(u"clusterId"_s).toString();
    e.time = json::toDateTime(o.value(u"time"_s));
    e.type = o.value(u"type"_s).toString();
    e.reason = o.value(u"reason"_s).toString();
    e.from = o.value(u"from"_s);
    e.to = o.value(u"to"_s);
    e.metrics = o.value(u"metrics"_s).toObject();
    e.executorId = o.value(u"executor"_s).toString();
    return e;
}

} // namespace cdeck
