// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "pricecatalog.h"

#include "core/cost/money.h"
#include "core/model/instancecatalog.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck::cost {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cdeck::cost::PriceCatalog", text);
}

// A catalog over a megabyte is not a price list; refuse it rather than parse it.
constexpr qint64 kMaxCatalogBytes = 4 << 20;
// $100,000 per hour: anything above is a typo (cents for dollars, a missing decimal point).
constexpr double kMaxPricePerHour = 100000;

std::optional<qint64> microsFrom(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0 || d > kMaxPricePerHour)
        return std::nullopt;
    return std::llround(d * 1e6);
}

} // namespace

qint64 InstancePrice::rateMicrosPerHour(Market market) const
{
    if (market == Market::OnDemand)
        return onDemandMicrosPerHour + emrMicrosPerHour;
    const Int128 spot = divideRounded(Int128(onDemandMicrosPerHour) * (1'000'000 - spotDiscountPpm), 1'000'000);
    return qint64(spot) + emrMicrosPerHour;
}

QJsonObject InstancePrice::toJson() const
{
    return {{u"type"_s, type},
            {u"region"_s, region},
            {u"vcpu"_s, vcpu},
            {u"memoryGiB"_s, memoryGiB},
            {u"onDemandPerHour"_s, double(onDemandMicrosPerHour) / 1e6},
            {u"emrPerHour"_s, double(emrMicrosPerHour) / 1e6},
            {u"spotDiscount"_s, double(spotDiscountPpm) / 1e6},
            {u"ratePerHour"_s,
             QJsonObject{{u"on-demand"_s, ratePerHour(Market::OnDemand)}, {u"spot"_s, ratePerHour(Market::Spot)}}}};
}

QString PriceCatalog::defaultPath(const QString &resourcesDir)
{
    return resourcesDir + u"/pricing/aws-us-east-1.json"_s;
}

std::optional<PriceCatalog> PriceCatalog::load(const QString &path, QStringList *errors)
{
    errors->clear();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        errors->append(tr("cannot read price catalog %1: %2").arg(path, f.errorString()));
        return std::nullopt;
    }
    if (f.size() > kMaxCatalogBytes) {
        errors->append(tr("%1: the price catalog is larger than %2 MiB").arg(path).arg(kMaxCatalogBytes >> 20));
        return std::nullopt;
    }
    auto catalog = fromJson(f.readAll(), errors);
    if (!catalog) {
        for (QString &e : *errors)
            e = path + u": "_s + e;
        return std::nullopt;
    }
    catalog->m_source = path;
    return catalog;
}

