// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusterlogs.h"

#include "core/model/jsonutil.h"
#include "core/runtime/clustercontroller.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

QString kindName(ClusterLogSource::Kind kind)
{
    switch (kind) {
    case ClusterLogSource::Kind::Head:
        return u"head"_s;
    case ClusterLogSource::Kind::Executor:
        return u"executor"_s;
    case ClusterLogSource::Kind::Job:
        return u"job"_s;
    }
    return {};
}

// The head process's log: logs/<head name>.log, where the controller starts it (Dask: the scheduler).
// The engine driver names its head (EngineDriver::headName()) once the engines are split out.
QString headName(const ClusterController &)
{
    return u"scheduler"_s;
}

} // namespace

QJsonObject ClusterLogSource::toJson() const
{
    const QFileInfo file(path);
    return QJsonObject{{u"source"_s, name},
                       {u"kind"_s, kindName(kind)},
                       {u"live"_s, live},
                       {u"state"_s, state},
                       {u"exists"_s, file.exists()},
                       {u"size"_s, double(file.exists() ? file.size() : 0)},
                       {u"modified"_s, file.exists() ? json::fromDateTime(file.lastModified()) : QJsonValue()}};
}

QList<ClusterLogSource> logSourcesOf(const ClusterController &cluster)
{
    const QString dir = cluster.clusterDir();
    const ClusterInfo info = cluster.info();
    QList<ClusterLogSource> sources;
    const QString head = headName(cluster);
    sources.append({head, ClusterLogSource::Kind::Head, dir + u"/logs/"_s + head + u".log"_s, !isTerminal(info.state),
                    toString(info.state)});
    for (const Executor &e : cluster.executors())
        sources.append({e.id, ClusterLogSource::Kind::Executor, dir + u"/logs/"_s + e.id + u".log"_s,
                        !isGone(e.status) && !isTerminal(info.state), toString(e.status)});
    for (const Job &j : cluster.jobs())
        sources.append({j.id, ClusterLogSource::Kind::Job, dir + u"/jobs/"_s + j.id + u".log"_s, !isFinished(j.state),
                        toString(j.state)});
    return sources;
}

std::optional<ClusterLogSource> findLogSource(const ClusterController &cluster, const QString &name)
{
    for (const ClusterLogSource &s : logSourcesOf(cluster))
        if (s.name == name)
            return s;
    return std::nullopt;
}

} // namespace cdeck
