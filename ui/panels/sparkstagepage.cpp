// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "sparkstagepage.h"

#include "ui/models/stagetasksmodel.h"
#include "ui/panels/sparkstagesview.h"
#include "ui/presentation.h"

#include <QComboBox>
#include <QDir>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTimer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

struct StageRead
{
    std::optional<spark::StageDetail> detail;
    QString error;
};

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// A cell that sorts by its number, not its text ("9 s" before "10 s").
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(const QString &text, qint64 value)
        : QTableWidgetItem(text)
        , m_value(value)
    {
        setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        const auto *n = dynamic_cast<const NumberItem *>(&other);
        return n ? m_value < n->m_value : QTableWidgetItem::operator<(other);
    }

private:
    qint64 m_value;
};

QTableWidgetItem *numberCell(const QString &text, qint64 sortValue)
{
    return new NumberItem(text, sortValue);
}

QTableWidget *smallTable(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *t = new QTableWidget(parent);
    t->setObjectName(objectName);
    t->setAccessibleName(accessibleName);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->setTabKeyNavigation(false); // Tab leaves the table; the arrows move within it
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

} // namespace

SparkStagePage::SparkStagePage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_stateLine(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_summary(smallTable(this, u"stageSummary"_s, tr("Summary metrics of the successful tasks")))
    , m_executors(smallTable(this, u"stageExecutors"_s, tr("Per-executor totals of the stage")))
    , m_summaryTitle(new QLabel(this))
    , m_failuresTitle(new QLabel(this))
    , m_failures(smallTable(this, u"stageFailures"_s, tr("Failure reasons of the failed tasks")))
    , m_statusFilter(new QComboBox(this))
    , m_executorFilter(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_tasksModel(new StageTasksModel(this))
    , m_tasksView(new QTableView(this))
    , m_progressTimer(new QTimer(this))
{
    setObjectName(u"sparkStagePage"_s);
    m_title->setObjectName(u"stageTitle"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateLine->setObjectName(u"stageStateLine"_s);
    m_stateLine->setWordWrap(true);
    m_stateLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setObjectName(u"stageReadProgress"_s);
    m_progress->setAccessibleName(tr("Reading the stage's tasks"));
    m_progress->setRange(0, 100);
    m_cancelButton->setObjectName(u"stageReadCancel"_s);
    m_cancelButton->setAccessibleName(tr("Cancel reading the stage's tasks"));
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        cancelRead();
        showError(tr("Reading the tasks was cancelled."));
    });

    m_summary->setColumnCount(6);
    m_summary->setHorizontalHeaderLabels(
        {tr("Metric"), tr("Min"), tr("25th percentile"), tr("Median"), tr("75th percentile"), tr("Max")});
    m_executors->setSortingEnabled(true);
    m_failures->setColumnCount(4);
    m_failures->setHorizontalHeaderLabels({tr("Reason"), tr("Tasks"), tr("Executors"), tr("Task IDs")});
    m_failures->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_failuresTitle->setObjectName(u"stageFailuresTitle"_s);
    m_summaryTitle->setObjectName(u"stageSummaryTitle"_s);

    m_statusFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_executorFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_statusFilter->setObjectName(u"taskStatusFilter"_s);
    m_statusFilter->setAccessibleName(tr("Show tasks with status"));
    m_executorFilter->setObjectName(u"taskExecutorFilter"_s);
    m_executorFilter->setAccessibleName(tr("Show tasks of executor"));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_tasksModel->setStatusFilter(m_statusFilter->currentData().toString());
        updateCount();
    });
    connect(m_executorFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_tasksModel->setExecutorFilter(m_executorFilter->currentData().toString());
        updateCount();
    });
    m_count->setObjectName(u"taskCount"_s);

    m_tasksView->setObjectName(u"stageTasks"_s);
    m_tasksView->setAccessibleName(tr("Tasks of the stage"));
    m_tasksView->setModel(m_tasksModel);
    m_tasksView->setSortingEnabled(true);
    m_tasksView->sortByColumn(StageTasksModel::TaskIdColumn, Qt::AscendingOrder);
    m_tasksView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tasksView->setWordWrap(false);
    m_tasksView->setTabKeyNavigation(false);
    m_tasksView->verticalHeader()->hide();
    // Fixed row height and no measuring of contents: with 100,000 rows the view lays out only what is on screen.
    m_tasksView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_tasksView->verticalHeader()->setDefaultSectionSize(m_tasksView->fontMetrics().height() + 6);
    m_tasksView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_tasksView->horizontalHeader()->setStretchLastSection(true);
    const int digit = m_tasksView->fontMetrics().horizontalAdvance(u'0');
    for (int c = 0; c < StageTasksModel::ColumnCount; ++c)
        m_tasksView->setColumnWidth(c,
                                    digit
                                        * (c == StageTasksModel::LaunchTimeColumn ? 18
                                               : c == StageTasksModel::HostColumn ? 16
                                                                                  : 11));

    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_progress);
    head->addWidget(m_cancelButton);

    auto *statusLabel = new QLabel(tr("S&tatus:"), this);
    statusLabel->setBuddy(m_statusFilter);
    auto *executorLabel = new QLabel(tr("E&xecutor:"), this);
    executorLabel->setBuddy(m_executorFilter);
    auto *filters = new QHBoxLayout;
    filters->addWidget(statusLabel);
    filters->addWidget(m_statusFilter);
    filters->addSpacing(12);
    filters->addWidget(executorLabel);
    filters->addWidget(m_executorFilter);
    filters->addSpacing(12);
    filters->addWidget(m_count, 1);

    auto *summaryBox = new QWidget(this);
    auto *summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    m_summaryTitle->setParent(summaryBox);
    summaryLayout->addWidget(m_summaryTitle);
    summaryLayout->addWidget(m_summary);
    auto *executorsBox = new QWidget(this);
    auto *executorsLayout = new QVBoxLayout(executorsBox);
    executorsLayout->setContentsMargins(0, 0, 0, 0);
    executorsLayout->addWidget(new QLabel(tr("Aggregated metrics by executor"), executorsBox));
    executorsLayout->addWidget(m_executors);
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(summaryBox);
    top->addWidget(executorsBox);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);

    auto *failuresBox = new QWidget(this);
    auto *failuresLayout = new QVBoxLayout(failuresBox);
    failuresLayout->setContentsMargins(0, 0, 0, 0);
    failuresLayout->addWidget(m_failuresTitle);
    failuresLayout->addWidget(m_failures);

    auto *tasksBox = new QWidget(this);
    auto *tasksLayout = new QVBoxLayout(tasksBox);
    tasksLayout->setContentsMargins(0, 0, 0, 0);
    tasksLayout->addLayout(filters);
    tasksLayout->addWidget(m_tasksView);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"stagePageSplit"_s);
    split->addWidget(top);
    split->addWidget(failuresBox);
    split->addWidget(tasksBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 4);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_stateLine);
    layout->addWidget(split, 1);
    m_progress->hide();
    m_cancelButton->hide();
    failuresBox->hide();
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        const qint64 read = m_bytesRead ? m_bytesRead->load() : 0;
        const int percent = int(std::clamp<qint64>(read * 100 / m_bytesTotal, 0, 100));
        m_progress->setValue(percent);
        Q_EMIT loadProgress(percent);
    });
    setWindowTitle(tr("Stage"));
}

