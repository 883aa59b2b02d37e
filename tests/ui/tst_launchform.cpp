// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The launch form names each problem under its field before anything is sent, and places a runtime
// refusal's field messages on the fields.
#include "testpaths.h"
#include "ui/backend/connection.h"
#include "ui/backend/focusedcluster.h"
#include "ui/clusterpage.h"
#include "ui/forms/launchform.h"
#include "ui/forms/scaledialog.h"
#include "ui/forms/terminatedialog.h"
#include "ui/models/telemetrywindow.h"
#include "ui/panels/eventlist.h"
#include "ui/panels/executormemorypanel.h"
#include "ui/panels/jobspanel.h"
#include "ui/presentation.h"
#include "ui/panels/overviewpanel.h"
#include "ui/panels/shuffleiopanel.h"
#include "ui/widgets/timechart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstLaunchForm : public QObject
{
    Q_OBJECT

private:
    static QList<InstanceType> types()
    {
        InstanceType small;
        small.name = u"local.small"_s;
        small.threads = 1;
        small.memoryLimitBytes = qint64(1) << 30;
        small.referenceType = u"m5.xlarge"_s;
        small.description = u"1 thread, 1 GiB"_s;
        small.maxWorkers = 8;
        InstanceType memory = small;
        memory.name = u"local.memory"_s;
        memory.memoryLimitBytes = qint64(4) << 30;
        memory.maxWorkers = 3;
        return {small, memory};
    }

    template<typename T>
    static T *child(QWidget *parent, const QString &name)
    {
        T *w = parent->findChild<T *>(name);
        if (!w)
            qFatal("no child %s", qPrintable(name));
        return w;
    }

private Q_SLOTS:
    // What an English user reads: the console's English file (plural forms only) is installed, as main.cpp does.
    void initTestCase()
    {
        auto *english = new QTranslator(this);
        QVERIFY(english->load(u"clusterdeck_en"_s, QStringLiteral(CLUSTERDECK_QM_DIR)));
        QCoreApplication::installTranslator(english);
    }

    void namesTheField_data();
    void namesTheField();
    void validSpecIsSent();
    void errorsShowWhileTyping();
    void refusalLandsOnFields();
    void scaleDialogShowsDelta();
    void overviewSaysWhenIdleTerminationFires();
    void jobFormFollowsTheSamples();
    void managedPolicyFieldsAreValidatedAndSent();
    void scaleDialogChangesThePolicy();
    void eventListShowsDecisionsNewestFirst();
    void overviewShowsPolicyTargetAndEvents();
    void scaleEventsAreMarkersOnMemoryAndShuffleCharts();
    void terminateNeedsTheName();
    void translationsCoverCore();
    void launchFormOffersTheRuntimesEngines();
    void overviewLinksTheSparkMasterAndDriverUis();
    void jobFormOffersTheFocusedClustersEngineSamples();
};

void TstLaunchForm::launchFormOffersTheRuntimesEngines()
{
    LaunchForm form;
    form.setInstanceTypes(types(), u"local.small"_s);
    form.show();
    auto *engine = child<QComboBox>(&form, u"engineCombo"_s);
    auto *hint = child<QLabel>(&form, u"engineHint"_s);
    auto *model = qobject_cast<QStandardItemModel *>(engine->model());
    QVERIFY(model);
    const int sparkRow = engine->findData(u"spark"_s);
    QVERIFY(sparkRow >= 0);
    // Until the runtime said, Spark is listed but cannot be picked.
    QVERIFY(!model->item(sparkRow)->isEnabled());
    // A runtime without Spark: the reason (what to install) is under the field and on the item.
    const QString reason = u"No Spark here: /opt/x has no pyspark; run scripts/install-deps.sh"_s;
    form.setEngines({{EngineKind::Dask, true, {}}, {EngineKind::Spark, false, reason}});
    QVERIFY(!model->item(sparkRow)->isEnabled());
    QCOMPARE(engine->itemData(sparkRow, Qt::ToolTipRole).toString(), reason);
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(reason), qPrintable(hint->text()));
    QVERIFY(!form.engineOffered(EngineKind::Spark));
    form.selectEngine(EngineKind::Spark);
    QCOMPARE(toString(form.spec().engine), u"dask"_s);
    // A runtime with Spark: it can be picked, and the launch asks for it.
    form.setEngines({{EngineKind::Dask, true, {}}, {EngineKind::Spark, true, {}}});
    QVERIFY(model->item(sparkRow)->isEnabled());
    QVERIFY(!hint->isVisible());
    QSignalSpy launched(&form, &LaunchForm::launchRequested);
    engine->setCurrentIndex(sparkRow);
    QTest::keyClicks(child<QLineEdit>(&form, u"nameEdit"_s), u"spark-etl"_s);
    QTest::mouseClick(child<QPushButton>(&form, u"launchButton"_s), Qt::LeftButton);
    QCOMPARE(launched.count(), 1);
    QCOMPARE(toString(launched.at(0).at(0).value<ClusterSpec>().engine), u"spark"_s);
    // Spark going away (the runtime says so on the next opening) moves the choice back to what it runs.
    form.setEngines({{EngineKind::Dask, true, {}}, {EngineKind::Spark, false, reason}});
    QCOMPARE(toString(form.spec().engine), u"dask"_s);
    // The runtime's refusal of the engine lands on the field.
    form.showRefusal(u"engine not available"_s, {{u"engine"_s, reason}});
    QVERIFY2(form.fieldError(u"engine"_s).contains(reason), qPrintable(form.fieldError(u"engine"_s)));
}

