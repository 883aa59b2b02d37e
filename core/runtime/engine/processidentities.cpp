// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "processidentities.h"

#include "core/runtime/processes.h"

#include <QFile>
#include <QSaveFile>

#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck::engine {

namespace {

QByteArray currentBootId()
{
    QFile f(u"/proc/sys/kernel/random/boot_id"_s);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}

QByteArray line(qint64 pid, const ProcessIdentity &id)
{
    return QByteArray::number(pid) + ' ' + QByteArray::number(id.startTime) + ' ' + id.bootId + '\n';
}

} // namespace

std::optional<ProcessIdentity> ProcessIdentity::of(qint64 pid)
{
    const std::optional<quint64> start = processes::startTime(pid);
    if (!start)
        return std::nullopt;
    return ProcessIdentity{*start, currentBootId()};
}

ProcessIdentities::ProcessIdentities(QString path)
    : m_path(std::move(path))
{
    load();
}

void ProcessIdentities::load()
{
    if (m_path.isEmpty())
        return;
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return; // none yet
    while (!f.atEnd()) {
        const QList<QByteArray> fields = f.readLine(256).trimmed().split(' ');
        bool pidOk = false;
        bool startOk = false;
        const qint64 pid = fields.value(0).toLongLong(&pidOk);
        const quint64 start = fields.value(1).toULongLong(&startOk);
        if (fields.size() == 3 && pidOk && startOk && pid > 1)
            m_known.insert(pid, ProcessIdentity{start, fields[2]}); // a later line for a pid wins
    }
    f.close();
    // Keep what may still be signalled; a stranger's pid or a group gone for good is forgotten.
    QByteArray kept;
    for (auto it = m_known.begin(); it != m_known.end();) {
        if (check(it.key()) == Verdict::Ours && processes::isGroupAlive(it.key())) {
            kept += line(it.key(), it.value());
            ++it;
        } else {
            it = m_known.erase(it);
        }
    }
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || out.write(kept) != kept.size() || !out.commit())
        spdlog::error("runtime: cannot rewrite {}: {}", m_path.toStdString(), out.errorString().toStdString());
}

bool ProcessIdentities::record(qint64 pid)
{
    const std::optional<ProcessIdentity> id = ProcessIdentity::of(pid);
    if (!id)
        return false;
    m_known.insert(pid, *id);
    if (m_path.isEmpty())
        return true;
    // Appended, so a crash loses nothing recorded before it.
    const int fd
        = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
    const QByteArray text = line(pid, *id);
    const bool written = fd >= 0 && ::write(fd, text.constData(), std::size_t(text.size())) == text.size();
    if (fd >= 0)
        ::close(fd);
    if (!written)
        spdlog::error("runtime: cannot record process {} in {}: a restarted runtime will not signal it", pid,
                      m_path.toStdString());
    return written;
}

ProcessIdentities::Verdict ProcessIdentities::check(qint64 pid) const
{
    const auto known = m_known.constFind(pid);
    if (known == m_known.cend())
        return Verdict::Unknown;
    const std::optional<ProcessIdentity> now = ProcessIdentity::of(pid);
    if (!now)
        return Verdict::Ours; // the leader is gone; its group (if any) is still the one we started
    return *now == *known ? Verdict::Ours : Verdict::Stranger;
}

} // namespace cdeck::engine
