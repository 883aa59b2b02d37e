// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// End to end, offscreen: the Logs tab on a real runtime and real Dask follows a live executor's log
// while a job writes to it, every line arriving in order with the end kept in view; and "Show logs at this time"
// from the Incidents tab opens the Logs tab on that log at the first line at or after that time.
#include "core/logs/logline.h"
#include "core/logs/logmodel.h"
#include "runtimeprocess.h"
#include "ui/backend/connection.h"
#include "ui/clusterpage.h"
#include "ui/logs/logspanel.h"
#include "ui/mainwindow.h"
#include "ui/panels/incidentspanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QTableView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cdeck;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMarkers = 10;
const char *kLoggingJob = R"PY(
import logging, os, time
from dask.distributed import Client

def mark(i):
    time.sleep(0.4)
    logging.getLogger("distributed.worker").error("console-follow-marker %d", i)
    return i

client = Client(os.environ["DASK_SCHEDULER_ADDRESS"], timeout="30s")
for i in range(%1):
    client.submit(mark, i, pure=False).result()
)PY";

// The row "Show logs at this time" must land on: the first line stamped at or after atMs, in the file as written.
struct Landing
{
    qint64 atMs = 0;
    int row = -1;
};

// A time in the middle of the log (a stamped line's own time), and that line's row.
Landing middleOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = f.readAll().split('\n');
    QList<int> stamped;
    for (int i = 0; i < lines.size(); ++i)
        if (logs::timestampOf(lines[i]))
            stamped.append(i);
    if (stamped.size() < 3)
        return {};
    Landing l;
    l.atMs = *logs::timestampOf(lines[stamped[stamped.size() / 2]]);
    for (int i : std::as_const(stamped))
        if (*logs::timestampOf(lines[i]) >= l.atMs) {
            l.row = i;
            break;
        }
    return l;
}

QStringList markersIn(logs::LogModel *model)
{
    QStringList seen;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString text = model->lineText(row);
        const qsizetype at = text.indexOf(u"console-follow-marker "_s);
        if (at >= 0)
            seen.append(text.mid(at + 22));
    }
    return seen;
}

} // namespace

