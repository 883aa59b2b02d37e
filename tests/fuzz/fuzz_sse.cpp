// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A metrics stream arrives in whatever pieces TCP makes of it. Fed the same bytes in one piece, byte by byte
// and in pieces of varying size, the parser must give the same events, retry and last event id; with a small
// line limit it may fail, and until it does, it must agree with the others. Each event's data then goes through
// the console's reader of a metrics batch.
#include "core/backend/runtime/metricswire.h"
#include "core/backend/runtime/sseparser.h"
#include "fuzzcheck.h"

#include <algorithm>
#include <cstdint>

using namespace cdeck;

namespace {

struct Outcome
{
    QList<SseEvent> events;
    int retryMs = -1;
    QByteArray lastEventId;
    bool failed = false;
    bool operator==(const Outcome &) const = default;
};

// Feeds `bytes` in pieces whose lengths come from next(); next() returning 0 means "the rest".
template <typename Next> Outcome parseInPieces(const QByteArray &bytes, qsizetype maxLine, Next next)
{
    SseParser parser(maxLine);
    Outcome o;
    qsizetype at = 0;
    while (at < bytes.size()) {
        qsizetype n = next();
        if (n <= 0 || n > bytes.size() - at)
            n = bytes.size() - at;
        o.events += parser.feed(bytes.mid(at, n));
        at += n;
    }
    o.events += parser.feed({}); // an empty read changes nothing
    o.retryMs = parser.retryMs();
    o.lastEventId = parser.lastEventId();
    o.failed = parser.failed();
    FUZZ_CHECK(o.failed == !parser.error().isEmpty());
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    constexpr qsizetype kNoLimit = qsizetype(1) << 40;
    const Outcome whole = parseInPieces(bytes, kNoLimit, [] { return 0; });
    FUZZ_CHECK(!whole.failed);
    FUZZ_CHECK(parseInPieces(bytes, kNoLimit, [] { return 1; }) == whole);
    // Piece lengths 1..64 from the input's own bytes, so a mutation also moves the cuts.
    qsizetype i = 0;
    auto varying = [&] { return qsizetype(uint8_t(bytes.isEmpty() ? 0 : bytes[i++ % bytes.size()]) % 64 + 1); };
    FUZZ_CHECK(parseInPieces(bytes, kNoLimit, varying) == whole);
    i = 0;
    const Outcome limited = parseInPieces(bytes, 16, varying);
    if (!limited.failed)
        FUZZ_CHECK(limited == whole);
    else
        FUZZ_CHECK(whole.events.first(std::min(limited.events.size(), whole.events.size())) == limited.events);
    // What the console does with each event's data.
    for (const SseEvent &e : whole.events) {
        QString error;
        const MetricBatch batch = parseMetricBatch(e.data, &error);
        (void)batch;
    }
    return 0;
}
