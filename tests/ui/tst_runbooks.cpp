// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A runbook must only point at things that exist. The executor OOM runbook sent readers to a "restarts
// column" that neither the Executors tab nor `clusterdeck-cli executors` showed. Every runbook's references
// are checked against the real thing: CLI commands and options against the built clusterdeck-cli's help,
// columns against the Executors tab's header and the table `clusterdeck-cli executors` prints (against a
// loopback server answering the executors call), tabs against the console window's tabs, instance types
// against the local profiles.
#include "replayserver.h"
#include "testpaths.h"
#include "ui/mainwindow.h"
#include "ui/models/executormodel.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

QString runCli(const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(test::binDir() + u"/clusterdeck-cli"_s, args);
    // An event loop while it runs: the loopback server it may call lives in this thread.
    if (!finished.wait(30000)) {
        p.kill();
        p.waitForFinished();
    }
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

QHash<QString, QString> runbooks()
{
    QHash<QString, QString> texts;
    const QDir dir(test::resourcesDir() + u"/runbooks"_s);
    for (const QString &name : dir.entryList({u"*.md"_s}, QDir::Files)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            texts.insert(name, QString::fromUtf8(f.readAll()));
    }
    return texts;
}

// Markdown wraps lines; references are looked for in the text with its line breaks folded.
QString folded(const QString &markdown)
{
    QString text = markdown;
    text.replace(QRegularExpression(u"\\s*\\n\\s*"_s), u" "_s);
    return text;
}

} // namespace