void TstLaunchForm::overviewLinksTheSparkMasterAndDriverUis()
{
    OverviewPanel overview;
    overview.show();
    ClusterInfo c;
    c.id = u"c-spark00001"_s;
    c.spec.name = u"spark-etl"_s;
    c.spec.engine = EngineKind::Spark;
    c.spec.workers = 2;
    c.state = ClusterState::Running;
    c.schedulerAddress = u"spark://127.0.0.1:7077"_s;
    c.dashboardUrl = u"http://127.0.0.1:8080"_s;
    overview.setCluster(c, std::nullopt);
    auto *dashboard = child<QLabel>(&overview, u"overviewDashboard"_s);
    auto *drivers = child<QLabel>(&overview, u"overviewDrivers"_s);
    QVERIFY2(dashboard->text().contains(u"<a href=\"http://127.0.0.1:8080\">"_s), qPrintable(dashboard->text()));
    QVERIFY(dashboard->openExternalLinks());
    QVERIFY(child<QLabel>(&overview, u"overviewEngine"_s)->text().startsWith(u"Spark"_s));
    QVERIFY(drivers->isVisible());
    Job running;
    running.id = u"job-0000000001"_s;
    running.name = u"etl_groupby"_s;
    running.state = JobState::Running;
    running.uiUrl = u"http://127.0.0.1:4040"_s;
    Job done = running;
    done.id = u"job-0000000002"_s;
    done.state = JobState::Completed;
    done.uiUrl = u"http://127.0.0.1:4041"_s; // an old answer: a finished application's UI is gone
    overview.setJobs({running, done});
    QVERIFY2(drivers->text().contains(u"<a href=\"http://127.0.0.1:4040\">etl_groupby (job-0000000001)</a>"_s),
             qPrintable(drivers->text()));
    QVERIFY(!drivers->text().contains(u"4041"_s));
    overview.setJobs({done});
    QCOMPARE(drivers->text(), u"no application running"_s);
    // Markup from the engine is text, not HTML.
    running.name = u"<b>x</b>"_s;
    overview.setJobs({running});
    QVERIFY2(drivers->text().contains(u"&lt;b&gt;x&lt;/b&gt;"_s), qPrintable(drivers->text()));
    // A Dask cluster has no driver UI row, and its scheduler keeps its name.
    c.id = u"c-dask000001"_s;
    c.spec.engine = EngineKind::Dask;
    overview.setCluster(c, std::nullopt);
    QVERIFY(!drivers->isVisible());
    QVERIFY(child<QLabel>(&overview, u"overviewEngine"_s)->text().startsWith(u"Dask"_s));
}