SparkStagePage::~SparkStagePage()
{
    cancelRead();
}

void SparkStagePage::cancelRead()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_ticket; // a result still on its way is dropped
    m_progressTimer->stop();
    m_progress->hide();
    m_cancelButton->hide();
}

void SparkStagePage::open(const QString &logPath, int stageId, int attemptId)
{
    cancelRead();
    m_stageId = stageId;
    m_attemptId = attemptId;
    m_loaded = false;
    m_error.clear();
    setWindowTitle(tr("Stage %1 (attempt %2)").arg(stageId).arg(attemptId));
    m_title->setText(windowTitle());
    m_stateLine->setText(tr("Reading the tasks of this stage from %1…").arg(QDir::toNativeSeparators(logPath)));
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->show();

    const quint64 ticket = ++m_ticket;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_bytesRead = std::make_shared<std::atomic<qint64>>(0);
    m_bytesTotal = std::max<qint64>(1, spark::eventLogBytesOnDisk(logPath));
    m_progressTimer->start();
    auto *watcher = new QFutureWatcher<StageRead>(this);
    connect(watcher, &QFutureWatcher<StageRead>::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (ticket != m_ticket)
            return; // cancelled or superseded
        m_cancel.reset();
        m_progressTimer->stop();
        m_progress->hide();
        m_cancelButton->hide();
        const StageRead r = watcher->result();
        if (r.detail)
            showDetail(*r.detail);
        else
            showError(r.error);
    });
    // The worker only stores how far it is; m_progressTimer shows it. Nothing of this page is touched from there.
    watcher->setFuture(QtConcurrent::run([logPath, stageId, attemptId, cancel = m_cancel, bytes = m_bytesRead] {
        StageRead r;
        r.detail = spark::readStageDetail(logPath, stageId, attemptId, &r.error, cancel.get(),
                                          [bytes](qint64 read) { bytes->store(read); });
        return r;
    }));
}

