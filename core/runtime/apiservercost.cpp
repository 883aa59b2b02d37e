// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiservercost.h"

#include "core/runtime/apicall.h"
#include "core/runtime/costbook.h"
#include "core/runtime/supervisor.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cdeck {

using namespace reply;

void CostRoutes::clusterCost(ApiCall &call)
{
    QString bad;
    const auto report = m_supervisor.costBook().costJson(QUrlQuery(call.request.url()), call.parameter(0), &bad);
    if (!report)
        return fail(call, Status::BadRequest, u"invalid cost query"_s, bad);
    ok(call, *report);
}

void CostRoutes::cost(ApiCall &call)
{
    const QUrlQuery query(call.request.url());
    QString bad;
    const auto report = m_supervisor.costBook().costJson(query, {}, &bad);
    if (!report)
        return fail(call, Status::BadRequest, u"invalid cost query"_s, bad);
    if (const QString c = query.queryItemValue(u"cluster"_s); !c.isEmpty() && !m_supervisor.cluster(c))
        return fail(call, Status::NotFound, u"cluster not found"_s, u"no cluster with id %1"_s.arg(c));
    ok(call, *report);
}

void CostRoutes::costMeters(ApiCall &call)
{
    ok(call, m_supervisor.costBook().metersJson());
}

void CostRoutes::costSummary(ApiCall &call)
{
    QString bad;
    const auto report = m_supervisor.costBook().summaryJson(QUrlQuery(call.request.url()), &bad);
    if (!report)
        return fail(call, Status::BadRequest, u"invalid cost query"_s, bad);
    ok(call, *report);
}

void CostRoutes::costForecast(ApiCall &call)
{
    ok(call, m_supervisor.costBook().forecastJson());
}

void CostRoutes::budgets(ApiCall &call)
{
    ok(call, m_supervisor.costBook().budgetsJson());
}

void CostRoutes::putBudget(ApiCall &call)
{
    QJsonObject status;
    QString bad;
    bool internal = false;
    if (!m_supervisor.costBook().putBudget(call.body, &status, &bad, &internal))
        return fail(call, internal ? Status::InternalServerError : Status::BadRequest,
                    internal ? u"budget not saved"_s : u"invalid budget"_s, bad);
    ok(call, status);
}

void CostRoutes::removeBudget(ApiCall &call)
{
    bool notFound = false;
    QString bad;
    if (!m_supervisor.costBook().deleteBudget(call.parameter(0), &notFound, &bad))
        return fail(call, notFound ? Status::NotFound : Status::BadRequest,
                    notFound ? u"budget not found"_s : u"invalid budget"_s, bad);
    ok(call, QJsonObject{{u"deleted"_s, call.parameter(0)}});
}

void CostRoutes::pricing(ApiCall &call)
{
    ok(call, m_supervisor.costBook().catalog().toJson());
}

} // namespace cdeck