class TstRunbooks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(runbooks().size() >= 8, "the runbooks are found in resources/runbooks");
        QVERIFY2(QFile::exists(test::binDir() + u"/clusterdeck-cli"_s), qPrintable(test::binDir()));
    }

    void cliCommandsAndOptionsExist()
    {
        const QHash<QString, QString> books = runbooks();
        static const QRegularExpression command(u"`clusterdeck-cli ([^`]+)`"_s);
        static const QRegularExpression option(u"`(--[a-z][a-z-]*)[^`]*`"_s);
        const QString topHelp = runCli({u"--help"_s});
        QVERIFY2(topHelp.contains(u"Usage"_s, Qt::CaseInsensitive), qPrintable(topHelp));
        // Options are looked for in the help of every command the runbooks name, and of the top level.
        QString help = topHelp;
        for (const QString &text : books)
            for (auto m = command.globalMatch(folded(text)); m.hasNext();) {
                QStringList path;
                for (const QString &w : m.next().captured(1).split(u' ', Qt::SkipEmptyParts)) {
                    if (w.startsWith(u'-') || w.toUpper() == w)
                        break;
                    path.append(w);
                }
                help += runCli(path + QStringList{u"--help"_s});
            }
        int checked = 0;
        for (auto it = books.cbegin(); it != books.cend(); ++it) {
            const QString text = folded(it.value());
            for (auto m = command.globalMatch(text); m.hasNext();) {
                // The command's words: up to the first placeholder (ID, EID, NAME) or option.
                QStringList words;
                for (const QString &w : m.next().captured(1).split(u' ', Qt::SkipEmptyParts)) {
                    if (w.startsWith(u'-') || w.toUpper() == w)
                        break;
                    words.append(w);
                }
                QVERIFY2(!words.isEmpty(), qPrintable(it.key()));
                // Known to the CLI: each word in the help of the command above it.
                const QString scoped = topHelp + runCli({words.first(), u"--help"_s});
                for (const QString &w : std::as_const(words))
                    QVERIFY2(scoped.contains(QRegularExpression(u"(^|\\s)"_s + QRegularExpression::escape(w) + u"(\\s|$)"_s)),
                             qPrintable(it.key() + u": clusterdeck-cli has no command word '"_s + w + u'\''));
                ++checked;
            }
            for (auto m = option.globalMatch(text); m.hasNext();) {
                const QString name = m.next().captured(1);
                QVERIFY2(help.contains(name), qPrintable(it.key() + u": clusterdeck-cli has no option "_s + name));
                ++checked;
            }
        }
        QVERIFY(checked >= 4);
    }

    void columnsExistInTheExecutorsTabAndTheCli()
    {
        const QHash<QString, QString> books = runbooks();
        // What the Executors tab's columns are called (a Dask cluster's).
        ExecutorModel model;
        QStringList tabColumns;
        for (int c = 0; c < model.columnCount(); ++c)
            tabColumns.append(model.headerData(c, Qt::Horizontal).toString());
        // What `clusterdeck-cli executors ID` prints, for one executor that restarted twice.
        test::ReplayServer server;
        QVERIFY(server.listen());
        const QJsonObject executor{{u"id"_s, u"w1"_s}, {u"status"_s, u"running"_s}, {u"address"_s, u"tcp://127.0.0.1:4100"_s},
                                   {u"restarts"_s, 2}, {u"threads"_s, 2}, {u"memoryLimitBytes"_s, 1 << 30}};
        server.responses.insert("GET /api/v1/clusters/c-1/executors",
                                {test::ReplayServer::ok(QJsonDocument(QJsonArray{executor}).toJson())});
        QTemporaryDir dir;
        QFile token(dir.filePath(u"token"_s));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("test-token\n");
        token.close();
        int exitCode = -1;
        const QString table = runCli({u"--runtime"_s, u"http://127.0.0.1:%1"_s.arg(server.port()), u"--token-file"_s,
                                      token.fileName(), u"executors"_s, u"c-1"_s},
                                     &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(table));
        const QStringList lines = table.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 2, qPrintable(table));
        // The restarts are shown, under their header.
        const qsizetype at = lines[0].indexOf(u"RESTARTS"_s);
        QVERIFY2(at > 0, qPrintable(table));
        QCOMPARE(lines[1].mid(at, 8).trimmed(), u"2"_s);

        static const QRegularExpression column(u"`([^`]+)` column"_s);
        int checked = 0;
        for (auto it = books.cbegin(); it != books.cend(); ++it)
            for (auto m = column.globalMatch(folded(it.value())); m.hasNext();) {
                const QString name = m.next().captured(1);
                QVERIFY2(tabColumns.contains(name, Qt::CaseInsensitive),
                         qPrintable(it.key() + u": the Executors tab has no column "_s + name + u" ("_s
                                    + tabColumns.join(u", "_s) + u')'));
                QVERIFY2(lines[0].contains(name.toUpper()),
                         qPrintable(it.key() + u": clusterdeck-cli executors has no column "_s + name));
                ++checked;
            }
        QVERIFY(checked >= 1);
    }

    void tabsExistInTheConsole()
    {
        const QHash<QString, QString> books = runbooks();
        test::ReplayServer server; // a runtime that knows nothing: the window still has its tabs
        QVERIFY(server.listen());
        ConsoleOptions options;
        options.runtimeUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(server.port()));
        options.startLocalRuntime = false;
        options.persistent = false;
        MainWindow window(options);
        QStringList tabs;
        for (const QTabWidget *w : window.findChildren<QTabWidget *>())
            for (int i = 0; i < w->count(); ++i)
                tabs.append(w->tabText(i));
        QVERIFY2(tabs.contains(u"Executors"_s), qPrintable(tabs.join(u", "_s)));
        static const QRegularExpression tab(u"the (?:cluster's )?([A-Z][A-Za-z/ ]*?) tab"_s);
        int checked = 0;
        for (auto it = books.cbegin(); it != books.cend(); ++it)
            for (auto m = tab.globalMatch(folded(it.value())); m.hasNext();) {
                const QString name = m.next().captured(1);
                QVERIFY2(tabs.contains(name), qPrintable(it.key() + u": the console has no tab "_s + name));
                ++checked;
            }
        QVERIFY(checked >= 1);
    }

    void instanceTypesExist()
    {
        const QHash<QString, QString> books = runbooks();
        QFile f(test::resourcesDir() + u"/instance-types/local.json"_s);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString profiles = QString::fromUtf8(f.readAll());
        static const QRegularExpression type(u"`(local\\.[a-z0-9]+)`"_s);
        for (auto it = books.cbegin(); it != books.cend(); ++it)
            for (auto m = type.globalMatch(it.value()); m.hasNext();) {
                const QString name = m.next().captured(1);
                QVERIFY2(profiles.contains(u'"' + name + u'"'), qPrintable(it.key() + u": no instance type "_s + name));
            }
    }
};

QTEST_MAIN(TstRunbooks)
#include "tst_runbooks.moc"