void SparkStagePage::showError(const QString &error)
{
    m_loaded = false;
    m_error = error;
    m_stateLine->setText(error);
    Q_EMIT loaded();
}

void SparkStagePage::showDetail(const spark::StageDetail &detail)
{
    const spark::SparkStage &s = detail.stage;
    m_stageId = s.stageId;
    m_attemptId = s.attemptId;
    setWindowTitle(tr("Stage %1 (attempt %2)").arg(s.stageId).arg(s.attemptId));
    m_title->setText(tr("Stage %1 (attempt %2): %3").arg(s.stageId).arg(s.attemptId).arg(s.name));
    QStringList state{
        tr("Status: %1").arg(spark::toString(s.status)),
        tr("%n task(s)", nullptr, s.numTasks),
        tr("%n complete", nullptr, s.numCompleteTasks),
        tr("%n failed", nullptr, s.numFailedTasks),
        tr("%n killed", nullptr, s.numKilledTasks),
        tr("executor run time %1").arg(presentation::formatDuration(double(s.metrics.executorRunTime) / 1000.0)),
    };
    QString line = state.join(u" · "_s);
    if (!s.failureReason.isEmpty())
        line += u'\n' + tr("Stage failed: %1").arg(s.failureReason.section(u'\n', 0, 0));
    m_stateLine->setText(line);

    m_tasksModel->setTasks(detail.tasks, detail.lastUpdated);
    fillFilters();
    fillSummary(spark::stageQuantiles(detail));
    fillExecutors(detail);
    fillFailures(detail);
    updateCount();
    m_loaded = true;
    m_error.clear();
    Q_EMIT loaded();
}

void SparkStagePage::fillSummary(const std::optional<spark::TaskSummary> &summary)
{
    m_summary->setRowCount(0);
    int successful = 0;
    for (const spark::SparkTask &t : m_tasksModel->tasks())
        successful += t.successful() && t.hasMetrics ? 1 : 0;
    m_summaryTitle->setText(summary ? tr("Summary metrics of %n successful task(s)", nullptr, successful)
                                    : tr("No task of this stage attempt succeeded: no summary metrics."));
    if (!summary)
        return;
    m_summary->setRowCount(int(summary->rows.size()));
    for (int r = 0; r < summary->rows.size(); ++r) {
        const spark::TaskQuantileRow &row = summary->rows.at(r);
        m_summary->setItem(r, 0, cell(row.label));
        for (int q = 0; q < row.values.size() && q < 5; ++q)
            m_summary->setItem(r, q + 1, cell(formatTaskQuantile(row.values.at(q), row.unit), true));
    }
}

