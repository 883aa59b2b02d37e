// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace cdeck {

// Every time threshold is in seconds (or ms) and settable, so tests need not wait minutes.
struct RuntimeConfig
{
    QString dataDir;
    QString resourcesDir;
    QString pricingPath; // the price catalog; empty: the shipped <resources>/pricing/aws-us-east-1.json
    QString daskProgram = QStringLiteral("/usr/bin/dask"); // Debian's, #!/usr/bin/python3
    QString pythonProgram = QStringLiteral("/usr/bin/python3"); // jobs: Debian's Dask lives here
    int pollIntervalMs = 1000; // executor refresh while stable
    int fastPollIntervalMs = 150; // while starting or scaling: WAITING is reported promptly
    int scrapeTimeoutMs = 5000; // scrapes take ~10 ms, up to ~1 s on saturated cores
    int startTimeoutSeconds = 180; // launch -> every worker registered
    int retireGraceSeconds = 30; // SIGTERM -> SIGKILL for a retired worker's process group
    int terminateGraceSeconds = 10; // SIGTERM -> SIGKILL when terminating a cluster
    int cancelGraceSeconds = 10; // SIGTERM -> SIGKILL when cancelling a job
    int sampleIntervalMs = 1000; // metrics sampling period (the raw resolution of the metric store)
    int sampleTimeoutMs = 2000; // a /metrics scrape later than this is a gap (scrapes reach ~1 s under load)
    int maintainIntervalMs = 60000; // metric roll-ups and retention
    qint64 maxScrapeBytes = 8 * 1024 * 1024; // a worker's /metrics is ~14 KB: anything this big is not one
    // Engine isolation: when the runtime runs as root, each cluster's engine processes and jobs run as a
    // system user of its own, cdk<uid>, with a uid from this range (CLUSTERDECK_ENGINE_UIDS=FIRST-LAST).
    // Ignored when the runtime is not root (isolation is then off).
    unsigned engineUidFirst = 50000;
    unsigned engineUidLast = 50999;
    int triageIntervalMs = 2000; // how often the detectors run on every cluster
    int idleIncidentSeconds = 900; // WAITING with no job this long raises an idle_cluster incident
    int stallIncidentSeconds = 10; // a live executor silent this long raises a network_stall incident
    int jobStallSeconds = 300; // a running job with work left and no task finished this long raises job_stalled
    // Lost workers are replaced; one that dies again within 30 s of its start (or fails its bootstrap) waits
    // this long before the next, doubling up to a minute, and after this many in a row replacement stops.
    int replaceBackoffMs = 2000;
    int replaceMaxQuickFailures = 5;

    // CLUSTERDECK_POLL_MS, CLUSTERDECK_START_TIMEOUT_S, CLUSTERDECK_RETIRE_GRACE_S,
    // CLUSTERDECK_TERMINATE_GRACE_S, CLUSTERDECK_CANCEL_GRACE_S, CLUSTERDECK_SAMPLE_MS,
    // CLUSTERDECK_MAINTAIN_MS, CLUSTERDECK_ENGINE_UIDS, CLUSTERDECK_TRIAGE_MS,
    // CLUSTERDECK_IDLE_INCIDENT_S, CLUSTERDECK_STALL_S, CLUSTERDECK_JOB_STALL_S, CLUSTERDECK_REPLACE_BACKOFF_MS,
    // CLUSTERDECK_REPLACE_MAX_FAILURES override the defaults.
    // A malformed CLUSTERDECK_ENGINE_UIDS is an error (the runtime refuses to start): "" when all is well.
    QString applyEnvironment();
};

} // namespace cdeck
