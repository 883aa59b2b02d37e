// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "dag.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace cdeck::dag {

namespace {

quint64 edgeKey(int from, int to)
{
    return (quint64(quint32(from)) << 32) | quint32(to);
}

bool isFinishedTaskState(const QString &s)
{
    return s == "memory"_L1 || s == "released"_L1 || s == "forgotten"_L1 || s == "completed"_L1
        || s == "done"_L1 || s == "complete"_L1;
}

QString dotQuote(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += u'"';
    for (const QChar c : s) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        if (c == u'\n') {
            out += u"\\n"_s;
            continue;
        }
        out += c;
    }
    out += u'"';
    return out;
}

QString humanBytes(qint64 bytes)
{
    static const char *const units[] = {"B", "KB", "MB", "GB", "TB", "PB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1000.0 && u < 5) {
        v /= 1000.0;
        ++u;
    }
    return u == 0 ? u"%1 B"_s.arg(bytes) : u"%1 %2"_s.arg(v, 0, 'f', 1).arg(QLatin1StringView(units[u]));
}

const char *stateColour(NodeState s)
{
    switch (s) {
    case NodeState::Pending:
        return "#d9d9d9";
    case NodeState::Running:
        return "#9ecae1";
    case NodeState::Completed:
        return "#a1d99b";
    case NodeState::Failed:
        return "#fc9272";
    }
    return "#ffffff";
}

void mergeSorted(QStringList &into, const QStringList &more)
{
    for (const QString &s : more)
        if (!into.contains(s))
            into.append(s);
    std::sort(into.begin(), into.end());
}

} // namespace

QString toString(NodeState state)
{
    switch (state) {
    case NodeState::Pending:
        return u"pending"_s;
    case NodeState::Running:
        return u"running"_s;
    case NodeState::Completed:
        return u"completed"_s;
    case NodeState::Failed:
        return u"failed"_s;
    }
    return {};
}

std::optional<NodeState> nodeStateFromString(const QString &text)
{
    for (NodeState s : {NodeState::Pending, NodeState::Running, NodeState::Completed, NodeState::Failed})
        if (toString(s) == text)
            return s;
    return std::nullopt;
}

NodeState stateFromDaskCounts(const QMap<QString, int> &counts)
{
    int total = 0, finished = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() <= 0)
            continue;
        if (it.key() == "erred"_L1)
            return NodeState::Failed;
        total += it.value();
        if (isFinishedTaskState(it.key()))
            finished += it.value();
    }
    if (total == 0)
        return NodeState::Pending;
    if (finished == total)
        return NodeState::Completed;
    const bool started = finished > 0 || counts.value(u"processing"_s) > 0;
    return started ? NodeState::Running : NodeState::Pending;
}

int DagNode::taskCount() const
{
    int total = 0;
    for (int c : counts)
        total += std::max(c, 0);
    return total;
}

double DagNode::progress() const
{
    const int total = taskCount();
    if (total == 0)
        return state == NodeState::Completed ? 1.0 : 0.0;
    int finished = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (isFinishedTaskState(it.key()))
            finished += std::max(it.value(), 0);
    return double(finished) / double(total);
}

const DagNode *Dag::node(const QString &id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_nodes[i];
}

int Dag::upsertNode(const DagNode &node)
{
    if (node.id.isEmpty())
        return -1;
    const auto it = m_index.constFind(node.id);
    if (it == m_index.cend()) {
        const int i = int(m_nodes.size());
        m_nodes.append(node);
        m_index.insert(node.id, i);
        return i;
    }
    DagNode &n = m_nodes[*it];
    const QDateTime start = (n.start.isValid() && (!node.start.isValid() || n.start < node.start)) ? n.start : node.start;
    const QDateTime stop = (n.stop.isValid() && (!node.stop.isValid() || n.stop > node.stop)) ? n.stop : node.stop;
    QStringList executors = n.executors;
    mergeSorted(executors, node.executors);
    QStringList members = n.members;
    mergeSorted(members, node.members);
    n = node;
    n.start = start;
    n.stop = stop;
    n.executors = executors;
    n.members = members;
    return *it;
}

