// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The Logs tab over a log file, offscreen: lines shown, levels coloured, Enter and Shift+Enter find the
// next and previous match (highlighted), a time jumps to its line, following keeps the end in view.
#include "core/logs/filelogsource.h"
#include "core/logs/logmodel.h"
#include "ui/logs/loglinedelegate.h"
#include "ui/logs/logspanel.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cdeck;
using namespace Qt::StringLiterals;

namespace {

const qint64 kStartMs = QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::LocalTime).toMSecsSinceEpoch();

QByteArray lineFor(int i)
{
    const char *level = i % 10 == 3 ? "ERROR" : (i % 10 == 5 ? "WARNING" : "INFO");
    return QDateTime::fromMSecsSinceEpoch(kStartMs + qint64(i) * 2000).toString(u"yyyy-MM-dd HH:mm:ss,zzz"_s).toLatin1()
        + " - distributed.worker - " + level + " - event " + QByteArray::number(i)
        + (i % 1000 == 500 ? " spill to disk" : "") + '\n';
}

bool appendLines(const QString &path, int from, int to)
{
    QFile f(path);
    if (!f.open(QIODevice::Append))
        return false;
    for (int i = from; i < to; ++i)
        f.write(lineFor(i));
    return true;
}

// How many pixels of this colour the row's rectangle holds, as painted.
int pixelsOf(QTableView *view, int row, const QColor &colour)
{
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    const QImage image = view->viewport()->grab(rect).toImage();
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (QColor(image.pixel(x, y)) == colour)
                ++n;
    return n;
}

} // namespace

class TestLogsPanel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath(u"w1.log"_s);
        QVERIFY(appendLines(m_path, 0, 5000));
    }

    void showsLinesWithTheirLevelsColoured()
    {
        LogsPanel panel;
        panel.resize(1000, 500);
        logs::FileLogSource source(m_path);
        QSignalSpy caughtUp(panel.model(), &logs::LogModel::caughtUp);
        panel.showSource(&source, u"w1"_s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 5000);
        QCOMPARE(panel.model()->rowCount(), 5000);
        QTRY_COMPARE(panel.model()->data(panel.model()->index(3)).toString(), QString::fromLatin1(lineFor(3).trimmed()));
        QVERIFY2(panel.statusText().contains(u"5,000 lines"_s), qPrintable(panel.statusText()));
        QTest::qWait(50); // the arrived rows repaint
        const QPalette palette = panel.view()->palette();
        const QColor error = LogLineDelegate::levelColour(logs::LogLevel::Error, palette);
        const QColor warning = LogLineDelegate::levelColour(logs::LogLevel::Warning, palette);
        QVERIFY(pixelsOf(panel.view(), 3, error) > 20); // the ERROR line is drawn in the error colour
        QCOMPARE(pixelsOf(panel.view(), 4, error), 0); // an INFO line is not
        QVERIFY(pixelsOf(panel.view(), 5, warning) > 20);
    }

    void enterAndShiftEnterFindNextAndPreviousAndHighlight()
    {
        LogsPanel panel;
        panel.resize(1000, 500);
        logs::FileLogSource source(m_path);
        QSignalSpy caughtUp(panel.model(), &logs::LogModel::caughtUp);
        panel.showSource(&source, u"w1"_s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 5000);
        QSignalSpy found(panel.model(), &logs::LogModel::found);
        panel.searchField()->setFocus();
        QTest::keyClicks(panel.searchField(), u"SPILL to"_s);
        QTest::keyClick(panel.searchField(), Qt::Key_Return);
        QVERIFY(found.wait(5000));
        QCOMPARE(panel.view()->currentIndex().row(), 500);
        QTest::keyClick(panel.searchField(), Qt::Key_Return);
        QVERIFY(found.wait(5000));
        QCOMPARE(panel.view()->currentIndex().row(), 1500);
        QTest::keyClick(panel.searchField(), Qt::Key_Return, Qt::ShiftModifier);
        QVERIFY(found.wait(5000));
        QCOMPARE(panel.view()->currentIndex().row(), 500);
        // The row in view shows its match highlighted: select another row so 500 is painted unselected.
        panel.view()->setCurrentIndex(panel.model()->index(501));
        QTest::qWait(50);
        const QColor mark = LogLineDelegate::highlightColour(panel.view()->palette());
        QVERIFY(pixelsOf(panel.view(), 500, mark) > 50);
        QCOMPARE(pixelsOf(panel.view(), 502, mark), 0);
        QSignalSpy notFound(panel.model(), &logs::LogModel::notFound);
        panel.find(u"no such text anywhere"_s);
        QVERIFY(notFound.wait(5000));
        QVERIFY2(panel.statusText().contains(u"No match"_s), qPrintable(panel.statusText()));
    }

    void aTimeJumpsToItsLine()
    {
        LogsPanel panel;
        logs::FileLogSource source(m_path);
        QSignalSpy caughtUp(panel.model(), &logs::LogModel::caughtUp);
        panel.showSource(&source, u"w1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 5000);
        QSignalSpy found(panel.model(), &logs::LogModel::found);
        panel.findChild<QDateTimeEdit *>()->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs + 2345 * 2000 - 1000));
        QPushButton *jump = nullptr;
        for (QPushButton *b : panel.findChildren<QPushButton *>())
            if (b->text().contains(u"Jump"_s))
                jump = b;
        QVERIFY(jump);
        jump->click();
        QVERIFY(found.wait(5000));
        QCOMPARE(panel.view()->currentIndex().row(), 2345); // the first line at or after that second
    }

    void followingKeepsTheEndInView()
    {
        const QString path = m_dir.filePath(u"growing.log"_s);
        QVERIFY(appendLines(path, 0, 300));
        LogsPanel panel;
        panel.resize(800, 300);
        logs::FileLogSource source(path, nullptr, 50);
        QSignalSpy caughtUp(panel.model(), &logs::LogModel::caughtUp);
        panel.showSource(&source, u"growing"_s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 5000);
        panel.followBox()->setChecked(true);
        QVERIFY(appendLines(path, 300, 700));
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 700, 5000);
        QScrollBar *bar = panel.view()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(bar->maximum() > 0);
        // Not following: new lines do not move the view.
        panel.followBox()->setChecked(false);
        bar->setValue(0);
        QVERIFY(appendLines(path, 700, 800));
        QTest::qWait(300);
        QCOMPARE(bar->value(), 0);
    }
};

QTEST_MAIN(TestLogsPanel)
#include "tst_logspanel.moc"