void TstLaunchForm::jobFormOffersTheFocusedClustersEngineSamples()
{
    QList<SampleInfo> samples;
    for (const QString &name : {u"etl_groupby"_s, u"memory_hog"_s}) {
        samples.append({name, u"Dask's "_s + name, u"/r/jobs/"_s + name + u".py"_s, EngineKind::Dask});
        samples.append({name, u"PySpark's "_s + name, u"/r/jobs/spark/"_s + name + u".py"_s, EngineKind::Spark});
    }
    FocusedCluster focus;
    ClusterPage page(&focus);
    ClusterInfo spark;
    spark.id = u"c-spark00001"_s;
    spark.spec.engine = EngineKind::Spark;
    spark.state = ClusterState::Waiting;
    page.showCluster(spark, samples);
    auto *source = child<QComboBox>(&page, u"jobSourceCombo"_s);
    auto offered = [source] {
        QStringList tips;
        for (int i = 0; i < source->count(); ++i)
            if (!source->itemData(i).toString().isEmpty())
                tips.append(source->itemData(i, Qt::ToolTipRole).toString());
        return tips;
    };
    QCOMPARE(offered(), (QStringList{u"PySpark's etl_groupby"_s, u"PySpark's memory_hog"_s}));
    ClusterInfo dask = spark;
    dask.id = u"c-dask000001"_s;
    dask.spec.engine = EngineKind::Dask;
    page.showCluster(dask, samples);
    QCOMPARE(offered(), (QStringList{u"Dask's etl_groupby"_s, u"Dask's memory_hog"_s}));
    // Samples arriving after the cluster follow its engine too.
    page.showCluster(spark, std::nullopt);
    page.setSamples(samples);
    QCOMPARE(offered(), (QStringList{u"PySpark's etl_groupby"_s, u"PySpark's memory_hog"_s}));
}

void TstLaunchForm::namesTheField_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("workers");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("idleMinutes");
    QTest::addColumn<QString>("tags");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // a part of the message shown under the field

    QTest::addRow("empty name") << QString() << 2 << u"local.small"_s << 0 << QString() << u"name"_s
                                << u"Name is required"_s;
    QTest::addRow("bad characters") << u"etl nightly!"_s << 2 << u"local.small"_s << 0 << QString() << u"name"_s
                                    << u"only letters, digits"_s;
    QTest::addRow("name too long") << QString(65, u'a') << 2 << u"local.small"_s << 0 << QString() << u"name"_s
                                   << u"65 characters long"_s;
    QTest::addRow("zero workers") << u"ok"_s << 0 << u"local.small"_s << 0 << QString() << u"workers"_s
                                  << u"between 1 and 8"_s;
    QTest::addRow("more than memory holds") << u"ok"_s << 4 << u"local.memory"_s << 0 << QString() << u"workers"_s
                                            << u"between 1 and 3 for local.memory"_s;
    QTest::addRow("idle over 7 days") << u"ok"_s << 2 << u"local.small"_s << 7 * 24 * 60 + 1 << QString()
                                      << u"idleTimeoutSeconds"_s << u"7 days"_s;
    QTest::addRow("tag without =") << u"ok"_s << 2 << u"local.small"_s << 0 << u"team=data\nowner"_s << u"tags"_s
                                   << u"Line 2, 'owner', is not key=value"_s;
    QTest::addRow("tag value") << u"ok"_s << 2 << u"local.small"_s << 0 << u"team=data!"_s << u"tags"_s
                               << u"Tag value for 'team'"_s;
}

void TstLaunchForm::namesTheField()
{
    QFETCH(QString, name);
    QFETCH(int, workers);
    QFETCH(QString, type);
    QFETCH(int, idleMinutes);
    QFETCH(QString, tags);
    QFETCH(QString, field);
    QFETCH(QString, message);

    LaunchForm form;
    form.setInstanceTypes(types(), u"local.small"_s);
    form.show();
    QSignalSpy launched(&form, &LaunchForm::launchRequested);
    auto *combo = child<QComboBox>(&form, u"instanceTypeCombo"_s);
    combo->setCurrentIndex(combo->findData(type));
    child<QLineEdit>(&form, u"nameEdit"_s)->setText(name);
    child<QSpinBox>(&form, u"workersSpin"_s)->setValue(workers);
    child<QSpinBox>(&form, u"idleSpin"_s)->setValue(idleMinutes);
    child<QPlainTextEdit>(&form, u"tagsEdit"_s)->setPlainText(tags);
    QTest::mouseClick(child<QPushButton>(&form, u"launchButton"_s), Qt::LeftButton);

    QCOMPARE(launched.count(), 0); // nothing is sent while a problem remains
    QVERIFY2(form.fieldError(field).contains(message),
             qPrintable(u"under %1: '%2'"_s.arg(field, form.fieldError(field))));
    QVERIFY(child<QLabel>(&form, u"error_"_s + field)->isVisible());
    // Only the field at fault is marked.
    for (const QString &other : {u"name"_s, u"workers"_s, u"idleTimeoutSeconds"_s, u"tags"_s})
        if (other != field)
            QVERIFY2(form.fieldError(other).isEmpty(), qPrintable(other + u": "_s + form.fieldError(other)));
}

