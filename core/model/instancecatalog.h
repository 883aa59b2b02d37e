// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cdeck {

// A local profile: what one worker gets, and the cloud instance type it stands for (for cost).
struct InstanceType
{
    QString name; // "local.small"
    int threads = 1;
    qint64 memoryLimitBytes = 0;
    QString referenceType; // "m5.xlarge"
    QString description;
    int maxWorkers = 1; // derived from this machine's memory, never from its core count

    QJsonObject toJson() const;
    static InstanceType fromJson(const QJsonObject &o);
};

class InstanceCatalog
{
public:
    // Reads resources/instance-types/local.json. On failure returns nullopt and sets *error.
    static std::optional<InstanceCatalog> load(const QString &path, QString *error);
    static std::optional<InstanceCatalog> fromJson(const QByteArray &json, QString *error);

    // How many workers of this memory limit the machine holds: 90% of physical memory divided by the
    // limit (a limit is a ceiling, idle workers use ~165 MB). At least 1, at most 64.
    static int maxWorkersFor(qint64 memoryLimitBytes, qint64 physicalMemoryBytes);
    static qint64 physicalMemoryBytes();

    void setPhysicalMemory(qint64 bytes); // recomputes maxWorkers (tests pin it)
    const QList<InstanceType> &types() const { return m_types; }
    std::optional<InstanceType> find(const QString &name) const;
    // The next larger type for a job that ran out of memory on `name`: the one with the least memory above
    // name's (ties: more threads, then the catalog's order). nullopt for an unknown name or the largest.
    std::optional<InstanceType> nextLarger(const QString &name) const;
    QString defaultType() const { return m_defaultType; }

private:
    QList<InstanceType> m_types;
    QString m_defaultType;
};

} // namespace cdeck
