// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Layered layout of random and shuffle-shaped DAGs (10 to 10,000 nodes) by ours, by Graphviz dot
// and by dagre, in the same run: time, and proper crossings of straight centre-to-centre segments
// counted by the same function for all three. Prints a markdown table for docs/benchmarks.md.
//   bench_daglayout [--sizes 10,100,1000,10000] [--families random,shuffle]
//                   [--dot-timeout S] [--dagre-timeout S] [--no-dot] [--no-dagre]
// dagre is looked up through $DAGRE_NODE_PATH (default /tmp/dagre-bench/node_modules).
#include "core/dag/daglayout.h"
#include "core/dag/dagsamples.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>

using namespace Qt::StringLiterals;
using namespace cdeck::dag;

namespace {

struct Result
{
    std::optional<double> ms; // empty: did not finish
    qint64 crossings = -1;
    QString note;
    double cpuMs = -1; // ours only: CPU time of the layout (wall time suffers on a loaded machine)
};

const LayoutOptions kOptions; // 160x40 nodes, 24 between nodes, 60 between layers, 12 around edges

std::vector<std::pair<int, int>> edgeIndices(const Dag &dag)
{
    std::vector<std::pair<int, int>> e;
    for (const DagEdge &x : dag.edges())
        e.push_back({dag.indexOf(x.from), dag.indexOf(x.to)});
    return e;
}

Result runOurs(const Dag &dag, int repeats)
{
    std::vector<double> times, cpu;
    DagLayout layout;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        const std::clock_t c0 = std::clock();
        layout = layoutDag(dag, kOptions);
        cpu.push_back(double(std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC);
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    Result r{times[times.size() / 2], countCrossings(layout), {}, -1};
    r.cpuMs = cpu[cpu.size() / 2];
    return r;
}

// dot with the same sizes and gaps, labels empty so that only the given sizes count.
Result runDot(const Dag &dag, const QString &dir, int timeoutS)
{
    const QString path = dir + u"/graph.dot"_s;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {std::nullopt, -1, u"cannot write "_s + path};
    QTextStream out(&f);
    out << "digraph g {\n  graph [nodesep=" << kOptions.nodeGap / 72.0 << ", ranksep=" << kOptions.layerGap / 72.0
        << "];\n  node [shape=box, fixedsize=true, label=\"\", width=" << kOptions.defaultNodeSize.width() / 72.0
        << ", height=" << kOptions.defaultNodeSize.height() / 72.0 << "];\n";
    for (const DagNode &n : dag.nodes())
        out << "  \"" << n.id << "\";\n";
    for (const DagEdge &e : dag.edges())
        out << "  \"" << e.from << "\" -> \"" << e.to << "\";\n";
    out << "}\n";
    out.flush();
    f.close();

    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(u"/usr/bin/dot"_s, {u"-Tplain"_s, path});
    if (!p.waitForStarted())
        return {std::nullopt, -1, u"dot did not start"_s};
    if (!p.waitForFinished(timeoutS * 1000)) {
        p.kill();
        p.waitForFinished();
        return {std::nullopt, -1, u"over %1 s, stopped"_s.arg(timeoutS)};
    }
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (p.exitCode() != 0)
        return {std::nullopt, -1, u"dot failed: "_s + QString::fromUtf8(p.readAllStandardError()).trimmed()};
    std::vector<QPointF> centres(size_t(dag.nodeCount()));
    int seen = 0;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (!line.startsWith("node "))
            continue;
        const QList<QByteArray> tok = line.split(' ');
        if (tok.size() < 4)
            continue;
        QByteArray name = tok[1];
        if (name.startsWith('"'))
            name = name.mid(1, name.size() - 2);
        const int i = dag.indexOf(QString::fromUtf8(name));
        if (i < 0)
            continue;
        centres[size_t(i)] = QPointF(tok[2].toDouble() * 72.0, tok[3].toDouble() * 72.0);
        ++seen;
    }
    if (seen != dag.nodeCount())
        return {ms, -1, u"dot placed %1 of %2 nodes"_s.arg(seen).arg(dag.nodeCount())};
    return {ms, countCrossings(centres, edgeIndices(dag)), {}};
}

Result runDagre(const Dag &dag, const QString &dir, int timeoutS, const QString &nodePath)
{
    if (!QDir(nodePath + u"/dagre"_s).exists())
        return {std::nullopt, -1, u"dagre not installed in "_s + nodePath};
    QJsonArray nodes, edges;
    for (const DagNode &n : dag.nodes())
        nodes.append(QJsonObject{{"id"_L1, n.id}, {"w"_L1, kOptions.defaultNodeSize.width()},
                                 {"h"_L1, kOptions.defaultNodeSize.height()}});
    for (const DagEdge &e : dag.edges())
        edges.append(QJsonArray{e.from, e.to});
    const QString path = dir + u"/graph.json"_s;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {std::nullopt, -1, u"cannot write "_s + path};
    f.write(QJsonDocument(QJsonObject{{"nodes"_L1, nodes}, {"edges"_L1, edges}, {"nodesep"_L1, kOptions.nodeGap},
                                      {"ranksep"_L1, kOptions.layerGap}, {"edgesep"_L1, kOptions.edgeGap}})
                .toJson(QJsonDocument::Compact));
    f.close();

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NODE_PATH"_s, nodePath);
    p.setProcessEnvironment(env);
    p.start(u"node"_s, {QStringLiteral(CDECK_DAGRE_SCRIPT), path});
    if (!p.waitForStarted())
        return {std::nullopt, -1, u"node did not start"_s};
    if (!p.waitForFinished(timeoutS * 1000)) {
        p.kill();
        p.waitForFinished();
        return {std::nullopt, -1, u"over %1 s, stopped"_s.arg(timeoutS)};
    }
    if (p.exitCode() != 0) {
        const QString err = QString::fromUtf8(p.readAllStandardError());
        const bool overflow = err.contains(u"Maximum call stack size exceeded"_s);
        return {std::nullopt, -1, overflow ? u"stack overflow (RangeError)"_s : u"node failed: "_s + err.left(200).trimmed()};
    }
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonObject placed = o.value("nodes"_L1).toObject();
    std::vector<QPointF> centres(size_t(dag.nodeCount()));
    for (int i = 0; i < dag.nodeCount(); ++i) {
        const QJsonArray xy = placed.value(dag.nodes()[i].id).toArray();
        if (xy.size() != 2)
            return {o.value("ms"_L1).toDouble(), -1, u"dagre did not place "_s + dag.nodes()[i].id};
        centres[size_t(i)] = QPointF(xy[0].toDouble(), xy[1].toDouble());
    }
    return {o.value("ms"_L1).toDouble(), countCrossings(centres, edgeIndices(dag)), {}};
}

QString fmtTime(const Result &r)
{
    if (!r.ms)
        return r.note.isEmpty() ? u"-"_s : r.note;
    return *r.ms < 10 ? QString::number(*r.ms, 'f', 2) + u" ms"_s : QString::number(*r.ms, 'f', 0) + u" ms"_s;
}

QString fmtCross(const Result &r)
{
    return r.crossings < 0 ? u"-"_s : QString::number(r.crossings);
}

QString ratio(const std::optional<double> &a, const std::optional<double> &b)
{
    if (!a || !b || *b <= 0)
        return u"-"_s;
    return QString::number(*a / *b, 'g', 3);
}

QString crossRatio(const Result &a, const Result &b)
{
    if (a.crossings < 0 || b.crossings < 0)
        return u"-"_s;
    if (b.crossings == 0)
        return a.crossings == 0 ? u"1"_s : u"inf"_s;
    return QString::number(double(a.crossings) / double(b.crossings), 'f', 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> sizes{10, 100, 1000, 10000};
    QStringList families{u"random"_s, u"shuffle"_s};
    int dotTimeout = 300, dagreTimeout = 120;
    bool withDot = true, withDagre = true;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == "--sizes"_L1) {
            sizes.clear();
            for (const QString &s : next.split(u','))
                sizes.append(s.toInt());
            ++i;
        } else if (a == "--families"_L1) {
            families = next.split(u',');
            ++i;
        } else if (a == "--dot-timeout"_L1) {
            dotTimeout = next.toInt();
            ++i;
        } else if (a == "--dagre-timeout"_L1) {
            dagreTimeout = next.toInt();
            ++i;
        } else if (a == "--no-dot"_L1) {
            withDot = false;
        } else if (a == "--no-dagre"_L1) {
            withDagre = false;
        } else {
            std::fprintf(stderr, "unknown argument %s\n", qPrintable(a));
            return 2;
        }
    }
    const QString nodePath = qEnvironmentVariable("DAGRE_NODE_PATH", u"/tmp/dagre-bench/node_modules"_s);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary directory\n");
        return 1;
    }

    std::printf("| graph | nodes | edges | ours | ours CPU | dot | dagre | ours/dot time | ours/dagre time | crossings ours / dot / dagre | ours/dot crossings |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    bool goalsMet = true;
    for (const QString &family : families) {
        for (int size : sizes) {
            const Dag dag = family == "shuffle"_L1 ? shuffleShapedDag(size, 1) : randomLayeredDag(size, 1);
            const Result ours = runOurs(dag, size >= 10000 ? 3 : 5);
            const Result dot = withDot ? runDot(dag, dir.path(), dotTimeout) : Result{std::nullopt, -1, u"skipped"_s};
            const Result dagre = withDagre ? runDagre(dag, dir.path(), dagreTimeout, nodePath)
                                           : Result{std::nullopt, -1, u"skipped"_s};
            std::printf("| %s | %d | %d | %s | %.1f ms | %s | %s | %s | %s | %s / %s / %s | %s |\n", qPrintable(family),
                        dag.nodeCount(), dag.edgeCount(), qPrintable(fmtTime(ours)), ours.cpuMs, qPrintable(fmtTime(dot)),
                        qPrintable(fmtTime(dagre)), qPrintable(ratio(ours.ms, dot.ms)), qPrintable(ratio(ours.ms, dagre.ms)),
                        qPrintable(fmtCross(ours)), qPrintable(fmtCross(dot)), qPrintable(fmtCross(dagre)),
                        qPrintable(crossRatio(ours, dot)));
            std::fflush(stdout);
            // The goals: 1,000 nodes under 100 ms with no more crossings than dot; 10,000 under 2 s.
            if (size == 1000 && (*ours.ms >= 100.0 || (dot.crossings >= 0 && ours.crossings > dot.crossings)))
                goalsMet = false;
            if (size == 10000 && *ours.ms >= 2000.0)
                goalsMet = false;
        }
    }
    std::printf("\ngoals %s\n", goalsMet ? "met" : "NOT met");
    return goalsMet ? 0 : 1;
}