void TstLaunchForm::validSpecIsSent()
{
    LaunchForm form;
    form.setInstanceTypes(types(), u"local.small"_s);
    form.show();
    QSignalSpy launched(&form, &LaunchForm::launchRequested);
    QTest::keyClicks(child<QLineEdit>(&form, u"nameEdit"_s), u"etl-nightly"_s);
    auto *workers = child<QSpinBox>(&form, u"workersSpin"_s);
    workers->selectAll();
    QTest::keyClicks(workers, u"3"_s);
    child<QCheckBox>(&form, u"protectionCheck"_s)->setChecked(true);
    child<QPlainTextEdit>(&form, u"tagsEdit"_s)->setPlainText(u"team=data\ncost-center=42\n"_s);
    child<QSpinBox>(&form, u"idleSpin"_s)->setValue(30);
    QTest::mouseClick(child<QPushButton>(&form, u"launchButton"_s), Qt::LeftButton);
    QCOMPARE(launched.count(), 1);
    const auto spec = launched.at(0).at(0).value<ClusterSpec>();
    QCOMPARE(spec.name, u"etl-nightly"_s);
    QCOMPARE(spec.workers, 3);
    QCOMPARE(spec.instanceType, u"local.small"_s);
    QCOMPARE(spec.idleTimeoutSeconds, 1800);
    QVERIFY(spec.terminationProtection);
    QCOMPARE(spec.tags.value(u"team"_s), u"data"_s);
    QCOMPARE(spec.tags.value(u"cost-center"_s), u"42"_s);
}

void TstLaunchForm::errorsShowWhileTyping()
{
    LaunchForm form;
    form.setInstanceTypes(types(), u"local.small"_s);
    form.show();
    // An untouched empty form is not shouted at.
    QVERIFY(form.fieldError(u"name"_s).isEmpty());
    QTest::keyClicks(child<QLineEdit>(&form, u"nameEdit"_s), u"a b"_s);
    QVERIFY(form.fieldError(u"name"_s).contains(u"only letters"_s));
    QTest::keyClick(child<QLineEdit>(&form, u"nameEdit"_s), Qt::Key_Backspace);
    QTest::keyClick(child<QLineEdit>(&form, u"nameEdit"_s), Qt::Key_Backspace);
    QVERIFY(form.fieldError(u"name"_s).isEmpty());
}

void TstLaunchForm::refusalLandsOnFields()
{
    LaunchForm form;
    form.setInstanceTypes(types(), u"local.small"_s);
    form.show();
    form.showRefusal(u"invalid cluster spec (HTTP 400)"_s, {{u"name"_s, u"a cluster named ok is already running"_s},
                                                           {u"bogus"_s, u"unknown field"_s}});
    QVERIFY(form.formMessage().contains(u"refused"_s));
    QVERIFY(form.formMessage().contains(u"bogus: unknown field"_s)); // a field the form does not have
    QVERIFY(form.fieldError(u"name"_s).contains(u"already running"_s));
}

void TstLaunchForm::scaleDialogShowsDelta()
{
    ClusterInfo c;
    c.id = u"c-1"_s;
    c.spec.name = u"etl"_s;
    c.spec.workers = 2;
    c.runningWorkers = 2;
    ScaleDialog dialog(c, types().first());
    auto *spin = child<QSpinBox>(&dialog, u"targetSpin"_s);
    QCOMPARE(dialog.deltaText(), u"No change."_s);
    QVERIFY(!child<QPushButton>(&dialog, u"scaleButton"_s)->isEnabled());
    spin->setValue(5);
    QVERIFY2(dialog.deltaText().startsWith(u"+3 executor"_s), qPrintable(dialog.deltaText()));
    QVERIFY(dialog.deltaText().contains(u"3.00 GiB"_s));
    spin->setValue(1);
    QVERIFY2(dialog.deltaText().startsWith(u"−1 executor"_s), qPrintable(dialog.deltaText()));
    QVERIFY(child<QPushButton>(&dialog, u"scaleButton"_s)->isEnabled());
    // One worker of one thread: "%n thread(s)" through the English plural forms, never "adds 1 threads".
    spin->setValue(3);
    QVERIFY2(dialog.deltaText().contains(u"adds 1 thread and"_s), qPrintable(dialog.deltaText()));
    QVERIFY(!dialog.deltaText().contains(u"1 threads"_s));
}

