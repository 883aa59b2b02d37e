// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/runtime/runtimemetrics.h"

#include <QByteArray>
#include <QHash>
#include <QHttpServerResponder>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace cdeck {

struct ApiCall;
struct SampleBatch;
class Supervisor;

// The metrics routes: a cluster's metric history (queried on the store's thread), its live stream (Server-Sent
// Events: a 'samples' event per sampling, a 'cluster' event on each change, an 'end' when the cluster ends)
// and the runtime's own Prometheus metrics.
class MetricsRoutes : public QObject
{
    Q_OBJECT
public:
    explicit MetricsRoutes(Supervisor &supervisor, QObject *parent = nullptr);

    void metrics(ApiCall &call);
    void metricsStream(ApiCall &call);
    void prometheus(ApiCall &call);

private:
    // A live metrics stream: the responder is kept so writeBody can go on; its socket is owned by the server
    // and may vanish when the client leaves, hence the QPointer.
    struct Stream
    {
        QString clusterId;
        std::shared_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        QByteArray lastCluster; // the data of the last 'cluster' event it got: only changes are sent
        // Each job's state as the stream last told it (or as it stood when the stream opened): a 'job' event goes
        // out when it changes.
        QHash<QString, QString> jobStates;
    };

    RuntimeMetricsSnapshot metricsSnapshot() const;
    void onSampled(const SampleBatch &batch);
    // A 'cluster' event to each stream of the cluster whose cluster or executors' states changed since its last,
    // and a 'job' event for each job whose state changed since the stream last heard of it.
    void sendClusterEvents(const QString &clusterId);
    void endStreams(const QString &clusterId, const QString &state);

    Supervisor &m_supervisor;
    QList<Stream> m_streams;
    // The context of the sockets' disconnected handlers, which search m_streams. Declared last, so it dies
    // first and takes those connections with it: the sockets close while the server dies (ApiServer declares
    // this object after its QHttpServer), after m_streams.
    QObject m_streamHandlers;
};

} // namespace cdeck
