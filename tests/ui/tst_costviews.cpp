// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The console's cost views against the runtime's own ledger code (CostBook over a real SQLite store): the
// figures a user reads (meter, Cost page, executive summary, scale dialog delta) match the ledger to the
// cent, and the CSV and PDF exports carry them.
#include "core/cost/ledger.h"
#include "core/model/instancecatalog.h"
#include "core/runtime/costbook.h"
#include "core/store/runtimestore.h"
#include "testpaths.h"
#include "ui/cost/costcharts.h"
#include "ui/cost/costexport.h"
#include "ui/forms/scaledialog.h"
#include "ui/models/clusterlistmodel.h"
#include "ui/panels/costpanel.h"
#include "ui/panels/summarypanel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFileInfo>
#include <QHorizontalBarSeries>
#include <QValueAxis>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstCostViews : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    RuntimeStore m_store;
    InstanceCatalog m_profiles;
    QList<ClusterCostFacts> m_facts;
    std::unique_ptr<CostBook> m_book;
    QDateTime m_now;

    // A terminated cluster (2 h ago -> 1 h ago) with two workers, and a running one with two workers
    // started ten minutes ago: local.small stands for m5.xlarge, $0.192 + $0.048 = $0.24/h on demand.
    void addHistory()
    {
        ClusterCostFacts done;
        done.info.id = u"c-done"_s;
        done.info.spec.name = u"nightly-etl"_s;
        done.info.spec.instanceType = u"local.small"_s;
        done.info.spec.tags = {{u"team"_s, u"data"_s}};
        done.info.state = ClusterState::Terminated;
        done.info.createdAt = m_now.addSecs(-7200);
        done.info.endedAt = m_now.addSecs(-3600);
        done.info.history = {{ClusterState::Starting, {}, done.info.createdAt},
                             {ClusterState::Waiting, {}, done.info.createdAt.addSecs(30)},
                             {ClusterState::Running, {}, done.info.createdAt.addSecs(600)},
                             {ClusterState::Waiting, {}, done.info.createdAt.addSecs(1800)},
                             {ClusterState::Terminated, {}, done.info.endedAt}};
        for (const auto &[id, endOffset] : {std::pair{u"w1"_s, 2700}, std::pair{u"w2"_s, 3600}}) {
            Executor e;
            e.id = id;
            e.status = ExecutorStatus::Retired;
            e.startedAt = done.info.createdAt.addSecs(30);
            e.endedAt = done.info.createdAt.addSecs(endOffset);
            e.memoryLimitBytes = 1 << 30;
            e.memoryManagedBytes = 1 << 28; // a quarter used: three quarters over-provisioned
            e.updatedAt = e.endedAt;
            done.executors.append(e);
        }
        Job job;
        job.id = u"j-etl"_s;
        job.name = u"etl_groupby"_s;
        job.clusterId = done.info.id;
        job.state = JobState::Completed;
        job.startedAt = done.info.createdAt.addSecs(600);
        job.endedAt = done.info.createdAt.addSecs(1800);
        done.jobs.append(job);

        ClusterCostFacts live;
        live.info.id = u"c-live"_s;
        live.info.spec.name = u"adhoc"_s;
        live.info.spec.workers = 2;
        live.info.spec.instanceType = u"local.small"_s;
        live.info.spec.tags = {{u"team"_s, u"science"_s}};
        live.info.state = ClusterState::Waiting;
        live.info.createdAt = m_now.addSecs(-600);
        live.info.runningWorkers = 2;
        for (const QString &id : {u"w1"_s, u"w2"_s}) {
            Executor e;
            e.id = id;
            e.status = ExecutorStatus::Running;
            e.startedAt = live.info.createdAt.addSecs(20);
            live.executors.append(e);
        }
        m_facts = {done, live};
        for (const ClusterCostFacts &f : std::as_const(m_facts))
            m_book->record(f.info, f.executors);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true); // the remembered export folder stays the test's
        QSettings().clear();
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath(u"runtime.sqlite"_s), &error), qPrintable(error));
        auto profiles = InstanceCatalog::load(test::resourcesDir() + u"/instance-types/local.json"_s, &error);
        QVERIFY2(profiles, qPrintable(error));
        m_profiles = *profiles;
        m_book = std::make_unique<CostBook>(m_store, m_profiles, [this] { return m_facts; });
        QVERIFY2(m_book->start(cost::PriceCatalog::defaultPath(test::resourcesDir()), &error), qPrintable(error));
        m_now = QDateTime::currentDateTimeUtc();
        addHistory();
    }

    void costPageShowsTheLedgersFigures()
    {
        QString error;
        const auto report = m_book->costJson(QUrlQuery(), u"c-done"_s, &error);
        QVERIFY2(report, qPrintable(error));
        CostPanel panel;
        panel.resize(1200, 800);
        panel.setReport(u"c-done"_s, *report);
        // By hand: master 3600 s, w1 2670 s, w2 3570 s at $0.24/h = 0.24 + 0.178 + 0.238 = $0.656.
        QCOMPARE(panel.totalText(), u"$0.66"_s);
        QCOMPARE(panel.rateText(), u"$0.000/h"_s); // terminated: nothing accrues
        QCOMPARE(panel.linesTable()->rowCount(), 3);
        QStringList instances;
        for (int r = 0; r < 3; ++r)
            instances.append(panel.linesTable()->item(r, 0)->text());
        instances.sort();
        QCOMPARE(instances, (QStringList{u"scheduler"_s, u"w1"_s, u"w2"_s}));
        // Idle: WAITING 30 s -> 600 s and 1800 s -> 3600 s, every instance running then.
        // master 2370 s + w1 570 + 900 = 1470 s + w2 2370 s = 6210 s x $0.24/h = $0.414 of $0.656.
        QVERIFY2(panel.idleText().startsWith(u"63.1 %"_s), qPrintable(panel.idleText()));
        QVERIFY2(panel.idleText().contains(u"$0.41"_s), qPrintable(panel.idleText()));
        QCOMPARE(panel.jobsTable()->rowCount(), 1);
        QCOMPARE(panel.jobsTable()->item(0, 0)->text(), u"etl_groupby"_s);
        // The job ran 1200 s on both workers: 2 x 1200 s x $0.24/h = $0.16.
        QCOMPARE(panel.jobsTable()->item(0, 2)->text(), u"$0.1600"_s);

        const QString csvPath = m_dir.filePath(u"ledger.csv"_s);
        QVERIFY2(panel.exportCsv(csvPath, &error), qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(csv.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 5); // header, three lines, total
        QCOMPARE(rows.first(), u"instance,role,instanceType,market,start,end,seconds,billedSeconds,ratePerHour,cost"_s);
        QVERIFY2(rows.last().endsWith(u",0.656000"_s), qPrintable(rows.last()));
        QVERIFY(rows.contains(u"c-done/w1,worker,m5.xlarge,on-demand,%1,%2,2670.000,2670,0.240000,0.178000"_s.arg(
            m_now.addSecs(-7170).toString(Qt::ISODateWithMs), m_now.addSecs(-4500).toString(Qt::ISODateWithMs))));
    }

    void sidebarMeterShowsRateAndTotalSoFar()
    {
        ClusterListModel model;
        model.setSnapshot({m_facts[0].info, m_facts[1].info});
        QHash<QString, CostMeter> meters;
        for (const QJsonValue &v : m_book->metersJson()) {
            const QJsonObject o = v.toObject();
            meters.insert(o[u"cluster"_s].toString(), {o[u"ratePerHour"_s].toDouble(), o[u"total"_s].toDouble(),
                                                       o[u"workerRatePerHour"_s].toDouble(), o[u"currency"_s].toString()});
        }
        model.setMeters(meters);
        const QModelIndex live = model.index(model.rowOf(u"c-live"_s), 0);
        // Three instances run: $0.72/h; so far the master 600 s + 2 workers x 580 s at $0.24/h = $0.117.
        const QString text = live.data(ClusterListModel::MeterTextRole).toString();
        QVERIFY2(text.startsWith(u"$0.720/h · $0.12"_s), qPrintable(text));
        const cost::Ledger ledger = cost::forCluster(m_book->ledger(QDateTime::currentDateTimeUtc()), u"c-live"_s);
        QCOMPARE(u"$"_s + ledger.total.toDisplayString(), costview::formatMoney(meters[u"c-live"_s].total, u"USD"_s));
        const QModelIndex done = model.index(model.rowOf(u"c-done"_s), 0);
        QCOMPARE(done.data(ClusterListModel::MeterTextRole).toString(), u"$0.66"_s); // ended: the bill only
    }

    void scaleDialogShowsTheChangeInDollarsPerHour()
    {
        const auto meter = m_book->metersJson().at(1).toObject();
        QCOMPARE(meter[u"cluster"_s].toString(), u"c-live"_s);
        const auto type = m_profiles.find(u"local.small"_s);
        ScaleDialog dialog(m_facts[1].info, type);
        QVERIFY(dialog.costDeltaText().contains(u"not received"_s)); // no figure invented before the meter
        dialog.setCostRates(meter[u"ratePerHour"_s].toDouble(), meter[u"workerRatePerHour"_s].toDouble(), u"USD"_s);
        auto *spin = dialog.findChild<QSpinBox *>(u"targetSpin"_s);
        spin->setValue(5); // 2 -> 5 workers: +3 x $0.24/h
        QCOMPARE(dialog.costDeltaText(), u"+$0.720/h ($0.720/h → $1.440/h); $0.240/h per worker."_s);
        spin->setValue(1);
        QCOMPARE(dialog.costDeltaText(), u"−$0.240/h ($0.720/h → $0.480/h); $0.240/h per worker."_s);
        spin->setValue(2);
        QCOMPARE(dialog.costDeltaText(), u"$0.720/h now, unchanged."_s);
    }

    void executiveSummaryExportsCsvAndPdf()
    {
        QString error;
        QJsonObject status;
        bool internal = false;
        // team=data spent $0.656 this month (if the month began less than two hours ago the test still holds:
        // the summary below is asked for the last 24 hours).
        QVERIFY(m_book->putBudget({{u"tag"_s, u"team=data"_s}, {u"limit"_s, 0.8}}, &status, &error, &internal));
        QUrlQuery q;
        q.addQueryItem(u"from"_s, QString::number(m_now.addDays(-1).toMSecsSinceEpoch()));
        q.addQueryItem(u"tagKey"_s, u"team"_s);
        const auto summary = m_book->summaryJson(q, &error);
        QVERIFY2(summary, qPrintable(error));
        SummaryPanel panel;
        panel.resize(1400, 900);
        panel.setSummary(*summary);
        const double total = summary->value(u"total"_s).toDouble();
        QVERIFY(total > 0.656 + 0.11 && total < 0.656 + 0.13); // the ended cluster plus the live one so far
        // Rounded under the page's one rule (to the cent, or four decimals when every figure is under $1).
        QVERIFY2(std::abs(QString(panel.totalText()).remove(u'$').toDouble() - total) <= 0.005, qPrintable(panel.totalText()));
        const QStringList budgets = panel.budgetLines();
        QCOMPARE(budgets.size(), 1);
        // This month's part only: if the month started in the last two hours the level may be lower.
        if (m_now.addSecs(-7200).date().month() == m_now.date().month())
            QCOMPARE(budgets.first(), u"team=data: 82.0 %  warning"_s);

        const QString csvPath = m_dir.filePath(u"summary.csv"_s);
        QVERIFY2(panel.exportCsv(csvPath, &error), qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QVERIFY(text.startsWith(u"section,key,name,amount,extra\r\n"_s));
        QVERIFY2(text.contains(u"tag,team=data,data,0.66,\r\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u"job,j-etl,etl_groupby,0.16,nightly-etl\r\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u"period,"_s + summary->value(u"from"_s).toString()), qPrintable(text));
        // Waste: idle $0.414 of the ended cluster; unused memory: three quarters of its workers' busy time
        // (2 x 1200 s at $0.24/h = $0.16), not of their idle time, which is already counted as idle.
        QVERIFY2(text.contains(u"waste,memoryHeadroom,worker memory paid for but unused,0.12,"_s), qPrintable(text));

        const QString pdfPath = m_dir.filePath(u"report.pdf"_s);
        QVERIFY2(panel.exportPdf(pdfPath, &error), qPrintable(error));
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        QVERIFY2(bytes.size() > 10000, QByteArray::number(bytes.size()).constData()); // text, fonts and bars
        QVERIFY(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page ") >= 1);
        // An unwritable path is a clear error, not a silent nothing.
        QVERIFY(!panel.exportPdf(u"/nonexistent-dir/report.pdf"_s, &error));
        QVERIFY2(error.contains(u"/nonexistent-dir/report.pdf"_s), qPrintable(error));
    }

    // The reported chart: "etl_groupby (oncall-etl)" twice, a value from another cluster's run on it and the
    // most expensive job missing. Two runs of one job on one cluster, the same job name on another, and a
    // pricier job: every bar's label and amount come from one record, and every job has its bar.
    void topJobsChartPairsEachLabelWithItsOwnAmount()
    {
        QTemporaryDir dir;
        RuntimeStore store;
        QString error;
        QVERIFY2(store.open(dir.filePath(u"top.sqlite"_s), &error), qPrintable(error));
        QList<ClusterCostFacts> facts;
        CostBook book(store, m_profiles, [&facts] { return facts; });
        QVERIFY2(book.start(cost::PriceCatalog::defaultPath(test::resourcesDir()), &error), qPrintable(error));
        const QDateTime t0 = m_now.addSecs(-3 * 3600);
        const auto cluster = [&](const QString &id, const QString &name, int workers) {
            ClusterCostFacts f;
            f.info.id = id;
            f.info.spec.name = name;
            f.info.spec.instanceType = u"local.small"_s;
            f.info.spec.tags = {{u"team"_s, u"oncall"_s}, {u"owner"_s, u"ana"_s}};
            f.info.state = ClusterState::Terminated;
            f.info.createdAt = t0;
            f.info.endedAt = t0.addSecs(7200);
            for (int w = 0; w < workers; ++w) {
                Executor e;
                e.id = u"w%1"_s.arg(w);
                e.status = ExecutorStatus::Retired;
                e.startedAt = t0;
                e.endedAt = f.info.endedAt;
                f.executors.append(e);
            }
            return f;
        };
        const auto job = [&](const QString &id, const QString &name, int startS, int endS) {
            Job j;
            j.id = id;
            j.name = name;
            j.state = JobState::Completed;
            j.startedAt = t0.addSecs(startS);
            j.endedAt = t0.addSecs(endS);
            return j;
        };
        ClusterCostFacts oncall = cluster(u"c-oncall"_s, u"oncall-etl"_s, 1);
        oncall.jobs = {job(u"job-a1"_s, u"etl_groupby"_s, 60, 660), job(u"job-a2"_s, u"etl_groupby"_s, 1200, 3000)};
        ClusterCostFacts nightly = cluster(u"c-nightly"_s, u"nightly"_s, 2);
        nightly.jobs = {job(u"job-b1"_s, u"etl_groupby"_s, 60, 360), job(u"job-b2"_s, u"memory_hog"_s, 600, 4200)};
        facts = {oncall, nightly};
        for (const ClusterCostFacts &f : std::as_const(facts))
            book.record(f.info, f.executors);

        QUrlQuery q;
        q.addQueryItem(u"from"_s, QString::number(m_now.addDays(-1).toMSecsSinceEpoch()));
        const auto summary = book.summaryJson(q, &error);
        QVERIFY2(summary, qPrintable(error));
        const QJsonArray top = summary->value(u"topJobs"_s).toArray();
        QCOMPARE(top.size(), 4);
        QCOMPARE(top.first()[u"job"_s].toString(), u"job-b2"_s); // one hour on two workers
        SummaryPanel panel;
        panel.resize(1400, 900);
        panel.setSummary(*summary);
        auto *series = qobject_cast<QHorizontalBarSeries *>(panel.topJobsChart()->chart()->series().value(0));
        QVERIFY(series);
        auto *axis = qobject_cast<QBarCategoryAxis *>(panel.topJobsChart()->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(axis);
        const QStringList categories = axis->categories();
        QBarSet *set = series->barSets().value(0);
        QCOMPARE(categories.size(), top.size());
        QCOMPARE(set->count(), top.size());
        QCOMPARE(QSet<QString>(categories.cbegin(), categories.cend()).size(), categories.size());
        double largest = 0;
        for (const QJsonValue &v : top)
            largest = std::max(largest, v[u"cost"_s].toDouble());
        for (qsizetype i = 0; i < top.size(); ++i) {
            const QJsonObject row = top[i].toObject();
            // The first record is drawn on top, i.e. last in the series.
            const qsizetype drawn = top.size() - 1 - i;
            QCOMPARE(set->at(drawn), row[u"cost"_s].toDouble());
            QVERIFY2(categories.at(drawn).endsWith(costview::topJobLabel(row)), qPrintable(categories.at(drawn)));
            QVERIFY2(categories.at(drawn).startsWith(costview::formatMoneyAmong(row[u"cost"_s].toDouble(), largest, u"USD"_s)),
                     qPrintable(categories.at(drawn)));
            QVERIFY2(categories.at(drawn).contains(row[u"clusterName"_s].toString()), qPrintable(categories.at(drawn)));
        }
        // The two runs on oncall-etl read apart by their start.
        QVERIFY(costview::topJobLabel(top[1].toObject()) != costview::topJobLabel(top[2].toObject())
                || top[1][u"cluster"_s] != top[2][u"cluster"_s]);

        // Whatever labels come in, a category axis never gets a repeated one (it would drop it and shift values).
        costview::setHorizontalBars(panel.topJobsChart()->chart(), {{u"same"_s, 0.5}, {u"same"_s, 0.5}}, u"USD"_s, Qt::red);
        axis = qobject_cast<QBarCategoryAxis *>(panel.topJobsChart()->chart()->axes(Qt::Vertical).value(0));
        QCOMPARE(axis->categories().size(), 2);
        // The value axis ticks at round amounts that print apart ($0.0000, $0.0005, ... not "$0.001" twice).
        auto *values = qobject_cast<QValueAxis *>(panel.topJobsChart()->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(values);
        QCOMPARE(values->max(), 0.5);
        QCOMPARE(values->tickCount(), 6);
        QCOMPARE(values->labelFormat(), u"$%.1f"_s);
        costview::setHorizontalBars(panel.topJobsChart()->chart(), {{u"a"_s, 0.0023}}, u"USD"_s, Qt::red);
        values = qobject_cast<QValueAxis *>(panel.topJobsChart()->chart()->axes(Qt::Horizontal).value(0));
        QCOMPARE(values->max(), 0.005);
        QCOMPARE(values->tickCount(), 6);
        QCOMPARE(values->labelFormat(), u"$%.3f"_s);

        // "Group by tag" offers the keys these clusters carry.
        QCOMPARE(panel.tagKeysOffered(), (QStringList{u"owner"_s, u"team"_s}));
    }

    // Spend by day lists every day of the period, zeros included; the change and the waste share are in
    // percent; the forecast carries the running cluster to the month's end and says so on the page.
    void summaryShowsEveryDayChangeWasteShareAndForecastBasis()
    {
        QString error;
        QUrlQuery q;
        q.addQueryItem(u"from"_s, QString::number(m_now.addDays(-7).toMSecsSinceEpoch()));
        const auto summary = m_book->summaryJson(q, &error);
        QVERIFY2(summary, qPrintable(error));
        const QJsonArray daily = summary->value(u"daily"_s).toArray();
        QCOMPARE(daily.size(), 8); // seven days ago through today
        for (qsizetype i = 0; i < daily.size(); ++i)
            QCOMPARE(daily[i][u"key"_s].toString(), m_now.addDays(-7 + i).toUTC().date().toString(Qt::ISODate));
        QVERIFY(daily.first()[u"cost"_s].toDouble() == 0.0);
        SummaryPanel panel;
        panel.resize(1400, 900);
        panel.setSummary(*summary);
        auto *days = qobject_cast<QBarCategoryAxis *>(panel.dailyChart()->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(days);
        QCOMPARE(days->count(), 8);
        QCOMPARE(panel.changeText(), u"no spend in the previous period"_s);

        const QJsonObject f = summary->value(u"forecast"_s).toObject();
        // The live cluster runs three instances at $0.24/h: at least until the next hour ends the month.
        QCOMPARE(f.value(u"runningRatePerHour"_s).toDouble(), 0.72);
        QVERIFY(f.value(u"monthEnd"_s).toDouble() > f.value(u"monthToDate"_s).toDouble());
        QVERIFY2(panel.forecastBasis().contains(u"3 running instance(s) at $0.720/h"_s), qPrintable(panel.forecastBasis()));
        QCOMPARE(panel.forecastText(), costview::formatMoneyAmong(f.value(u"monthEnd"_s).toDouble(),
                                                                  f.value(u"monthEnd"_s).toDouble(), u"USD"_s));

        const QJsonObject waste = summary->value(u"waste"_s).toObject();
        const double share = waste.value(u"share"_s).toDouble();
        QVERIFY(share > 0.3 && share < 0.8);
        QVERIFY2(panel.wasteText().endsWith(u"%1 % of spend"_s.arg(share * 100, 0, 'f', 1)), qPrintable(panel.wasteText()));
        // By cluster with what removes it: the ended cluster idled without an idle timeout and used a quarter
        // of its memory.
        QTableWidget *table = panel.wasteTable();
        QVERIFY(table->rowCount() >= 1);
        QCOMPARE(table->item(0, 0)->text(), u"nightly-etl"_s);
        QCOMPARE(table->item(0, 1)->text(), u"data"_s);
        QVERIFY2(table->item(0, 5)->text().contains(u"idle timeout"_s), qPrintable(table->item(0, 5)->text()));
        QVERIFY2(table->item(0, 5)->text().contains(u"used 25 % of their memory"_s), qPrintable(table->item(0, 5)->text()));
        double byCluster = 0;
        for (const QJsonValue &v : waste.value(u"byCluster"_s).toArray())
            byCluster += v[u"total"_s].toDouble();
        QVERIFY(std::abs(byCluster - waste.value(u"total"_s).toDouble()) < 1e-9);
    }

    void roundingIsOneRuleForWhatIsShownTogether()
    {
        QCOMPARE(costview::formatMoneyAmong(0.0092, 0.0092, u"USD"_s), u"$0.0092"_s);
        QCOMPARE(costview::formatMoneyAmong(0.003058, 0.0092, u"USD"_s), u"$0.0031"_s);
        QCOMPARE(costview::formatMoneyAmong(0.003058, 12.5, u"USD"_s), u"$0.00"_s);
        QCOMPARE(costview::formatMoneyAmong(12.345, 12.5, u"USD"_s), u"$12.35"_s);
        QVERIFY(costview::roundingRuleText().contains(u"cent"_s));
    }

    void exportsAreSuggestedOutsideTheWorkingDirectory()
    {
        const QString suggested = costview::suggestedExportPath(u"cost-report.pdf"_s);
        QVERIFY2(QFileInfo(suggested).isAbsolute(), qPrintable(suggested));
        QCOMPARE(QFileInfo(suggested).fileName(), u"cost-report.pdf"_s);
        costview::rememberExportFolder(m_dir.filePath(u"x.pdf"_s));
        QCOMPARE(costview::suggestedExportPath(u"cost-report.pdf"_s), m_dir.filePath(u"cost-report.pdf"_s));
    }
};

QTEST_MAIN(TstCostViews)
#include "tst_costviews.moc"
