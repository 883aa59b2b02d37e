// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/clusterspec.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cdeck {
class InstanceCatalog;
}

namespace cdeck::cost {

// The price of one cloud instance type. Prices are held in whole micro-dollars per hour so that
// ledgers are exact; JSON carries dollars.
struct InstancePrice
{
    QString type; // "m5.xlarge"
    QString region; // "us-east-1"
    int vcpu = 0;
    double memoryGiB = 0;
    qint64 onDemandMicrosPerHour = 0;
    qint64 emrMicrosPerHour = 0;
    qint64 spotDiscountPpm = 0; // parts per million: 0.5 -> 500000

    // on-demand + EMR; spot: on-demand x (1 - discount) + EMR. The EMR charge is not discounted on spot
    // (AWS bills it at the same rate in both markets). The spot part is rounded half up to the
    // micro-dollar, far below the four decimals AWS quotes spot prices in.
    qint64 rateMicrosPerHour(Market market) const;
    double ratePerHour(Market market) const { return double(rateMicrosPerHour(market)) / 1e6; }

    QJsonObject toJson() const;
    friend bool operator==(const InstancePrice &, const InstancePrice &) = default;
};

class PriceCatalog
{
public:
    // The shipped catalog: <resources>/pricing/aws-us-east-1.json.
    static QString defaultPath(const QString &resourcesDir);

    // Reads and validates a catalog file. On failure returns nullopt and fills *errors with every
    // problem found, each naming the entry and the field ("instanceTypes[2] (r5.xlarge): onDemandPerHour: ...").
    static std::optional<PriceCatalog> load(const QString &path, QStringList *errors);
    static std::optional<PriceCatalog> fromJson(const QByteArray &json, QStringList *errors);

    const QList<InstancePrice> &prices() const { return m_prices; }
    std::optional<InstancePrice> find(const QString &type) const;
    QString currency() const { return m_currency; }
    QString asOf() const { return m_asOf; } // the date of the figures, "2024-06-01"
    QString source() const { return m_source; } // the file it came from, empty for in-memory JSON

    // The reference types of the local profiles that this catalog does not price (empty: all priced).
    QStringList unpricedReferenceTypes(const InstanceCatalog &profiles) const;
    // A local profile name ("local.small") becomes its reference type; anything else is returned as is.
    static QString referenceTypeFor(const InstanceCatalog &profiles, const QString &typeOrProfile);

    // For `clusterdeck-cli pricing --json`: {"currency", "asOf", "source", "instanceTypes": [...]}, each
    // entry with its rates per market.
    QJsonObject toJson() const;

private:
    QList<InstancePrice> m_prices;
    QString m_currency;
    QString m_asOf;
    QString m_source;
};

} // namespace cdeck::cost