std::optional<PriceCatalog> PriceCatalog::fromJson(const QByteArray &json, QStringList *errors)
{
    errors->clear();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        errors->append(tr("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        errors->append(tr("the price catalog must be a JSON object"));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    PriceCatalog catalog;

    const QJsonValue currency = root.value(u"currency"_s);
    static const QRegularExpression currencyCode(u"^[A-Z]{3}$"_s);
    if (!currency.isString() || !currencyCode.match(currency.toString()).hasMatch())
        errors->append(tr("currency: expected a three-letter ISO 4217 code such as \"USD\""));
    else
        catalog.m_currency = currency.toString();

    const QJsonValue asOf = root.value(u"asOf"_s);
    if (!asOf.isString() || !QDate::fromString(asOf.toString(), Qt::ISODate).isValid())
        errors->append(tr("asOf: expected the date of the figures as YYYY-MM-DD"));
    else
        catalog.m_asOf = asOf.toString();

    const QJsonValue types = root.value(u"instanceTypes"_s);
    if (!types.isArray() || types.toArray().isEmpty()) {
        errors->append(tr("instanceTypes: expected a non-empty array of instance types"));
        return std::nullopt;
    }

    static const QSet<QString> knownFields{u"type"_s,        u"region"_s,     u"vcpu"_s,        u"memoryGiB"_s,
                                           u"onDemandPerHour"_s, u"emrPerHour"_s, u"spotDiscount"_s};
    QSet<QString> seen;
    const QJsonArray array = types.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString where = u"instanceTypes[%1]"_s.arg(i);
        if (!array.at(i).isObject()) {
            errors->append(where + u": "_s + tr("expected an object"));
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        InstancePrice p;
        const QJsonValue type = o.value(u"type"_s);
        if (!type.isString() || type.toString().trimmed().isEmpty()) {
            errors->append(where + u": type: "_s + tr("expected the instance type's name, such as \"m5.xlarge\""));
        } else {
            p.type = type.toString();
            where += u" ("_s + p.type + u')';
            if (seen.contains(p.type))
                errors->append(where + u": type: "_s + tr("priced twice"));
            seen.insert(p.type);
        }
        auto fieldError = [&](QLatin1StringView field, const QString &message) {
            errors->append(where + u": "_s + field + u": "_s + message);
        };
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!knownFields.contains(it.key()))
                errors->append(where + u": "_s + it.key() + u": "_s + tr("unknown field"));

        const QJsonValue region = o.value(u"region"_s);
        if (!region.isString() || region.toString().trimmed().isEmpty())
            fieldError("region"_L1, tr("expected the region's name, such as \"us-east-1\""));
        else
            p.region = region.toString();

        const QJsonValue vcpu = o.value(u"vcpu"_s);
        if (!vcpu.isDouble() || vcpu.toDouble() != std::floor(vcpu.toDouble()) || vcpu.toDouble() < 1
            || vcpu.toDouble() > 4096)
            fieldError("vcpu"_L1, tr("expected a whole number of vCPUs from 1 to 4096"));
        else
            p.vcpu = int(vcpu.toDouble());

        const QJsonValue memory = o.value(u"memoryGiB"_s);
        if (!memory.isDouble() || !(memory.toDouble() > 0) || memory.toDouble() > 65536)
            fieldError("memoryGiB"_L1, tr("expected the memory in GiB, a number above 0"));
        else
            p.memoryGiB = memory.toDouble();

        if (const auto micros = microsFrom(o.value(u"onDemandPerHour"_s)))
            p.onDemandMicrosPerHour = *micros;
        else
            fieldError("onDemandPerHour"_L1, tr("expected the on-demand price per hour, a number from 0 to 100000"));
        if (const auto micros = microsFrom(o.value(u"emrPerHour"_s)))
            p.emrMicrosPerHour = *micros;
        else
            fieldError("emrPerHour"_L1, tr("expected the EMR price per hour, a number from 0 to 100000"));

        const QJsonValue discount = o.value(u"spotDiscount"_s);
        if (!discount.isDouble() || !(discount.toDouble() >= 0) || !(discount.toDouble() < 1))
            fieldError("spotDiscount"_L1,
                       tr("expected the typical spot discount as a fraction from 0 up to (not including) 1, "
                          "such as 0.6 for 60% off"));
        else
            p.spotDiscountPpm = std::llround(discount.toDouble() * 1e6);

        catalog.m_prices.append(p);
    }
    if (!errors->isEmpty())
        return std::nullopt;
    return catalog;
}

std::optional<InstancePrice> PriceCatalog::find(const QString &type) const
{
    for (const InstancePrice &p : m_prices)
        if (p.type == type)
            return p;
    return std::nullopt;
}

QStringList PriceCatalog::unpricedReferenceTypes(const InstanceCatalog &profiles) const
{
    QStringList missing;
    for (const InstanceType &t : profiles.types())
        if (!find(t.referenceType) && !missing.contains(t.referenceType))
            missing.append(t.referenceType);
    return missing;
}

QString PriceCatalog::referenceTypeFor(const InstanceCatalog &profiles, const QString &typeOrProfile)
{
    if (const auto profile = profiles.find(typeOrProfile))
        return profile->referenceType;
    return typeOrProfile;
}

QJsonObject PriceCatalog::toJson() const
{
    QJsonArray types;
    for (const InstancePrice &p : m_prices)
        types.append(p.toJson());
    return {{u"currency"_s, m_currency}, {u"asOf"_s, m_asOf}, {u"source"_s, m_source}, {u"instanceTypes"_s, types}};
}

} // namespace cdeck::cost