class TstLogsConsoleE2e : public QObject
{
    Q_OBJECT
private:
    test::RuntimeProcess m_runtime;
    QString m_clusterId;
    QTemporaryDir m_scripts;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        const ApiReply launched = m_runtime.api("POST", u"/clusters"_s, {{u"name"_s, u"logs-console"_s}, {u"workers"_s, 1}});
        QCOMPARE(launched.httpStatus, 201);
        m_clusterId = launched.body.toObject().value(u"id"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_runtime.api("GET", u"/clusters/"_s + m_clusterId).body.toObject().value(u"state"_s).toString(), u"WAITING"_s,
            180000);
    }

    void cleanupTestCase()
    {
        if (!m_clusterId.isEmpty() && m_runtime.isRunning())
            m_runtime.api("DELETE", u"/clusters/"_s + m_clusterId);
        QTest::qWait(3000);
        m_runtime.stopAndReap();
    }

    void showLogsAtATimeFromTheIncidentsTab()
    {
        ConsoleOptions options;
        options.runtimeUrl = QUrl(m_runtime.url());
        options.tokenFile = m_runtime.tokenFile();
        options.startLocalRuntime = false;
        options.persistent = false;
        MainWindow window(options);
        window.resize(1300, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.selectCluster(window.connections().first(), m_clusterId), 20000);
        window.showPage(MainWindow::Page::Incidents);
        LogsPanel *logs = window.clusterPage()->logsPanel();

        // An executor's incident: that executor's log, at the first line at or after its start.
        const Landing worker = middleOf(m_runtime.clusterDir(m_clusterId) + u"/logs/w1.log"_s);
        QVERIFY2(worker.row > 0, "w1's log has too few stamped lines to aim into its middle");
        Q_EMIT window.incidentsPanel()->logsWanted(triage::LogTarget{{u"w1"_s}, worker.atMs});
        QCOMPARE(window.clusterPage()->tabs()->currentWidget(), logs);
        QTRY_COMPARE_WITH_TIMEOUT(logs->sourceBox()->currentData().toString(), u"w1"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(logs->view()->currentIndex().row(), worker.row, 20000);
        QVERIFY(!logs->followBox()->isChecked()); // following would scroll away from it
        QVERIFY(logs->view()->viewport()->rect().intersects(logs->view()->visualRect(logs->view()->currentIndex())));
        // CLUSTERDECK_SCREENSHOT_DIR=docs/screenshots keeps the window as the README shows it.
        if (const QString dir = qEnvironmentVariable("CLUSTERDECK_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(300);
            QVERIFY(window.grab().save(dir + u"/logs-at-incident-time.png"_s));
        }

        // A target the cluster has no log for (a task group's name): the head's log, at that time.
        const Landing head = middleOf(m_runtime.clusterDir(m_clusterId) + u"/logs/scheduler.log"_s);
        QVERIFY2(head.row > 0, "the scheduler's log has too few stamped lines to aim into its middle");
        window.showPage(MainWindow::Page::Incidents);
        Q_EMIT window.incidentsPanel()->logsWanted(triage::LogTarget{{u"shuffle-split-0a1b"_s}, head.atMs});
        QCOMPARE(window.clusterPage()->tabs()->currentWidget(), logs);
        QTRY_COMPARE_WITH_TIMEOUT(logs->sourceBox()->currentData().toString(), u"scheduler"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(logs->view()->currentIndex().row(), head.row, 20000);
    }

    void followsALiveExecutorLogWhileAJobRuns()
    {
        LogsPanel panel;
        panel.resize(1000, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy listed(&panel, &LogsPanel::sourcesListed);
        panel.setRuntime(QUrl(m_runtime.url()), m_runtime.tokenFile());
        panel.setCluster(m_clusterId);
        QVERIFY(listed.wait(10000));
        QCOMPARE(panel.sourceBox()->currentData().toString(), u"scheduler"_s); // the head's log by default
        QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() > 0, 10000);
        QTRY_VERIFY(panel.model()->lineText(0).contains(u"distributed"_s));

        panel.selectSource(u"w1"_s);
        QCOMPARE(panel.sourceBox()->currentData().toString(), u"w1"_s);
        panel.followBox()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.model()->isIndexing() && panel.model()->rowCount() > 0, 10000);
        const int rowsBefore = panel.model()->rowCount();

        const QString script = m_scripts.filePath(u"markers.py"_s);
        {
            QFile f(script);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QString::fromLatin1(kLoggingJob).arg(kMarkers).toUtf8());
        }
        QFile::setPermissions(script, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther | QFile::WriteOwner);
        const ApiReply submitted = m_runtime.api("POST", u"/clusters/"_s + m_clusterId + u"/jobs"_s, {{u"script"_s, script}});
        QVERIFY2(submitted.httpStatus == 201, qPrintable(submitted.message()));

        // Lines arrive while the job runs: the first marker shows before the last is written.
        QTRY_VERIFY_WITH_TIMEOUT(!markersIn(panel.model()).isEmpty(), 60000);
        QVERIFY2(markersIn(panel.model()).size() < kMarkers, "every marker came at once: nothing was followed live");
        QTRY_COMPARE_WITH_TIMEOUT(markersIn(panel.model()).size(), kMarkers, 60000);
        QStringList expected;
        for (int i = 0; i < kMarkers; ++i)
            expected.append(QString::number(i));
        QCOMPARE(markersIn(panel.model()), expected);
        QVERIFY(panel.model()->rowCount() >= rowsBefore + kMarkers);
        // The end stays in view while following, and the marker lines are coloured as errors.
        QScrollBar *bar = panel.view()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum());
        const int lastRow = panel.model()->rowCount() - 1;
        int markerRow = lastRow;
        while (markerRow >= 0 && !panel.model()->lineText(markerRow).contains(u"console-follow-marker"_s))
            --markerRow;
        QCOMPARE(panel.model()->data(panel.model()->index(markerRow), logs::LogModel::LevelRole).toInt(),
                 int(logs::LogLevel::Error));
    }
};

QTEST_MAIN(TstLogsConsoleE2e)
#include "tst_logs_console_e2e.moc"
