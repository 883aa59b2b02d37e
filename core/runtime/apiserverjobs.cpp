// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apiserverjobs.h"

#include "core/runtime/apicall.h"
#include "core/runtime/clustercontroller.h"
#include "core/runtime/supervisor.h"

#include <QJsonArray>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

using namespace Qt::StringLiterals;

namespace cdeck {

using namespace reply;

void JobRoutes::jobs(ApiCall &call)
{
    QJsonArray list;
    for (const Job &j : call.cluster->jobs())
        list.append(j.toJson());
    ok(call, list);
}

void JobRoutes::submitJob(ApiCall &call)
{
    Job job;
    const Outcome o = m_supervisor.submitJob(call.parameter(0), call.body, &job);
    answer(call, o, job.toJson());
}

void JobRoutes::job(ApiCall &call)
{
    const auto job = call.cluster->job(call.parameter(1));
    if (!job)
        return fail(call, Status::NotFound, u"job not found"_s,
                    u"no job %1 on cluster %2"_s.arg(call.parameter(1), call.parameter(0)));
    ok(call, job->toJson());
}

void JobRoutes::cancelJob(ApiCall &call)
{
    Job job;
    const Outcome o = m_supervisor.cancelJob(call.parameter(0), call.parameter(1), &job);
    answer(call, o, job.toJson());
}

void JobRoutes::jobDag(ApiCall &call)
{
    auto kept = std::make_shared<QHttpServerResponder>(std::move(call.responder));
    QPointer<QTcpSocket> socket = kept->socket();
    call.cluster->fetchDag(call.parameter(1),
                           [kept, socket](const QByteArray &json, const QString &error, bool notFound) {
                               if (!socket || socket->state() != QAbstractSocket::ConnectedState)
                                   return; // the client left
                               if (notFound)
                                   return sendError(*kept, Status::NotFound, u"job not found"_s, error);
                               if (json.isEmpty())
                                   return sendError(*kept, Status::ServiceUnavailable, u"DAG unavailable"_s, error);
                               kept->write(json, "application/json", Status::Ok);
                           });
}

void JobRoutes::logs(ApiCall &call)
{
    m_logs.list(*call.cluster, call.responder);
}

void JobRoutes::log(ApiCall &call)
{
    m_logs.serve(*call.cluster, call.parameter(1), call.request, std::move(call.responder));
}

} // namespace cdeck
