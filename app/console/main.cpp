// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// clusterdeck: the console. Thin: options, translations, the window, and --screenshot.
#include "ui/clusterpage.h"
#include "ui/consolesettings.h"
#include "ui/forms/openlogprogress.h"
#include "ui/forms/launchform.h"
#include "ui/mainwindow.h"
#include "ui/panels/dagpanel.h"
#include "ui/panels/eventlogextraspages.h"
#include "ui/panels/sparkstagepage.h"
#include "ui/panels/summarypanel.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QPointer>
#include <QScreen>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Reports the first paint of the window (for docs/benchmarks.md: cold start to first painted window).
class FirstPaintProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            fprintf(stderr, "clusterdeck: first-paint-epoch-ms=%lld\n",
                    static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

// The languages the console speaks: the .qm files embedded under :/i18n (clusterdeck_de.qm -> "de").
QStringList availableLanguages()
{
    QStringList languages = QDir(u":/i18n"_s).entryList({u"clusterdeck_*.qm"_s}, QDir::Files, QDir::Name);
    for (QString &file : languages)
        file = file.mid(int(qstrlen("clusterdeck_"))).chopped(int(qstrlen(".qm")));
    return languages;
}

// --lang's value, read before the parser runs: the option texts of --help are translated already.
// Empty when not given; "--lang" without a value is left for the parser to report.
QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == "--"_L1)
            break;
        if (arguments[i].startsWith("--lang="_L1))
            return arguments[i].mid(7);
        if (arguments[i] == "--lang"_L1 && i + 1 < arguments.size())
            return arguments[i + 1];
    }
    return {};
}

