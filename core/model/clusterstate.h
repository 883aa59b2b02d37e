// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cdeck {

// EMR's cluster states: STARTING -> BOOTSTRAPPING -> RUNNING <-> WAITING -> TERMINATING -> TERMINATED[_WITH_ERRORS].
enum class ClusterState {
    Starting,
    Bootstrapping,
    Running,
    Waiting,
    Terminating,
    Terminated,
    TerminatedWithErrors,
};

QString toString(ClusterState state);
std::optional<ClusterState> clusterStateFromString(const QString &text);
bool isTerminal(ClusterState state); // TERMINATED or TERMINATED_WITH_ERRORS
bool isActive(ClusterState state); // RUNNING or WAITING: jobs and scaling are accepted
// The state machine: which moves are legal. A failure may end any non-terminal state with errors.
bool canTransition(ClusterState from, ClusterState to);

struct StateChange
{
    ClusterState state = ClusterState::Starting;
    QString reason;
    QDateTime at;

    QJsonObject toJson() const;
    static StateChange fromJson(const QJsonObject &o);
    friend bool operator==(const StateChange &, const StateChange &) = default;
};

} // namespace cdeck
