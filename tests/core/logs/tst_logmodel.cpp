// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The line model over a log file read by ranges: rows and their text, levels, search, jump to a time,
// following a growing file, a file replaced under it, saving a copy.
#include "core/logs/filelogsource.h"
#include "core/logs/logmodel.h"
#include "core/logs/logsaver.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cdeck::logs;
using namespace Qt::StringLiterals;

namespace {

const qint64 kStartMs = QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::LocalTime).toMSecsSinceEpoch();

// Line i: a Dask-style line one second after the one before, every 7th a WARNING, every 1000th a
// traceback line without a time; its own number so a row's text says where it came from.
QByteArray lineFor(int i)
{
    if (i % 1000 == 999)
        return "  File \"job.py\", line " + QByteArray::number(i);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(kStartMs + qint64(i) * 1000);
    const char *level = i % 7 == 0 ? "WARNING" : "INFO";
    return t.toString(u"yyyy-MM-dd HH:mm:ss,zzz"_s).toLatin1() + " - distributed.worker - " + level + " - message "
        + QByteArray::number(i) + (i == 4321 ? " Needle here" : "") + " " + QByteArray(i % 50, '.');
}

QByteArray logOf(int lines)
{
    QByteArray all;
    for (int i = 0; i < lines; ++i)
        all += lineFor(i) + '\n';
    return all;
}

bool writeFile(const QString &path, const QByteArray &bytes, QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile f(path);
    return f.open(mode) && f.write(bytes) == bytes.size();
}

QString waitText(LogModel &m, int row)
{
    const QModelIndex i = m.index(row);
    if (!QTest::qWaitFor([&] { return m.data(i, LogModel::LoadedRole).toBool(); }, 5000))
        return u"<not loaded>"_s;
    return m.data(i).toString();
}

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsTextAndLevelsOfALogOverManyChunks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w1.log"_s);
        const int lines = 120000; // about 11 MB: three index chunks
        const QByteArray log = logOf(lines);
        QVERIFY(log.size() > 2 * LogModel::kIndexChunkBytes);
        QVERIFY(writeFile(path, log));
        FileLogSource source(path);
        LogModel model;
        QSignalSpy caughtUp(&model, &LogModel::caughtUp);
        model.setSource(&source);
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 10000);
        QCOMPARE(model.rowCount(), lines);
        QCOMPARE(model.knownSize(), log.size());
        for (const int row : {0, 1, 255, 256, 257, 65535, 99999, lines - 1})
            QCOMPARE(waitText(model, row), QString::fromUtf8(lineFor(row)));
        QCOMPARE(model.data(model.index(7), LogModel::LevelRole).toInt(), int(LogLevel::Warning));
        QCOMPARE(model.data(model.index(8), LogModel::LevelRole).toInt(), int(LogLevel::Info));
        QCOMPARE(model.data(model.index(8), LogModel::TimestampRole).toLongLong(), kStartMs + 8000);
        QVERIFY(model.data(model.index(999), LogModel::TimestampRole).isNull());
    }

    void findsTextBothWaysAndTimes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"scheduler.log"_s);
        QVERIFY(writeFile(path, logOf(20000)));
        FileLogSource source(path);
        LogModel model;
        QSignalSpy caughtUp(&model, &LogModel::caughtUp);
        model.setSource(&source);
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 10000);
        QSignalSpy found(&model, &LogModel::found);
        QSignalSpy notFound(&model, &LogModel::notFound);

        model.findText(u"needle HERE"_s, 0, true); // case does not matter
        QVERIFY(found.wait(5000));
        QCOMPARE(found.takeFirst().at(0).toInt(), 4321);
        model.findText(u"needle here"_s, 4321, true); // only one: nothing below
        QVERIFY(notFound.wait(5000));
        notFound.clear();
        model.findText(u"message 1998 "_s, 19000, false);
        QVERIFY(found.wait(5000));
        QCOMPARE(found.takeFirst().at(0).toInt(), 1998);
        model.findText(u"message 1998 "_s, 1998, false); // strictly above
        QVERIFY(notFound.wait(5000));
        // The next match from a row, forward: "message 12" first appears in row 12, then 120..129, 1200...
        model.findText(u"message 12"_s, 12, true);
        QVERIFY(found.wait(5000));
        QCOMPARE(found.takeFirst().at(0).toInt(), 120);

        model.findTime(kStartMs + 5000 * 1000 + 500); // between lines 5000 and 5001
        QVERIFY(found.wait(5000));
        QCOMPARE(found.takeFirst().at(0).toInt(), 5001);
        model.findTime(kStartMs - 3600 * 1000); // before the log: its first line
        QVERIFY(found.wait(5000));
        QCOMPARE(found.takeFirst().at(0).toInt(), 0);
        notFound.clear();
        model.findTime(kStartMs + 30000 * 1000); // after its last line
        QVERIFY(notFound.wait(5000));
    }

    void followsAGrowingFileAndStartsOverWhenReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"job-1.log"_s);
        QVERIFY(writeFile(path, "first\nsecond, still open"));
        FileLogSource source(path, nullptr, 50);
        LogModel model;
        QSignalSpy caughtUp(&model, &LogModel::caughtUp);
        QSignalSpy grew(&model, &LogModel::grewWhileFollowing);
        model.setFollowing(true);
        model.setSource(&source);
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 5000);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(waitText(model, 1), u"second, still open"_s);

        QVERIFY(writeFile(path, " line\nthird\n", QIODevice::Append));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 5000);
        QVERIFY(!grew.isEmpty());
        QCOMPARE(waitText(model, 1), u"second, still open line"_s); // the open line, completed
        QCOMPARE(waitText(model, 2), u"third"_s);

        QVERIFY(writeFile(path, "new log\n")); // replaced by a shorter one
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
        QCOMPARE(waitText(model, 0), u"new log"_s);
    }

    void savesAnExactCopy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w2.log"_s);
        const QByteArray log = logOf(60000);
        QVERIFY(writeFile(path, log));
        FileLogSource source(path);
        LogSaver saver(&source, dir.filePath(u"copy.log"_s));
        QSignalSpy finished(&saver, &LogSaver::finished);
        saver.start();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QFile copy(dir.filePath(u"copy.log"_s));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), log);

        LogSaver refused(&source, dir.filePath(u"no/such/dir/copy.log"_s));
        QSignalSpy refusedDone(&refused, &LogSaver::finished);
        refused.start();
        QCOMPARE(refusedDone.size(), 1);
        QVERIFY(!refusedDone.at(0).at(0).toBool());
    }

    void longLinesAreCutForDisplay()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"long.log"_s);
        QVERIFY(writeFile(path, "short\n" + QByteArray(100000, 'z') + "\nend\n"));
        FileLogSource source(path);
        LogModel model;
        QSignalSpy caughtUp(&model, &LogModel::caughtUp);
        model.setSource(&source);
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 5000);
        QCOMPARE(model.rowCount(), 3);
        const QString cut = waitText(model, 1);
        QVERIFY(cut.size() < 20000);
        QVERIFY2(cut.contains(u"100000 bytes"_s), qPrintable(cut.right(60)));
        QCOMPARE(waitText(model, 2), u"end"_s);
    }
};

QTEST_GUILESS_MAIN(TestLogModel)
#include "tst_logmodel.moc"
