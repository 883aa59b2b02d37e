// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A ResourceManager's /ws/v1/cluster answers, as anyone on the network path may send them. Every reader gets
// the same document; what each accepts goes through the conversions the console shows (cluster, executors,
// jobs, states).
#include "core/backend/yarn/yarnmodel.h"
#include "fuzzcheck.h"

#include <QJsonDocument>

#include <cstdint>

using namespace cdeck;
using namespace cdeck::yarn;

namespace {

template <typename T> bool answered(const std::optional<T> &result, QString *error)
{
    FUZZ_CHECK(result.has_value() == error->isEmpty());
    const bool ok = result.has_value();
    error->clear();
    return ok;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QJsonParseError parseError;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return 0;
    const QJsonValue body = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());

    QString error;
    YarnCluster cluster;
    if (const auto info = parseClusterInfo(body, &error); answered(info, &error))
        cluster.info = *info;
    if (const auto metrics = parseClusterMetrics(body, &error); answered(metrics, &error))
        cluster.metrics = *metrics;
    (void)toClusterInfo(cluster, QStringLiteral("rm"), QStringLiteral("http://127.0.0.1:8088"));
    if (const auto nodes = parseNodes(body, &error); answered(nodes, &error))
        for (const YarnNode &n : *nodes)
            (void)toExecutor(n);
    if (const auto node = parseNode(body, &error); answered(node, &error))
        (void)executorStatus(node->state);
    if (const auto apps = parseApps(body, &error); answered(apps, &error))
        for (const YarnApp &a : *apps)
            (void)toJob(a);
    if (const auto app = parseApp(body, &error); answered(app, &error))
        (void)jobState(app->state, app->finalStatus);
    if (const auto state = parseAppState(body, &error); answered(state, &error))
        (void)jobState(*state, QString());
    (void)parseRemoteException(body);
    return 0;
}
