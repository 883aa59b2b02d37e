// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The runtime's route matcher (api::matchRoute) is what every request's path meets first, token or not. An
// input is "METHOD\nPATH" (the path as it comes off the wire, still percent-encoded). Whatever it is, the
// matcher must answer a route of that method whose {parameters} are non-empty and as many as its pattern has,
// and building that route's path from those parameters (what RuntimeClient sends) must match the same route
// with the same parameters again: no path reaches another route than the one its segments name.
#include "core/backend/runtime/apiroutes.h"
#include "fuzzcheck.h"

#include <cstdint>

using namespace cdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = bytes.indexOf('\n');
    const QByteArray method = newline < 0 ? QByteArray("GET") : bytes.left(newline);
    const QString path = QString::fromUtf8(newline < 0 ? bytes : bytes.mid(newline + 1));

    const api::RouteMatch match = api::matchRoute(method, path);
    if (!match.route) {
        FUZZ_CHECK(match.parameters.isEmpty());
        return 0;
    }
    FUZZ_CHECK(match.pathExists);
    FUZZ_CHECK(method == match.route->method);
    FUZZ_CHECK(&api::route(match.route->id) == match.route);
    const qsizetype expected = QString::fromLatin1(match.route->pattern).count(u'{');
    FUZZ_CHECK(match.parameters.size() == expected);
    for (const QString &p : match.parameters)
        FUZZ_CHECK(!p.isEmpty());
    if (!match.route->clusterParameter().isEmpty())
        FUZZ_CHECK(!match.parameters.value(0).isEmpty());

    const QString rebuilt = api::path(match.route->id, match.parameters);
    const api::RouteMatch again = api::matchRoute(method, rebuilt);
    FUZZ_CHECK(again.route == match.route);
    FUZZ_CHECK(again.parameters == match.parameters);
    return 0;
}