void TstLaunchForm::overviewSaysWhenIdleTerminationFires()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ClusterInfo c;
    c.id = u"c-1"_s;
    c.spec.idleTimeoutSeconds = 600;
    c.state = ClusterState::Waiting;
    c.stateChangedAt = now.addSecs(-120);
    const QString text = OverviewPanel::idleTerminationText(c, now);
    QCOMPARE(text, u"after 10 min 00 s idle: terminates at %1 (in %2) unless a job starts"_s.arg(
                       presentation::formatTime(c.stateChangedAt.addSecs(600)), presentation::formatDuration(480)));
    c.state = ClusterState::Running;
    QVERIFY2(OverviewPanel::idleTerminationText(c, now).contains(u"the clock starts when the cluster is WAITING"_s),
             qPrintable(OverviewPanel::idleTerminationText(c, now)));
    c.state = ClusterState::Waiting;
    c.spec.terminationProtection = true;
    QVERIFY(OverviewPanel::idleTerminationText(c, now).contains(u"it will not fire"_s));
    c.spec.idleTimeoutSeconds = 0;
    QCOMPARE(OverviewPanel::idleTerminationText(c, now), u"never"_s);
    // The Overview shows it.
    c.spec.idleTimeoutSeconds = 600;
    c.spec.terminationProtection = false;
    OverviewPanel overview;
    overview.setCluster(c, types().first());
    QVERIFY2(child<QLabel>(&overview, u"overviewIdle"_s)->text().contains(u"unless a job starts"_s),
             qPrintable(child<QLabel>(&overview, u"overviewIdle"_s)->text()));
}

void TstLaunchForm::jobFormFollowsTheSamples()
{
    // The samples as the runtime lists them: the description is the script's docstring, simplified.
    QList<SampleInfo> samples;
    for (const QString &name : {u"etl_groupby"_s, u"memory_hog"_s}) {
        QFile f(test::resourcesDir() + u"/jobs/"_s + name + u".py"_s);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        const qsizetype start = text.indexOf(u"\"\"\""_s), end = text.indexOf(u"\"\"\""_s, start + 3);
        samples.append({name, text.mid(start + 3, end - start - 3).simplified(), QString(), EngineKind::Dask});
    }
    JobsPanel jobs;
    jobs.setSamples(samples);
    auto *source = jobs.findChild<QComboBox *>(u"jobSourceCombo"_s);
    auto *args = jobs.findChild<QLineEdit *>(u"argsEdit"_s);
    QCOMPARE(source->itemText(0), u"Sample: etl_groupby — ETL with a shuffle"_s);
    QVERIFY2(source->itemText(1).startsWith(u"Sample: memory_hog — Needs more memory than a small worker has"_s),
             qPrintable(source->itemText(1)));
    // The argument box says what the selected sample takes: a plain number, not "--rows 1000000".
    source->setCurrentIndex(0);
    QCOMPARE(args->placeholderText(), u"arguments: [SCALE] (SCALE multiplies the number of rows; default 1)"_s);
    QVERIFY(!args->placeholderText().contains(u"--"_s));
    source->setCurrentIndex(1);
    QCOMPARE(args->placeholderText(), u"arguments: [SCALE]"_s);
    source->setCurrentIndex(source->count() - 1); // a script
    QCOMPARE(args->placeholderText(), u"arguments, as on a command line"_s);
    // What was typed for one cluster is not offered for the next.
    args->setText(u"4"_s);
    jobs.clear();
    QVERIFY(args->text().isEmpty());
}

