// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiservercatalog.h"

#include "core/runtime/apicall.h"
#include "core/runtime/supervisor.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cdeck {

using namespace reply;

void CatalogRoutes::health(ApiCall &call)
{
    ok(call,
       QJsonObject{{u"status"_s, u"ok"_s},
                   {u"service"_s, u"clusterdeck-runtime"_s},
                   {u"version"_s, QCoreApplication::applicationVersion()}});
}

void CatalogRoutes::instanceTypes(ApiCall &call)
{
    QJsonArray types;
    for (const InstanceType &t : m_supervisor.catalog().types()) {
        QJsonObject o = t.toJson();
        o.insert(u"default"_s, t.name == m_supervisor.catalog().defaultType());
        types.append(o);
    }
    ok(call, types);
}

void CatalogRoutes::samples(ApiCall &call)
{
    ok(call, m_supervisor.samples());
}

void CatalogRoutes::engines(ApiCall &call)
{
    ok(call, m_supervisor.engines());
}

void CatalogRoutes::runbooks(ApiCall &call)
{
    ok(call, m_supervisor.runbooks());
}

void CatalogRoutes::runbook(ApiCall &call)
{
    const auto runbook = m_supervisor.runbook(call.parameter(0));
    if (!runbook)
        return fail(call, Status::NotFound, u"runbook not found"_s, u"no runbook %1"_s.arg(call.parameter(0)));
    ok(call, *runbook);
}

} // namespace cdeck
