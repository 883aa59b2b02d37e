// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/runtime/daskidentity.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstDaskIdentity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Saved from Debian's Dask 2022.12 (2 workers, our preloads) in the middle of etl_groupby's shuffle,
    // while w1 was spilling.
    void readsARealSchedulerDuringAShuffle()
    {
        QFile f(QStringLiteral(TEST_DATA_DIR) + u"/identity-during-shuffle.json"_s);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        const auto workers = dask::parseIdentity(f.readAll(), &error);
        QVERIFY2(workers, qPrintable(error));
        QCOMPARE(workers->size(), 2);
        const auto w1 = std::find_if(workers->cbegin(), workers->cend(), [](const auto &w) { return w.name == "w1"_L1; });
        QVERIFY(w1 != workers->cend());
        QCOMPARE(w1->address, u"tcp://127.0.0.1:36855"_s);
        QCOMPARE(w1->status, u"running"_s);
        QCOMPARE(w1->threads, 1);
        QCOMPARE(w1->memoryLimitBytes, qint64(1073741824));
        // managed in memory = managed_bytes - spilled_bytes.memory (Dask's own accounting)
        QCOMPARE(w1->managedBytes, qint64(514524775 - 395848163));
        QCOMPARE(w1->spilledBytes, qint64(169285004));
        QCOMPARE(w1->processMemoryBytes, qint64(715124736));
        QCOMPARE(w1->tasksExecuting, 1);
        QCOMPARE(w1->tasksInMemory, 55);
        QCOMPARE(w1->bytesInTotal, qint64(63622278));
        QCOMPARE(w1->bytesOutTotal, qint64(85664621));
        QCOMPARE(w1->metricsPort, 32989);
        // What one sent, the other received.
        const auto &w2 = w1 == workers->cbegin() ? workers->at(1) : workers->at(0);
        QCOMPARE(w2.bytesInTotal, w1->bytesOutTotal);
    }

    void refusesWhatIsNotAnIdentity_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("truncated") << R"({"type": "Scheduler", "workers": {"tcp://1": {"name": "w1")"_ba;
        QTest::addRow("array") << "[1,2,3]"_ba;
        QTest::addRow("a worker's identity") << R"({"type": "Worker", "workers": {}})"_ba;
        QTest::addRow("workers not an object") << R"({"type": "Scheduler", "workers": [1]})"_ba;
        QTest::addRow("binary") << QByteArray("\x00\xff\xfe{", 4);
    }

    void refusesWhatIsNotAnIdentity()
    {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!dask::parseIdentity(json, &error));
        QVERIFY(error.startsWith(u"identity.json"_s));
    }

    void wrongTypesInsideAWorkerDoNotCrash()
    {
        QString error;
        const auto workers = dask::parseIdentity(
            R"({"type":"Scheduler","workers":{"tcp://127.0.0.1:1":{"name":7,"nthreads":"two","metrics":{"memory":"lots","task_counts":[]}}}})",
            &error);
        QVERIFY2(workers, qPrintable(error));
        QCOMPARE(workers->size(), 1);
        QCOMPARE(workers->first().name, u"7"_s); // a numeric --name
        QCOMPARE(workers->first().threads, 0);
        QCOMPARE(workers->first().processMemoryBytes, 0);
        QCOMPARE(workers->first().bytesInTotal, -1); // absent: not zero
    }
};

QTEST_GUILESS_MAIN(TstDaskIdentity)
#include "tst_daskidentity.moc"
