// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "runtimemetrics.h"

#include <functional>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 17);
}

// One family: its HELP and TYPE lines, then its samples (none: the family is still declared).
void family(QByteArray &out, const char *name, const char *type, const char *help,
            const std::function<void(QByteArray &)> &samples)
{
    out += "# HELP "_ba + name + ' ' + help + "\n# TYPE "_ba + name + ' ' + type + '\n';
    samples(out);
}

void sample(QByteArray &out, const char *name, const QList<std::pair<const char *, QString>> &labels, double value)
{
    out += name;
    if (!labels.isEmpty()) {
        out += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0)
                out += ',';
            out += labels[i].first + "=\""_ba + escapeLabelValue(labels[i].second) + '"';
        }
        out += '}';
    }
    out += ' ' + number(value) + '\n';
}

} // namespace

QByteArray escapeLabelValue(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray renderPrometheus(const RuntimeMetricsSnapshot &s)
{
    QByteArray out;
    family(out, "clusterdeck_clusters", "gauge", "Clusters the runtime knows, by state.", [&](QByteArray &o) {
        for (auto it = s.clustersByState.cbegin(); it != s.clustersByState.cend(); ++it)
            sample(o, "clusterdeck_clusters", {{"state", it.key()}}, it.value());
    });
    family(out, "clusterdeck_executors", "gauge", "Live executors of each live cluster, by status.",
           [&](QByteArray &o) {
               QMap<std::pair<QString, QString>, int> counts;
               for (const auto &e : s.executors)
                   ++counts[{e.cluster, e.status}];
               for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                   sample(o, "clusterdeck_executors", {{"cluster", it.key().first}, {"status", it.key().second}},
                          it.value());
           });
    family(out, "clusterdeck_executor_memory_bytes", "gauge",
           "An executor's memory as its engine reports it: managed, unmanaged (process memory not managed) and "
           "spilled to disk.",
           [&](QByteArray &o) {
               for (const auto &e : s.executors) {
                   sample(o, "clusterdeck_executor_memory_bytes",
                          {{"cluster", e.cluster}, {"executor", e.executor}, {"type", u"managed"_s}},
                          double(e.memoryManagedBytes));
                   sample(o, "clusterdeck_executor_memory_bytes",
                          {{"cluster", e.cluster}, {"executor", e.executor}, {"type", u"unmanaged"_s}},
                          double(e.memoryUnmanagedBytes));
                   sample(o, "clusterdeck_executor_memory_bytes",
                          {{"cluster", e.cluster}, {"executor", e.executor}, {"type", u"spilled"_s}},
                          double(e.memorySpilledBytes));
               }
           });
    family(out, "clusterdeck_executor_memory_limit_bytes", "gauge", "An executor's memory limit.", [&](QByteArray &o) {
        for (const auto &e : s.executors)
            sample(o, "clusterdeck_executor_memory_limit_bytes", {{"cluster", e.cluster}, {"executor", e.executor}},
                   double(e.memoryLimitBytes));
    });
    family(out, "clusterdeck_executor_shuffle_received_bytes_total", "counter",
           "Bytes an executor received from other executors (rate() is its incoming shuffle rate).",
           [&](QByteArray &o) {
               for (const auto &e : s.executors)
                   sample(o, "clusterdeck_executor_shuffle_received_bytes_total",
                          {{"cluster", e.cluster}, {"executor", e.executor}}, double(e.shuffleReceivedBytes));
           });
    family(out, "clusterdeck_executor_shuffle_sent_bytes_total", "counter",
           "Bytes an executor sent to other executors (rate() is its outgoing shuffle rate).", [&](QByteArray &o) {
               for (const auto &e : s.executors)
                   sample(o, "clusterdeck_executor_shuffle_sent_bytes_total",
                          {{"cluster", e.cluster}, {"executor", e.executor}}, double(e.shuffleSentBytes));
           });
    family(out, "clusterdeck_cluster_cost_dollars_per_hour", "gauge",
           "What a live cluster's open instances cost per hour now, from the runtime's cost ledger.",
           [&](QByteArray &o) {
               for (const auto &c : s.clusters)
                   sample(o, "clusterdeck_cluster_cost_dollars_per_hour", {{"cluster", c.cluster}, {"name", c.name}},
                          c.dollarsPerHour);
           });
    family(out, "clusterdeck_cost_dollars_per_hour", "gauge", "What every live cluster costs per hour now.",
           [&](QByteArray &o) {
               double total = 0;
               for (const auto &c : s.clusters)
                   total += c.dollarsPerHour;
               sample(o, "clusterdeck_cost_dollars_per_hour", {}, total);
           });
    family(out, "clusterdeck_open_incidents", "gauge", "Incidents of a live cluster not yet ended.",
           [&](QByteArray &o) {
               for (const auto &c : s.clusters)
                   if (c.openIncidents >= 0)
                       sample(o, "clusterdeck_open_incidents", {{"cluster", c.cluster}}, c.openIncidents);
           });
    return out;
}

} // namespace cdeck