void TstLaunchForm::managedPolicyFieldsAreValidatedAndSent()
{
    LaunchForm form;
    form.setInstanceTypes(types(), u"local.small"_s);
    form.prefill(u"managed"_s, 1);
    QVERIFY(!child<QWidget>(&form, u"minWorkersSpin"_s)->isVisibleTo(&form)); // manual: no policy fields
    form.prefillPolicy(3, 2, 60, 300); // min above max
    QVERIFY(child<QWidget>(&form, u"minWorkersSpin"_s)->isVisibleTo(&form));
    QVERIFY2(form.fieldError(u"scaling.maxWorkers"_s).contains(u"must not be below the minimum"_s),
             qPrintable(form.fieldError(u"scaling.maxWorkers"_s)));
    QVERIFY2(form.fieldError(u"workers"_s).contains(u"between the minimum"_s), qPrintable(form.fieldError(u"workers"_s)));
    // The error is shown under the field itself, where the user looks.
    auto *maxError = child<QLabel>(&form, u"error_scaling.maxWorkers"_s);
    QVERIFY(!maxError->isHidden());
    QVERIFY2(maxError->text().contains(u"Maximum workers (2) must not be below the minimum (3)"_s), qPrintable(maxError->text()));
    QVERIFY(child<QLabel>(&form, u"error_scaling.minWorkers"_s)->isHidden());
    QSignalSpy sent(&form, &LaunchForm::launchRequested);
    child<QPushButton>(&form, u"launchButton"_s)->click();
    QCOMPARE(sent.count(), 0); // nothing is sent while a problem remains
    form.prefillPolicy(1, 3, 30, 120);
    QVERIFY(form.fieldError(u"scaling.maxWorkers"_s).isEmpty());
    child<QSpinBox>(&form, u"scaleInCooldownSpin"_s)->setValue(-1);
    QVERIFY(form.fieldError(u"scaling.scaleInCooldownSeconds"_s).contains(u"between 0 and 86400"_s));
    child<QSpinBox>(&form, u"scaleInCooldownSpin"_s)->setValue(120);
    child<QPushButton>(&form, u"launchButton"_s)->click();
    QCOMPARE(sent.count(), 1);
    const ClusterSpec spec = sent.first().first().value<ClusterSpec>();
    QVERIFY(spec.scaling.managed());
    QCOMPARE(spec.scaling.minWorkers, 1);
    QCOMPARE(spec.scaling.maxWorkers, 3);
    QCOMPARE(spec.scaling.scaleOutCooldownSeconds, 30);
    QCOMPARE(spec.scaling.scaleInCooldownSeconds, 120);
    QCOMPARE(spec.workers, 1);
}

void TstLaunchForm::scaleDialogChangesThePolicy()
{
    ClusterInfo c;
    c.id = u"c-1"_s;
    c.spec.name = u"etl"_s;
    c.spec.workers = 2;
    c.runningWorkers = 2;
    ScaleDialog dialog(c, types().first());
    QVERIFY(!dialog.policyChanged());
    ScalingPolicy p;
    p.mode = ScalingMode::Managed;
    p.minWorkers = 1;
    p.maxWorkers = 4;
    p.scaleInCooldownSeconds = 10;
    dialog.setPolicy(p);
    QVERIFY(dialog.policyChanged());
    QVERIFY(dialog.problems().isEmpty());
    QVERIFY(child<QPushButton>(&dialog, u"scaleButton"_s)->isEnabled());
    QCOMPARE(dialog.policy().scaleInCooldownSeconds, 10);
    dialog.setTarget(5); // outside the new bounds
    QVERIFY2(dialog.problems().contains(u"between the minimum (1) and the maximum (4)"_s), qPrintable(dialog.problems()));
    QVERIFY(!child<QPushButton>(&dialog, u"scaleButton"_s)->isEnabled());
    p.maxWorkers = 0;
    dialog.setTarget(2);
    dialog.setPolicy(p);
    QVERIFY(!dialog.problems().isEmpty());
    QVERIFY(!child<QPushButton>(&dialog, u"scaleButton"_s)->isEnabled());
}

