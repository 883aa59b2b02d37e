// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusterstate.h"

#include "jsonutil.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
constexpr std::array<std::pair<ClusterState, const char *>, 7> kNames{{
    {ClusterState::Starting, "STARTING"},
    {ClusterState::Bootstrapping, "BOOTSTRAPPING"},
    {ClusterState::Running, "RUNNING"},
    {ClusterState::Waiting, "WAITING"},
    {ClusterState::Terminating, "TERMINATING"},
    {ClusterState::Terminated, "TERMINATED"},
    {ClusterState::TerminatedWithErrors, "TERMINATED_WITH_ERRORS"},
}};
}

QString toString(ClusterState state)
{
    for (const auto &[s, name] : kNames)
        if (s == state)
            return QString::fromLatin1(name);
    return u"UNKNOWN"_s;
}

std::optional<ClusterState> clusterStateFromString(const QString &text)
{
    for (const auto &[s, name] : kNames)
        if (text == QLatin1StringView(name))
            return s;
    return std::nullopt;
}

bool isTerminal(ClusterState state)
{
    return state == ClusterState::Terminated || state == ClusterState::TerminatedWithErrors;
}

bool isActive(ClusterState state)
{
    return state == ClusterState::Running || state == ClusterState::Waiting;
}

bool canTransition(ClusterState from, ClusterState to)
{
    using S = ClusterState;
    if (isTerminal(from))
        return false;
    if (to == S::TerminatedWithErrors)
        return true;
    switch (from) {
    case S::Starting:
        return to == S::Bootstrapping || to == S::Terminating;
    case S::Bootstrapping:
        return to == S::Waiting || to == S::Running || to == S::Terminating;
    case S::Running:
        return to == S::Waiting || to == S::Terminating;
    case S::Waiting:
        return to == S::Running || to == S::Terminating;
    case S::Terminating:
        return to == S::Terminated;
    case S::Terminated:
    case S::TerminatedWithErrors:
        return false;
    }
    return false;
}

QJsonObject StateChange::toJson() const
{
    return {{u"state"_s, toString(state)}, {u"reason"_s, reason}, {u"at"_s, json::fromDateTime(at)}};
}

StateChange StateChange::fromJson(const QJsonObject &o)
{
    StateChange c;
    c.state = clusterStateFromString(o.value(u"state"_s).toString()).value_or(ClusterState::Starting);
    c.reason = o.value(u"reason"_s).toString();
    c.at = json::toDateTime(o.value(u"at"_s));
    return c;
}

} // namespace cdeck
