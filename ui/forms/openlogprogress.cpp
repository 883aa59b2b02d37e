// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "openlogprogress.h"

#include "core/backend/spark/eventlogfeed.h"
#include "ui/backend/connection.h"
#include "ui/presentation.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace cdeck {

OpenLogProgress::OpenLogProgress(Connection *connection, QWidget *parent)
    : QProgressDialog(parent)
    , m_connection(connection)
{
    setObjectName(u"openLogProgress"_s);
    setWindowTitle(tr("Opening Spark event log"));
    setAccessibleName(tr("Progress of opening the event log"));
    setLabelText(tr("Reading %1…").arg(QDir::toNativeSeparators(connection->url().toLocalFile())));
    setCancelButtonText(tr("Cancel"));
    setRange(0, 1000);
    setValue(0);
    setAutoClose(false);
    setAutoReset(false);
    // A small log is read before the dialog would show: no flash.
    setMinimumDuration(400);
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    if (const auto *feed = qobject_cast<const EventLogFeed *>(connection->feed()))
        connect(feed, &EventLogFeed::readProgress, this, &OpenLogProgress::onProgress, Qt::QueuedConnection);
    connect(connection, &Connection::clusterListUpdated, this, &OpenLogProgress::finishIfRead);
    connect(connection, &Connection::stateChanged, this, &OpenLogProgress::finishIfRead);
    connect(connection, &QObject::destroyed, this, [this] {
        m_done = true;
        m_connection = nullptr;
        close();
    });
    connect(this, &QProgressDialog::canceled, this, [this] {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT cancelled();
        close();
    });
}

void OpenLogProgress::onProgress(qint64 bytes, qint64 total)
{
    if (m_done)
        return;
    m_bytes = bytes;
    m_total = total;
    const int permille = total > 0 ? int(std::clamp<qint64>(bytes * 1000 / total, 0, 1000)) : 0;
    setValue(permille);
    setLabelText(tr("Reading %1…\n%2 of %3")
                     .arg(QDir::toNativeSeparators(m_connection ? m_connection->url().toLocalFile() : QString()),
                          presentation::formatBytes(bytes), presentation::formatBytes(total)));
}

void OpenLogProgress::finishIfRead()
{
    if (m_done || !m_connection)
        return;
    if (!m_connection->hasClusterList() && m_connection->state() == ConnectionState::Connecting)
        return;
    m_done = true;
    setValue(maximum());
    close();
}

} // namespace cdeck
