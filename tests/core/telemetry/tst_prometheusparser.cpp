// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/executormetrics.h"
#include "core/telemetry/prometheusparser.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace cdeck::telemetry;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(CDECK_TELEMETRY_DATA) + u'/' + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// The lines a reader of the format counts as samples: not blank, not a comment.
int sampleLines(const QByteArray &text)
{
    int n = 0;
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith('#'))
            ++n;
    }
    return n;
}

QString errorsText(const ParseResult &r)
{
    QStringList lines;
    for (const ParseError &e : r.errors)
        lines.append(QString::number(e.line) + u": "_s + e.message);
    return lines.join(u"; "_s);
}

const Sample *find(const ParseResult &r, QStringView name, QStringView label = {}, QStringView value = {})
{
    for (const Sample &s : r.samples) {
        if (s.name == name && (label.isEmpty() || s.hasLabel(label, value)))
            return &s;
    }
    return nullptr;
}

using Labels = QList<std::pair<QString, QString>>;

} // namespace

class TstPrometheusParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void realScrapes_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(QStringLiteral(CDECK_TELEMETRY_DATA)).entryList({u"*.prom"_s}, QDir::Files);
        QVERIFY2(files.size() >= 4, "the saved Dask scrapes are missing from tests/core/telemetry/data");
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }
    void realScrapes()
    {
        QFETCH(QString, file);
        const QByteArray text = readData(file);
        QVERIFY(!text.isEmpty());
        const ParseResult r = parsePrometheusText(text, HelpText::Keep);
        QVERIFY2(r.errors.isEmpty(), qPrintable(errorsText(r)));
        QCOMPARE(r.errorCount, 0);
        QCOMPARE(r.samples.size(), sampleLines(text));
        QCOMPARE(r.typeOf(u"process_cpu_seconds_total"_s), MetricType::Counter);
        QCOMPARE(r.typeOf(u"process_resident_memory_bytes"_s), MetricType::Gauge);
        QCOMPARE(r.help.value(u"process_resident_memory_bytes"_s), u"Resident memory size in bytes."_s);
        for (const Sample &s : r.samples) {
            QVERIFY(!s.timestampMs); // Dask's client library writes no timestamps
            QVERIFY(!s.name.isEmpty());
        }
        const Sample *info = find(r, u"python_info");
        QVERIFY(info);
        QCOMPARE(info->label(u"implementation"), u"CPython"_s);
        QCOMPARE(info->labels.size(), 5);
    }

    void helpUnescapesNewlines()
    {
        const ParseResult r = parsePrometheusText(readData(u"dask-worker-busy.prom"_s), HelpText::Keep);
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.help.value(u"dask_worker_concurrent_fetch_requests"_s),
                 u"Deprecated: This metric has been renamed to transfer_incoming_count.\nNumber of open fetch requests to other workers"_s);
    }

    void validLines_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<Labels>("labels");
        QTest::addColumn<double>("value");
        QTest::addColumn<qint64>("timestamp"); // -1: none

        QTest::addRow("plain") << "a 1"_ba << u"a"_s << Labels{} << 1.0 << qint64(-1);
        QTest::addRow("colon name") << "ns:sub_x 2"_ba << u"ns:sub_x"_s << Labels{} << 2.0 << qint64(-1);
        QTest::addRow("exponent") << "a{b=\"c\"} 2.5e3"_ba << u"a"_s << Labels{{u"b"_s, u"c"_s}} << 2500.0 << qint64(-1);
        QTest::addRow("negative exponent") << "a -1.5E-3"_ba << u"a"_s << Labels{} << -0.0015 << qint64(-1);
        QTest::addRow("plus sign") << "a +7"_ba << u"a"_s << Labels{} << 7.0 << qint64(-1);
        QTest::addRow("leading dot") << "a .5"_ba << u"a"_s << Labels{} << 0.5 << qint64(-1);
        QTest::addRow("+Inf") << "a +Inf"_ba << u"a"_s << Labels{} << qInf() << qint64(-1);
        QTest::addRow("-Inf") << "a -Inf"_ba << u"a"_s << Labels{} << -qInf() << qint64(-1);
        QTest::addRow("timestamp") << "a 1 1700000000123"_ba << u"a"_s << Labels{} << 1.0 << qint64(1700000000123);
        QTest::addRow("negative timestamp") << "a 3 -5"_ba << u"a"_s << Labels{} << 3.0 << qint64(-5);
        QTest::addRow("escapes") << "a{b=\"x\\\"y\\\\z\\n\"} 1"_ba << u"a"_s << Labels{{u"b"_s, u"x\"y\\z\n"_s}} << 1.0
                                 << qint64(-1);
        QTest::addRow("empty labels") << "a{} 4"_ba << u"a"_s << Labels{} << 4.0 << qint64(-1);
        QTest::addRow("trailing comma") << "a{b=\"c\",} 1"_ba << u"a"_s << Labels{{u"b"_s, u"c"_s}} << 1.0 << qint64(-1);
        QTest::addRow("blanks everywhere") << " \ta { b = \"c\" , d=\"\" }\t5  \t"_ba << u"a"_s
                                           << Labels{{u"b"_s, u"c"_s}, {u"d"_s, u""_s}} << 5.0 << qint64(-1);
        QTest::addRow("utf8 value") << "a{b=\"gr\xc3\xbc\xc3\x9f\"} 1"_ba << u"a"_s << Labels{{u"b"_s, u"grüß"_s}}
                                    << 1.0 << qint64(-1);
        QTest::addRow("label order kept") << "a{z=\"1\",a=\"2\"} 1"_ba << u"a"_s
                                          << Labels{{u"z"_s, u"1"_s}, {u"a"_s, u"2"_s}} << 1.0 << qint64(-1);
        QTest::addRow("crlf") << "a 1\r\n"_ba << u"a"_s << Labels{} << 1.0 << qint64(-1);
        QTest::addRow("big") << "a 1.7976931348623157e308"_ba << u"a"_s << Labels{} << 1.7976931348623157e308
                             << qint64(-1);
        QTest::addRow("overflow is inf") << "a 1e999"_ba << u"a"_s << Labels{} << qInf() << qint64(-1);
    }
    void validLines()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, name);
        QFETCH(Labels, labels);
        QFETCH(double, value);
        QFETCH(qint64, timestamp);
        const ParseResult r = parsePrometheusText(text);
        QVERIFY2(r.errors.isEmpty(), qPrintable(errorsText(r)));
        QCOMPARE(r.samples.size(), 1);
        const Sample &s = r.samples.first();
        QCOMPARE(s.name, name);
        QCOMPARE(s.labels, labels);
        QCOMPARE(s.value, value);
        QCOMPARE(s.timestampMs.value_or(-1), timestamp);
    }

    void nan()
    {
        const ParseResult r = parsePrometheusText("a NaN\nb nan\n"_ba);
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.samples.size(), 2);
        QVERIFY(std::isnan(r.samples[0].value));
        QVERIFY(std::isnan(r.samples[1].value));
    }

    void badLines_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("messagePart");

        QTest::addRow("unclosed value") << "a{b=\"c} 1"_ba << u"not closed"_s;
        QTest::addRow("unclosed set") << "a{b=\"c\" 1"_ba << u"expected ',' or '}'"_s;
        QTest::addRow("unquoted value") << "a{b=c} 1"_ba << u"double quotes"_s;
        QTest::addRow("missing comma") << "a{b=\"c\"d=\"e\"} 1"_ba << u"expected ',' or '}'"_s;
        QTest::addRow("bad label name") << "a{1b=\"c\"} 1"_ba << u"invalid label name"_s;
        QTest::addRow("colon in label name") << "a{b:c=\"c\"} 1"_ba << u"expected '='"_s;
        QTest::addRow("bad escape") << "a{b=\"\\x\"} 1"_ba << u"invalid escape"_s;
        QTest::addRow("duplicate label") << "a{b=\"1\",b=\"2\"} 1"_ba << u"appears twice"_s;
        QTest::addRow("two dots") << "a 1.2.3"_ba << u"invalid value"_s;
        QTest::addRow("hex") << "a 0x1F"_ba << u"invalid value"_s;
        QTest::addRow("underscore digits") << "a 1_000"_ba << u"invalid value"_s;
        QTest::addRow("infinity word") << "a infinity"_ba << u"invalid value"_s;
        QTest::addRow("nan payload") << "a nan(1)"_ba << u"invalid value"_s;
        QTest::addRow("lone sign") << "a -"_ba << u"invalid value"_s;
        QTest::addRow("float timestamp") << "a 1 1.5"_ba << u"invalid timestamp"_s;
        QTest::addRow("trailing junk") << "a 1 2 3"_ba << u"after the timestamp"_s;
        QTest::addRow("digit first") << "1a 1"_ba << u"metric name"_s;
        QTest::addRow("no value") << "a"_ba << u"has no value"_s;
        QTest::addRow("no value after labels") << "a{b=\"c\"}"_ba << u"has no value"_s;
        QTest::addRow("no blank before value") << "a{b=\"c\"}1"_ba << u"expected a blank"_s;
        QTest::addRow("invalid utf8") << "a{b=\"\xff\xfe\"} 1"_ba << u"UTF-8"_s;
        QTest::addRow("unknown type") << "# TYPE a countr"_ba << u"unknown metric type"_s;
        QTest::addRow("type junk") << "# TYPE a counter x"_ba << u"unexpected text"_s;
        QTest::addRow("type twice") << "# TYPE a counter\n# TYPE a gauge"_ba << u"second TYPE"_s;
        QTest::addRow("help twice") << "# HELP a x\n# HELP a y"_ba << u"second HELP"_s;
        QTest::addRow("type after samples") << "a 1\n# TYPE a counter"_ba << u"after its samples (line 2)"_s;
        QTest::addRow("help without name") << "# HELP"_ba << u"HELP line without"_s;
        QTest::addRow("help bad escape") << "# HELP a bad \\t"_ba << u"invalid escape"_s;
        QTest::addRow("bucket without le") << "# TYPE h histogram\nh_bucket 1"_ba << u"'le' label"_s;
        QTest::addRow("bucket bad le") << "# TYPE h histogram\nh_bucket{le=\"x\"} 1"_ba << u"'le' label"_s;
        QTest::addRow("quantile missing") << "# TYPE s summary\ns 1"_ba << u"'quantile'"_s;
        QTest::addRow("nul byte") << "a\0b 1"_ba << u"expected a blank"_s;
    }
    void badLines()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, messagePart);
        // The bad line sits between two good ones: both must survive, the error must name its line.
        const QByteArray doc = "good_before 1\n"_ba + text + "\ngood_after{x=\"y\"} 2\n"_ba;
        const ParseResult r = parsePrometheusText(doc);
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errorCount, 1);
        const int lastLineOfBad = 1 + int(text.count('\n')) + 1;
        QCOMPARE(r.errors.first().line, lastLineOfBad);
        QVERIFY2(r.errors.first().message.contains(messagePart), qPrintable(r.errors.first().message));
        QVERIFY(find(r, u"good_before"));
        QVERIFY(find(r, u"good_after", u"x", u"y"));
    }

    void histogramAndSummaryFamilies()
    {
        const QByteArray text = "# TYPE h histogram\n"
                                "h_bucket{le=\"0.1\"} 1\nh_bucket{le=\"+Inf\"} 3\nh_sum 0.4\nh_count 3\n"
                                "# TYPE s summary\n"
                                "s{quantile=\"0.5\"} 0.2\ns_sum 1\ns_count 5\n"_ba;
        const ParseResult r = parsePrometheusText(text);
        QVERIFY2(r.errors.isEmpty(), qPrintable(errorsText(r)));
        QCOMPARE(r.samples.size(), 7);
        QCOMPARE(r.typeOf(u"h_bucket"_s), MetricType::Histogram);
        QCOMPARE(r.typeOf(u"h_count"_s), MetricType::Histogram);
        QCOMPARE(r.typeOf(u"s_sum"_s), MetricType::Summary);
        QCOMPARE(r.typeOf(u"s_bucket"_s), MetricType::Untyped);
        QCOMPARE(r.typeOf(u"unknown"_s), MetricType::Untyped);
    }

    void errorListIsCappedButCounted()
    {
        QByteArray text;
        for (int i = 0; i < 5000; ++i)
            text += "bad{ 1\n";
        text += "good 1\n";
        const ParseResult r = parsePrometheusText(text);
        QCOMPARE(r.errorCount, 5000);
        QCOMPARE(r.errors.size(), ParseResult::kMaxErrors);
        QCOMPARE(r.errors.last().line, int(ParseResult::kMaxErrors));
        QCOMPARE(r.samples.size(), 1);
    }

    // Every prefix of a real scrape (a connection cut anywhere) parses without a crash, and the
    // complete lines before the cut come out exactly as in the full parse.
    void truncatedScrapes()
    {
        const QByteArray full = readData(u"dask-worker-busy.prom"_s);
        const ParseResult whole = parsePrometheusText(full);
        QVERIFY(whole.errors.isEmpty());
        for (qsizetype cut = 0; cut <= full.size(); cut += 7) {
            const QByteArray prefix = full.left(cut);
            const ParseResult r = parsePrometheusText(prefix);
            const qsizetype lastNl = prefix.lastIndexOf('\n');
            const ParseResult complete = parsePrometheusText(prefix.left(lastNl + 1));
            QVERIFY(complete.errors.isEmpty());
            QVERIFY(r.samples.size() >= complete.samples.size());
            QVERIFY(r.samples.size() <= complete.samples.size() + 1);
            QVERIFY(r.errorCount <= 1);
            for (qsizetype i = 0; i < complete.samples.size(); ++i) {
                QCOMPARE(complete.samples[i].name, whole.samples[i].name);
                QCOMPARE(complete.samples[i].labels, whole.samples[i].labels);
                QCOMPARE(complete.samples[i].value, whole.samples[i].value);
            }
        }
    }

    // Random bytes and random damage to real scrapes: no crash, every reported line exists, and
    // no line yields both a sample and an error.
    void hostileInput()
    {
        QRandomGenerator rng(20260104);
        const QByteArray real = readData(u"dask-scheduler-busy.prom"_s);
        QVERIFY(!real.isEmpty());
        const QByteArray alphabet = "{}=\",\\# \t\nabcHELPTYPE_:019.eE+-InfNa\x00\xff\xc3"_ba;
        for (int round = 0; round < 3000; ++round) {
            QByteArray text;
            if (round % 3 == 0) {
                const int n = int(rng.bounded(400));
                for (int i = 0; i < n; ++i)
                    text += char(rng.bounded(256));
            } else if (round % 3 == 1) {
                const int n = int(rng.bounded(400));
                for (int i = 0; i < n; ++i)
                    text += alphabet.at(rng.bounded(int(alphabet.size())));
            } else {
                text = real;
                const int flips = 1 + int(rng.bounded(20));
                for (int i = 0; i < flips; ++i)
                    text[rng.bounded(int(text.size()))] = alphabet.at(rng.bounded(int(alphabet.size())));
            }
            const ParseResult r = parsePrometheusText(text);
            const int lines = int(text.count('\n')) + 1;
            QVERIFY(r.samples.size() + r.errorCount <= lines);
            for (const ParseError &e : r.errors) {
                QVERIFY(e.line >= 1 && e.line <= lines);
                QVERIFY(!e.message.isEmpty());
            }
        }
    }

    void helpTextOnlyWhenAsked()
    {
        const QByteArray text = readData(u"dask-worker-busy.prom"_s);
        const ParseResult skipped = parsePrometheusText(text);
        QVERIFY(skipped.errors.isEmpty());
        QVERIFY(skipped.help.isEmpty());
        QCOMPARE(skipped.typeOf(u"process_cpu_seconds_total"_s), MetricType::Counter);
        // Skipping the text does not skip the checks of the HELP line itself.
        const ParseResult bad = parsePrometheusText("# HELP a bad \\t\n# HELP b x\n# HELP b y\na 1\n"_ba);
        QCOMPARE(bad.errorCount, 2);
        QCOMPARE(bad.errors[0].line, 1);
        QVERIFY(bad.errors[0].message.contains(u"invalid escape"_s));
        QCOMPARE(bad.errors[1].line, 3);
        QVERIFY(bad.errors[1].message.contains(u"second HELP"_s));
        QCOMPARE(bad.samples.size(), 1);
    }

    // A parser kept for one source remembers what earlier scrapes proved about each line. Whatever
    // the next scrape holds (the same lines with new values, damage, lines moved or dropped), the
    // result must be exactly what a fresh parser says about that text.
    void rememberingParserMatchesAFreshOne()
    {
        const QList<QByteArray> real = {readData(u"dask-worker-busy.prom"_s), readData(u"dask-worker-after.prom"_s),
                                        readData(u"dask-worker-idle.prom"_s), readData(u"dask-scheduler-busy.prom"_s)};
        for (const QByteArray &r : real)
            QVERIFY(!r.isEmpty());
        const QByteArray alphabet = "{}=\",\\# \t\nabcHELPTYPE_:019.eE+-InfNa\x00\xff\xc3"_ba;
        QRandomGenerator rng(20261124);
        for (const HelpText help : {HelpText::Skip, HelpText::Keep}) {
            PrometheusParser kept(help);
            for (int round = 0; round < 1500; ++round) {
                QByteArray text = real[round % real.size()];
                switch (rng.bounded(5)) {
                case 0: // the same lines again
                    break;
                case 1: { // damage
                    const int flips = 1 + int(rng.bounded(10));
                    for (int i = 0; i < flips; ++i)
                        text[rng.bounded(int(text.size()))] = alphabet.at(rng.bounded(int(alphabet.size())));
                    break;
                }
                case 2: { // lines dropped, doubled or swapped
                    QList<QByteArray> lines = text.split('\n');
                    const int edits = 1 + int(rng.bounded(6));
                    for (int i = 0; i < edits && lines.size() > 2; ++i) {
                        const int a = int(rng.bounded(int(lines.size())));
                        const int b = int(rng.bounded(int(lines.size())));
                        if (i % 3 == 0)
                            lines.removeAt(a);
                        else if (i % 3 == 1)
                            lines.insert(a, lines.at(b));
                        else
                            lines.swapItemsAt(a, b);
                    }
                    text = lines.join('\n');
                    break;
                }
                case 3: // cut anywhere
                    text = text.left(rng.bounded(int(text.size()) + 1));
                    break;
                default: { // new values, one label value changed, blanks added
                    text.replace(" 0.0\n", " 1.5\n");
                    text.replace("state=\"memory\"", "state=\"memory2\"");
                    text.replace("{", " {");
                    break;
                }
                }
                const ParseResult warm = kept.parse(text);
                const ParseResult cold = parsePrometheusText(text, help);
                QCOMPARE(warm.samples.size(), cold.samples.size());
                for (qsizetype i = 0; i < cold.samples.size(); ++i) {
                    const Sample &w = warm.samples[i];
                    const Sample &c = cold.samples[i];
                    QCOMPARE(w.name, c.name);
                    QCOMPARE(w.labels, c.labels);
                    QVERIFY(w.value == c.value || (std::isnan(w.value) && std::isnan(c.value)));
                    QCOMPARE(w.timestampMs, c.timestampMs);
                }
                QCOMPARE(warm.errorCount, cold.errorCount);
                QCOMPARE(warm.errors.size(), cold.errors.size());
                for (qsizetype i = 0; i < cold.errors.size(); ++i) {
                    QCOMPARE(warm.errors[i].line, cold.errors[i].line);
                    QCOMPARE(warm.errors[i].message, cold.errors[i].message);
                }
                QCOMPARE(warm.types, cold.types);
                QCOMPARE(warm.help, cold.help);
            }
        }
    }

    // What a parser remembers is bounded: a source that never repeats a line makes it start over,
    // not grow without end, and the results stay right.
    void rememberingIsBounded()
    {
        PrometheusParser kept;
        for (int round = 0; round < 3; ++round) {
            QByteArray text;
            const int lines = int(PrometheusParser::kMaxRemembered / 2) + 10;
            for (int i = 0; i < lines; ++i)
                text += "m{round=\"" + QByteArray::number(round) + "\",i=\"" + QByteArray::number(i) + "\"} 1\n";
            const ParseResult r = kept.parse(text);
            QCOMPARE(r.errorCount, 0);
            QCOMPARE(r.samples.size(), lines);
            QCOMPARE(r.samples.last().label(u"i"), QString::number(lines - 1));
            QCOMPARE(r.samples.last().label(u"round"), QString::number(round));
        }
    }

    void pathologicalShapes()
    {
        const QByteArray longName(8 << 20, 'a'); // one 8 MB line
        ParseResult r = parsePrometheusText(QByteArray(longName + " 1\n"_ba));
        QCOMPARE(r.samples.size(), 1);
        QCOMPARE(r.samples.first().name.size(), longName.size());

        QByteArray manyLabels = "m{"_ba;
        for (int i = 0; i < 20000; ++i)
            manyLabels += "l" + QByteArray::number(i) + "=\"v\",";
        r = parsePrometheusText(QByteArray(manyLabels + "} 1"_ba));
        QCOMPARE(r.samples.size(), 1);
        QCOMPARE(r.samples.first().labels.size(), 20000);

        r = parsePrometheusText(QByteArray(100000, '{'));
        QCOMPARE(r.errorCount, 1);
        r = parsePrometheusText(QByteArray(100000, '\n'));
        QCOMPARE(r.errorCount, 0);
        QCOMPARE(r.samples.size(), 0);
        r = parsePrometheusText(QByteArrayView());
        QCOMPARE(r.samples.size(), 0);
        r = parsePrometheusText(QByteArray("a{b=\""_ba + QByteArray(1 << 20, '\\')));
        QCOMPARE(r.errorCount, 1);
    }

    void executorMetricsFromWorkerScrape()
    {
        const ParseResult r = parsePrometheusText(readData(u"dask-worker-after.prom"_s));
        QVERIFY(r.errors.isEmpty());
        const ExecutorMetrics m = extractExecutorMetrics(r);
        QVERIFY(!m.isEmpty());
        // The figures below are the ones in the saved file (after a shuffle on two workers).
        QCOMPARE(m.memoryManagedBytes, std::optional<double>(0.0));
        QCOMPARE(m.memoryUnmanagedBytes, std::optional<double>(1.815552e+08));
        QCOMPARE(m.memorySpilledBytes, std::optional<double>(0.0));
        QCOMPARE(m.transferOutgoingBytesTotal, std::optional<double>(3.72903108e+08));
        QCOMPARE(m.transferOutgoingCountTotal, std::optional<double>(87.0));
        QCOMPARE(m.transferIncomingCountTotal, std::optional<double>(75.0));
        QCOMPARE(m.transferIncomingBytes, std::optional<double>(0.0));
        QCOMPARE(m.spillBytesTotal.value(u"memory_read"_s), 5.785846622e+09);
        QCOMPARE(m.spillCountTotal.value(u"memory_read"_s), 1014.0);
        QCOMPARE(m.spillTimeSecondsTotal.size(), 4);
        QCOMPARE(m.threads, std::optional<double>(1.0));
        QCOMPARE(m.tasksByState.size(), 11);
        QCOMPARE(m.tasks(u"executing"_s), std::optional<double>(0.0));
        QVERIFY(!m.tasks(u"no-such-state"_s));
        QVERIFY(m.processResidentBytes && *m.processResidentBytes > 1e7);
        QVERIFY(m.processCpuSecondsTotal && *m.processCpuSecondsTotal > 0);
        QVERIFY(m.processStartTimeSeconds && *m.processStartTimeSeconds > 1.6e9);
    }

    void executorMetricsWhileBusy()
    {
        const ExecutorMetrics m = extractExecutorMetrics(parsePrometheusText(readData(u"dask-worker-busy.prom"_s)));
        QCOMPARE(m.tasks(u"memory"_s), std::optional<double>(8.0));
        QCOMPARE(m.tasks(u"flight"_s), std::optional<double>(1.0));
        QVERIFY(m.memoryManagedBytes && *m.memoryManagedBytes > 0);
    }

    void missingMetricsStayEmpty()
    {
        // The scheduler is not a worker: no worker figure may be invented for it.
        const ExecutorMetrics s = extractExecutorMetrics(parsePrometheusText(readData(u"dask-scheduler-busy.prom"_s)));
        QVERIFY(s.isEmpty());
        QVERIFY(!s.memoryManagedBytes);
        QVERIFY(!s.transferOutgoingBytesTotal);
        QVERIFY(s.processResidentBytes); // the process collector is there all the same

        const ExecutorMetrics partial = extractExecutorMetrics(
            parsePrometheusText("dask_worker_memory_bytes{type=\"managed\"} 5\nbroken{ 1\n"_ba));
        QCOMPARE(partial.memoryManagedBytes, std::optional<double>(5.0));
        QVERIFY(!partial.memoryUnmanagedBytes);
        QVERIFY(!partial.processCpuSecondsTotal);
        QVERIFY(!partial.isEmpty());
        QVERIFY(extractExecutorMetrics(ParseResult{}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstPrometheusParser)
#include "tst_prometheusparser.moc"