void loadTranslations(QApplication &app)
{
    // QTranslator::load(QLocale) tries the user's languages in order ("de-CH", then "de"). English is the fallback
    // for every other language: its file holds only the plural forms, so "%n day(s)" reads "1 day", "2 days".
    auto *ours = new QTranslator(&app);
    if (ours->load(QLocale(), u"clusterdeck"_s, u"_"_s, u":/i18n"_s) || ours->load(u"clusterdeck_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

// --help and --version print and exit: they must work where there is no display (help2man builds the man
// page from them on a build machine, a user reads them over ssh). QApplication needs a platform before
// it parses anything, so those two get the offscreen one unless a platform was chosen.
void allowHelpWithoutDisplay(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return;
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--") // what follows is not an option
            return;
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version") {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    allowHelpWithoutDisplay(argc, argv);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"ClusterDeck"_s);
    QCoreApplication::setApplicationName(u"clusterdeck"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CLUSTERDECK_VERSION));
    // The desktop entry's name: a window manager matches the window to io.clusterdeck.ClusterDeck.desktop.
    QGuiApplication::setDesktopFileName(u"io.clusterdeck.ClusterDeck"_s);
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/%1x%1/apps/io.clusterdeck.ClusterDeck.png"_s.arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    // --lang picks the language (and with it the formats of numbers and dates); without it the system locale does
    // (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    const QString language = languageArgument(QCoreApplication::arguments());
    if (!language.isEmpty()) {
        const QLocale asked(language); // "de", "de_DE" or "de-AT"
        if (asked.language() == QLocale::C
            || !availableLanguages().contains(QLocale::languageToCode(asked.language()))) {
            fprintf(stderr, "clusterdeck: --lang must be one of: %s\n", qPrintable(availableLanguages().join(u", "_s)));
            return 2;
        }
        QLocale::setDefault(asked);
    }
    loadTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "ClusterDeck console: clusters, executors and jobs of a clusterdeck-runtime. Without --runtime it "
                "opens the local runtime on 127.0.0.1:7650 and starts it when nothing answers there."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption runtimeOption(u"runtime"_s, QCoreApplication::translate("main", "Connect to this runtime only (never start a local one)."), u"URL"_s);
    const QCommandLineOption tokenOption(u"token-file"_s, QCoreApplication::translate("main", "The runtime's token file (with --runtime)."), u"FILE"_s);
    const QCommandLineOption connectionOption(u"connection"_s, QCoreApplication::translate("main", "What --runtime is: runtime (default, a clusterdeck-runtime), spark (a Spark UI or History Server) or yarn (a ResourceManager)."), u"KIND"_s, u"runtime"_s);
    // --engine was this option's first name; the engine of a cluster (dask or spark) is another thing.
    QCommandLineOption engineAlias(u"engine"_s, QCoreApplication::translate("main", "Deprecated name of --connection."), u"KIND"_s);
    engineAlias.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption eventLogOption(u"event-log"_s, QCoreApplication::translate("main", "Open this Spark event log (a file or an eventlog_v2_* directory; repeatable) with no server: the window shows only the logs."), u"PATH"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, QCoreApplication::translate("main", "Render the window once its data has arrived, save it as PNG and exit (non-zero if no data within 30 s)."), u"FILE"_s);
    const QCommandLineOption sizeOption(u"size"_s, QCoreApplication::translate("main", "Window size for --screenshot (default 1440x900)."), u"WxH"_s, u"1440x900"_s);
    const QCommandLineOption pageOption(u"page"_s, QCoreApplication::translate("main", "Page for --screenshot: overview, executors, jobs, launch, memory, shuffle, dag, timeline, incidents, cost, summary, slos or logs."), u"PAGE"_s, u"overview"_s);
    const QCommandLineOption windowOption(
        u"window"_s,
        QCoreApplication::translate(
            "main",
            "With --screenshot and --event-log: render a window of the log instead: stage:ID[:ATTEMPT] (the stage "
            "page), sql, environment or open-progress (the open dialog while the log is read)."),
        u"WINDOW"_s);
    const QCommandLineOption jobOption(u"job"_s, QCoreApplication::translate("main", "With --page dag: show this job's DAG (default: the newest job)."), u"ID"_s);
    const QCommandLineOption clusterOption(u"cluster"_s, QCoreApplication::translate("main", "Select the cluster with this name."), u"NAME"_s);
    const QCommandLineOption launchNameOption(u"launch-name"_s, QCoreApplication::translate("main", "Prefill the launch form's name (with --page launch)."), u"NAME"_s);
    const QCommandLineOption launchWorkersOption(u"launch-workers"_s, QCoreApplication::translate("main", "Prefill the launch form's workers (with --page launch)."), u"N"_s);
    const QCommandLineOption launchScalingOption(u"launch-scaling"_s, QCoreApplication::translate("main", "Prefill the launch form with a managed scaling policy between MIN and MAX workers (with --page launch)."), u"MIN-MAX"_s);
    const QCommandLineOption reportPdfOption(u"report-pdf"_s, QCoreApplication::translate("main", "With --screenshot --page summary: also write the summary's PDF report to FILE."), u"FILE"_s);
    const QCommandLineOption themeOption(
        u"theme"_s,
        QCoreApplication::translate(
            "main", "The theme: system, light or dark (default: the one chosen in View > Theme, else system)."),
        u"THEME"_s);
    const QCommandLineOption langOption(
        u"lang"_s,
        QCoreApplication::translate("main",
                                    "The console's language: de (German) or en (English). Default: the system's "
                                    "language (LANG), English when there is no translation for it."),
        u"LANG"_s);
    parser.addOptions({reportPdfOption, eventLogOption, langOption, themeOption});
    parser.addOptions({runtimeOption, tokenOption, connectionOption, engineAlias, screenshotOption, sizeOption,
                       pageOption, clusterOption, launchNameOption, launchWorkersOption, launchScalingOption, jobOption,
                       windowOption});
    parser.process(app);

    cdeck::ConsoleOptions options;
    if (parser.isSet(runtimeOption)) {
        options.runtimeUrl = QUrl::fromUserInput(parser.value(runtimeOption));
        options.startLocalRuntime = false;
        if (parser.isSet(engineAlias) && parser.isSet(connectionOption)) {
            fprintf(stderr, "clusterdeck: give --connection only (--engine is its deprecated name)\n");
            return 2;
        }
        if (parser.isSet(engineAlias))
            fprintf(stderr, "clusterdeck: --engine is deprecated, use --connection\n");
        const QString kindName = parser.isSet(engineAlias) ? parser.value(engineAlias) : parser.value(connectionOption);
        const std::optional<cdeck::ConnectionKind> kind = cdeck::connectionKindFromName(kindName);
        if (!kind || *kind == cdeck::ConnectionKind::EventLog) {
            fprintf(stderr, "clusterdeck: --connection must be runtime, spark or yarn (an event log is opened with --event-log)\n");
            return 2;
        }
        options.connection = *kind;
        if (options.connection == cdeck::ConnectionKind::Runtime && !parser.isSet(tokenOption)) {
            fprintf(stderr, "clusterdeck: --runtime needs --token-file FILE\n");
            return 2;
        }
        if (parser.isSet(tokenOption))
            options.tokenFile = QFileInfo(parser.value(tokenOption)).absoluteFilePath();
    }
    if (parser.isSet(eventLogOption)) {
        for (const QString &path : parser.values(eventLogOption)) {
            if (!QFileInfo::exists(path)) {
                fprintf(stderr, "clusterdeck: no such event log: %s\n", qPrintable(path));
                return 2;
            }
            options.eventLogs.append(QFileInfo(path).absoluteFilePath());
        }
        options.startLocalRuntime = false;
    }
    const bool screenshot = parser.isSet(screenshotOption);
    options.persistent = !screenshot;
    {
        const QString themeName = parser.isSet(themeOption) ? parser.value(themeOption)
            : screenshot                                    ? u"system"_s
                                                            : cdeck::ConsoleSettings().theme();
        const std::optional<cdeck::theme::Choice> choice = cdeck::theme::fromName(themeName);
        if (!choice && parser.isSet(themeOption)) {
            fprintf(stderr, "clusterdeck: --theme must be system, light or dark\n");
            return 2;
        }
        cdeck::theme::apply(choice.value_or(cdeck::theme::Choice::System));
    }

    static const QHash<QString, cdeck::MainWindow::Page> pages{{u"overview"_s, cdeck::MainWindow::Page::Overview},
                                                               {u"executors"_s, cdeck::MainWindow::Page::Executors},
                                                               {u"jobs"_s, cdeck::MainWindow::Page::Jobs},
                                                               {u"launch"_s, cdeck::MainWindow::Page::Launch},
                                                               {u"memory"_s, cdeck::MainWindow::Page::Memory},
                                                               {u"shuffle"_s, cdeck::MainWindow::Page::Shuffle},
                                                               {u"dag"_s, cdeck::MainWindow::Page::Dag},
                                                               {u"timeline"_s, cdeck::MainWindow::Page::Timeline},
                                                               {u"incidents"_s, cdeck::MainWindow::Page::Incidents},
                                                               {u"cost"_s, cdeck::MainWindow::Page::Cost},
                                                               {u"summary"_s, cdeck::MainWindow::Page::Summary},
                                                               {u"slos"_s, cdeck::MainWindow::Page::Slos},
                                                               {u"logs"_s, cdeck::MainWindow::Page::Logs},
                                                               {u"audit"_s, cdeck::MainWindow::Page::Audit}};
    if (!pages.contains(parser.value(pageOption))) {
        fprintf(stderr, "clusterdeck: --page must be overview, executors, jobs, launch, memory, shuffle, dag, timeline, incidents, cost, summary, slos or logs\n");
        return 2;
    }
    const cdeck::MainWindow::Page page = pages.value(parser.value(pageOption));
    QSize size(1440, 900);
    {
        const QStringList wh = parser.value(sizeOption).split(u'x');
        bool okW = false;
        bool okH = false;
        if (wh.size() == 2)
            size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
        if (!okW || !okH || size.width() < 320 || size.height() < 240) {
            fprintf(stderr, "clusterdeck: --size expects WxH, e.g. 1440x900\n");
            return 2;
        }
    }

    cdeck::MainWindow window(options);
    if (qEnvironmentVariableIsSet("CLUSTERDECK_REPORT_FIRST_PAINT"))
        window.installEventFilter(new FirstPaintProbe(&window));
    if (!screenshot) {
        window.show();
        if (parser.isSet(clusterOption) || parser.isSet(pageOption)) {
            // Open on the asked cluster and page as soon as the cluster list has it.
            auto *select = new QTimer(&window);
            QObject::connect(select, &QTimer::timeout, &window, [&window, &parser, select, clusterOption, pageOption, jobOption] {
                if (parser.isSet(clusterOption) && !window.selectClusterByName(parser.value(clusterOption)))
                    return;
                window.showPage(pages.value(parser.value(pageOption)));
                if (parser.isSet(jobOption))
                    window.showJobDag(parser.value(jobOption));
                select->stop();
            });
            select->start(200);
        }
        return app.exec();
    }

    // --screenshot: wait for the page's data, then render once it has been laid out and painted.
    window.resize(size);
    window.show();
    const QString file = QFileInfo(parser.value(screenshotOption)).absoluteFilePath();
    const QString clusterName = parser.value(clusterOption);
    bool pagePlaced = false;
    int exitCode = -1;
    // --window: which of an event log's own windows to render, and whether it has what it shows.
    const QString windowKind = parser.value(windowOption);
    QPointer<QWidget> logWindow;
    auto logWindowReady = [&]() -> bool {
        if (windowKind.isEmpty())
            return true;
        if (windowKind == "open-progress"_L1) {
            for (auto *dialog : window.findChildren<cdeck::OpenLogProgress *>())
                if (dialog->isVisible() && dialog->value() >= 100 && dialog->value() <= 900) {
                    logWindow = dialog;
                    return true;
                }
            return false;
        }
        if (!logWindow) {
            const QStringList stage = windowKind.split(u':');
            if (stage.first() == "stage"_L1)
                logWindow = window.clusterPage()->openStagePage(stage.value(1).toInt(), stage.value(2).toInt());
            else if (windowKind == "sql"_L1)
                logWindow = window.clusterPage()->openSqlPage();
            else if (windowKind == "environment"_L1)
                logWindow = window.clusterPage()->openEnvironmentPage();
            if (logWindow)
                logWindow->resize(size);
            return false;
        }
        if (auto *p = qobject_cast<cdeck::SparkStagePage *>(logWindow.data()))
            return p->isLoaded();
        if (auto *p = qobject_cast<cdeck::SqlPage *>(logWindow.data()))
            return p->isLoaded() && p->planPanel()->hasLayout();
        if (auto *p = qobject_cast<cdeck::EnvironmentPage *>(logWindow.data()))
            return p->isLoaded();
        return false;
    };
    if (windowKind == "open-progress"_L1) {
        // The dialog shows while the log is read: grab it then, not once the data has come.
        auto *watch = new QTimer(&window);
        QObject::connect(watch, &QTimer::timeout, &window, [&, watch] {
            if (!logWindowReady())
                return;
            watch->stop();
            // The dialog over the window, as the screen shows them (a widget's grab() leaves other windows out).
            const QRect area = window.frameGeometry();
            const QPixmap shot = window.screen()->grabWindow(0, area.x(), area.y(), area.width(), area.height());
            const bool saved = shot.save(QFileInfo(parser.value(screenshotOption)).absoluteFilePath(), "PNG");
            fprintf(stderr, saved ? "clusterdeck: saved the open dialog\n" : "clusterdeck: cannot write the PNG\n");
            exitCode = saved ? 0 : 1;
            QCoreApplication::exit(exitCode);
        });
        watch->start(20);
    }
    auto *poll = new QTimer(&window);
    QObject::connect(poll, &QTimer::timeout, &window, [&] {
        if (!pagePlaced) {
            // An event log selects its application once read: place the page then, on the cluster's page rather
            // than the empty one.
            if (!options.eventLogs.isEmpty() && window.currentClusterId().isEmpty())
                return;
            if (!clusterName.isEmpty() && page != cdeck::MainWindow::Page::Launch && !window.selectClusterByName(clusterName))
                return;
            window.showPage(page);
            if (parser.isSet(jobOption))
                window.showJobDag(parser.value(jobOption));
            if (page == cdeck::MainWindow::Page::Launch && parser.isSet(launchNameOption))
                window.launchForm()->prefill(parser.value(launchNameOption), parser.value(launchWorkersOption).toInt());
            pagePlaced = true;
        }
        if (!window.isReady(page) || windowKind == "open-progress"_L1 || !logWindowReady())
            return;
        poll->stop();
        if (page == cdeck::MainWindow::Page::Launch && parser.isSet(launchNameOption))
            window.launchForm()->prefill(parser.value(launchNameOption), parser.value(launchWorkersOption).toInt());
        if (page == cdeck::MainWindow::Page::Launch && parser.isSet(launchScalingOption)) {
            const QStringList bounds = parser.value(launchScalingOption).split(u'-');
            window.launchForm()->prefillPolicy(bounds.value(0).toInt(), bounds.value(1).toInt());
        }
        // One more refresh period so tables are sized and the second snapshot (rates, durations) is in.
        QTimer::singleShot(1500, &window, [&] {
            bool saved = (logWindow ? logWindow->grab() : window.grab()).save(file, "PNG");
            if (saved && page == cdeck::MainWindow::Page::Summary && parser.isSet(reportPdfOption)) {
                QString error;
                saved = window.summaryPanel()->exportPdf(parser.value(reportPdfOption), &error);
                if (!saved)
                    fprintf(stderr, "clusterdeck: %s\n", qPrintable(error));
            }
            fprintf(stderr, saved ? "clusterdeck: saved %s\n" : "clusterdeck: cannot write %s\n", qPrintable(file));
            exitCode = saved ? 0 : 1;
            QCoreApplication::exit(exitCode);
        });
    });
    poll->start(200);
    QTimer::singleShot(30000, &window, [&] {
        if (exitCode < 0) {
            fprintf(stderr, "clusterdeck: no data within 30 s for --screenshot (page %s%s)\n",
                    qPrintable(parser.value(pageOption)),
                    clusterName.isEmpty() ? "" : qPrintable(u", cluster "_s + clusterName));
            QCoreApplication::exit(3);
        }
    });
    return app.exec();
}
