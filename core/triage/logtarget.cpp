// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "logtarget.h"

using namespace Qt::StringLiterals;

namespace cdeck::triage {

namespace {

void addOnce(QStringList &list, const QString &name)
{
    if (!name.isEmpty() && !list.contains(name))
        list.append(name);
}

} // namespace

LogTarget logTargetFor(const Incident &incident)
{
    LogTarget t;
    // A task group's name (shuffle_skew) is a subject too, but no log is named after one: the reader skips
    // names its cluster does not list.
    addOnce(t.sources, incident.subject);
    addOnce(t.sources, jobOf(incident));
    t.atMs = incident.start.toMSecsSinceEpoch();
    return t;
}

LogTarget logTargetFor(const TimelineEntry &entry)
{
    LogTarget t;
    addOnce(t.sources, entry.ids.value(u"executorId"_s).toString());
    addOnce(t.sources, entry.ids.value(u"jobId"_s).toString());
    t.atMs = entry.time.toMSecsSinceEpoch();
    return t;
}

} // namespace cdeck::triage
