// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusterfeed.h"

using namespace Qt::StringLiterals;

namespace cdeck {

ClusterFeed::ClusterFeed(FeedCapabilities capabilities, QObject *parent)
    : QObject(parent)
    , m_capabilities(std::move(capabilities))
{
    // Every signal crosses threads (network -> GUI): each argument type is registered once here.
    qRegisterMetaType<cdeck::ClusterList>("cdeck::ClusterList");
    qRegisterMetaType<cdeck::ClusterInfo>("cdeck::ClusterInfo");
    qRegisterMetaType<cdeck::ExecutorList>("cdeck::ExecutorList");
    qRegisterMetaType<cdeck::JobList>("cdeck::JobList");
    qRegisterMetaType<cdeck::ClusterEventList>("cdeck::ClusterEventList");
    qRegisterMetaType<QList<cdeck::InstanceType>>("QList<cdeck::InstanceType>");
    qRegisterMetaType<QList<cdeck::SampleInfo>>("QList<cdeck::SampleInfo>");
    qRegisterMetaType<QList<cdeck::EngineAvailability>>("QList<cdeck::EngineAvailability>");
    qRegisterMetaType<cdeck::ActionResult>("cdeck::ActionResult");
    qRegisterMetaType<cdeck::triage::IncidentList>("cdeck::triage::IncidentList");
    qRegisterMetaType<QList<cdeck::triage::SloStatus>>("QList<cdeck::triage::SloStatus>");
    qRegisterMetaType<cdeck::triage::Timeline>("cdeck::triage::Timeline");
    qRegisterMetaType<cdeck::ConnectionState>("cdeck::ConnectionState");
    qRegisterMetaType<cdeck::MetricsLink>("cdeck::MetricsLink");
    qRegisterMetaType<cdeck::MetricBatch>("cdeck::MetricBatch");
    qRegisterMetaType<QList<cdeck::MetricSeriesData>>("QList<cdeck::MetricSeriesData>");
    qRegisterMetaType<cdeck::MetricsWindowRequest>("cdeck::MetricsWindowRequest");
    qRegisterMetaType<cdeck::dag::Dag>("cdeck::dag::Dag");
    qRegisterMetaType<QHash<QString, int>>("QHash<QString,int>");
}

ClusterFeed::~ClusterFeed() = default;

// The defaults are what a feed without the feature does: nothing to fetch, so nothing is emitted (the console
// does not ask, per capabilities), except a metrics request, which is told there is no source.

void ClusterFeed::followMetrics(const MetricsWindowRequest &request)
{
    Q_EMIT metricsLinkChanged(request.ticket, request.clusterId.isEmpty() ? MetricsLink::Idle : MetricsLink::Unavailable, {});
}

void ClusterFeed::setStageFocus(const QString &, int, int) { }

void ClusterFeed::setIncidentsFocus(const QString &clusterId)
{
    m_incidentsFocus = clusterId;
}

void ClusterFeed::setSlosFocus(bool) { }

void ClusterFeed::setCostFocus(bool, bool, const QString &) { }

void ClusterFeed::fetchRunbook(const QString &) { }

void ClusterFeed::fetchEvidence(const QString &, const QString &, const MetricsQuery &) { }

void ClusterFeed::runGuardedAction(const QString &, const QJsonObject &) { }

void ClusterFeed::planGuardedAction(const QString &, const QString &, const QJsonObject &) { }

void ClusterFeed::fetchAudit(const QString &query)
{
    Q_EMIT auditReady(query, {},
                      tr("%1 keeps no audit log: a ClusterDeck runtime does.").arg(m_capabilities.serverName));
}

void ClusterFeed::useToken(const QByteArray &) { }

void ClusterFeed::refuseBudgetsAndSlos(const QString &action)
{
    ActionResult result;
    result.action = action;
    result.message = tr("%1 keeps no budgets or SLOs: a ClusterDeck runtime does.").arg(m_capabilities.serverName);
    Q_EMIT actionFinished(result);
}

void ClusterFeed::saveBudget(const QJsonObject &, const QString &)
{
    refuseBudgetsAndSlos(u"budget"_s);
}

void ClusterFeed::deleteBudget(const QString &)
{
    refuseBudgetsAndSlos(u"budget-delete"_s);
}

void ClusterFeed::saveSlo(const QJsonObject &, const QString &)
{
    refuseBudgetsAndSlos(u"slo"_s);
}

void ClusterFeed::deleteSlo(const QString &)
{
    refuseBudgetsAndSlos(u"slo-delete"_s);
}

} // namespace cdeck
