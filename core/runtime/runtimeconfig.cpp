// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "runtimeconfig.h"

#include <QStringList>
#include <QtGlobal>

namespace cdeck {

static void fromEnv(const char *name, int &value, int minimum)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    if (ok && v >= minimum)
        value = v;
}

QString RuntimeConfig::applyEnvironment()
{
    fromEnv("CLUSTERDECK_POLL_MS", pollIntervalMs, 100);
    fromEnv("CLUSTERDECK_START_TIMEOUT_S", startTimeoutSeconds, 5);
    fromEnv("CLUSTERDECK_RETIRE_GRACE_S", retireGraceSeconds, 0);
    fromEnv("CLUSTERDECK_TERMINATE_GRACE_S", terminateGraceSeconds, 0);
    fromEnv("CLUSTERDECK_CANCEL_GRACE_S", cancelGraceSeconds, 0);
    fromEnv("CLUSTERDECK_SAMPLE_MS", sampleIntervalMs, 100);
    fromEnv("CLUSTERDECK_MAINTAIN_MS", maintainIntervalMs, 1000);
    fromEnv("CLUSTERDECK_TRIAGE_MS", triageIntervalMs, 200);
    fromEnv("CLUSTERDECK_IDLE_INCIDENT_S", idleIncidentSeconds, 1);
    fromEnv("CLUSTERDECK_STALL_S", stallIncidentSeconds, 2);
    fromEnv("CLUSTERDECK_JOB_STALL_S", jobStallSeconds, 2);
    fromEnv("CLUSTERDECK_REPLACE_BACKOFF_MS", replaceBackoffMs, 0);
    fromEnv("CLUSTERDECK_REPLACE_MAX_FAILURES", replaceMaxQuickFailures, 1);
    if (!qEnvironmentVariableIsEmpty("CLUSTERDECK_ENGINE_UIDS")) {
        const QString range = qEnvironmentVariable("CLUSTERDECK_ENGINE_UIDS");
        const QStringList ends = range.split(u'-');
        bool firstOk = false;
        bool lastOk = false;
        const uint first = ends.value(0).trimmed().toUInt(&firstOk);
        const uint last = ends.value(1).trimmed().toUInt(&lastOk);
        // Below 1000 are the system's own accounts; 65534 and up are nobody and the kernel's overflow ids.
        if (ends.size() != 2 || !firstOk || !lastOk || first < 1000 || last < first || last >= 65534)
            return QStringLiteral("CLUSTERDECK_ENGINE_UIDS must be FIRST-LAST with 1000 <= FIRST <= LAST < 65534, "
                                  "got '%1'")
                .arg(range);
        engineUidFirst = first;
        engineUidLast = last;
    }
    return {};
}

} // namespace cdeck
