// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace cdeck {

// What a connection of the console talks to. Not the engine a managed cluster runs (ClusterSpec's engine,
// Dask or Spark): a ClusterDeck runtime may run either; this says what kind of server is at the other end.
enum class ConnectionKind {
    Runtime, // a clusterdeck-runtime: launches, scales and terminates its clusters
    Spark, // a Spark UI (4040) or History Server (18080), watched through its REST API
    Yarn, // a YARN ResourceManager, watched through its REST API
    EventLog // a Spark event log read from disk: no server at all
};

// The words of the command line (--connection) and of the saved connections: "runtime", "spark", "yarn",
// "eventlog". connectionKindFromName() is nullopt for any other word (a newer console's kind is skipped,
// never misread as a runtime).
QString connectionKindName(ConnectionKind kind);
std::optional<ConnectionKind> connectionKindFromName(QStringView name);

} // namespace cdeck
