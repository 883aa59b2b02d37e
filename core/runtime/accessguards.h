// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/apiroutes.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// What the API checks about a request beyond the caller's role, as pure functions the server applies before
// a handler runs: a scientist's quotas and the folders scripts may come from. Both refusals are a 403.
namespace cdeck {

// What a user's live clusters hold (or would hold after a request): counted at their most, so a managed
// cluster counts its maxWorkers and its dollars per hour at that many workers (plus its master).
struct Footprint
{
    int clusters = 0;
    int workers = 0;
    qint64 microsPerHour = 0; // micro-dollars per hour, as the cost ledger counts
};

// A scientist's own limits, set by an admin (user add, user quota): each one set replaces the runtime's default.
struct UserQuota
{
    std::optional<int> clusters;
    std::optional<int> workers;
    std::optional<qint64> microsPerHour;

    bool isEmpty() const { return !clusters && !workers && !microsPerHour; }
    // Changes current by a request's maxClusters, maxWorkers (integers >= 0) and maxDollarsPerHour (a number >= 0):
    // a field present sets that limit, null sets it back to the default, an absent one keeps it. Nullopt with
    // error naming the field for anything else.
    static std::optional<UserQuota> changed(const UserQuota &current, const QJsonObject &request, QString *error);
    static bool mentionedIn(const QJsonObject &request); // any of the three fields
};

// Each scientist's quota (operators and admins have none): the runtime's defaults, or a user's own where set.
struct ScientistQuota
{
    int clusters = 2;
    int workers = 8;
    qint64 microsPerHour = 5'000'000; // $5 an hour

    // The defaults, with CLUSTERDECK_SCIENTIST_MAX_CLUSTERS, CLUSTERDECK_SCIENTIST_MAX_WORKERS and
    // CLUSTERDECK_SCIENTIST_MAX_DOLLARS_PER_HOUR where set (a malformed value keeps the default, with a warning).
    static ScientistQuota fromEnvironment();

    ScientistQuota withOwn(const UserQuota &own) const; // own's limits where set, these for the rest
    // maxClusters, maxWorkers, maxDollarsPerHour and "own": the names of those the user has of its own.
    QJsonObject toJson(const UserQuota &own) const;
};

// Empty when `after` is within the quota, else one clause per quota it would exceed, naming it, the value it
// would reach and the limit ("workers: 5 would exceed your scientist quota of 4"). A request that lowers a
// figure (a scale-down) is never refused for it, even when a lowered quota is still exceeded afterwards.
QString quotaRefusal(const ScientistQuota &quota, const Footprint &before, const Footprint &after);

// The folders a caller other than an admin may run scripts (job scripts, bootstrap actions) from.
class ScriptFolders
{
public:
    explicit ScriptFolders(const QStringList &folders); // canonicalised; folders that do not exist are dropped
    // <resources>/jobs (the samples), <data>/scripts and every folder of CLUSTERDECK_SCRIPT_DIRS (':' between).
    static ScriptFolders forRuntime(const QString &resourcesDir, const QString &dataDir);

    QStringList folders() const { return m_folders; }
    // The scripts a request would run: a launch's bootstrap actions, a job's script (a sample is by name).
    static QStringList scriptsOf(api::RouteId route, const QJsonObject &body);
    // Empty when every script is a file inside one of the folders (symbolic links resolved first, so a link
    // in an allowed folder to /bin/sh is refused), else what is refused and why.
    QString refusal(const QStringList &scripts) const;

private:
    QStringList m_folders;
};

} // namespace cdeck