void TstLaunchForm::eventListShowsDecisionsNewestFirst()
{
    EventList list;
    ClusterEventList events;
    ClusterEvent out;
    out.seq = 1;
    out.clusterId = u"c-1"_s;
    out.time = QDateTime::fromMSecsSinceEpoch(1795500000000, Qt::UTC);
    out.type = QLatin1StringView(ClusterEvent::kScaleOut);
    out.reason = u"The adaptive signal asks for 20 workers (the maximum is 3)"_s;
    out.from = 1;
    out.to = 3;
    out.metrics = QJsonObject{{u"adaptiveTarget"_s, 20}};
    ClusterEvent in = out;
    in.seq = 2;
    in.time = out.time.addSecs(40);
    in.type = QLatin1StringView(ClusterEvent::kScaleIn);
    in.from = 3;
    in.to = 1;
    ClusterEvent state = out;
    state.seq = 3;
    state.type = QLatin1StringView(ClusterEvent::kStateChange);
    state.from = u"RUNNING"_s;
    state.to = u"WAITING"_s;
    events << out << in << state;
    list.setEvents(events);
    QCOMPARE(list.eventCount(), 3);
    QCOMPARE(list.topLevelItem(0)->text(2), u"RUNNING → WAITING"_s);
    QCOMPARE(list.topLevelItem(1)->text(1), u"Scale in"_s);
    QCOMPARE(list.topLevelItem(2)->text(2), u"1 → 3"_s);
    QVERIFY(list.topLevelItem(2)->toolTip(3).contains(u"adaptiveTarget"_s));
    const QList<ChartMarker> markers = EventList::markersFor(events);
    QCOMPARE(markers.size(), 2); // scaling actions only, not state changes
    QCOMPARE(markers.first().atMs, out.time.toMSecsSinceEpoch());
    QCOMPARE(markers.first().label, u"1 → 3"_s);
}

namespace {

ClusterEvent clusterEvent(qint64 seq, qint64 atMs, const char *type, const QJsonValue &from, const QJsonValue &to)
{
    ClusterEvent e;
    e.seq = seq;
    e.clusterId = u"c-1"_s;
    e.time = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
    e.type = QLatin1StringView(type);
    e.from = from;
    e.to = to;
    e.reason = u"reason %1"_s.arg(seq);
    return e;
}

} // namespace

void TstLaunchForm::overviewShowsPolicyTargetAndEvents()
{
    OverviewPanel overview;
    ClusterInfo c;
    c.id = u"c-1"_s;
    c.spec.name = u"etl"_s;
    c.spec.instanceType = u"local.small"_s;
    c.spec.workers = 2;
    c.runningWorkers = 1;
    c.spec.scaling.mode = ScalingMode::Managed;
    c.spec.scaling.minWorkers = 1;
    c.spec.scaling.maxWorkers = 3;
    c.spec.scaling.scaleOutCooldownSeconds = 45;
    c.spec.scaling.scaleInCooldownSeconds = 120;
    overview.setCluster(c, types().first());
    const QString policy = child<QLabel>(&overview, u"overviewScaling"_s)->text();
    QVERIFY2(policy.startsWith(u"Managed: 1-3 workers, follows adaptive"_s), qPrintable(policy));
    QVERIFY2(policy.contains(u"cooldowns 45 s out, 120 s in"_s), qPrintable(policy));
    const QString target = child<QLabel>(&overview, u"overviewTarget"_s)->text();
    QCOMPARE(target, u"2 workers (chosen by the policy), 1 running"_s);

    auto *events = child<EventList>(&overview, u"eventList"_s);
    QCOMPARE(events->eventCount(), 0);
    const qint64 t0 = 1795500000000;
    overview.setEvents({clusterEvent(1, t0, ClusterEvent::kScaleOut, 1, 2),
                        clusterEvent(2, t0 + 5000, ClusterEvent::kScaleRefused, 2, 4)});
    QCOMPARE(events->eventCount(), 2);
    QCOMPARE(events->topLevelItem(0)->text(1), u"Scaling refused"_s);
    QCOMPARE(events->topLevelItem(1)->text(2), u"1 → 2"_s);
    QCOMPARE(events->topLevelItem(1)->text(3), u"reason 1"_s);

    // A manual cluster says so, and its target is what was asked for.
    c.spec.scaling = ScalingPolicy{};
    overview.setCluster(c, types().first());
    QVERIFY(child<QLabel>(&overview, u"overviewScaling"_s)->text().startsWith(u"Manual"_s));
    QCOMPARE(child<QLabel>(&overview, u"overviewTarget"_s)->text(), u"2 workers (asked for), 1 running"_s);
    QCOMPARE(child<QLabel>(&overview, u"overviewMarket"_s)->text(), u"on-demand"_s);

    // A spot cluster: the interruptions of the trailing hour (not older ones) and the fallback.
    c.spec.market = Market::Spot;
    overview.setCluster(c, types().first());
    QCOMPARE(child<QLabel>(&overview, u"overviewMarket"_s)->text(), u"spot; 0 spot interruptions in the last hour"_s);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    overview.setEvents({clusterEvent(1, nowMs - 2 * 3600 * 1000, ClusterEvent::kSpotInterruption, 2, 1),
                        clusterEvent(2, nowMs - 600 * 1000, ClusterEvent::kSpotInterruption, 2, 1),
                        clusterEvent(3, nowMs - 599 * 1000, ClusterEvent::kMarketFallback, u"spot"_s, u"on-demand"_s)});
    QCOMPARE(child<QLabel>(&overview, u"overviewMarket"_s)->text(),
             u"spot; 1 spot interruption in the last hour; fell back to on-demand"_s);
    overview.clear();
    QCOMPARE(events->eventCount(), 0);
}

