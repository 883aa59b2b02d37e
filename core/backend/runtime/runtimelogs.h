// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/runtimetransport.h"
#include "core/backend/runtime/sseparser.h"
#include "core/logs/logsource.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkReply;

namespace cdeck {

// One entry of GET /clusters/{id}/logs.
struct LogSourceInfo
{
    QString name; // "scheduler", "w3", "job-00a1b2c3d4"
    QString kind; // "head", "executor", "job"
    QString state;
    bool live = false;
    qint64 size = 0;
};

// A cluster's log on a runtime, read by HTTP ranges (GET .../logs/{source} with Range) and followed
// through the runtime's Server-Sent Events (the events say how far the log grew; the model reads the new
// bytes by range, so what it shows is always bytes of the file). Lives on the thread that uses it.
class RuntimeLogSource : public logs::LogByteSource
{
    Q_OBJECT
public:
    // transport (RuntimeLogs') outlives the source.
    RuntimeLogSource(RuntimeTransport *transport, const QString &clusterId, const QString &source,
                     QObject *parent = nullptr);
    ~RuntimeLogSource() override;

    void read(qint64 offset, qint64 length, ChunkCallback done) override;
    void setFollowing(bool on) override;
    QString describe() const override;

private:
    QUrl logUrl() const;
    void onFollowData();
    void closeFollow();

    QPointer<RuntimeTransport> m_transport;
    QString m_clusterId;
    QString m_source;
    QPointer<QNetworkReply> m_follow;
    SseParser m_parser;
};

// The cluster's log sources and a source for each, for one runtime (the console's Logs tab).
class RuntimeLogs : public QObject
{
    Q_OBJECT
public:
    // tokenFile is read now; error() says why when it cannot be. The runtime's certificate is trusted as
    // RuntimeClient's is (the same RuntimeTransport, trust from the environment unless set).
    RuntimeLogs(const QUrl &baseUrl, const QString &tokenFile, QObject *parent = nullptr);
    void setTrust(const RuntimeTrust &trust) { m_transport->setTrust(trust); }

    QString error() const { return m_error; }
    using SourcesCallback = std::function<void(const QList<LogSourceInfo> &sources, const QString &error)>;
    void listSources(const QString &clusterId, SourcesCallback done);
    // The caller owns it (parent it).
    RuntimeLogSource *openSource(const QString &clusterId, const QString &source, QObject *parent);

private:
    QString m_error;
    RuntimeTransport *m_transport = nullptr;
};

} // namespace cdeck
