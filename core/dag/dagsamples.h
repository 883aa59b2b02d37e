// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dag/dag.h"

#include <QtGlobal>

namespace cdeck::dag {

// Synthetic job graphs for tests, benchmarks and demos; the same seed gives the same graph.

// About `nodes` nodes on ~sqrt(nodes) layers; each node below the top has 1-3 inputs, mostly from
// the layer just above, sometimes from further up (long edges).
Dag randomLayeredDag(int nodes, quint32 seed);

// The shape of an ETL job: two inputs read and mapped partition by partition, each map fanning
// out into a few shuffle partitions, the two shuffles joined partition by partition, then an
// aggregation tree (fan-in 4) down to one result. Node count close to `nodes` (at least 10).
Dag shuffleShapedDag(int nodes, quint32 seed);

} // namespace cdeck::dag