void SparkStagePage::fillExecutors(const spark::StageDetail &detail)
{
    m_executors->setSortingEnabled(false);
    const QStringList headers{tr("Executor"),    tr("Address"),      tr("Task time"),     tr("Tasks"),
                              tr("Failed"),      tr("Killed"),       tr("Succeeded"),     tr("Input"),
                              tr("Output"),      tr("Shuffle read"), tr("Shuffle write"), tr("Spill (memory)"),
                              tr("Spill (disk)")};
    m_executors->setColumnCount(int(headers.size()));
    m_executors->setHorizontalHeaderLabels(headers);
    m_executors->setRowCount(int(detail.stage.executorSummary.size()));
    int r = 0;
    for (auto it = detail.stage.executorSummary.cbegin(); it != detail.stage.executorSummary.cend(); ++it, ++r) {
        const spark::StageExecutorSummary &e = it.value();
        const spark::TaskMetricSums &m = e.metrics;
        bool numeric = false;
        const qint64 idNumber = it.key().toLongLong(&numeric);
        m_executors->setItem(r, 0, numberCell(it.key(), numeric ? idNumber : -1));
        m_executors->item(r, 0)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        m_executors->setItem(r, 1, cell(detail.executorHosts.value(it.key())));
        m_executors->setItem(r, 2, numberCell(presentation::formatDuration(double(e.taskTime) / 1000.0), e.taskTime));
        const int total = e.failedTasks + e.killedTasks + e.succeededTasks;
        m_executors->setItem(r, 3, numberCell(QString::number(total), total));
        m_executors->setItem(r, 4, numberCell(QString::number(e.failedTasks), e.failedTasks));
        m_executors->setItem(r, 5, numberCell(QString::number(e.killedTasks), e.killedTasks));
        m_executors->setItem(r, 6, numberCell(QString::number(e.succeededTasks), e.succeededTasks));
        const qint64 bytes[] = {m.inputBytes,        m.outputBytes,        m.shuffleReadBytes(),
                                m.shuffleWriteBytes, m.memoryBytesSpilled, m.diskBytesSpilled};
        for (int k = 0; k < 6; ++k)
            m_executors->setItem(r, 7 + k, numberCell(presentation::formatBytes(bytes[k]), bytes[k]));
    }
    m_executors->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder); // by executor id first
    m_executors->setSortingEnabled(true);
}

void SparkStagePage::fillFailures(const spark::StageDetail &detail)
{
    const QList<spark::TaskFailureGroup> groups = spark::taskFailureGroups(detail.tasks);
    m_failures->parentWidget()->setVisible(!groups.isEmpty());
    int failed = 0;
    for (const spark::TaskFailureGroup &g : groups)
        failed += g.count;
    m_failuresTitle->setText(tr("%n failed task(s), by reason", nullptr, failed));
    m_failures->setRowCount(int(groups.size()));
    for (int r = 0; r < groups.size(); ++r) {
        const spark::TaskFailureGroup &g = groups.at(r);
        auto *reason = cell(g.reason.isEmpty() ? tr("(no reason in the log)") : g.reason);
        reason->setToolTip(g.example);
        m_failures->setItem(r, 0, reason);
        m_failures->setItem(r, 1, cell(QString::number(g.count), true));
        m_failures->setItem(r, 2, cell(g.executors.join(u", "_s)));
        QStringList ids;
        for (qsizetype k = 0; k < g.taskIds.size() && k < 20; ++k)
            ids.append(QString::number(g.taskIds.at(k)));
        if (g.taskIds.size() > 20)
            ids.append(u"…"_s);
        m_failures->setItem(r, 3, cell(ids.join(u", "_s)));
    }
}

void SparkStagePage::fillFilters()
{
    const QSignalBlocker blockStatus(m_statusFilter);
    const QSignalBlocker blockExecutor(m_executorFilter);
    m_statusFilter->clear();
    m_statusFilter->addItem(tr("All statuses"), QString());
    for (const QString &s : m_tasksModel->statuses())
        m_statusFilter->addItem(s, s);
    m_executorFilter->clear();
    m_executorFilter->addItem(tr("All executors"), QString());
    for (const QString &e : m_tasksModel->executors())
        m_executorFilter->addItem(e, e);
    m_tasksModel->setStatusFilter({});
    m_tasksModel->setExecutorFilter({});
}

void SparkStagePage::updateCount()
{
    m_count->setText(
        tr("Showing %1 of %n task(s)", nullptr, int(m_tasksModel->tasks().size())).arg(m_tasksModel->rowCount()));
}

} // namespace cdeck
