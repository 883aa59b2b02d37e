// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/triage/incident.h"
#include "core/triage/timeline.h"

#include <QMetaType>
#include <QStringList>

namespace cdeck::triage {

// Where to read the logs of something that happened at a known time ("Show logs at this time"): the log
// sources of the cluster that speak of it, most specific first (the executor it is about, then its job; a
// runtime names an executor's log by the executor's id and a job's by the job's id), and the moment. A reader
// opens the first of them the cluster has, else the head's log (Dask's scheduler, Spark's master), which
// every cluster has and which records what happens to executors and jobs.
struct LogTarget
{
    QStringList sources;
    qint64 atMs = 0;
    friend bool operator==(const LogTarget &, const LogTarget &) = default;
};

// From the incident's start: its subject (an executor or a job) and the job it names.
LogTarget logTargetFor(const Incident &incident);
// From the entry's time: its executor, then its job.
LogTarget logTargetFor(const TimelineEntry &entry);

} // namespace cdeck::triage

Q_DECLARE_METATYPE(cdeck::triage::LogTarget)
