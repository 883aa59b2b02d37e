// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A launch request's body, as any token holder may send it to POST /api/v1/clusters, read and checked the way
// the supervisor does (fromJson, then validate against the instance catalog). A spec read without a field
// error must survive the trip through its own JSON (as the runtime stores it) unchanged, and be judged the
// same after it. A stored
// cluster record (ClusterInfo, which carries a spec) is read from the same document.
#include "core/model/clusterinfo.h"
#include "core/model/clusterspec.h"
#include "core/model/instancecatalog.h"
#include "fuzzcheck.h"

#include <QJsonDocument>

#include <cstdint>

using namespace cdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::optional<InstanceCatalog> catalog = [] {
        QString error;
        auto c = InstanceCatalog::load(QStringLiteral(CDECK_SOURCE_RESOURCES "/instance-types/local.json"), &error);
        if (!c)
            std::fprintf(stderr, "%s\n", qPrintable(error));
        return c;
    }();
    FUZZ_CHECK(catalog.has_value());

    QJsonParseError parseError;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    const QJsonObject body = doc.object();

    QList<FieldError> errors;
    const ClusterSpec spec = ClusterSpec::fromJson(body, &errors);
    // Every error names its field (an unknown field named "" is named by its own empty key) and says why.
    for (const FieldError &e : std::as_const(errors))
        FUZZ_CHECK((!e.field.isEmpty() || body.contains(QString())) && !e.message.isEmpty());
    const QList<FieldError> problems = spec.validate(*catalog);
    for (const FieldError &e : problems)
        FUZZ_CHECK(!e.field.isEmpty() && !e.message.isEmpty());
    (void)describe(errors + problems);
    if (errors.isEmpty()) {
        QList<FieldError> again;
        const ClusterSpec reread = ClusterSpec::fromJson(spec.toJson(), &again);
        FUZZ_CHECK(again.isEmpty());
        // Spot settings are written only for the spot market, the one place they are read.
        ClusterSpec expected = spec;
        if (spec.market != Market::Spot)
            expected.spot = SpotSettings{};
        FUZZ_CHECK(reread == expected);
        FUZZ_CHECK(reread.validate(*catalog) == expected.validate(*catalog));
    }
    const ClusterInfo info = ClusterInfo::fromJson(body);
    (void)info.toJson(true);
    return 0;
}
