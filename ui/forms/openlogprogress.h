// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProgressDialog>

namespace cdeck {

class Connection;

// Opening a Spark event log: how far the read has come (bytes of the log, from the reader's progress) and a
// Cancel that gives up the open. Closes itself once the log has been read; cancelled() asks the window to forget
// the connection, which stops the reader and leaves the console as it was.
class OpenLogProgress : public QProgressDialog
{
    Q_OBJECT
public:
    OpenLogProgress(Connection *connection, QWidget *parent = nullptr);

    qint64 bytesRead() const { return m_bytes; }
    qint64 bytesTotal() const { return m_total; }

Q_SIGNALS:
    void cancelled(); // the user gave up the open (Cancel, Escape or the window's close)

private:
    void onProgress(qint64 bytes, qint64 total);
    void finishIfRead();

    Connection *m_connection;
    qint64 m_bytes = 0;
    qint64 m_total = 0;
    bool m_done = false;
};

} // namespace cdeck
