// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The stage page's tasks table at 100,000 tasks (issue 15: "100,000 tasks sorted by duration in under 100 ms in
// the console"). The tasks go into StageTasksModel behind a shown QTableView (offscreen, 1200x800), then the
// sort is triggered the way a click on the Duration header triggers it (QTableView::sortByColumn, which calls
// the model's sort()), timed until the view has taken the new layout and repainted (processEvents). Alternately
// descending and ascending, --runs times (default 9); the median and the worst are printed. For comparison, the
// same sort through a QSortFilterProxyModel over the same model (what a table usually does), timed the same way.
// Exits non-zero when the median misses the 100 ms goal.
#include "ui/models/stagetasksmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

std::vector<spark::SparkTask> makeTasks(int count)
{
    std::mt19937_64 random(15);
    std::lognormal_distribution<double> runtime(6.5, 1.2); // ms: a long tail, as skewed stages have
    std::vector<spark::SparkTask> tasks(static_cast<size_t>(count));
    const qint64 start = 1'765'000'000'000;
    for (int i = 0; i < count; ++i) {
        spark::SparkTask &t = tasks[size_t(i)];
        t.taskId = i;
        t.index = i;
        t.partitionId = i;
        t.executorId = QString::number(1 + int(random() % 200));
        t.host = u"worker-%1.cluster.internal"_s.arg(t.executorId);
        t.locality = u"PROCESS_LOCAL"_s;
        t.launchTime = start + i * 3;
        const qint64 run = qint64(runtime(random));
        t.finishTime = t.launchTime + run + 20;
        t.failed = random() % 1000 == 0;
        t.hasMetrics = true;
        t.metrics.executorRunTime = run;
        t.metrics.jvmGcTime = run / 20;
        t.metrics.shuffleLocalBytesRead = qint64(random() % 100'000'000);
        t.metrics.shuffleWriteBytes = qint64(random() % 50'000'000);
    }
    return tasks;
}

template <typename Sort> std::vector<double> timeSorts(QTableView &view, int runs, Sort sort)
{
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
        const Qt::SortOrder order = r % 2 == 0 ? Qt::DescendingOrder : Qt::AscendingOrder;
        QElapsedTimer clock;
        clock.start();
        sort(order);
        view.viewport()->repaint(); // what the user waits for: the sorted rows on screen
        QCoreApplication::processEvents();
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    return ms;
}

void report(const char *what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("%-58s median %8.1f ms  min %8.1f  max %8.1f  (%zu runs)\n", what, ms[ms.size() / 2], ms.front(),
                ms.back(), ms.size());
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int runs = 9;
    int count = 100'000;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == "--runs"_L1)
            runs = std::max(1, args.at(i + 1).toInt());
        if (args.at(i) == "--tasks"_L1)
            count = std::max(1, args.at(i + 1).toInt());
    }

    StageTasksModel model;
    QElapsedTimer clock;
    clock.start();
    model.setTasks(makeTasks(count), 0);
    std::printf("%d tasks into the model: %.1f ms\n", count, double(clock.nsecsElapsed()) / 1e6);

    QTableView view;
    view.setModel(&model);
    view.setSortingEnabled(true);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // as SparkStagePage sets it
    view.verticalHeader()->hide();
    view.resize(1200, 800);
    view.show();
    QCoreApplication::processEvents();

    const std::vector<double> own = timeSorts(
        view, runs, [&](Qt::SortOrder order) { view.sortByColumn(StageTasksModel::DurationColumn, order); });
    // The check that it sorted: durations in order after the last (ascending or descending) run.
    const Qt::SortOrder last = (runs - 1) % 2 == 0 ? Qt::DescendingOrder : Qt::AscendingOrder;
    for (int r = 1; r < model.rowCount(); ++r) {
        const qint64 a = model.durationOf(model.taskAt(r - 1));
        const qint64 b = model.durationOf(model.taskAt(r));
        if (last == Qt::AscendingOrder ? a > b : a < b) {
            std::fprintf(stderr, "not sorted at row %d\n", r);
            return 2;
        }
    }
    report("StageTasksModel::sort by duration (header click + repaint)", own);

    // The usual way, for comparison: a proxy sorting by data(SortKeyRole) (QVariant compares).
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(StageTasksModel::SortKeyRole);
    model.sort(StageTasksModel::TaskIdColumn);
    QTableView proxyView;
    proxyView.setModel(&proxy);
    proxyView.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    proxyView.verticalHeader()->hide();
    proxyView.resize(1200, 800);
    proxyView.show();
    QCoreApplication::processEvents();
    const std::vector<double> viaProxy = timeSorts(
        proxyView, std::min(runs, 3), [&](Qt::SortOrder order) { proxy.sort(StageTasksModel::DurationColumn, order); });
    report("QSortFilterProxyModel::sort by duration (for comparison)", viaProxy);

    std::vector<double> sorted = own;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    std::printf("goal: under 100 ms: %s\n", median < 100.0 ? "met" : "MISSED");
    return median < 100.0 ? 0 : 1;
}