bool Dag::addEdge(const DagEdge &edge, QString *error)
{
    const int from = indexOf(edge.from);
    const int to = indexOf(edge.to);
    if (from < 0 || to < 0) {
        if (error)
            *error = u"edge %1 -> %2: unknown node %3"_s.arg(edge.from, edge.to, from < 0 ? edge.from : edge.to);
        return false;
    }
    if (from == to)
        return false;
    const quint64 key = edgeKey(from, to);
    const auto it = m_edgeIndex.constFind(key);
    if (it != m_edgeIndex.cend()) {
        m_edges[*it].bytes = std::max(m_edges[*it].bytes, edge.bytes);
        return true;
    }
    m_edgeIndex.insert(key, int(m_edges.size()));
    m_edges.append(edge);
    return true;
}

void Dag::rebuildEdgeIndex()
{
    m_edgeIndex.clear();
    m_edgeIndex.reserve(m_edges.size());
    for (int i = 0; i < m_edges.size(); ++i)
        m_edgeIndex.insert(edgeKey(indexOf(m_edges[i].from), indexOf(m_edges[i].to)), i);
}

void Dag::merge(const Dag &other, QStringList *notes)
{
    if (m_jobId.isEmpty())
        m_jobId = other.m_jobId;
    for (const DagNode &n : other.m_nodes)
        upsertNode(n);
    for (const DagEdge &e : other.m_edges)
        addEdge(e);
    const QStringList broken = breakCycles();
    if (notes)
        *notes += broken;
}

QList<int> Dag::predecessors(int index) const
{
    QList<int> out;
    for (const DagEdge &e : m_edges)
        if (indexOf(e.to) == index)
            out.append(indexOf(e.from));
    return out;
}

QList<int> Dag::successors(int index) const
{
    QList<int> out;
    for (const DagEdge &e : m_edges)
        if (indexOf(e.from) == index)
            out.append(indexOf(e.to));
    return out;
}

// Iterative DFS (10,000-node chains must not overflow the stack); returns the edges (by index)
// that reach a node still on the DFS path.
static QList<int> backEdges(const Dag &dag)
{
    const int n = dag.nodeCount();
    std::vector<std::vector<std::pair<int, int>>> out(static_cast<size_t>(n)); // (to, edge index)
    for (int i = 0; i < dag.edgeCount(); ++i)
        out[size_t(dag.indexOf(dag.edges()[i].from))].push_back({dag.indexOf(dag.edges()[i].to), i});
    std::vector<char> colour(size_t(n), 0); // 0 new, 1 on path, 2 done
    std::vector<std::pair<int, size_t>> stack;
    QList<int> back;
    for (int root = 0; root < n; ++root) {
        if (colour[size_t(root)])
            continue;
        colour[size_t(root)] = 1;
        stack.push_back({root, 0});
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            if (next < out[size_t(v)].size()) {
                const auto [w, e] = out[size_t(v)][next++];
                if (colour[size_t(w)] == 1)
                    back.append(e);
                else if (colour[size_t(w)] == 0) {
                    colour[size_t(w)] = 1;
                    stack.push_back({w, 0});
                }
            } else {
                colour[size_t(v)] = 2;
                stack.pop_back();
            }
        }
    }
    return back;
}

bool Dag::hasCycle() const
{
    return !backEdges(*this).isEmpty();
}

QStringList Dag::breakCycles()
{
    QList<int> back = backEdges(*this);
    if (back.isEmpty())
        return {};
    QStringList notes;
    std::sort(back.begin(), back.end());
    for (int i = int(back.size()) - 1; i >= 0; --i) {
        const DagEdge &e = m_edges[back[i]];
        notes.prepend(u"dropped edge %1 -> %2: it closes a cycle"_s.arg(e.from, e.to));
        m_edges.removeAt(back[i]);
    }
    rebuildEdgeIndex();
    return notes;
}