void TstLaunchForm::scaleEventsAreMarkersOnMemoryAndShuffleCharts()
{
    const qint64 t0 = 1795500000000;
    const ClusterEventList events{clusterEvent(1, t0, ClusterEvent::kStateChange, u"STARTING"_s, u"WAITING"_s),
                                  clusterEvent(2, t0 + 10000, ClusterEvent::kScaleOut, 1, 3),
                                  clusterEvent(3, t0 + 20000, ClusterEvent::kScaleRefused, 3, 5),
                                  clusterEvent(4, t0 + 30000, ClusterEvent::kSpotInterruption, 3, 2),
                                  clusterEvent(5, t0 + 40000, ClusterEvent::kScaleIn, 3, 1)};
    const QList<ChartMarker> markers = EventList::markersFor(events);
    // One per action that changed the workers: scale out, the interruption, scale in (not the refusal).
    QCOMPARE(markers.size(), 3);
    TelemetryWindow window;
    ExecutorMemoryPanel memory(&window);
    ShuffleIoPanel shuffle(&window);
    memory.setMarkers(markers);
    shuffle.setMarkers(markers);
    for (TelemetryPanel *panel : {static_cast<TelemetryPanel *>(&memory), static_cast<TelemetryPanel *>(&shuffle)}) {
        QVERIFY(!panel->timeCharts().isEmpty());
        for (const TimeChart *chart : panel->timeCharts()) {
            const QList<ChartMarker> shown = chart->markers();
            QCOMPARE(shown.size(), 3);
            QCOMPARE(shown.at(0).atMs, t0 + 10000);
            QCOMPARE(shown.at(0).label, u"1 → 3"_s);
            QCOMPARE(shown.at(1).atMs, t0 + 30000);
            QVERIFY2(shown.at(1).label.startsWith(u"spot"_s), qPrintable(shown.at(1).label));
            QCOMPARE(shown.at(2).label, u"3 → 1"_s);
        }
    }
    // A new event list replaces the markers, it does not pile them up.
    memory.setMarkers(EventList::markersFor(events.mid(0, 2)));
    QCOMPARE(memory.timeCharts().first()->markers().size(), 1);
}

void TstLaunchForm::terminateNeedsTheName()
{
    ClusterInfo c;
    c.id = u"c-1"_s;
    c.spec.name = u"etl"_s;
    TerminateDialog dialog(c);
    auto *button = child<QPushButton>(&dialog, u"terminateButton"_s);
    QVERIFY(!button->isEnabled());
    QTest::keyClicks(child<QLineEdit>(&dialog, u"confirmEdit"_s), u"et"_s);
    QVERIFY(!button->isEnabled());
    QTest::keyClicks(child<QLineEdit>(&dialog, u"confirmEdit"_s), u"l"_s);
    QVERIFY(button->isEnabled());
}

void TstLaunchForm::translationsCoverCore()
{
    // Qt 6.4's lupdate scans only the files it is given (qt64-notes.md): a string from core/ that the form
    // shows must be in the catalogue, or it can never be translated.
    QFile ts(test::resourcesDir() + u"/../translations/clusterdeck_de.ts"_s);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    const QByteArray text = ts.readAll();
    QVERIFY(text.contains("<name>cdeck::ClusterSpec</name>"));
    QVERIFY(text.contains("Name is required."));
    QVERIFY(text.contains("<name>cdeck::LaunchForm</name>"));
}

QTEST_MAIN(TstLaunchForm)
#include "tst_launchform.moc"
