// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

namespace cdeck::telemetry {

enum class MetricType { Untyped, Counter, Gauge, Histogram, Summary };

// One line of a scrape. Labels keep the order they had on the line.
struct Sample
{
    QString name;
    QList<std::pair<QString, QString>> labels;
    double value = 0;
    std::optional<qint64> timestampMs;

    // The value of a label, or a null QString when the sample has no such label.
    QString label(QStringView labelName) const;
    bool hasLabel(QStringView labelName, QStringView labelValue) const;
};

struct ParseError
{
    int line = 0; // 1-based
    QString message;
};

struct ParseResult
{
    QList<Sample> samples;
    QList<ParseError> errors; // the first kMaxErrors only; errorCount has them all
    qsizetype errorCount = 0;
    QHash<QString, MetricType> types; // from # TYPE lines, by family name
    QHash<QString, QString> help; // from # HELP lines, unescaped; only with HelpText::Keep

    static constexpr qsizetype kMaxErrors = 100;

    // The family type of a sample name, resolving histogram/summary suffixes (_bucket, _sum, _count).
    MetricType typeOf(const QString &sampleName) const;
};

// HELP lines are always checked (name, escapes, UTF-8, one per family); their text is kept only when asked.
enum class HelpText { Skip, Keep };

// Prometheus text exposition format 0.0.4. Strict: a malformed line is reported with its number
// and skipped, every other line still counts. Never throws, never reads past the input.
//
// One parser per source (a worker's or the scheduler's /metrics): from one scrape to the next only
// the values change, so the parser remembers each line's checked name and label set by its bytes
// and hands out the same shared QStrings again; the second scrape of a source costs a fraction of
// the first. The memory is bounded (forgotten past kMaxRemembered lines). Not thread-safe; results
// are ordinary values that outlive the parser.
class PrometheusParser
{
public:
    explicit PrometheusParser(HelpText help = HelpText::Skip);
    ~PrometheusParser();
    PrometheusParser(PrometheusParser &&) noexcept;
    PrometheusParser &operator=(PrometheusParser &&) noexcept;

    ParseResult parse(QByteArrayView text);

    static constexpr qsizetype kMaxRemembered = 1 << 18;

    struct State;

private:
    friend ParseResult parsePrometheusText(QByteArrayView, HelpText);
    std::unique_ptr<State> m_state;
};

// A one-off parse (nothing remembered).
ParseResult parsePrometheusText(QByteArrayView text, HelpText help = HelpText::Skip);

} // namespace cdeck::telemetry
