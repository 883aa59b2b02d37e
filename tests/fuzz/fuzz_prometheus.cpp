// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A scrape is whatever a worker's /metrics answers. The parser must survive any bytes, and the remembering
// parser (which reuses a line's checked name and labels from the previous scrape of the same source) must give
// exactly what a one-off parse gives, also when the second scrape differs from the first.
#include "core/telemetry/prometheusparser.h"
#include "fuzzcheck.h"

#include <cmath>
#include <cstdint>
#include <cstring>

using namespace cdeck::telemetry;

namespace {

bool sameValue(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

bool same(const ParseResult &a, const ParseResult &b)
{
    if (a.samples.size() != b.samples.size() || a.errorCount != b.errorCount || a.errors.size() != b.errors.size()
        || a.types != b.types || a.help != b.help)
        return false;
    for (qsizetype i = 0; i < a.samples.size(); ++i) {
        const Sample &x = a.samples[i];
        const Sample &y = b.samples[i];
        if (x.name != y.name || x.labels != y.labels || !sameValue(x.value, y.value) || x.timestampMs != y.timestampMs)
            return false;
    }
    for (qsizetype i = 0; i < a.errors.size(); ++i)
        if (a.errors[i].line != b.errors[i].line || a.errors[i].message != b.errors[i].message)
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    // Two scrapes of one source: the lines up to the middle, then the rest.
    const qsizetype newline = text.indexOf('\n', text.size() / 2);
    const qsizetype cut = newline < 0 ? text.size() : newline + 1;
    const QByteArrayView first = text.first(cut);
    const QByteArrayView second = text.sliced(cut);

    for (const HelpText help : {HelpText::Skip, HelpText::Keep}) {
        PrometheusParser source(help);
        const ParseResult a = source.parse(first);
        FUZZ_CHECK(same(a, parsePrometheusText(first, help)));
        const ParseResult b = source.parse(second);
        FUZZ_CHECK(same(b, parsePrometheusText(second, help)));
        FUZZ_CHECK(same(source.parse(text), parsePrometheusText(text, help)));
        const ParseResult whole = parsePrometheusText(text, help);
        FUZZ_CHECK(whole.errors.size() <= ParseResult::kMaxErrors && whole.errors.size() <= whole.errorCount);
        for (const Sample &s : whole.samples)
            (void)whole.typeOf(s.name);
    }
    return 0;
}