QJsonObject Dag::toJson() const
{
    QJsonArray nodes;
    for (const DagNode &n : m_nodes) {
        QJsonObject counts;
        for (auto it = n.counts.cbegin(); it != n.counts.cend(); ++it)
            counts.insert(it.key(), it.value());
        QJsonObject o{{"id"_L1, n.id},          {"name"_L1, n.name},   {"state"_L1, toString(n.state)},
                      {"counts"_L1, counts},    {"bytes"_L1, n.bytes}, {"durationS"_L1, n.durationS}};
        if (n.start.isValid())
            o.insert("start"_L1, n.start.toUTC().toString(Qt::ISODateWithMs));
        if (n.stop.isValid())
            o.insert("stop"_L1, n.stop.toUTC().toString(Qt::ISODateWithMs));
        if (!n.executors.isEmpty())
            o.insert("executors"_L1, QJsonArray::fromStringList(n.executors));
        if (n.retried > 0)
            o.insert("retried"_L1, n.retried);
        if (!n.members.isEmpty())
            o.insert("members"_L1, QJsonArray::fromStringList(n.members));
        nodes.append(o);
    }
    QJsonArray edges;
    for (const DagEdge &e : m_edges)
        edges.append(QJsonObject{{"from"_L1, e.from}, {"to"_L1, e.to}, {"bytes"_L1, e.bytes}});
    return QJsonObject{{"jobId"_L1, m_jobId}, {"nodes"_L1, nodes}, {"edges"_L1, edges}};
}

QByteArray Dag::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

namespace {

// Readers that name the offending field ("nodes[3].bytes: ...") and never throw.
struct Reader
{
    QString where;
    QString *error;

    bool fail(const QString &what) const
    {
        if (error)
            *error = where + u": "_s + what;
        return false;
    }
    bool string(const QJsonObject &o, QLatin1StringView key, QString *out, bool required) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && !required)
            return true;
        if (!v.isString())
            return Reader{where + u"."_s + key, error}.fail(u"expected a string"_s);
        *out = v.toString();
        return true;
    }
    bool count(const QJsonValue &v, QLatin1StringView key, qint64 max, qint64 *out) const
    {
        const double d = v.toDouble(-1.0);
        if (!v.isDouble() || !std::isfinite(d) || d < 0 || d != std::floor(d) || d > double(max))
            return Reader{where + u"."_s + key, error}.fail(u"expected a non-negative integer"_s);
        *out = qint64(d);
        return true;
    }
    bool stringList(const QJsonObject &o, QLatin1StringView key, QStringList *out) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isArray())
            return Reader{where + u"."_s + key, error}.fail(u"expected an array of strings"_s);
        for (const QJsonValue &s : v.toArray()) {
            if (!s.isString())
                return Reader{where + u"."_s + key, error}.fail(u"expected an array of strings"_s);
            out->append(s.toString());
        }
        return true;
    }
    bool time(const QJsonObject &o, QLatin1StringView key, QDateTime *out) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        if (v.isString()) {
            *out = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
            if (out->isValid()) {
                *out = out->toUTC();
                return true;
            }
        }
        return Reader{where + u"."_s + key, error}.fail(u"expected an ISO 8601 time"_s);
    }
};

} // namespace

