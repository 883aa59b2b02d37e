// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/job.h"
#include "core/runtime/engine/enginedriver.h"

#include <QString>
#include <QStringList>

namespace cdeck {

// How one job's process is started: what the engine's driver asked for, plus what every job gets.
struct JobPlanInput
{
    QString jobId;
    QString clusterId;
    engine::JobCommand command; // from the cluster's driver
    QStringList baseEnvironment; // the host's ("KEY=value")
    QString workDir; // where it runs: the cluster's jobs/<id>, or its staged folder
    QString logPath;
    engine::RunAs runAs;
};

struct JobPlan
{
    engine::ProcessSpec process;
    QString logNote; // a first line for the job's log ("" when none): who it runs as and where
};

// The job's process: the driver's command in the host's environment with CLUSTERDECK_JOB_ID,
// CLUSTERDECK_CLUSTER_ID, unbuffered Python and, when it runs as another user, that user's USER, LOGNAME
// and a HOME in its own folder (the user's home, /nonexistent for nobody, is not writable and Python
// tools write caches under it).
JobPlan planJob(const JobPlanInput &input);

// How a job's process ended, as the controller saw it.
struct JobEnd
{
    int exitCode = 0;
    bool crashed = false; // ended by a signal
    bool cancelRequested = false;
    bool clusterEnding = false; // its cluster is TERMINATING or ended
};

// The job's final state, reason and exit code (-1 when killed by a signal).
struct JobOutcome
{
    JobState state = JobState::Failed;
    QString reason;
    int exitCode = 0;
};
JobOutcome judgeJobEnd(const JobEnd &end);

} // namespace cdeck
