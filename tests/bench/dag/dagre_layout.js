// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Lays out one graph with dagre (the npm package the Spark UI uses) for bench_daglayout.
// Input JSON: {"nodes":[{"id","w","h"}],"edges":[["from","to"]],"nodesep","ranksep","edgesep"}.
// Output JSON: {"ms": layout time without node's start-up, "nodes": {"id": [x, y]}}.
// dagre is found through NODE_PATH (npm install dagre into a directory outside the repository).
'use strict';
const fs = require('fs');
const dagre = require('dagre');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const g = new dagre.graphlib.Graph();
g.setGraph({ rankdir: 'TB', nodesep: input.nodesep, ranksep: input.ranksep, edgesep: input.edgesep });
g.setDefaultEdgeLabel(() => ({}));
for (const n of input.nodes) g.setNode(n.id, { width: n.w, height: n.h });
for (const [from, to] of input.edges) g.setEdge(from, to);
const t0 = process.hrtime.bigint();
dagre.layout(g);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const nodes = {};
for (const id of g.nodes()) {
    const n = g.node(id);
    nodes[id] = [n.x, n.y];
}
process.stdout.write(JSON.stringify({ ms, nodes }));
