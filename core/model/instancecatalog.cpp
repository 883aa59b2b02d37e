// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "instancecatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck {

QJsonObject InstanceType::toJson() const
{
    return {{u"name"_s, name},
            {u"threads"_s, threads},
            {u"memoryLimitBytes"_s, double(memoryLimitBytes)},
            {u"referenceType"_s, referenceType},
            {u"description"_s, description},
            {u"maxWorkers"_s, maxWorkers}};
}

InstanceType InstanceType::fromJson(const QJsonObject &o)
{
    InstanceType t;
    t.name = o.value(u"name"_s).toString();
    t.threads = o.value(u"threads"_s).toInt(1);
    t.memoryLimitBytes = qint64(o.value(u"memoryLimitBytes"_s).toDouble());
    t.referenceType = o.value(u"referenceType"_s).toString();
    t.description = o.value(u"description"_s).toString();
    t.maxWorkers = o.value(u"maxWorkers"_s).toInt(1);
    return t;
}

qint64 InstanceCatalog::physicalMemoryBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? qint64(pages) * pageSize : qint64(8) << 30;
}

int InstanceCatalog::maxWorkersFor(qint64 memoryLimitBytes, qint64 physicalMemoryBytes)
{
    const qint64 perWorker = std::max<qint64>(memoryLimitBytes, qint64(256) << 20);
    const qint64 n = (physicalMemoryBytes / 10 * 9) / perWorker;
    return int(std::clamp<qint64>(n, 1, 64));
}

void InstanceCatalog::setPhysicalMemory(qint64 bytes)
{
    for (InstanceType &t : m_types)
        t.maxWorkers = maxWorkersFor(t.memoryLimitBytes, bytes);
}

std::optional<InstanceType> InstanceCatalog::find(const QString &name) const
{
    for (const InstanceType &t : m_types)
        if (t.name == name)
            return t;
    return std::nullopt;
}

std::optional<InstanceType> InstanceCatalog::nextLarger(const QString &name) const
{
    const std::optional<InstanceType> current = find(name);
    if (!current)
        return std::nullopt;
    std::optional<InstanceType> best;
    for (const InstanceType &t : m_types) {
        if (t.memoryLimitBytes <= current->memoryLimitBytes)
            continue;
        if (!best || t.memoryLimitBytes < best->memoryLimitBytes
            || (t.memoryLimitBytes == best->memoryLimitBytes && t.threads > best->threads))
            best = t;
    }
    return best;
}

std::optional<InstanceCatalog> InstanceCatalog::load(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"cannot read instance catalog %1: %2"_s.arg(path, f.errorString());
        return std::nullopt;
    }
    auto catalog = fromJson(f.read(1 << 20), error);
    if (!catalog)
        *error = path + u": "_s + *error;
    return catalog;
}

std::optional<InstanceCatalog> InstanceCatalog::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString() : u"expected an object"_s;
        return std::nullopt;
    }
    InstanceCatalog c;
    c.m_defaultType = doc.object().value(u"default"_s).toString();
    const QJsonArray profiles = doc.object().value(u"profiles"_s).toArray();
    for (const QJsonValue &v : profiles) {
        const QJsonObject o = v.toObject();
        InstanceType t;
        t.name = o.value(u"name"_s).toString();
        t.threads = o.value(u"threads"_s).toInt(0);
        t.memoryLimitBytes = qint64(o.value(u"memoryLimitBytes"_s).toDouble(0));
        t.referenceType = o.value(u"referenceType"_s).toString();
        t.description = o.value(u"description"_s).toString();
        if (t.name.isEmpty() || t.threads < 1 || t.threads > 64 || t.memoryLimitBytes < (qint64(64) << 20)) {
            *error = u"profile %1: needs a name, 1-64 threads and a memory limit of at least 64 MiB"_s.arg(
                c.m_types.size());
            return std::nullopt;
        }
        c.m_types.append(t);
    }
    if (c.m_types.isEmpty()) {
        *error = u"no profiles"_s;
        return std::nullopt;
    }
    if (!c.find(c.m_defaultType))
        c.m_defaultType = c.m_types.first().name;
    c.setPhysicalMemory(physicalMemoryBytes());
    return c;
}

} // namespace cdeck
