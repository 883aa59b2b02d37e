// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "accessguards.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

template <typename T> T environmentValue(const char *name, T fallback, T (*parse)(const QString &, bool *))
{
    const QString text = qEnvironmentVariable(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const T v = parse(text, &ok);
    if (!ok) {
        spdlog::warn("runtime: {}='{}' is not a non-negative number; the default applies", name, text.toStdString());
        return fallback;
    }
    return v;
}

int parseCount(const QString &text, bool *ok)
{
    const int v = text.toInt(ok);
    *ok = *ok && v >= 0;
    return v;
}

qint64 parseDollars(const QString &text, bool *ok)
{
    const double v = text.toDouble(ok);
    *ok = *ok && std::isfinite(v) && v >= 0 && v < 1e9;
    return *ok ? qint64(std::llround(v * 1e6)) : 0;
}

QString dollars(qint64 micros)
{
    return u"$%1/h"_s.arg(double(micros) / 1e6, 0, 'f', 2);
}

bool inside(const QString &path, const QString &folder)
{
    return path.startsWith(folder.endsWith(u'/') ? folder : QString(folder + u'/'));
}

} // namespace

ScientistQuota ScientistQuota::fromEnvironment()
{
    ScientistQuota q;
    q.clusters = environmentValue<int>("CLUSTERDECK_SCIENTIST_MAX_CLUSTERS", q.clusters, parseCount);
    q.workers = environmentValue<int>("CLUSTERDECK_SCIENTIST_MAX_WORKERS", q.workers, parseCount);
    q.microsPerHour
        = environmentValue<qint64>("CLUSTERDECK_SCIENTIST_MAX_DOLLARS_PER_HOUR", q.microsPerHour, parseDollars);
    return q;
}

namespace {
const QString kMaxClusters = u"maxClusters"_s;
const QString kMaxWorkers = u"maxWorkers"_s;
const QString kMaxDollars = u"maxDollarsPerHour"_s;
} // namespace

bool UserQuota::mentionedIn(const QJsonObject &request)
{
    return request.contains(kMaxClusters) || request.contains(kMaxWorkers) || request.contains(kMaxDollars);
}

std::optional<UserQuota> UserQuota::changed(const UserQuota &current, const QJsonObject &request, QString *error)
{
    UserQuota q = current;
    auto count = [&](const QString &field, std::optional<int> *into) {
        if (!request.contains(field))
            return true;
        const QJsonValue v = request.value(field);
        if (v.isNull()) {
            into->reset();
            return true;
        }
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > 1e6 || d != std::floor(d)) {
            *error = u"%1: a whole number from 0 to 1000000, or null for the runtime's default"_s.arg(field);
            return false;
        }
        *into = int(d);
        return true;
    };
    if (!count(kMaxClusters, &q.clusters) || !count(kMaxWorkers, &q.workers))
        return std::nullopt;
    if (request.contains(kMaxDollars)) {
        const QJsonValue v = request.value(kMaxDollars);
        if (v.isNull()) {
            q.microsPerHour.reset();
        } else {
            const double d = v.toDouble(-1);
            if (!v.isDouble() || !std::isfinite(d) || d < 0 || d >= 1e9) {
                *error = u"%1: dollars per hour, a number from 0, or null for the runtime's default"_s.arg(kMaxDollars);
                return std::nullopt;
            }
            q.microsPerHour = qint64(std::llround(d * 1e6));
        }
    }
    return q;
}

ScientistQuota ScientistQuota::withOwn(const UserQuota &own) const
{
    return ScientistQuota{own.clusters.value_or(clusters), own.workers.value_or(workers),
                          own.microsPerHour.value_or(microsPerHour)};
}

QJsonObject ScientistQuota::toJson(const UserQuota &own) const
{
    const ScientistQuota q = withOwn(own);
    QJsonArray ownNames;
    if (own.clusters)
        ownNames.append(kMaxClusters);
    if (own.workers)
        ownNames.append(kMaxWorkers);
    if (own.microsPerHour)
        ownNames.append(kMaxDollars);
    return QJsonObject{{kMaxClusters, q.clusters},
                       {kMaxWorkers, q.workers},
                       {kMaxDollars, double(q.microsPerHour) / 1e6},
                       {u"own"_s, ownNames}};
}

QString quotaRefusal(const ScientistQuota &quota, const Footprint &before, const Footprint &after)
{
    QStringList clauses;
    if (after.clusters > quota.clusters && after.clusters > before.clusters)
        clauses.append(
            u"clusters: %1 live would exceed your scientist quota of %2 (terminate one first)"_s.arg(after.clusters)
                .arg(quota.clusters));
    if (after.workers > quota.workers && after.workers > before.workers)
        clauses.append(
            u"workers: %1 across your live clusters would exceed your scientist quota of %2"_s.arg(after.workers)
                .arg(quota.workers));
    if (after.microsPerHour > quota.microsPerHour && after.microsPerHour > before.microsPerHour)
        clauses.append(u"dollars per hour: %1 across your live clusters would exceed your scientist quota of %2"_s.arg(
            dollars(after.microsPerHour), dollars(quota.microsPerHour)));
    return clauses.join(u"; "_s);
}

ScriptFolders::ScriptFolders(const QStringList &folders)
{
    for (const QString &f : folders) {
        const QString canonical = QFileInfo(f).canonicalFilePath();
        if (!canonical.isEmpty() && QFileInfo(canonical).isDir() && !m_folders.contains(canonical))
            m_folders.append(canonical);
    }
}

ScriptFolders ScriptFolders::forRuntime(const QString &resourcesDir, const QString &dataDir)
{
    QStringList folders{resourcesDir + u"/jobs"_s, dataDir + u"/scripts"_s};
    folders += qEnvironmentVariable("CLUSTERDECK_SCRIPT_DIRS").split(u':', Qt::SkipEmptyParts);
    return ScriptFolders(folders);
}

QStringList ScriptFolders::scriptsOf(api::RouteId route, const QJsonObject &body)
{
    QStringList scripts;
    if (route == api::RouteId::JobSubmit && body.contains(u"script"_s))
        scripts.append(body.value(u"script"_s).toString());
    if (route == api::RouteId::ClusterLaunch)
        for (const QJsonValue &v : body.value(u"bootstrapActions"_s).toArray())
            scripts.append(v.toObject().value(u"script"_s).toString());
    return scripts;
}

QString ScriptFolders::refusal(const QStringList &scripts) const
{
    for (const QString &script : scripts) {
        // A script that is not there is refused too: what it would be once it appears is unknown.
        const QString canonical = QFileInfo(script).canonicalFilePath();
        const bool allowed = !canonical.isEmpty() && QFileInfo(canonical).isFile()
            && std::any_of(m_folders.cbegin(), m_folders.cend(),
                           [&](const QString &f) { return inside(canonical, f); });
        if (!allowed)
            return u"script %1%2 is outside the folders scripts may come from (%3); only an admin may run "
                   "scripts from anywhere"_s.arg(script,
                                                 canonical.isEmpty() || canonical == QDir::cleanPath(script)
                                                     ? QString()
                                                     : u" (that is %1)"_s.arg(canonical),
                                                 m_folders.isEmpty() ? u"none"_s : m_folders.join(u", "_s));
    }
    return {};
}

} // namespace cdeck
