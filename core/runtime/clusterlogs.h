// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cdeck {

class ClusterController;

// One log of a cluster as the API names it: its head's ("scheduler" for Dask), an executor's ("w3") or a
// job's ("job-00a1b2c3d4"). Paths are built from the cluster's own records, never from a request: a name
// from the network only selects an entry of this list.
struct ClusterLogSource
{
    enum class Kind { Head, Executor, Job };
    QString name;
    Kind kind = Kind::Head;
    QString path; // inside the cluster's folder
    bool live = false; // its process may still write to it
    QString state; // the executor's or job's state; the cluster's for the head

    QJsonObject toJson() const; // with the file's size and modification time read now
};

QList<ClusterLogSource> logSourcesOf(const ClusterController &cluster);
std::optional<ClusterLogSource> findLogSource(const ClusterController &cluster, const QString &name);

} // namespace cdeck
