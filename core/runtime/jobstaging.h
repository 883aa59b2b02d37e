// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <sys/types.h>

namespace cdeck {

// Where an unprivileged job runs from when the runtime is root.
//
// Dropping to an unprivileged user is not enough on its own: the job must still reach its script and
// its working folder, and the runtime's own folders often cannot be crossed by another user (a data
// directory under /root, a QTemporaryDir, a repository cloned into a home). So the job's script, and
// every Python package folder beside it (the samples' lib/), are copied to a folder of the job's own
// under a staging root that any user may cross but not list, and the job runs from there.
struct StagedJob
{
    QString directory; // the job's folder: owned by the job user, its working directory and HOME
    QString script; // the copied script, inside directory
    QString error; // non-empty: nothing was staged and the job must not start
};

// The staging root for this runtime: QDir::tempPath()/clusterdeck-jobs-<euid>, created 0711 if missing,
// and refused if it is anything but a real directory owned by the runtime's user (someone else could
// otherwise prepare it to swap the job's files).
QString jobStagingRoot(QString *error);

// Copies script (and the package folders beside it) to stagingRoot/jobId, hands the copy to uid:gid
// (files 0644, folders 0755 inside a 0700 job folder) and returns where it landed.
StagedJob stageJob(const QString &stagingRoot, const QString &jobId, const QString &script, uid_t uid, gid_t gid);

} // namespace cdeck