std::optional<Dag> Dag::fromJson(const QJsonObject &o, QString *error)
{
    Dag dag;
    Reader top{u"dag"_s, error};
    if (!top.string(o, "jobId"_L1, &dag.m_jobId, false))
        return std::nullopt;
    const QJsonValue nodesV = o.value("nodes"_L1);
    const QJsonValue edgesV = o.value("edges"_L1);
    if (!nodesV.isArray())
        return top.fail(u"\"nodes\" must be an array"_s), std::nullopt;
    if (!edgesV.isArray() && !edgesV.isUndefined())
        return top.fail(u"\"edges\" must be an array"_s), std::nullopt;

    const QJsonArray nodes = nodesV.toArray();
    dag.m_nodes.reserve(nodes.size());
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const Reader r{u"nodes[%1]"_s.arg(i), error};
        if (!nodes[i].isObject())
            return r.fail(u"expected an object"_s), std::nullopt;
        const QJsonObject no = nodes[i].toObject();
        DagNode n;
        QString state;
        if (!r.string(no, "id"_L1, &n.id, true) || !r.string(no, "name"_L1, &n.name, false)
            || !r.string(no, "state"_L1, &state, true))
            return std::nullopt;
        if (n.id.isEmpty())
            return r.fail(u"id: must not be empty"_s), std::nullopt;
        if (dag.contains(n.id))
            return r.fail(u"id: duplicate id \"%1\""_s.arg(n.id)), std::nullopt;
        const auto s = nodeStateFromString(state);
        if (!s)
            return r.fail(u"state: unknown state \"%1\""_s.arg(state)), std::nullopt;
        n.state = *s;
        const QJsonValue countsV = no.value("counts"_L1);
        if (!countsV.isUndefined() && !countsV.isNull()) {
            if (!countsV.isObject())
                return r.fail(u"counts: expected an object of task counts"_s), std::nullopt;
            const QJsonObject counts = countsV.toObject();
            for (auto it = counts.begin(); it != counts.end(); ++it) {
                qint64 c = 0;
                if (!Reader{r.where + u".counts"_s, error}.count(it.value(), QLatin1StringView(it.key().toLatin1()),
                                                                  std::numeric_limits<int>::max(), &c))
                    return std::nullopt;
                n.counts.insert(it.key(), int(c));
            }
        }
        const QJsonValue bytesV = no.value("bytes"_L1);
        if (!bytesV.isUndefined() && !r.count(bytesV, "bytes"_L1, qint64(1) << 53, &n.bytes))
            return std::nullopt;
        const QJsonValue durV = no.value("durationS"_L1);
        if (!durV.isUndefined()) {
            const double d = durV.toDouble(-1.0);
            if (!durV.isDouble() || !std::isfinite(d) || d < 0)
                return r.fail(u"durationS: expected a non-negative number"_s), std::nullopt;
            n.durationS = d;
        }
        const QJsonValue retriedV = no.value("retried"_L1);
        qint64 retried = 0;
        if (!retriedV.isUndefined() && !r.count(retriedV, "retried"_L1, std::numeric_limits<int>::max(), &retried))
            return std::nullopt;
        n.retried = int(retried);
        if (!r.time(no, "start"_L1, &n.start) || !r.time(no, "stop"_L1, &n.stop)
            || !r.stringList(no, "executors"_L1, &n.executors) || !r.stringList(no, "members"_L1, &n.members))
            return std::nullopt;
        std::sort(n.executors.begin(), n.executors.end());
        n.executors.erase(std::unique(n.executors.begin(), n.executors.end()), n.executors.end());
        dag.m_index.insert(n.id, int(dag.m_nodes.size()));
        dag.m_nodes.append(n);
    }

    const QJsonArray edges = edgesV.toArray();
    dag.m_edges.reserve(edges.size());
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const Reader r{u"edges[%1]"_s.arg(i), error};
        if (!edges[i].isObject())
            return r.fail(u"expected an object"_s), std::nullopt;
        const QJsonObject eo = edges[i].toObject();
        DagEdge e;
        if (!r.string(eo, "from"_L1, &e.from, true) || !r.string(eo, "to"_L1, &e.to, true))
            return std::nullopt;
        const QJsonValue bytesV = eo.value("bytes"_L1);
        if (!bytesV.isUndefined() && !r.count(bytesV, "bytes"_L1, qint64(1) << 53, &e.bytes))
            return std::nullopt;
        if (e.from == e.to)
            return r.fail(u"self-edge on \"%1\""_s.arg(e.from)), std::nullopt;
        const int from = dag.indexOf(e.from), to = dag.indexOf(e.to);
        if (from < 0 || to < 0)
            return r.fail(u"unknown node \"%1\""_s.arg(from < 0 ? e.from : e.to)), std::nullopt;
        if (dag.m_edgeIndex.contains(edgeKey(from, to)))
            return r.fail(u"duplicate edge %1 -> %2"_s.arg(e.from, e.to)), std::nullopt;
        dag.m_edgeIndex.insert(edgeKey(from, to), int(dag.m_edges.size()));
        dag.m_edges.append(e);
    }
    const QList<int> back = backEdges(dag);
    if (!back.isEmpty()) {
        const DagEdge &e = dag.m_edges[back.first()];
        return top.fail(u"edges: cycle through %1 -> %2"_s.arg(e.from, e.to)), std::nullopt;
    }
    return dag;
}

