// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/logs/logsource.h"

#include <QPointer>
#include <QSaveFile>

#include <memory>

namespace cdeck::logs {

// Copies a log to a file, 4 MiB at a time, as it is when the copy starts (bytes written later are not
// chased). The file appears whole or not at all (QSaveFile). Emits finished once; deleting it cancels.
class LogSaver : public QObject
{
    Q_OBJECT
public:
    LogSaver(LogByteSource *source, const QString &path, QObject *parent = nullptr);
    void start();
    void cancel();

Q_SIGNALS:
    void progress(qint64 written, qint64 total);
    void finished(bool ok, const QString &message);

private:
    void step();
    void finish(bool ok, const QString &message);

    QPointer<LogByteSource> m_source;
    std::unique_ptr<QSaveFile> m_file;
    qint64 m_total = -1; // fixed by the first read
    qint64 m_written = 0;
    bool m_done = false;
};

} // namespace cdeck::logs
