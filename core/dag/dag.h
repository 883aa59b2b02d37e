// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace cdeck::dag {

// One summary state per node, whatever the engine: the view colours by it and the CLI prints it.
enum class NodeState { Pending, Running, Completed, Failed };
QString toString(NodeState state); // "pending", "running", "completed", "failed"
std::optional<NodeState> nodeStateFromString(const QString &text);

// Dask task states (released, waiting, queued, no-worker, processing, memory, erred, forgotten)
// summed into one NodeState: any erred task fails the group, finished means only memory,
// released or forgotten tasks are left.
NodeState stateFromDaskCounts(const QMap<QString, int> &counts);

// A stage: for Dask a task group, for Spark a stage.
struct DagNode
{
    QString id; // unique within a Dag
    QString name;
    NodeState state = NodeState::Pending;
    QMap<QString, int> counts; // tasks by engine state
    qint64 bytes = 0; // output size
    double durationS = 0.0; // compute seconds summed over tasks
    QDateTime start;
    QDateTime stop;
    QStringList executors; // executor (worker) names it ran on, sorted, no duplicates
    int retried = 0; // tasks that left a worker without a result and ran again (retry, lost worker)
    QStringList members; // non-empty for a group node made by collapseFanOuts(): the ids folded into it
    // Set for a node that is not a group of tasks (a SQL plan operator): the card shows this line (maybe empty)
    // instead of "done/total tasks" and a progress bar that would always read 0/0.
    std::optional<QString> caption;

    int taskCount() const;
    // Share of tasks that finished (states memory, released, forgotten, completed, done): 0..1.
    double progress() const;
    friend bool operator==(const DagNode &, const DagNode &) = default;
};

struct DagEdge
{
    QString from; // the dependency
    QString to; // the node that needs it
    qint64 bytes = 0; // bytes moved along it (shuffle read), 0 when unknown
    friend bool operator==(const DagEdge &, const DagEdge &) = default;
};

// A job's graph. Invariants kept by every mutator: node ids unique, every edge joins two known
// nodes, no self-edge, no duplicate edge. Acyclicity is checked by hasCycle()/breakCycles(),
// because engines report edges one computation at a time.
class Dag
{
public:
    QString jobId() const { return m_jobId; }
    void setJobId(const QString &id) { m_jobId = id; }

    const QList<DagNode> &nodes() const { return m_nodes; }
    const QList<DagEdge> &edges() const { return m_edges; }
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    int indexOf(const QString &id) const { return m_index.value(id, -1); }
    bool contains(const QString &id) const { return m_index.contains(id); }
    const DagNode *node(const QString &id) const;

    // Adds the node, or merges it into the node with the same id: the newer report (this one)
    // wins for state, counts, bytes and duration; start is the earliest, stop the latest,
    // executors the union. Returns the node's index. An empty id is refused (-1).
    int upsertNode(const DagNode &node);

    // Adds an edge. Self-edges are dropped (false, no error: Dask reports some); a duplicate
    // keeps the larger byte count (two computations report the same dependency, not two
    // transfers). An unknown endpoint is refused with *error set.
    bool addEdge(const DagEdge &edge, QString *error = nullptr);

    // Union with another computation's graph (same semantics as upsertNode/addEdge), then
    // cycles broken; each change worth a user's attention is appended to *notes.
    void merge(const Dag &other, QStringList *notes = nullptr);

    bool hasCycle() const;
    // Drops the edges that close a cycle (found by depth-first search from the nodes in
    // insertion order) and returns one note per dropped edge.
    QStringList breakCycles();

    QList<int> predecessors(int index) const;
    QList<int> successors(int index) const;

    // The CLI's shape: {"jobId","nodes":[{"id","name","state","counts","bytes","durationS",
    // ...}],"edges":[{"from","to","bytes"}]}. start, stop, executors, retried and members are
    // written only when set.
    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    // Strict: wrong types, unknown states, negative numbers, duplicate ids, unknown endpoints,
    // self-edges, duplicate edges and cycles are errors (nullopt, *error says where).
    static std::optional<Dag> fromJson(const QJsonObject &o, QString *error);
    static std::optional<Dag> fromJson(const QByteArray &json, QString *error);

    // Graphviz DOT (digraph, top to bottom), one node statement per node with its id, label and
    // state colour, one edge statement per edge with its bytes.
    QString toDot() const;

    // Test and bench fixtures: "scan->join; join->agg; x" (statements split by ';' or newlines,
    // chains "a->b->c" allowed, a lone name adds a node). Node ids are the names. nullopt on
    // malformed text.
    static std::optional<Dag> fromText(QStringView text, QString *error = nullptr);

    friend bool operator==(const Dag &a, const Dag &b)
    {
        return a.m_jobId == b.m_jobId && a.m_nodes == b.m_nodes && a.m_edges == b.m_edges;
    }

private:
    void rebuildEdgeIndex();

    QString m_jobId;
    QList<DagNode> m_nodes;
    QList<DagEdge> m_edges;
    QHash<QString, int> m_index;
    QHash<quint64, int> m_edgeIndex; // (from << 32 | to) node indices -> edge index
};

// The union of several computations' graphs (a job that persists, then computes...).
Dag mergeDags(const QList<Dag> &parts, QStringList *notes = nullptr);

// Dask-style key prefix: "read_csv-3f2a9c1b0d" -> "read_csv", "('sum', 3)" -> "sum".
QString namePrefix(const QString &name);

// Folds every set of more than `threshold` siblings into one group node with id
// "group:<first member id>", counts and bytes summed, state the worst of its members, edges merged.
// Siblings: the same name prefix, the same longest-path level, and the same inputs once those are
// folded (sources: the same shape of work below them), so parallel chains such as
// read-i -> map-i -> shuffle fold into one chain of groups. Keeps 10,000-node graphs readable;
// threshold <= 0 returns the graph unchanged.
Dag collapseFanOuts(const Dag &dag, int threshold);

} // namespace cdeck::dag

Q_DECLARE_METATYPE(cdeck::dag::Dag)