std::optional<Dag> Dag::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        if (error)
            *error = u"dag: invalid JSON at offset %1: %2"_s.arg(pe.offset).arg(pe.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = u"dag: expected a JSON object"_s;
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

QString Dag::toDot() const
{
    QString out;
    out += u"digraph "_s + dotQuote(m_jobId.isEmpty() ? u"dag"_s : m_jobId) + u" {\n"_s;
    out += u"  graph [rankdir=TB];\n  node [shape=box, style=\"rounded,filled\", fontname=\"sans\"];\n"_s;
    for (const DagNode &n : m_nodes) {
        const int total = n.taskCount();
        QString label = n.name.isEmpty() ? n.id : n.name;
        label += u"\n"_s + toString(n.state);
        if (total > 0)
            label += u" %1/%2"_s.arg(int(std::lround(n.progress() * total))).arg(total);
        if (n.bytes > 0)
            label += u", "_s + humanBytes(n.bytes);
        out += u"  "_s + dotQuote(n.id) + u" [label="_s + dotQuote(label) + u", state="_s + toString(n.state)
            + u", fillcolor=\""_s + QLatin1StringView(stateColour(n.state)) + u"\", bytes="_s
            + QString::number(n.bytes) + u"];\n"_s;
    }
    qint64 maxBytes = 1;
    for (const DagEdge &e : m_edges)
        maxBytes = std::max(maxBytes, e.bytes);
    for (const DagEdge &e : m_edges) {
        // Width by bytes moved, as in the console view: 1 to 5 points, log-scaled.
        const double width = 1.0 + 4.0 * std::log1p(double(e.bytes)) / std::log1p(double(maxBytes));
        out += u"  "_s + dotQuote(e.from) + u" -> "_s + dotQuote(e.to) + u" [bytes="_s + QString::number(e.bytes)
            + u", penwidth="_s + QString::number(width, 'f', 2) + u"];\n"_s;
    }
    out += u"}\n"_s;
    return out;
}

std::optional<Dag> Dag::fromText(QStringView text, QString *error)
{
    Dag dag;
    const auto statements = text.split(QRegularExpression(u"[;\\n]"_s));
    for (const QStringView statement : statements) {
        if (statement.trimmed().isEmpty())
            continue;
        const auto names = statement.split(u"->"_s);
        QString previous;
        for (const QStringView raw : names) {
            const QString name = raw.trimmed().toString();
            if (name.isEmpty()) {
                if (error)
                    *error = u"fixture: empty node name in \"%1\""_s.arg(statement.trimmed());
                return std::nullopt;
            }
            if (!dag.contains(name)) {
                DagNode node;
                node.id = name;
                node.name = name;
                dag.upsertNode(node);
            }
            if (!previous.isEmpty())
                dag.addEdge({previous, name, 0});
            previous = name;
        }
    }
    return dag;
}

Dag mergeDags(const QList<Dag> &parts, QStringList *notes)
{
    Dag out;
    for (const Dag &d : parts)
        out.merge(d, notes);
    return out;
}

QString namePrefix(const QString &name)
{
    QString s = name.trimmed();
    // Dask tuple keys "('sum', 3)" or "('sum-abc123', 3)": the first element carries the name.
    static const QRegularExpression tuple(u"^\\(\\s*['\"]([^'\"]*)['\"]"_s);
    if (const auto m = tuple.match(s); m.hasMatch())
        s = m.captured(1);
    QStringList parts = s.split(u'-');
    // Drop trailing tokens (hex hashes, numbers) the way dask.utils.key_split does.
    static const QRegularExpression token(u"^([0-9a-f]{8,}|[0-9]+)$"_s);
    while (parts.size() > 1 && token.match(parts.last()).hasMatch())
        parts.removeLast();
    return parts.join(u'-');
}

Dag collapseFanOuts(const Dag &dag, int threshold)
{
    if (threshold <= 0 || dag.nodeCount() <= threshold)
        return dag;
    const int n = dag.nodeCount();
    std::vector<std::vector<int>> preds(static_cast<size_t>(n)), succs(static_cast<size_t>(n));
    for (const DagEdge &e : dag.edges()) {
        const int f = dag.indexOf(e.from), t = dag.indexOf(e.to);
        succs[size_t(f)].push_back(t);
        preds[size_t(t)].push_back(f);
    }
    std::vector<QString> prefix(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        prefix[size_t(i)] = namePrefix(dag.nodes()[i].name.isEmpty() ? dag.nodes()[i].id : dag.nodes()[i].name);

    // Levels (longest path from a source) in topological order; nodes on a cycle go last, unfolded inputs.
    std::vector<int> level(static_cast<size_t>(n), 0), indegree(static_cast<size_t>(n), 0), topo;
    topo.reserve(size_t(n));
    for (int i = 0; i < n; ++i)
        indegree[size_t(i)] = int(preds[size_t(i)].size());
    for (int i = 0; i < n; ++i)
        if (indegree[size_t(i)] == 0)
            topo.push_back(i);
    for (size_t k = 0; k < topo.size(); ++k)
        for (int t : succs[size_t(topo[k])]) {
            level[size_t(t)] = std::max(level[size_t(t)], level[size_t(topo[k])] + 1);
            if (--indegree[size_t(t)] == 0)
                topo.push_back(t);
        }
    const bool acyclic = topo.size() == size_t(n);
    int maxLevel = 0;
    for (int i = 0; i < n; ++i)
        maxLevel = std::max(maxLevel, level[size_t(i)]);
    if (!acyclic)
        for (int i = 0; i < n; ++i)
            if (indegree[size_t(i)] > 0)
                level[size_t(i)] = maxLevel + 1;

    // The shape below a node (its prefix and the shapes of what it feeds): sources are folded when they
    // feed the same kind of work, e.g. read-1 -> map-1 and read-2 -> map-2 (each map then has its own input).
    std::vector<size_t> below(static_cast<size_t>(n), 0);
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
        std::vector<size_t> parts;
        for (int t : succs[size_t(*it)])
            parts.push_back(below[size_t(t)]);
        std::sort(parts.begin(), parts.end());
        parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
        size_t h = qHash(prefix[size_t(*it)]);
        for (size_t p : parts)
            h = qHashMulti(h, p);
        below[size_t(*it)] = h;
    }

    // Level by level: siblings share a prefix and the same inputs once those inputs are folded, so parallel
    // chains (read-i -> map-i -> shuffle) fold into one chain of groups.
    std::vector<QString> groupId(static_cast<size_t>(n));
    std::vector<QList<int>> membersOf(static_cast<size_t>(n));
    std::vector<std::vector<int>> byLevel(static_cast<size_t>(maxLevel + 2));
    for (int i = 0; i < n; ++i)
        byLevel[size_t(level[size_t(i)])].push_back(i);
    for (const std::vector<int> &nodes : byLevel) {
        QHash<QString, QList<int>> groups;
        std::vector<QString> keys;
        keys.reserve(nodes.size());
        for (int i : nodes) {
            QString key;
            if (preds[size_t(i)].empty()) {
                key = u"s:"_s + QString::number(below[size_t(i)]);
            } else {
                QStringList inputs;
                for (int p : preds[size_t(i)])
                    inputs.append(acyclic && !groupId[size_t(p)].isEmpty() ? groupId[size_t(p)] : dag.nodes()[p].id);
                inputs.sort();
                inputs.removeDuplicates();
                key = u"p:"_s + inputs.join(u'\x1f');
            }
            key += u'|' + prefix[size_t(i)];
            keys.push_back(key);
            groups[key].append(i);
        }
        for (size_t k = 0; k < nodes.size(); ++k) {
            const int i = nodes[k];
            const QList<int> &members = groups[keys[k]]; // in index order: levels are filled in index order
            if (members.size() > threshold) {
                groupId[size_t(i)] = u"group:"_s + dag.nodes()[members.first()].id;
                membersOf[size_t(i)] = members;
            } else {
                groupId[size_t(i)] = dag.nodes()[i].id;
                membersOf[size_t(i)] = {i};
            }
        }
    }

    Dag out;
    out.setJobId(dag.jobId());
    std::vector<QString> mapped(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const QList<int> &members = membersOf[size_t(i)];
        if (members.size() <= threshold) {
            out.upsertNode(dag.nodes()[i]);
            mapped[size_t(i)] = dag.nodes()[i].id;
            continue;
        }
        mapped[size_t(i)] = groupId[size_t(i)];
        if (members.first() != i)
            continue;
        DagNode g;
        g.id = groupId[size_t(i)];
        const DagNode &first = dag.nodes()[i];
        g.name = u"%1 ×%2"_s.arg(namePrefix(first.name.isEmpty() ? first.id : first.name)).arg(members.size());
        bool anyFailed = false, anyRunning = false, allDone = true, allPending = true;
        for (int m : members) {
            const DagNode &mn = dag.nodes()[m];
            g.members.append(mn.id);
            for (auto it = mn.counts.cbegin(); it != mn.counts.cend(); ++it)
                g.counts[it.key()] += it.value();
            g.bytes += mn.bytes;
            g.durationS += mn.durationS;
            g.retried += mn.retried;
            if (mn.start.isValid() && (!g.start.isValid() || mn.start < g.start))
                g.start = mn.start;
            if (mn.stop.isValid() && (!g.stop.isValid() || mn.stop > g.stop))
                g.stop = mn.stop;
            mergeSorted(g.executors, mn.executors);
            anyFailed |= mn.state == NodeState::Failed;
            anyRunning |= mn.state == NodeState::Running;
            allDone &= mn.state == NodeState::Completed;
            allPending &= mn.state == NodeState::Pending;
        }
        g.state = anyFailed ? NodeState::Failed
            : allDone       ? NodeState::Completed
            : allPending    ? NodeState::Pending
                            : NodeState::Running;
        (void)anyRunning; // a mix of done and pending is running too
        out.upsertNode(g);
    }
    // Edges folded together carry the sum of their transfers: they were distinct edges.
    QHash<QPair<QString, QString>, qint64> bytes;
    QList<QPair<QString, QString>> order;
    for (const DagEdge &e : dag.edges()) {
        const QPair<QString, QString> key{mapped[size_t(dag.indexOf(e.from))], mapped[size_t(dag.indexOf(e.to))]};
        if (key.first == key.second)
            continue;
        auto it = bytes.find(key);
        if (it == bytes.end()) {
            bytes.insert(key, e.bytes);
            order.append(key);
        } else {
            *it += e.bytes;
        }
    }
    for (const auto &key : order)
        out.addEdge({key.first, key.second, bytes.value(key)});
    return out;
}

} // namespace cdeck::dag
