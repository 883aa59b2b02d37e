// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/cost/costreport.h"
#include "core/cost/ledger.h"
#include "core/cost/pricecatalog.h"
#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/model/instancecatalog.h"
#include "core/model/job.h"

#include <QHash>
#include <QJsonObject>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace cdeck {

class RuntimeStore;

// What the cost reports need to know about one cluster besides its lifetimes: read from the controller.
struct ClusterCostFacts
{
    ClusterInfo info; // with its state history (the WAITING spans are idle time)
    QList<Executor> executors; // the last reported memory use (for the over-provisioned share)
    QList<Job> jobs;
};

// The runtime's cost ledger. Every instance lifetime (the scheduler as master, each worker) is recorded in
// the store as the runtime sees it begin and end, at the rate of the catalog at its start; the ledger is
// built from those rows, so the same history always gives the same cents, across restarts and catalog
// edits. Thread contract: the runtime's main thread (it uses the store).
class CostBook
{
public:
    using FactsProvider = std::function<QList<ClusterCostFacts>()>;

    CostBook(RuntimeStore &store, const InstanceCatalog &profiles, FactsProvider facts);

    // Loads the catalog (the shipped one unless a path is given) and checks it prices every local profile;
    // then loads the recorded lifetimes. On failure *error lists every problem.
    bool start(const QString &catalogPath, QString *error);
    const cost::PriceCatalog &catalog() const { return m_catalog; }

    // Brings one cluster's recorded lifetimes up to date; writes only rows that changed.
    void record(const ClusterInfo &info, const QList<Executor> &executors);

    // The ledger over every recorded lifetime, open ones billed up to now.
    cost::Ledger ledger(const QDateTime &now) const;
    QList<cost::InstanceLifetime> lifetimes() const { return m_lifetimes.values(); }

    // What one more worker of this cluster costs per hour (the scale dialog's delta).
    qint64 workerRateMicrosPerHour(const ClusterSpec &spec) const;
    // What the cluster costs per hour with this many workers: its master (on-demand) and the workers.
    qint64 clusterRateMicrosPerHour(const ClusterSpec &spec, int workers) const;

    // The API's answers (see docs/runtime-api.md). A bad query gives nullopt and *error.
    std::optional<QJsonObject> costJson(const QUrlQuery &query, const QString &clusterId, QString *error) const;
    QJsonArray metersJson() const;
    std::optional<QJsonObject> summaryJson(const QUrlQuery &query, QString *error) const;
    QJsonObject forecastJson() const;
    QJsonObject budgetsJson() const;
    // Adds or replaces a budget ({"tag": "team=data", "limit": 500}); false with *error on bad input.
    bool putBudget(const QJsonObject &body, QJsonObject *status, QString *error, bool *internal);
    // false with *notFound when there was none.
    bool deleteBudget(const QString &tag, bool *notFound, QString *error);

    // Times for the API: ISO 8601 date or date-time, or milliseconds since the epoch.
    static QDateTime parseTime(const QString &text);

private:
    QString key(const QString &clusterId, const QString &instance) const { return clusterId + u'/' + instance; }
    QList<cost::JobInterval> jobIntervals(const QList<ClusterCostFacts> &facts) const;
    QList<cost::StateInterval> waitingIntervals(const QList<ClusterCostFacts> &facts) const;
    qint64 bytesProcessed(const QList<ClusterCostFacts> &facts, const QString &clusterId) const;
    QJsonArray budgetStatuses(const cost::Ledger &ledger, const QDateTime &now) const;

    RuntimeStore &m_store;
    const InstanceCatalog &m_profiles;
    FactsProvider m_facts;
    cost::PriceCatalog m_catalog;
    QHash<QString, cost::InstanceLifetime> m_lifetimes; // by key(): mirrors the store's rows
    mutable QHash<QString, qint64> m_finishedJobBytes; // a finished job's DAG no longer changes
};

} // namespace cdeck
